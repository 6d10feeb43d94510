/**
 * Integration, Musterstadt only: the sample plan in content/ is built once
 * (tests/helpers/build-site.ts); these tests read the real HTML in dist/ and compare it with
 * the data and the forecast. The checks every sample plan must pass are in beispielplaene.test.ts.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { validatePlan } from '../../src/pruefung/validate.ts';
import { planLocation } from '../../src/plan/sources.ts';
import { kennzahl, maschinenwert } from '../../src/rechnen/kennzahlen.ts';
import { formatEuro } from '../../src/plan/format.ts';
import { prognose } from '../../src/rechnen/prognose.ts';
import { headersDatei } from '../../src/ausgabe/sicherheit.ts';
import { url } from '../../src/plan/urls.ts';
import type { PlanModel } from '../../src/plan/model.ts';
import { PROJECT } from '../helpers/fixture.ts';
import { DIST, page } from '../helpers/dist.ts';

let model: PlanModel;
beforeAll(() => {
  const result = validatePlan(planLocation(join(PROJECT, 'content'), PROJECT));
  expect(result.problems).toEqual([]);
  model = result.model!;
});

describe('berechnete Zahlen', () => {
  it('zeigt auf der Startseite die berechneten Kennzahlen', () => {
    const items = page('/').querySelectorAll('.kennzahlen li[data-kennzahl]');
    expect(items.length).toBeGreaterThanOrEqual(4);
    for (const li of items) {
      const params = JSON.parse(li.getAttribute('data-params') ?? '{}');
      const expected = kennzahl(model, li.getAttribute('data-kennzahl')!, params);
      const shown = li.querySelector('data.wert')!;
      expect(shown.getAttribute('value')).toBe(maschinenwert(expected));
      expect(shown.text).toBe(expected.text);
    }
  });
});

describe('Auslieferung', () => {
  it('schreibt die Sicherheits-Header nach dist/_headers', () => {
    expect(readFileSync(`${DIST}/_headers`, 'utf8')).toBe(headersDatei());
  });
});

describe('Startseite', () => {
  it('fasst den Plan in Leichter Sprache zusammen', () => {
    const section = page('/').querySelector('section.leichte-sprache')!;
    expect(section.querySelector('h2#leichte-sprache')).not.toBeNull();
    for (const satz of model.plan.leichteSprache!.text) expect(section.text).toContain(satz);
  });
});

describe('Finanzen', () => {
  it('zeigt die Summen der Prognose', () => {
    const p = prognose(model);
    const root = page(url.finanzen());
    expect(Number(root.querySelector('[data-summe="bedarf"]')?.getAttribute('data-cents'))).toBe(p.summe.bedarf);
    expect(Number(root.querySelector('[data-summe="finanzierung"]')?.getAttribute('data-cents'))).toBe(p.summe.finanzierung);
    const rows = root.querySelectorAll('#bedarf-tabelle tbody tr');
    expect(rows.map((r) => [Number(r.getAttribute('data-jahr')), Number(r.getAttribute('data-bedarf'))])).toEqual(p.jahre.map((j) => [j.jahr, j.bedarf]));
    expect(rows.filter((r) => r.classList.contains('spitzenjahr')).map((r) => Number(r.getAttribute('data-jahr')))).toEqual(p.spitzenjahre);
    expect(root.querySelector('#bedarf-tabelle tfoot')?.text).toContain(formatEuro(p.summe.bedarf));
    const shares = root.querySelectorAll('#produktgruppen-tabelle [data-anteil]').map((c) => Number(c.getAttribute('data-anteil')));
    expect(Math.round(shares.reduce((a, b) => a + b, 0) * 10)).toBe(1000);
  });
});

