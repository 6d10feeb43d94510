/**
 * The search index: after the build (src/integration.ts, while the Druckfassung is put together),
 * indexes dist/ with Pagefind (Node API) and writes the search bundle to dist/pagefind/. Only `<main data-pagefind-body>` is indexed; the
 * language comes from `<html lang="de">`.
 *
 * Before a page goes into the index (the file on disk stays as it is) every section
 * – the text from one heading with an id to the next – gets an extra element with the
 * parts of its German compounds (see komposita.ts), so "Endgeräte" finds
 * "Schülerendgeräten" and the hit still points to the section's anchor (seitentext.ts).
 *
 * Pagefind cannot add to or reuse an earlier index, so every page goes to Pagefind on
 * every build. What an unchanged page can skip is Planwerk's own work on it (its words
 * for the lexicon, its keywords): that is kept in the plan's cache folder (suchcache.ts).
 */
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { lexikon } from './komposita.ts';
import { abschnittStichwoerter, fuerPagefind, seitenWoerter } from './seitentext.ts';
import { digest, fassung, ladeSuchcache, lexikonAenderungen, speichereSuchcache, stichwoerterGueltig, type SeitenEintrag, type Suchcache } from './suchcache.ts';

export { abschnittTexte, mitStichwoertern, STICHWORT_AUF, STICHWORT_ZU } from './seitentext.ts';

/** Pages that are not searched: the search page itself, the A–Z register with its letter pages (it names everything), 404 and the Druckfassung (its text is that of the other pages: every hit would come twice). */
export const NICHT_INDEXIERT = ['404.html', 'suche/index.html', 'register/index.html', 'druckfassung/index.html'];
const REGISTERSEITE = /^register\/[^/]+\/index\.html$/;

/** Is this built file (path inside dist) left out of the search index? */
export const nichtIndexiert = (datei: string) => NICHT_INDEXIERT.includes(datei) || REGISTERSEITE.test(datei);

/** Parts of <main> that repeat on many pages or only navigate, the labels of label–value lists ("Status", "Priorität") and the small source and kind lines (`.quelle`), which would otherwise run into the text of excerpts. */
export const AUSGESCHLOSSEN = ['nav', '.anker', '.skip-link', 'svg', 'dt', '.quelle'];

function htmlDateien(dir: string, root = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name === '_astro' || name === 'pagefind') continue;
      out.push(...htmlDateien(full, root));
    } else if (name.endsWith('.html')) out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

/** Options of indexiere(). */
export interface IndexOptionen {
  /** The plan's cache folder: the search cache (suchcache.ts) is read from and written to it. Without it nothing is cached. */
  cacheDir?: string;
  /** Where the search bundle goes; `<dist>/pagefind` unless given. */
  ausgabe?: string;
  /** If given, the milliseconds of each step are added to it under the step's name (bench/suche.ts). */
  zeiten?: Record<string, number>;
  /** Pages handed to Pagefind before its first answer is awaited (IM_FLUG; 1 = one after the other). */
  imFlug?: number;
}

/** Adds the milliseconds since `seit` to `zeiten[name]`, if zeiten is given. */
function dazu(zeiten: Record<string, number> | undefined, name: string, seit: number) {
  if (zeiten) zeiten[name] = (zeiten[name] ?? 0) + performance.now() - seit;
}

/** Adds the time `f` takes to `zeiten[name]` (if zeiten is given) and returns its result. */
function gemessen<T>(zeiten: Record<string, number> | undefined, name: string, f: () => T): T {
  if (!zeiten) return f();
  const seit = performance.now();
  try {
    return f();
  } finally {
    dazu(zeiten, name, seit);
  }
}

/** Names of the steps in IndexOptionen.zeiten. */
export const SCHRITTE = {
  lesen: 'Seiten lesen, Digest',
  woerter: 'Wörter für das Lexikon',
  lexikon: 'Lexikon',
  stichwoerter: 'Stichwörter der Abschnitte',
  html: 'HTML für Pagefind',
  pagefind: 'Pagefind addHTMLFile (zweiter Durchgang, Wand)',
  schreiben: 'Pagefind writeFiles',
  cache: 'Cache lesen und schreiben',
} as const;

/** A page after the first pass: its digest, its lexicon words, and its cache entry if the file is unchanged. */
interface Seite { digest: string; lexikonWoerter: string[]; vorher?: SeitenEintrag }

/** Pages handed to Pagefind before the first answer is awaited: Planwerk prepares the next page while Pagefind parses. */
const IM_FLUG = 8;

/**
 * First pass: every page's digest and words (from the cache where the file is unchanged)
 * and the lexicon of all of them. Pages are read one at a time, here and in the second
 * pass, so that a large plan's pages are never all in memory at once.
 */
function lexikonDerSeiten(dist: string, dateien: string[], alt?: Suchcache, zeiten?: Record<string, number>) {
  const seiten = new Map<string, Seite>();
  for (const f of dateien) {
    const [html, d] = gemessen(zeiten, SCHRITTE.lesen, () => {
      const h = readFileSync(join(dist, f), 'utf8');
      return [h, digest(h)] as const;
    });
    const vorher = alt?.seiten[f]?.digest === d ? alt.seiten[f] : undefined;
    const lexikonWoerter = vorher?.lexikonWoerter ?? gemessen(zeiten, SCHRITTE.woerter, () => seitenWoerter(html));
    seiten.set(f, { digest: d, lexikonWoerter, vorher });
  }
  const lex = gemessen(zeiten, SCHRITTE.lexikon, () =>
    lexikon(
      (function* () {
        for (const s of seiten.values()) yield* s.lexikonWoerter;
      })(),
    ),
  );
  return { seiten, lex };
}

/**
 * Second pass: hands every page with its keywords to Pagefind (cached keywords where the
 * lexicon change cannot touch them) and returns the pages' new cache entries.
 */
async function fuelleIndex(index: pagefind.PagefindIndex, dist: string, seiten: Map<string, Seite>, lex: Set<string>, alt: Suchcache | undefined, { zeiten, imFlug = IM_FLUG }: IndexOptionen) {
  const start = performance.now();
  const aenderungen = alt ? lexikonAenderungen(alt.lexikon, lex) : undefined;
  const woerterCache = new Map<string, string[]>();
  const eintraege: Record<string, SeitenEintrag> = {};
  const fehler: string[] = [];
  const offen: Promise<void>[] = [];
  let ausCache = 0;
  for (const [f, s] of seiten) {
    const html = gemessen(zeiten, SCHRITTE.lesen, () => readFileSync(join(dist, f), 'utf8'));
    const alterEintrag = s.vorher && stichwoerterGueltig(s.vorher, aenderungen) ? s.vorher : undefined;
    if (alterEintrag) ausCache += 1;
    const e = alterEintrag ?? { digest: s.digest, lexikonWoerter: s.lexikonWoerter, ...gemessen(zeiten, SCHRITTE.stichwoerter, () => abschnittStichwoerter(html, lex, woerterCache)) };
    eintraege[f] = e;
    const url = '/' + f.replace(/(^|\/)index\.html$/, '$1');
    offen.push(
      index.addHTMLFile({ url, content: gemessen(zeiten, SCHRITTE.html, () => fuerPagefind(html, e.stichwoerter)) }).then(
        (r) => void (r.errors.length && fehler.push(`${f}: ${r.errors.join('; ')}`)),
        (err: unknown) => void fehler.push(`${f}: ${String(err)}`),
      ),
    );
    if (offen.length >= imFlug) await offen.shift();
  }
  await Promise.all(offen);
  dazu(zeiten, SCHRITTE.pagefind, start);
  if (fehler.length) throw new Error(`Pagefind, ${fehler.join('; ')}`);
  return { eintraege, ausCache };
}

/**
 * Indexes the built site in `dist` with Pagefind and writes the search bundle. With a
 * cache folder, a page whose file is unchanged since the last build reuses its words and
 * keywords (see suchcache.ts); Pagefind still gets every page, the index is the same.
 */
export async function indexiere(dist: string, log: (msg: string) => void = console.log, optionen: IndexOptionen = {}) {
  const { cacheDir, ausgabe = join(dist, 'pagefind'), zeiten } = optionen;
  const dateien = gemessen(zeiten, SCHRITTE.lesen, () => htmlDateien(dist).filter((f) => !nichtIndexiert(f)));
  const alt = gemessen(zeiten, SCHRITTE.cache, () => (cacheDir ? ladeSuchcache(cacheDir) : undefined));
  const { seiten, lex } = lexikonDerSeiten(dist, dateien, alt, zeiten);

  const { index, errors } = await pagefind.createIndex({ excludeSelectors: AUSGESCHLOSSEN });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    const { eintraege, ausCache } = await fuelleIndex(index, dist, seiten, lex, alt, optionen);
    rmSync(ausgabe, { recursive: true, force: true });
    const seit = performance.now();
    const w = await index.writeFiles({ outputPath: ausgabe });
    dazu(zeiten, SCHRITTE.schreiben, seit);
    if (w.errors.length) throw new Error(`Pagefind: ${w.errors.join('; ')}`);
    // the index is complete without the cache: a cache that cannot be written costs only time next build
    if (cacheDir) {
      try {
        gemessen(zeiten, SCHRITTE.cache, () => speichereSuchcache(cacheDir, { fassung: fassung(), lexikon: [...lex].sort(), seiten: eintraege }));
      } catch (e) {
        log(`Suchindex: Cache „${cacheDir}“ nicht geschrieben (${(e as Error).message})`);
      }
    }
    const gespeichert = cacheDir ? ` (${ausCache} mit Stichwörtern aus dem Cache)` : '';
    log(`Suchindex: ${dateien.length} Seiten${gespeichert} in ${relative(process.cwd(), ausgabe) || ausgabe}`);
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
