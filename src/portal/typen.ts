/**
 * What the portal knows of one plan after reading its site (src/portal/lesen.ts): the entry of
 * portal.yaml, the Portalangaben when the site publishes them, the open data tables read, and
 * German notes on everything that could not be read. The comparison (src/portal/vergleich.ts)
 * and the shared actor map (src/portal/akteure.ts) take nothing else.
 */
import type { Portalangaben } from '../ausgabe/offenedaten/portalformat.ts';

/** A published record of an open data table, as its JSON file has it. */
export type Datensatz = Record<string, unknown>;

/** The open data tables the portal reads from each plan (file `daten/<name>.json`). */
export const GELESENE_TABELLEN = ['massnahmen', 'handlungsfelder', 'akteure', 'ausstattungsquoten', 'erhebungen', 'finanzprognose', 'zustaendigkeitsmatrix'] as const;
export type GeleseneTabelle = (typeof GELESENE_TABELLEN)[number];

export interface GelesenerPlan {
  /** The plan's id in the portal (from portal.yaml, else slugged from its name): `plaene/<id>/`. */
  id: string;
  /** The Schulträger as portal.yaml names it. */
  name: string;
  /** The public address of the plan site, absolute, ending in `/` (its root with the base path). */
  adresse: string;
  /** The Portalangaben, when the site publishes readable ones. */
  angaben?: Portalangaben;
  /** The tables read, by name; a table the plan does not publish is missing here. */
  tabellen: Partial<Record<GeleseneTabelle, Datensatz[]>>;
  /** The Stand of each table read, as the Portalangaben give it. */
  staende: Partial<Record<GeleseneTabelle, string>>;
  /** Whether the plan's search index was copied into the portal (`plaene/<id>/pagefind/`). */
  suche: boolean;
  /** German notes for readers: what could not be read or is older than this portal knows. */
  hinweise: string[];
}

// Reading a field of a published record: every value comes from another site, so each is checked.

/** A finite number, else undefined. */
export const zahl = (r: Datensatz, feld: string): number | undefined => {
  const v = r[feld];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};
/** A text that is not blank, else undefined. */
export const text = (r: Datensatz, feld: string): string | undefined => {
  const v = r[feld];
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
};
/** The texts of a list field that are not blank (an empty list for anything else). */
export const texte = (r: Datensatz, feld: string): string[] => {
  const v = r[feld];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [];
};
