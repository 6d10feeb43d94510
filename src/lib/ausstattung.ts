/**
 * Ausstattungsquote: mobile pupil devices per pupil, in percent, per school, per
 * Schulform and overall, compared with the Zielwerte of the indicator that is bound
 * to the figure `ausstattungsquote` (see content/indikatoren.yaml).
 */
import type { Data } from './schemas.ts';
import type { PlanModel } from './model.ts';

type Schule = Pick<Data<'schulen'>, 'schuelerzahl' | 'endgeraete_schueler'>;

/** Devices per 100 pupils; undefined when there are no pupils. */
export function quote(devices: number, pupils: number): number | undefined {
  return pupils > 0 ? (devices / pupils) * 100 : undefined;
}

/** Quote of a group of schools: all their devices over all their pupils (not a mean of school quotes). */
export function ausstattungsquote(schulen: Schule[]): number | undefined {
  let devices = 0;
  let pupils = 0;
  for (const s of schulen) {
    devices += s.endgeraete_schueler;
    pupils += s.schuelerzahl;
  }
  return quote(devices, pupils);
}

export const AUSSTATTUNGSQUOTE = 'ausstattungsquote';

/**
 * Target for a Schulform (or overall when none is given), in percent, from the
 * indicator bound to `ausstattungsquote`. A target without Schulform applies to all.
 */
export function zielwert(model: Pick<PlanModel, 'indikatoren'>, schulform?: string): number | undefined {
  const indikator = model.indikatoren.find((i) => i.data.kennzahl === AUSSTATTUNGSQUOTE);
  if (!indikator) return undefined;
  const latest = (values: typeof indikator.data.zielwerte) =>
    [...values].sort((a, b) => (a.jahr ?? 0) - (b.jahr ?? 0)).at(-1)?.wert;
  const specific = schulform ? latest(indikator.data.zielwerte.filter((z) => z.schulform?.id === schulform)) : undefined;
  return specific ?? latest(indikator.data.zielwerte.filter((z) => !z.schulform));
}

export interface QuoteRow {
  schulform: string;
  name: string;
  schulen: number;
  schueler: number;
  endgeraete: number;
  quote: number | undefined;
  ziel: number | undefined;
  /** Schools of this Schulform whose own quote reaches the target. */
  schulenAmZiel: number;
}

/** One row per Schulform (in the plan's order), for tables and charts. */
export function quotenNachSchulform(model: Pick<PlanModel, 'schulen' | 'schulformen' | 'indikatoren'>): QuoteRow[] {
  return [...model.schulformen]
    .sort((a, b) => a.data.reihenfolge - b.data.reihenfolge)
    .map((sf) => {
      const schulen = model.schulen.filter((s) => s.data.schulform.id === sf.id).map((s) => s.data);
      const ziel = zielwert(model, sf.id);
      return {
        schulform: sf.id,
        name: sf.data.name,
        schulen: schulen.length,
        schueler: sum(schulen.map((s) => s.schuelerzahl)),
        endgeraete: sum(schulen.map((s) => s.endgeraete_schueler)),
        quote: ausstattungsquote(schulen),
        ziel,
        schulenAmZiel: ziel === undefined ? 0 : schulen.filter((s) => (quote(s.endgeraete_schueler, s.schuelerzahl) ?? 0) >= ziel).length,
      };
    })
    .filter((row) => row.schulen > 0);
}

export function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
