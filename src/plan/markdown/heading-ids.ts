/**
 * Explicit heading ids: `## Überschrift {#mein-anker}`.
 *
 * A published anchor must survive a reworded heading, so editors may pin the id. MDX
 * would read `{#…}` as a JavaScript expression, so `escapeHeadingIds` first escapes the
 * brace in heading lines of the source (a Vite pre-transform), and `remarkHeadingIds`
 * then moves the id from the heading text onto the heading.
 *
 * An id consists of letters (umlauts and ß included, as in the ids Planwerk derives
 * from heading text, e.g. `was-jetzt-zählt`), digits, `-` and `_`. A heading that ends
 * in `{#…}` with anything else keeps it in its text; the content check reports it.
 */
import type { Root, Heading, Text } from 'mdast';
import { visit } from 'unist-util-visit';

/** One heading id: a letter or digit, then letters, digits, `-` and `_` (Unicode letters included). */
export const ANKER_ID = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;
const ID = String.raw`[\p{L}\p{N}][\p{L}\p{N}_-]*`;
/** A Markdown heading line ending in `{#…}`: group 1 is the heading, group 2 what stands between `{#` and `}`. */
export const HEADING_WITH_ID = /^(\s{0,3}#{1,6}\s.*?)\s*\{#([^{}]*)\}\s*$/u;

/**
 * Which lines of a Markdown text belong to a fenced code block (the fences included).
 * A fence opens with ``` or ~~~ (any indentation, as inside list items) and closes with
 * the same character, at least as long, and nothing after it; an unclosed fence runs to
 * the end, as in CommonMark.
 */
export function fencedLines(lines: string[]): boolean[] {
  const inside = new Array<boolean>(lines.length).fill(false);
  let open: { char: string; length: number } | undefined;
  lines.forEach((line, index) => {
    if (open) {
      inside[index] = true;
      const close = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1]![0] === open.char && close[1]!.length >= open.length) open = undefined;
      return;
    }
    const match = /^\s*(`{3,}|~{3,})(.*)$/.exec(line);
    // A backtick fence's info string cannot contain a backtick (that line is a code span).
    if (match && !(match[1]![0] === '`' && match[2]!.includes('`'))) {
      open = { char: match[1]![0]!, length: match[1]!.length };
      inside[index] = true;
    }
  });
  return inside;
}

/** The lines of a Markdown text that are not inside (or delimiting) a code fence, with their 0-based index. */
export function linesOutsideFences(text: string): { line: string; index: number }[] {
  const lines = text.split('\n');
  const fenced = fencedLines(lines);
  return lines.flatMap((line, index) => (fenced[index] ? [] : [{ line, index }]));
}

/** Rewrites `## X {#id}` to `## X \{#id}` outside code fences, leaving line numbers unchanged. */
export function escapeHeadingIds(source: string): string {
  const lines = source.split('\n');
  for (const { line, index } of linesOutsideFences(source)) {
    const match = HEADING_WITH_ID.exec(line);
    if (match) lines[index] = `${match[1]} \\{#${match[2]}}`;
  }
  return lines.join('\n');
}

const TRAILING_ID = new RegExp(String.raw`\s*\{#(${ID})\}\s*$`, 'u');

/** Finds a trailing `{#id}` in a heading, removes it from the text and sets it as the id (in Unicode normal form C). */
export function remarkHeadingIds() {
  return (tree: Root) => {
    visit(tree, 'heading', (node: Heading) => {
      const last = node.children.at(-1);
      if (!last || last.type !== 'text') return;
      const match = TRAILING_ID.exec((last as Text).value);
      if (!match) return;
      (last as Text).value = (last as Text).value.slice(0, match.index);
      // hProperties become attributes of the HTML element (see mdast-util-to-hast).
      const data = (node.data ??= {}) as { hProperties?: Record<string, unknown> };
      data.hProperties = { ...data.hProperties, id: match[1]!.normalize('NFC') };
    });
  };
}
