/**
 * A plan repository from the template (src/cli/planrepo.ts, vorlage/): exactly the files a
 * Schulträger needs, planwerk pinned, CI that checks the plan (pruefen → bauen → pruefen-site),
 * and a content folder that is a valid plan. `neu plan` makes one outside every project and
 * keeps making a plan folder inside one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers/fixture.ts';
import { erstellePlanRepository, paketOrdner, planProjekt, planwerkVersion, repoName, vorlagenDateien } from '../../src/cli/planrepo.ts';
import { validatePlan } from '../../src/pruefung/validate.ts';
import { planLocation } from '../../src/plan/sources.ts';
import { repoName as repoNameCreate } from '../../create-planwerk/index.js';

const ordner: string[] = [];
afterEach(() => {
  for (const o of ordner.splice(0)) rmSync(o, { recursive: true, force: true });
});
const temp = () => {
  const o = mkdtempSync(join(tmpdir(), 'planwerk-repo-'));
  ordner.push(o);
  return o;
};

/** Every file below `wurzel`, relative and sorted. */
const dateien = (wurzel: string) =>
  (readdirSync(wurzel, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => relative(wurzel, join(d.parentPath, d.name)).split('\\').join('/'))
    .sort();

const lies = (datei: string) => readFileSync(datei, 'utf8');

/** The planwerk sub-commands a list of shell commands runs, in order. */
const planwerkBefehle = (befehle: string[]) => befehle.flatMap((b) => [...b.matchAll(/\bnpx planwerk ([\w-]+)/g)].map((m) => m[1]));

interface Schritt {
  name?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string>;
}

describe('erstellePlanRepository', () => {
  it('legt genau die Dateien eines Plan-Repositorys an, mit planwerk genau gepinnt und einem gültigen Plan', () => {
    const ziel = join(temp(), 'suedheide');
    const { inhalt, warnungen } = erstellePlanRepository({ ziel, kommune: 'Landkreis Südheide', titel: 'Medienentwicklungsplan 2027–2031', version: '3.4.5' });
    expect(dateien(ziel)).toEqual(
      [
        '.github/dependabot.yml',
        '.github/workflows/links.yml',
        '.github/workflows/plan.yml',
        '.gitignore',
        '.gitlab-ci.yml',
        'README.md',
        'astro.config.mjs',
        'content/akteure.yaml',
        'content/handlungsfelder/.gitkeep',
        'content/kapitel/.gitkeep',
        'content/massnahmen/.gitkeep',
        'content/plan.yaml',
        'package.json',
        'renovate.json',
      ].sort(),
    );
    expect(lies(join(ziel, 'astro.config.mjs')).trimEnd().split('\n')).toEqual([
      "import { defineConfig } from 'planwerk/config';",
      "import planwerk from 'planwerk';",
      'export default defineConfig({ integrations: [planwerk()] });',
    ]);
    const paket = JSON.parse(lies(join(ziel, 'package.json')));
    expect(paket).toMatchObject({ name: 'medienentwicklungsplan-landkreis-suedheide', private: true, type: 'module', dependencies: { planwerk: '3.4.5' }, engines: { node: '>=24.2' } });
    expect(Object.keys(paket.dependencies)).toEqual(['planwerk']);
    expect(paket.devDependencies.node).toMatch(/^\^24(\.|$)/);
    for (const befehl of ['pruefen', 'bauen', 'vorschau', 'pruefen-site', 'anker', 'pdf']) expect(paket.scripts[befehl], befehl).toBe(`planwerk ${befehl}`);
    expect(lies(join(ziel, '.gitignore')).split('\n').map((z) => z.replace(/\/$/, ''))).toEqual(expect.arrayContaining(['node_modules', 'dist', '.astro', '.astro-cache']));
    const readme = lies(join(ziel, 'README.md'));
    expect(readme).toContain('# Medienentwicklungsplan Landkreis Südheide');
    expect(readme).not.toContain('{{');
    // The plan in content/ is valid; what a public site still needs is named, nothing invented.
    expect(inhalt).toBe(join(ziel, 'content'));
    const ergebnis = validatePlan(planLocation(inhalt, ziel));
    expect(ergebnis.problems).toEqual([]);
    expect(ergebnis.model?.plan).toMatchObject({ kommune: 'Landkreis Südheide', titel: 'Medienentwicklungsplan 2027–2031' });
    expect(warnungen.map((w) => w.field)).toEqual(expect.arrayContaining(['impressum', 'datenschutz', 'barrierefreiheit']));
    expect(lies(join(inhalt, 'plan.yaml'))).toMatch(/^# yaml-language-server: \$schema=\.\.\/node_modules\/planwerk\/schemas\/plan\.schema\.json\n/);
  });

  it('pinnt ohne Angabe die eigene Version des Pakets', () => {
    const ziel = join(temp(), 'p');
    erstellePlanRepository({ ziel, kommune: 'Musterstadt' });
    const eigene = JSON.parse(lies(join(PROJECT, 'package.json'))).version;
    expect(planwerkVersion()).toBe(eigene);
    expect(JSON.parse(lies(join(ziel, 'package.json'))).dependencies.planwerk).toBe(eigene);
  });

  it('überschreibt nichts und nimmt keinen Bereich statt einer Version', () => {
    const ziel = temp();
    writeFileSync(join(ziel, 'README.md'), 'unseres');
    expect(() => erstellePlanRepository({ ziel, kommune: 'Musterstadt', version: '1.0.0' })).toThrow(/ist nicht leer; nichts überschrieben/);
    expect(readdirSync(ziel)).toEqual(['README.md']);
    expect(lies(join(ziel, 'README.md'))).toBe('unseres');
    expect(() => erstellePlanRepository({ ziel: join(ziel, 'neu'), kommune: 'Musterstadt', version: '^1.0.0' })).toThrow(/keine genaue Version/);
  });

  it('hat in der Vorlage keine Datei, die npm beim Packen ausließe (Namen mit Punkt am Anfang)', () => {
    const namen = vorlagenDateien().map((d) => d.quelle);
    expect(namen.length).toBeGreaterThan(5);
    expect(namen.filter((n) => n.split('/').some((teil) => teil.startsWith('.')))).toEqual([]);
  });
});

describe('die CI des Plan-Repositorys', () => {
  const ziel = () => {
    const z = join(temp(), 'p');
    erstellePlanRepository({ ziel: z, kommune: 'Musterstadt', version: '1.0.0' });
    return z;
  };

  it('GitHub: prüft, baut und prüft die Website, in dieser Reihenfolge, nach npm ci und mit Zwischenspeicher', () => {
    const workflow = parseYaml(lies(join(ziel(), '.github/workflows/plan.yml'))) as { jobs: Record<string, { steps: Schritt[]; if?: string }> };
    const schritte = workflow.jobs.plan!.steps;
    const runs = schritte.map((s) => s.run ?? '');
    expect(planwerkBefehle(runs)).toEqual(['pruefen', 'bauen', 'pruefen-site']);
    const stelle = (test: (s: Schritt) => boolean) => schritte.findIndex(test);
    const npmCi = stelle((s) => /^npm ci\b/.test(s.run ?? ''));
    const pruefen = stelle((s) => /npx planwerk pruefen\b(?!-)/.test(s.run ?? ''));
    const cache = stelle((s) => s.uses?.startsWith('actions/cache@') === true);
    const chromium = stelle((s) => /CHROME_PATH/.test(s.run ?? ''));
    expect(schritte[stelle((s) => s.uses?.startsWith('actions/setup-node@') === true)]!.with).toMatchObject({ 'node-version': 24, cache: 'npm' });
    // The cache (Planwerk's folder .astro-cache beside node_modules/) is restored before the build.
    expect(npmCi).toBeGreaterThanOrEqual(0);
    expect(cache).toBeGreaterThan(npmCi);
    expect(cache).toBeLessThan(pruefen);
    expect(chromium).toBeLessThan(pruefen);
    expect(schritte[cache]!.with!.path!.split('\n').filter(Boolean)).toEqual(['.astro-cache']);
    // Publishing happens only from main, and only when the repository asks for it.
    expect(workflow.jobs.pages!.if).toMatch(/refs\/heads\/main.*vars\.PLANWERK_PAGES == 'ja'/);
  });

  it('GitLab: dieselben drei Befehle in derselben Reihenfolge', () => {
    const ci = parseYaml(lies(join(ziel(), '.gitlab-ci.yml'))) as Record<string, { script?: string[]; image?: string }>;
    expect(planwerkBefehle(ci.plan!.script!)).toEqual(['pruefen', 'bauen', 'pruefen-site']);
    expect(String(ci.image)).toMatch(/^node:24/);
  });

  it('prüft die externen Links einmal in der Woche und hebt den Bericht auf, ohne am Ergebnis zu scheitern', () => {
    const z = ziel();
    const gh = parseYaml(lies(join(z, '.github/workflows/links.yml'))) as { on: { schedule: { cron: string }[] }; jobs: Record<string, { steps: Schritt[] }> };
    expect(gh.on.schedule).toHaveLength(1);
    // A weekly schedule: minute, hour, any day of the month, any month, one weekday.
    expect(gh.on.schedule[0]!.cron.split(' ').slice(2)).toEqual(['*', '*', '1']);
    const schritte = gh.jobs.links!.steps;
    expect(planwerkBefehle(schritte.map((s) => s.run ?? ''))).toEqual(['links']);
    expect(schritte.find((s) => /planwerk links/.test(s.run ?? ''))!.run).toContain('--bericht links-bericht.md');
    expect(schritte.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!.with!.path).toContain('links-bericht.md');
    // No --streng: a foreign site that is down does not fail the run.
    expect(schritte.some((s) => /--streng/.test(s.run ?? ''))).toBe(false);
    const gl = parseYaml(lies(join(z, '.gitlab-ci.yml'))) as Record<string, { script?: string[]; rules?: { if?: string; when?: string }[]; artifacts?: { paths?: string[] } }>;
    expect(planwerkBefehle(gl.links!.script!)).toEqual(['links']);
    expect(gl.links!.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "schedule"' }]);
    expect(gl.links!.artifacts!.paths).toContain('links-bericht.md');
    // The scheduled pipeline checks links only: it neither builds nor publishes.
    expect(gl.plan!.rules![0]).toEqual({ if: '$CI_PIPELINE_SOURCE == "schedule"', when: 'never' });
    expect(gl.pages!.rules!.every((r) => r.if?.includes('$CI_PIPELINE_SOURCE != "schedule"'))).toBe(true);
  });

  it('neue Planwerk-Versionen kommen als eigener, gebündelter Pull Request', () => {
    const z = ziel();
    const renovate = JSON.parse(lies(join(z, 'renovate.json'))) as { packageRules: { matchPackageNames: string[]; groupName?: string }[] };
    expect(renovate.packageRules.find((r) => r.matchPackageNames.includes('planwerk'))?.groupName).toBeTruthy();
    const dependabot = parseYaml(lies(join(z, '.github/dependabot.yml'))) as { version: number; updates: { 'package-ecosystem': string; groups?: Record<string, { patterns: string[] }> }[] };
    expect(dependabot.version).toBe(2);
    const npm = dependabot.updates.find((u) => u['package-ecosystem'] === 'npm');
    expect(Object.values(npm?.groups ?? {}).map((g) => g.patterns)).toContainEqual(['planwerk']);
  });
});

describe('wo Planwerk und das Projekt liegen', () => {
  it('findet das Paket über einem Modul, auch aus node_modules/planwerk/paket/…', () => {
    const wurzel = temp();
    const paket = join(wurzel, 'node_modules/planwerk');
    mkdirSync(join(paket, 'paket/cli'), { recursive: true });
    writeFileSync(join(wurzel, 'package.json'), '{"name":"medienentwicklungsplan-x","dependencies":{"planwerk":"1.0.0"}}');
    writeFileSync(join(paket, 'package.json'), '{"name":"planwerk","version":"1.0.0"}');
    expect(paketOrdner(join(paket, 'paket/cli/planrepo.js'))).toBe(paket);
    expect(paketOrdner()).toBe(PROJECT);
  });

  it('erkennt ein Projekt an einer package.json, die planwerk ist oder von planwerk abhängt', () => {
    const wurzel = temp();
    mkdirSync(join(wurzel, 'a/b'), { recursive: true });
    expect(planProjekt(join(wurzel, 'a/b'))).toBeUndefined();
    writeFileSync(join(wurzel, 'a/package.json'), '{"name":"etwas-anderes"}');
    expect(planProjekt(join(wurzel, 'a/b'))).toBeUndefined();
    writeFileSync(join(wurzel, 'package.json'), '{"name":"mep","devDependencies":{"planwerk":"1.0.0"}}');
    expect(planProjekt(join(wurzel, 'a/b'))).toBe(wurzel);
    expect(planProjekt(join(PROJECT, 'src/cli'))).toBe(PROJECT);
  });

  it('bildet den Ordnernamen aus der Kommune in Planwerk und in create-planwerk gleich', () => {
    const faelle: [string, string][] = [
      ['Stadt Bad Königshofen', 'stadt-bad-koenigshofen'],
      ['Landkreis Südheide', 'landkreis-suedheide'],
      ['Saint-Étienne (Loire)', 'saint-etienne-loire'],
      ['Groß-Gerau', 'gross-gerau'],
      ['???', 'plan'],
    ];
    for (const [kommune, name] of faelle) {
      expect(repoName(kommune), kommune).toBe(name);
      expect(repoNameCreate(kommune), kommune).toBe(name);
    }
  });
});

describe('planwerk neu plan', () => {
  const neu = (cwd: string, ...args: string[]) => execFileSync(process.execPath, [join(PROJECT, 'src/cli/neu.ts'), 'plan', ...args], { cwd, encoding: 'utf8', env: { ...process.env, PLANWERK_CREATE: '' } });

  it('legt außerhalb eines Projekts ein Plan-Repository in ./<kommune>/ an', () => {
    const wurzel = temp();
    const aus = neu(wurzel, 'Gemeinde Südheide');
    const ziel = join(wurzel, 'gemeinde-suedheide');
    expect(dateien(ziel)).toEqual(expect.arrayContaining(['package.json', 'astro.config.mjs', 'content/plan.yaml', '.github/workflows/plan.yml']));
    expect(JSON.parse(lies(join(ziel, 'package.json'))).dependencies.planwerk).toBe(planwerkVersion());
    expect(aus).toContain('cd gemeinde-suedheide\n  npm install\n  npm run vorschau');
  });

  it('legt in einem Projekt wie bisher nur einen Plan-Ordner an, mit --repository doch ein Repository', () => {
    const wurzel = temp();
    writeFileSync(join(wurzel, 'package.json'), '{"name":"mep","dependencies":{"planwerk":"1.0.0"}}');
    neu(wurzel, 'Gemeinde Südheide');
    expect(dateien(join(wurzel, 'plaene'))).toEqual(expect.arrayContaining(['gemeinde-südheide/plan.yaml', 'gemeinde-südheide/akteure.yaml']));
    expect(dateien(join(wurzel, 'plaene')).filter((d) => d.endsWith('package.json'))).toEqual([]);
    // The schema the editor's YAML plugin reads is the package's, wherever the project lies.
    const schema = /\$schema=(\S+)/.exec(lies(join(wurzel, 'plaene/gemeinde-südheide/plan.yaml')))![1]!;
    expect(existsSync(resolve(wurzel, 'plaene/gemeinde-südheide', schema)), schema).toBe(true);
    neu(wurzel, 'Gemeinde Südheide', '--repository', '--ordner', 'repo');
    expect(dateien(join(wurzel, 'repo'))).toEqual(expect.arrayContaining(['package.json', 'content/plan.yaml']));
  });
});
