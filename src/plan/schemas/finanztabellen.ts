/**
 * The plan's published finance tables: areas and tables (finanzen.yaml), rows (daten/finanzen/<id>.csv).
 */
import { z } from 'astro/zod';
import { zeitangabe } from '../datum.ts';
import { type RefFactory, idSchema, germanNumber, optionalText, emptyToUndefined, WERTARTEN, oneOf, planNummer } from './grundtypen.ts';
import { TABELLENEINHEITEN, type Tabelleneinheit, SPALTENARTEN } from './vokabular.ts';

/** A published table of a finance area: its columns are in the CSV daten/finanzen/<id>.csv. */
function finanztabelleSchema(ref: RefFactory) {
  return z.strictObject({
    id: idSchema,
    titel: z.string().min(1),
    /** The table's number in the published plan ("Tab. 7"), kept on the website, in print and in the PDF. */
    nummer: planNummer.optional(),
    /** The number of the plan's own figure of this table ("Abb. 3"), given to the chart Planwerk draws of it. */
    abbildung: planNummer.optional(),
    einheit: oneOf(Object.keys(TABELLENEINHEITEN) as [Tabelleneinheit, ...Tabelleneinheit[]]),
    /** Rounding step of the published figures, in the table's unit (0,1 for "4,3 Mio. €"); left out: exact figures. */
    genauigkeit: germanNumber().pipe(z.number().positive({ error: 'eine Rundungsstufe > 0, z. B. 0,1' })).optional(),
    quelle: z.string().min(1),
    stand: zeitangabe.optional(),
    wertart: oneOf(WERTARTEN).optional(),
    beschreibung: optionalText,
    spalten: z
      .array(
        z.strictObject({
          id: z.string().min(1),
          titel: z.string().min(1),
          art: oneOf(SPALTENARTEN),
          foerderprogramm: ref('foerderprogramme').optional(),
          /** For a `summe` column: the columns it adds up (default: all others that are not sums). */
          von: z.array(z.string().min(1)).optional(),
        }),
      )
      .min(1),
  });
}

/** A finance area (school IT, Kitas, adult education …) with its own published tables. */
export function finanzbereicheSchema(ref: RefFactory) {
  return z.strictObject({
    id: idSchema,
    titel: z.string().min(1),
    bildungsbereich: ref('bildungsbereiche').optional(),
    beschreibung: optionalText,
    tabellen: z.array(finanztabelleSchema(ref)).min(1, { error: 'mindestens eine Tabelle' }),
  });
}

/** One row of a published table as it stands in the CSV: the label, then the columns as written. */
export const finanzwerteSchema = z.strictObject({
  tabelle: idSchema,
  /** Header of the first column ("jahr" when the rows are years). */
  kopf: z.string(),
  zeile: z.string().min(1, { error: 'eine Beschriftung in der ersten Spalte' }),
  werte: z.record(z.string(), z.preprocess(emptyToUndefined, germanNumber().optional())),
});
