/**
 * The figures behind the finance forecast: data sets, inventory, running costs, funding, stated sums
 * and funding programmes (daten/*.csv, foerderprogramme.yaml).
 */
import { z } from 'astro/zod';
import { zeitangabe } from '../datum.ts';
import { type RefFactory, idSchema, yearSchema, germanNumber, toCents, euroSchema, count, optionalText, emptyToUndefined, url, WERTARTEN, oneOf, beschlussSchema } from './grundtypen.ts';
import { KOSTENARTEN, FINANZIERUNGSARTEN, SUMMEN_TABELLEN, FOERDERSTATUS } from './vokabular.ts';

export const datensaetzeSchema = z.strictObject({
  id: idSchema,
  titel: z.string().min(1),
  stand: zeitangabe,
  quelle: z.string().min(1),
  wertart: oneOf(WERTARTEN),
  beschreibung: optionalText,
});

export const inventarSchema = z.strictObject({
  id: idSchema,
  produktgruppe: z.string().min(1),
  bezeichnung: z.string().min(1),
  anzahl: count,
  stueckpreis: euroSchema,
  nutzungsdauer: germanNumber({ integer: true }).pipe(z.number().int().min(1, { error: 'mindestens 1 Jahr' }).max(30)),
  beschaffungsjahr: yearSchema,
  ersatzjahr: z.preprocess(emptyToUndefined, yearSchema.optional()),
  wertart: oneOf(WERTARTEN),
  quelle: z.preprocess(emptyToUndefined, optionalText),
});

export const laufendeKostenSchema = z.strictObject({
  jahr: yearSchema,
  kostenart: oneOf(KOSTENARTEN),
  betrag: euroSchema,
  wertart: oneOf(WERTARTEN),
  quelle: z.preprocess(emptyToUndefined, optionalText),
});

export function finanzierungSchema(ref: RefFactory) {
  return z.strictObject({
    jahr: yearSchema,
    art: oneOf(FINANZIERUNGSARTEN),
    foerderprogramm: z.preprocess(emptyToUndefined, ref('foerderprogramme').optional()),
    betrag: euroSchema,
    wertart: oneOf(WERTARTEN),
    quelle: z.preprocess(emptyToUndefined, optionalText),
  });
}

/** Sums stated in council documents, checked against the computed ones. */
export const summenSchema = z.strictObject({
  tabelle: oneOf(SUMMEN_TABELLEN),
  jahr: yearSchema,
  angegeben: euroSchema,
  /** Precision of the stated figure, written in euros (1 = whole euros, 1000 = rounded to thousands), kept in cents. */
  genauigkeit: z.preprocess(emptyToUndefined, germanNumber().pipe(z.number().positive()).default(1).transform(toCents)),
  quelle: z.string().min(1),
});

export const foerderprogrammeSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  kurzname: optionalText,
  /** Everything but the name is optional: many plans name only the programme. */
  geber: optionalText,
  laufzeit: z.strictObject({ von: yearSchema, bis: yearSchema }).optional(),
  zuweisung: euroSchema.optional(),
  url: url.optional(),
  abruf: z
    .array(z.strictObject({ status: oneOf(FOERDERSTATUS), betrag: euroSchema, stand: zeitangabe }))
    .default([]),
  /** The council's decision on taking part in the programme (Vorlage, body, date), where the plan names it. */
  beschluss: beschlussSchema.optional(),
});
