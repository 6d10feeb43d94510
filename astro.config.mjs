// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import planwerk from './src/integration.ts';
import suche from './src/ausgabe/suche/integration.ts';
import { remarkHeadingIds } from './src/plan/markdown/heading-ids.ts';
import { rehypePermalinks } from './src/plan/markdown/permalinks.ts';

// The plan comes from content/ (or the folder in PLANWERK_CONTENT, or `planwerk({ inhalt: '…' })`);
// its site address, sitemap and cache folder are set by the Planwerk integration from plan.yaml.
// URLs end in a slash and every page is a folder with index.html; the link check
// (tests/site/site.test.ts) resolves links the same way.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Two routes writing the same page (e.g. a redirect in content/weiterleitungen.yaml from a
  // path that still exists) would silently drop one of them.
  prerenderConflictBehavior: 'error',
  // Plan content is rendered by Planwerk's own loader (src/plan/mdx/); this processor serves
  // Markdown and MDX pages written as part of the site itself.
  markdown: {
    processor: unified({
      remarkPlugins: [remarkGfm, remarkHeadingIds],
      rehypePlugins: [rehypePermalinks],
    }),
  },
  integrations: [planwerk(), suche(), mdx()],
  devToolbar: { enabled: false },
});
