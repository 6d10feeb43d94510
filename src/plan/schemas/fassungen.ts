/**
 * Earlier editions of the plan (fassungen.yaml).
 */
import { z } from 'astro/zod';
import { zeitangabe } from '../datum.ts';
import { idSchema, yearSchema, germanNumber, euroSchema, oneOf, medienpfad } from './grundtypen.ts';
import { STATUS, codeSchema } from './vokabular.ts';

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
});
