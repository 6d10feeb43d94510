/**
 * Plan sites for the portal (`planwerk portal`, issue 28): three small generated plans of the
 * shapes a Kreis has (bench/generator.ts: one with survey rounds, one with published finance
 * tables, one minimal), each built on its own like a Schulträger's CI builds it, and a static
 * HTTP server that serves a built site under its base path as a host would.
 *
 * `bauePortalplaene(ordner)` writes the plans below `ordner` (inside the project, so that Astro
 * can build them) and builds each with `node src/cli/bauen.ts --outDir …` (without the PDF). A build is kept in
 * .tmp/portalplaene-cache/ under the hash of the generated files, their folder (the site's edit
 * links name it) and Planwerk's own source (src/, package.json): as long as none changes, the next
 * call reuses it. Two test runs at once each build into a folder of their own and the first to
 * finish is kept; two test files at once should pass different `ordner` (generating replaces the
 * files there). Old entries stay; the cache folder may be deleted at any time.
 *
 * `serviere(dist, basis)` serves a built site on 127.0.0.1 (a free port), under its base path.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { starteServer, type Server } from '../../src/cli/sitepruefung/server.ts';
import { generatePlan, type GeneratedPlan, type Planform } from '../../bench/generator.ts';
import { PROJECT } from './fixture.ts';

/** One plan site of the portal test. */
export interface Portalplan {
  /** The plan's id in the portal and its folder below `ordner`. */
  id: string;
  /** The Schulträger (plan.yaml `kommune`), as portal.yaml names it. */
  name: string;
  form: Planform;
  /** plan.yaml's `website`: the public address of the site, with its base path. */
  website: string;
  /** The base path the site is built for: `/` or `/plan-b/`. */
  basis: string;
  /** The built site. */
  dist: string;
  /** What the generator wrote: the Kreisfachtag Maßnahme, the shared actors, rounds, tables … */
  plan: GeneratedPlan;
  /** Seconds the build took, 0 when a cached build was reused. */
  bauzeit: number;
}

/** The three plans: distinct Schulträger, shapes and seeds; the second is published under a base path. */
export const PORTALPLAENE = [
  { id: 'lindenbrueck', kommune: 'Stadt Lindenbrück', form: 'erhebungen', massnahmen: 10, seed: 11, website: 'https://mep.lindenbrueck.example/' },
  { id: 'moorwiesen', kommune: 'Gemeinde Moorwiesen', form: 'finanztabellen', massnahmen: 9, seed: 12, website: 'https://kreis.example/plan-b/' },
  { id: 'talheim', kommune: 'Kreis Talheim', form: 'minimal', massnahmen: 8, seed: 13, website: 'https://bildung.kreis-talheim.example/' },
] as const satisfies readonly { id: string; kommune: string; form: Planform; massnahmen: number; seed: number; website: string }[];

const CACHE = join(PROJECT, '.tmp', 'portalplaene-cache');

/** Every file below a folder, relative and sorted (the order a hash needs). */
function dateien(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** Hash of the files below the folders: their paths and contents. */
function hashVon(ordner: { dir: string; name: string }[], extra = ''): string {
  const h = createHash('sha256').update(extra);
  for (const { dir, name } of ordner) for (const f of dateien(dir)) h.update(`${name}/${f}\0`).update(readFileSync(join(dir, f))).update('\0');
  return h.digest('hex').slice(0, 16);
}

/**
 * Builds one plan like its CI: `node src/cli/bauen.ts --outDir <dist>` with PLANWERK_CONTENT, but
 * without the PDF of the Druckfassung (PLANWERK_PDF=0): the portal reads the Portalangaben, the open
 * data and the search index, never the PDF, and printing three plans only costs time.
 */
const OHNE_PDF = { PLANWERK_PDF: '0' };
function baue(contentDir: string, dist: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['src/cli/bauen.ts', '--outDir', dist], {
      cwd: PROJECT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PLANWERK_CONTENT: contentDir, ...OHNE_PDF },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let ausgabe = '';
    child.stdout.on('data', (c) => (ausgabe = (ausgabe + String(c)).slice(-8000)));
    child.stderr.on('data', (c) => (ausgabe = (ausgabe + String(c)).slice(-8000)));
    child.once('error', reject);
    child.once('close', (code) => (code === 0 ? resolvePromise() : reject(new Error(`Bau von ${contentDir} fehlgeschlagen (Exit-Code ${code}):\n${ausgabe}`))));
  });
}

/**
 * Generates the three plans of PORTALPLAENE below `ordner` (one folder each, replaced) and builds
 * each, or reuses its cached build. `kennungen` gives the shared actors their `kennung`.
 */
export async function bauePortalplaene(ordner = join(PROJECT, '.tmp', 'portalplaene'), optionen: { kennungen?: boolean } = {}): Promise<Portalplan[]> {
  // How the plans are built is part of the key: a cached build with a PDF is another build.
  const planwerkHash = hashVon([{ dir: join(PROJECT, 'src'), name: 'src' }], readFileSync(join(PROJECT, 'package.json'), 'utf8') + JSON.stringify(OHNE_PDF));
  const plaene: Portalplan[] = [];
  for (const p of PORTALPLAENE) {
    const plan = generatePlan(join(ordner, p.id), { massnahmen: p.massnahmen, seed: p.seed, kommune: p.kommune, form: p.form, website: p.website, kennungen: optionen.kennungen ?? false });
    const schluessel = `${p.id}-${hashVon([{ dir: plan.contentDir, name: relative(PROJECT, plan.contentDir) }], planwerkHash)}`;
    const ziel = join(CACHE, schluessel);
    const dist = join(ziel, 'dist');
    let bauzeit = 0;
    if (!existsSync(join(ziel, 'fertig'))) {
      const bau = join(CACHE, `bau-${schluessel}-${process.pid}`);
      rmSync(bau, { recursive: true, force: true });
      mkdirSync(bau, { recursive: true });
      const start = performance.now();
      await baue(plan.contentDir, join(bau, 'dist'));
      bauzeit = (performance.now() - start) / 1000;
      writeFileSync(join(bau, 'fertig'), `${new Date().toISOString()} ${bauzeit.toFixed(1)} s\n`);
      // the build's own folder becomes the cache entry (unless another run was faster)
      try {
        renameSync(bau, ziel);
      } catch {
        rmSync(bau, { recursive: true, force: true });
      }
    }
    plaene.push({ id: p.id, name: p.kommune, form: p.form, website: p.website, basis: new URL(p.website).pathname, dist, plan, bauzeit });
  }
  return plaene;
}

/**
 * Serves the built site in `dist` on 127.0.0.1 (a free port) under the base path `basis` (`/` or
 * `/plan-b/`), as a static host does, with the site's security headers: the server of
 * `planwerk pruefen-site` (src/cli/sitepruefung/server.ts). `adresse` is the site's root with its
 * base path, ending in `/` (`http://127.0.0.1:40123/plan-b/`).
 */
export function serviere(dist: string, basis = '/'): Promise<Server> {
  return starteServer(resolve(dist), basis.endsWith('/') ? basis : `${basis}/`);
}
