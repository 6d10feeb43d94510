/**
 * npm create planwerk: create-planwerk/index.js reads the folder and the Kommune, runs
 * planwerk's `neu plan` through npm in its own version (or the tarball PLANWERK_PAKET names) and
 * prints the next steps. npm is replaced here by a stand-in that records its arguments and runs
 * this repository's src/cli/neu.ts, so the repository really is made.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers/fixture.ts';
import { leseArgumente, naechsteSchritte, npmArgumente } from '../../create-planwerk/index.js';

const BIN = join(PROJECT, 'create-planwerk/index.js');
const VERSION = JSON.parse(readFileSync(join(PROJECT, 'create-planwerk/package.json'), 'utf8')).version as string;

const ordner: string[] = [];
afterEach(() => {
  for (const o of ordner.splice(0)) rmSync(o, { recursive: true, force: true });
});

/** A temp folder with a stand-in for npm (npm-cli.js) that records its call and runs neu.ts (for `planwerk neu …`). */
function umgebung() {
  const wurzel = mkdtempSync(join(tmpdir(), 'create-planwerk-'));
  ordner.push(wurzel);
  const npm = join(wurzel, 'npm-cli.js');
  writeFileSync(
    npm,
    `import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
const args = process.argv.slice(2);
writeFileSync(${JSON.stringify(join(wurzel, 'aufruf.json'))}, JSON.stringify({ args, create: process.env.PLANWERK_CREATE }));
if (process.env.NPM_FEHLER) process.exit(3);
const r = spawnSync(process.execPath, [${JSON.stringify(join(PROJECT, 'src/cli/neu.ts'))}, ...args.slice(args.indexOf('--') + 3)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
`,
  );
  const lauf = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [BIN, ...args], { cwd: wurzel, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_execpath: npm, PLANWERK_PAKET: '', ...env } });
  const aufruf = () => JSON.parse(readFileSync(join(wurzel, 'aufruf.json'), 'utf8')) as { args: string[]; create?: string };
  return { wurzel, lauf, aufruf };
}

describe('create-planwerk: Argumente', () => {
  it('liest den Ordner und die Kommune, und höchstens einen Ordner', () => {
    expect(leseArgumente(['mein-plan', '--kommune', ' Musterstadt ', '--titel', 'MEP'])).toEqual({ ordner: 'mein-plan', kommune: 'Musterstadt', titel: 'MEP', hilfe: false });
    expect(leseArgumente([])).toEqual({ ordner: undefined, kommune: undefined, titel: undefined, hilfe: false });
    expect(() => leseArgumente(['Bad', 'Salzuflen'])).toThrow(/Nur ein Ordner/);
  });

  it('ruft planwerk neu plan für ein Repository auf, mit Titel nur wenn angegeben', () => {
    expect(npmArgumente({ kommune: 'Musterstadt', ordner: '/x/p', paket: 'planwerk@1.2.3' })).toEqual(['exec', '--yes', '--package=planwerk@1.2.3', '--', 'planwerk', 'neu', 'plan', 'Musterstadt', '--ordner', '/x/p', '--repository']);
    expect(npmArgumente({ kommune: 'M', ordner: 'p', titel: 'T', paket: 'a.tgz' }).slice(-2)).toEqual(['--titel', 'T']);
    expect(naechsteSchritte('mein plan')).toContain('cd "mein plan"\n  npm install\n  npm run vorschau');
  });
});

describe('create-planwerk: Version', () => {
  it('hat dieselbe Version wie planwerk, das es aufruft', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')).version);
  });
});

describe('create-planwerk: Aufruf', () => {
  it('legt das Repository mit der Paketdatei aus PLANWERK_PAKET an und nennt die nächsten Schritte einmal', () => {
    const { wurzel, lauf, aufruf } = umgebung();
    const r = lauf(['mein-plan', '--kommune', 'Gemeinde Südheide'], { PLANWERK_PAKET: '/pakete/planwerk-9.9.9.tgz' });
    expect(r.status, r.stderr).toBe(0);
    expect(aufruf()).toEqual({ args: npmArgumente({ kommune: 'Gemeinde Südheide', ordner: join(wurzel, 'mein-plan'), paket: '/pakete/planwerk-9.9.9.tgz' }), create: '1' });
    expect(existsSync(join(wurzel, 'mein-plan/content/plan.yaml'))).toBe(true);
    expect(r.stdout).toContain('cd mein-plan\n  npm install\n  npm run vorschau');
    expect(r.stdout.match(/npm run vorschau/g)).toHaveLength(1);
  });

  it('nimmt ohne PLANWERK_PAKET planwerk in der eigenen Version und den Ordner aus der Kommune', () => {
    const { wurzel, lauf, aufruf } = umgebung();
    const r = lauf(['--kommune', 'Stadt Groß-Gerau']);
    expect(r.status, r.stderr).toBe(0);
    expect(aufruf().args.slice(0, 3)).toEqual(['exec', '--yes', `--package=planwerk@${VERSION}`]);
    expect(existsSync(join(wurzel, 'stadt-gross-gerau/package.json'))).toBe(true);
    expect(r.stdout).toContain('cd stadt-gross-gerau');
  });

  it('bricht ohne Kommune ab, wenn niemand gefragt werden kann, und meldet einen Fehler von npm', () => {
    const { wurzel, lauf } = umgebung();
    const ohne = lauf(['mein-plan']);
    expect(ohne.status).toBe(1);
    expect(ohne.stderr).toContain('Bitte die Kommune angeben.');
    expect(existsSync(join(wurzel, 'aufruf.json'))).toBe(false);
    const fehler = lauf(['--kommune', 'Musterstadt'], { NPM_FEHLER: '1' });
    expect(fehler.status).toBe(3);
    expect(fehler.stderr).toContain('nicht angelegt');
    expect(fehler.stdout).not.toContain('npm run vorschau');
  });
});
