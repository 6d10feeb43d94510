/**
 * The formats of cooperation (formate.yaml): Runde Tische, Arbeitstreffen, Sprechstunden, Fachtage.
 * A format needs only its name and what it is for (`ziel`); everything else is left out where the
 * plan does not say it, and the pages then show nothing in its place.
 */
import { z } from 'astro/zod';
import { type RefFactory, idSchema, optionalText, oneOf } from './grundtypen.ts';
import { FORMATARTEN, BINDUNGEN } from './vokabular.ts';

export function formateSchema(ref: RefFactory) {
  return z.strictObject({
    id: idSchema,
    name: z.string().min(1),
    /** What the format is and what it is for: the one description every format has. */
    ziel: z.string().min(1),
    art: oneOf(FORMATARTEN).optional(),
    ausrichtung: oneOf(['strategisch', 'operativ']).optional(),
    rhythmus: optionalText,
    bindung: oneOf(BINDUNGEN).optional(),
    organisator: ref('akteure').optional(),
    teilnehmende: z.array(ref('akteure')).default([]),
  });
}
