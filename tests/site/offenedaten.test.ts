/**
 * Open data of both built sample plans (dist/daten/): each CSV read back with a real CSV parser
 * gives the records of the content; each JSON file is valid against its JSON Schema, and a record
 * with a wrong type or without a required field is not; the DCAT-AP.de file names every file
 * there is and nothing else; /daten/ links each file. Drafts and editor-only fields stay out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import Ajv from 'ajv';
import { seite } from '../../src/plan/urls.ts';
import { BEISPIELPLAENE } from '../helpers/plaene.ts';
import { PORTALANGABEN_DATEI } from '../../src/ausgabe/offenedaten/portalformat.ts';

const leseCsv = (datei: string) => {
  const text = readFileSync(datei, 'utf8');
  return { bom: text.startsWith('\uFEFF'), zeilen: parse(text, { bom: true, delimiter: ';', columns: true, relax_column_count: false }) as Record<string, string>[] };
};

for (const plan of BEISPIELPLAENE) describe(`Offene Daten: Beispielplan ${plan.name}`, () => {
  const model = plan.modell();
  const ordner = join(plan.dist, 'daten');
  const dateien = () => readdirSync(ordner).filter((n) => n !== 'index.html');
  const tabellen = () => dateien().filter((n) => n.endsWith('.csv')).map((n) => n.slice(0, -4));

  it('hat je Tabelle CSV, JSON und JSON-Schema, darunter die berechneten', () => {
    expect(tabellen()).toEqual(expect.arrayContaining(['massnahmen', 'handlungsfelder', 'akteure', 'zustaendigkeitsmatrix']));
    if (model.inventar.length > 0 || model.laufendeKosten.length > 0) expect(tabellen()).toContain('finanzprognose');
    if (model.schulen.length > 0) expect(tabellen()).toEqual(expect.arrayContaining(['schulen', 'ausstattungsquoten']));
    for (const t of tabellen()) for (const endung of ['.json', '.schema.json']) expect(existsSync(join(ordner, t + endung)), t + endung).toBe(true);
  });

  it('liest jede CSV-Datei mit einem CSV-Parser zurück: UTF-8 mit BOM, Semikolon, so viele Zeilen wie die JSON-Datei', () => {
    for (const t of tabellen()) {
      const { bom, zeilen } = leseCsv(join(ordner, `${t}.csv`));
      expect(bom, t).toBe(true);
      const json = JSON.parse(readFileSync(join(ordner, `${t}.json`), 'utf8')) as unknown[];
      expect(zeilen.length, t).toBe(json.length);
    }
  });

  it('gibt in der CSV-Datei der Maßnahmen die Maßnahmen des Plans wieder, ohne Entwürfe und Felder der Redaktion', () => {
    const { zeilen } = leseCsv(join(ordner, 'massnahmen.csv'));
    const veroeffentlicht = model.massnahmen.filter((m) => existsSync(plan.site.fileFor(seite.massnahme(m.id))));
    expect(zeilen.map((z) => z.id).sort()).toEqual(veroeffentlicht.map((m) => m.id).sort());
    for (const m of veroeffentlicht) {
      const z = zeilen.find((x) => x.id === m.id)!;
      expect(z.titel, m.id).toBe(m.data.titel);
      expect(z.status ?? '', m.id).toBe(m.data.status ?? '');
    }
    const spalten = Object.keys(zeilen[0]!);
    expect(spalten.filter((s) => /^(entwurf|pflege|alteAnker|aliase)(\.|$)/.test(s))).toEqual([]);
  });

  it.skipIf(model.schulen.length === 0)('schreibt Zahlen der Schulen deutsch und gibt die Werte der Daten wieder', () => {
    const { zeilen } = leseCsv(join(ordner, 'schulen.csv'));
    expect(zeilen.map((z) => z.id)).toEqual(model.schulen.map((s) => s.id));
    // German notation read back: points group thousands, the comma marks decimals.
    const zahl = (text: string | undefined) => (text ? Number(text.replaceAll('.', '').replace(',', '.')) : undefined);
    for (const s of model.schulen) {
      const z = zeilen.find((x) => x.id === s.id)!;
      expect(z.name, s.id).toBe(s.data.name);
      expect(zahl(z.schuelerzahl), s.id).toBe(s.data.schuelerzahl);
      expect(zahl(z.endgeraete_schueler), s.id).toBe(s.data.endgeraete_schueler);
      expect(zahl(z.wlan_abdeckung), s.id).toBe(s.data.wlan_abdeckung);
    }
    // With survey rounds the master data carries no figures: they are in the rounds.
    if (model.erhebungen.length > 0) expect(zeilen.every((z) => !z.schuelerzahl && !z.wlan_abdeckung)).toBe(true);
    else expect(zeilen.some((z) => z.wlan_abdeckung?.includes(','))).toBe(true);
  });

  it('prüft jede JSON-Datei gegen ihr JSON-Schema; ein falscher Typ oder ein fehlendes Pflichtfeld fällt durch', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    let pflichtGeprueft = 0;
    for (const t of tabellen()) {
      const schema = JSON.parse(readFileSync(join(ordner, `${t}.schema.json`), 'utf8')) as { items: { properties: Record<string, { type?: string | string[] }>; required?: string[] } };
      const daten = JSON.parse(readFileSync(join(ordner, `${t}.json`), 'utf8')) as Record<string, unknown>[];
      const pruefe = ajv.compile(schema);
      expect(pruefe(daten), `${t}: ${ajv.errorsText(pruefe.errors)}`).toBe(true);
      expect(daten.length, t).toBeGreaterThan(0);
      // A wrong type: a text field given a list, a number field given text.
      const erster = daten[0]!;
      const feld = Object.keys(erster).find((k) => typeof erster[k] === 'string' || typeof erster[k] === 'number')!;
      const falsch = { ...erster, [feld]: typeof erster[feld] === 'string' ? ['keine', 'Zeichenkette'] : 'keine Zahl' };
      expect(pruefe([falsch, ...daten.slice(1)]), `${t}.${feld}`).toBe(false);
      // A required field left out.
      const pflicht = schema.items.required?.[0];
      if (pflicht) {
        const { [pflicht]: _, ...ohne } = erster;
        expect(pruefe([ohne]), `${t} ohne ${pflicht}`).toBe(false);
        pflichtGeprueft += 1;
      }
    }
    expect(pflichtGeprueft).toBeGreaterThan(5);
  });

  it.skipIf(!model.plan.website)('nennt in der DCAT-AP.de-Datei jede Datei, die es gibt, und keine andere', () => {
    const dcat = JSON.parse(readFileSync(join(ordner, 'dcat.jsonld'), 'utf8')) as { '@graph': Record<string, unknown>[] };
    const katalog = dcat['@graph'].find((n) => n['@type'] === 'dcat:Catalog')!;
    expect(katalog['dct:license']).toBeDefined();
    expect((katalog['dct:modified'] as { '@value': string })['@value']).toBe(model.plan.stand);
    const genannt = new Set<string>();
    for (const ds of katalog['dcat:dataset'] as Record<string, unknown>[]) {
      for (const d of ds['dcat:distribution'] as Record<string, unknown>[]) {
        genannt.add((d['dcat:downloadURL'] as { '@id': string })['@id']);
        const schema = d['dct:conformsTo'] as { '@id': string } | undefined;
        if (schema) genannt.add(schema['@id']);
      }
    }
    const basis = new URL(plan.href(seite.daten()), model.plan.website).href;
    // planwerk.json describes the site for a portal of several plans (tests/site/portalangaben.test.ts), it is no dataset.
    const erwartet = dateien().filter((n) => n !== 'dcat.jsonld' && `daten/${n}` !== PORTALANGABEN_DATEI).map((n) => basis + n);
    expect([...genannt].sort()).toEqual(erwartet.sort());
  });

  it('verlinkt auf /daten/ jede Datei', () => {
    const links = new Set(plan.site.page(seite.daten()).querySelectorAll('main a[href]').map((a) => a.getAttribute('href')));
    for (const n of dateien()) expect(links.has(plan.href(seite.datenDatei(n))), n).toBe(true);
  });
});
