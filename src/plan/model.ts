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
  /** External (https) addresses the body links to, in order of appearance (src/plan/links.ts). */
  extern?: string[];
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

/** What the last check of an external link found (`planwerk links`, src/plan/links.ts). */
export type LinkStatus = 'erreichbar' | 'umgezogen' | 'nicht-erreichbar' | 'zeitueberschreitung' | 'fehler';

/** One entry of the link register links.json. */
export interface LinkEintrag {
  url: string;
  /** The last day the address answered with a page (2xx). */
  geprueft?: string;
  /** The day of the last check, whatever it found. */
  zuletzt?: string;
  status?: LinkStatus;
  /** The HTTP status of the last check, where there was one. */
  http?: number;
  /** Where a moved address leads now. */
  ziel?: string;
  /** Files of the plan folder that cite the address, relative to it. */
  quellen: string[];
}

/** An entry of the plan that cites an external address: its file (relative to the plan folder), collection and id. */
export interface Fundstelle {
  datei: string;
  sammlung: CollectionName;
  id: string;
  /** The top-level field that holds the address (`herausgeber`, `beschluss` …); none for a link in a text. */
  feld?: string;
}

/** An external link of the plan with where it stands and, from the register, what is known about it. */
export interface ExternerLink {
  url: string;
  fundstellen: Fundstelle[];
  /** The register's entry for the address, when `planwerk links` has seen it. */
  register?: LinkEintrag;
}

export type PlanModel = {
  plan: Data<'plan'>;
  ort: PlanLocation;
  /** The base path the site is built for ("/", or "/mep/" for a site published under a subpath). */
  basis: string;
  /** Every external link of the plan with its register entry (set by the plan loader, src/plan/links.ts). */
  links?: ExternerLink[];
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
