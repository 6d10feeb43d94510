/**
 * The site's routes and the Astro settings it is built with. Pages and endpoints live in
 * ./pages (beside this module, in this repository and in the installed package alike) and
 * are injected by the integration, as Starlight does; a plan repository has no src/pages.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, InjectedRoute } from 'astro';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import { remarkHeadingIds } from '../plan/markdown/heading-ids.ts';
import { rehypePermalinks } from '../plan/markdown/permalinks.ts';

const SEITEN = new URL('./pages/', import.meta.url);
/** Page modules: Astro components, and endpoints as TypeScript here or JavaScript in the package. */
const SEITENMODUL = /^(?!.*\.d\.ts$).*\.(astro|ts|js)$/;

/** The route pattern of a page file: its path without the extension, `index` as the folder itself. */
export function routenMuster(datei: string): string {
  const ohne = datei.replace(/\.(astro|ts|js)$/, '').split('/');
  if (ohne.at(-1) === 'index') ohne.pop();
  return `/${ohne.join('/')}`;
}

/** Every page and endpoint of the site, as routes to inject. */
export function seitenRouten(ordner: URL = SEITEN): InjectedRoute[] {
  return (readdirSync(ordner, { recursive: true, encoding: 'utf8' }) as string[])
    .map((datei) => datei.split('\\').join('/'))
    .filter((datei) => SEITENMODUL.test(datei))
    .sort()
    .map((datei) => ({ pattern: routenMuster(datei), entrypoint: fileURLToPath(new URL(datei, ordner)) }));
}

/** The settings a plan's site is built with, whatever the plan repository's config says. */
export function astroEinstellungen(): Partial<AstroConfig> {
  return {
    output: 'static',
    // URLs end in a slash and every page is a folder with index.html; the link checks resolve links the same way.
    trailingSlash: 'always',
    build: { format: 'directory' } as AstroConfig['build'],
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
