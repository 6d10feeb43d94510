/**
 * The key of every page for Astro's incremental build (`experimental.incrementalBuild`): a page
 * whose key and template code are unchanged is copied from the last build instead of rendered.
 * A wrong key is a stale page, so every key is made here, in one place, from what a page can show:
 *
 * - the plan's data (`planDigest`): plan.yaml, every entry of every collection with its fields,
 *   file, headings and anchors, the base path and whether the site links a PDF. Every page shows
 *   navigation, titles of linked entries and the plan's settings, so any of it changes every key.
 *   The external links and their register (links.json) are not part of it: only the pages that
 *   show a link's date or finding depend on it (below), so a check that updates a date renders
 *   only those pages again;
 * - the page's own rendered text (`inhalt.digest`, data and HTML) for a page of one MDX entry:
 *   a changed paragraph renders only that page again. No other page shows an entry's text;
 * - what the page's footer takes from outside the plan: the git date of its source files and
 *   whether its review date has passed today (`Stempel`). Which files a page names is only known
 *   once it is rendered, so the layout notes them (`merkeStempel`) and the integration keeps them
 *   in the plan's cache folder for the next build (`schreibeStempel`);
 * - the external links the page shows with what the register knows of them: the components that
 *   show a link's register entry note its address (`merkeLink`; the list on /daten/ notes all of
 *   them, `ALLE_LINKS`), and the notes keep, beside the footer's values, the digest of those
 *   links as they were (`linkwerte`). A page that shows no link has none in its key.
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
const VERSION = 2;
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
  /** The external links the page showed (addresses, or ALLE_LINKS), and their digest then (`linkwerte`). */
  links?: string[];
  linkwerte?: string;
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
  /** Pages rendered in this build, with the external links they showed and the digest of each then. */
  links: Map<string, Map<string, string>>;
}

const KEY = Symbol.for('planwerk.seitenschluessel');
/** Shared by Astro's module instances of this file (the integration in Node, the pages in Vite). */
const stand = ((globalThis as Record<symbol, unknown>)[KEY] ??= { vorher: null, ohneNotizen: false, marken: new Map(), gerendert: new Map(), links: new Map() }) as Stand;

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
  const angaben = { version: VERSION, plan: model.plan, basis: model.basis, ordner: displayDir(model.ort), pdf: process.env[PDF_SCHALTER] === '1' };
  d = hash(JSON.stringify(angaben, ersetze), JSON.stringify(sammlungen, ersetze));
  digeste.set(model, d);
  return d;
}

/** Noted by a page that shows every external link of the plan (the list on /daten/). */
export const ALLE_LINKS = '*';

/** What a page shows of one external link (or of all, ALLE_LINKS): where it stands and what the register knows. */
function linkwert(model: PlanModel, adresse: string): string {
  const links = model.links ?? [];
  return hash(JSON.stringify(adresse === ALLE_LINKS ? links : (links.find((l) => l.url === adresse) ?? null)));
}

/** One digest of links (address → what the page showed of it); empty for a page that shows none. */
const linkdigest = (werte: ReadonlyMap<string, string>) => (werte.size === 0 ? '' : hash(...[...werte].sort(([a], [b]) => a.localeCompare(b)).map(([a, w]) => `${a} ${w}`)));

/** The digest of the links a page showed, as they are in this model; empty for a page that shows none. */
export function linkwerte(model: PlanModel, adressen: readonly string[]): string {
  return linkdigest(new Map(adressen.map((a) => [a, linkwert(model, a)])));
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

/**
 * The part of a page's key that its footer and its external links give: unchanged while the
 * footer's values and the links the page showed are as they were when it was rendered.
 */
function marke(model: PlanModel, id: string): string {
  const notiz = vorher().get(id);
  if (!notiz) return '-';
  const jetzt = fussangaben(gitDaten(model.ort.contentDir), notiz.stempel, model.plan.stand).werte;
  const links = linkwerte(model, notiz.links ?? []);
  return jetzt === notiz.werte && links === (notiz.linkwerte ?? '') ? notiz.marke : hash(jetzt, links);
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
 * A component notes an external link it shows with the register's entry (LinkGeprueft.astro), or
 * the list on /daten/ all of them (ALLE_LINKS): the page's key then depends on what it showed.
 */
export function merkeLink(model: PlanModel, muster: string, params: Record<string, string | undefined>, adresse: string): void {
  const id = seitenId(muster, params);
  const links = stand.links.get(id) ?? new Map<string, string>();
  links.set(adresse, linkwert(model, adresse));
  stand.links.set(id, links);
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
    const links = stand.links.get(id);
    if (gerendert) neu[id] = { ...gerendert, marke: m, ...(links ? { links: [...links.keys()].sort(), linkwerte: linkdigest(links) } : {}) };
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
  stand.links.clear();
}

/** getStaticPaths of a page that always exists once (the start page, the imprint …): its one path with its key. */
export async function eineSeite({ routePattern }: { routePattern: string }) {
  return mitSchluessel(routePattern, await loadModel(), [{ params: { seite: undefined } }]);
}
