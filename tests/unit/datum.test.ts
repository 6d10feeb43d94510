/**
 * Plan dates as precise as the plan (src/plan/datum.ts): the written forms, German error messages,
 * display, the periods behind a date, sorting, deadlines at the end of their period, and the
 * machine formats (HTML datetime, XSD types, PDF date strings).
 */
import { describe, expect, it } from 'vitest';
import {
  beginn, bisEnde, datetimeAttr, datumImSatz, ende, formatDatum, formatDatumLang, genauigkeit, imSatz, istVerstrichen, nach, pdfDatum, tagSchema, termin,
  vergleicheDaten, vor, xsdTyp, zeitangabe, zerlege,
} from '../../src/plan/datum.ts';
import { formatDate, formatDateLong } from '../../src/plan/format.ts';
import { istUeberfaellig } from '../../src/plan/pflege.ts';
import { pdfAngaben } from '../../src/ausgabe/pdf.ts';
import { fixtureModel } from '../helpers/fixture.ts';

const fehler = (schema: typeof zeitangabe, wert: unknown) => {
  const r = schema.safeParse(wert);
  expect(r.success, `${String(wert)} sollte abgelehnt werden`).toBe(false);
  return r.error!.issues.map((i) => i.message).join(' | ');
};

describe('zeitangabe: Tag, Monat oder Jahr, so wie der Plan sie schreibt', () => {
  it.each([
    ['2021-03-05', '2021-03-05'],
    ['2021-03', '2021-03'],
    ['2021', '2021'],
    [' 2021-03 ', '2021-03'],
    // YAML hands a year without quotes over as a number, a day (YAML 1.1) as a Date.
    [2021, '2021'],
    [new Date('2026-11-23T00:00:00Z'), '2026-11-23'],
  ] as const)('%j → %s', (eingabe, erwartet) => {
    expect(zeitangabe.parse(eingabe)).toBe(erwartet);
  });

  it('lehnt Quartal und Schuljahr ab und sagt, dass sie nur bei Meilensteinen gehen', () => {
    expect(fehler(zeitangabe, '2026-Q3')).toBe('ein Datum als Jahr (2021), Monat (2021-03) oder Tag (2021-03-05) (ein Quartal oder Schuljahr nur bei Meilensteinen)');
    expect(fehler(zeitangabe, '2025/26')).toContain('nur bei Meilensteinen');
  });

  it('nennt bei deutscher Schreibweise die richtige', () => {
    expect(fehler(zeitangabe, '03/2021')).toBe('ein Datum als Jahr (2021), Monat (2021-03) oder Tag (2021-03-05); hier also 2021-03');
    expect(fehler(zeitangabe, '3.2021')).toContain('hier also 2021-03');
    expect(fehler(zeitangabe, '23.11.2026')).toContain('hier also 2026-11-23');
    expect(fehler(zeitangabe, '5.3.2021')).toContain('hier also 2021-03-05');
  });

  it('lehnt Tage ab, die es nicht gibt, und unmögliche Monate', () => {
    expect(fehler(zeitangabe, '2025-02-30')).toContain('ein Datum im Format JJJJ-MM-TT, das es im Kalender gibt');
    expect(zeitangabe.safeParse('2024-02-29').success).toBe(true);
    for (const falsch of ['2021-13', '2021-00', '2021-3', '21', '2021.5', 'März 2021', '', 2021.5, 123, null]) expect(zeitangabe.safeParse(falsch).success, String(falsch)).toBe(false);
  });
});

describe('termin: Meilensteine auch mit Quartal und Schuljahr', () => {
  it.each(['2026-Q1', '2026-Q4', '2025/26', '1999/00', '2026', '2026-09', '2026-09-30'])('nimmt %s', (t) => {
    expect(termin.parse(t)).toBe(t);
  });

  it('lehnt falsche Quartale und Schuljahre ab und schlägt die Schreibweise vor', () => {
    expect(termin.safeParse('2026-Q5').success).toBe(false);
    expect(termin.safeParse('2025/27').success).toBe(false);
    expect(fehler(termin, 'Q3 2026')).toBe('ein Datum als Jahr (2026), Quartal (2026-Q3), Monat (2026-03), Tag (2026-03-05) oder Schuljahr (2025/26); hier also 2026-Q3');
    expect(fehler(termin, '3. Quartal 2026')).toContain('hier also 2026-Q3');
  });
});

describe('tagSchema: ein Stichtag ist ein Tag', () => {
  it('nimmt nur Tage', () => {
    expect(tagSchema.parse('2026-03-01')).toBe('2026-03-01');
    expect(tagSchema.safeParse('2026-03').success).toBe(false);
    expect(tagSchema.safeParse('2026').success).toBe(false);
  });
});

describe('Anzeige', () => {
  it.each([
    ['2021-03-05', '05.03.2021'],
    ['2021-03', 'März 2021'],
    ['2021-12', 'Dezember 2021'],
    ['2021', '2021'],
    ['2026-Q3', '3. Quartal 2026'],
    ['2025/26', 'Schuljahr 2025/26'],
  ])('%s → %s', (d, text) => {
    expect(formatDatum(d)).toBe(text);
  });

  it('formatDate und formatDateLong bleiben für Tage, wie sie waren, und zeigen Monat und Jahr ohne Tag', () => {
    expect(formatDate('2026-11-23')).toBe('23.11.2026');
    expect(formatDateLong('2026-03-05')).toBe('5. März 2026');
    expect(formatDatumLang('2026-03')).toBe('März 2026');
    expect(formatDate('2026-03')).toBe('März 2026');
    expect(formatDate('2026')).toBe('2026');
  });

  it('setzt im Satz die passenden Wörter vor das Datum', () => {
    expect(datumImSatz('2021-03-05', 'am')).toBe('am 05.03.2021');
    expect(datumImSatz('2021-03', 'am')).toBe('im März 2021');
    expect(datumImSatz('2021', 'am')).toBe('im Jahr 2021');
    expect(datumImSatz('2026-Q3', 'am')).toBe('im 3. Quartal 2026');
    expect(datumImSatz('2021-03-05', 'bis')).toBe('bis zum 05.03.2021');
    expect(datumImSatz('2026-09', 'bis')).toBe('bis Ende September 2026');
    expect(datumImSatz('2026', 'bis')).toBe('bis Ende 2026');
    expect(datumImSatz('2026-Q3', 'bis')).toBe('bis zum Ende des 3. Quartals 2026');
    expect(imSatz('2025/26', 'bis')).toEqual({ vor: 'bis zum Ende des', text: 'Schuljahrs 2025/26' });
  });

  it('gibt <time datetime> nur gültige Werte derselben Genauigkeit, Quartal und Schuljahr keinen', () => {
    expect(datetimeAttr('2021-03-05')).toBe('2021-03-05');
    expect(datetimeAttr('2021-03')).toBe('2021-03');
    expect(datetimeAttr('2021')).toBe('2021');
    expect(datetimeAttr('2026-Q3')).toBeUndefined();
    expect(datetimeAttr('2025/26')).toBeUndefined();
  });
});

describe('Zeiträume und Vergleiche', () => {
  it('kennt Anfang und Ende des Zeitraums', () => {
    expect([beginn('2021-03'), ende('2021-03')]).toEqual(['2021-03-01', '2021-03-31']);
    expect([beginn('2024-02'), ende('2024-02')]).toEqual(['2024-02-01', '2024-02-29']);
    expect([beginn('2021'), ende('2021')]).toEqual(['2021-01-01', '2021-12-31']);
    expect([beginn('2026-Q3'), ende('2026-Q3')]).toEqual(['2026-07-01', '2026-09-30']);
    expect([beginn('2026-Q4'), ende('2026-Q4')]).toEqual(['2026-10-01', '2026-12-31']);
    expect([beginn('2025/26'), ende('2025/26')]).toEqual(['2025-08-01', '2026-07-31']);
    expect([beginn('2021-03-05'), ende('2021-03-05')]).toEqual(['2021-03-05', '2021-03-05']);
    expect(genauigkeit('2026-Q1')).toBe('quartal');
    expect(zerlege('2026-Q5')).toBeUndefined();
  });

  it('sortiert nach Beginn, bei gleichem Beginn das Genauere zuerst', () => {
    const daten = ['2026', '2025/26', '2026-Q1', '2026-01', '2025-12-31', '2026-01-01', '2026-02'];
    expect([...daten].sort(vergleicheDaten)).toEqual(['2025/26', '2025-12-31', '2026-01-01', '2026-01', '2026-Q1', '2026', '2026-02']);
    expect(vergleicheDaten('2026-03', '2026-03')).toBe(0);
  });

  it('vergleicht Zeiträume als Zeiträume', () => {
    expect(vor('2021-02-28', '2021-03')).toBe(true);
    expect(vor('2021-03-01', '2021-03')).toBe(false);
    expect(nach('2021-03-31', '2021-03')).toBe(false);
    expect(nach('2021-04-01', '2021-03')).toBe(true);
    expect(bisEnde('2026-Q3', '2026-09-30')).toBe(true);
    expect(bisEnde('2026', '2026-09-30')).toBe(false);
    expect(bisEnde('2026-03-05', '2026-03')).toBe(true);
  });

  it('eine Frist ist erst am Ende ihres Zeitraums verstrichen', () => {
    expect(istVerstrichen('2026-09', '2026-09-30')).toBe(false);
    expect(istVerstrichen('2026-09', '2026-10-01')).toBe(true);
    expect(istVerstrichen('2026', '2026-12-31')).toBe(false);
    expect(istVerstrichen('2026', '2027-01-01')).toBe(true);
    expect(istVerstrichen('2026-09-15', '2026-09-16')).toBe(true);
    expect(istVerstrichen('2026-09-15', '2026-09-15')).toBe(false);
    // The review date of a page (pflege.naechstePruefung) follows the same rule.
    expect(istUeberfaellig('2026-09', '2026-09-15')).toBe(false);
    expect(istUeberfaellig('2026-09', '2026-10-01')).toBe(true);
  });
});

describe('Maschinenformate', () => {
  it('XSD-Typen für DCAT: xsd:date, xsd:gYearMonth, xsd:gYear', () => {
    expect(xsdTyp('2021-03-05')).toBe('xsd:date');
    expect(xsdTyp('2021-03')).toBe('xsd:gYearMonth');
    expect(xsdTyp('2021')).toBe('xsd:gYear');
    expect(() => xsdTyp('2026-Q3')).toThrow();
  });

  it('PDF-Datum endet, wo das Datum des Plans endet (ISO 32000-1, 7.9.4)', () => {
    expect(pdfDatum('2021')).toBe('D:2021');
    expect(pdfDatum('2021-03')).toBe('D:202103');
    expect(pdfDatum('2021-03-05')).toBe('D:20210305');
  });

  it('datiert das PDF des Rats mit dem Stand und nennt den Beschluss so genau wie der Plan', () => {
    const { plan } = fixtureModel();
    expect(pdfAngaben(plan)).toMatchObject({ datum: 'D:20250630', thema: 'Medienentwicklungsplan Teststadt, beschlossen vom Rat der Stadt Teststadt am 01.02.2025' });
    const monat = pdfAngaben({ ...plan, stand: '2025-06', beschluss: { ...plan.beschluss!, datum: '2025-02' } });
    expect(monat).toMatchObject({ datum: 'D:202506', thema: 'Medienentwicklungsplan Teststadt, beschlossen vom Rat der Stadt Teststadt im Februar 2025' });
    expect(pdfAngaben({ ...plan, stand: '2025', beschluss: undefined })).toMatchObject({ datum: 'D:2025', thema: 'Medienentwicklungsplan Teststadt' });
  });
});
