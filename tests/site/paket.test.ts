/**
 * The installable package: what `npm pack` puts into it, and a plan repository created with the
 * create command that installs the tarball and checks, builds and checks the built site with
 * `npx planwerk`, as its CI does. Its site equals this repository's build of the same sample plan
 * (dist/, tests/helpers/build-site.ts), page for page, and an update to the next version changes
 * nothing in it but package.json and package-lock.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BEFEHLE } from '../../src/cli/planwerk.ts';
import { PROJECT } from '../helpers/fixture.ts';
import { MUSTERSTADT } from '../helpers/plaene.ts';
import { alleDateien, erstellePlanrepository, naechsteVersion, packePaket, unterschiede, umgebung, type Paket, type Planrepository } from '../helpers/paket.ts';

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

  it('enthält jeden Befehl der Übersicht als JavaScript', () => {
    expect(Object.values(BEFEHLE).map((b) => `paket/cli/${b.modul}.js`).filter((d) => !paket.dateien.includes(d))).toEqual([]);
  });

  describe('in einem Planrepository', () => {
    let repo: Planrepository;
    beforeAll(() => {
      repo = erstellePlanrepository(packePaket().tgz, 'content');
    }, 600_000);
    afterAll(() => rmSync(repo.ordner, { recursive: true, force: true }));

    it('enthält nur den Plan, package.json, astro.config.mjs, CI-Vorlagen, Renovate/Dependabot und die README', () => {
      const eigene = repo.laufe('git', ['ls-files', '--others', '--cached', '--exclude-standard']).trim().split('\n');
      const ausserhalb = eigene.filter((d) => !d.startsWith('content/'));
      expect(ausserhalb.sort()).toEqual(['.github/dependabot.yml', '.github/workflows/links.yml', '.github/workflows/plan.yml', '.gitignore', '.gitlab-ci.yml', 'README.md', 'astro.config.mjs', 'package-lock.json', 'package.json', 'renovate.json']);
      expect(readFileSync(join(repo.ordner, 'astro.config.mjs'), 'utf8').trim().split('\n')).toHaveLength(3);
    });

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

    it('„planwerk pruefen-site“ prüft die gebaute Website: Links, Anker, Ankerregister, axe, PDF', () => {
      const lauf = repo.planwerk(['pruefen-site']);
      expect(lauf.status, `${lauf.stdout}\n${lauf.stderr}`.slice(-3000)).toBe(0);
      for (const pruefung of ['Links und Anker', 'Ankerregister', 'Barrierefreiheit mit axe-core', 'PDF der Druckfassung']) expect(lauf.stdout).toMatch(new RegExp(`^${pruefung}: in Ordnung`, 'm'));
      // The only run of the command's axe step on a clean build (pruefen-site.test.ts checks the sample plans without the browser).
      expect(lauf.stdout).toMatch(/^Barrierefreiheit mit axe-core: in Ordnung \(\d+ Seitentypen, hell und dunkel\)/m);
    }, 600_000);

    it('„planwerk portal“ baut aus portal.yaml ein Portal über die gebaute Website', () => {
      // Inside the repository, where the installed packages are found; removed again for the next test.
      const ordner = join(repo.ordner, 'kreisportal');
      mkdirSync(ordner, { recursive: true });
      try {
        const yaml = ['titel: Medienentwicklung im Kreis', 'herausgeber:', '  name: Kreis Lippenau', '  anschrift: [Kreishaus, 12345 Lippenau]', '  email: schule@kreis.example', 'plaene:', '  - name: Stadt Musterstadt', '    id: musterstadt', '    adresse: https://mep.musterstadt.example/', '    quelle: ../dist'];
        writeFileSync(join(ordner, 'portal.yaml'), `${yaml.join('\n')}\n`);
        const lauf = spawnSync(join(repo.ordner, 'node_modules', '.bin', 'planwerk'), ['portal'], { cwd: ordner, encoding: 'utf8', env: umgebung() });
        expect(lauf.status, `${lauf.stdout}\n${lauf.stderr}`.slice(-3000)).toBe(0);
        expect(lauf.stdout).toMatch(/Portal mit 1 Plan gebaut \(1 durchsuchbar\)/);
        expect(existsSync(join(ordner, 'dist', 'plaene', 'musterstadt', 'pagefind', 'pagefind-entry.json'))).toBe(true);
        expect(readFileSync(join(ordner, 'dist', 'vergleich', 'index.html'), 'utf8')).toContain('Stadt Musterstadt');
      } finally {
        rmSync(ordner, { recursive: true, force: true });
      }
    }, 300_000);

    it('ändert bei einem Update auf die nächste Version nur package.json und package-lock.json', () => {
      repo.laufe('git', ['add', '-A']);
      repo.laufe('git', ['-c', 'user.name=Planwerk-Test', '-c', 'user.email=test@planwerk.invalid', '-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'Planrepository']);
      const update = naechsteVersion(packePaket().tgz);
      repo.laufe('npm', ['install', update.tgz, '--prefer-offline', '--no-audit', '--no-fund']);
      expect(repo.planwerk(['--version']).stdout.trim()).toBe(update.version);
      for (const befehl of ['pruefen', 'bauen']) {
        const lauf = repo.planwerk([befehl]);
        expect(lauf.status, `${lauf.stdout}\n${lauf.stderr}`.slice(-3000)).toBe(0);
      }
      const geaendert = repo.laufe('git', ['status', '--porcelain']).trimEnd().split('\n').map((z) => z.slice(3));
      expect(geaendert.sort()).toEqual(['package-lock.json', 'package.json']);
    }, 600_000);
  });
});
