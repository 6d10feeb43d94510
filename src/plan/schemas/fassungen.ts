/**
 * Earlier editions of the plan (fassungen.yaml).
 */
import { z } from 'astro/zod';
import { zeitangabe } from '../datum.ts';
import { idSchema, yearSchema, germanNumber, euroSchema, oneOf, medienpfad } from './grundtypen.ts';
import { STATUS, codeSchema } from './vokabular.ts';
import { adresse } from '../adressen.ts';

const SEITENZAHL = 'eine Seitenzahl aus Ziffern ohne führende Null, z. B. „34“';
/** A page number of a printed Fassung, as the reader cites it („S. 34“): digits, no leading zero. */
export const seitenzahl = z.string().regex(/^[1-9][0-9]*$/, { error: SEITENZAHL });

/** A summary of an earlier edition of the plan, to compute what changed since. */
export const fassungenSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  nummer: germanNumber({ integer: true }),
  beschlossen: zeitangabe,
  massnahmen: z
    .array(z.strictObject({ id: codeSchema, titel: z.string().min(1), status: oneOf(STATUS).optional() }))
    .default([]),
  finanzen: z.strictObject({ von: yearSchema, bis: yearSchema, bedarf: euroSchema, finanzierung: euroSchema }).optional(),
  /** The document the council adopted, as a PDF in the plan's media folder; published unchanged. */
  pdf: medienpfad.optional(),
  /**
   * Pages of this Fassung's printed document (its PDF) and where their content stands now:
   * page number → a path of this site with an optional anchor (`"34": /finanzen/#tab-4`).
   * Each page gets a redirect page /fassung/<jahr>/seite/<n>/ (src/ausgabe/fassungsseiten.ts).
   */
  seiten: z.record(seitenzahl, adresse('seite'), { error: (issue) => (issue.code === 'invalid_key' ? SEITENZAHL : undefined) }).optional(),
});
