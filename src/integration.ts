/**
 * The Planwerk Astro integration:
 * - validates the whole plan before Astro loads any content, and stops with the full
 *   list of problems (file, field, expected, found) when there are any;
 * - lets MDX headings carry explicit ids (`## Titel {#anker}`).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { validatePlan } from './lib/validate.ts';
import { ContentError } from './lib/problems.ts';
import { unreferenzierteAkteure } from './lib/akteure.ts';
import { escapeHeadingIds } from './markdown/heading-ids.ts';

export default function planwerk(): AstroIntegration {
  return {
    name: 'planwerk',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        // `astro preview` only serves dist/; there is no content to check.
        if (command === 'preview') return;
        const started = performance.now();
        const { problems, model } = validatePlan(fileURLToPath(config.root));
        if (problems.length > 0 || !model) throw new ContentError(problems);
        for (const a of unreferenzierteAkteure(model)) {
          logger.warn(`${a.file}:${a.line ?? ''} Akteur „${a.id}“ wird nirgends genannt (keine Beziehung, Maßnahme, Zuständigkeit, kein Gremium oder Format).`);
        }
        logger.info(`Inhalte geprüft: keine Fehler (${Math.round(performance.now() - started)} ms)`);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'planwerk:heading-ids',
                enforce: 'pre',
                transform(code: string, id: string) {
                  if (!id.split('?')[0]!.endsWith('.mdx')) return undefined;
                  return { code: escapeHeadingIds(code), map: null };
                },
              },
            ],
          },
        });
      },
    },
  };
}
