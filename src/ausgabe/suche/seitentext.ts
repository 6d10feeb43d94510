/**
 * A built page as the search index sees it: the text of `<main>`, its sections (from one
 * heading with an id to the next) and the HTML handed to Pagefind, in which every section
 * is followed by the parts of its German compounds (see komposita.ts), so "Endgeräte"
 * finds "Schülerendgeräten" and the hit still points to the section's anchor.
 * The file on disk stays as it is.
 */
import { lexikonWoerter, stichwoerterFuerText, teilbareWoerter } from './komposita.ts';

/** Brackets around the compound keywords, so /suche.js can drop them from excerpts. */
export const STICHWORT_AUF = '⟦';
export const STICHWORT_ZU = '⟧';

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

/** The page's words for the lexicon: those of the text of <main>. */
export function seitenWoerter(html: string): string[] {
  return lexikonWoerter(text(HAUPT.exec(html)?.[1] ?? ''));
}

/** The compound keywords of each section of <main> and the splittable words they were made from. */
export function abschnittStichwoerter(
  html: string,
  lex: Set<string>,
  cache?: Map<string, string[]>,
): { stichwoerter: string[][]; teilbar: string[] } {
  const inner = HAUPT.exec(html)?.[1];
  if (inner === undefined) return { stichwoerter: [], teilbar: [] };
  const texte = abschnitte(inner).map(text);
  return {
    stichwoerter: texte.map((t) => stichwoerterFuerText(t, lex, cache)),
    teilbar: [...new Set(texte.flatMap(teilbareWoerter))],
  };
}

const HTML_START = /^[\s\S]*?<html\b[^>]*>/;
const TITEL = /<title>[\s\S]*?<\/title>/;

/**
 * The page as Pagefind should see it: the document's language and title and only
 * `<main>`, each section followed by its keywords (`stichwoerter`, one list per section,
 * from abschnittStichwoerter). Header, navigation and footer are not indexed anyway;
 * leaving them out saves Pagefind parsing them.
 */
export function fuerPagefind(html: string, stichwoerter: string[][]): string {
  const m = HAUPT.exec(html);
  if (!m) return html;
  const inner = m[1]!;
  const neu = abschnitte(inner)
    .map((a, i) => {
      const kw = stichwoerter[i] ?? [];
      return kw.length ? `${a}<span data-pagefind-weight="0.7" aria-hidden="true">${STICHWORT_AUF} ${kw.join(' ')} ${STICHWORT_ZU}</span>` : a;
    })
    .join('')
    // keep words of neighbouring cells and list items apart (<dt>Ebene</dt><dd>Land</dd>)
    .replace(/<\/(dt|dd|li|p|td|th|h[1-6]|div|section|caption|figcaption)>/g, '$& ');
  const start = m[0].indexOf(inner);
  const main = m[0].slice(0, start) + neu + m[0].slice(start + inner.length);
  return `${HTML_START.exec(html)?.[0] ?? '<html lang="de">'}<head>${TITEL.exec(html)?.[0] ?? ''}</head><body>${main}</body></html>`;
}

/** fuerPagefind with keywords made for this page under the lexicon `lex`. */
export function mitStichwoertern(html: string, lex: Set<string>, cache?: Map<string, string[]>): string {
  return fuerPagefind(html, abschnittStichwoerter(html, lex, cache).stichwoerter);
}
