/**
 * What MDX in content/ may contain. A plan is changed through pull requests, and MDX
 * can run code at build time, so Planwerk allows text, Markdown, plain HTML and its own
 * components, and rejects everything that could execute or load something:
 * import/export statements (except of allowed components), `{…}` expressions, inline
 * <script>/<style>, embeds and event-handler attributes.
 */
import type { RawEntry } from './sources.ts';
import type { Problem } from './problems.ts';
import { linesOutsideFences } from '../markdown/heading-ids.ts';

/** Components MDX may use (and import) — see src/components/mdx.ts. */
export const MDX_KOMPONENTEN = ['Kennzahl'] as const;

const HEADING_ID = /\s*\\?\{#[A-Za-z0-9][A-Za-z0-9_-]*\}\s*$/;
const IMPORT_ERLAUBT = new RegExp(`^\\s*import\\s+(${MDX_KOMPONENTEN.join('|')})\\s+from\\s+['"][^'"]*/components/\\1\\.astro['"];?\\s*$`);
const VERBOTENE_TAGS = /<\s*(script|style|iframe|object|embed|link|meta|base|form)\b/i;
const EVENT_ATTR = /<[^>]*\son[a-z]+\s*=/i;
const KOMPONENTE = /<([A-Z][A-Za-z0-9]*)\b/g;

export function pruefeMdx(entry: RawEntry): Problem[] {
  const problems: Problem[] = [];
  const melde = (index: number, field: string, expected: string, found: string) =>
    problems.push({ file: entry.file, line: (entry.bodyLine ?? 1) + index, field, expected, found });
  for (const { line: zeile, index: i } of linesOutsideFences(entry.body ?? '')) {
    const text = zeile.replace(/`[^`]*`/g, '');
    if (/^\s*import\s/.test(text)) {
      if (!IMPORT_ERLAUBT.test(text)) melde(i, 'import', `keine import-Zeilen (Planwerk stellt ${MDX_KOMPONENTEN.join(', ')} bereit)`, `„${zeile.trim()}“`);
      continue;
    }
    if (/^\s*export\s/.test(text)) {
      melde(i, 'export', 'keine export-Anweisungen in Inhalten', `„${zeile.trim()}“`);
      continue;
    }
    const tag = VERBOTENE_TAGS.exec(text);
    if (tag) melde(i, `<${tag[1]!.toLowerCase()}>`, 'Text, Markdown und einfaches HTML ohne Skripte, Stile und eingebettete fremde Inhalte', `ein <${tag[1]}>-Element`);
    if (EVENT_ATTR.test(text)) melde(i, 'on…=', 'HTML ohne Ereignis-Attribute (onclick, onerror …)', 'ein Ereignis-Attribut');
    for (const m of text.matchAll(KOMPONENTE)) {
      if (!(MDX_KOMPONENTEN as readonly string[]).includes(m[1]!)) melde(i, `<${m[1]}>`, `nur die Komponenten ${MDX_KOMPONENTEN.join(', ')}`, `<${m[1]}>`);
    }
    // Component attributes are checked elsewhere; any other brace would be a JavaScript expression.
    const ohneKomponenten = text.replace(/<Kennzahl\b[^>]*\/?>/g, '').replace(HEADING_ID, '').replace(/\\\{/g, '');
    if (ohneKomponenten.includes('{')) {
      melde(i, '{…}', 'keinen Ausdruck in geschweiften Klammern (er würde beim Bauen als Programmcode ausgeführt; eine Klammer als Text schreibt man \\{)', `„${zeile.trim().slice(0, 60)}“`);
    }
  }
  return problems;
}
