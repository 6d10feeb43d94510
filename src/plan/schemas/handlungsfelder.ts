/**
 * A Handlungsfeld's head (handlungsfelder/*.mdx) with its goals.
 */
import { z } from 'astro/zod';
import GithubSlugger from 'github-slugger';
import { zeitangabe } from '../datum.ts';
import { type RefFactory, idSchema, ankerIdSchema, abschnittsnummer, germanNumber, optionalText, oneOf } from './grundtypen.ts';

function zielSchema(ref: RefFactory) {
  return z
    .strictObject({
      /**
       * The goal's anchor on its Handlungsfeld's page, and how Maßnahmen cite it. Left out, it comes
       * from `code` ("I-Z3" → "i-z3"), else from the goal's place in its Handlungsfeld (see zielIds).
       */
      id: idSchema.optional(),
      /** The goal's label in the plan ("Z1", "I-Z3"), where the plan has one: shown before its text. */
      code: optionalText,
      text: z.string().min(1),
      indikator: ref('indikatoren').optional(),
      /** Former ids of this goal, which keep resolving to it. */
      aliase: z.array(idSchema).default([]),
    })
    .transform(({ id, ...rest }) => ({ ...rest, id: id ?? (rest.code ? new GithubSlugger().slug(rest.code) : '') }));
}

export function handlungsfelderSchema(ref: RefFactory) {
  return z.strictObject({
    /** A draft (`npm run neu`): checked, its open fields listed as hints, left out of the public site. */
    entwurf: z.boolean({ error: 'true oder false' }).optional(),
    id: idSchema.optional(),
    titel: z.string().min(1),
    kurzbeschreibung: z.string().min(1),
    reihenfolge: germanNumber({ integer: true }),
    /** Code letter used in the Maßnahmen codes of this field (e.g. "I" for I-03), where codes follow the fields. */
    kuerzel: z.string().regex(/^[A-Z]{1,3}$/, { error: '1–3 Großbuchstaben' }).optional(),
    /** The field's number in the plan, where it has one. */
    nummer: abschnittsnummer.optional(),
    art: oneOf(['Handlungsfeld', 'Strategisches Thema']).default('Handlungsfeld'),
    ziele: z.array(zielSchema(ref)).default([]),
    verantwortlich: z.array(ref('akteure')).default([]),
    /** Former heading ids that must keep working: `{ alte-id: neue-id }` (see README, Anker). */
    alteAnker: z.record(ankerIdSchema, ankerIdSchema).default({}),
    /** Who keeps this page up to date, and when it is due for review. */
    pflege: z.strictObject({ zustaendig: z.string().min(1), naechstePruefung: zeitangabe }).optional(),
    /** A public note on what changed, shown on the page and on the Änderungen page. */
    aenderungshinweis: z.strictObject({ datum: zeitangabe, text: z.string().min(1) }).optional(),
  });
}
