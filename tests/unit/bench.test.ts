/**
 * The benchmark's own machinery (bench/, `npm run bench`): the plan generator is
 * deterministic and produces the requested counts, the memory sampler counts the whole
 * process tree, the runner works end to end for a tiny Planwerk-only run, and the portal
 * benchmark's copies of plan sites leave their templates alone.
 * No assertions on speed: the figures depend on the machine.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { generatePlan, planCounts } from '../../bench/generator.ts';
import { runMeasured } from '../../bench/process-tree.ts';
import { kommuneVon, kopiere } from '../../bench/portal.ts';

const PROJECT = join(import.meta.dirname, '..', '..');
const MB = 1024 * 1024;

/** Every file below a folder, by relative path, with its content. */
function snapshot(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(files.map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'utf8')]));
}

describe('Plan-Generator für den Benchmark', () => {
  const base = mkdtempSync(join(tmpdir(), 'planwerk-bench-test-'));
  const a = generatePlan(join(base, 'a'), { massnahmen: 100, seed: 7 });
  const b = generatePlan(join(base, 'b'), { massnahmen: 100, seed: 7 });
  const c = generatePlan(join(base, 'c'), { massnahmen: 100, seed: 8 });

  it('schreibt bei gleichem Startwert dieselben Dateien, bei anderem andere', () => {
    const first = snapshot(a.contentDir);
    expect([...first.keys()]).toContain('plan.yaml');
    expect(snapshot(b.contentDir)).toEqual(first);
    expect(snapshot(c.contentDir)).not.toEqual(first);
  });

  it('erzeugt N Maßnahmen, N/4 Schulen und N/20 Akteure', () => {
    expect(planCounts(100)).toEqual({ schulen: 25, akteure: 5 });
    expect(readdirSync(join(a.contentDir, 'massnahmen'))).toHaveLength(100);
    const schulen = readFileSync(join(a.contentDir, 'daten', 'schulen.csv'), 'utf8').trim().split('\n');
    expect(schulen).toHaveLength(1 + 25);
    expect(parse(readFileSync(join(a.contentDir, 'akteure.yaml'), 'utf8'))).toHaveLength(5);
    expect(a.counts.handlungsfelder).toBeGreaterThanOrEqual(6);
    expect(readdirSync(join(a.contentDir, 'handlungsfelder'))).toHaveLength(a.counts.handlungsfelder);
  });

  it('schreibt Maßnahmen mit etwa 600 Wörtern Text', () => {
    const text = readFileSync(join(a.contentDir, a.massnahmen[0]!.file), 'utf8').split(/\n---\n/)[1]!;
    const words = text.split(/\s+/).filter(Boolean).length;
    expect(words).toBeGreaterThan(500);
    expect(words).toBeLessThan(800);
  });

  afterAll(() => rmSync(base, { recursive: true, force: true }));
});

describe('Speicher des Prozessbaums', () => {
  it('zählt einen Enkelprozess mit, den der direkte Kindprozess allein nicht zeigt', async () => {
    // the child starts a grandchild that fills 200 MB and holds them for a second
    const grandchild = 'const b = Buffer.alloc(200 * 1024 * 1024, 1); setTimeout(() => console.log(b.length), 1000);';
    const child = `const { spawn } = require('node:child_process'); spawn(process.execPath, ['-e', ${JSON.stringify(grandchild)}], { stdio: 'inherit' }).on('exit', (code) => process.exit(code));`;
    const run = await runMeasured(process.execPath, ['-e', child], { cwd: tmpdir() });
    expect(run.exitCode).toBe(0);
    expect(run.peakBytes).toBeGreaterThan(200 * MB);
    expect(run.rootPeakBytes).toBeLessThan(150 * MB);
  });
});

describe('Benchmark-Lauf', () => {
  it('baut einen kleinen Plan mit Planwerk und nennt Bauzeit und Spitzenspeicher', () => {
    const ausgabe = join(mkdtempSync(join(tmpdir(), 'planwerk-bench-run-')), 'ergebnis.json');
    const stdout = execFileSync(process.execPath, ['bench/run.ts', '--groessen', '20', '--wiederholungen', '1', '--nur', 'planwerk', '--ohne-vorschau', '--ausgabe', ausgabe], { cwd: PROJECT, encoding: 'utf8' });
    expect(stdout).toMatch(/\| Planwerk \(kalt\) \| \d+,\d s \| [\d.]+ MiB \|/);
    expect(stdout).toMatch(/\| Planwerk \(erneut: eine Maßnahme geändert\) \| \d+,\d s \| [\d.]+ MiB \|/);
    expect(stdout).toMatch(/\| Planwerk \(erneut: plan\.yaml geändert\) \| \d+,\d s \| [\d.]+ MiB \|/);
    const ergebnis = JSON.parse(readFileSync(ausgabe, 'utf8'));
    expect(ergebnis.zusammenfassung['20'].planwerk.wallMs).toBeGreaterThan(0);
    expect(ergebnis.zusammenfassung['20'].planwerk.peakBytes).toBeGreaterThan(0);
    expect(ergebnis.seiten['20'].planwerk.contentPages).toBe(20);
  });
});

describe('Planseiten für die Portal-Messung (bench/portal.ts)', () => {
  it('kopiert die Vorlagen als harte Verweise und ändert nur planwerk.json der Kopie, nie die der Vorlage', () => {
    const base = mkdtempSync(join(tmpdir(), 'planwerk-bench-portal-'));
    try {
      const angaben = { format: 'planwerk-portalangaben', version: 1, kommune: 'Stadt Vorlage', titel: 'Plan der Vorlage', stand: '2026-10-15' };
      const vorlagen = (['erhebungen', 'finanztabellen', 'minimal'] as const).map((form) => {
        const dist = join(base, 'vorlagen', form);
        mkdirSync(join(dist, 'daten'), { recursive: true });
        writeFileSync(join(dist, 'index.html'), `<title>${form}</title>`);
        writeFileSync(join(dist, 'daten', 'planwerk.json'), JSON.stringify({ ...angaben, titel: `Plan ${form}` }));
        return { form, dist };
      });
      const vorher = vorlagen.map((v) => readFileSync(join(v.dist, 'daten', 'planwerk.json'), 'utf8'));
      const n = 7;
      const kopien = kopiere(vorlagen, n, join(base, 'kopien'));
      expect(kopien.map((k) => k.form)).toEqual(Array.from({ length: n }, (_, k) => vorlagen[k % 3]!.form));
      expect(new Set(kopien.map((k) => k.name)).size).toBe(n);
      for (const [k, kopie] of kopien.entries()) {
        const vorlage = vorlagen[k % 3]!;
        // the same file, not a copy of its bytes
        expect(statSync(join(kopie.dist, 'index.html')).ino).toBe(statSync(join(vorlage.dist, 'index.html')).ino);
        const neu = JSON.parse(readFileSync(join(kopie.dist, 'daten', 'planwerk.json'), 'utf8'));
        expect(neu).toEqual({ ...angaben, kommune: kopie.name, titel: `Medienentwicklungsplan ${kopie.name}` });
        expect(kopie.name).toBe(kommuneVon(k));
      }
      expect(vorlagen.map((v) => readFileSync(join(v.dist, 'daten', 'planwerk.json'), 'utf8'))).toEqual(vorher);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });

  it('gibt auch 400 Kopien verschiedene Schulträger', () => {
    const namen = Array.from({ length: 400 }, (_, k) => kommuneVon(k));
    expect(new Set(namen).size).toBe(400);
  });
});
