/**
 * A Maßnahme's head (massnahmen/*.mdx): its code, Handlungsfeld, actors, time, status and costs.
 */
import { z } from 'astro/zod';
import { istSchuljahr, zeitangabe } from '../datum.ts';
import { type RefFactory, idSchema, ankerIdSchema, abschnittsnummer, yearSchema, germanNumber, euroSchema, optionalText, WERTARTEN, oneOf, beschlussSchema } from './grundtypen.ts';
import { STATUS, PRIORITAETEN, codeSchema } from './vokabular.ts';

const zeitpunkt = z.union(
  [yearSchema, z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), z.string().refine(istSchuljahr)],
  { error: 'ein Jahr (2026), einen Monat (2026-03) oder ein Schuljahr (2025/26)' },
);

const zeitraum = z.strictObject({ von: zeitpunkt, bis: zeitpunkt.optional() });

export function massnahmenSchema(ref: RefFactory) {
  return z
    .strictObject({
    /** The code (I-03, T1, 2.3.1); a plan without codes may leave it out, the file name then names the Maßnahme. */
    id: codeSchema.optional(),
    /** Place in the plan's catalogue, for plans whose Maßnahmen have no codes to sort by. */
    reihenfolge: germanNumber({ integer: true }).optional(),
    /** A draft (`npm run neu`): checked, its open fields listed as hints, left out of the public site. */
    entwurf: z.boolean({ error: 'true oder false' }).optional(),
    titel: z.string().min(1),
    /** The Handlungsfeld, or `handlungsfelder` for several (the first is where the measure is listed). */
    handlungsfeld: ref('handlungsfelder').optional(),
    handlungsfelder: z.array(ref('handlungsfelder')).min(1).optional(),
    /** Section numbers of the Zielsetzungen the measure serves (any level of the section tree, see src/plan/abschnitte.ts). */
    zielsetzungen: z.array(abschnittsnummer).default([]),
    /** Further sections of the plan the measure refers to, by number (any level: "3.2.1.4"). */
    abschnitte: z.array(abschnittsnummer).default([]),
    ziele: z.array(idSchema).default([]),
    bildungsbereich: ref('bildungsbereiche').optional(),
    /** Who leads; plans that name only possible partners leave it out. */
    verantwortlich: z.array(ref('akteure')).default([]),
    partner: z.array(ref('akteure')).default([]),
    /**
     * Schools the measure names (ids in daten/schulen.csv) and Schulformen whose schools it
     * concerns; both left out when the plan names none (the site never guesses from the text).
     */
    schulen: z.array(ref('schulen'), { error: 'eine Liste von Schul-IDs aus daten/schulen.csv, z. B. [gs-am-lindenhof]' }).default([]),
    schulformen: z.array(ref('schulformen'), { error: 'eine Liste von Schulform-IDs aus schulformen.yaml, z. B. [grundschule]' }).default([]),
    /**
     * Schools the measure is meant for by their self-evaluation (daten/erhebungen.yaml
     * `selbsteinschaetzung`): `[{ bereich: ausstattung, stufen: [einstieg] }]`.
     */
    fuerStufen: z.array(z.strictObject({ bereich: idSchema, stufen: z.array(idSchema).min(1, { error: 'mindestens eine Stufe' }) })).default([]),
    zeitraum: zeitraum.optional(),
    status: oneOf(STATUS).optional(),
    prioritaet: oneOf(PRIORITAETEN).optional(),
    kosten: z
      .strictObject({
        betrag: euroSchema,
        art: oneOf(['investiv', 'konsumtiv', 'gemischt']),
        hinweis: optionalText,
        wertart: oneOf(WERTARTEN).default('Plan'),
      })
      .optional(),
    beschluss: beschlussSchema.optional(),
    /** Status changes over time, oldest first; the current `status` is the last word. */
    statusverlauf: z.array(z.strictObject({ datum: zeitangabe, status: oneOf(STATUS), hinweis: optionalText })).default([]),
    /** Former codes of this Maßnahme: their pages redirect here and their anchors stay. */
    aliase: z.array(codeSchema).default([]),
    /** Former heading ids that must keep working: `{ alte-id: neue-id }` (see README, Anker). */
    alteAnker: z.record(ankerIdSchema, ankerIdSchema).default({}),
    /** Who keeps this page up to date, and when it is due for review. */
    pflege: z.strictObject({ zustaendig: z.string().min(1), naechstePruefung: zeitangabe }).optional(),
    /** A public note on what changed, shown on the page and on the Änderungen page. */
    aenderungshinweis: z.strictObject({ datum: zeitangabe, text: z.string().min(1) }).optional(),
  })
    .superRefine((m, ctx) => {
      if (!m.handlungsfeld === !m.handlungsfelder) {
        ctx.addIssue({
          code: 'custom',
          path: ['handlungsfeld'],
          message: m.handlungsfeld ? 'nur eines der Felder „handlungsfeld“ oder „handlungsfelder“' : 'ein Handlungsfeld (handlungsfeld: id) oder mehrere (handlungsfelder: [id, id])',
          input: undefined,
        });
      }
    })
    .transform(({ handlungsfeld, handlungsfelder, ...rest }) => {
      const alle = handlungsfelder ?? [handlungsfeld!];
      return { ...rest, handlungsfeld: alle[0]!, handlungsfelder: alle };
    });
}
