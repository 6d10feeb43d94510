/**
 * The installable package: what `npm pack` puts into it, and a plan repository that installs the
 * tarball and checks and builds its plan with `npx planwerk`. Its site equals this repository's
 * build of the same sample plan (dist/, tests/helpers/build-site.ts), page for page.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEFEHLE } from '../../src/cli/planwerk.ts';
import { PROJECT } from '../helpers/fixture.ts';
import { MUSTERSTADT } from '../helpers/plaene.ts';
import { alleDateien, legePlanrepositoryAn, packePaket, unterschiede, umgebung, type Paket, type Planrepository } from '../helpers/paket.ts';

interface Paketbeschreibung {
  version: string;
  bin: Record<string, string>;
  exports: Record<string, string | Record<string, string>>;
}
const beschreibung = JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as Paketbeschreibung;

/** Every file package.json's `bin` and `exports` name, as paths inside the package. */
function ziele(): string[] {
  const pfade = [...Object.values(beschreibung.bin), ...Object.values(beschreibung.exports).flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e)))];
  return pfade.map((p) => p.replace(/^\.\//, ''));
}

/** The relative imports of an Astro component's frontmatter, read by TypeScript's pre-processor. */
function relativeImporte(quelle: string): string[] {
  const kopf = /^---\r?\n([\s\S]*?)\r?\n---/.exec(quelle)?.[1] ?? '';
  return ts.preProcessFile(kopf, true, true).importedFiles.map((f) => f.fileName).filter((n) => n.startsWith('.'));
}

/** `planwerk pruefen`'s text without the time the check took. */
const ohneDauer = (text: string) => text.replace(/ in [\d.,]+ s\.$/m, '.');

describe('Das Paket (npm pack)', () => {
  let paket: Paket;
  beforeAll(() => {
    paket = packePaket();
  }, 300_000);

  it('enthält keine Tests, Beispielpläne, Benchmarks, Inhalte, Dokumentation und keine TypeScript-Quellen', () => {
    const verboten = paket.dateien.filter((d) => /^(tests|bench|beispiele|content|docs|src|scripts)\//.test(d) || (d.endsWith('.ts') && !d.endsWith('.d.ts')));
    expect(verboten).toEqual([]);
    expect(paket.dateien.length).toBeGreaterThan(100);
  });

  it('enthält den Befehl „planwerk“, die Integration und alles, worauf exports zeigt', () => {
    expect(beschreibung.bin.planwerk).toBe('paket/cli/planwerk.js');
    expect(ziele().filter((z) => !paket.dateien.includes(z) && z !== 'package.json')).toEqual([]);
    expect(paket.dateien).toContain('package.json');
  });

  it('enthält jeden Befehl der Übersicht als JavaScript, bis auf die, die noch fehlen dürfen', () => {
    const fehlend = Object.values(BEFEHLE).map((b) => `paket/cli/${b.modul}.js`).filter((d) => !paket.dateien.includes(d));
    expect(fehlend.filter((d) => !/\/(pruefen-site|migrieren)\.js$/.test(d))).toEqual([]);
  });

  describe('in einem Planrepository', () => {
    let repo: Planrepository;
    beforeAll(() => {
      repo = legePlanrepositoryAn(packePaket().tgz, 'content');
    }, 600_000);
    afterAll(() => rmSync(repo.ordner, { recursive: true, force: true }));

    it('installiert die Abhängigkeiten in den Versionen dieses Repositorys', () => {
      const version = (wurzel: string, name: string) => (JSON.parse(readFileSync(join(wurzel, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
      for (const name of ['astro', 'vite', '@astrojs/mdx', 'pagefind']) expect(`${name}@${version(repo.ordner, name)}`).toBe(`${name}@${version(PROJECT, name)}`);
      expect(version(repo.ordner, 'planwerk')).toBe(beschreibung.version);
    });

    it('kennt seine Befehle: „planwerk --help“ nennt jeden, ein unbekannter endet mit Exit-Code 1', () => {
      const hilfe = repo.planwerk(['--help']);
      expect(hilfe.status).toBe(0);
      for (const name of Object.keys(BEFEHLE)) expect(hilfe.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
      expect(repo.planwerk(['--version']).stdout.trim()).toBe(beschreibung.version);
      const unbekannt = repo.planwerk(['bauenn']);
      expect(unbekannt.status).toBe(1);
      expect(unbekannt.stderr).toContain('Unbekannter Befehl „bauenn“');
    });

    it('hat die Astro-Komponenten mit Importen der übersetzten Module (.js statt .ts)', () => {
      const paketOrdner = join(repo.ordner, 'node_modules', 'planwerk');
      const astro = alleDateien(paketOrdner).filter((d) => d.endsWith('.astro'));
      expect(astro).toContain('paket/ausgabe/layouts/Base.astro');
      const importe = astro.flatMap((d) => relativeImporte(readFileSync(join(paketOrdner, d), 'utf8')).map((i) => `${d}: ${i}`));
      expect(importe.some((i) => i.endsWith('.js'))).toBe(true);
      expect(importe.filter((i) => i.endsWith('.ts'))).toEqual([]);
    });

    it('„planwerk pruefen“ prüft den Plan wie dieses Repository', () => {
      const dort = repo.planwerk(['pruefen']);
      const hier = spawnSync(process.execPath, ['src/cli/planwerk.ts', 'pruefen'], { cwd: PROJECT, encoding: 'utf8', env: umgebung() });
      expect(dort.status, dort.stderr).toBe(0);
      expect(ohneDauer(dort.stdout)).toBe(ohneDauer(hier.stdout));
    });

    it('„planwerk bauen“ baut dieselbe Website wie dieses Repository, Seite für Seite', () => {
      const bau = repo.planwerk(['bauen']);
      expect(bau.status, `${bau.stdout}\n${bau.stderr}`.slice(-3000)).toBe(0);
      expect(unterschiede(MUSTERSTADT.dist, join(repo.ordner, 'dist'))).toEqual({ nurInA: [], nurInB: [], andereSeiten: [] });
    }, 600_000);
  });
});
