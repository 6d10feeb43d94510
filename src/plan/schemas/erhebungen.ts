/**
 * The survey rounds at the schools (daten/erhebungen.yaml) and their rows (daten/erhebungen/<runde>.csv).
 */
import { z } from 'astro/zod';
import { type RefFactory, idSchema, dateSchema, germanNumber, optionalText } from './grundtypen.ts';

/**
 * The survey rounds (daten/erhebungen.yaml) and what they ask beyond Planwerk's own fields:
 * the needs a school can name, the attitude questions to staff, which fields stay internal,
 * and the smallest group an aggregate may describe.
 */
export function erhebungenSchema(ref: RefFactory) {
  return z.strictObject({
    runden: z
      .array(
        z.strictObject({
          id: z.string({ error: 'eine ID aus Jahr und Monat in Anführungszeichen, z. B. "2024-03"' }).regex(/^\d{4}-\d{2}$/, { error: 'eine ID aus Jahr und Monat, z. B. "2024-03"' }),
          stichtag: dateSchema,
          titel: optionalText,
          methode: z.string().min(1),
          quelle: z.string().min(1),
          beschreibung: optionalText,
        }),
      )
      .min(1, { error: 'mindestens eine Erhebung' }),
    /** Fewest answers (schools, or staff for attitude questions) behind a published aggregate. */
    mindestgruppe: germanNumber({ integer: true }).pipe(z.number().int().min(2, { error: 'mindestens 2' })),
    /** Fields used for sums and groups but never published per school. */
    intern: z.array(z.string().min(1)).default([]),
    bedarfe: z
      .array(
        z.strictObject({
          id: idSchema,
          name: z.string().min(1),
          /** What kind of joint answer the need invites: training together or buying together. */
          art: z.enum(['fortbildung', 'beschaffung', 'betrieb'], { error: 'fortbildung, beschaffung oder betrieb' }),
          /** Maßnahmen of the plan that answer this need. */
          massnahmen: z.array(ref('massnahmen')).default([]),
        }),
      )
      .default([]),
    fragen: z.array(z.strictObject({ id: idSchema, text: z.string().min(1) })).default([]),
    /**
     * The schools' self-evaluation (Selbsteinschätzung): the grid of areas and levels the plan
     * defines. A round's CSV carries a school's level per area in the column `stufe_<bereich>`.
     */
    selbsteinschaetzung: z
      .strictObject({
        /** `schule`: each school's own levels are public; `nur-gesamt` (the default): only groups of at least `mindestgruppe` schools. */
        veroeffentlichen: z.enum(['schule', 'nur-gesamt'], { error: '„schule“ (jede Schule mit ihren Stufen) oder „nur-gesamt“ (nur Gruppen von Schulen)' }).default('nur-gesamt'),
        beschreibung: optionalText,
        /** The levels, lowest first. */
        stufen: z.array(z.strictObject({ id: idSchema, name: z.string().min(1), beschreibung: optionalText })).min(2, { error: 'mindestens zwei Stufen, die niedrigste zuerst' }),
        bereiche: z
          .array(
            z.strictObject({
              id: idSchema,
              name: z.string().min(1),
              beschreibung: optionalText,
              /** What a level means in this area: `{ einstieg: "…" }`; a level without its own text stands with the level's general description. */
              stufen: z.record(z.string(), z.string().min(1)).default({}),
            }),
          )
          .min(1, { error: 'mindestens einen Bereich' }),
      })
      .optional(),
    /** Which survey fields account for which Handlungsfeld on the council's account page. */
    handlungsfelder: z.array(z.strictObject({ handlungsfeld: ref('handlungsfelder'), felder: z.array(z.string().min(1)).min(1) })).default([]),
  });
}

/** One school's row in one round's CSV (daten/erhebungen/<runde>.csv); the fields are checked in src/rechnen/erhebungen.ts. */
export const erhebungswerteSchema = z.strictObject({
  tabelle: z.string(),
  kopf: z.literal('schule', { error: 'die erste Spalte „schule“ (die ID der Schule aus daten/schulen.csv)' }),
  zeile: z.string().min(1, { error: 'die ID einer Schule in der ersten Spalte' }),
  werte: z.record(z.string(), z.string()),
});
