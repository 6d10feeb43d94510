/**
 * A chapter's head (kapitel/*.mdx).
 */
import { z } from 'astro/zod';
import { zeitangabe } from '../datum.ts';
import { type RefFactory, idSchema, ankerIdSchema, abschnittsnummer, germanNumber, optionalText } from './grundtypen.ts';

export function kapitelSchema(ref: RefFactory) {
  return z.strictObject({
    /** A draft (`npm run neu`): checked, its open fields listed as hints, left out of the public site. */
    entwurf: z.boolean({ error: 'true oder false' }).optional(),
    id: idSchema.optional(),
    titel: z.string().min(1),
    kurztitel: optionalText,
    beschreibung: optionalText,
    reihenfolge: germanNumber({ integer: true }),
    /** The plan's own section number (4.2), shown before the title and cited by Maßnahmen. */
    nummer: abschnittsnummer.optional(),
    /** The Bildungsbereich a section is about (e.g. the Zielsetzungen for Kitas). */
    bildungsbereich: ref('bildungsbereiche').optional(),
    eltern: ref('kapitel').optional(),
    /** Former heading ids that must keep working: `{ alte-id: neue-id }` (see README, Anker). */
    alteAnker: z.record(ankerIdSchema, ankerIdSchema).default({}),
    /** Who keeps this page up to date, and when it is due for review. */
    pflege: z.strictObject({ zustaendig: z.string().min(1), naechstePruefung: zeitangabe }).optional(),
    /** A public note on what changed, shown on the page and on the Änderungen page. */
    aenderungshinweis: z.strictObject({ datum: zeitangabe, text: z.string().min(1) }).optional(),
  });
}
