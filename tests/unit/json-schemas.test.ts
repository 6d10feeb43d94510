/**
 * The JSON Schemas in schemas/ (npm run schemas) and their wiring into editors:
 * - the committed files are what src/cli/schemas.ts generates from src/plan/schemas/;
 * - they accept every YAML file and MDX head of the sample plans, and reject what the
 *   build rejects, checked against the zod schemas entry by entry (ajv);
 * - the YAML language server (the engine of redhat.vscode-yaml, run here in-process with
 *   the mapping from .vscode/settings.json) finds the schemas, marks a wrong value at its
 *   line, proposes values, shows the German descriptions and honours the modeline that
 *   docs/editoren.md describes.
 * ajv and yaml-language-server come with @astrojs/check (via @astrojs/language-server).
 */
import { createRequire } from 'node:module';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Ajv as AjvClass, ValidateFunction } from 'ajv';
import {
  GERMAN_INTEGER_PATTERN,
  GERMAN_NUMBER_PATTERN,
  SCHEMA_DIR,
  generateSchemaFiles,
  outdatedSchemaFiles,
  schemaTargets,
  yamlSchemaMapping,
  type SchemaTarget,
} from '../../src/cli/schemas.ts';
import { createSchemas, germanNumber, parseGermanNumber, plainRef, EBENEN } from '../../src/plan/schemas/index.ts';
import { SOURCES } from '../../src/plan/sources.ts';

const PROJECT = join(import.meta.dirname, '..', '..');
const PLANS = ['content', 'beispiele/grossstadt', 'tests/fixtures/minimal/content'];
const require = createRequire(import.meta.url);

const readJson = (path: string) => JSON.parse(readFileSync(join(PROJECT, path), 'utf8')) as Record<string, unknown>;
const schemaFile = (name: string) => readJson(`${SCHEMA_DIR}/${name}.schema.json`);
const target = (name: string): SchemaTarget => schemaTargets().find((t) => t.name === name)!;

/** Every file of a plan a schema applies to: YAML files whole, MDX files by their head. */
function planFiles(plan: string): { file: string; target: SchemaTarget; text: string; data: unknown }[] {
  const result = [];
  for (const t of schemaTargets()) {
    const source = SOURCES[t.collection];
    const files =
      source.kind === 'mdx'
        ? existsSync(join(PROJECT, plan, source.dir))
          ? readdirSync(join(PROJECT, plan, source.dir)).filter((f) => f.endsWith('.mdx')).map((f) => `${source.dir}/${f}`)
          : []
        : 'file' in source && existsSync(join(PROJECT, plan, source.file))
          ? [source.file]
          : [];
    for (const f of files) {
      const text = readFileSync(join(PROJECT, plan, f), 'utf8');
      const yamlText = t.form === 'mdx' ? /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '' : text;
      result.push({ file: `${plan}/${f}`, target: t, text, data: parse(yamlText) });
    }
  }
  return result;
}

describe('schemas/ ist aktuell', () => {
  it('die eingecheckten Dateien sind genau das, was „npm run schemas“ erzeugt', () => {
    const outdated = outdatedSchemaFiles(PROJECT);
    expect(outdated, `Nicht aktuell: ${outdated.join(', ')}. Nach einer Änderung an src/plan/schemas/ bitte „npm run schemas“ ausführen und die Dateien in schemas/ mit einchecken.`).toEqual([]);
  });

  it('erzeugt je YAML-Datei des Plans und je Art von MDX-Kopf ein Schema, sonst nichts', () => {
    expect([...generateSchemaFiles().keys()].sort()).toEqual(
      [
        'akteure', 'bildungsbereiche', 'datensaetze', 'entscheidungen', 'erhebungen', 'fassungen', 'finanzen', 'foerderprogramme', 'formate', 'glossar',
        'handlungsfeld', 'indikatoren', 'kapitel', 'massnahme', 'meilensteine', 'plan', 'schulformen', 'weiterleitungen',
      ].map((n) => `${n}.schema.json`),
    );
  });

  it('erzeugt bei jedem Lauf dieselben Bytes', () => {
    expect(generateSchemaFiles()).toEqual(generateSchemaFiles());
  });
});

describe('Aufbau der Schemas', () => {
  it('Listendateien sind Listen ihrer Einträge, plan.yaml und die MDX-Köpfe Objekte', () => {
    const akteure = schemaFile('akteure');
    expect(akteure.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(akteure.type).toBe('array');
    const item = akteure.items as Record<string, unknown>;
    expect(item.type).toBe('object');
    // An actor's group is optional: a plan may assign none.
    expect(item.required).toEqual(['id', 'name']);
    expect(item.additionalProperties).toBe(false);
    for (const name of ['plan', 'kapitel', 'handlungsfeld', 'massnahme']) expect(schemaFile(name).type, name).toBe('object');
    expect(schemaFile('finanzen').type).toBe('array');
  });

  it('beschreibt Zahlen als Zahl oder als Text mit dem Muster der deutschen Schreibweise', () => {
    const zuweisung = ((schemaFile('foerderprogramme').items as any).properties.zuweisung) as { anyOf: { type: string; pattern?: string; minimum?: number }[] };
    expect(zuweisung.anyOf).toEqual([
      { type: 'number', minimum: 0 },
      { type: 'string', pattern: GERMAN_NUMBER_PATTERN },
    ]);
    const jahr = (schemaFile('plan') as any).properties.planungszeitraum.properties.von;
    expect(jahr.anyOf).toEqual([
      { type: 'integer', minimum: 1990, maximum: 2100 },
      { type: 'string', pattern: GERMAN_INTEGER_PATTERN },
    ]);
  });

  it('beschreibt Verweise als IDs mit der Datei, aus der sie kommen, und Felder auf Deutsch', () => {
    const massnahme = schemaFile('massnahme') as any;
    expect(massnahme.properties.verantwortlich.items).toMatchObject({ type: 'string', description: 'ID aus akteure.yaml' });
    expect(massnahme.properties.handlungsfeld.description).toContain('ID aus handlungsfelder/');
    expect(massnahme.properties.status.enum).toEqual(['geplant', 'in Umsetzung', 'abgeschlossen', 'zurückgestellt']);
    expect(massnahme.properties.kosten.properties.betrag.description).toMatch(/^Betrag in Euro/);
    const ebene = (schemaFile('akteure').items as any).properties.ebene;
    expect(ebene.examples).toEqual([...EBENEN]);
  });
});

describe('deutsche Zahlen: das Muster im Schema entscheidet wie der Build', () => {
  const pattern = new RegExp(GERMAN_NUMBER_PATTERN);
  const integerPattern = new RegExp(GERMAN_INTEGER_PATTERN);
  const accepted = ['1.234,56', '1234,56', '1234', '0,1', '-12,5', '1.234.567', '1.000', '12'];
  const rejected = ['1.5', '1,234.56', '12.34', '1.2345', '1.23', '', 'abc', '1 234', '1.234,', ',5', '1e3', '+5', '1,5,5'];

  it.each(accepted)('„%s“ passt', (text) => {
    expect(pattern.test(text)).toBe(true);
    expect(parseGermanNumber(text)).toBeDefined();
  });

  it.each(rejected)('„%s“ passt nicht', (text) => {
    expect(pattern.test(text)).toBe(false);
    expect(parseGermanNumber(text)).toBeUndefined();
  });

  it.each([...accepted, ...rejected, '1.234,0', '5,00', '5,5', '2.030'])('ganze Zahl „%s“: Muster und Build stimmen überein', (text) => {
    expect(integerPattern.test(text)).toBe(germanNumber({ integer: true }).safeParse(text).success);
  });
});

// ---------------------------------------------------------------------------

const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validators = new Map<string, ValidateFunction>();
const validatorFor = (name: string) => {
  if (!validators.has(name)) validators.set(name, ajv.compile(schemaFile(name)));
  return validators.get(name)!;
};

describe('Die Beispielpläne passen zu den Schemas', () => {
  for (const plan of PLANS) {
    it(`${plan}: jede YAML-Datei und jeder MDX-Kopf`, () => {
      const files = planFiles(plan);
      expect(files.length).toBeGreaterThan(5);
      const failures = files.flatMap(({ file, target: t, data }) => {
        const validate = validatorFor(t.name);
        return validate(data) ? [] : [`${file}: ${ajv.errorsText(validate.errors)}`];
      });
      expect(failures).toEqual([]);
    });
  }
});

describe('Die Schemas lehnen ab, was der Build ablehnt', () => {
  const zod = createSchemas(plainRef);
  const akteur = { id: 'schulamt', name: 'Schulamt', ebene: 'Schulaufsicht' };
  const programm = { id: 'digitalpakt', name: 'DigitalPakt Schule' };
  const massnahme = { id: 'I-03', titel: 'WLAN', handlungsfeld: 'infrastruktur' };
  const datensatz = { id: 'schulen', titel: 'Schuldaten', stand: '2026-02-28', quelle: 'Schulstatistik', wertart: 'Ist' };
  const meilenstein = { id: 'start', datum: '2026-03-05', titel: 'Start', text: 'Der Plan beginnt.' };
  const indikator = { id: 'quote', titel: 'Ausstattungsquote', einheit: '%' };
  // [schema, entry, valid, where the JSON Schema reports the error]
  const cases: [string, Record<string, unknown>, boolean, string?][] = [
    ['akteure', akteur, true],
    ['akteure', { ...akteur, farbe: 'rot' }, false, '/0'],
    ['akteure', { id: 'schulamt', name: 'Schulamt' }, true],
    ['akteure', { id: 'schulamt', ebene: 'Schulaufsicht' }, false, '/0'],
    ['akteure', { ...akteur, ebene: '' }, false, '/0/ebene'],
    ['akteure', { ...akteur, id: 'Schul amt' }, false, '/0/id'],
    ['akteure', { ...akteur, id: 'schulträger' }, false, '/0/id'],
    ['akteure', { ...akteur, zustaendigkeit: 'sonstwas' }, false, '/0/zustaendigkeit'],
    ['akteure', { ...akteur, beziehungen: [{ typ: 'berät', ziel: 'schule' }] }, true],
    ['akteure', { ...akteur, beziehungen: [{ typ: 'hilft', ziel: 'schule' }] }, false, '/0/beziehungen/0/typ'],
    ['foerderprogramme', { ...programm, zuweisung: '1.234,56' }, true],
    ['foerderprogramme', { ...programm, zuweisung: 1234.56 }, true],
    ['foerderprogramme', { ...programm, zuweisung: '1.5' }, false, '/0/zuweisung'],
    ['foerderprogramme', { ...programm, zuweisung: '1,234.56' }, false, '/0/zuweisung'],
    ['foerderprogramme', { ...programm, zuweisung: -5 }, false, '/0/zuweisung'],
    ['foerderprogramme', { ...programm, laufzeit: { von: 2026, bis: '2.030' } }, true],
    ['foerderprogramme', { ...programm, laufzeit: { von: 1989, bis: 2030 } }, false, '/0/laufzeit/von'],
    ['foerderprogramme', { ...programm, laufzeit: { von: 2026.5, bis: 2030 } }, false, '/0/laufzeit/von'],
    ['foerderprogramme', { ...programm, laufzeit: { von: '2026,5', bis: 2030 } }, false, '/0/laufzeit/von'],
    ['foerderprogramme', { ...programm, abruf: [{ status: 'bewilligt', betrag: 1000, stand: '2026-11-23' }] }, true],
    ['foerderprogramme', { ...programm, abruf: [{ status: 'bewilligt', betrag: 1000, stand: '23.11.2026' }] }, false, '/0/abruf/0/stand'],
    ['massnahme', massnahme, true],
    ['massnahme', { id: 'I-03', titel: 'WLAN' }, false, ''],
    ['massnahme', { ...massnahme, handlungsfelder: ['infrastruktur', 'betrieb'] }, false, ''],
    ['massnahme', { id: 'I-03', titel: 'WLAN', handlungsfelder: ['infrastruktur', 'betrieb'] }, true],
    ['massnahme', { ...massnahme, zeitraum: { von: 2026, bis: '2026-03' } }, true],
    ['massnahme', { ...massnahme, zeitraum: { von: '2025/26' } }, true],
    ['massnahme', { ...massnahme, zeitraum: { von: '2026-13' } }, false, '/zeitraum/von'],
    ['massnahme', { ...massnahme, zeitraum: { von: '2025-26' } }, false, '/zeitraum/von'],
    ['massnahme', { ...massnahme, zielsetzungen: ['4.2', 4] }, true],
    ['massnahme', { ...massnahme, zielsetzungen: ['4.2a'] }, false, '/zielsetzungen/0'],
    ['massnahme', { ...massnahme, kosten: { betrag: '145.000', art: 'investiv' } }, true],
    ['massnahme', { ...massnahme, kosten: { betrag: 'viel', art: 'investiv' } }, false, '/kosten/betrag'],
    ['massnahme', { ...massnahme, status: 'erledigt' }, false, '/status'],
    ['massnahme', { ...massnahme, Titel: 'doppelt' }, false, ''],
    ['plan', { kommune: 'Stadt Musterstadt' }, false, ''],
    // Dates as precise as the plan: a day, a month or a year; milestones also a quarter or a Schuljahr.
    ['datensaetze', { ...datensatz, stand: '2026-02' }, true],
    ['datensaetze', { ...datensatz, stand: 2026 }, true],
    ['datensaetze', { ...datensatz, stand: '2026-02-28' }, true],
    ['datensaetze', { ...datensatz, stand: '2026-13' }, false, '/0/stand'],
    ['datensaetze', { ...datensatz, stand: '03/2026' }, false, '/0/stand'],
    ['datensaetze', { ...datensatz, stand: '2026-Q1' }, false, '/0/stand'],
    ['meilensteine', { ...meilenstein, datum: '2026-Q3' }, true],
    ['meilensteine', { ...meilenstein, datum: '2025/26' }, true],
    ['meilensteine', { ...meilenstein, datum: 2026 }, true],
    ['meilensteine', { ...meilenstein, datum: '2026-Q5' }, false, '/0/datum'],
    ['meilensteine', { ...meilenstein, datum: 'Q3 2026' }, false, '/0/datum'],
    ['foerderprogramme', { ...programm, abruf: [{ status: 'bewilligt', betrag: 1000, stand: '2026-11' }] }, true],
    // Targets as plans state them.
    ['indikatoren', { ...indikator, zielwerte: [{ wert: 80, vergleich: 'mindestens', schulformen: ['gesamtschule', 'gymnasium'], gruppe: 'weiterführende Schulen', jahr: 2030 }] }, true],
    ['indikatoren', { ...indikator, zielwerte: [{ wert: 30, vergleich: 'etwa' }] }, true],
    ['indikatoren', { ...indikator, zielwerte: [{ wert: 30, vergleich: 'ungefähr' }] }, false, '/0/zielwerte/0/vergleich'],
    ['indikatoren', { ...indikator, zielwerte: [{ wert: 30, schulformen: ['gymnasium'] }] }, false, '/0/zielwerte/0/schulformen'],
    ['indikatoren', { ...indikator, messwerte: [{ stand: '2025-11', wert: 68.3 }] }, true],
    ['indikatoren', { ...indikator, messwerte: [{ stand: '11/2025', wert: 68.3 }] }, false, '/0/messwerte/0/stand'],
  ];

  it.each(cases)('%s: %j → gültig: %s', (name, entry, valid, where) => {
    const t = target(name);
    const validate = validatorFor(name);
    const ok = validate(t.form === 'liste' ? [entry] : entry);
    expect(ok, ajv.errorsText(validate.errors)).toBe(valid);
    // The build's own schema says the same (references are only checked for existence later).
    expect((zod[t.collection] as { safeParse(v: unknown): { success: boolean } }).safeParse(entry).success).toBe(valid);
    if (!valid) expect(validate.errors!.map((e) => e.instancePath)).toContain(where);
  });
});

// ---------------------------------------------------------------------------
// The YAML language server, as VS Code runs it with .vscode/settings.json.

interface Diagnostic {
  range: { start: { line: number } };
  message: string;
}
interface YamlLanguageService {
  configure(settings: Record<string, unknown>): void;
  doValidation(document: unknown, isKubernetes: boolean): Promise<Diagnostic[]>;
  doComplete(document: unknown, position: { line: number; character: number }, isKubernetes: boolean): Promise<{ items: { label: string }[] }>;
  doHover(document: unknown, position: { line: number; character: number }): Promise<{ contents: { value: string } } | null>;
}

function yamlLanguageService(): YamlLanguageService {
  const { getLanguageService } = require('yaml-language-server/out/server/src/languageservice/yamlLanguageService.js');
  const { checkSchemaURI } = require('yaml-language-server/out/server/src/languageservice/utils/schemaUrls.js');
  const { URI } = require('vscode-uri');
  const telemetry = { send() {}, sendTrack() {}, sendError(name: string, error: unknown) { throw new Error(`${name}: ${String(error)}`); } };
  const service: YamlLanguageService = getLanguageService({
    schemaRequestService: async (uri: string) => readFileSync(new URL(uri), 'utf8'),
    workspaceContext: { resolveRelativePath: (relative: string, resource: string) => new URL(relative, resource).href },
    clientCapabilities: {},
    telemetry,
  });
  const settings = readJson('.vscode/settings.json')['yaml.schemas'] as Record<string, string | string[]>;
  service.configure({
    validate: true,
    completion: true,
    hover: true,
    schemas: Object.entries(settings).map(([uri, glob]) => ({
      // Resolved the way the server resolves a path from the settings: against the workspace folder.
      uri: checkSchemaURI([], URI.file(PROJECT), uri, telemetry),
      fileMatch: Array.isArray(glob) ? glob : [glob],
    })),
  });
  return service;
}

let version = 0;
function document(path: string, text: string) {
  const { TextDocument } = require('vscode-languageserver-textdocument');
  // The server caches parsed documents by URI and version: every document gets its own version.
  return TextDocument.create(pathToFileURL(join(PROJECT, path)).href, 'yaml', ++version, text);
}

describe('Editor: YAML-Sprachserver mit .vscode/settings.json', () => {
  const service = yamlLanguageService();

  it('settings.json ordnet jedes YAML-Schema seinen Dateien zu, in jedem Planordner', () => {
    expect(readJson('.vscode/settings.json')['yaml.schemas']).toEqual(yamlSchemaMapping());
    for (const path of Object.keys(yamlSchemaMapping())) expect(existsSync(join(PROJECT, path)), path).toBe(true);
    expect((readJson('.vscode/extensions.json').recommendations as string[])).toContain('redhat.vscode-yaml');
  });

  for (const plan of PLANS) {
    it(`${plan}: keine Markierung in den YAML-Dateien`, async () => {
      const files = planFiles(plan).filter((f) => f.target.form !== 'mdx');
      expect(files.length).toBeGreaterThan(3);
      for (const { file, text } of files) expect(await service.doValidation(document(file, text), false), file).toEqual([]);
    });
  }

  it('markiert einen falschen Wert in der richtigen Zeile, auch in einem neuen Planordner', async () => {
    const original = readFileSync(join(PROJECT, 'content/akteure.yaml'), 'utf8');
    const broken = original.replace('zustaendigkeit: pädagogisch\n', 'zustaendigkeit: sonstwas\n');
    expect(broken).not.toBe(original);
    const line = broken.split('\n').indexOf('  zustaendigkeit: sonstwas');
    for (const path of ['content/akteure.yaml', 'plaene/neustadt/akteure.yaml']) {
      const diagnostics = await service.doValidation(document(path, broken), false);
      expect(diagnostics.map((d) => d.range.start.line), path).toEqual([line]);
      expect(diagnostics[0]!.message).toContain('pädagogisch und technisch');
    }
  });

  it('schlägt die Ebenen vor und zeigt die deutsche Beschreibung eines Felds', async () => {
    const text = '- id: schulamt\n  name: Schulamt\n  ebene: \n';
    const completion = await service.doComplete(document('content/akteure.yaml', text), { line: 2, character: 9 }, false);
    expect(completion.items.map((i) => i.label)).toEqual(expect.arrayContaining(['Schulträger', 'Schulaufsicht']));
    const hover = await service.doHover(document('content/akteure.yaml', '- id: schulamt\n  name: Schulamt\n  ebene: Land\n'), { line: 2, character: 4 });
    expect(hover?.contents.value).toContain('Gruppe des Akteurs');
  });

  it('nimmt das Schema aus der Kopfzeile # yaml-language-server: $schema=…', async () => {
    // An actor without its name (the group may be left out, the name may not).
    const text = '# yaml-language-server: $schema=../schemas/akteure.schema.json\n- id: schulamt\n  ebene: Land\n';
    const diagnostics = await service.doValidation(document('content/entwurf-akteure.yaml', text), false);
    expect(diagnostics.map((d) => [d.range.start.line, d.message])).toEqual([[1, expect.stringContaining('name')]]);
  });
});
