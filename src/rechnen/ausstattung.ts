/**
 * Ausstattungsquote: mobile pupil devices per pupil, in percent, per school, per
 * Schulform and overall, compared with the Zielwerte of the indicator that is bound
 * to the figure `ausstattungsquote` (see content/indikatoren.yaml). The figures are the
 * answers of one survey round (src/rechnen/erhebungen.ts), the latest unless one is named.
 */
import type { PlanModel } from '../plan/model.ts';
import { staendeDerRunde, type Stand, type Zahlfeld } from './erhebungen.ts';
import { bewertbar, erreicht, zielFuer, type Zielwert } from './indikatoren.ts';

/** Devices per 100 pupils; undefined when there are no pupils or a figure is missing. */
export function quote(devices: number | undefined, pupils: number | undefined): number | undefined {
  return devices !== undefined && pupils !== undefined && pupils > 0 ? (devices / pupils) * 100 : undefined;
}

/**
 * A ratio over a group of schools: the sum of one field over the sum of another, in percent,
 * counting only the schools that gave both (a school without an answer is left out, not read as 0).
 */
export function anteil(staende: readonly Pick<Stand, 'werte'>[], zaehler: Zahlfeld, nenner: Zahlfeld): number | undefined {
  let oben = 0;
  let unten = 0;
  let gezaehlt = 0;
  for (const s of staende) {
    const a = s.werte[zaehler];
    const b = s.werte[nenner];
    if (a === undefined || b === undefined) continue;
    oben += a;
    unten += b;
    gezaehlt++;
  }
  return gezaehlt > 0 ? quote(oben, unten) : undefined;
}

/** Quote of a group of schools: all their devices over all their pupils (not a mean of school quotes). */
export function ausstattungsquote(staende: readonly Pick<Stand, 'werte'>[]): number | undefined {
  return anteil(staende, 'endgeraete_schueler', 'schuelerzahl');
}

/** WLAN coverage of a group, weighted by the schools' classrooms. */
export function wlanAbdeckung(staende: readonly Pick<Stand, 'werte'>[]): number | undefined {
  let raeume = 0;
  let abgedeckt = 0;
  for (const { werte: w } of staende) {
    if (w.wlan_abdeckung === undefined || w.unterrichtsraeume === undefined) continue;
    raeume += w.unterrichtsraeume;
    abgedeckt += w.wlan_abdeckung * w.unterrichtsraeume;
  }
  return raeume > 0 ? abgedeckt / raeume : undefined;
}

/** Sum of a field over the schools that answered it; undefined when none did (the round did not ask). */
export function summe(staende: readonly Pick<Stand, 'werte'>[], feld: Zahlfeld): number | undefined {
  const werte = staende.map((s) => s.werte[feld]).filter((v): v is number => v !== undefined);
  return werte.length > 0 ? sum(werte) : undefined;
}

export const AUSSTATTUNGSQUOTE = 'ausstattungsquote';

/**
 * The target for a Schulform (or for all schools when none is given) from the indicator bound to
 * `ausstattungsquote`, as the plan states it (value in percent, comparison, year, reach): a target
 * for the Schulform, else one for a group it belongs to, else one for all (src/rechnen/indikatoren.ts).
 */
export function zielwert(model: Pick<PlanModel, 'indikatoren'>, schulform?: string): Zielwert | undefined {
  const indikator = model.indikatoren.find((i) => i.data.kennzahl === AUSSTATTUNGSQUOTE);
  return indikator ? zielFuer(indikator.data.zielwerte, schulform) : undefined;
}

/**
 * Whether a school's own quote reaches the target of its Schulform; undefined when there is no
 * target, no quote, or the target leaves it open („etwa“).
 */
export function amZiel(model: Pick<PlanModel, 'indikatoren'>, s: Pick<Stand, 'werte' | 'schulform'>): boolean | undefined {
  const ziel = zielwert(model, s.schulform);
  const q = quote(s.werte.endgeraete_schueler, s.werte.schuelerzahl);
  return ziel === undefined || q === undefined ? undefined : erreicht(q, ziel);
}

/**
 * How many of these schools reach their target; undefined when a school has no target or one
 * Planwerk does not judge (a count that left them out would look complete). A school without a
 * quote (no answer) counts as not reaching it, as before.
 */
export function schulenAmZiel(model: Pick<PlanModel, 'indikatoren'>, staende: readonly Pick<Stand, 'werte' | 'schulform'>[]): number | undefined {
  let n = 0;
  for (const s of staende) {
    const ziel = zielwert(model, s.schulform);
    if (!ziel || !bewertbar(ziel)) return undefined;
    if (amZiel(model, s)) n++;
  }
  return n;
}

export interface QuoteRow {
  schulform: string;
  name: string;
  schulen: number;
  schueler: number | undefined;
  endgeraete: number | undefined;
  quote: number | undefined;
  /** The target of this Schulform, as the plan states it. */
  ziel: Zielwert | undefined;
  /** Schools of this Schulform whose own quote reaches the target; undefined without a target Planwerk judges. */
  schulenAmZiel: number | undefined;
}

/** One row per Schulform (in the plan's order) for one round (the latest when none is given), for tables and charts. */
export function quotenNachSchulform(model: PlanModel, erhebung?: string): QuoteRow[] {
  const staende = staendeDerRunde(model, erhebung);
  return [...model.schulformen]
    .sort((a, b) => a.data.reihenfolge - b.data.reihenfolge)
    .map((sf) => {
      const gruppe = staende.filter((s) => s.schulform === sf.id);
      const ziel = zielwert(model, sf.id);
      return {
        schulform: sf.id,
        name: sf.data.name,
        schulen: gruppe.length,
        schueler: summe(gruppe, 'schuelerzahl'),
        endgeraete: summe(gruppe, 'endgeraete_schueler'),
        quote: ausstattungsquote(gruppe),
        ziel,
        schulenAmZiel: schulenAmZiel(model, gruppe),
      };
    })
    .filter((row) => row.schulen > 0);
}

export function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
