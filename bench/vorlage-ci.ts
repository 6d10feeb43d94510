/**
 * node bench/vorlage-ci.ts [--massnahmen 150] [--laeufe 2]
 *
 * Runs the CI of a plan repository (vorlage/github/workflows/plan.yml) step by step on this
 * machine and prints how long each step takes. The plan repository is created from the packed
 * tarball with the create command (tests/helpers/paket.ts), with a generated plan of
 * `--massnahmen` Maßnahmen (bench/generator.ts) or, with `--massnahmen 0`, the sample plan.
 *
 * The first run starts without Planwerk's caches; every further run keeps what the workflow's
 * cache step keeps (.astro-cache), as a pull request after the first
 * does. npm's own download cache is warm in every run (setup-node's `cache: npm`). Steps that
 * only exist on a CI service (checkout, setup-node, the cache, artifacts, Pages) are not run;
 * Chromium is the one of this machine (CHROME_PATH, else /usr/bin/chromium).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { generatePlan } from './generator.ts';
import { erstellePlanrepository, packePaket, umgebung } from '../tests/helpers/paket.ts';

interface Schritt {
  name: string;
  run?: string;
  uses?: string;
}

const { values } = parseArgs({ options: { massnahmen: { type: 'string', default: '150' }, laeufe: { type: 'string', default: '2' } } });
const massnahmen = Number(values.massnahmen);
const laeufe = Number(values.laeufe);
const PROJEKT = join(import.meta.dirname, '..');

/** The steps of the plan job that run commands, without the one that looks for Chromium on a CI runner. */
function schritte(): Schritt[] {
  const workflow = parse(readFileSync(join(PROJEKT, 'vorlage', 'github', 'workflows', 'plan.yml'), 'utf8')) as { jobs: { plan: { steps: Schritt[] } } };
  return workflow.jobs.plan.steps.filter((s) => s.run && !s.run.includes('GITHUB_ENV'));
}

/** Runs one step in the repository and returns its wall time in seconds; stops on failure. */
function laufe(ordner: string, schritt: Schritt): number {
  const start = performance.now();
  const env = { ...umgebung(), CI: 'true', CHROME_PATH: process.env.CHROME_PATH || '/usr/bin/chromium' };
  const lauf = spawnSync('bash', ['-e', '-c', schritt.run!], { cwd: ordner, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (lauf.status !== 0) throw new Error(`Schritt „${schritt.name}“ fehlgeschlagen:\n${lauf.stdout.slice(-3000)}\n${lauf.stderr.slice(-3000)}`);
  return (performance.now() - start) / 1000;
}

/** What the workflow's cache step keeps between runs, saved before `npm ci` empties node_modules and put back after it. */
const GECACHT = ['.astro-cache'];

function main() {
  const paket = packePaket();
  const quelle = massnahmen > 0 ? generatePlan(mkdtempSync(join(tmpdir(), 'planwerk-vorlage-ci-')), { massnahmen, seed: 1 }).contentDir : 'content';
  const repo = erstellePlanrepository(paket.tgz, quelle);
  const ablage = mkdtempSync(join(tmpdir(), 'planwerk-ci-cache-'));
  const zeiten: number[][] = [];
  for (let lauf = 0; lauf < laeufe; lauf++) {
    const dauer: number[] = [];
    for (const ordner of ['dist', ...GECACHT]) rmSync(join(repo.ordner, ordner), { recursive: true, force: true });
    for (const schritt of schritte()) {
      dauer.push(laufe(repo.ordner, schritt));
      // The cache step comes right after `npm ci` in the workflow.
      if (schritt.run!.startsWith('npm ci') && lauf > 0) for (const o of GECACHT) if (existsSync(join(ablage, o))) cpSync(join(ablage, o), join(repo.ordner, o), { recursive: true });
    }
    for (const o of GECACHT) if (existsSync(join(repo.ordner, o))) cpSync(join(repo.ordner, o), join(ablage, o), { recursive: true });
    zeiten.push(dauer);
  }
  const f = (s: number) => s.toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  console.log(`Plan: ${massnahmen > 0 ? `erzeugt, ${massnahmen} Maßnahmen` : 'Beispielplan content/'}; Paket ${(paket.groesse / 1024).toFixed(0)} kB`);
  console.log(`Maschine: ${availableParallelism()} Kerne (${cpus()[0]?.model ?? '?'}), Last vorher ${loadavg()[0]!.toFixed(1)}\n`);
  console.log(`| Schritt | ${zeiten.map((_, i) => (i === 0 ? 'Lauf 1 (ohne Zwischenspeicher)' : `Lauf ${i + 1} (mit Zwischenspeicher)`)).join(' | ')} |`);
  console.log(`| --- | ${zeiten.map(() => '---:').join(' | ')} |`);
  schritte().forEach((s, i) => console.log(`| ${s.name} (\`${s.run!.trim()}\`) | ${zeiten.map((z) => `${f(z[i]!)} s`).join(' | ')} |`));
  console.log(`| **zusammen** | ${zeiten.map((z) => `**${f(z.reduce((a, b) => a + b, 0))} s**`).join(' | ')} |`);
  rmSync(repo.ordner, { recursive: true, force: true });
  rmSync(ablage, { recursive: true, force: true });
}

main();
