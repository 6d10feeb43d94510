/**
 * The Planwerk Astro integration, the package's entry: a plan repository's astro.config.mjs
 * holds nothing but `integrations: [planwerk()]`.
 * - injects every page and endpoint of src/ausgabe/pages (routes.ts) and sets what the site
 *   needs from Astro (static output, folder URLs with a final slash, Planwerk's Markdown
 *   pipeline, MDX, the search index);
 * - resolves the plan's content folder once (option `inhalt`, else PLANWERK_CONTENT,
 *   else `content/`), gives the plan its own cache folder, and loads the plan once
 *   (src/pruefung/planladen.ts), before Astro loads any content;
 * - takes the site address from plan.yaml and adds the sitemap;
 * - in the dev server (the live preview, src/pruefung/vorschau.ts) reloads plan and page on each
 *   saved change, shows problems as a German page, and ignores the output folders of the project;
 * - after the build writes the security headers and checks redirect targets, the
 *   anchor register and every address in the built pages (src/ausgabe/ausgabeadressen.ts); if a check fails, it removes the output folder the build wrote
 *   (the configured outDir), so that no site with these errors can be published.
 *
 * `npm run build` (src/cli/bauen.ts) loads the plan before Astro starts and prints
 * problems in German only; run through `astro build` directly, a content error ends
 * in Astro's own error output with the same German list inside.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { AstroIntegration, HookParameters } from 'astro';
import sitemap from '@astrojs/sitemap';
import mdx from '@astrojs/mdx';
import { indexiere } from './ausgabe/suche/integration.ts';
import { seitenRouten } from './ausgabe/routen.ts';
import { astroEinstellungen } from './ausgabe/einstellungen.ts';
import { headersDatei } from './ausgabe/sicherheit.ts';
import { ContentError, formatProblem, type Problem } from './plan/problems.ts';
import { unreferenzierteAkteure } from './rechnen/akteure.ts';
import { ankerMeldung, fehlendeAnker, leseRegister, merkeLetztenBau, REGISTER_DATEI, sammleAnker, vergissLetztenBau, weiterleitungsseiten, type AnkerRegister } from './ausgabe/anker.ts';
import { displayDir, planLocation, type PlanLocation } from './plan/sources.ts';
import { heute, ueberfaelligeSeiten } from './plan/pflege.ts';
import { datumImSatz } from './plan/datum.ts';
import { offeneDatenHinweise } from './ausgabe/offenedaten/index.ts';
import { schreibePortalangaben } from './ausgabe/offenedaten/portalangaben.ts';
import { gitDaten } from './plan/git.ts';
import { pruefeWeiterleitungen, weiterleitungen } from './ausgabe/weiterleitungen.ts';
import { basisDesPlans, ohneBasis } from './plan/urls.ts';
import { setzeDruckfassung } from './ausgabe/druckfassung.ts';
import { liegtIn, ordnerName } from './ausgabe/ausgabe.ts';
import { pruefeAusgabeAdressen } from './ausgabe/ausgabeadressen.ts';
import { schreibeStempel } from './ausgabe/seitenschluessel.ts';
import { ladePlan } from './pruefung/planladen.ts';
import { cacheOrdner, inhaltsordner, setzeAktuellenPlan, type GeladenerPlan } from './plan/aktuell.ts';
import { richteVorschauEin, vorschauIgnoriert } from './pruefung/vorschau.ts';

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
  /** After a failed check: what happened to the output folder, in German. */
  ausgabeHinweis?: string;
  /**
   * Set by `npm run build`: prints the German list and ends the process. The hooks call it
   * instead of throwing, because Astro wraps an error thrown in a hook in English text.
   */
  abbrechen?: (problems: Problem[], nachsatz?: string) => never;
}


/**
 * Removes the site a build wrote after one of its checks failed: only the output folder
 * Astro was configured with, and never one that holds the project or the plan.
 * Returns the German sentence that says what happened.
 */
export function entferneAusgabe(dist: string, outDir: string | undefined, geschuetzt: string[]): string {
  const ordner = resolve(dist);
  const name = ordnerName(ordner);
  if (!outDir || resolve(outDir) !== ordner || geschuetzt.some((g) => liegtIn(resolve(g), ordner))) {
    return `Die Ausgabe in ${name} wurde nicht gelöscht, weil sie nicht nur die gebaute Website enthält. Veröffentlichen Sie sie nicht.`;
  }
  rmSync(ordner, { recursive: true, force: true });
  return `Die Ausgabe in ${name} wurde gelöscht, damit keine Website mit diesen Fehlern veröffentlicht wird.`;
}

/** Warnings that need no fix before publishing, in German, one line each. */
export function hinweise(geladen: GeladenerPlan): string[] {
  const model = geladen.model;
  if (!model) return [];
  const out: string[] = [];
  for (const s of ueberfaelligeSeiten(model, heute())) {
    out.push(`${s.file}: Überprüfung war ${datumImSatz(s.pflege.naechstePruefung, 'bis')} fällig (zuständig: ${s.pflege.zustaendig}).`);
  }
  for (const a of unreferenzierteAkteure(model)) {
    out.push(`${a.file}:${a.line ?? ''} Akteur „${a.id}“ wird nirgends genannt (keine Beziehung, Maßnahme, Zuständigkeit, kein Gremium oder Format).`);
  }
  for (const p of geladen.warnungen) out.push(formatProblem(p));
  out.push(...offeneDatenHinweise(model));
  const git = gitDaten(model.ort.contentDir);
  if (git.ohneGit) out.push(`Änderungsdaten der Seiten: ${git.ohneGit}`);
  if (!model.plan.website) out.push(`${displayDir(model.ort)}/plan.yaml: ohne „website“ (die Adresse der veröffentlichten Seite) fehlen kanonische Links, Sitemap und Open-Graph-Adressen, und die Website erwartet, an der Wurzel ihrer Adresse zu liegen. Eintragen, z. B. „website: https://mep.stadt.de/“ oder für eine Projektseite „website: https://stadt.github.io/mep/“.`);
  return out;
}

/** The site address in plan.yaml, read without checking the plan (for `astro preview`). */
function websiteDesPlans(ort: PlanLocation): string | undefined {
  try {
    const website = (parse(readFileSync(join(ort.contentDir, 'plan.yaml'), 'utf8')) as { website?: unknown } | null)?.website;
    return typeof website === 'string' && URL.canParse(website) ? website : undefined;
  } catch {
    return undefined;
  }
}

type Bereit = { ort: PlanLocation; cacheDir: string };
type Hook<N extends keyof AstroIntegration['hooks']> = HookParameters<N>;

/**
 * `astro:config:setup`: Astro's settings, every route, and, once the plan is loaded and checked,
 * its site address, base path and cache folder, the sitemap, the search index and MDX.
 */
async function richteEin(stand: PlanwerkStand, { config, command, updateConfig, injectRoute, logger }: Hook<'astro:config:setup'>) {
  const { ort, cacheDir } = stand.bereite(fileURLToPath(config.root));
  updateConfig(astroEinstellungen());
  // `astro preview` only serves dist/; there is no content to check, only the base path
  // the site was built for (from plan.yaml's `website` or PLANWERK_BASIS).
  if (command === 'preview') {
    updateConfig({ base: basisDesPlans(websiteDesPlans(ort)) });
    return;
  }
  for (const route of seitenRouten()) injectRoute(route);
  // The live preview reloads for the plan's files, not for what builds, tests and benchmarks write.
  if (command === 'dev') updateConfig({ vite: { server: { watch: { ignored: [vorschauIgnoriert(fileURLToPath(config.root), ort.contentDir, [fileURLToPath(config.outDir), cacheDir])] } } } });
  const geladen = await ladePlan(ort, cacheDir);
  if (!geladen.model && command === 'dev') {
    // The live preview starts all the same and shows the problems as a page until they are fixed
    // (src/pruefung/vorschau.ts); the site address and its sitemap wait for a restart.
    logger.error(geladen.problems.map(formatProblem).join('\n'));
    updateConfig({ cacheDir: pathToFileURL(`${cacheDir}/`), base: basisDesPlans(websiteDesPlans(ort)), integrations: [mdx()] });
    return;
  }
  if (!geladen.model) {
    stand.abbrechen?.(geladen.problems);
    throw new ContentError(geladen.problems);
  }
  if (!stand.selbstMelden) for (const h of hinweise(geladen)) logger.warn(h);
  const model = geladen.model;
  const redirectPfade = new Set(weiterleitungen(model).map((w) => w.von));
  // The site's origin and its base path are set apart: a project site on GitHub or GitLab
  // Pages (https://stadt.github.io/mep/) lives under /mep/, and every link carries it.
  const site = model.plan.website && new URL(model.plan.website).origin;
  updateConfig({
    cacheDir: pathToFileURL(`${cacheDir}/`),
    base: model.basis,
    ...(site ? { site } : {}),
    integrations: [
      ...(site ? [sitemap({ filter: (page) => !redirectPfade.has(ohneBasis(new URL(page).pathname, model.basis) ?? '') })] : []),
      mdx(),
    ],
  });
}

/** The anchor register against the pages just built: a problem for each lost page or anchor, a hint for new ones. */
function pruefeAnkerregister(dist: string, ort: PlanLocation, cacheDir: string, hinweis: (text: string) => unknown): { problems: Problem[]; aktuell: AnkerRegister } {
  const register = leseRegister(join(ort.contentDir, REGISTER_DATEI));
  const aktuell = sammleAnker(dist, cacheDir);
  if (!register) {
    hinweis(`Kein Ankerregister (${displayDir(ort)}/${REGISTER_DATEI}): „npm run anker“ legt es an.`);
    return { problems: [], aktuell };
  }
  const problems = fehlendeAnker(register, aktuell, weiterleitungsseiten(dist, aktuell)).map((f) => ({ file: `${displayDir(ort)}/${REGISTER_DATEI}`, entry: f.id ? `${f.seite}#${f.id}` : f.seite, expected: 'jede veröffentlichte Seite und jeden Anker weiterhin', found: ankerMeldung(f, displayDir(ort)) }));
  const neu = Object.entries(aktuell).reduce((n, [seite, ids]) => n + (register[seite] ? ids.filter((id) => !register[seite]!.includes(id)).length : 1 + ids.length), 0);
  if (neu > 0) hinweis(`${neu} neue Seiten oder Anker sind noch nicht im Ankerregister: „npm run anker“ trägt sie ein.`);
  return { problems, aktuell };
}

/**
 * `astro:build:done`: the security headers, the Druckfassung, the search index (made at the same
 * time) and the checks of the built pages (redirect targets, every address, the anchor register),
 * then the Portalangaben (daten/planwerk.json), which list the search index's files. After a failed check the output is
 * removed and the build ends with the German list.
 */
async function pruefeNachDemBau(stand: PlanwerkStand, { ort, cacheDir }: Bereit, ordner: { outDir?: string; projekt?: string }, { dir, pages, logger }: Hook<'astro:build:done'>) {
  const hinweis = (text: string) => (stand.selbstMelden ? stand.hinweiseNachDemBau.push(text) : logger.warn(text));
  const dist = fileURLToPath(dir);
  stand.seiten = pages.length;
  writeFileSync(join(dist, '_headers'), headersDatei());
  const model = (await ladePlan(ort, cacheDir)).model!;
  // The search index is made while the Druckfassung is put together and the pages are checked:
  // Pagefind works in a process of its own, so both cores are busy. It leaves out the Druckfassung.
  const suche = indexiere(dist, (text) => logger.info(text), { cacheDir });
  const pruefung = (async () => {
    // The Druckfassung is put together from the pages just written, before anchors are collected.
    await setzeDruckfassung(dist, model, cacheDir);
    const problems: Problem[] = [...pruefeWeiterleitungen(weiterleitungen(model), dist)];
    // Every address of every page once more (src/ausgabe/ausgabeadressen.ts): nothing else than https,
    // http to the site itself, mailto, tel and paths of this site may reach a reader.
    problems.push(...pruefeAusgabeAdressen(dist, model.plan.website, cacheDir));
    return { problems, anker: pruefeAnkerregister(dist, ort, cacheDir, hinweis) };
  })();
  const [index, geprueft] = await Promise.allSettled([suche, pruefung]);
  if (geprueft.status === 'rejected') throw geprueft.reason;
  if (index.status === 'rejected') throw index.reason;
  const { anker } = geprueft.value;
  const problems = [...geprueft.value.problems, ...anker.problems];
  stand.nachDemBau = problems;
  if (problems.length === 0) {
    // The Portalangaben list the files of the search index, so they are written after it.
    schreibePortalangaben(dist, model);
    vergissLetztenBau(cacheDir);
    return;
  }
  // `npm run anker -- --ersetzen` can take these anchors after the site is gone.
  merkeLetztenBau(cacheDir, ort.contentDir, anker.aktuell);
  stand.ausgabeHinweis = entferneAusgabe(dist, ordner.outDir, [ordner.projekt ?? process.cwd(), ort.contentDir, cacheDir]);
  // Ends here, before later hooks (the search index) would write into the removed folder.
  stand.abbrechen?.(problems, stand.ausgabeHinweis);
  logger.error(stand.ausgabeHinweis);
  throw new ContentError(problems);
}

export default function planwerk(options: PlanwerkOptions = {}): AstroIntegration & { planwerk: PlanwerkStand } {
  let bereit: Bereit | undefined;
  const stand: PlanwerkStand = {
    bereite(projekt) {
      if (!bereit) {
        const inhalt = inhaltsordner(projekt, options.inhalt);
        bereit = { ort: planLocation(inhalt, projekt), cacheDir: cacheOrdner(projekt, inhalt) };
        setzeAktuellenPlan(bereit.ort, bereit.cacheDir, ladePlan);
      }
      return bereit;
    },
    nachDemBau: [],
    hinweiseNachDemBau: [],
    seiten: 0,
    selbstMelden: false,
  };
  const ordner: { outDir?: string; projekt?: string } = {};
  return {
    name: 'planwerk',
    planwerk: stand,
    hooks: {
      'astro:config:setup': (hook) => richteEin(stand, hook),
      'astro:server:setup': ({ server, logger }) => richteVorschauEin(bereit!.ort, bereit!.cacheDir, server, logger),
      'astro:config:done': ({ config }) => {
        ordner.outDir = fileURLToPath(config.outDir);
        ordner.projekt = fileURLToPath(config.root);
      },
      // Beside Astro's manifest of this build: what each page's footer used, for the keys of the next one.
      'astro:build:generated': () => schreibeStempel(bereit!.cacheDir),
      'astro:build:done': (hook) => pruefeNachDemBau(stand, bereit!, ordner, hook),
    },
  };
}
