/**
 * The live preview's parts that need no dev server (src/pruefung/vorschau.ts,
 * src/ausgabe/fehlerseite.ts): which paths the dev server does not watch, and the German
 * error page it shows while the plan has problems. The dev server itself is tested in
 * tests/site/vorschau.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { vorschauIgnoriert } from '../../src/pruefung/vorschau.ts';
import { fehlerseite } from '../../src/ausgabe/fehlerseite.ts';
import { formatPruefzeile, type Problem } from '../../src/plan/problems.ts';

const P = '/projekt';

describe('Was die Live-Vorschau nicht beobachtet', () => {
  const ignoriert = vorschauIgnoriert(P, join(P, 'content'), [join(P, 'ausgabe-x')]);

  it('übergeht, was Builds, Tests und Benchmarks im Projekt schreiben', () => {
    for (const pfad of ['.tmp', '.tmp/bench/plan-1000/content/plan.yaml', 'dist/index.html', 'dist.neu/a.html', '.astro-cache/x/planwerk-mdx.json', 'paket/integration.js', 'node_modules/.astro/data-store.json', 'ausgabe-x/seite.html']) {
      expect(ignoriert(join(P, pfad)), pfad).toBe(true);
    }
  });

  it('beobachtet den Plan, die Quellen und was sonst im Projekt liegt', () => {
    for (const pfad of ['content', 'content/massnahmen/b-01.mdx', 'content/daten/schulen.csv', 'src/integration.ts', 'astro.config.mjs', 'distanz/x.ts', '.tmpl']) {
      expect(ignoriert(join(P, pfad)), pfad).toBe(false);
    }
  });

  it('beobachtet einen Plan unter .tmp/ samt dem Weg dorthin, aber nicht seine Nachbarn', () => {
    const plan = join(P, '.tmp', 'planwerk-abc', 'content');
    const imTmp = vorschauIgnoriert(P, plan);
    expect(imTmp(join(plan, 'massnahmen', 'i-01.mdx'))).toBe(false);
    expect(imTmp(join(P, '.tmp'))).toBe(false);
    expect(imTmp(join(P, '.tmp', 'planwerk-abc'))).toBe(false);
    expect(imTmp(join(P, '.tmp', 'planwerk-abc', 'dist', 'index.html'))).toBe(true);
    expect(imTmp(join(P, '.tmp', 'bench', 'log.txt'))).toBe(true);
    expect(imTmp(join(P, '.tmp', 'notiz.txt'))).toBe(true);
  });
});

describe('Fehlerseite der Live-Vorschau', () => {
  const problems: Problem[] = [
    { file: 'content/massnahmen/i-01.mdx', line: 1, field: 'handlungsfeld', expected: 'eine vorhandene ID aus „handlungsfelder“ (content/handlungsfelder/)', found: '„<gibts&nicht>“, das es dort nicht gibt' },
    { file: 'content/akteure.yaml', line: 3, expected: 'gültiges YAML', found: 'eine Zeile, die sich nicht lesen lässt' },
  ];
  const html = fehlerseite(problems, '/mep/@vite/client');
  const dom = parse(html);

  it('ist eine deutsche Seite mit jeder Meldung, wie pruefen sie ausgibt, und ohne eingeschleustes HTML', () => {
    expect(dom.querySelector('html')?.getAttribute('lang')).toBe('de');
    expect(dom.querySelector('h1')?.textContent).toBe('Der Plan enthält 2 Fehler');
    expect(dom.querySelectorAll('li pre').map((e) => e.textContent)).toEqual(problems.map((p) => formatPruefzeile(p)));
    expect(dom.querySelectorAll('gibts')).toHaveLength(0);
    expect(formatPruefzeile(problems[1]!)).toContain('→ So beheben:');
  });

  it('lädt Vites Client unter dem Basispfad, damit die Seite nach der Korrektur neu lädt', () => {
    expect(dom.querySelectorAll('script').map((s) => s.getAttribute('src'))).toEqual(['/mep/@vite/client']);
    expect(dom.querySelector('script')?.getAttribute('type')).toBe('module');
  });

  it('zählt einen Fehler in der Einzahl', () => {
    expect(parse(fehlerseite(problems.slice(0, 1), '/@vite/client')).querySelector('h1')?.textContent).toBe('Der Plan enthält einen Fehler');
  });
});
