/** The Astro settings a plan's site is built with, set by the integration (src/integration.ts). */
import type { AstroConfig } from 'astro';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { remarkHeadingIds } from '../plan/markdown/heading-ids.ts';
import { rehypePermalinks } from '../plan/markdown/permalinks.ts';

/** The settings a plan's site is built with, whatever the plan repository's config says. */
export function astroEinstellungen(): Partial<AstroConfig> {
  return {
    output: 'static',
    // URLs end in a slash and every page is a folder with index.html; the link checks resolve links the same way.
    trailingSlash: 'always',
    // Incremental builds: a page whose key (src/ausgabe/seitenschluessel.ts) and code are unchanged
    // is copied from the last build. Astro needs pages rendered one after the other for it.
    build: { format: 'directory', concurrency: 1 } as AstroConfig['build'],
    experimental: { incrementalBuild: true } as AstroConfig['experimental'],
    // Two routes writing the same page (e.g. a redirect in weiterleitungen.yaml from a path that
    // still exists) would silently drop one of them.
    prerenderConflictBehavior: 'error',
    // Plan content is rendered by Planwerk's own pipeline (src/plan/mdx/); this processor serves
    // Markdown and MDX pages written as part of a site itself.
    markdown: {
      processor: unified({ remarkPlugins: [remarkGfm, remarkHeadingIds], rehypePlugins: [rehypePermalinks] }),
    } as AstroConfig['markdown'],
    devToolbar: { enabled: false },
  };
}
