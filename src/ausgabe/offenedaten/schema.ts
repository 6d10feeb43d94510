/**
 * The published shape of a record, derived from the zod schemas: zod writes the JSON Schema of
 * the output side (what the model holds after validation), and this module fills in what zod
 * cannot express there and what is published differently from the model:
 * - a reference is published as the referenced id (a string), not as `{ collection, id }`;
 * - an amount of money is kept in cents in the model and published in euros (a number);
 * - a date is text as the plan wrote it: `JJJJ-MM-TT`, or also `JJJJ-MM` and `JJJJ` where a plan may
 *   date by month or year, and a quarter or school year for milestones (src/plan/datum.ts); a number
 *   the editor may write as German text is a number;
 * - fields left out of open data (src/ausgabe/offenedaten/index.ts, WEGGELASSEN) are removed.
 * From that JSON Schema the module derives a tree of fields (`Feld`), which says how a value of
 * the model becomes a published value and which CSV columns it fills. A node that would accept
 * anything fails the generation, so no published schema is looser than the data.
 */
import { z } from 'astro/zod';
import { createSchemas, dateSchema, euroSchema, plainRef, type CollectionName, type RefFactory } from '../../plan/schemas/index.ts';
import { MUSTER, termin, zeitangabe } from '../../plan/datum.ts';

export type Json = Record<string, unknown>;

/** What a single value is, for its CSV cell and its documentation. */
export type Werttyp = 'text' | 'ganzzahl' | 'zahl' | 'euro' | 'datum' | 'zeitangabe' | 'termin' | 'wahrheitswert' | 'adresse' | 'zeitpunkt' | 'verweis';

export type Feld =
  | { art: 'objekt'; felder: { name: string; feld: Feld }[] }
  | { art: 'liste'; element: Feld }
  | { art: 'wert'; typ: Werttyp; werte?: string[]; sammlung?: CollectionName };

export const DATUM_MUSTER = '^\\d{4}-\\d{2}-\\d{2}$';
const SCHULJAHR_MUSTER = '^\\d{4}/\\d{2}$';

/** Markers the override leaves for the steps after zod; removed before publishing. */
const ART = 'x-planwerk-art';
const SAMMLUNG = 'x-planwerk-sammlung';

/** Schemas whose output is an amount in cents (published in euros): the model's own and those of computed tables. */
const EURO = new WeakSet<object>([euroSchema]);
/** An amount of money in whole cents in a computed table (published in euros like the model's amounts). */
export const centBetrag = z.number().int().min(0);
EURO.add(centBetrag);

const refs = new WeakMap<object, CollectionName>();
const markierteRef: RefFactory = (collection) => {
  const schema = plainRef(collection);
  refs.set(schema, collection);
  return schema;
};

let sammlungsSchemas: ReturnType<typeof createSchemas> | undefined;
/** The zod schemas of the collections, with references that the override recognises. */
export function zodSchemas() {
  return (sammlungsSchemas ??= createSchemas(markierteRef));
}

interface Def {
  type: string;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
}
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const akzeptiert = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

function ersetze(json: Json, neu: Json) {
  for (const key of Object.keys(json)) delete json[key];
  Object.assign(json, neu);
}

/** germanNumber() itself: a number or German text, turned into a number by a transform zod cannot describe. */
function istDeutscheZahl(schema: z.ZodType): boolean {
  const def = defOf(schema);
  if (def.type !== 'pipe' || defOf(def.out).type !== 'transform') return false;
  const options = defOf(def.in).type === 'union' ? (defOf(def.in).options ?? []) : [];
  return options.length === 2 && defOf(options[0]).type === 'number' && defOf(options[1]).type === 'string';
}

function override({ zodSchema, jsonSchema }: { zodSchema: unknown; jsonSchema: unknown }) {
  const schema = zodSchema as z.ZodType;
  const json = jsonSchema as Json;
  const collection = refs.get(schema);
  if (collection) ersetze(json, { type: 'string', minLength: 1, [ART]: 'verweis', [SAMMLUNG]: collection });
  else if (EURO.has(schema)) ersetze(json, { type: 'number', minimum: 0, [ART]: 'euro' });
  else if (schema === dateSchema) ersetze(json, { type: 'string', pattern: DATUM_MUSTER, [ART]: 'datum' });
  else if (schema === zeitangabe) ersetze(json, { type: 'string', pattern: MUSTER.zeitangabe, [ART]: 'zeitangabe' });
  else if (schema === termin) ersetze(json, { type: 'string', pattern: MUSTER.termin, [ART]: 'termin' });
  else if (istDeutscheZahl(schema)) ersetze(json, { type: akzeptiert(schema, '1,5') ? 'number' : 'integer' });
  else if (defOf(schema).type === 'string' && akzeptiert(schema, '2025/26') && !akzeptiert(schema, '2025/27')) ersetze(json, { type: 'string', pattern: SCHULJAHR_MUSTER });
  else if (istObjektMitTransform(schema)) ersetze(json, ausgabeSchema(defOf(schema).in!));
}

/**
 * An object whose transform fills in what the plan left out (a goal's id from its label): zod
 * cannot describe the transform's output, so the object is published with the fields as written,
 * the filled-in ones among them.
 */
function istObjektMitTransform(schema: z.ZodType): boolean {
  const def = defOf(schema);
  return def.type === 'pipe' && defOf(def.out).type === 'transform' && defOf(def.in).type === 'object';
}

/** JSON Schema (draft-07) of the output side of a zod schema, with the markers above. */
export function ausgabeSchema(schema: z.ZodType): Json {
  const { $schema: _, ...json } = z.toJSONSchema(schema, { target: 'draft-07', io: 'output', unrepresentable: 'any', override }) as Json;
  // A fresh copy: zod may share one object between fields that use the same schema.
  return structuredClone(json);
}

/** Removes the properties at `pfade` ("pflege", "ziele.aliase"; lists are transparent) and every `default`. */
export function entferne(json: Json, pfade: readonly string[]): Json {
  const gehe = (node: Json, pfad: string) => {
    delete node.default;
    if (node.items && typeof node.items === 'object') gehe(node.items as Json, pfad);
    for (const key of ['anyOf', 'oneOf'] as const) for (const o of (node[key] as Json[] | undefined) ?? []) gehe(o, pfad);
    const properties = node.properties as Record<string, Json> | undefined;
    if (!properties) return;
    for (const name of Object.keys(properties)) {
      const p = pfad ? `${pfad}.${name}` : name;
      if (pfade.includes(p)) {
        delete properties[name];
        if (Array.isArray(node.required)) node.required = (node.required as string[]).filter((r) => r !== name);
      } else {
        gehe(properties[name]!, p);
      }
    }
  };
  gehe(json, '');
  return json;
}

/**
 * The tree of fields of a published record, from its JSON Schema (with markers). Fails on a node
 * that says nothing about its values.
 */
export function feldbaum(json: Json, pfad = ''): Feld {
  const art = json[ART] as string | undefined;
  if (art === 'euro' || art === 'datum' || art === 'zeitangabe' || art === 'termin' || art === 'verweis') return { art: 'wert', typ: art, sammlung: json[SAMMLUNG] as CollectionName | undefined };
  if (json.anyOf) return { art: 'wert', typ: 'zeitpunkt' };
  switch (json.type) {
    case 'object': {
      const properties = json.properties as Record<string, Json> | undefined;
      if (!properties || json.additionalProperties !== false) throw new Error(`Offene Daten: „${pfad}“ hat keine festen Felder.`);
      return { art: 'objekt', felder: Object.entries(properties).map(([name, feld]) => ({ name, feld: feldbaum(feld, pfad ? `${pfad}.${name}` : name) })) };
    }
    case 'array':
      return { art: 'liste', element: feldbaum(json.items as Json, pfad) };
    case 'integer':
      return { art: 'wert', typ: 'ganzzahl' };
    case 'number':
      return { art: 'wert', typ: 'zahl' };
    case 'boolean':
      return { art: 'wert', typ: 'wahrheitswert' };
    case 'string':
      return { art: 'wert', typ: json.format === 'uri' ? 'adresse' : 'text', werte: json.enum as string[] | undefined };
    default:
      throw new Error(`Offene Daten: das Schema von „${pfad || '(Datensatz)'}“ sagt nicht, welche Werte es annimmt (${JSON.stringify(json)}).`);
  }
}

/** The JSON Schema as published: markers out, descriptions in (by path; lists are transparent). */
export function veroeffentlichtesSchema(json: Json, beschreibung: (pfad: string) => string | undefined): Json {
  const kopie = structuredClone(json);
  const gehe = (node: Json, pfad: string) => {
    delete node[ART];
    delete node[SAMMLUNG];
    if (node.items && typeof node.items === 'object') gehe(node.items as Json, pfad);
    const properties = node.properties as Record<string, Json> | undefined;
    for (const [name, child] of Object.entries(properties ?? {})) {
      const p = pfad ? `${pfad}.${name}` : name;
      const text = beschreibung(p);
      gehe(child, p);
      if (text) properties![name] = { description: text, ...child };
    }
  };
  gehe(kopie, '');
  return kopie;
}

/** A value of the model as published under `feld`: references as their id, cents as euros. */
export function veroeffentlicheWert(feld: Feld, wert: unknown): unknown {
  if (wert === undefined || wert === null) return undefined;
  switch (feld.art) {
    case 'objekt': {
      const quelle = wert as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const f of feld.felder) {
        const v = veroeffentlicheWert(f.feld, quelle[f.name]);
        if (v !== undefined) out[f.name] = v;
      }
      return out;
    }
    case 'liste':
      return (wert as unknown[]).map((w) => veroeffentlicheWert(feld.element, w));
    case 'wert':
      if (feld.typ === 'euro') return (wert as number) / 100;
      if (feld.typ === 'verweis') return typeof wert === 'string' ? wert : (wert as { id: string }).id;
      return wert;
  }
}
