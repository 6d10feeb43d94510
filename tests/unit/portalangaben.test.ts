/**
 * The Portalangaben of the minimal fixture plan (src/ausgabe/offenedaten/portalangaben.ts): plan.yaml's
 * head as the plan writes it, nothing the plan leaves out, the tables of its open data, and the
 * search index read from a folder as Pagefind writes it. The built sample plans are checked in
 * tests/site/portalangaben.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { offeneTabellen } from '../../src/ausgabe/offenedaten/index.ts';
import { planwerkVersion, portalangaben, portalangabenText, schreibePortalangaben, suchangaben } from '../../src/ausgabe/offenedaten/portalangaben.ts';
import { PORTALANGABEN_DATEI, portalangabenSchema } from '../../src/ausgabe/offenedaten/portalformat.ts';
import { copyFixture, edit, FIXTURE, fixtureModel, modelOf, PROJECT } from '../helpers/fixture.ts';

const planYaml = () => parse(readFileSync(join(FIXTURE, 'content', 'plan.yaml'), 'utf8')) as Record<string, any>;

/** A search bundle as Pagefind lays it out: the entry file and files in sub-folders. */
function suchordner(dateien: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), 'planwerk-portalangaben-'));
  for (const [pfad, inhalt] of Object.entries(dateien)) {
    mkdirSync(join(dist, 'pagefind', pfad, '..'), { recursive: true });
    writeFileSync(join(dist, 'pagefind', pfad), inhalt);
  }
  return dist;
}

describe('Portalangaben des Testplans', () => {
  it('gibt Kopf, Stand und Beschluss so an, wie plan.yaml sie nennt, und die Version aus package.json', () => {
    const yaml = planYaml();
    const angaben = portalangabenSchema.parse(portalangaben(fixtureModel()));
    expect(angaben.planwerk).toBe((JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as { version: string }).version);
    expect(planwerkVersion()).toBe(angaben.planwerk);
    expect(angaben.kommune).toBe(yaml.kommune);
    expect(angaben.titel).toBe(yaml.titel);
    expect(angaben.fassung).toEqual(yaml.fassung);
    expect(angaben.planungszeitraum).toEqual(yaml.planungszeitraum);
    expect(angaben.website).toBe(yaml.website);
    // YAML reads a bare 2025-06-30 as text (YAML 1.2), the plan keeps it as written.
    expect(angaben.stand).toBe(String(yaml.stand));
    expect(angaben.beschluss).toEqual({ datum: String(yaml.beschluss.datum), gremium: yaml.beschluss.gremium });
    expect(angaben.suche).toBeUndefined();
  });

  it('lässt weg, was plan.yaml nicht nennt, und nimmt ohne Titel den Namen der Kommune wie die Startseite', () => {
    const root = copyFixture();
    for (const feld of ['titel', 'fassung', 'planungszeitraum', 'beschluss', 'website']) edit(root, 'plan.yaml', new RegExp(`^${feld}: .*\\n`, 'm'), '');
    const angaben = portalangabenSchema.parse(portalangaben(modelOf(root)));
    for (const feld of ['fassung', 'planungszeitraum', 'beschluss', 'website', 'suche']) expect(angaben, feld).not.toHaveProperty(feld);
    expect(angaben.titel).toBe(planYaml().kommune);
    expect(JSON.parse(portalangabenText(angaben))).toEqual(angaben);
  });

  it('nennt jede Tabelle der offenen Daten mit Stand und ihren Dateien unter daten/, relativ zur Wurzel', () => {
    const model = fixtureModel();
    const angaben = portalangaben(model);
    expect(angaben.tabellen.map((t) => t.name)).toEqual(offeneTabellen(model).map((t) => t.name));
    for (const t of offeneTabellen(model)) {
      expect(angaben.tabellen.find((x) => x.name === t.name)).toEqual({ name: t.name, titel: t.titel, stand: t.stand, json: `daten/${t.name}.json`, csv: `daten/${t.name}.csv`, schema: `daten/${t.name}.schema.json` });
    }
    expect(angaben.seiten).toEqual({ start: '', massnahme: 'massnahmen/{id}/', akteur: 'akteure/{id}/', daten: 'daten/' });
  });

  it('liest den Suchindex aus pagefind-entry.json und nennt jede Datei mit ihrer Größe, nach Pfad geordnet', () => {
    const eintrag = JSON.stringify({ version: '1.6.0', languages: { de: { hash: 'de_1', wasm: 'de', page_count: 42 } } });
    const dateien = { 'pagefind-entry.json': eintrag, 'fragment/de_b.pf_fragment': 'zwei', 'fragment/de_a.pf_fragment': 'eins und mehr', 'pagefind.js': 'ä' };
    const dist = suchordner(dateien);
    const suche = suchangaben(dist)!;
    expect(suche).toMatchObject({ pagefind: '1.6.0', sprache: 'de', seiten: 42, ordner: 'pagefind' });
    expect(suche.dateien).toEqual(
      Object.entries(dateien)
        .map(([pfad, inhalt]) => ({ pfad: `pagefind/${pfad}`, bytes: Buffer.byteLength(inhalt) }))
        .sort((a, b) => (a.pfad < b.pfad ? -1 : 1)),
    );
    // Written beside the open data, the same for the same site, valid against the contract.
    const geschrieben = schreibePortalangaben(dist, fixtureModel());
    const text = readFileSync(join(dist, PORTALANGABEN_DATEI), 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(portalangabenSchema.parse(JSON.parse(text))).toEqual(geschrieben);
    schreibePortalangaben(dist, fixtureModel());
    expect(readFileSync(join(dist, PORTALANGABEN_DATEI), 'utf8')).toBe(text);
  });

  it('lässt die Suche weg, wo es keinen Suchindex gibt, und bricht bei einem unlesbaren ab', () => {
    expect(suchangaben(mkdtempSync(join(tmpdir(), 'planwerk-portalangaben-')))).toBeUndefined();
    const zweiSprachen = suchordner({ 'pagefind-entry.json': JSON.stringify({ version: '1.6.0', languages: { de: { page_count: 1 }, en: { page_count: 1 } } }) });
    expect(() => suchangaben(zweiSprachen)).toThrow(/2 Sprachen/);
  });

  it('schreibt nichts, was nicht zum Schema passt: ein Fehler in Planwerk bricht mit dem Feld ab', () => {
    const angaben = portalangaben(fixtureModel());
    expect(() => portalangabenText({ ...angaben, tabellen: [{ ...angaben.tabellen[0]!, json: '/daten/x.json' }] })).toThrow(/tabellen\.0\.json/);
  });
});
