/**
 * Gives every heading an id (its explicit `{#id}`, else a slug of its text, as Astro
 * would) and adds a visible permalink to h2–h4, so readers can link to any section.
 *
 * The link carries its name in `aria-label` and draws its "#" with CSS, so it adds no
 * text to the heading: tables of contents and search keep the clean heading text.
 */
import type { Root, Element } from 'hast';
import { visit } from 'unist-util-visit';
import { toString } from 'hast-util-to-string';
import GithubSlugger from 'github-slugger';

export function rehypePermalinks() {
  return (tree: Root, file: { data: { astro?: { frontmatter?: Record<string, unknown> } } }) => {
    // Former ids (`alteAnker: { alt: neu }` in the frontmatter) stay as link targets on the new heading.
    const alteAnker = Object.entries((file.data.astro?.frontmatter?.alteAnker ?? {}) as Record<string, string>);
    const headings: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      if (/^h[1-6]$/.test(node.tagName)) headings.push(node);
    });
    const slugger = new GithubSlugger();
    // Explicit ids first, so that a slug never takes an id an editor has pinned.
    for (const node of headings) {
      if (typeof node.properties.id === 'string') slugger.slug(node.properties.id);
    }
    for (const node of headings) {
      if (typeof node.properties.id !== 'string') node.properties.id = slugger.slug(toString(node));
      for (const [alt, neu] of alteAnker) {
        if (neu === node.properties.id) {
          node.children.unshift({ type: 'element', tagName: 'span', properties: { id: alt, className: ['alias-anker'] }, children: [] });
        }
      }
      if (!/^h[2-4]$/.test(node.tagName)) continue;
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { className: ['anker'], href: `#${node.properties.id}`, ariaLabel: `Link zum Abschnitt „${toString(node).trim()}“` },
        children: [],
      });
    }
  };
}
