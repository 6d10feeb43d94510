/**
 * The building blocks every schema of a plan is made of: references between collections, ids and
 * anchors, section numbers, years, German numbers, amounts of money, addresses and the small
 * helpers the concept files share (src/plan/schemas/index.ts combines them).
 */
import { z } from 'astro/zod';
import { tagSchema, zeitangabe } from '../datum.ts';
import { PLAN_NUMMER } from '../mdx/nummern.ts';
import { adresse } from '../adressen.ts';

export type CollectionName =
  | 'plan'
  | 'kapitel'
  | 'handlungsfelder'
  | 'massnahmen'
  | 'akteure'
  | 'schulformen'
  | 'bildungsbereiche'
  | 'schulen'
  | 'datensaetze'
  | 'inventar'
  | 'laufendeKosten'
  | 'finanzierung'
  | 'summen'
  | 'foerderprogramme'
  | 'formate'
  | 'weiterleitungen'
  | 'fassungen'
  | 'indikatoren'
  | 'glossar'
  | 'meilensteine'
  | 'entscheidungen'
  | 'finanzbereiche'
  | 'finanzwerte'
  | 'erhebungen'
  | 'erhebungswerte';

/** Output shape of a reference, identical to Astro's `reference()`. */
export interface Ref<C extends string = string> {
  collection: C;
  id: string;
}

/** Something that builds a reference schema for a collection. */
export type RefFactory = (collection: CollectionName) => z.ZodType<Ref>;

/** The reference schema used outside Astro. */
export const plainRef: RefFactory = (collection) =>
  z
    .string({ error: `eine ID aus der Sammlung „${collection}“` })
    .min(1)
    .transform((id) => ({ collection, id }));

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** An id that appears in URLs and anchors: letters, digits, hyphen, underscore. */
export const idSchema = z
  .string({ error: 'eine ID (Buchstaben, Ziffern, Bindestrich)' })
  .regex(ID_PATTERN, { error: 'eine ID aus Buchstaben, Ziffern, „-“ und „_“ (ohne Leerzeichen und Umlaute)' });

/**
 * An anchor id as published: letters of any language (a published „ebene-schulträger“ must be
 * keepable), digits, hyphen, underscore. Same rule as explicit heading ids (src/plan/markdown/heading-ids.ts).
 */
export const ANKER_ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;
export const ankerIdSchema = z
  .string({ error: 'eine Anker-ID (Buchstaben, Ziffern, Bindestrich)' })
  .regex(ANKER_ID_PATTERN, { error: 'eine Anker-ID aus Buchstaben, Ziffern, „-“ und „_“, ohne Leerzeichen' });

/** A section number as the plan writes it: 4, 4.2, 4.5.2. */
export const abschnittsnummer = z
  .union([z.string(), z.number()], { error: 'eine Abschnittsnummer wie "4" oder "4.2"' })
  .transform((value, ctx) => {
    if (typeof value === 'number' && !Number.isInteger(value)) {
      ctx.addIssue({ code: 'custom', message: 'eine Abschnittsnummer in Anführungszeichen, z. B. "4.2" (ohne sie liest YAML 4.10 als 4.1)', input: value });
      return z.NEVER;
    }
    return String(value);
  })
  .pipe(z.string().regex(/^\d+(?:\.\d+)*$/, { error: 'eine Abschnittsnummer wie "4" oder "4.2" (Ziffern und Punkte)' }));

/** A calendar day (a Stichtag, a school's first or last day): see src/plan/datum.ts. */
export const dateSchema = tagSchema;

/** A year such as 2026. */
export const yearSchema = germanNumber({ integer: true }).pipe(
  z.number().int().min(1990, { error: 'ein Jahr ab 1990' }).max(2100, { error: 'ein Jahr bis 2100' }),
);

/**
 * A number in a data file. YAML gives real numbers; CSV gives text, which must be
 * written the German way: `1.234,56` (point only between groups of three digits,
 * comma before the decimals) or `1234,56` or `1234`. Anything else, in particular
 * an English `1.5` or `1,234.56`, is rejected rather than guessed.
 */
export function germanNumber(options: { integer?: boolean } = {}) {
  const what = options.integer ? 'eine ganze Zahl (z. B. 1.234)' : 'eine Zahl in deutscher Schreibweise (z. B. 1.234,56)';
  return z.union([z.number(), z.string()], { error: what }).transform((value, ctx) => {
    const parsed = typeof value === 'number' ? value : parseGermanNumber(value);
    if (parsed === undefined || !Number.isFinite(parsed) || (options.integer && !Number.isInteger(parsed))) {
      ctx.addIssue({ code: 'custom', message: what, input: value });
      return z.NEVER;
    }
    return parsed;
  });
}

const GERMAN_GROUPED = /^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const GERMAN_PLAIN = /^-?\d+(?:,\d+)?$/;

/** Parses `1.234,56` → 1234.56; returns undefined for anything ambiguous or malformed. */
export function parseGermanNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (GERMAN_GROUPED.test(trimmed) || GERMAN_PLAIN.test(trimmed)) {
    return Number(trimmed.replaceAll('.', '').replace(',', '.'));
  }
  return undefined;
}

/** Euros as written (1.234,56) to whole cents: every amount of money is kept in cents until it is formatted. */
export const toCents = (euro: number): number => Math.round(euro * 100);

/** An amount of money, written in euros with at most two decimals, kept in whole cents. */
export const euroSchema = germanNumber()
  .pipe(
    z.number().min(0, { error: 'einen Betrag ≥ 0' }).refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, {
      error: 'einen Betrag mit höchstens zwei Nachkommastellen',
    }),
  )
  .transform(toCents);

export const count = germanNumber({ integer: true }).pipe(z.number().int().min(0, { error: 'eine Anzahl ≥ 0' }));
export const percent = germanNumber().pipe(z.number().min(0).max(100, { error: 'einen Prozentwert von 0 bis 100' }));
/** A text that may be left out, but is not empty when given. */
export const optionalText = z.string().trim().min(1).optional();
/** Empty CSV cells count as "not given". */
export const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
/** A foreign address (https only): see src/plan/adressen.ts, which every address field goes through. */
export const url = adresse('extern');
/** An e-mail address of a contact, linked as mailto: on the pages: the same address rule. */
export const email = adresse('email');

/**
 * A council decision (Ratsbeschluss) on a Maßnahme or a Förderprogramm: the number of its
 * Vorlage, and where the plan gives them the body, the date and the address of the document.
 */
export const beschlussSchema = z.strictObject({
  nummer: z.string().min(1),
  gremium: optionalText,
  datum: zeitangabe.optional(),
  url: url.optional(),
});

/** Where a figure comes from, and whether it is a planned or an actual value. */
export const WERTARTEN = ['Plan', 'Ist'] as const;

/** One of a field's own values, with a German message that names them all. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `einer der Werte ${values.map((v) => `„${v}“`).join(', ')}` });
}

/**
 * The number a plan gives one of its tables or figures, as it prints it: "Tab. 7", "Tabelle 4.2",
 * "Abb. 3". Kept as written; Planwerk numbers only what the plan leaves unnumbered.
 */
export const planNummer = z
  .string({ error: 'die Nummer, wie der Plan sie druckt, z. B. „Tab. 7“ oder „Abb. 3“' })
  .trim()
  .regex(PLAN_NUMMER, { error: 'die Nummer, wie der Plan sie druckt: ein Wort und eine Nummer, z. B. „Tab. 7“, „Tabelle 4.2“ oder „Abb. 3“' });

/** A file in the plan's media folder, named from the content folder: `medien/dgs-einfuehrung.mp4`. */
export const medienpfad = z.string().regex(/^medien\/[^/].*$/, { error: 'einen Pfad im Medienordner des Plans, z. B. „medien/dgs-einfuehrung.mp4“' });

