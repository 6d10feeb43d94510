/**
 * Fields that a newer Planwerk version reads under another name. A plan written for an older
 * version keeps working: `planwerk pruefen` and the build name each old field with its new
 * name (instead of calling it unknown), and `planwerk migrieren` renames it in the plan's
 * files (src/plan/migration.ts). Only the name changes; the value stays as it is.
 *
 * Planwerk has renamed no field since 0.1.0 (its history and CHANGELOG.md name none), so the
 * registry is empty; a rename is added here, with its version, in the release that makes it.
 */
import type { CollectionName } from './schemas/index.ts';

/**
 * Collections whose fields are named in the plan's files. The published tables and survey
 * rounds (`daten/finanzen/`, `daten/erhebungen/`) are not: their columns are the plan's own.
 */
export type Umbenennbar = Exclude<CollectionName, 'finanzwerte' | 'erhebungswerte'>;

/** One renamed field. */
export interface Umbenennung {
  /** The Planwerk version that reads the field under its new name (semantic version). */
  seit: string;
  sammlung: Umbenennbar;
  /**
   * Where the field sits inside an entry: the path of the object that holds it, empty for a
   * field of the entry itself (and for a CSV column); `*` stands for every item of a list or
   * every value of a mapping. `['pflege']` with `alt: 'naechstePruefung'` is `pflege.naechstePruefung`.
   */
  pfad: readonly string[];
  alt: string;
  neu: string;
  /** What else the editor should know, in a short German sentence (shown with the message). */
  hinweis?: string;
}

/** The renamings of every Planwerk version, oldest first. */
export const UMBENENNUNGEN: readonly Umbenennung[] = [];

/** A field name that may stand in YAML without quotes and as a CSV column: `naechstePruefung`, `schul_form`. */
export const FELDNAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** The name a renamed field has today and since which version: renamings of the same field are followed in order. */
export function heutigerName(u: Umbenennung, register: readonly Umbenennung[]): { neu: string; seit: string } {
  let aktuell = u;
  const gesehen = new Set<Umbenennung>([u]);
  for (;;) {
    const weiter = register.find((r) => !gesehen.has(r) && r.sammlung === aktuell.sammlung && gleicherPfad(r.pfad, aktuell.pfad) && r.alt === aktuell.neu);
    if (!weiter) return { neu: aktuell.neu, seit: aktuell.seit };
    gesehen.add(weiter);
    aktuell = weiter;
  }
}

const gleicherPfad = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((teil, i) => teil === b[i]);

/** An old field name found in an entry. */
export interface AltesFeld {
  umbenennung: Umbenennung;
  /** Path of the object that holds it, with list positions (`['beziehungen', 2]`). */
  ort: (string | number)[];
  /** Its name today, and since which version (the last of the renamings it went through). */
  neu: string;
  seit: string;
  /** The object also has a field of the new name: renaming would lose one of the two values. */
  beideDa: boolean;
}

/** Every old field name in the data of one entry of `sammlung`, in the order of the register. */
export function alteFelder(sammlung: CollectionName, data: unknown, register: readonly Umbenennung[] = UMBENENNUNGEN): AltesFeld[] {
  const funde: AltesFeld[] = [];
  for (const umbenennung of register) {
    if (umbenennung.sammlung !== sammlung) continue;
    const { neu, seit } = heutigerName(umbenennung, register);
    for (const { wert, ort } of objekteAm(data, umbenennung.pfad)) {
      if (!Object.hasOwn(wert, umbenennung.alt)) continue;
      funde.push({ umbenennung, ort, neu, seit, beideDa: Object.hasOwn(wert, neu) });
    }
  }
  return funde;
}

type Objekt = Record<string, unknown>;
const istObjekt = (v: unknown): v is Objekt => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

/** The objects at `pfad` below `data` (`*`: every item or value), with their concrete paths. */
function objekteAm(data: unknown, pfad: readonly string[], ort: (string | number)[] = []): { wert: Objekt; ort: (string | number)[] }[] {
  if (pfad.length === 0) return istObjekt(data) ? [{ wert: data, ort }] : [];
  const [teil, ...rest] = pfad as [string, ...string[]];
  if (teil === '*') {
    if (Array.isArray(data)) return data.flatMap((item, i) => objekteAm(item, rest, [...ort, i]));
    if (istObjekt(data)) return Object.entries(data).flatMap(([k, v]) => objekteAm(v, rest, [...ort, k]));
    return [];
  }
  return istObjekt(data) && Object.hasOwn(data, teil) ? objekteAm(data[teil], rest, [...ort, teil]) : [];
}

/**
 * What is wrong with a register, in German; empty when it can be used: every new name a
 * plain field name, no field renamed twice from the same name, no version that is not
 * `x.y.z`, and CSV collections (flat rows) without a path.
 */
export function registerFehler(register: readonly Umbenennung[], csvSammlungen: readonly CollectionName[]): string[] {
  const fehler: string[] = [];
  const gesehen = new Set<string>();
  for (const u of register) {
    const wo = `${u.sammlung}: ${[...u.pfad, u.alt].join('.')} → ${u.neu}`;
    if (!/^\d+\.\d+\.\d+$/.test(u.seit)) fehler.push(`${wo}: „seit“ ist keine Version x.y.z`);
    if (!FELDNAME.test(u.alt) || !FELDNAME.test(u.neu)) fehler.push(`${wo}: alter und neuer Name müssen einfache Feldnamen sein`);
    if (u.alt === u.neu) fehler.push(`${wo}: alter und neuer Name sind gleich`);
    if (csvSammlungen.includes(u.sammlung) && u.pfad.length > 0) fehler.push(`${wo}: eine CSV-Spalte hat keinen Pfad`);
    const schluessel = `${u.sammlung}\u0000${u.pfad.join('\u0000')}\u0000${u.alt}`;
    if (gesehen.has(schluessel)) fehler.push(`${wo}: „${u.alt}“ ist schon einmal umbenannt`);
    gesehen.add(schluessel);
  }
  return fehler;
}
