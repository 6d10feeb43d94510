/**
 * Astro integration: after the build, indexes dist/ with Pagefind (Node API) and writes
 * the search bundle to dist/pagefind/. Only `<main data-pagefind-body>` is indexed; the
 * language comes from `<html lang="de">`.
 *
 * Before a page goes into the index (the file on disk stays as it is) every section
 * – the text from one heading with an id to the next – gets an extra element with the
 * parts of its German compounds (see komposita.ts), so "Endgeräte" finds
 * "Schülerendgeräten" and the hit still points to the section's anchor.
 */
import type { AstroIntegration } from 'astro';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { lexikon, stichwoerterFuerText, woerter } from './komposita.ts';

/** Brackets around the compound keywords, so /suche.js can drop them from excerpts. */
export const STICHWORT_AUF = '⟦';
export const STICHWORT_ZU = '⟧';

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

const HAUPT = /<main\b[^>]*>([\s\S]*)<\/main>/;
const UEBERSCHRIFT = /<h[1-6]\b[^>]*\bid="[^"]*"[^>]*>/g;
const IGNORIERT = /<(nav|svg)\b[\s\S]*?<\/\1>/g;

function text(html: string): string {
  return html
    .replace(IGNORIERT, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');
}

/** Splits the inner HTML of <main> at every heading with an id. */
function abschnitte(inner: string): string[] {
  const starts = [0, ...[...inner.matchAll(UEBERSCHRIFT)].map((m) => m.index!).filter((i) => i > 0), inner.length];
  const out: string[] = [];
  for (let i = 0; i < starts.length - 1; i += 1) out.push(inner.slice(starts[i], starts[i + 1]));
  return out;
}

/** The sections of a page's <main> (heading id, or '' before the first heading) with their text. */
export function abschnittTexte(html: string): { id: string; text: string }[] {
  const inner = HAUPT.exec(html)?.[1];
  if (!inner) return [];
  return abschnitte(inner).map((a) => ({ id: /^<h[1-6]\b[^>]*\bid="([^"]*)"/.exec(a)?.[1] ?? '', text: text(a) }));
}

const HTML_START = /^[\s\S]*?<html\b[^>]*>/;
const TITEL = /<title>[\s\S]*?<\/title>/;

/**
 * The page as Pagefind should see it: the document's language and title and only
 * `<main>`, each section followed by its compound keywords. Header, navigation and
 * footer are not indexed anyway; leaving them out saves Pagefind parsing them.
 */
export function mitStichwoertern(html: string, lex: Set<string>, cache?: Map<string, string[]>): string {
  const m = HAUPT.exec(html);
  if (!m) return html;
  const inner = m[1]!;
  const neu = abschnitte(inner)
    .map((a) => {
      const kw = stichwoerterFuerText(text(a), lex, cache);
      return kw.length ? `${a}<span data-pagefind-weight="0.7" aria-hidden="true">${STICHWORT_AUF} ${kw.join(' ')} ${STICHWORT_ZU}</span>` : a;
    })
    .join('')
    // keep words of neighbouring cells and list items apart (<dt>Ebene</dt><dd>Land</dd>)
    .replace(/<\/(dt|dd|li|p|td|th|h[1-6]|div|section|caption|figcaption)>/g, '$& ');
  const start = m[0].indexOf(inner);
  const main = m[0].slice(0, start) + neu + m[0].slice(start + inner.length);
  return `${HTML_START.exec(html)?.[0] ?? '<html lang="de">'}<head>${TITEL.exec(html)?.[0] ?? ''}</head><body>${main}</body></html>`;
}

export async function indexiere(dist: string, log: (msg: string) => void = console.log) {
  const dateien = htmlDateien(dist).filter((f) => !nichtIndexiert(f));
  // Pages are read one at a time, twice (words for the lexicon, then the index), so that a
  // large plan's pages are never all in memory at once.
  const lies = (f: string) => readFileSync(join(dist, f), 'utf8');
  const lex = lexikon(
    (function* () {
      for (const f of dateien) yield* woerter(text(HAUPT.exec(lies(f))?.[1] ?? ''));
    })(),
  );
  const cache = new Map<string, string[]>();

  const { index, errors } = await pagefind.createIndex({ excludeSelectors: AUSGESCHLOSSEN });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    for (const f of dateien) {
      const url = '/' + f.replace(/(^|\/)index\.html$/, '$1');
      const r = await index.addHTMLFile({ url, content: mitStichwoertern(lies(f), lex, cache) });
      if (r.errors.length) throw new Error(`Pagefind, ${f}: ${r.errors.join('; ')}`);
    }
    const out = join(dist, 'pagefind');
    rmSync(out, { recursive: true, force: true });
    const w = await index.writeFiles({ outputPath: out });
    if (w.errors.length) throw new Error(`Pagefind: ${w.errors.join('; ')}`);
    log(`Suchindex: ${dateien.length} Seiten in ${relative(process.cwd(), out) || out}`);
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}

export default function suche(): AstroIntegration {
  return {
    name: 'planwerk-suche',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await indexiere(fileURLToPath(dir), (msg) => logger.info(msg));
      },
    },
  };
}
