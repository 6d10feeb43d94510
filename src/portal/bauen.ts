/**
 * `planwerk portal`: builds the portal of a Kreis from `portal.yaml` in `ordner`. Reads each plan
 * site (src/portal/lesen.ts), never rebuilds one, and builds a small static site with Astro: the
 * plans and their versions, one search over all of them, the comparison and the shared actor map.
 *
 * The copied search indexes of the plans reach the output through Astro's public folder (a
 * folder of the portal's cache, filled anew each build).
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { build } from 'astro';
import { ContentError, formatProblem } from '../plan/problems.ts';
import { gemeinsameAkteure } from './akteure.ts';
import { neueAusgabe } from '../ausgabe/ausgabe.ts';
import { planwerkVersion } from '../ausgabe/offenedaten/portalangaben.ts';
import { setzePortaldaten } from './aktuell.ts';
import { lesePortalkonfiguration } from './konfiguration.ts';
import { lesePlaene } from './lesen.ts';
import { portalIntegration } from './integration.ts';
import type { GelesenerPlan } from './typen.ts';

export interface PortalOptionen {
  /** The folder with portal.yaml. */
  ordner: string;
  /** The output folder (default `<ordner>/dist`). */
  outDir?: string;
  /** Today, for "gelesen am" (YYYY-MM-DD); tests set it. */
  heute?: string;
}

export interface PortalErgebnis {
  outDir: string;
  plaene: GelesenerPlan[];
  /** Notes for the build log: actors the shared map kept apart, records it could not read. */
  hinweise: string[];
  /** Milliseconds for reading the plans and for the Astro build with the search index. */
  lesenMs: number;
  bauenMs: number;
}

/** The version of an installed package, from the package.json above its entry (Pagefind does not export its package.json). */
function paketVersion(name: string): string {
  let ordner = dirname(fileURLToPath(import.meta.resolve(name)));
  while (ordner !== dirname(ordner)) {
    const datei = join(ordner, 'package.json');
    if (existsSync(datei)) {
      const paket = JSON.parse(readFileSync(datei, 'utf8')) as { name?: string; version: string };
      if (paket.name === name) return paket.version;
    }
    ordner = dirname(ordner);
  }
  throw new Error(`Die Version von ${name} ist nicht zu finden.`);
}

/** Builds the portal; a mistake in portal.yaml throws a ContentError with every problem. */
export async function bauePortal(optionen: PortalOptionen): Promise<PortalErgebnis> {
  const ordner = resolve(optionen.ordner);
  const { konfiguration, problems } = lesePortalkonfiguration(ordner);
  if (!konfiguration) throw new ContentError(problems);
  const cacheDir = join(ordner, '.astro-cache');
  const oeffentlich = join(cacheDir, 'portal-oeffentlich');
  rmSync(oeffentlich, { recursive: true, force: true });
  mkdirSync(join(oeffentlich, 'plaene'), { recursive: true });
  const pagefind = paketVersion('pagefind');

  const startLesen = performance.now();
  const plaene = await lesePlaene(konfiguration.plaene, join(oeffentlich, 'plaene'), pagefind);
  const lesenMs = performance.now() - startLesen;
  setzePortaldaten({ konfiguration, plaene, gelesenAm: optionen.heute ?? new Date().toISOString().slice(0, 10), planwerk: planwerkVersion(), pagefind });

  // Written into a fresh folder that replaces the output only when the build succeeded (src/ausgabe/ausgabe.ts).
  const ausgabe = neueAusgabe(resolve(ordner, optionen.outDir ?? 'dist'), [ordner, cacheDir]);
  const website = konfiguration.website ? new URL(konfiguration.website) : undefined;
  const startBauen = performance.now();
  try {
    await build({
      root: ordner,
      configFile: false,
      outDir: ausgabe.bau,
      publicDir: oeffentlich,
      cacheDir,
      site: website?.origin,
      base: website?.pathname ?? '/',
      logLevel: 'error',
      integrations: [portalIntegration()],
    });
  } catch (error) {
    throw new Error(`${ausgabe.verwerfen()}`, { cause: error });
  }
  ausgabe.veroeffentlichen();
  const hinweise = gemeinsameAkteure(plaene).probleme.map(formatProblem);
  return { outDir: ausgabe.ziel, plaene, hinweise, lesenMs, bauenMs: performance.now() - startBauen };
}
