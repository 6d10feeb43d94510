/**
 * The key of every page for Astro's incremental build (`experimental.incrementalBuild`): a page
 * whose key and template code are unchanged is copied from the last build instead of rendered.
 * A wrong key is a stale page, so every key is made here, in one place, from what a page can show:
 *
 * - the plan's data (`planDigest`): plan.yaml, every entry of every collection with its fields,
 *   file, headings and anchors, the base path and whether the site links a PDF. Every page shows
 *   navigation, titles of linked entries and the plan's settings, so any of it changes every key;
 * - the page's own rendered text (`inhalt.digest`, data and HTML) for a page of one MDX entry:
 *   a changed paragraph renders only that page again. No other page shows an entry's text;
 * - what the page's footer takes from outside the plan: the git date of its source files and
 *   whether its review date has passed today (`Stempel`). Which files a page names is only known
 *   once it is rendered, so the layout notes them (`merkeStempel`) and the integration keeps them
 *   in the plan's cache folder for the next build (`schreibeStempel`).
 *
 * Template code, styles and Planwerk's version are Astro's part of the key (the page's module
 * graph, the config and the lock file).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanModel } from '../plan/model.ts';
import { loadModel, registry } from '../plan/aktuell.ts';
import { gitDaten, letzteAenderung, type GitDaten } from '../plan/git.ts';
import { heute, istUeberfaellig } from '../plan/pflege.ts';
import { displayDir } from '../plan/sources.ts';
import { PDF_SCHALTER } from './pdf.ts';

/** Raised when the meaning of a key changes, so that no key of an older Planwerk matches. */
const VERSION = 1;
/** The pages' notes for the next build, beside Astro's manifest in the plan's cache folder. */
export const STEMPEL_DATEI = 'planwerk-seitenstempel.json';
/** Astro's manifest of the last incremental build (astro/dist/core/build/incremental.js). */
const ASTRO_MANIFEST = 'incremental-build.json';

/** What a page's footer takes from outside the plan. */
export interface Stempel {
  /** The page's source files or folders as the repository names them. */
  pfade: string[];
  /** Its next review date, if it has one. */
  pruefung?: string;
}

interface Notiz {
  stempel: Stempel;
  /** The footer's values when the page was rendered. */
  werte: string;
  /** The part of the key the page was rendered with. */
  marke: string;
}

interface Stand {
  /** Notes of the last build, by page; null before they are read. */
  vorher: Map<string, Notiz> | null;
  /** Whether Astro kept a manifest without Planwerk's notes (then no page is keyed this build). */
  ohneNotizen: boolean;
  /** Pages keyed in this build, with the part of the key their footer gave. */
  marken: Map<string, string>;
  /** Pages rendered in this build, with what their footer used and showed. */
  gerendert: Map<string, Pick<Notiz, 'stempel' | 'werte'>>;
}

const KEY = Symbol.for('planwerk.seitenschluessel');
/** Shared by Astro's module instances of this file (the integration in Node, the pages in Vite). */
const stand = ((globalThis as Record<symbol, unknown>)[KEY] ??= { vorher: null, ohneNotizen: false, marken: new Map(), gerendert: new Map() }) as Stand;

const hash = (...teile: string[]) => {
  const h = createHash('sha256');
  for (const t of teile) h.update(t).update('\0');
  return h.digest('base64url');
};

/** Maps and sets as arrays, so that JSON shows their content. */
function ersetze(_: string, wert: unknown): unknown {
  if (wert instanceof Map) return [...wert];
  if (wert instanceof Set) return [...wert];
  return wert;
}

const digeste = new WeakMap<PlanModel, string>();

/** The digest of everything in the plan a page can show, except the entries' rendered texts. */
export function planDigest(model: PlanModel): string {
  let d = digeste.get(model);
  if (d) return d;
  const sammlungen: Record<string, unknown> = {};
  for (const [name, wert] of Object.entries(model)) {
    if (!Array.isArray(wert) || name === 'links') continue;
    sammlungen[name] = (wert as PlanModel['massnahmen']).map((e) => [
      e.id,
      e.file,
      e.data,
      // Headings and anchors name sections on other pages; their source line does not reach a page.
      e.inhalt && [e.inhalt.headings.map((h) => [h.depth, h.slug, h.text]), e.inhalt.datensaetze, e.inhalt.anker],
    ]);
  }
  const angaben = { version: VERSION, plan: model.plan, links: model.links, basis: model.basis, ordner: displayDir(model.ort), pdf: process.env[PDF_SCHALTER] === '1' };
  d = hash(JSON.stringify(angaben, ersetze), JSON.stringify(sammlungen, ersetze));
  digeste.set(model, d);
  return d;
}

/** The page's identity across builds: its route and parameters. */
export const seitenId = (muster: string, params: Record<string, string | undefined>) =>
  `${muster} ${JSON.stringify(Object.entries(params).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)))}`;

/**
 * What a page's footer shows from outside the plan, today: its last change (the newest git date of
 * its sources, else the plan's Stand) and whether its review date has passed; `werte` says both
 * (and whether git was used) in one string, the form the notes keep.
 */
export function fussangaben(git: GitDaten, s: Stempel, planStand: string): { geaendert: string; ueberfaellig: boolean; werte: string } {
  const geaendert = s.pfade.map((p) => letzteAenderung(git, p)).filter((d) => d !== undefined).sort().at(-1) ?? planStand;
  const ueberfaellig = s.pruefung ? istUeberfaellig(s.pruefung, heute()) : false;
  return { geaendert, ueberfaellig, werte: JSON.stringify([geaendert, Boolean(git.ohneGit), ueberfaellig]) };
}

/** Reads the last build's notes once per build. */
function vorher(): Map<string, Notiz> {
  if (stand.vorher) return stand.vorher;
  const cacheDir = registry.aktuell?.cacheDir;
  const datei = cacheDir && join(cacheDir, STEMPEL_DATEI);
  let notizen = new Map<string, Notiz>();
  try {
    if (datei && existsSync(datei)) notizen = new Map(Object.entries(JSON.parse(readFileSync(datei, 'utf8')) as Record<string, Notiz>));
  } catch {
    notizen = new Map();
  }
  // A manifest of Astro's without Planwerk's notes could hold keys made without the footer's part.
  stand.ohneNotizen = notizen.size === 0 && Boolean(cacheDir && existsSync(join(cacheDir, ASTRO_MANIFEST)));
  stand.vorher = notizen;
  return notizen;
}

/** The part of a page's key that its footer gives: unchanged while the footer's values are. */
function marke(model: PlanModel, id: string): string {
  const notiz = vorher().get(id);
  if (!notiz) return '-';
  const jetzt = fussangaben(gitDaten(model.ort.contentDir), notiz.stempel, model.plan.stand).werte;
  return jetzt === notiz.werte ? notiz.marke : jetzt;
}

/** The digest of a file's bytes. */
export const bytesDigest = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64url');

/** The key of one page: the plan's data, the page's own text and its footer's part. */
export function seitenSchluessel(model: PlanModel, id: string, eigen = ''): string | undefined {
  const m = marke(model, id);
  stand.marken.set(id, m);
  // Rendered anew this once; its note makes it keyable from the next build on.
  if (stand.ohneNotizen) return undefined;
  return hash(planDigest(model), eigen, m);
}

type Pfad = { params: Record<string, string | undefined>; props?: Record<string, unknown> };

/**
 * getStaticPaths' entries with their keys. `muster` is the route's pattern (Astro hands it to
 * getStaticPaths). A page of one MDX entry (`props.entry`) adds its rendered text; `eigen` gives
 * what else a path shows that is not in the model (the bytes of a media file).
 */
export function mitSchluessel<P extends Pfad>(muster: string, model: PlanModel, pfade: P[], eigen?: (p: P) => string): (P & { cacheKey?: string })[] {
  return pfade.map((p) => {
    const eintrag = p.props?.entry as { inhalt?: { digest: string } } | undefined;
    const cacheKey = seitenSchluessel(model, seitenId(muster, p.params), eigen ? eigen(p) : eintrag?.inhalt?.digest);
    return cacheKey === undefined ? p : { ...p, cacheKey };
  });
}

/** The layout notes what a rendered page's footer used and showed (Base.astro, `fussangaben`). */
export function merkeStempel(muster: string, params: Record<string, string | undefined>, stempel: Stempel, werte: string): void {
  stand.gerendert.set(seitenId(muster, params), { stempel, werte });
}

/**
 * After the pages are written: the notes for the next build. A rendered page gets what it used now,
 * a page copied from the last build keeps its note; pages no longer built are dropped.
 */
export function schreibeStempel(cacheDir: string): void {
  const alt = vorher();
  const neu: Record<string, Notiz> = {};
  for (const [id, m] of stand.marken) {
    const gerendert = stand.gerendert.get(id);
    if (gerendert) neu[id] = { ...gerendert, marke: m };
    else if (alt.has(id)) neu[id] = alt.get(id)!;
  }
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, STEMPEL_DATEI), JSON.stringify(neu));
  vergissStempel();
}

/** Starts afresh (a new build in the same process). */
export function vergissStempel(): void {
  stand.vorher = null;
  stand.ohneNotizen = false;
  stand.marken.clear();
  stand.gerendert.clear();
}

/** getStaticPaths of a page that always exists once (the start page, the imprint …): its one path with its key. */
export async function eineSeite({ routePattern }: { routePattern: string }) {
  return mitSchluessel(routePattern, await loadModel(), [{ params: { seite: undefined } }]);
}
