/**
 * The formats of cooperation (formate.yaml): Runde Tische, Arbeitstreffen, Sprechstunden.
 */
import { z } from 'astro/zod';
import { type RefFactory, idSchema, oneOf } from './grundtypen.ts';
import { FORMATARTEN, BINDUNGEN } from './vokabular.ts';

export function formateSchema(ref: RefFactory) {
  return z.strictObject({
    id: idSchema,
    name: z.string().min(1),
    art: oneOf(FORMATARTEN),
    ziel: z.string().min(1),
    ausrichtung: oneOf(['strategisch', 'operativ']),
    rhythmus: z.string().min(1),
    bindung: oneOf(BINDUNGEN),
    organisator: ref('akteure'),
    teilnehmende: z.array(ref('akteure')).min(1, { error: 'mindestens einen teilnehmenden Akteur' }),
  });
}
