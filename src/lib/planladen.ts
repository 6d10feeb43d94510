/**
 * The plan is read, checked and modelled once per process. The Planwerk integration
 * resolves the content folder when the Astro config loads and loads the plan here;
 * Astro's collection loaders and the pages take the same model from here, so nothing
 * reads the files twice and the forecast is computed once.
 *
 * Astro loads the config with Node but the content config and pages through Vite,
 * which makes separate module instances; the registry therefore lives on globalThis.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { planWarnungen, plausibilitaet, validatePlan } from './validate.ts';
import { planLocation, readCollection, type PlanLocation } from './sources.ts';
import type { PlanModel } from './model.ts';
import { ContentError, type Problem } from './problems.ts';
import { rendereVoraus, type RenderCache } from '../mdx/inhalte.ts';
import type { MdxErgebnis } from '../mdx/render.ts';

export interface GeladenerPlan {
  ort: PlanLocation;
  problems: Problem[];
  /** Hints that do not stop the build (drafts and their open fields, implausible data). */
  warnungen: Problem[];
  /** Present only when there are no problems. */
  model?: PlanModel;
  /** The model when only texts or rules across files have problems (see ValidationResult); not for building. */
  datenModell?: PlanModel;
  /** How long reading and checking took, and how many bodies were rendered anew. */
  dauerMs: number;
  neuGerendert: number;
  mdxGesamt: number;
}

interface Registry {
  plaene: Map<string, Promise<GeladenerPlan>>;
  aktuell?: { ort: PlanLocation; cacheDir?: string };
}

const KEY = Symbol.for('planwerk.plaene');
const registry: Registry = ((globalThis as Record<symbol, unknown>)[KEY] ??= { plaene: new Map() }) as Registry;

/**
 * The content folder, resolved once: the integration's `inhalt` option, else the
 * environment variable PLANWERK_CONTENT, else `content/`; absolute or relative to the project.
 */
export function inhaltsordner(projekt: string, option?: string): string {
  const wahl = option || process.env.PLANWERK_CONTENT || 'content';
  return isAbsolute(wahl) ? resolve(wahl) : resolve(projekt, wahl);
}

/** Astro's cache folder for a plan: one per content folder, so two plans never share cached entries. */
export function cacheOrdner(projekt: string, inhalt: string): string {
  const hash = createHash('sha256').update(resolve(inhalt)).digest('hex').slice(0, 10);
  const name = basename(resolve(inhalt, '..'));
  return join(projekt, '.astro-cache', `${name}-${basename(inhalt)}-${hash}`);
}

const CACHE_DATEI = 'planwerk-mdx.json';
const MDX_SAMMLUNGEN = ['kapitel', 'handlungsfelder', 'massnahmen'] as const;

function leseCache(cacheDir: string | undefined): Map<string, MdxErgebnis> {
  const file = cacheDir && join(cacheDir, CACHE_DATEI);
  if (!file || !existsSync(file)) return new Map();
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, MdxErgebnis>));
  } catch {
    return new Map();
  }
}

/** Reads and checks the plan at `ort`, or returns the result of an earlier call in this process. */
export function ladePlan(ort: PlanLocation, cacheDir?: string): Promise<GeladenerPlan> {
  let geladen = registry.plaene.get(ort.contentDir);
  if (!geladen) {
    geladen = lade(ort, cacheDir);
    registry.plaene.set(ort.contentDir, geladen);
  }
  return geladen;
}

async function lade(ort: PlanLocation, cacheDir?: string): Promise<GeladenerPlan> {
  const started = performance.now();
  const alt = leseCache(cacheDir);
  // Only renderings the plan still uses are kept: the cache never grows with old texts.
  const benutzt = new Map<string, MdxErgebnis>();
  const cache: RenderCache = {
    get: (key) => {
      const hit = alt.get(key);
      if (hit) benutzt.set(key, hit);
      return hit;
    },
    set: (key, value) => benutzt.set(key, value),
  };
  // MDX bodies that are not cached yet are rendered on every core first (a cold build).
  const gelesen = Object.fromEntries(MDX_SAMMLUNGEN.map((c) => [c, readCollection(ort, c)]));
  await rendereVoraus(Object.values(gelesen).flatMap((r) => r.entries), cache);
  const { problems, warnungen, model, datenModell } = validatePlan(ort, cache, gelesen);
  const neuGerendert = [...benutzt.keys()].filter((k) => !alt.has(k)).length;
  if (cacheDir && (neuGerendert > 0 || benutzt.size !== alt.size)) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, CACHE_DATEI), JSON.stringify(Object.fromEntries(benutzt)));
  }
  return { ort, problems, warnungen: [...warnungen, ...(model ? [...plausibilitaet(model), ...planWarnungen(model)] : [])], model, datenModell, dauerMs: performance.now() - started, neuGerendert, mdxGesamt: benutzt.size };
}

/** Forgets a loaded plan (the dev server calls this when a content file changes). */
export function vergissPlan(contentDir: string) {
  registry.plaene.delete(contentDir);
}

/** The integration names the plan this process builds; loaders and pages ask for it. */
export function setzeAktuellenPlan(ort: PlanLocation, cacheDir?: string) {
  registry.aktuell = { ort, cacheDir };
}

/** The plan this process builds, loaded once; throws with every problem if it has any. */
export async function aktuellerPlan(): Promise<GeladenerPlan & { model: PlanModel }> {
  const aktuell = registry.aktuell ?? { ort: planLocation(inhaltsordner(process.cwd()), process.cwd()) };
  const geladen = await ladePlan(aktuell.ort, aktuell.cacheDir);
  if (!geladen.model) throw new ContentError(geladen.problems);
  return geladen as GeladenerPlan & { model: PlanModel };
}
