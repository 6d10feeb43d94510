/**
 * Every address field of every schema, found from the schemas themselves (the fields
 * registered with `adresse()` in src/plan/schemas/), gets every hostile form: validation
 * refuses each with file and field path. A field added later is covered without anyone
 * remembering it; a URL field added with a plain `z.url()`, or a field named like an address
 * that bypasses the rule, fails this test.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { z as zod, type z } from 'astro/zod';
import { createSchemas, plainRef, type CollectionName } from '../../src/plan/schemas/index.ts';
import { adresse, ADRESSFELDER, type Adressart } from '../../src/plan/adressen.ts';
import { parseEntry } from '../../src/pruefung/validate.ts';
import { readCollection, planLocation, SOURCES } from '../../src/plan/sources.ts';
import { leseZelle } from '../../src/rechnen/erhebungen.ts';
import { generateSchemaFiles } from '../../src/cli/schemas.ts';
import { copyFixture, FIXTURE, messages } from '../helpers/fixture.ts';
import { FEINDLICH } from '../helpers/adressen.ts';

interface Adressfeld {
  collection: CollectionName;
  /** Path inside one entry; array items as 0. */
  pfad: (string | number)[];
  art: Adressart;
}

type Def = { type: string; format?: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; options?: z.ZodType[]; valueType?: z.ZodType; left?: z.ZodType; right?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Walks a zod schema; `besuche` sees every node with its path inside the entry. */
function walk(schema: z.ZodType, pfad: (string | number)[], besuche: (s: z.ZodType, pfad: (string | number)[]) => void, gesehen = new Set<z.ZodType>()) {
  besuche(schema, pfad);
  if (gesehen.has(schema) && defOf(schema).type === 'object') return;
  gesehen.add(schema);
  const d = defOf(schema);
  const weiter = (s: z.ZodType | undefined, p = pfad) => s && walk(s, p, besuche, gesehen);
  if (d.shape) for (const [k, v] of Object.entries(d.shape)) weiter(v, [...pfad, k]);
  weiter(d.element, [...pfad, 0]);
  weiter(d.innerType);
  weiter(d.in);
  weiter(d.out);
  // A record's value under a key its key schema takes (a page number of a Fassung, an anchor id).
  weiter(d.valueType, [...pfad, '1']);
  weiter(d.left);
  weiter(d.right);
  for (const o of d.options ?? []) weiter(o);
}

/** Paths of string fields that look like addresses (z.url(), or named …url, …link …) but do not go through the rule. */
function ohneRegel(schema: z.ZodType): string[] {
  const gefunden: string[] = [];
  walk(schema, [], (s, pfad) => {
    const d = defOf(s);
    if (d.type !== 'string' || ADRESSFELDER.has(s)) return;
    const feld = String(pfad.filter((p) => typeof p === 'string').at(-1) ?? '');
    if (d.format === 'url' || d.format === 'uri' || d.format === 'email' || /(url|link|website|repository|href|homepage|adresse|email|mail)$/i.test(feld)) gefunden.push(pfad.join('.'));
  });
  return [...new Set(gefunden)];
}

const SCHEMAS = createSchemas(plainRef);
const COLLECTIONS = Object.keys(SCHEMAS) as CollectionName[];

/** Every registered address field of every collection. */
function adressfelder(): Adressfeld[] {
  const felder = new Map<string, Adressfeld>();
  for (const collection of COLLECTIONS) {
    walk(SCHEMAS[collection] as z.ZodType, [], (s, pfad) => {
      const art = ADRESSFELDER.get(s)?.adresse;
      if (art) felder.set(`${collection}:${pfad.join('.')}`, { collection, pfad, art });
    });
  }
  return [...felder.values()];
}

const FELDER = adressfelder();
const name = (f: Adressfeld) => `${f.collection}: ${f.pfad.join('.')} (${f.art})`;

/** A valid address of each kind, to show the field is reached and a good value passes. */
const GUT: Record<Adressart, string> = {
  extern: 'https://www.stadt.example/seite',
  website: 'https://mep.teststadt.example/',
  link: '/kapitel/vorwort/',
  kontakt: 'mailto:a@stadt.example',
  email: 'a@stadt.example',
  bild: '/bilder/a.png',
  seite: '/kapitel/vorwort/',
  muster: 'https://git.stadt.example/edit/main/{pfad}',
  ausgabe: 'https://www.stadt.example/',
};

/** Sets `wert` at `pfad` in plain data, creating objects (and first array items) on the way. */
function setze(data: Record<string, unknown>, pfad: (string | number)[], wert: unknown): Record<string, unknown> {
  const kopie = structuredClone(data);
  let ort: Record<string | number, unknown> = kopie;
  pfad.forEach((teil, i) => {
    if (i === pfad.length - 1) {
      ort[teil] = wert;
      return;
    }
    if (ort[teil] === undefined || ort[teil] === null) ort[teil] = typeof pfad[i + 1] === 'number' ? [{}] : {};
    ort = ort[teil] as Record<string | number, unknown>;
  });
  return kopie;
}

const loc = planLocation(join(FIXTURE, 'content'), FIXTURE);
/** The first entry of a collection in the minimal fixture: a valid entry to break one field of. */
const ersterEintrag = (collection: CollectionName) => readCollection(loc, collection).entries[0];

describe('Adressfelder der Schemas', () => {
  it('findet die Adressfelder, die der Plan heute hat', () => {
    const namen = FELDER.map((f) => `${f.collection}:${f.pfad.join('.')}`);
    // A floor, not a copy of the list: the fields the issue names must be among them.
    for (const f of ['plan:website', 'plan:lizenz.url', 'plan:herausgeber.url', 'plan:quelltext.repository', 'plan:quelltext.bearbeiten', 'plan:datenschutz.aufsichtsbehoerde.url', 'plan:barrierefreiheit.schlichtungsstelle.url', 'plan:beschluss.url', 'massnahmen:beschluss.url', 'akteure:url', 'schulen:medienkonzept_url', 'foerderprogramme:url', 'meilensteine:link', 'plan:herausgeber.email', 'plan:datenschutz.datenschutzbeauftragter.email', 'plan:barrierefreiheit.kontakt.email', 'akteure:kontakt.email']) {
      expect(namen).toContain(f);
    }
  });

  it('hat kein Adressfeld ohne die Adressregel (kein z.url(), kein Feld mit Adressnamen als bloßer Text)', () => {
    expect(COLLECTIONS.flatMap((c) => ohneRegel(SCHEMAS[c] as z.ZodType).map((p) => `${c}:${p}`))).toEqual([]);
  });

  it('die Suche nach Feldern ohne Regel findet ein neues z.url() und ein Adressfeld als bloßen Text', () => {
    const neu = zod.strictObject({
      name: zod.string(),
      quelle: zod.strictObject({ url: zod.url().optional() }),
      links: zod.array(zod.strictObject({ homepage: zod.string() })),
      medienkonzept_url: zod.preprocess((v) => v, zod.string().optional()),
      kontakt: zod.strictObject({ email: zod.email() }),
      gut: adresse('extern').optional(),
    });
    expect(ohneRegel(neu)).toEqual(['quelle.url', 'links.0.homepage', 'medienkonzept_url', 'kontakt.email']);
  });

  it('die JSON-Schemas kennen kein „format: uri“ ohne die Adressregel und markieren jedes Adressfeld', () => {
    let markiert = 0;
    for (const [datei, text] of generateSchemaFiles()) {
      const visit = (node: unknown, pfad: string) => {
        if (!node || typeof node !== 'object') return;
        const o = node as Record<string, unknown>;
        if (o.format === 'uri' || o.format === 'iri' || o.format === 'uri-reference') throw new Error(`${datei} ${pfad}: format ${String(o.format)} ohne Adressregel`);
        if (typeof o['x-planwerk-adresse'] === 'string') {
          markiert++;
          expect(typeof o.pattern, `${datei} ${pfad}`).toBe('string');
        }
        for (const [k, v] of Object.entries(o)) visit(v, `${pfad}/${k}`);
      };
      visit(JSON.parse(text), '');
    }
    // schulen.csv has no JSON schema: every other address field is marked at least once.
    expect(markiert).toBeGreaterThanOrEqual(FELDER.filter((f) => SOURCES[f.collection].kind !== 'csv').length);
  });

  describe.each(FELDER.map((f) => [name(f), f] as const))('%s', (_, feld) => {
    const eintrag = ersterEintrag(feld.collection);

    it('hat einen Eintrag in der Testvorlage', () => {
      expect(eintrag, `tests/fixtures/minimal braucht einen Eintrag in ${feld.collection}`).toBeDefined();
    });

    it('nimmt eine gute Adresse an', () => {
      const { problems } = parseEntry({ ...eintrag!, data: setze(eintrag!.data, feld.pfad, GUT[feld.art]) });
      expect(problems.filter((p) => p.field === feld.pfad.join('.'))).toEqual([]);
    });

    it.each(FEINDLICH.filter(([w]) => w !== ''))('lehnt %j ab, mit Datei und Feld', (wert, trick) => {
      const { problems } = parseEntry({ ...eintrag!, data: setze(eintrag!.data, feld.pfad, wert) });
      const p = problems.find((q) => q.field === feld.pfad.join('.'));
      expect(p, JSON.stringify(problems)).toBeDefined();
      expect(p!.file).toBe(eintrag!.file);
      expect(p!.hinweis, 'ein Hinweis, wie man es behebt').toMatch(/\S/);
      // Where https is not what the field means at all, that is what the message says first (a path of this site: „eine fremde Adresse“).
      if (!((feld.art === 'link' || feld.art === 'email' || feld.art === 'seite') && trick === 'Zugangsdaten')) expect(p!.found).toContain(trick);
    });
  });
});

/** Writes `wert` into the copied plan's file at the field's place: YAML, MDX frontmatter or the first CSV row. */
function schreibeFeld(root: string, feld: Adressfeld, wert: string): string {
  const quelle = SOURCES[feld.collection];
  if (quelle.kind === 'csv') {
    const datei = join(root, 'content', quelle.file);
    const [kopf, erste, ...rest] = readFileSync(datei, 'utf8').split('\n');
    const spalten = kopf!.split(';');
    const zellen = erste!.split(';');
    while (zellen.length < spalten.length) zellen.push('');
    zellen[spalten.indexOf(String(feld.pfad[0]))] = wert;
    writeFileSync(datei, [kopf, zellen.join(';'), ...rest].join('\n'));
    return `content/${quelle.file}`;
  }
  if (quelle.kind === 'mdx') {
    const eintrag = readCollection(planLocation(join(root, 'content'), root), feld.collection).entries[0]!;
    const datei = join(root, eintrag.file);
    const text = readFileSync(datei, 'utf8');
    const ende = text.indexOf('\n---', 4);
    const doc = parseDocument(text.slice(4, ende));
    doc.setIn(feld.pfad, wert);
    writeFileSync(datei, `---\n${doc.toString()}${text.slice(ende + 1)}`);
    return eintrag.file;
  }
  if (quelle.kind !== 'yaml-single' && quelle.kind !== 'yaml-list') throw new Error(`unerwartete Quelle ${quelle.kind}`);
  const datei = join(root, 'content', quelle.file);
  const doc = parseDocument(readFileSync(datei, 'utf8'));
  doc.setIn(quelle.kind === 'yaml-list' ? [0, ...feld.pfad] : feld.pfad, wert);
  writeFileSync(datei, doc.toString());
  return `content/${quelle.file}`;
}

describe('pruefen nennt Datei und Feld (ganzer Plan je Adressfeld)', () => {
  it.each(FELDER.map((f) => [name(f), f] as const))('%s: javascript:', (_, feld) => {
    const root = copyFixture();
    const datei = schreibeFeld(root, feld, 'javascript:alert(1)');
    const liste = messages(root);
    const feldName = feld.pfad.join('.');
    const treffer = liste.find((m) => m.startsWith(datei) && m.includes(`Feld „${feldName}“`) && m.includes('javascript:-Link'));
    expect(treffer, liste.join('\n')).toBeDefined();
    // The line is the field's own line in the file (YAML, MDX head, CSV row).
    const zeile = Number(/^[^:,]+:(\d+)/.exec(treffer!)?.[1]);
    const text = readFileSync(join(root, datei), 'utf8').split('\n');
    expect(text[zeile - 1], treffer).toContain('javascript:alert(1)');
  });
});

describe('Adressen in den Tabellen der Erhebungen', () => {
  it('prüft medienkonzept_url einer Erhebung mit derselben Regel', () => {
    const r = leseZelle('medienkonzept_url', 'javascript:alert(1)', undefined, []);
    expect(r.fehler).toContain('https://');
    expect(r.gefunden).toContain('javascript:-Link');
    expect(leseZelle('medienkonzept_url', 'http://schule.example/konzept', undefined, []).gefunden).toContain('unverschlüsselte');
    expect(leseZelle('medienkonzept_url', 'https://schule.example/konzept', undefined, []).fehler).toBeUndefined();
  });
});
