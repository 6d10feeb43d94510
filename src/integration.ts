/**
 * The Planwerk Astro integration:
 * - validates the whole plan before Astro loads any content, and stops with the full
 *   list of problems (file, field, expected, found) when there are any;
 * - lets MDX headings carry explicit ids (`## Titel {#anker}`);
 * - after the build writes the security headers and checks redirect targets and the anchor register.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { headersDatei } from './lib/sicherheit.ts';
import type { AstroIntegration } from 'astro';
import { validatePlan } from './lib/validate.ts';
import { ContentError } from './lib/problems.ts';
import { unreferenzierteAkteure } from './lib/akteure.ts';
import { ankerMeldung, fehlendeAnker, leseRegister, REGISTER_DATEI, sammleAnker } from './lib/anker.ts';
import { contentDir } from './lib/sources.ts';
import { heute, ueberfaelligeSeiten } from './lib/pflege.ts';
import { gitDaten } from './lib/git.ts';
import { pruefeWeiterleitungen, weiterleitungen, type Weiterleitung } from './lib/weiterleitungen.ts';
import { escapeHeadingIds } from './markdown/heading-ids.ts';

export default function planwerk(): AstroIntegration {
  let liste: Weiterleitung[] = [];
  return {
    name: 'planwerk',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig, logger }) => {
        // `astro preview` only serves dist/; there is no content to check.
        if (command === 'preview') return;
        const started = performance.now();
        const { problems, model } = validatePlan(fileURLToPath(config.root));
        if (problems.length > 0 || !model) throw new ContentError(problems);
        for (const s of ueberfaelligeSeiten(model, heute())) {
          logger.warn(`${s.file}: Überprüfung war bis ${s.pflege.naechstePruefung} fällig (zuständig: ${s.pflege.zustaendig}).`);
        }
        const git = gitDaten(process.cwd());
        if (git.ohneGit) logger.info(`Änderungsdaten der Seiten: ${git.ohneGit}`);
        for (const a of unreferenzierteAkteure(model)) {
          logger.warn(`${a.file}:${a.line ?? ''} Akteur „${a.id}“ wird nirgends genannt (keine Beziehung, Maßnahme, Zuständigkeit, kein Gremium oder Format).`);
        }
        logger.info(`Inhalte geprüft: keine Fehler (${Math.round(performance.now() - started)} ms)`);
        liste = weiterleitungen(model);
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
      'astro:build:done': ({ dir, logger }) => {
        writeFileSync(join(fileURLToPath(dir), '_headers'), headersDatei());
        const falscheZiele = pruefeWeiterleitungen(liste, fileURLToPath(dir));
        if (falscheZiele.length > 0) throw new ContentError(falscheZiele);
        const root = process.cwd();
        const file = join(root, contentDir(), REGISTER_DATEI);
        const register = leseRegister(file);
        const aktuell = sammleAnker(fileURLToPath(dir));
        if (!register) {
          logger.warn(`Kein Ankerregister (${contentDir()}/${REGISTER_DATEI}): „npm run anker“ legt es an.`);
          return;
        }
        const fehlend = fehlendeAnker(register, aktuell);
        if (fehlend.length > 0) {
          throw new Error(`Veröffentlichte Anker fehlen (${fehlend.length}):\n${fehlend.map((f) => `  • ${ankerMeldung(f)}`).join('\n')}`);
        }
        const neu = Object.entries(aktuell).reduce((n, [seite, ids]) => n + (register[seite] ? ids.filter((id) => !register[seite]!.includes(id)).length : 1 + ids.length), 0);
        if (neu > 0) logger.info(`${neu} neue Seiten oder Anker sind noch nicht im Ankerregister: „npm run anker“ trägt sie ein.`);
      },
    },
  };
}

