/**
 * Hand-worked figures for the minimal fixture (tests/fixtures/minimal):
 *   gs-a  Grundschule  200 pupils,  50 devices, 12 teachers/12 devices, 10 rooms/5 with display, WLAN 100 %
 *   gs-b  Grundschule  300 pupils, 100 devices, 18/18, 14 rooms/14, WLAN 50 %
 *   gym-c Gymnasium    800 pupils, 800 devices, 60/60, 40 rooms/30, WLAN 87,5 %
 *   targets: overall 75 %, Grundschule 25 %, Gymnasium 100 %
 */
import { describe, expect, it } from 'vitest';
import { fixtureModel } from '../helpers/fixture.ts';
import { kennzahl, KennzahlError } from '../../src/rechnen/kennzahlen.ts';
import { medienkonzeptLage } from '../../src/rechnen/erhebungen.ts';
import { ausstattungsquote, quotenNachSchulform, quote } from '../../src/rechnen/ausstattung.ts';
import { statusNachHandlungsfeld } from '../../src/plan/massnahmen.ts';

const model = fixtureModel();
const value = (name: string, params = {}) => kennzahl(model, name, params).value;

describe('Ausstattungsquote', () => {
  it('teilt Geräte durch Schüler, je Schule, je Schulform und insgesamt', () => {
    expect(quote(50, 200)).toBe(25);
    expect(value('ausstattungsquote', { schule: 'gs-b' })).toBeCloseTo((100 / 300) * 100, 10);
    expect(value('ausstattungsquote', { schulform: 'grundschule' })).toBe(30); // 150 / 500
    expect(value('ausstattungsquote', { schulform: 'gymnasium' })).toBe(100);
    expect(value('ausstattungsquote')).toBeCloseTo((950 / 1300) * 100, 10);
  });

  it('ist die Quote der Summen, nicht der Mittelwert der Schulquoten', () => {
    // mean of 25 % and 33,3 % would be 29,17 %; the pooled quote is 150 / 500 = 30 %
    expect(ausstattungsquote([{ werte: { schuelerzahl: 200, endgeraete_schueler: 50 } }, { werte: { schuelerzahl: 300, endgeraete_schueler: 100 } }])).toBe(30);
    // A school without an answer is left out, not counted as 0 devices.
    expect(ausstattungsquote([{ werte: { schuelerzahl: 200, endgeraete_schueler: 50 } }, { werte: { schuelerzahl: 300 } }])).toBe(25);
    expect(ausstattungsquote([])).toBeUndefined();
  });

  it('vergleicht mit den Zielwerten der Schulform', () => {
    expect(value('ausstattungsquote-ziel')).toBe(75);
    expect(value('ausstattungsquote-ziel', { schulform: 'grundschule' })).toBe(25);
    const rows = quotenNachSchulform(model);
    expect(rows.map((r) => [r.schulform, r.schulen, r.schueler, r.endgeraete, r.quote, r.ziel?.wert, r.schulenAmZiel])).toEqual([
      ['grundschule', 2, 500, 150, 30, 25, 2],
      ['gymnasium', 1, 800, 800, 100, 100, 1],
    ]);
  });

  it('formatiert für den Fließtext', () => {
    expect(kennzahl(model, 'ausstattungsquote').text.replace('\u00a0', ' ')).toBe('73,1 %');
    expect(kennzahl(model, 'ausstattungsquote').datensaetze).toEqual([{ id: 'schulen', titel: 'Schuldaten', stand: '2025-05-01' }]);
  });
});

describe('weitere Kennzahlen', () => {
  it('zählt und summiert Schuldaten', () => {
    expect(value('schulen')).toBe(3);
    expect(value('schulen', { schulform: 'grundschule' })).toBe(2);
    expect(value('schueler')).toBe(1300);
    expect(value('endgeraete-schueler')).toBe(950);
    expect(value('lehrkraefte-quote')).toBe(100);
    expect(value('praesentationsquote')).toBe((49 / 64) * 100);
    expect(value('wlan-abdeckung')).toBe((100 * 10 + 50 * 14 + 87.5 * 40) / 64);
    expect(value('schulen-am-ziel')).toBe(3);
  });

  it('liest „1.000“ in der CSV als tausend', () => {
    expect(model.schulen.find((s) => s.id === 'gym-c')?.data.breitband_mbit).toBe(1000);
  });

  it('zählt Medienkonzepte, die höchstens drei Jahre alt sind', () => {
    expect(value('medienkonzepte-aktuell')).toBe(1); // plan Stand 2025-06-30: only gs-a (2024-01-15)
    expect(medienkonzeptLage({ werte: { medienkonzept_stand: '2022-06-30' } }, '2025-06-30')).toBe('aktuell');
    expect(medienkonzeptLage({ werte: { medienkonzept_stand: '2022-06-29' } }, '2025-06-30')).toBe('ueberfaellig');
    expect(medienkonzeptLage({ werte: {} }, '2025-06-30')).toBe('fehlt');
    // A date for the next update the school named wins over the three years.
    expect(medienkonzeptLage({ werte: { medienkonzept_stand: '2020-01-01', medienkonzept_naechste: '2025-06-30' } }, '2025-06-30')).toBe('aktuell');
    expect(medienkonzeptLage({ werte: { medienkonzept_stand: '2024-01-01', medienkonzept_naechste: '2025-06-29' } }, '2025-06-30')).toBe('ueberfaellig');
  });

  it('zählt Maßnahmen nach Status und Handlungsfeld', () => {
    expect(value('massnahmen')).toBe(2);
    expect(value('massnahmen', { status: 'abgeschlossen' })).toBe(1);
    expect(value('massnahmen-kosten')).toBe(12_000_000); // cents
    const t = statusNachHandlungsfeld(model);
    expect(t.gesamt).toBe(2);
    expect(t.zeilen[0]?.anzahl).toEqual({ geplant: 0, 'in Umsetzung': 1, abgeschlossen: 1, zurückgestellt: 0 });
  });

  it('rechnet den Bestandswert cent-genau', () => {
    expect(value('inventar-geraete')).toBe(999);
    expect(value('inventar-wert')).toBe(62_254_951); // cents: 950 × 449,00 € + 49 × 3.999,99 €
  });
});

describe('Finanzkennzahlen', () => {
  // see tests/unit/prognose.test.ts: need 2025 = 120.000,30 €, 2026 = 536.550,00 €, 2027 = 0; money in cents
  it('summiert Bedarf, Lücke und Investitionen über den Horizont oder ein Jahr', () => {
    expect(value('bedarf')).toBe(65_655_030);
    expect(value('bedarf', { jahr: '2026' })).toBe(53_655_000);
    expect(value('investitionen')).toBe(42_655_000);
    expect(value('finanzierungsluecke')).toBe(57_654_980);
    expect(value('spitzenjahre')).toBe('2026');
    expect(value('planungshorizont')).toBe('2025–2027');
    expect(kennzahl(model, 'bedarf', { format: 'mio' }).text.replaceAll('\u00a0', ' ')).toBe('0,7 Mio. €');
  });
  it('nennt Anteile und Förderstand', () => {
    expect(value('anteil-produktgruppe', { produktgruppe: 'Schüler-Tablets' })).toBe(100);
    expect(value('foerderung-zuweisung', { foerderprogramm: 'pakt' })).toBe(6_000_000);
    expect(value('foerderung-ausgezahlt-anteil', { foerderprogramm: 'pakt' })).toBe(0);
  });
  it('lehnt ein Jahr außerhalb des Horizonts ab', () => {
    expect(() => kennzahl(model, 'bedarf', { jahr: '2030' })).toThrow(/jahr/);
  });
});

describe('Fehler', () => {
  it('lehnt unbekannte Namen, Parameter und Werte mit einer Erklärung ab', () => {
    expect(() => kennzahl(model, 'quote')).toThrow(KennzahlError);
    expect(() => kennzahl(model, 'quote')).toThrow(/Unbekannte Kennzahl „quote“/);
    expect(() => kennzahl(model, 'schulen', { status: 'geplant' })).toThrow(/kennt den Parameter „status“ nicht/);
    expect(() => kennzahl(model, 'schulen', { schulform: 'realschule' })).toThrow(/realschule/);
  });
});
