/** Hand-worked cases for the finance forecast (rules in src/rechnen/prognose.ts). */
import { describe, expect, it } from 'vitest';
import { anteile, ersatzjahre, inventarWerte, preis, prognose, pruefeSumme } from '../../src/rechnen/prognose.ts';
import { toCents } from '../../src/plan/schemas/index.ts';
import { copyFixture, edit, fixtureModel, messages } from '../helpers/fixture.ts';

describe('Ersatzzyklen', () => {
  it('ersetzt ein 2021 gekauftes Gerät mit 5 Jahren Nutzungsdauer 2026 und 2031', () => {
    expect(ersatzjahre({ beschaffungsjahr: 2021, nutzungsdauer: 5 }, 2025, 2034)).toEqual([2026, 2031]);
  });
  it('beginnt bei einem festen Ersatzjahr und zählt von dort weiter', () => {
    expect(ersatzjahre({ beschaffungsjahr: 2021, nutzungsdauer: 5, ersatzjahr: 2027 }, 2025, 2034)).toEqual([2027, 2032]);
  });
  it('zählt Zyklen vor dem Horizont mit, nimmt aber nur Jahre im Horizont', () => {
    // bought 2012, life 4: 2016, 2020, 2024 (before), 2028, 2032
    expect(ersatzjahre({ beschaffungsjahr: 2012, nutzungsdauer: 4 }, 2025, 2034)).toEqual([2028, 2032]);
  });
});

describe('Preise', () => {
  it('verzinst die Preisänderung je Jahr', () => {
    expect(preis(10, 10_000, 2027, 2025, 2)).toBe(104_040); // 10 × 100,00 € × 1,02² = 1.040,40 €
    expect(preis(10, 10_000, 2025, 2025, 2)).toBe(100_000);
  });
  it('rundet je Zeile und Jahr auf ganze Cent', () => {
    // 3 × 19,99 € × 1,025³ = 64,5811… € → 64,58 €
    expect(preis(3, 1999, 2028, 2025, 2.5)).toBe(6458);
  });
  it('rechnet in Cent, ohne Gleitkommareste', () => {
    expect(toCents(100000.1) + toCents(20000.2)).toBe(12_000_030);
    expect(toCents(0.1) + toCents(0.2)).toBe(toCents(0.3));
  });
});

describe('Anteile', () => {
  it('ergeben nach Rundung genau 100 (größter Rest)', () => {
    expect(anteile([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
    expect(anteile([2, 1])).toEqual([66.7, 33.3]);
    expect(anteile([0, 0])).toEqual([0, 0]);
  });
  it('summieren sich auch bei vielen ungeraden Werten zu 100,0', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let n = 0; n < 200; n++) {
      const values = Array.from({ length: 2 + (next() % 12) }, () => next() % 100000);
      const total = anteile(values).reduce((a, b) => a + b, 0);
      expect(Math.round(total * 10)).toBe(1000);
    }
  });
});

describe('Prognose für den Mini-Plan', () => {
  // Horizon 2025–2027, no price change. Tablets (950 × 449,00 €, bought 2021, 5 years) are
  // replaced in 2026; displays (bought 2020, 8 years) only in 2028, outside the horizon.
  const p = prognose(fixtureModel());

  it('verteilt Ersatzkäufe und laufende Kosten auf die Jahre', () => {
    expect(p.jahre.map((j) => [j.jahr, j.investition, j.nachTyp.Personal, j.nachTyp.Betrieb, j.bedarf])).toEqual([
      [2025, 0, 10_000_010, 2_000_020, 12_000_030],
      [2026, 42_655_000, 11_000_000, 0, 53_655_000],
      [2027, 0, 0, 0, 0],
    ]);
  });

  it('stellt Finanzierung, Lücke und Eigenanteil gegenüber', () => {
    const [y2025, y2026] = p.jahre;
    expect(y2025?.finanzierung).toBe(8_000_050);
    expect(y2025?.luecke).toBe(3_999_980); // 120.000,30 € − 80.000,50 €
    expect(y2025?.eigenanteil).toBeCloseTo((50_000 / 80_000.5) * 100, 10);
    expect(y2026?.luecke).toBe(53_655_000);
    expect(p.summe.luecke).toBe(3_999_980 + 53_655_000);
  });

  it('erkennt Spitzenjahre über dem Mittel', () => {
    expect(p.mittelwert).toBe(Math.round((12_000_030 + 53_655_000) / 3));
    expect(p.spitzenjahre).toEqual([2026]);
  });

  it('rechnet Kosten je Schüler und je Gerät und Jahr', () => {
    expect(p.jahre[0]?.jeSchueler).toBe(Math.round(12_000_030 / 1300));
    expect(p.jeGeraetUndJahr).toBe(Math.round((12_000_030 + 53_655_000) / (999 * 3)));
  });

  it('berechnet den Anschaffungswert des Bestands je Zeile', () => {
    expect(inventarWerte(fixtureModel().inventar)).toEqual({
      zeilen: [
        { id: 'tab-1', wert: 42_655_000 }, // 950 × 449,00 €
        { id: 'disp-1', wert: 19_599_951 }, // 49 × 3.999,99 €
      ],
      gesamt: 62_254_951,
    });
  });

  it('zeigt den Abrufstand der Förderprogramme', () => {
    expect(p.programme).toEqual([
      { id: 'pakt', name: 'Digitalpakt Test', zuweisung: 6_000_000, eingeplant: 3_000_050, stufen: [{ status: 'bewilligt', betrag: 6_000_000, stand: '2025-02-01', anteil: 100 }] },
    ]);
  });

  it('prüft angegebene Summen mit Rundungstoleranz', () => {
    const angabe = { tabelle: 'Laufende Kosten' as const, jahr: 2025, angegeben: 12_000_000, genauigkeit: 100 };
    expect(pruefeSumme(p, angabe)).toBeUndefined(); // 0,30 € off, within ± 0,50 €
    expect(pruefeSumme(p, { ...angabe, angegeben: 12_000_100 })).toEqual({ berechnet: 12_000_030 });
    expect(pruefeSumme(p, { ...angabe, angegeben: 12_000_000, genauigkeit: 100_000, jahr: 2026 })).toEqual({ berechnet: 11_000_000 });
    expect(pruefeSumme(p, { ...angabe, jahr: 2030 })).toEqual({ berechnet: undefined });
  });
});

describe('Beschlussvorlage mit falscher Summe', () => {
  it('hält den Build an und nennt Zeile, berechneten und angegebenen Wert', () => {
    const root = copyFixture();
    edit(root, 'daten/summen.csv', '120.000,30', '120.010,00');
    expect(messages(root)).toEqual([
      'content/daten/summen.csv:2, Eintrag „laufende-kosten-2025“, Feld „angegeben“: erwartet die berechnete Summe 120.000,30\u00a0€ (Laufende Kosten 2025) bis auf ± 0,50\u00a0€: die berechnete Summe ist genau, nur die angegebene ist auf 1,00\u00a0€ gerundet und kann um die Hälfte davon abweichen; gefunden: 120.010,00\u00a0€ laut Vorlage 1',
    ]);
  });
});

describe('Überschüsse und Lücken über die Jahre', () => {
  // Need 100, 100, 100 (Betrieb); funds 150, 50, 80. Year 2 lacks 50, year 3 lacks 20; year 1 has 50 to spare.
  const modell = (uebertrag: boolean | undefined) => ({
    plan: { planungshorizont: { von: 2025, bis: 2027 }, finanzplanung: { preisaenderung: 0, spitzenjahrSchwelle: 20, uebertrag } },
    inventar: [],
    schulen: [],
    schulformen: [],
    erhebungen: [],
    erhebungswerte: [],
    foerderprogramme: [],
    laufendeKosten: [2025, 2026, 2027].map((jahr) => ({ data: { jahr, kostenart: 'Betrieb', betrag: 100, wertart: 'Plan', quelle: 'Test' } })),
    finanzierung: [[2025, 150], [2026, 50], [2027, 80]].map(([jahr, betrag]) => ({ data: { jahr, art: 'Haushalt Betrieb', betrag, wertart: 'Plan', quelle: 'Test' } })),
  }) as unknown as Parameters<typeof prognose>[0];

  it('rechnet jedes Jahr für sich, wo der Plan nichts festlegt oder den Übertrag ausschließt', () => {
    for (const u of [undefined, false]) {
      const p = prognose(modell(u));
      expect(p.jahre.map((j) => j.luecke), String(u)).toEqual([0, 50, 20]);
      expect(p.summe.luecke).toBe(70);
      expect(p.summe.ueberschuss).toBe(50);
      expect(p.uebertrag).toBe(u);
    }
  });

  it('trägt Überschüsse vorwärts, wo der Plan es erlaubt, nie rückwärts', () => {
    const p = prognose(modell(true));
    expect(p.jahre.map((j) => [j.vortrag, j.gedeckt, j.luecke])).toEqual([[0, 100, 0], [50, 100, 0], [0, 80, 20]]);
    expect(p.summe.luecke).toBe(20);
    expect(p.summe.ueberschuss).toBe(50);
  });
});
