/**
 * The Schulträger's decisions (entscheidungen.yaml): a question, the options with their
 * consequences, and — where the plan records it — the option chosen, when, by which council
 * decision and why. A decision without `wahl` is open; nothing fills it in.
 */
import { z } from 'astro/zod';
import { zeitangabe } from '../datum.ts';
import { type RefFactory, idSchema, optionalText, url } from './grundtypen.ts';

/** One option: what it is and, where the plan says so, what it costs, needs in staff and binds to. */
const option = z.strictObject({
  id: idSchema,
  titel: z.string().min(1),
  beschreibung: optionalText,
  folgen: z.strictObject({ kosten: optionalText, personal: optionalText, abhaengigkeit: optionalText }).optional(),
});

export function entscheidungenSchema(ref: RefFactory) {
  return z
    .strictObject({
      /** A draft (`npm run neu -- entscheidung`): checked, its open fields listed as hints, left out of the public site. */
      entwurf: z.boolean({ error: 'true oder false' }).optional(),
      id: idSchema,
      /** The question as the plan puts it: „Wer betreibt das Schulnetz?“ */
      frage: z.string().min(1),
      optionen: z.array(option).min(2, { error: 'mindestens zwei Optionen (id und titel), zwischen denen zu entscheiden ist' }),
      /** The id of the chosen option; left out while the decision is open. */
      wahl: idSchema.optional(),
      /** When the choice was made. */
      datum: zeitangabe.optional(),
      beschluss: z
        .strictObject({ nummer: z.string().min(1), gremium: optionalText, datum: zeitangabe.optional(), url: url.optional() })
        .optional(),
      begruendung: optionalText,
      /** The Maßnahmen that carry out the choice. */
      massnahmen: z.array(ref('massnahmen')).default([]),
      handlungsfeld: ref('handlungsfelder').optional(),
    })
    .superRefine((e, ctx) => {
      const ids = e.optionen.map((o) => o.id);
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['optionen', i, 'id'], message: 'eine ID, die unter den Optionen dieser Entscheidung nur einmal vorkommt', input: id });
      });
      if (e.wahl !== undefined && !ids.includes(e.wahl)) {
        ctx.addIssue({ code: 'custom', path: ['wahl'], message: `die ID einer der Optionen dieser Entscheidung (${ids.map((id) => `„${id}“`).join(', ')})`, input: e.wahl });
      }
      if (e.wahl === undefined) {
        for (const feld of ['datum', 'beschluss', 'begruendung'] as const) {
          if (e[feld] !== undefined) ctx.addIssue({ code: 'custom', path: [feld], message: `„${feld}“ nur zusammen mit einer Wahl („wahl: <Options-ID>“); eine offene Entscheidung hat noch keine`, input: e[feld] });
        }
      }
    });
}
