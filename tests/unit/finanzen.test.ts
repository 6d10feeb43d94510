import { describe, expect, it } from 'vitest';
import { fixtureModel } from '../helpers/fixture.ts';
import { laufendeKostenNachJahr, finanzierungNachJahr, inventarWerte } from '../../src/lib/finanzen.ts';

const model = fixtureModel();

describe('Finanztabellen', () => {
  it('summiert laufende Kosten je Jahr cent-genau', () => {
    const t = laufendeKostenNachJahr(model);
    expect(t.zeilen.map((z) => [z.jahr, z.summe])).toEqual([
      [2025, 120000.3], // 100.000,10 + 20.000,20 (in floating point this would be 120000.30000000002)
      [2026, 110000],
    ]);
    expect(t.spaltenSummen.Personal).toBe(210000.1);
    expect(t.gesamt).toBe(230000.3);
  });

  it('ordnet Förderprogramme eigenen Spalten zu', () => {
    const t = finanzierungNachJahr(model);
    expect(t.spalten).toEqual([
      { id: 'Haushalt Investition', titel: 'Haushalt Investition' },
      { id: 'pakt', titel: 'Digitalpakt Test' },
    ]);
    expect(t.zeilen[0]?.werte).toEqual({ 'Haushalt Investition': 50000, pakt: 30000.5 });
    expect(t.gesamt).toBe(80000.5);
  });

  it('berechnet den Anschaffungswert je Zeile', () => {
    const w = inventarWerte(model);
    expect(w.zeilen.map((z) => z.wert)).toEqual([426550, 195999.51]);
    expect(w.gesamt).toBe(622549.51);
  });
});
