/**
 * Renamed fields (src/plan/umbenennungen.ts): `planwerk pruefen` names an old field with its
 * new name, and `planwerk migrieren` (src/cli/migrieren.ts) renames it in the plan's files,
 * changing nothing else, shows the diff, and ends with pruefen's result. Planwerk has renamed
 * no field yet, so the tests use a register of their own (tests/helpers/umbenennungen.ts).
 */
import { readdirSync, readFileSync, rmSync, statSync, symlinkSync, renameSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, edit } from '../helpers/fixture.ts';
import { everyFile } from '../helpers/meldungskorpus.ts';
import { TEST_UMBENENNUNGEN } from '../helpers/umbenennungen.ts';
import { ausgabe, exitCode, migriere } from '../../src/cli/migrieren.ts';
import { pruefe, type Befund } from '../../src/cli/pruefen.ts';
import { UMBENENNUNGEN, heutigerName, registerFehler, type Umbenennung } from '../../src/plan/umbenennungen.ts';
import { createSchemas, plainRef, type CollectionName } from '../../src/plan/schemas/index.ts';
import { z } from 'astro/zod';
import { SOURCES } from '../../src/plan/sources.ts';
import { csvUmschreiben, mdxUmschreiben, yamlUmschreiben } from '../../src/plan/migration.ts';

const kopien: string[] = [];
afterAll(() => kopien.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const OHNE_BASIS = { basis: undefined, quelle: 'PLANWERK_BASIS' } as const;
const REG = TEST_UMBENENNUNGEN;

/**
 * The edits that put old names into the fixture, each as [file, text today, text with the old
 * name, the same after migrieren]: only the name changes back, comments and quotes stay.
 */
const ALTE_NAMEN: [string, string, string, string][] = [
  ['akteure.yaml', 'kurzname: ITD', 'kurzbezeichnung: ITD # wie im Plan', 'kurzname: ITD # wie im Plan'],
  ['akteure.yaml', '{ typ: beauftragt, ziel: it }', '{ typ: beauftragt, "an": it }', '{ typ: beauftragt, "ziel": it }'],
  ['akteure.yaml', '{ typ: arbeitet zusammen mit, ziel: it }', '{ typ: arbeitet zusammen mit, an: it }', '{ typ: arbeitet zusammen mit, ziel: it }'],
  ['massnahmen/i-01.mdx', 'zeitraum: { von: 2025', 'zeitraum: { ab: 2025', 'zeitraum: { von: 2025'],
  ['daten/schulen.csv', ';stadtbezirk;', ';bezirk;', ';stadtbezirk;'],
];

/** The plan's files as migrieren must leave them: each old name replaced, every other byte as it was. */
function migriert(vorher: Map<string, Buffer>): Map<string, string> {
  const erwartet = new Map([...vorher].map(([datei, bytes]) => [datei, bytes.toString('utf8')]));
  for (const [datei, , frueher, danach] of ALTE_NAMEN) erwartet.set(datei, erwartet.get(datei)!.replace(frueher, danach));
  return erwartet;
}

const alsText = (dateien: Map<string, Buffer>) => new Map([...dateien].map(([d, b]) => [d, b.toString('utf8')]));

/** A copy of the fixture with the old names in it. */
function alterPlan(): string {
  const root = copyFixture();
  kopien.push(root);
  for (const [datei, heute, frueher] of ALTE_NAMEN) edit(root, datei, heute, frueher);
  return root;
}

/** Every file of the plan and its bytes. */
function dateienVon(root: string): Map<string, Buffer> {
  const dir = join(root, 'content');
  return new Map(
    (readdirSync(dir, { recursive: true }) as string[]).filter((f) => statSync(join(dir, f)).isFile()).map((f) => [f, readFileSync(join(dir, f))]),
  );
}

/** The 1-based line of the first line of a file that contains `text`. */
function zeileVon(root: string, datei: string, text: string): number {
  const index = readFileSync(join(root, 'content', datei), 'utf8').split('\n').findIndex((z) => z.includes(text));
  if (index < 0) throw new Error(`Testfehler: „${text}“ nicht in ${datei}`);
  return index + 1;
}

const ort = (b: Befund) => `${b.file}:${b.line}`;

describe('planwerk pruefen nennt alte Feldnamen mit dem neuen Namen', () => {
  it('in YAML (mit Kommentar und in jedem Listeneintrag), im MDX-Kopf und in der CSV-Kopfzeile, mit Datei, Zeile und Feld', async () => {
    const root = alterPlan();
    const { fehler } = await pruefe(root, 'content', OHNE_BASIS, REG);
    const gefunden = fehler.map((b) => [ort(b), b.field, b.meldung]);
    expect(gefunden).toEqual(
      expect.arrayContaining([
        [`content/akteure.yaml:${zeileVon(root, 'akteure.yaml', 'kurzbezeichnung:')}`, 'kurzbezeichnung', expect.stringContaining('erwartet das Feld „kurzname“: „kurzbezeichnung“ heißt seit Planwerk 0.2.0 „kurzname“')],
        [`content/akteure.yaml:${zeileVon(root, 'akteure.yaml', '"an": it')}`, 'beziehungen.0.an', expect.stringContaining('„an“ heißt seit Planwerk 0.2.0 „ziel“')],
        [`content/akteure.yaml:${zeileVon(root, 'akteure.yaml', ' an: it')}`, 'beziehungen.0.an', expect.stringContaining('„an“ heißt seit Planwerk 0.2.0 „ziel“')],
        [`content/massnahmen/i-01.mdx:${zeileVon(root, 'massnahmen/i-01.mdx', 'zeitraum:')}`, 'zeitraum.ab', expect.stringContaining('„ab“ heißt seit Planwerk 0.2.0 „von“')],
        [`content/daten/schulen.csv:${zeileVon(root, 'daten/schulen.csv', ';bezirk;')}`, 'bezirk', expect.stringContaining('erwartet die Spalte „stadtbezirk“')],
      ]),
    );
    // Instead of the unknown field, not besides it, and no follow-up error for the missing new
    // field (`ziel`, `von` are required); the CSV column once, not once per school.
    expect(fehler, fehler.map((b) => `${ort(b)} ${b.meldung}`).join('\n')).toHaveLength(5);
    expect(fehler.every((b) => b.hinweis?.includes('`npm run migrieren` benennt'))).toBe(true);
    expect(fehler.find((b) => b.field === 'bezirk')?.hinweis).toContain('Gemeint ist der Stadtbezirk der Schule.');
  });

  it('ohne die Umbenennung bleibt es ein unbekanntes Feld', async () => {
    const root = alterPlan();
    const { fehler } = await pruefe(root, 'content', OHNE_BASIS, []);
    expect(fehler.find((b) => b.field === 'kurzbezeichnung')?.meldung).toContain('das unbekannte Feld „kurzbezeichnung“');
    expect(fehler.some((b) => b.meldung.includes('heißt seit Planwerk'))).toBe(false);
  });

  it('folgt einem Feld, das zweimal umbenannt wurde, bis zu seinem heutigen Namen', async () => {
    const root = copyFixture();
    kopien.push(root);
    edit(root, 'plan.yaml', 'kontakt: { name: Erika Beispiel, email:', 'kontakt: { name: Erika Beispiel, mail:');
    const { fehler } = await pruefe(root, 'content', OHNE_BASIS, REG);
    expect(fehler.map((b) => [b.field, b.meldung])).toEqual([['kontakt.mail', expect.stringContaining('„mail“ heißt seit Planwerk 0.3.0 „email“')]]);
  });

  it('nennt beide Felder, wenn der alte und der neue Name dastehen', async () => {
    const root = copyFixture();
    kopien.push(root);
    edit(root, 'akteure.yaml', 'kurzname: ITD', 'kurzname: ITD\n  kurzbezeichnung: IT');
    const { fehler } = await pruefe(root, 'content', OHNE_BASIS, REG);
    expect(fehler.map((b) => [b.field, b.meldung])).toEqual([['kurzbezeichnung', 'Eintrag „it“: erwartet nur das Feld „kurzname“: „kurzbezeichnung“ heißt seit Planwerk 0.2.0 „kurzname“; gefunden: beide, „kurzbezeichnung“ und „kurzname“']]);
  });
});

describe('planwerk migrieren', () => {
  it('benennt genau die alten Namen um, zeigt den Diff, und danach besteht der Plan die Prüfung', async () => {
    const root = alterPlan();
    const vorher = dateienVon(root);
    const ergebnis = await migriere(root, { inhalt: 'content', umbenennungen: REG });
    const nachher = dateienVon(root);
    // Each changed file is the old one with only the names undone, byte for byte.
    expect(alsText(nachher)).toEqual(migriert(vorher));
    expect(ergebnis.aenderungen.map((a) => a.datei).sort()).toEqual(['content/akteure.yaml', 'content/daten/schulen.csv', 'content/massnahmen/i-01.mdx']);
    const text = ausgabe(ergebnis);
    expect(text).toContain('--- a/content/akteure.yaml\n+++ b/content/akteure.yaml\n');
    expect(text).toContain('\n-  kurzbezeichnung: ITD # wie im Plan\n+  kurzname: ITD # wie im Plan\n');
    expect(text).toContain('\n-zeitraum: { ab: 2025, bis: 2026 }\n+zeitraum: { von: 2025, bis: 2026 }\n');
    expect(text).toMatch(/\n-id;name;schulform;bezirk;[^\n]*\n\+id;name;schulform;stadtbezirk;/);
    expect(text).toContain('Planwerk migrieren: 5 Felder in 3 Dateien umbenannt.');
    expect(text).toMatch(/Planwerk pruefen:\n[\s\S]*Keine Fehler/);
    expect(ergebnis.pruefung.fehler).toEqual([]);
    expect(exitCode(ergebnis)).toBe(0);
  });

  it('--pruefen ändert nichts, zeigt den Diff und endet mit 1; nach der Migration mit 0', async () => {
    const root = alterPlan();
    const vorher = dateienVon(root);
    const probe = await migriere(root, { inhalt: 'content', umbenennungen: REG, nurPruefen: true });
    expect(dateienVon(root)).toEqual(vorher);
    expect(exitCode(probe)).toBe(1);
    expect(ausgabe(probe)).toContain('+  kurzname: ITD # wie im Plan');
    expect(ausgabe(probe)).toContain('5 Felder in 3 Dateien würde umbenannt; nichts geändert');
    // pruefen at the end sees the plan as it is: with the old names.
    expect(probe.pruefung.fehler).toHaveLength(5);
    await migriere(root, { inhalt: 'content', umbenennungen: REG });
    const danach = await migriere(root, { inhalt: 'content', umbenennungen: REG, nurPruefen: true });
    expect(danach.aenderungen).toEqual([]);
    expect(exitCode(danach)).toBe(0);
    expect(ausgabe(danach)).toContain('Der Plan verwendet keine alten Feldnamen');
  });

  it('behält Zeilenenden CRLF und das BOM', async () => {
    const root = alterPlan();
    everyFile(root, (t) => `\uFEFF${t.replaceAll('\n', '\r\n')}`);
    const vorher = dateienVon(root);
    await migriere(root, { inhalt: 'content', umbenennungen: REG });
    expect(alsText(dateienVon(root))).toEqual(migriert(vorher));
  });

});

describe('planwerk migrieren schreibt nicht', () => {
  it('lässt beide stehen, wenn der neue Name schon dasteht, und sagt es', async () => {
    const root = copyFixture();
    kopien.push(root);
    edit(root, 'akteure.yaml', 'kurzname: ITD', 'kurzname: ITD\n  kurzbezeichnung: IT');
    const vorher = dateienVon(root);
    const ergebnis = await migriere(root, { inhalt: 'content', umbenennungen: REG });
    expect(dateienVon(root)).toEqual(vorher);
    expect(ergebnis.probleme.map((p) => [p.file, p.field, p.found])).toEqual([['content/akteure.yaml', 'kurzbezeichnung', 'beide, „kurzbezeichnung“ und „kurzname“: nicht umbenannt']]);
    expect(exitCode(ergebnis)).toBe(1);
  });

  it('schreibt nie durch einen symbolischen Link', async () => {
    const root = alterPlan();
    const draussen = mkdtempSync(join(tmpdir(), 'planwerk-draussen-'));
    kopien.push(draussen);
    const ziel = join(draussen, 'akteure.yaml');
    renameSync(join(root, 'content', 'akteure.yaml'), ziel);
    symlinkSync(ziel, join(root, 'content', 'akteure.yaml'));
    const inhalt = readFileSync(ziel);
    const ergebnis = await migriere(root, { inhalt: 'content', umbenennungen: REG });
    expect(readFileSync(ziel)).toEqual(inhalt);
    expect(ergebnis.aenderungen.map((a) => a.datei)).not.toContain('content/akteure.yaml');
    expect(ergebnis.pruefung.fehler.some((b) => b.file === 'content/akteure.yaml' && b.meldung.includes('symbolischen Link'))).toBe(true);
  });

  it('schreibt eine Datei nicht, die sich seit dem Lesen geändert hat', async () => {
    const { planeMigration, schreibeMigration } = await import('../../src/plan/migration.ts');
    const { planLocation } = await import('../../src/plan/sources.ts');
    const root = alterPlan();
    const loc = planLocation(join(root, 'content'), root);
    const plan = planeMigration(loc, REG);
    const datei = join(root, 'content', 'akteure.yaml');
    writeFileSync(datei, `${readFileSync(datei, 'utf8')}# dazwischen geändert\n`);
    const geaendert = readFileSync(datei);
    const probleme = schreibeMigration(loc, plan.aenderungen);
    expect(readFileSync(datei)).toEqual(geaendert);
    expect(probleme.map((p) => p.file)).toEqual(['content/akteure.yaml']);
  });
});

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
}

/** The field names a JSON Schema allows at `pfad` (`*`: list items or mapping values), through references and alternatives. */
function felderAm(schema: JsonSchema, pfad: readonly string[], wurzel: JsonSchema): Set<string> {
  const varianten = (s: JsonSchema): JsonSchema[] => {
    const ziel = s.$ref ? wurzel.$defs?.[s.$ref.replace('#/$defs/', '')] : undefined;
    return [s, ...(ziel ? varianten(ziel) : []), ...[...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])].flatMap(varianten)];
  };
  const alle = varianten(schema);
  if (pfad.length === 0) return new Set(alle.flatMap((s) => Object.keys(s.properties ?? {})));
  const [teil, ...rest] = pfad as [string, ...string[]];
  const weiter = alle.flatMap((s) => (teil === '*' ? [s.items, typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined] : [s.properties?.[teil]])).filter((s): s is JsonSchema => s !== undefined);
  return new Set(weiter.flatMap((s) => [...felderAm(s, rest, wurzel)]));
}

describe('Das Register der Umbenennungen', () => {
  const csv = (Object.keys(SOURCES) as CollectionName[]).filter((c) => SOURCES[c].kind === 'csv');

  it('ist in dieser Version in sich stimmig', () => {
    expect(registerFehler(UMBENENNUNGEN, csv)).toEqual([]);
    expect(registerFehler(TEST_UMBENENNUNGEN, csv)).toEqual([]);
  });

  it('führt jede Umbenennung auf ein Feld, das das Schema kennt, von einem Namen, den es nicht kennt', () => {
    const schemas = createSchemas(plainRef);
    for (const u of [...UMBENENNUNGEN, ...TEST_UMBENENNUNGEN]) {
      const json = z.toJSONSchema(schemas[u.sammlung] as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
      const felder = felderAm(json, u.pfad, json);
      const wo = `${u.sammlung}: ${[...u.pfad, u.alt].join('.')}`;
      expect(felder.has(heutigerName(u, [...UMBENENNUNGEN, ...TEST_UMBENENNUNGEN]).neu), `${wo}: neuer Name im Schema`).toBe(true);
      expect(felder.size, `${wo}: Pfad im Schema`).toBeGreaterThan(0);
      expect(felder.has(u.alt), `${wo}: alter Name ist kein Feld mehr`).toBe(false);
    }
  });

  it('findet Fehler im Register', () => {
    const falsch: Umbenennung[] = [
      { seit: '1.0', sammlung: 'akteure', pfad: [], alt: 'a', neu: 'b' },
      { seit: '0.2.0', sammlung: 'schulen', pfad: ['x'], alt: 'c', neu: 'd' },
      { seit: '0.2.0', sammlung: 'akteure', pfad: [], alt: 'e', neu: 'mit leerzeichen' },
      { seit: '0.2.0', sammlung: 'akteure', pfad: [], alt: 'a', neu: 'f' },
    ];
    expect(registerFehler(falsch, csv)).toEqual([
      'akteure: a → b: „seit“ ist keine Version x.y.z',
      'schulen: x.c → d: eine CSV-Spalte hat keinen Pfad',
      'akteure: e → mit leerzeichen: alter und neuer Name müssen einfache Feldnamen sein',
      'akteure: a → f: „a“ ist schon einmal umbenannt',
    ]);
  });
});

describe('Umschreiben einzelner Texte', () => {
  it('ändert in einer CSV-Datei nur die Zelle der Kopfzeile, auch in Anführungszeichen und nach Kommentarzeilen', () => {
    const text = '# Schulen der Stadt\r\n\r\nid; "bezirk" ;name\r\nbezirk;bezirk;"bezirk"\r\n';
    const { text: nachher, umbenannt } = csvUmschreiben(text, 'schulen', REG);
    expect(nachher).toBe('# Schulen der Stadt\r\n\r\nid; "stadtbezirk" ;name\r\nbezirk;bezirk;"bezirk"\r\n');
    expect(umbenannt).toEqual([{ feld: 'bezirk', zeile: 3, alt: 'bezirk', neu: 'stadtbezirk' }]);
  });

  it('ändert im MDX-Kopf nur den Namen und lässt den Text darunter, auch wo er den alten Namen enthält', () => {
    const text = '---\ntitel: T\nzeitraum:\n  ab: 2025 # Beginn\n---\nab: 2025 steht hier im Text.\n';
    expect(mdxUmschreiben(text, 'massnahmen', REG).text).toBe('---\ntitel: T\nzeitraum:\n  von: 2025 # Beginn\n---\nab: 2025 steht hier im Text.\n');
  });

  it('benennt von zwei alten Namen desselben Felds nur einen um und meldet den anderen', () => {
    const register: Umbenennung[] = [
      { seit: '0.2.0', sammlung: 'akteure', pfad: [], alt: 'kurz', neu: 'kurzname' },
      { seit: '0.2.0', sammlung: 'akteure', pfad: [], alt: 'kuerzel', neu: 'kurzname' },
    ];
    const { text, umbenannt, probleme } = yamlUmschreiben('- id: a\n  kurz: X\n  kuerzel: Y\n', 'akteure', true, register);
    expect(text).toBe('- id: a\n  kurzname: X\n  kuerzel: Y\n');
    expect(umbenannt.map((u) => u.alt)).toEqual(['kurz']);
    expect(probleme.map((p) => [p.line, p.field])).toEqual([[3, 'kuerzel']]);
  });

  it('lässt eine Datei, die YAML nicht lesen kann, für planwerk pruefen stehen', () => {
    for (const text of ['- id: a\n  kurzbezeichnung: *marke\n', '- id: a\n  kurzbezeichnung: "offen\n']) {
      expect(yamlUmschreiben(text, 'akteure', true, REG)).toEqual({ text, umbenannt: [], probleme: [] });
    }
  });
});
