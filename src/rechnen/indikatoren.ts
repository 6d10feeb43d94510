/**
 * Indicators as plans state them: which target applies to whom, whether a value reaches it, and
 * how a page says the target in words. A target (indikatoren.yaml `zielwerte`) is what the plan
 * wrote, nothing more: its value, the comparison the plan gives with it (`vergleich`: mindestens,
 * höchstens, etwa, genau; none when the plan gives none), for whom it holds (all, one Schulform,
 * or a named group of Schulformen) and the year it is to be reached by (where the plan gives one).
 *
 * Whether a value reaches a target („erreicht“) is Planwerk's judgement, and pages label it as such:
 * - `mindestens`: the value is at least the target; `höchstens`: at most the target;
 * - `genau`: the value equals the target at the precision the site shows it (one decimal);
 * - `etwa`: not judged: how far „etwa“ reaches, the plan does not say;
 * - no comparison: read as a value to reach, i.e. like `mindestens` (as plans usually mean an
 *   Ausstattungsquote); a target such as a time limit needs `vergleich: höchstens`.
 */
import type { Data } from '../plan/schemas/index.ts';
import { vergleicheDaten } from '../plan/datum.ts';

const liste = new Intl.ListFormat('de-DE', { type: 'conjunction' });

export type Zielwert = Data<'indikatoren'>['zielwerte'][number];
export type Messwert = Data<'indikatoren'>['messwerte'][number];

/** The Schulformen a target names (one or a group); undefined: it holds for all. */
export function schulformenDes(z: Pick<Zielwert, 'schulform' | 'schulformen'>): string[] | undefined {
  if (z.schulform) return [z.schulform.id];
  if (z.schulformen) return z.schulformen.map((s) => s.id);
  return undefined;
}

/**
 * The target that holds for a Schulform, or for all schools when none is given. A target for the
 * Schulform alone comes before one for a group it belongs to, and that before one for all; among
 * targets of the same reach, the one with the latest year (a target without year counts as the
 * earliest; of equal ones the last listed).
 */
export function zielFuer(zielwerte: readonly Zielwert[], schulform?: string): Zielwert | undefined {
  const spaetester = (werte: Zielwert[]) => [...werte].sort((a, b) => (a.jahr ?? 0) - (b.jahr ?? 0)).at(-1);
  const fuerAlle = zielwerte.filter((z) => !schulformenDes(z));
  if (!schulform) return spaetester(fuerAlle);
  return (
    spaetester(zielwerte.filter((z) => z.schulform?.id === schulform)) ??
    spaetester(zielwerte.filter((z) => z.schulformen?.some((s) => s.id === schulform))) ??
    spaetester(fuerAlle)
  );
}

/** Rounds to the decimals the site shows. */
const gerundet = (v: number, stellen: number) => Math.round(v * 10 ** stellen) / 10 ** stellen;

/**
 * Whether a value reaches a target (see the rules at the top); undefined where the target leaves
 * it open (`etwa`). `stellen`: the decimals at which „genau“ is compared.
 */
export function erreicht(wert: number, ziel: Pick<Zielwert, 'wert' | 'vergleich'>, stellen = 1): boolean | undefined {
  switch (ziel.vergleich) {
    case undefined:
    case 'mindestens':
      return wert >= ziel.wert;
    case 'höchstens':
      return wert <= ziel.wert;
    case 'genau':
      return gerundet(wert, stellen) === gerundet(ziel.wert, stellen);
    case 'etwa':
      return undefined;
  }
}

/** Whether Planwerk judges values against this target at all (not for „etwa“). */
export const bewertbar = (ziel: Pick<Zielwert, 'vergleich'>): boolean => ziel.vergleich !== 'etwa';

/** The target's value with its comparison, as the plan says it: „mindestens 80 %“, „80 %“. */
export function zielwertText(ziel: Pick<Zielwert, 'wert' | 'vergleich'>, format: (wert: number) => string): string {
  return ziel.vergleich ? `${ziel.vergleich} ${format(ziel.wert)}` : format(ziel.wert);
}

/** „ bis 2030“, or nothing for a target without year. */
export const zielBis = (ziel: Pick<Zielwert, 'jahr'>): string => (ziel.jahr === undefined ? '' : ` bis ${ziel.jahr}`);

/**
 * For whom a target holds, in words: the Schulform's name, the group's name with its Schulformen
 * („weiterführende Schulen (Gesamtschule und Gymnasium)“), or the Schulformen alone; undefined
 * for a target for all.
 */
export function geltung(ziel: Pick<Zielwert, 'schulform' | 'schulformen' | 'gruppe'>, name: (schulform: string) => string): string | undefined {
  const formen = schulformenDes(ziel);
  if (!formen) return undefined;
  if (ziel.schulform) return name(ziel.schulform.id);
  const namen = liste.format(formen.map(name));
  return ziel.gruppe ? `${ziel.gruppe} (${namen})` : namen;
}

/** The whole target in words: „mindestens 100 % bis 2030“ (the reach is said by the caller). */
export function zielText(ziel: Zielwert, format: (wert: number) => string): string {
  return `${zielwertText(ziel, format)}${zielBis(ziel)}`;
}

/**
 * Every target of an indicator in words, in the plan's order: „Grundschule 30 %“, „weiterführende
 * Schulen (Gesamtschule und Gymnasium) mindestens 100 % bis 2030“, „insgesamt etwa 80 %“.
 */
export function zielwerteInWorten(zielwerte: readonly Zielwert[], name: (schulform: string) => string, format: (wert: number) => string, alle = 'insgesamt'): string[] {
  return zielwerte.map((z) => `${geltung(z, name) ?? alle} ${zielText(z, format)}`);
}

/** When a reading was taken, as a plan date: its `stand`, else its year. */
export const messzeit = (m: Pick<Messwert, 'jahr' | 'stand'>): string => m.stand ?? String(m.jahr);

/** Readings in time order (stable for equal dates). */
export function messwerteSortiert<T extends Pick<Messwert, 'jahr' | 'stand'>>(werte: readonly T[]): T[] {
  return [...werte].sort((a, b) => vergleicheDaten(messzeit(a), messzeit(b)));
}


