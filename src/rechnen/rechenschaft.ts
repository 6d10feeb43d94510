/**
 * The account to the council: what changed between the survey rounds, per Handlungsfeld (the
 * fields `handlungsfelder` in daten/erhebungen.yaml assigns to it), next to the Maßnahmen of that
 * Handlungsfeld completed in between (their `statusverlauf` reaching „abgeschlossen“ after one
 * Stichtag and on or before the next). City-wide figures: sums of counts over the schools that
 * answered, WLAN weighted by classrooms, reaction times as the mean of the schools, and for the
 * Medienkonzept the number of schools whose Konzept was current at the Stichtag. Internal fields
 * may be summed here: a city-wide sum names no school.
 */
import { bisEnde, nach, vergleicheDaten } from '../plan/datum.ts';
import type { Entry, PlanModel } from '../plan/model.ts';
import { byId } from '../plan/model.ts';
import { summe, wlanAbdeckung } from './ausstattung.ts';
import { erhebungsdaten, medienkonzeptLage, staendeDerRunde, FELDER, type Feld, type Runde, type Stand, type Zahlfeld } from './erhebungen.ts';
import { formatNumber, formatPercent } from '../plan/format.ts';
import { formatVeraenderung } from './kennzahlen.ts';
import { byCode } from '../plan/massnahmen.ts';

export interface Stadtwert {
  wert?: number;
  text: string;
}

/** A field over all schools of a round, as the account shows it; "nicht erhoben" where the round did not ask. */
export function stadtwert(model: PlanModel, r: Runde, feld: Feld): Stadtwert {
  if (!r.gefragt.has(feld)) return { text: 'nicht erhoben' };
  const staende = staendeDerRunde(model, r.id);
  const def = FELDER[feld];
  let wert: number | undefined;
  if (feld === 'wlan_abdeckung') wert = wlanAbdeckung(staende);
  else if (feld === 'medienkonzept_stand') wert = staende.filter((s) => medienkonzeptLage(s, r.stichtag) === 'aktuell').length;
  else if (def.art === 'anzahl') wert = summe(staende, feld as Zahlfeld);
  else if (def.art === 'zahl') {
    const werte = staende.map((s: Stand) => s.werte[feld as Zahlfeld]).filter((v): v is number => v !== undefined);
    wert = werte.length ? werte.reduce((a, b) => a + b, 0) / werte.length : undefined;
  }
  if (wert === undefined) return { text: 'keine Angaben' };
  const text = def.art === 'prozent' ? formatPercent(wert) : def.art === 'zahl' ? `${formatNumber(wert, 1)}${'einheit' in def ? ` ${def.einheit}` : ''}` : formatNumber(wert);
  return { wert, text };
}

/** How the account names a field city-wide. */
export function stadtName(feld: Feld): string {
  if (feld === 'medienkonzept_stand') return 'Schulen mit aktuellem Medienkonzept';
  if (feld === 'reaktionszeit_h') return 'Mittlere Reaktionszeit des Supports (Mittel der Schulen)';
  if (feld === 'breitband_mbit') return 'Breitband aller Schulen zusammen (Mbit/s)';
  return FELDER[feld].name;
}

/**
 * The change of a city-wide figure from the first of the rounds that has it to the last one,
 * signed, with that first round; undefined with fewer than two rounds that have it.
 */
export function veraenderung(model: PlanModel, runden: readonly Runde[], feld: Feld): { text: string; seit: Runde } | undefined {
  const mit = runden.filter((r) => stadtwert(model, r, feld).wert !== undefined);
  if (mit.length < 2) return undefined;
  return { text: differenz(stadtwert(model, mit[0]!, feld).wert!, stadtwert(model, mit.at(-1)!, feld).wert!, feld), seit: mit[0]! };
}

function differenz(a: number, b: number, feld: Feld): string {
  const art = FELDER[feld].art;
  if (art === 'prozent') return formatVeraenderung(b - a, 'Prozentpunkte');
  if (art !== 'zahl') return formatVeraenderung(b - a, 'Anzahl');
  const d = Math.round((b - a) * 10) / 10;
  return `${d > 0 ? '+' : d < 0 ? '−' : '±'}${formatNumber(Math.abs(d), 1)}`;
}

export interface Zeitraum {
  von: Runde;
  bis: Runde;
  /** Maßnahmen of the Handlungsfeld completed after `von` and up to `bis`, in code order. */
  abgeschlossen: Entry<'massnahmen'>[];
}

export interface Feldbericht {
  handlungsfeld: Entry<'handlungsfelder'>;
  felder: Feld[];
  zeitraeume: Zeitraum[];
}

/** When a Maßnahme was completed, from its status history, as precise as the plan dates it; undefined if never. */
export function abgeschlossenAm(m: Entry<'massnahmen'>): string | undefined {
  return m.data.statusverlauf.filter((s) => s.status === 'abgeschlossen').map((s) => s.datum).sort(vergleicheDaten).at(-1);
}

/** The account per Handlungsfeld over the plan's named rounds (at least two), in the order of the file. */
export function rechenschaft(model: PlanModel): Feldbericht[] {
  const daten = erhebungsdaten(model);
  const runden = daten.runden.filter((r) => r.explizit);
  if (runden.length < 2 || !daten.konfiguration) return [];
  return daten.konfiguration.handlungsfelder.map((h) => {
    const handlungsfeld = byId(model.handlungsfelder, h.handlungsfeld.id, 'handlungsfelder');
    const massnahmen = model.massnahmen.filter((m) => m.data.handlungsfelder.some((x) => x.id === handlungsfeld.id));
    const zeitraeume = runden.slice(1).map((bis, i) => {
      const von = runden[i]!;
      const abgeschlossen = massnahmen.filter((m) => {
        // Completed after the earlier round's Stichtag and by the later one's; a completion dated by
        // month or year counts only where its whole period lies between the two.
        const am = abgeschlossenAm(m);
        return am !== undefined && nach(am, von.stichtag) && bisEnde(am, bis.stichtag);
      });
      return { von, bis, abgeschlossen: abgeschlossen.sort(byCode) };
    });
    return { handlungsfeld, felder: h.felder as Feld[], zeitraeume };
  });
}
