/**
 * The Astro integration of a portal (`planwerk portal`, src/portal/bauen.ts): injects the portal's
 * pages (src/portal/pages/), and after the build writes the security headers and the portal's own
 * search index, into which the browser merges the copied indexes of the plans.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { seitenRouten } from '../ausgabe/routen.ts';
import { headersDatei } from '../ausgabe/sicherheit.ts';
import { astroEinstellungen } from '../ausgabe/einstellungen.ts';

export function portalIntegration(): AstroIntegration {
  return {
    name: 'planwerk-portal',
    hooks: {
      'astro:config:setup': ({ injectRoute, updateConfig }) => {
        const { output, trailingSlash, markdown, devToolbar } = astroEinstellungen();
        updateConfig({ output, trailingSlash, markdown, devToolbar, build: { format: 'directory' } });
        for (const route of seitenRouten(new URL('./pages/', import.meta.url))) injectRoute(route);
      },
      'astro:build:done': async ({ dir }) => {
        const dist = fileURLToPath(dir);
        writeFileSync(join(dist, '_headers'), headersDatei());
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
        const hinzu = await index.addDirectory({ path: dist, glob: '**/*.html' });
        if (hinzu.errors.length > 0) throw new Error(`Pagefind: ${hinzu.errors.join('; ')}`);
        const geschrieben = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
        if (geschrieben.errors.length > 0) throw new Error(`Pagefind: ${geschrieben.errors.join('; ')}`);
        await pagefind.close();
      },
    },
  };
}
