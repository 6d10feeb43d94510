/**
 * The search index's cache between builds (a JSON file in the plan's cache folder).
 * Pagefind itself cannot reuse a previous index, so every page still goes to Pagefind on
 * every build; what is kept is Planwerk's own work per page: the page's words for the
 * lexicon and the compound keywords of its sections.
 *
 * An entry is used only for a file with the same content digest. Its keywords are used
 * only if no lexicon entry that was added or dropped since the cached build lies inside
 * one of the page's splittable words (the only lexicon entries a word's split can use).
 * A different version of Planwerk's code drops the whole cache.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planwerkCode } from '../seitencache.ts';

/** What is kept of one built page. */
export interface SeitenEintrag {
  /** SHA-256 of the HTML file. */
  digest: string;
  /** The page's words for the lexicon (komposita.ts lexikonWoerter). */
  lexikonWoerter: string[];
  /** The splittable words of its sections (teilbareWoerter); their keywords depend on the lexicon. */
  teilbar: string[];
  /** The compound keywords of each section of <main>, in order. */
  stichwoerter: string[][];
}

export interface Suchcache {
  /** Digest of the code that made the entries; another one makes the cache void. */
  fassung: string;
  /** The lexicon of the cached build, sorted. */
  lexikon: string[];
  /** By file path inside dist. */
  seiten: Record<string, SeitenEintrag>;
}

/** The cache file inside the plan's cache folder. */
export const SUCHCACHE_DATEI = 'suche.json';

/** Above this many changed lexicon entries every page's keywords are made anew (checking would cost more). */
const MAX_AENDERUNGEN = 64;

/** The version of the code whose output the cache holds: Planwerk's code (src/ausgabe/seitencache.ts) and this cache's format. */
export const fassung = (): string => `suchcache 1 ${planwerkCode()}`;

export function digest(inhalt: string): string {
  return createHash('sha256').update(inhalt).digest('hex');
}

/** The cache of the last build, or undefined if there is none, it cannot be read or another code version wrote it. */
export function ladeSuchcache(cacheDir: string): Suchcache | undefined {
  try {
    const c = JSON.parse(readFileSync(join(cacheDir, SUCHCACHE_DATEI), 'utf8')) as Suchcache;
    return c.fassung === fassung() && Array.isArray(c.lexikon) && c.seiten && typeof c.seiten === 'object' ? c : undefined;
  } catch {
    return undefined;
  }
}

/** Writes the cache (to a neighbouring file first, so that a stopped build never leaves half a file). */
export function speichereSuchcache(cacheDir: string, cache: Suchcache) {
  mkdirSync(cacheDir, { recursive: true });
  const ziel = join(cacheDir, SUCHCACHE_DATEI);
  const neben = `${ziel}.${process.pid}.neu`;
  writeFileSync(neben, JSON.stringify(cache));
  renameSync(neben, ziel);
}

/**
 * Lexicon entries added or dropped since the cached lexicon, or undefined if there are
 * so many that checking every page would cost more than making its keywords anew.
 */
export function lexikonAenderungen(alt: readonly string[], neu: Set<string>): string[] | undefined {
  const vorher = new Set(alt);
  const out: string[] = [];
  for (const w of neu) if (!vorher.has(w)) out.push(w);
  for (const w of vorher) if (!neu.has(w)) out.push(w);
  return out.length > MAX_AENDERUNGEN ? undefined : out;
}

/** Are a cached page's keywords still right under the new lexicon (given the changed entries)? */
export function stichwoerterGueltig(eintrag: SeitenEintrag, aenderungen: string[] | undefined): boolean {
  if (!aenderungen) return false;
  return !eintrag.teilbar.some((w) => aenderungen.some((a) => w.includes(a)));
}
