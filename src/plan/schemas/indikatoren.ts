/**
 * Indicators with their targets and readings (indikatoren.yaml).
 */
import { z } from 'astro/zod';
import { zeitangabe } from '../datum.ts';
import { type RefFactory, idSchema, yearSchema, germanNumber, optionalText, oneOf } from './grundtypen.ts';
import { VERGLEICHE } from './vokabular.ts';

export function indikatorenSchema(ref: RefFactory) {
  return z.strictObject({
    id: idSchema,
    titel: z.string().min(1),
    einheit: z.string().min(1),
    beschreibung: optionalText,
    /** A figure Planwerk computes from the data; the measured value of the current year then comes from there. */
    kennzahl: optionalText,
    /**
     * Targets as the plan states them: the value, how it is meant (`vergleich`: „mindestens 80 %“;
     * left out when the plan says nothing), for whom (all schools, one `schulform`, or a group of
     * `schulformen` under the plan's own name `gruppe`) and by when (`jahr`, where the plan gives one).
     */
    zielwerte: z
      .array(
        z
          .strictObject({
            wert: germanNumber(),
            vergleich: oneOf(VERGLEICHE).optional(),
            schulform: ref('schulformen').optional(),
            schulformen: z
              .array(ref('schulformen'), { error: 'eine Liste von Schulform-IDs aus schulformen.yaml, z. B. [gesamtschule, gymnasium]' })
              .min(2, { error: 'mindestens zwei Schulformen (für eine einzelne: schulform)' })
              .optional(),
            gruppe: optionalText,
            jahr: yearSchema.optional(),
          })
          .superRefine((ziel, ctx) => {
            if (ziel.schulform && ziel.schulformen) {
              ctx.addIssue({ code: 'custom', path: ['schulformen'], message: 'nur eines der Felder „schulform“ (eine Schulform) oder „schulformen“ (eine Gruppe)', input: ziel.schulformen.map((s) => s.id) });
            }
            if (ziel.gruppe && !ziel.schulformen) {
              ctx.addIssue({ code: 'custom', path: ['gruppe'], message: 'zur Gruppe auch die Schulformen, für die sie steht (schulformen: [id, id])', input: ziel.gruppe });
            }
            const doppelt = (ziel.schulformen ?? []).map((s) => s.id).find((id, i, alle) => alle.indexOf(id) !== i);
            if (doppelt) ctx.addIssue({ code: 'custom', path: ['schulformen'], message: 'jede Schulform nur einmal', input: doppelt });
          }),
      )
      .default([]),
    /** Readings, dated by year (`jahr: 2023`) or as precisely as the plan dates them (`stand: 2023-11`). */
    messwerte: z
      .array(
        z
          .strictObject({
            jahr: yearSchema.optional(),
            stand: zeitangabe.optional(),
            wert: germanNumber(),
            schulform: ref('schulformen').optional(),
            quelle: optionalText,
          })
          .superRefine((m, ctx) => {
            if ((m.jahr === undefined) === (m.stand === undefined)) {
              ctx.addIssue({
                code: 'custom',
                path: [m.jahr === undefined ? 'jahr' : 'stand'],
                message: m.jahr === undefined ? 'das Jahr der Messung (jahr: 2023) oder ihren Stand (stand: 2023-11)' : 'nur eines der Felder „jahr“ oder „stand“, nicht beide',
                input: m.stand,
              });
            }
          }),
      )
      .default([]),
  });
}
