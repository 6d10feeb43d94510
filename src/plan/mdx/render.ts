/**
 * MDX content as data. One reused unified processor turns an MDX body into sanitised
 * HTML without ever making it a JavaScript module:
 * editors' habits made harmless (gewohnheiten.ts) →
 * remark-parse + remark-mdx + remark-gfm → heading ids → content policy (inhaltsregeln.ts)
 * → remark-rehype → permalinks → rehype-sanitize → links within the site marked → tables
 * framed → rehype-stringify.
 *
 * The result depends only on the file's text, so it can be cached by a digest of that
 * text. Kennzahlen and links to numbered sections (`<Abschnitt>`) are left as numbered
 * placeholders and filled from the plan model with `fuelleKennzahlen`, so a changed CSV
 * never needs a re-render, and never leaves an old figure in the text. Links within the site
 * ("/glossar/#mdm") are collected with their lines, so the plan loader checks them without
 * rendering, and marked, so they get the site's base path there too: one rendering serves
 * every address the site is built for.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root as HastRoot, Element } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { visit } from 'unist-util-visit';
import { toString } from 'hast-util-to-string';
import { VFile } from 'vfile';
import { escapeHeadingIds, remarkHeadingIds } from '../markdown/heading-ids.ts';
import { rehypePermalinks } from '../markdown/permalinks.ts';
import { escapeAttribute } from 'entities';
import { pruefeUndWandle, type AbschnittVerweis, type BodyProblem, type Funde, type KennzahlAufruf, type LinkFund } from './inhaltsregeln.ts';
import { SANITIZE_SCHEMA } from './sanitize.ts';
import { bereinigeGewohnheiten, syntaxProblem } from './gewohnheiten.ts';
import type { Ueberschrift } from '../model.ts';
import { PLAN_NUMMER } from './nummern.ts';

/** What rendering one MDX body yields; everything in it depends only on the body and `alteAnker`. */
export interface MdxErgebnis {
  /** Sanitised HTML with `<planwerk-kennzahl data-nr="i">` and `<planwerk-abschnitt data-nr="i">` placeholders. */
  html: string;
  /** Headings with their line in the body (the section tree reads numbered ones, see src/plan/abschnitte.ts). */
  headings: Ueberschrift[];
  aufrufe: KennzahlAufruf[];
  /** The `<Abschnitt>` links, in the order of their placeholders. */
  abschnitte: AbschnittVerweis[];
  /** Links that are no external address (site paths, fragments, relative paths), with their lines. */
  links: LinkFund[];
  /** External (https) addresses of links, in order (the link register, src/plan/links.ts). */
  extern: string[];
  /** Every id in the body with its line, for the uniqueness check (former ids of headings left out). */
  ids: { id: string; line?: number }[];
  /** Every id in the body a link can point to, former ids of headings (`alteAnker`) included. */
  anker: string[];
  problems: BodyProblem[];
}

interface Daten extends Funde {
  problems: BodyProblem[];
  astro: { frontmatter: { alteAnker: Record<string, string> } };
}

function remarkInhaltsregeln() {
  return (tree: MdastRoot, file: VFile) => {
    const data = file.data as unknown as Daten;
    pruefeUndWandle(tree, data.problems, data);
  };
}

/**
 * U+0000 before a site path in an href or src. Markdown and MDX never put U+0000 into a
 * document (CommonMark turns it into U+FFFD), so the mark comes only from this step; it is
 * serialised as `&#x0;`.
 */
const MARKE = '\u0000';
const MARKE_HTML = /(\s(?:href|src)=")&#x0;\//g;

function rehypeSeitenlinks() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (node: Element) => {
      for (const name of ['href', 'src']) {
        const wert = node.properties[name];
        if (typeof wert === 'string' && wert.startsWith('/') && !wert.startsWith('//')) node.properties[name] = MARKE + wert;
      }
    });
  };
}

/**
 * The plan's own caption of a table, as editors copy it from the plan: a paragraph right above
 * the table that starts with the table's number ("Tab. 7: Geräte je Schule"). Its number and
 * title; undefined for any other paragraph.
 */
export function tabellenBeschriftung(absatz: Element): { nummer: string; titel: string } | undefined {
  if (absatz.tagName !== 'p') return undefined;
  const text = toString(absatz).trim();
  const doppelpunkt = text.indexOf(':');
  if (doppelpunkt < 0) return undefined;
  const nummer = text.slice(0, doppelpunkt).trim();
  const titel = text.slice(doppelpunkt + 1).trim();
  return /^Tab/.test(nummer) && PLAN_NUMMER.test(nummer) && titel ? { nummer, titel } : undefined;
}

/**
 * Tables written in Markdown get the frame of src/ausgabe/components/Tabelle.astro: a named region that
 * scrolls sideways and takes keyboard focus, with the hint that more columns follow. Where the
 * plan's caption stands right above the table ("Tab. 7: …", see tabellenBeschriftung), it becomes
 * the table's caption and keeps the plan's number (data-nummer: the Druckfassung does not number
 * it again); otherwise the region is named after the heading it stands under. Runs after the
 * sanitiser: the attributes are Planwerk's own, never the editor's.
 */
function rehypeTabellenrahmen() {
  return (tree: HastRoot) => {
    let ueberschrift = '';
    const jeUeberschrift = new Map<string, number>();
    visit(tree, 'element', (node: Element, index, parent) => {
      if (/^h[1-6]$/.test(node.tagName)) ueberschrift = toString(node).trim();
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      // The paragraph before the table, past the line break between them.
      let vor = index - 1;
      while (vor >= 0 && parent.children[vor]?.type === 'text' && !(parent.children[vor] as { value: string }).value.trim()) vor -= 1;
      const absatz = parent.children[vor];
      const beschriftung = absatz?.type === 'element' ? tabellenBeschriftung(absatz) : undefined;
      let name: string;
      if (beschriftung) {
        name = `${beschriftung.nummer}: ${beschriftung.titel}`;
        node.properties.dataNummer = beschriftung.nummer;
        node.children.unshift({
          type: 'element',
          tagName: 'caption',
          properties: {},
          children: [
            { type: 'element', tagName: 'span', properties: { className: ['tab-nummer'] }, children: [{ type: 'text', value: `${beschriftung.nummer}: ` }] },
            { type: 'element', tagName: 'span', properties: { className: ['tabelle-titel'] }, children: [{ type: 'text', value: beschriftung.titel }] },
          ],
        });
      } else {
        const nr = (jeUeberschrift.get(ueberschrift) ?? 0) + 1;
        jeUeberschrift.set(ueberschrift, nr);
        name = `Tabelle${nr > 1 ? ` ${nr}` : ''}${ueberschrift ? ` zu „${ueberschrift}“` : ''}`;
      }
      const hinweis: Element = {
        type: 'element',
        tagName: 'p',
        properties: { className: ['tabelle-hinweis'], ariaHidden: 'true', dataPagefindIgnore: '' },
        children: [{ type: 'text', value: 'Weitere Spalten: seitlich verschieben' }],
      };
      visit(node, 'element', (zelle: Element) => {
        if (zelle.tagName === 'th') zelle.properties.scope ??= 'col';
      });
      parent.children[index] = { type: 'element', tagName: 'div', properties: { className: ['tabelle'], role: 'region', tabIndex: 0, ariaLabel: name }, children: [hinweis, node] };
      // The caption paragraph now stands in the table; the visit goes on after the frame.
      if (beschriftung) {
        parent.children.splice(vor, index - vor);
        return ['skip', vor + 1];
      }
      return 'skip';
    });
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkMdx)
  .use(remarkGfm)
  .use(remarkHeadingIds)
  .use(remarkInhaltsregeln)
  .use(remarkRehype, { clobberPrefix: '', footnoteLabel: 'Fußnoten', footnoteBackLabel: 'Zurück zum Text' })
  .use(rehypePermalinks)
  .use(rehypeSanitize, SANITIZE_SCHEMA)
  .use(rehypeSeitenlinks)
  .use(rehypeTabellenrahmen)
  .freeze();
const stringifier = unified().use(rehypeStringify).freeze();

/**
 * Renders one MDX body. Editors' HTML habits (`<br>`, comments) are made harmless first
 * (gewohnheiten.ts), keeping every line where it was; syntax errors become German
 * problems with their line; nothing is thrown.
 */
export function renderMdx(body: string, alteAnker: Record<string, string> = {}): MdxErgebnis {
  // The new id in normal form C, like the heading text it is compared with; the former id
  // stays exactly as written, because it must match the published one byte for byte.
  const anker = Object.fromEntries(Object.entries(alteAnker).map(([alt, neu]) => [alt, String(neu).normalize('NFC')]));
  const daten: Daten = { aufrufe: [], abschnitte: [], links: [], extern: [], problems: [], astro: { frontmatter: { alteAnker: anker } } };
  const file = new VFile({ value: escapeHeadingIds(bereinigeGewohnheiten(body)), data: daten as never });
  let hast: HastRoot;
  try {
    hast = processor.runSync(processor.parse(file), file) as HastRoot;
  } catch (error) {
    return { html: '', headings: [], aufrufe: [], abschnitte: [], links: [], extern: [], ids: [], anker: [], problems: [syntaxProblem(error)] };
  }
  const headings: Ueberschrift[] = [];
  const ids: { id: string; line?: number }[] = [];
  const alle: string[] = [];
  visit(hast, 'element', (node: Element) => {
    const id = node.properties.id;
    if (typeof id === 'string') alle.push(id);
    if (typeof id === 'string' && !(node.properties.className as string[] | undefined)?.includes('alias-anker')) ids.push({ id, line: node.position?.start.line });
    const level = /^h([1-6])$/.exec(node.tagName);
    if (level && typeof id === 'string') headings.push({ depth: Number(level[1]), slug: id, text: toString(node).trim(), line: node.position?.start.line });
  });
  return { html: stringifier.stringify(hast), headings, aufrufe: daten.aufrufe, abschnitte: daten.abschnitte, links: daten.links, extern: [...new Set(daten.extern)], ids, anker: [...new Set(alle)], problems: daten.problems };
}

const PLATZHALTER = /<planwerk-kennzahl data-nr="(\d+)"><\/planwerk-kennzahl>/g;
/** An `<Abschnitt>` placeholder with its link text; the content check allows no link (so no placeholder) inside another. */
const ABSCHNITT = /<planwerk-abschnitt data-nr="(\d+)">([\s\S]*?)<\/planwerk-abschnitt>/g;

/** The target of an `<Abschnitt>` link: its number, the site path (with fragment) and the section's title. */
export interface AbschnittLink {
  nummer: string;
  pfad: string;
  titel: string;
}

/**
 * Puts the evaluated Kennzahlen (HTML, in call order) into the placeholders, makes each
 * `<Abschnitt>` placeholder a link (with its own text, else "Abschnitt 3.2.1"; without a
 * target, only its text remains), and puts the base path ("/" or "/mep/") in front of every
 * link within the site. The placeholders are Planwerk's own markup in its own rendering.
 */
export function fuelleKennzahlen(html: string, werte: string[], basis = '/', abschnitte: (AbschnittLink | undefined)[] = []): string {
  return html
    .replace(PLATZHALTER, (_, nr: string) => werte[Number(nr)] ?? '')
    .replace(ABSCHNITT, (_, nr: string, text: string) => {
      const link = abschnitte[Number(nr)];
      if (!link) return text;
      const title = link.titel ? `${link.nummer} ${link.titel}` : link.nummer;
      return `<a href="${escapeAttribute(basis + link.pfad.slice(1))}" title="${escapeAttribute(title)}" data-abschnitt="${escapeAttribute(link.nummer)}">${text || `Abschnitt ${link.nummer}`}</a>`;
    })
    .replace(MARKE_HTML, (_, vor: string) => vor + basis);
}

/**
 * A digest of the renderer's own code, so a cached rendering is never reused after
 * Planwerk's pipeline changed (files of this folder and the Markdown steps it uses).
 */
export function rendererDigest(): string {
  if (digest) return digest;
  const hash = createHash('sha256');
  const here = dirname(fileURLToPath(import.meta.url));
  for (const dir of [here, join(here, '..', 'markdown')]) {
    for (const name of readdirSync(dir).sort()) if (/\.[jt]s$/.test(name)) hash.update(readFileSync(join(dir, name)));
  }
  digest = hash.digest('hex').slice(0, 16);
  return digest;
}
let digest: string | undefined;
