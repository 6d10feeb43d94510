/**
 * The staff's attitude questions (`fragen` in daten/erhebungen.yaml), aggregated per Schulform
 * and for all schools. Each school reports, per question, the share of its teachers who agree
 * and how many answered (`antworten`); a group's share is weighted by those answers. A group
 * with fewer answers than the plan's `mindestgruppe` is not shown: no share, no count. Single
 * schools are never shown.
 */
import type { PlanModel } from '../plan/model.ts';
import { erhebungsdaten, staendeDerRunde, HALTUNG, type Runde, type Stand } from './erhebungen.ts';

export interface HaltungsZeile {
  /** undefined in the row for all schools. */
  schulform?: string;
  name: string;
  antworten: number;
  zuKlein: boolean;
  /** Question id → share agreeing in percent; undefined where no school of the group answered it. */
  anteile: Record<string, number | undefined>;
}

export interface Haltungen {
  runde: Runde;
  mindestgruppe: number;
  fragen: { id: string; text: string }[];
  zeilen: HaltungsZeile[];
}

/** A group's share per question, weighted by the answers of each school that reported one. */
export function haltungDerGruppe(staende: readonly Pick<Stand, 'werte' | 'haltungen'>[], frage: string): { anteil?: number; antworten: number } {
  let gewicht = 0;
  let summe = 0;
  for (const s of staende) {
    const anteil = s.haltungen[frage];
    const n = s.werte.antworten;
    if (anteil === undefined || !n) continue;
    gewicht += n;
    summe += anteil * n;
  }
  return gewicht > 0 ? { anteil: summe / gewicht, antworten: gewicht } : { antworten: 0 };
}

/** The attitudes of the latest round that asked any question; undefined when none did. */
export function haltungenNachSchulform(model: PlanModel, erhebung?: string): Haltungen | undefined {
  const daten = erhebungsdaten(model);
  const k = daten.konfiguration;
  if (!k || k.fragen.length === 0) return undefined;
  const runde = [...daten.runden].reverse().find((r) => (erhebung === undefined || r.id === erhebung) && k.fragen.some((f) => r.gefragt.has(HALTUNG + f.id)));
  if (!runde) return undefined;
  const staende = staendeDerRunde(model, runde.id);
  const zeile = (gruppe: readonly Stand[], name: string, schulform?: string): HaltungsZeile => {
    const antworten = gruppe.reduce((n, s) => n + (s.werte.antworten ?? 0), 0);
    const zuKlein = antworten < k.mindestgruppe;
    return { schulform, name, antworten: zuKlein ? 0 : antworten, zuKlein, anteile: zuKlein ? {} : Object.fromEntries(k.fragen.map((f) => [f.id, haltungDerGruppe(gruppe, f.id).anteil])) };
  };
  const zeilen = [...model.schulformen]
    .sort((a, b) => a.data.reihenfolge - b.data.reihenfolge)
    .map((f) => ({ f, gruppe: staende.filter((s) => s.schulform === f.id) }))
    .filter(({ gruppe }) => gruppe.length > 0)
    .map(({ f, gruppe }) => zeile(gruppe, f.data.name, f.id));
  zeilen.push(zeile(staende, 'Alle Schulen'));
  return { runde, mindestgruppe: k.mindestgruppe, fragen: k.fragen.filter((f) => runde.gefragt.has(HALTUNG + f.id)), zeilen };
}
