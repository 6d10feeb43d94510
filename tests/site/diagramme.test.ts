/** Charts in the built site: drawn from the engine's numbers, described in words, backed by a table. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { prognose, KOSTENTYPEN, type Prognose } from '../../src/rechnen/prognose.ts';
import { quotenNachSchulform } from '../../src/rechnen/ausstattung.ts';
import { formatEuro, formatPercent } from '../../src/plan/format.ts';
import { url } from '../../src/plan/urls.ts';
import type { PlanModel } from '../../src/plan/model.ts';
import { modelOf, PROJECT } from '../helpers/fixture.ts';
import { allPages, page } from '../helpers/dist.ts';

let model: PlanModel;
let p: Prognose;
beforeAll(() => {
  model = modelOf(PROJECT);
  p = prognose(model);
});

function figure(path: string, id: string): { svg: HTMLElement; rows: string[][]; desc: string } {
  const svg = page(path).querySelector(`svg[aria-labelledby="${id}-title ${id}-desc"]`);
  if (!svg) throw new Error(`Kein Diagramm ${id} auf ${path}`);
  const fig = svg.closest('figure')!;
  const rows = fig.querySelectorAll('details table tbody tr').map((tr) => tr.querySelectorAll('th, td').map((c) => c.text.trim()));
  return { svg, rows, desc: svg.querySelector('desc')!.text };
}

describe('Diagramme', () => {
  it('zeichnet je Jahr und Kostenart eine Säule und je Jahr einen Finanzierungspunkt', () => {
    const { svg } = figure(url.finanzen(), 'diagramm-bedarf');
    const nonZero = p.jahre.flatMap((j) => KOSTENTYPEN.filter((t) => j.nachTyp[t] > 0)).length;
    expect(svg.querySelectorAll('rect.pw-balken').length).toBe(nonZero);
    expect(svg.querySelectorAll('.pw-linie-gruppe .pw-punkt').length).toBe(p.jahre.length);
  });

  it('hat unter dem Bedarfsdiagramm eine Tabelle mit den Werten der Prognose', () => {
    const { rows } = figure(url.finanzen(), 'diagramm-bedarf');
    expect(rows).toEqual(
      p.jahre.map((j) => [String(j.jahr), ...KOSTENTYPEN.map((t) => formatEuro(j.nachTyp[t])), formatEuro(j.bedarf), formatEuro(j.finanzierung)]),
    );
  });

  it('nennt das Spitzenjahr in der Beschreibung', () => {
    const { desc } = figure(url.finanzen(), 'diagramm-bedarf');
    expect(p.spitzenjahre.length).toBeGreaterThan(0);
    for (const jahr of p.spitzenjahre) expect(desc).toMatch(new RegExp(`Spitzenjahre?: [^.]*\\b${jahr}\\b`));
  });

  it('zeigt die Anteile der Produktgruppen wie berechnet', () => {
    const { rows } = figure(url.finanzen(), 'diagramm-produktgruppen');
    expect(rows.map((r) => [r[0], r[1]])).toEqual(p.produktgruppen.map((g) => [g.name, formatPercent(g.anteil, 1, true)]));
  });

  it('zeigt die Ausstattungsquote je Schulform mit Zielwert', () => {
    const { svg, rows } = figure(url.schulen(), 'diagramm-quoten');
    const expected = quotenNachSchulform(model);
    expect(rows.map((r) => r[0])).toEqual(expected.map((r) => r.name));
    expect(rows.map((r) => r[1])).toEqual(expected.map((r) => formatPercent(r.quote!, 1, true)));
    expect(svg.querySelector('desc')!.text).toMatch(/\d+ von \d+ Schulformen erreich/);
  });

  it('gibt jedem Diagramm Titel, Beschreibung und Datentabelle', () => {
    let count = 0;
    for (const path of allPages()) {
      for (const svg of page(path).querySelectorAll('svg[role="img"]')) {
        count += 1;
        const [titleId, descId] = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
        expect(svg.querySelector(`title#${titleId}`)?.text.trim(), path).toBeTruthy();
        expect(svg.querySelector(`desc#${descId}`)?.text.trim().length, path).toBeGreaterThan(20);
        if (svg.classList.contains('pw-netz')) {
          // An actor's relations: the list right after the picture says the same, one item per relation.
          const liste = svg.closest('figure')?.nextElementSibling;
          expect(liste?.classList.contains('beziehungen'), `${path} ${titleId}`).toBe(true);
          expect(liste!.querySelectorAll('li').length, `${path} ${titleId}`).toBe(svg.querySelectorAll('rect.pw-netz-partner').length);
        } else {
          expect(svg.closest('figure')?.querySelector('details table tbody tr'), `${path} ${titleId}`).not.toBeNull();
        }
      }
    }
    expect(count).toBeGreaterThanOrEqual(6);
  });
});
