// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import planwerk from './src/integration.ts';
import suche from './src/search/integration.ts';
import { remarkHeadingIds } from './src/markdown/heading-ids.ts';
import { rehypePermalinks } from './src/markdown/permalinks.ts';

// URLs end in a slash and every page is a folder with index.html; the link check
// (tests/site.test.ts) resolves links the same way.
// A plan from another folder (PLANWERK_CONTENT, used by tests) gets its own content
// cache beside it, so builds of different plans never read each other's cached entries.
const contentDir = process.env.PLANWERK_CONTENT;

export default defineConfig({
  ...(contentDir ? { cacheDir: `./${contentDir}/../.astro-cache/` } : {}),
  site: 'https://mep.musterstadt.example',
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Two routes writing the same page (e.g. a redirect in content/weiterleitungen.yaml from a
  // path that still exists) would silently drop one of them.
  prerenderConflictBehavior: 'error',
  markdown: {
    processor: unified({
      remarkPlugins: [remarkGfm, remarkHeadingIds],
      rehypePlugins: [rehypePermalinks],
    }),
  },
  integrations: [planwerk(), suche(), mdx()],
  devToolbar: { enabled: false },
});
