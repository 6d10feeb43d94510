/**
 * Habits of editors who know HTML, not MDX. Before remark-mdx parses a body:
 * - its text is put in Unicode normal form C, so a heading typed with a decomposed
 *   umlaut ("u" + U+0308) gets the same id as one typed with "ü";
 * - `<br>`, `<BR>`, `<br/>` become `<br />` (likewise `<hr>` and `<wbr>`), which MDX accepts;
 * - HTML comments `<!-- … -->` are removed; each becomes as many line breaks as it
 *   spanned, so every line after it keeps its number.
 * Code spans and fenced code blocks are left exactly as written.
 *
 * What MDX still cannot read becomes a German problem with the line (`syntaxProblem`):
 * an element without `/>` or closing tag, a stray `<`, an unclosed comment …
 */
import type { BodyProblem } from './befund.ts';
import { fencedLines } from '../markdown/heading-ids.ts';

const VOID_TAG = /<(br|hr|wbr)\s*\/?\s*>/iy;
const BACKTICKS = /`+/y;

/** Rewrites `<br>` and removes comments in text outside code fences, skipping code spans. */
function bereinigeText(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c === '`') {
      BACKTICKS.lastIndex = i;
      const run = BACKTICKS.exec(text)![0];
      const ende = codeSpanEnde(text, i + run.length, run.length);
      const bis = ende ?? i + run.length;
      out += text.slice(i, bis);
      i = bis;
      continue;
    }
    if (c === '<') {
      if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i + 4);
        if (end >= 0) {
          out += text.slice(i, end + 3).replace(/[^\n]/g, '');
          i = end + 3;
          continue;
        }
      }
      VOID_TAG.lastIndex = i;
      const tag = VOID_TAG.exec(text);
      if (tag) {
        out += `<${tag[1]!.toLowerCase()} />`;
        i += tag[0].length;
        continue;
      }
    }
    out += c;
    i += 1;
  }
  return out;
}

/** Where a code span opened by `n` backticks ends (after its closing run), if it closes within the paragraph. */
function codeSpanEnde(text: string, from: number, n: number): number | undefined {
  let i = from;
  while (i < text.length) {
    if (text[i] === '\n' && /^\n[ \t]*(\n|$)/.test(text.slice(i, i + 80))) return undefined;
    if (text[i] === '`') {
      BACKTICKS.lastIndex = i;
      const run = BACKTICKS.exec(text)![0];
      if (run.length === n) return i + n;
      i += run.length;
      continue;
    }
    i += 1;
  }
  return undefined;
}

/** The body as remark-mdx should read it: same lines, habits made harmless (see above). */
export function bereinigeGewohnheiten(body: string): string {
  const lines = body.normalize('NFC').split('\n');
  const fenced = fencedLines(lines);
  const out: string[] = [];
  let text: string[] = [];
  const flush = () => {
    if (text.length > 0) out.push(...bereinigeText(text.join('\n')).split('\n'));
    text = [];
  };
  lines.forEach((line, index) => {
    if (fenced[index]) {
      flush();
      out.push(line);
    } else text.push(line);
  });
  flush();
  return out.join('\n');
}

// ---------------------------------------------------------------------------
// Syntax errors in German

const KLAMMER = 'keinen Ausdruck in geschweiften Klammern (er wäre Programmcode; eine Klammer als Text schreibt man \\{)';
/** HTML elements that never have content: they close with `/>` only. */
const LEERE_ELEMENTE = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'source', 'track', 'wbr']);
const nurSlash = (name: string) => /^[A-Z]/.test(name) || LEERE_ELEMENTE.has(name.toLowerCase());
const SCHLIESSEN = (name: string) => (nurSlash(name) ? `schließen Sie das Element mit \`/>\`: <${name} … />` : `schließen Sie das Element mit \`/>\` oder \`</${name}>\``);

const ORTE: Record<string, string> = {
  'before name': 'vor dem Namen des Elements',
  'in name': 'im Namen des Elements',
  'after name': 'nach dem Namen des Elements',
  'before member name': 'im Namen des Elements',
  'in member name': 'im Namen des Elements',
  'after member name': 'nach dem Namen des Elements',
  'before local name': 'im Namen des Elements',
  'in local name': 'im Namen des Elements',
  'after local name': 'nach dem Namen des Elements',
  'before attribute name': 'vor einem Attribut',
  'in attribute name': 'im Namen eines Attributs',
  'after attribute name': 'nach dem Namen eines Attributs',
  'before local attribute name': 'im Namen eines Attributs',
  'in local attribute name': 'im Namen eines Attributs',
  'after local attribute name': 'nach dem Namen eines Attributs',
  'before attribute value': 'vor dem Wert eines Attributs',
  'in attribute value': 'im Wert eines Attributs',
  'after self-closing slash': 'nach „/“',
};

const codepunkt = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** A character for a message; invisible and space characters by their code point. */
function zeichen(char: string): string {
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char) ? `„${char}“` : `das Zeichen ${codepunkt(char)}`;
}

/** Text for a message in German quotes, with invisible characters (U+200B, direction marks …) named by their code point. */
export function sichtbar(text: string): string {
  const unsichtbar = [...text].filter((c) => !/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(c));
  const gezeigt = [...text].map((c) => (unsichtbar.includes(c) ? `⟨${codepunkt(c)}⟩` : c)).join('');
  return unsichtbar.length > 0 ? `„${gezeigt}“ (mit unsichtbaren Zeichen: ${[...new Set(unsichtbar.map(codepunkt))].join(', ')})` : `„${text}“`;
}

interface ParserFehler {
  reason?: string;
  message?: string;
  line?: number;
  place?: { line?: number; start?: { line?: number } };
  source?: string;
  ruleId?: string;
}

/** The 1-based line of a parser error: its place, else the first position named in its text; never 0. */
function zeileVon(e: ParserFehler, reason: string): number | undefined {
  const line = e.line ?? e.place?.start?.line ?? e.place?.line ?? Number(/\((\d+):\d+/.exec(reason)?.[1]);
  return Number.isFinite(line) && line! > 0 ? line : undefined;
}

/**
 * A syntax error of the MDX parser as a German problem: where (the line in the body),
 * which construct, what to write instead. Unknown errors keep their text, with the line.
 */
export function syntaxProblem(error: unknown): BodyProblem {
  const e = (error ?? {}) as ParserFehler;
  const reason = e.reason ?? e.message?.split('\n')[0] ?? String(error);
  const line = zeileVon(e, reason);
  const at = (l: number | undefined, p: Omit<BodyProblem, 'line'>): BodyProblem => ({ line: l ?? line, ...p });

  let m = /^Expected a closing tag for `<([^`>]*)>` \((\d+):\d+[^)]*\)( before the end of `(\w+)`)?/.exec(reason);
  if (m) {
    const name = m[1]!;
    const absatz = m[4] === 'paragraph' ? ' (im selben Absatz)' : '';
    return at(Number(m[2]), {
      field: `<${name}>`,
      expected: `ein geschlossenes Element${absatz}: ${SCHLIESSEN(name)}`,
      found: nurSlash(name) ? `<${name} …> ohne \`/>\` am Ende` : `<${name}> ohne \`/>\` und ohne \`</${name}>\``,
    });
  }
  m = /^Unexpected closing tag `<\/([^`>]*)>`, expected corresponding closing tag for `<([^`>]*)>`/.exec(reason);
  if (m) {
    return at(undefined, {
      field: `</${m[1]}>`,
      expected: `zuerst das schließende Tag \`</${m[2]}>\` für das zuvor geöffnete <${m[2]}> (${SCHLIESSEN(m[2]!)})`,
      found: `\`</${m[1]}>\``,
    });
  }
  m = /^Expected the closing tag `<\/([^`>]*)>` either after the end of `(\w+)`/.exec(reason);
  if (m) {
    return at(undefined, {
      field: `<${m[1]}>`,
      expected: `öffnendes und schließendes Tag im selben Absatz und innerhalb derselben Markdown-Auszeichnung (etwa **…**): ${SCHLIESSEN(m[1]!)}`,
      found: `<${m[1]}> und </${m[1]}> über die Grenze eines Markdown-Elements hinweg`,
    });
  }
  if (/^Unexpected closing slash `\/` in tag, expected an open tag first/.test(reason)) {
    return at(undefined, { field: '</…>', expected: 'ein schließendes Tag nur nach seinem öffnenden Tag', found: 'ein schließendes Tag ohne öffnendes' });
  }
  if (/^Unexpected (attribute|self-closing slash `\/`) in closing tag/.test(reason)) {
    return at(undefined, { field: '</…>', expected: 'ein schließendes Tag ohne Attribute und ohne „/“ am Ende, etwa </abbr>', found: 'ein schließendes Tag mit weiteren Angaben' });
  }
  m = /^Unexpected (?:character `(.+?)` \(U\+[0-9A-F]+\)|(end of file)) (.+?), expected/.exec(reason);
  if (m && e.source?.includes('mdx-jsx')) {
    const char = m[1] === '` `' ? '`' : m[1];
    const ort = ORTE[m[3]!] ?? 'in einem Element';
    if (m[3] === 'before name' && char === '!') {
      return at(undefined, { field: '<!-- -->', expected: 'einen HTML-Kommentar, der mit `-->` endet', found: '„<!--“ ohne „-->“' });
    }
    if (m[3] === 'before name') {
      return at(undefined, {
        field: '<',
        expected: 'nach „<“ den Namen eines HTML-Elements; ein „<“ als Text schreibt man `\\<` oder `&lt;`',
        found: char ? `„<“ vor ${zeichen(char)}` : '„<“ am Ende des Textes',
      });
    }
    if (m[3] === 'before attribute value') {
      return at(undefined, { field: '<… name=…>', expected: 'Attributwerte in Anführungszeichen (name="…")', found: char ? `${zeichen(char)} ${ort}` : `das Textende ${ort}` });
    }
    if (m[2]) {
      return at(undefined, { field: '<…>', expected: `ein vollständiges Element: ${m[3] === 'in attribute value' ? 'den Attributwert mit dem Anführungszeichen schließen, ' : ''}das Tag mit „>“ oder „/>“ beenden`, found: `das Textende ${ort}` });
    }
    return at(undefined, {
      field: '<…>',
      expected: 'ein HTML-Element wie <abbr title="…">…</abbr> oder <Kennzahl name="…" /> (Attribute als name="…"; ein „<“ als Text schreibt man `\\<`)',
      found: `${zeichen(char!)} ${ort}`,
    });
  }
  if (/^Unexpected lazy line/.test(reason)) {
    return at(undefined, { field: 'MDX', expected: 'in Zitaten und Listen Folgezeilen mit „>“ bzw. eingerückt, auch innerhalb eines Elements', found: 'eine Folgezeile ohne „>“ oder Einrückung' });
  }
  if (/import\/exports/.test(reason)) {
    return at(undefined, { field: 'import', expected: 'keine import- oder export-Zeilen in Inhalten (ein Absatz darf nicht mit „import“ oder „export“ beginnen)', found: 'eine Zeile, die mit „import“ oder „export“ beginnt' });
  }
  if (e.source?.includes('mdx-expression') || /expression|closing brace/.test(reason)) {
    return at(undefined, { field: '{…}', expected: KLAMMER, found: 'eine „{“, die MDX als Programmcode liest' });
  }
  return at(undefined, { field: 'MDX', expected: 'gültiges MDX (Markdown mit einfachem HTML)', found: `eine Stelle, die sich nicht lesen lässt (${reason.replace(/\s*\(\d+:\d+(-\d+:\d+)?\)/g, '')})` });
}
