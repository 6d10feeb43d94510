/**
 * The plan's actors (akteure.yaml) and their relations.
 */
import { z } from 'astro/zod';
import { type RefFactory, idSchema, optionalText, url, email, oneOf } from './grundtypen.ts';
import { zeitangabe } from '../datum.ts';
import { BEZIEHUNGSTYPEN, BINDUNGEN, SUPPORTLEVEL, ZUSTAENDIGKEITEN } from './vokabular.ts';

/** A shared id: lower-case letters and digits, words joined by single hyphens (`kreismedienzentrum-lippe`). */
export const KENNUNG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const kennungSchema = z
  .string({ error: 'eine Kennung aus Kleinbuchstaben, Ziffern und „-“ (z. B. kreismedienzentrum-lippe)' })
  .regex(KENNUNG_PATTERN, { error: 'eine Kennung aus Kleinbuchstaben, Ziffern und einzelnen „-“ zwischen den Wörtern, ohne Leerzeichen und Umlaute (z. B. kreismedienzentrum-lippe)' });

export function akteureSchema(ref: RefFactory) {
  return z.strictObject({
    /** A draft (`npm run neu`): checked, its open fields listed as hints, left out of the public site. */
    entwurf: z.boolean({ error: 'true oder false' }).optional(),
    id: idSchema,
    name: z.string().min(1),
    kurzname: optionalText,
    /**
     * The actor's group: one of EBENEN, or of the plan's `akteursgruppen` (checked against
     * plan.yaml). Left out where the plan assigns the actor to no group.
     */
    ebene: z.string({ error: 'den Namen einer Akteursgruppe' }).min(1).optional(),
    beschreibung: optionalText,
    aufgaben: z.array(z.string().min(1)).default([]),
    zustaendigkeit: oneOf(ZUSTAENDIGKEITEN).optional(),
    supportlevel: z.array(oneOf(SUPPORTLEVEL)).default([]),
    url: url.optional(),
    kontakt: z.strictObject({ name: optionalText, email: email.optional(), telefon: optionalText }).optional(),
    /** Topics for which this actor is the contact (Ansprechpartner), e.g. "Störungen an Tablets". */
    themen: z.array(z.string().min(1)).default([]),
    /** Other names under which the same role exists elsewhere (e.g. Kreismedienzentrum). */
    auchBekanntAls: z.array(z.string().min(1)).default([]),
    /**
     * The shared id of this actor in the plans of a Kreis (e.g. kreismedienzentrum-lippe), so that a
     * portal over several plans (`planwerk portal`) knows it as the same actor. Lower-case letters,
     * digits and single hyphens, so that two plans cannot write the same id differently.
     */
    kennung: kennungSchema.optional(),
    /** Where the actor exists at all, if not everywhere (e.g. "nur in kreisfreien Städten"). */
    verbreitung: optionalText,
    /** A second level the actor belongs to: teachers work in their school but are employed by the Land. */
    doppelrolle: z.strictObject({ ebene: z.string().min(1), hinweis: z.string().min(1) }).optional(),
    /**
     * Relations to other actors. `datum` and `gegenstand` say when and about what, where the plan
     * names them (mostly for a Kooperationsvereinbarung: signed on …, about …).
     */
    beziehungen: z
      .array(
        z.strictObject({
          typ: oneOf(BEZIEHUNGSTYPEN),
          ziel: ref('akteure'),
          hinweis: optionalText,
          datum: zeitangabe.optional(),
          gegenstand: optionalText,
        }),
      )
      .default([]),
    /**
     * The actor is a body (Gremium). Plans often name a body with its description only: members,
     * cadence and binding force are each left out where the plan does not give them.
     */
    gremium: z
      .strictObject({
        mitglieder: z.array(ref('akteure')).default([]),
        turnus: optionalText,
        bindung: oneOf(BINDUNGEN).optional(),
        berichtetAn: ref('akteure').optional(),
      })
      .optional(),
  });
}
