#!/usr/bin/env node
/**
 * npm create planwerk@latest [ordner] [-- --kommune "<Kommune>"] [--titel "<Titel>"]
 *
 * Legt ein neues Plan-Repository an: Es fragt nach der Kommune (oder nimmt --kommune), ruft
 * `planwerk neu plan` aus dem Paket planwerk in derselben Version wie dieses Paket auf
 * (`npm exec --yes --package=planwerk@<Version> -- planwerk neu plan …`) und nennt die nächsten
 * Schritte. PLANWERK_PAKET darf statt der Version eine Paketdatei (.tgz) nennen, etwa für Tests.
 *
 * Plain JavaScript without dependencies: it runs under whatever Node `npm create` uses, and
 * checks the version before anything else.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const HILFE = `Aufruf: npm create planwerk@latest [ordner] -- [--kommune "<Kommune>"] [--titel "<Titel>"]

Legt ein Repository für den Medienentwicklungsplan einer Kommune an (Vorgabe für den Ordner:
der Name der Kommune, etwa „landkreis-musterstadt“).`;

/** The version of this package; the planwerk it runs has the same. */
export function eigeneVersion() {
  return JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version;
}

/**
 * The Kommune's name as a folder name: lower case ASCII letters, digits and hyphens (umlauts
 * spelt out). The same rule as repoName in planwerk's src/cli/planrepo.ts.
 * @param {string} kommune
 */
export function repoName(kommune) {
  const ascii = kommune
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'plan';
}

/**
 * The command line: an optional folder, --kommune, --titel, --hilfe.
 * @param {string[]} argv
 * @returns {{ ordner?: string, kommune?: string, titel?: string, hilfe: boolean }}
 */
export function leseArgumente(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { kommune: { type: 'string' }, titel: { type: 'string' }, hilfe: { type: 'boolean', short: 'h' } },
  });
  if (positionals.length > 1) throw new Error(`Nur ein Ordner, bitte („${positionals.join('“, „')}“). Namen mit Leerzeichen in Anführungszeichen setzen.`);
  const leer = (s) => (s?.trim() ? s.trim() : undefined);
  return { ordner: leer(positionals[0]), kommune: leer(values.kommune), titel: leer(values.titel), hilfe: values.hilfe === true };
}

/**
 * The arguments for npm that run planwerk's `neu plan` for a new repository in `ordner`.
 * @param {{ kommune: string, ordner: string, titel?: string, paket: string }} a
 */
export function npmArgumente(a) {
  return ['exec', '--yes', `--package=${a.paket}`, '--', 'planwerk', 'neu', 'plan', a.kommune, '--ordner', a.ordner, '--repository', ...(a.titel ? ['--titel', a.titel] : [])];
}

/** @param {string} ordner the folder as the user typed it (or as derived from the Kommune) */
export function naechsteSchritte(ordner) {
  const cd = /^[\w./-]+$/.test(ordner) ? ordner : JSON.stringify(ordner);
  return `\nFertig. Weiter geht es so:\n\n  cd ${cd}\n  npm install\n  npm run vorschau\n\nDann zeigt http://localhost:4321/ die Website; sie folgt jeder Änderung in content/.\nWas wo liegt und wie eine Änderung geprüft wird, steht in README.md.`;
}

async function frageKommune() {
  if (!process.stdin.isTTY) return undefined;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await rl.question('Für welche Kommune ist der Plan? ')).trim() || undefined;
  } finally {
    rl.close();
  }
}

/** npm itself: the one that runs this (npm_execpath), else the first on the PATH. */
function npm(args, env) {
  const cli = env.npm_execpath;
  if (cli && /npm-cli\.c?js$/.test(cli)) return spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit', env });
  return spawnSync('npm', args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
}

/** @returns {Promise<number>} the exit code */
export async function main(argv = process.argv.slice(2), env = process.env) {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 24 || (major === 24 && minor < 2)) {
    console.error(`Planwerk braucht Node.js 24.2 oder neuer; hier läuft ${process.version}. Bitte Node.js 24 installieren (https://nodejs.org/).`);
    return 1;
  }
  const a = leseArgumente(argv);
  if (a.hilfe) {
    console.log(HILFE);
    return 0;
  }
  const kommune = a.kommune ?? (await frageKommune());
  if (!kommune) {
    console.error(`Bitte die Kommune angeben.\n\n${HILFE}`);
    return 1;
  }
  const ordner = a.ordner ?? repoName(kommune);
  const paket = env.PLANWERK_PAKET || `planwerk@${eigeneVersion()}`;
  const lauf = npm(npmArgumente({ kommune, ordner: resolve(ordner), titel: a.titel, paket }), { ...env, PLANWERK_CREATE: '1' });
  if (lauf.status !== 0) {
    console.error(lauf.error ? `npm ließ sich nicht starten: ${lauf.error.message}` : 'Das Plan-Repository wurde nicht angelegt (siehe oben).');
    return lauf.status || 1;
  }
  console.log(naechsteSchritte(ordner));
  return 0;
}

const direkt = process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
if (direkt) {
  try {
    process.exitCode = await main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
