/**
 * Schools, Schulformen and Bildungsbereiche (daten/schulen.csv, schulformen.yaml, bildungsbereiche.yaml).
 */
import { z } from 'astro/zod';
import { type RefFactory, idSchema, dateSchema, germanNumber, count, percent, optionalText, emptyToUndefined, url } from './grundtypen.ts';

export const schulformenSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  kurzname: optionalText,
  reihenfolge: germanNumber({ integer: true }),
});

export const bildungsbereicheSchema = z.strictObject({
  id: idSchema,
  code: z.string().regex(/^[A-Z]$/, { error: 'einen Großbuchstaben als Code' }),
  name: z.string().min(1),
  beschreibung: optionalText,
});

/**
 * A school's master data: who it is, its Schulform, and, where it was merged or closed, since
 * when it is gone and which school carries it on. Its figures come from the survey rounds
 * (daten/erhebungen/, src/rechnen/erhebungen.ts); a plan without rounds may give one set of figures
 * here, which then counts as its only round. An empty cell is a figure nobody asked for.
 */
export function schulenSchema(ref: RefFactory) {
  return z.strictObject({
    id: idSchema,
    name: z.string().min(1),
    schulform: ref('schulformen'),
    stadtbezirk: z.preprocess(emptyToUndefined, optionalText),
    /** First school day, for a school founded during the plan's lifetime. */
    seit: z.preprocess(emptyToUndefined, dateSchema.optional()),
    /** Last school day of a school that was closed or merged. */
    bis: z.preprocess(emptyToUndefined, dateSchema.optional()),
    /** The school that carries on a closed or merged one (its pupils, building or name). */
    nachfolger: z.preprocess(emptyToUndefined, ref('schulen').optional()),
    schuelerzahl: z.preprocess(emptyToUndefined, count.optional()),
    lehrkraefte: z.preprocess(emptyToUndefined, count.optional()),
    endgeraete_schueler: z.preprocess(emptyToUndefined, count.optional()),
    endgeraete_lehrkraefte: z.preprocess(emptyToUndefined, count.optional()),
    unterrichtsraeume: z.preprocess(emptyToUndefined, count.optional()),
    praesentationsmedien: z.preprocess(emptyToUndefined, count.optional()),
    wlan_abdeckung: z.preprocess(emptyToUndefined, percent.optional()),
    breitband_mbit: z.preprocess(emptyToUndefined, count.optional()),
    medienkonzept_stand: z.preprocess(emptyToUndefined, dateSchema.optional()),
    medienkonzept_url: z.preprocess(emptyToUndefined, url.optional()),
  });
}
