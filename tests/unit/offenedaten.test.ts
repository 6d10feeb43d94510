/**
 * Open data of the minimal fixture plan (src/ausgabe/offenedaten/index.ts): the forecast CSV against figures
 * worked out by hand from the fixture's files, the CSV form Excel expects, and the publication
 * rule (drafts and editor-only fields stay out, a plan without an address gets no DCAT file).
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { offeneDateien, offeneDatenHinweise } from '../../src/ausgabe/offenedaten/index.ts';
import { copyFixture, edit, fixtureModel, modelOf } from '../helpers/fixture.ts';

const csv = (inhalt: string) => parse(inhalt, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
const datei = (name: string, model = fixtureModel()) => offeneDateien(model).find((d) => d.name === name);

describe('Offene Daten des Testplans', () => {
  it('rechnet die Finanzprognose wie von Hand', () => {
    // The fixture: 950 tablets at 449,00 € bought 2021 with a life of 5 years (replaced 2026),
    // 49 displays at 3.999,99 € bought 2020 with 8 years (2028, after the horizon 2025–2027),
    // no price change; running costs 2025: Personal 100.000,10 + Lizenzen 20.000,20, 2026:
    // Personal 110.000,00; funds 2025: 50.000 (Haushalt) + 30.000,50 (Förderprogramm).
    const jahre = csv(datei('finanzprognose.csv')!.inhalt);
    expect(jahre.map((j) => j.jahr)).toEqual(['2025', '2026', '2027']);
    const [j2025, j2026, j2027] = jahre as [Record<string, string>, Record<string, string>, Record<string, string>];
    expect([j2025.investition, j2025.personal, j2025.betrieb, j2025.bedarf]).toEqual(['0,00', '100000,10', '20000,20', '120000,30']);
    expect([j2025.finanzierung, j2025.luecke]).toEqual(['80000,50', '39999,80']);
    // 950 × 449,00 € = 426.550,00 €; with the staff costs 536.550,00 €, none of it funded.
    expect([j2026.investition, j2026['investitionNachProduktgruppe.Schüler-Tablets'], j2026.bedarf, j2026.luecke]).toEqual(['426550,00', '426550,00', '536550,00', '536550,00']);
    expect(j2026.spitzenjahr).toBe('ja');
    expect([j2027.bedarf, j2027.luecke]).toEqual(['0,00', '0,00']);
  });

  it('schreibt CSV so, wie Excel sie mit einem Doppelklick öffnet: BOM, Semikolon, Zeilenende CRLF, Dezimalkomma', () => {
    const inhalt = datei('laufende-kosten.csv')!.inhalt;
    expect(inhalt.startsWith('\uFEFF')).toBe(true);
    expect(inhalt.split('\r\n')[0]).toMatch(/^\uFEFF[a-z]+(;[a-z.]+)+$/);
    expect(csv(inhalt).find((z) => z.jahr === '2025' && z.kostenart === 'Personal')?.betrag).toBe('100000,10');
  });

  it('lässt Entwürfe und Felder der Redaktion aus', () => {
    const root = copyFixture();
    edit(root, 'massnahmen/i-02.mdx', /^---\n/, '---\nentwurf: true\n');
    edit(root, 'massnahmen/i-01.mdx', /^---\n/, '---\npflege: { zustaendig: Amt für Schule, naechstePruefung: 2030-01-01 }\n');
    const model = modelOf(root);
    expect(csv(datei('massnahmen.csv')!.inhalt).map((z) => z.id)).toContain('I-02');
    const zeilen = csv(datei('massnahmen.csv', model)!.inhalt);
    expect(zeilen.map((z) => z.id)).not.toContain('I-02');
    expect(Object.keys(zeilen[0]!).filter((k) => k.startsWith('pflege') || k === 'entwurf')).toEqual([]);
    expect(datei('massnahmen.json', model)!.inhalt).not.toMatch(/"(pflege|entwurf)"/);
  });

  it('veröffentlicht die gemeinsame Kennung eines Akteurs in akteure.csv und akteure.json, mit Beschreibung im JSON-Schema', () => {
    const root = copyFixture();
    edit(root, 'akteure.yaml', '  kurzname: ITD\n', '  kurzname: ITD\n  kennung: kreis-it-lippe\n');
    const model = modelOf(root);
    expect(model.akteure.find((a) => a.id === 'it')?.data.kennung).toBe('kreis-it-lippe');
    const zeilen = csv(datei('akteure.csv', model)!.inhalt);
    expect(zeilen.find((z) => z.id === 'it')?.kennung).toBe('kreis-it-lippe');
    expect(zeilen.find((z) => z.id === 'schulamt')?.kennung).toBe('');
    const json = JSON.parse(datei('akteure.json', model)!.inhalt) as Record<string, unknown>[];
    expect(json.find((a) => a.id === 'it')?.kennung).toBe('kreis-it-lippe');
    expect(json.find((a) => a.id === 'schulamt')).not.toHaveProperty('kennung');
    const schema = JSON.parse(datei('akteure.schema.json', model)!.inhalt) as { items: { properties: Record<string, { description?: string }> } };
    expect(schema.items.properties.kennung?.description).toMatch(/Gemeinsame Kennung/);
  });

  it('legt ohne Adresse der Website keine DCAT-Datei an und sagt, warum', () => {
    const root = copyFixture();
    edit(root, 'plan.yaml', /^website: .*\n/m, '');
    const model = modelOf(root);
    expect(datei('dcat.jsonld', model)).toBeUndefined();
    expect(datei('massnahmen.csv', model)).toBeDefined();
    expect(offeneDatenHinweise(model).join('\n')).toMatch(/ohne „website“ gibt es keine DCAT-Datei/);
  });
});
