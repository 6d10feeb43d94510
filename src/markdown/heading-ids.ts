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
const HEADING_WITH_ID = /^(\s{0,3}#{1,6}\s.*?)\s*\{#([A-Za-z0-9][A-Za-z0-9_-]*)\}\s*$/;

/** Rewrites `## X {#id}` to `## X \{#id}` outside code fences, leaving line numbers unchanged. */
export function escapeHeadingIds(source: string): string {
  let inFence = false;
  return source
    .split('\n')
    .map((line) => {
      if (FENCE.test(line)) inFence = !inFence;
      if (inFence) return line;
      const match = HEADING_WITH_ID.exec(line);
      return match ? `${match[1]} \\{#${match[2]}}` : line;
    })
    .join('\n');
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
