/**
 * MDX content as data. One reused unified processor turns an MDX body into sanitised
 * HTML without ever making it a JavaScript module:
 * remark-parse + remark-mdx + remark-gfm → heading ids → content policy (inhaltsregeln.ts)
 * → remark-rehype → permalinks → rehype-sanitize → rehype-stringify.
 *
 * The result depends only on the file's text, so it can be cached by a digest of that
 * text. Kennzahlen are left as numbered placeholders and filled from the plan model
 * with `fuelleKennzahlen`, so a changed CSV never needs a re-render, and never leaves an
 * old figure in the text.
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
import { pruefeUndWandle, type BodyProblem, type KennzahlAufruf } from './inhaltsregeln.ts';
import { SANITIZE_SCHEMA } from './sanitize.ts';
import type { Ueberschrift } from '../lib/model.ts';

/** What rendering one MDX body yields; everything in it depends only on the body and `alteAnker`. */
export interface MdxErgebnis {
  /** Sanitised HTML with `<planwerk-kennzahl data-nr="i">` placeholders. */
  html: string;
  headings: Ueberschrift[];
  aufrufe: KennzahlAufruf[];
  /** Every id in the body with its line, for the uniqueness check. */
  ids: { id: string; line?: number }[];
  problems: BodyProblem[];
}

interface Daten {
  aufrufe: KennzahlAufruf[];
  problems: BodyProblem[];
  astro: { frontmatter: { alteAnker: Record<string, string> } };
}

function remarkInhaltsregeln() {
  return (tree: MdastRoot, file: VFile) => {
    const data = file.data as unknown as Daten;
    pruefeUndWandle(tree, data.problems, data.aufrufe);
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
  .freeze();
const stringifier = unified().use(rehypeStringify).freeze();

/** Renders one MDX body. Syntax errors become problems; nothing is thrown. */
export function renderMdx(body: string, alteAnker: Record<string, string> = {}): MdxErgebnis {
  const daten: Daten = { aufrufe: [], problems: [], astro: { frontmatter: { alteAnker } } };
  const file = new VFile({ value: escapeHeadingIds(body), data: daten as never });
  let hast: HastRoot;
  try {
    hast = processor.runSync(processor.parse(file), file) as HastRoot;
  } catch (error) {
    const e = error as { line?: number; place?: { line?: number; start?: { line?: number } }; reason?: string; message: string };
    const line = e.line ?? e.place?.start?.line ?? e.place?.line;
    return { html: '', headings: [], aufrufe: [], ids: [], problems: [{ line, field: 'MDX', expected: 'gültiges MDX (Markdown mit einfachem HTML)', found: e.reason ?? e.message.split('\n')[0]! }] };
  }
  const headings: Ueberschrift[] = [];
  const ids: { id: string; line?: number }[] = [];
  visit(hast, 'element', (node: Element) => {
    const id = node.properties.id;
    if (typeof id === 'string' && !(node.properties.className as string[] | undefined)?.includes('alias-anker')) ids.push({ id, line: node.position?.start.line });
    const level = /^h([1-6])$/.exec(node.tagName);
    if (level && typeof id === 'string') headings.push({ depth: Number(level[1]), slug: id, text: toString(node).trim() });
  });
  return { html: stringifier.stringify(hast), headings, aufrufe: daten.aufrufe, ids, problems: daten.problems };
}

const PLATZHALTER = /<planwerk-kennzahl data-nr="(\d+)"><\/planwerk-kennzahl>/g;

/** Puts the evaluated Kennzahlen (HTML, in call order) into the placeholders. */
export function fuelleKennzahlen(html: string, werte: string[]): string {
  return html.replace(PLATZHALTER, (_, nr: string) => werte[Number(nr)] ?? '');
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
    for (const name of readdirSync(dir).sort()) if (name.endsWith('.ts')) hash.update(readFileSync(join(dir, name)));
  }
  digest = hash.digest('hex').slice(0, 16);
  return digest;
}
let digest: string | undefined;
