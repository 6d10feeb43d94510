/**
 * The glossary (glossar.yaml).
 */
import { z } from 'astro/zod';
import { type RefFactory, idSchema, optionalText } from './grundtypen.ts';

export function glossarSchema(ref: RefFactory) {
  return z.strictObject({
    /** A draft (`npm run neu`): checked, its open fields listed as hints, left out of the public site. */
    entwurf: z.boolean({ error: 'true oder false' }).optional(),
    id: idSchema,
    begriff: z.string().min(1),
    abkuerzung: optionalText,
    definition: z.string().min(1),
    synonyme: z.array(z.string().min(1)).default([]),
    siehe: z.array(ref('glossar')).default([]),
  });
}
