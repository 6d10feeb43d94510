/**
 * What the portal's pages render: set by `bauePortal` (src/portal/bauen.ts) before Astro runs,
 * read by the pages. Astro loads the pages as modules of their own, so the value lives on
 * globalThis, as the plan's model does (src/plan/aktuell.ts).
 */
import type { Portalkonfiguration } from './konfiguration.ts';
import type { GelesenerPlan } from './typen.ts';

export interface Portaldaten {
  konfiguration: Portalkonfiguration;
  plaene: GelesenerPlan[];
  /** The day the plans were read (YYYY-MM-DD). */
  gelesenAm: string;
  /** The Planwerk version that built the portal. */
  planwerk: string;
  /** The Pagefind version the portal searches with. */
  pagefind: string;
}

const KEY = Symbol.for('planwerk.portal');

export function setzePortaldaten(daten: Portaldaten): void {
  (globalThis as Record<symbol, unknown>)[KEY] = daten;
}

/** The portal being built; an error outside `planwerk portal`. */
export function portaldaten(): Portaldaten {
  const daten = (globalThis as Record<symbol, unknown>)[KEY] as Portaldaten | undefined;
  if (!daten) throw new Error('Die Seiten des Portals entstehen nur mit „planwerk portal“.');
  return daten;
}
