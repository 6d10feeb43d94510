/**
 * The Planwerk Astro integration:
 * - resolves the plan's content folder once (option `inhalt`, else PLANWERK_CONTENT,
 *   else `content/`), gives the plan its own cache folder, and loads the plan once
 *   (src/lib/planladen.ts), before Astro loads any content;
 * - takes the site address from plan.yaml and adds the sitemap;
 * - after the build writes the security headers and checks redirect targets and the
 *   anchor register.
 *
 * `npm run build` (src/cli/bauen.ts) loads the plan before Astro starts and prints
 * problems in German only; run through `astro build` directly, a content error ends
 * in Astro's own error output with the same German list inside.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import sitemap from '@astrojs/sitemap';
import { headersDatei } from './lib/sicherheit.ts';
import { ContentError, formatProblem, type Problem } from './lib/problems.ts';
import { plausibilitaet } from './lib/validate.ts';
import { unreferenzierteAkteure } from './lib/akteure.ts';
import { ankerMeldung, fehlendeAnker, leseRegister, REGISTER_DATEI, sammleAnker } from './lib/anker.ts';
import { displayDir, planLocation, type PlanLocation } from './lib/sources.ts';
import { heute, ueberfaelligeSeiten } from './lib/pflege.ts';
import { gitDaten } from './lib/git.ts';
import { pruefeWeiterleitungen, weiterleitungen } from './lib/weiterleitungen.ts';
import { cacheOrdner, inhaltsordner, ladePlan, setzeAktuellenPlan, type GeladenerPlan } from './lib/planladen.ts';

export interface PlanwerkOptions {
  /** The plan's content folder, absolute or relative to the project (default: PLANWERK_CONTENT or `content`). */
  inhalt?: string;
}

/** What the integration resolved and found, for `npm run build` (src/cli/bauen.ts). */
export interface PlanwerkStand {
  /** Resolves the plan's folder and cache folder once for this project, and names the plan for loaders and pages. */
  bereite(projekt: string): { ort: PlanLocation; cacheDir: string };
  /** Problems found after the build (anchors, redirect targets). */
  nachDemBau: Problem[];
  /** Notes from after the build (e.g. anchors not yet in the register). */
  hinweiseNachDemBau: string[];
  /** Pages written by the build. */
  seiten: number;
  /** Set by `npm run build`: report problems and warnings itself instead of handing them to Astro. */
  selbstMelden: boolean;
}

/** Warnings that need no fix before publishing, in German, one line each. */
export function hinweise(geladen: GeladenerPlan): string[] {
  const model = geladen.model;
  if (!model) return [];
  const out: string[] = [];
  for (const s of ueberfaelligeSeiten(model, heute())) {
    out.push(`${s.file}: Überprüfung war bis ${s.pflege.naechstePruefung} fällig (zuständig: ${s.pflege.zustaendig}).`);
  }
  for (const a of unreferenzierteAkteure(model)) {
    out.push(`${a.file}:${a.line ?? ''} Akteur „${a.id}“ wird nirgends genannt (keine Beziehung, Maßnahme, Zuständigkeit, kein Gremium oder Format).`);
  }
  for (const p of plausibilitaet(model)) out.push(formatProblem(p));
  const git = gitDaten(model.ort.contentDir);
  if (git.ohneGit) out.push(`Änderungsdaten der Seiten: ${git.ohneGit}`);
  if (!model.plan.website) out.push(`${displayDir(model.ort)}/plan.yaml: ohne „website“ (die Adresse der veröffentlichten Seite) fehlen kanonische Links, Sitemap und Open-Graph-Adressen.`);
  return out;
}

export default function planwerk(options: PlanwerkOptions = {}): AstroIntegration & { planwerk: PlanwerkStand } {
  let bereit: { ort: PlanLocation; cacheDir: string } | undefined;
  const stand: PlanwerkStand = {
    bereite(projekt) {
      if (!bereit) {
        const inhalt = inhaltsordner(projekt, options.inhalt);
        bereit = { ort: planLocation(inhalt, projekt), cacheDir: cacheOrdner(projekt, inhalt) };
        setzeAktuellenPlan(bereit.ort, bereit.cacheDir);
      }
      return bereit;
    },
    nachDemBau: [],
    hinweiseNachDemBau: [],
    seiten: 0,
    selbstMelden: false,
  };
  let redirectPfade = new Set<string>();
  return {
    name: 'planwerk',
    planwerk: stand,
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, logger }) => {
        const { ort, cacheDir } = stand.bereite(fileURLToPath(config.root));
        // `astro preview` only serves dist/; there is no content to check.
        if (command === 'preview') return;
        const geladen = await ladePlan(ort, cacheDir);
        if (!geladen.model) throw new ContentError(geladen.problems);
        if (!stand.selbstMelden) for (const h of hinweise(geladen)) logger.warn(h);
        const model = geladen.model;
        redirectPfade = new Set(weiterleitungen(model).map((w) => w.von));
        const site = model.plan.website;
        updateConfig({
          cacheDir: pathToFileURL(`${cacheDir}/`),
          ...(site ? { site } : {}),
          integrations: site
            ? [sitemap({ filter: (page) => !redirectPfade.has(new URL(page).pathname) })]
            : [],
        });
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const hinweis = (text: string) => (stand.selbstMelden ? stand.hinweiseNachDemBau.push(text) : logger.warn(text));
        const dist = fileURLToPath(dir);
        stand.seiten = pages.length;
        writeFileSync(join(dist, '_headers'), headersDatei());
        const { ort, cacheDir } = bereit!;
        const model = (await ladePlan(ort, cacheDir)).model!;
        const problems: Problem[] = [...pruefeWeiterleitungen(weiterleitungen(model), dist)];
        const file = join(ort.contentDir, REGISTER_DATEI);
        const register = leseRegister(file);
        const aktuell = sammleAnker(dist);
        if (!register) {
          hinweis(`Kein Ankerregister (${displayDir(ort)}/${REGISTER_DATEI}): „npm run anker“ legt es an.`);
        } else {
          problems.push(
            ...fehlendeAnker(register, aktuell).map((f) => ({ file: `${displayDir(ort)}/${REGISTER_DATEI}`, entry: f.id ? `${f.seite}#${f.id}` : f.seite, expected: 'jede veröffentlichte Seite und jeden Anker weiterhin', found: ankerMeldung(f) })),
          );
          const neu = Object.entries(aktuell).reduce((n, [seite, ids]) => n + (register[seite] ? ids.filter((id) => !register[seite]!.includes(id)).length : 1 + ids.length), 0);
          if (neu > 0) hinweis(`${neu} neue Seiten oder Anker sind noch nicht im Ankerregister: „npm run anker“ trägt sie ein.`);
        }
        stand.nachDemBau = problems;
        if (problems.length > 0 && !stand.selbstMelden) throw new ContentError(problems);
      },
    },
  };
}
