/**
 * Milestones of the implementation (meilensteine.yaml).
 */
import { z } from 'astro/zod';
import { termin } from '../datum.ts';
import { adresse } from '../adressen.ts';
import { type RefFactory, idSchema } from './grundtypen.ts';

export function meilensteineSchema(ref: RefFactory) {
  return z.strictObject({
    id: idSchema,
    datum: termin,
    titel: z.string().min(1),
    text: z.string().min(1),
    /** A link for more: a page of this site (/massnahmen/s-07/) or a foreign https address. */
    link: adresse('link').optional(),
    massnahme: ref('massnahmen').optional(),
  });
}
