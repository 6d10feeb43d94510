/**
 * The site's routes. Pages and endpoints live in ./pages (beside this module, in this
 * repository and in the installed package alike) and are injected by the integration, as
 * Starlight does; a plan repository has no src/pages. The redirect check and
 * `planwerk pruefen-site` read the same list.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { InjectedRoute } from 'astro';

/** The folder of the page and endpoint files. */
export const SEITEN = new URL('./pages/', import.meta.url);
/** Page modules: Astro components, and endpoints as TypeScript here or JavaScript in the package. */
const SEITENMODUL = /^(?!.*\.d\.ts$).*\.(astro|ts|js)$/;

/** The route pattern of a page file: its path without the extension, `index` as the folder itself. */
export function routenMuster(datei: string): string {
  const ohne = datei.replace(/\.(astro|ts|js)$/, '').split('/');
  if (ohne.at(-1) === 'index') ohne.pop();
  return `/${ohne.join('/')}`;
}

/** The page and endpoint files under `ordner`, relative to it with `/`, sorted. */
export function seitenDateien(ordner: URL = SEITEN): string[] {
  return (readdirSync(ordner, { recursive: true, encoding: 'utf8' }) as string[])
    .map((datei) => datei.split('\\').join('/'))
    .filter((datei) => SEITENMODUL.test(datei))
    .sort();
}

/** Every page and endpoint of the site, as routes to inject. */
export function seitenRouten(ordner: URL = SEITEN): InjectedRoute[] {
  return seitenDateien(ordner).map((datei) => ({ pattern: routenMuster(datei), entrypoint: fileURLToPath(new URL(datei, ordner)) }));
}
