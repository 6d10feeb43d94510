/**
 * Zod schemas for every collection of a Planwerk plan, one file per concept in this folder,
 * combined here.
 *
 * The schemas are written once and used in two places:
 * - inside Astro (src/content.config.ts), where references between collections are
 *   Astro's `reference()`;
 * - outside Astro (validation, tests, later `npm run pruefen`), where a plain
 *   reference schema with the same output shape (`{ collection, id }`) is used and
 *   Planwerk checks that every referenced entry exists.
 *
 * Field names are the German words editors see in their files.
 */
import type { z } from 'astro/zod';
import type { CollectionName, RefFactory } from './grundtypen.ts';
import { planSchema } from './plan.ts';
import { kapitelSchema } from './kapitel.ts';
import { handlungsfelderSchema } from './handlungsfelder.ts';
import { massnahmenSchema } from './massnahmen.ts';
import { akteureSchema } from './akteure.ts';
import { formateSchema } from './formate.ts';
import { weiterleitungenSchema } from './weiterleitungen.ts';
import { fassungenSchema } from './fassungen.ts';
import { bildungsbereicheSchema, schulenSchema, schulformenSchema } from './schulen.ts';
import { erhebungenSchema, erhebungswerteSchema } from './erhebungen.ts';
import { datensaetzeSchema, finanzierungSchema, foerderprogrammeSchema, inventarSchema, laufendeKostenSchema, summenSchema } from './finanzen.ts';
import { indikatorenSchema } from './indikatoren.ts';
import { glossarSchema } from './glossar.ts';
import { meilensteineSchema } from './meilensteine.ts';
import { entscheidungenSchema } from './entscheidungen.ts';
import { finanzbereicheSchema, finanzwerteSchema } from './finanztabellen.ts';

export {
  type CollectionName,
  type Ref,
  type RefFactory,
  plainRef,
  idSchema,
  ANKER_ID_PATTERN,
  ankerIdSchema,
  abschnittsnummer,
  dateSchema,
  yearSchema,
  germanNumber,
  parseGermanNumber,
  toCents,
  euroSchema,
  count,
  percent,
  emptyToUndefined,
  WERTARTEN,
  planNummer,
} from './grundtypen.ts';
export {
  STATUS,
  type Status,
  PRIORITAETEN,
  EBENEN,
  type Ebene,
  BEZIEHUNGSTYPEN,
  FORMATARTEN,
  BINDUNGEN,
  SUPPORTLEVEL,
  ZUSTAENDIGKEITEN,
  KOSTENARTEN,
  FINANZIERUNGSARTEN,
  SUMMEN_TABELLEN,
  FOERDERSTATUS,
  VERGLEICHE,
  type Vergleich,
  CODEFORMEN,
  type Codeform,
  OHNE_CODES,
  TABELLENEINHEITEN,
  type Tabelleneinheit,
  SPALTENARTEN,
} from './vokabular.ts';

/** The schema of every collection, with references between them built by `ref`. */
export function createSchemas(ref: RefFactory) {
  return {
    plan: planSchema,
    kapitel: kapitelSchema(ref),
    handlungsfelder: handlungsfelderSchema(ref),
    massnahmen: massnahmenSchema(ref),
    akteure: akteureSchema(ref),
    schulformen: schulformenSchema,
    bildungsbereiche: bildungsbereicheSchema,
    schulen: schulenSchema(ref),
    datensaetze: datensaetzeSchema,
    inventar: inventarSchema,
    laufendeKosten: laufendeKostenSchema,
    finanzierung: finanzierungSchema(ref),
    summen: summenSchema,
    foerderprogramme: foerderprogrammeSchema,
    formate: formateSchema(ref),
    weiterleitungen: weiterleitungenSchema,
    fassungen: fassungenSchema,
    indikatoren: indikatorenSchema(ref),
    glossar: glossarSchema(ref),
    meilensteine: meilensteineSchema(ref),
    entscheidungen: entscheidungenSchema(ref),
    finanzbereiche: finanzbereicheSchema(ref),
    finanzwerte: finanzwerteSchema,
    erhebungen: erhebungenSchema(ref),
    erhebungswerte: erhebungswerteSchema,
  } satisfies Record<CollectionName, z.ZodType>;
}

export type Schemas = ReturnType<typeof createSchemas>;
/** Parsed data of one entry of a collection, as pages receive it. */
export type Data<C extends CollectionName> = z.output<Schemas[C]>;
