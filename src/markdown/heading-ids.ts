/**
 * Explicit heading ids: `## Überschrift {#mein-anker}`.
 *
 * A published anchor must survive a reworded heading, so editors may pin the id. MDX
 * would read `{#…}` as a JavaScript expression, so `escapeHeadingIds` first escapes the
 * brace in heading lines of the source (a Vite pre-transform), and `remarkHeadingIds`
 * then moves the id from the heading text onto the heading.
 */
import type { Root, Heading, Text } from 'mdast';
import { visit } from 'unist-util-visit';

const FENCE = /^\s*(```|~~~)/;
/** A Markdown heading line ending in `{#id}`: group 1 is the heading, group 2 the id. */
export const HEADING_WITH_ID = /^(\s{0,3}#{1,6}\s.*?)\s*\{#([A-Za-z0-9][A-Za-z0-9_-]*)\}\s*$/;

/** The lines of a Markdown text that are not inside (or delimiting) a code fence, with their 0-based index. */
export function linesOutsideFences(text: string): { line: string; index: number }[] {
  let inFence = false;
  return text.split('\n').flatMap((line, index) => {
    if (FENCE.test(line)) {
      inFence = !inFence;
      return [];
    }
    return inFence ? [] : [{ line, index }];
  });
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

const TRAILING_ID = /\s*\{#([A-Za-z0-9][A-Za-z0-9_-]*)\}\s*$/;

/** Finds a trailing `{#id}` in a heading, removes it from the text and sets it as the id. */
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
      data.hProperties = { ...data.hProperties, id: match[1] };
    });
  };
}
