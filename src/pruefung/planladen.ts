/**
 * The plan is read, checked and modelled once per process: bodies are rendered (on every
 * core when many are new), every check runs, and the result is kept in the registry of
 * src/plan/aktuell.ts, where the pages take it from.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planWarnungen, plausibilitaet, validatePlan } from './validate.ts';
import { readCollection, type PlanLocation } from '../plan/sources.ts';
import { registry, type GeladenerPlan } from '../plan/aktuell.ts';
import { rendereVoraus, type RenderCache } from './inhalte.ts';
import type { MdxErgebnis } from '../plan/mdx/render.ts';
import { UMBENENNUNGEN, type Umbenennung } from '../plan/umbenennungen.ts';

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

/**
 * Reads and checks the plan at `ort`, or returns the result of an earlier call in this process.
 * With renamings other than this version's (a test's own), the plan is read anew and not kept.
 */
export function ladePlan(ort: PlanLocation, cacheDir?: string, umbenennungen?: readonly Umbenennung[]): Promise<GeladenerPlan> {
  if (umbenennungen && umbenennungen !== UMBENENNUNGEN) return lade(ort, cacheDir, umbenennungen);
  let geladen = registry.plaene.get(ort.contentDir);
  if (!geladen) {
    geladen = lade(ort, cacheDir);
    registry.plaene.set(ort.contentDir, geladen);
  }
  return geladen;
}

async function lade(ort: PlanLocation, cacheDir?: string, umbenennungen: readonly Umbenennung[] = UMBENENNUNGEN): Promise<GeladenerPlan> {
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
  const { problems, warnungen, model, datenModell } = validatePlan(ort, cache, gelesen, umbenennungen);
  const neuGerendert = [...benutzt.keys()].filter((k) => !alt.has(k)).length;
  if (cacheDir && (neuGerendert > 0 || benutzt.size !== alt.size)) {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheDir, CACHE_DATEI), JSON.stringify(Object.fromEntries(benutzt)));
  }
  return { ort, problems, warnungen: [...warnungen, ...(model ? [...plausibilitaet(model), ...planWarnungen(model)] : [])], model, datenModell, dauerMs: performance.now() - started, neuGerendert, mdxGesamt: benutzt.size };
}
