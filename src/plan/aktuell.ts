/**
 * The plan this process builds. The Planwerk integration resolves the content folder, loads
 * the plan once (src/pruefung/planladen.ts) and names it here together with the loader;
 * the pages take the same model from here, so nothing reads the files twice and no page
 * module depends on the checks.
 *
 * Astro loads the config with Node but the pages through Vite, which makes separate module
 * instances; the registry therefore lives on globalThis.
 */
import { createHash } from 'node:crypto';
import { basename, isAbsolute, join, resolve } from 'node:path';
import type { PlanLocation } from './sources.ts';
import type { PlanModel } from './model.ts';
import { ContentError, type Problem } from './problems.ts';

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

/** Reads and checks a plan (src/pruefung/planladen.ts `ladePlan`). */
export type Lader = (ort: PlanLocation, cacheDir?: string) => Promise<GeladenerPlan>;

interface Registry {
  plaene: Map<string, Promise<GeladenerPlan>>;
  aktuell?: { ort: PlanLocation; cacheDir?: string; lade: Lader };
}

const KEY = Symbol.for('planwerk.plaene');
/** Loaded plans by content folder, shared by every module instance of this process. */
export const registry: Registry = ((globalThis as Record<symbol, unknown>)[KEY] ??= { plaene: new Map() }) as Registry;

/**
 * The plan's content folder: the integration's option `inhalt`, else PLANWERK_CONTENT,
 * else `content/` in the project.
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

/** Forgets a loaded plan (the dev server calls this when a content file changes). */
export function vergissPlan(contentDir: string) {
  registry.plaene.delete(contentDir);
}

/** The integration names the plan this process builds and how to load it; pages ask for it. */
export function setzeAktuellenPlan(ort: PlanLocation, cacheDir: string | undefined, lade: Lader) {
  registry.aktuell = { ort, cacheDir, lade };
}

/** The plan this process builds, loaded once; throws with every problem if it has any. */
export async function aktuellerPlan(): Promise<GeladenerPlan & { model: PlanModel }> {
  const aktuell = registry.aktuell;
  if (!aktuell) throw new Error('Planwerk: kein Plan geladen. Die Seiten entstehen nur mit der Planwerk-Integration in astro.config.mjs.');
  const geladen = await aktuell.lade(aktuell.ort, aktuell.cacheDir);
  if (!geladen.model) throw new ContentError(geladen.problems);
  return geladen as GeladenerPlan & { model: PlanModel };
}

/** The plan model for pages and endpoints: the one the integration loaded for this build. */
export async function loadModel(): Promise<PlanModel> {
  return (await aktuellerPlan()).model;
}
