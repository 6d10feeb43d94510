/** The validated plan as plain data, the input of every calculation. */
import type { CollectionName, Data } from './schemas/index.ts';
import type { PlanLocation } from './sources.ts';

/** A heading of rendered content, as Astro's `render()` hands it to pages. */
export interface Ueberschrift {
  depth: number;
  slug: string;
  text: string;
  /** 1-based line within the MDX body, where known (for messages about numbered sections). */
  line?: number;
}

/** The finished content of an MDX entry: sanitised HTML with its figures filled in. */
export interface Inhalt {
  html: string;
  headings: Ueberschrift[];
  /** Datasets whose figures the text cites (ids in datensaetze.yaml). */
  datensaetze: string[];
  /** Every id in the body a link can point to (headings, their former ids, footnotes …). */
  anker: string[];
  /** Digest of data and HTML: what Astro's content store compares. */
  digest: string;
}

export interface Entry<C extends CollectionName> {
  id: string;
  data: Data<C>;
  /** Source file, relative to the project root. */
  file: string;
  /** Line of the entry in its file, where known (for messages). */
  line?: number;
  /** MDX only: the line where the body starts, and the rendered body. */
  bodyLine?: number;
  inhalt?: Inhalt;
}

export type PlanModel = {
  plan: Data<'plan'>;
  ort: PlanLocation;
  /** The base path the site is built for ("/", or "/mep/" for a site published under a subpath). */
  basis: string;
} & { [C in Exclude<CollectionName, 'plan'>]: Entry<C>[] };

const indexe = new WeakMap<object, Map<string, unknown>>();

/** Finds an entry by id (through an index built once per list) or throws a message naming the collection. */
export function byId<C extends CollectionName>(entries: Entry<C>[], id: string, collection: C): Entry<C> {
  let index = indexe.get(entries) as Map<string, Entry<C>> | undefined;
  if (!index) {
    index = new Map(entries.map((e) => [e.id, e]));
    indexe.set(entries, index);
  }
  const found = index.get(id);
  if (!found) throw new Error(`Unbekannte ID „${id}“ in der Sammlung „${collection}“`);
  return found;
}
