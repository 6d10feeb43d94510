/**
 * Zod schemas for every collection of a Planwerk plan.
 *
 * The schemas are written once and used in two places:
 * - inside Astro (src/content.config.ts), where references between collections are
 *   Astro's `reference()`;
 * - outside Astro (validation, tests, later `npm run pruefen`), where a plain
 *   reference schema with the same output shape (`{ collection, id }`) is used and
 *   Planwerk checks that every referenced entry exists.
 *
 * Field names are the German words editors see in their files.
 */
import { z } from 'astro/zod';
import GithubSlugger from 'github-slugger';
import { istSchuljahr, tagSchema, termin, zeitangabe } from './datum.ts';
import { PLAN_NUMMER } from './mdx/nummern.ts';
import { adresse } from './adressen.ts';

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

// ---------------------------------------------------------------------------
// Scalars shared by all collections

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

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
const optionalText = z.string().trim().min(1).optional();
/** Empty CSV cells count as "not given". */
export const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
/** A foreign address (https only): see src/plan/adressen.ts, which every address field goes through. */
const url = adresse('extern');
/** An e-mail address of a contact, linked as mailto: on the pages: the same address rule. */
const email = adresse('email');

/** Where a figure comes from, and whether it is a planned or an actual value. */
export const WERTARTEN = ['Plan', 'Ist'] as const;

// ---------------------------------------------------------------------------
// Enumerations that are the field's own vocabulary

export const STATUS = ['geplant', 'in Umsetzung', 'abgeschlossen', 'zurückgestellt'] as const;
export type Status = (typeof STATUS)[number];
export const PRIORITAETEN = ['hoch', 'mittel', 'niedrig'] as const;
export const EBENEN = [
  'Land',
  'Schulaufsicht',
  'Schulträger',
  'kommunale Unterstützung',
  'schulintern',
  'Schule',
  'externe Dienstleister',
] as const;
/** Name of an actor group: one of EBENEN, or of the plan's own `akteursgruppen`. */
export type Ebene = string;
export const BEZIEHUNGSTYPEN = [
  'beaufsichtigt',
  'berät',
  'unterstützt',
  'beauftragt',
  'finanziert',
  'koordiniert',
  'berichtet an',
  'arbeitet zusammen mit',
] as const;
export const FORMATARTEN = ['Runder Tisch', 'Arbeitstreffen', 'Sprechstunde', 'Steuergruppe', 'Arbeitsgruppe', 'Konferenz'] as const;
export const BINDUNGEN = ['informell', 'öffentlich-rechtliche Vereinbarung', 'Zweckverband', 'Geschäftsordnung'] as const;
export const SUPPORTLEVEL = ['1st-Level', '2nd-Level', '3rd-Level'] as const;
export const ZUSTAENDIGKEITEN = ['pädagogisch', 'technisch', 'pädagogisch und technisch', 'organisatorisch'] as const;
export const KOSTENARTEN = ['Personal', 'Dienstleistungen', 'Lizenzen', 'Betrieb'] as const;
export const FINANZIERUNGSARTEN = ['Haushalt Investition', 'Haushalt Betrieb', 'Förderprogramm'] as const;
/** Tables whose yearly sums a council document may state (see summen.csv). */
export const SUMMEN_TABELLEN = ['Bedarf', 'Investitionen', 'Laufende Kosten', 'Finanzierung'] as const;
export const FOERDERSTATUS = ['beantragt', 'bewilligt', 'abgerufen', 'ausgezahlt'] as const;
/** How a plan states a target: „mindestens 80 %“, „höchstens 2 Tage“, „etwa 30 %“, „genau 100 %“. */
export const VERGLEICHE = ['mindestens', 'höchstens', 'etwa', 'genau'] as const;
export type Vergleich = (typeof VERGLEICHE)[number];

/**
 * The shapes a plan's Maßnahmen codes may take (plan.yaml `massnahmencodes.form`): letters,
 * dash and a padded number (S-07); letters and a number (T1, W43); dotted numbers (2.3.1).
 * Each pattern captures the letters (if any) as group 1.
 */
export const CODEFORMEN = {
  'S-07': { muster: /^([A-Z]{1,3})-(\d{1,3})$/, beispiel: 'S-07' },
  T1: { muster: /^([A-Z]{1,3})(\d{1,4})$/, beispiel: 'T1' },
  '2.3.1': { muster: /^()\d+(?:\.\d+)*$/, beispiel: '2.3.1' },
} as const;
export type Codeform = keyof typeof CODEFORMEN;
/** `keine`: the plan gives its Maßnahmen no codes; each is known by its file name (or `id`), which is never shown. */
export const OHNE_CODES = 'keine' as const;
/** Any code of any form: what the schema accepts before the plan's own form is checked. */
/** Also the file-name ids of a plan without codes (letters of any language, `_`), so Fassungen and aliases can name them. */
const CODE = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
const codeSchema = z.string().regex(CODE, { error: 'einen Maßnahmen-Code wie „S-07“, „T1“ oder „2.3.1“' });

/** Units of published finance tables (finanzen.yaml), and what one unit is in cents. */
export const TABELLENEINHEITEN = { '€': 100, 'Tsd. €': 100_000, 'Mio. €': 100_000_000, '%': undefined } as const;
export type Tabelleneinheit = keyof typeof TABELLENEINHEITEN;
export const SPALTENARTEN = ['bedarf', 'finanzierung', 'anteil', 'wert', 'summe'] as const;


function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
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
const medienpfad = z.string().regex(/^medien\/[^/].*$/, { error: 'einen Pfad im Medienordner des Plans, z. B. „medien/dgs-einfuehrung.mp4“' });

// ---------------------------------------------------------------------------

export function createSchemas(ref: RefFactory) {
  const plan = z.strictObject({
    kommune: z.string().min(1),
    /** The plan's title; a new plan (`npm run neu -- plan`) may not have one yet. */
    titel: optionalText,
    untertitel: optionalText,
    fassung: z.strictObject({ name: z.string().min(1), nummer: germanNumber({ integer: true }) }).optional(),
    planungszeitraum: z.strictObject({ von: yearSchema, bis: yearSchema }).optional(),
    /** Years of the finance forecast; required as soon as the plan has finance data (see validate.ts). */
    planungshorizont: z.strictObject({ von: yearSchema, bis: yearSchema }).optional(),
    /** The shape of the plan's Maßnahmen codes, and what a code's letters stand for. */
    massnahmencodes: z
      .strictObject({
        form: z
          .enum([OHNE_CODES, ...(Object.keys(CODEFORMEN) as Codeform[])], {
            error: `eine der Formen ${Object.keys(CODEFORMEN).map((f) => `„${f}“`).join(', ')} oder „${OHNE_CODES}“ (der Plan gibt seinen Maßnahmen keine Codes)`,
          })
          .default('S-07'),
        buchstabe: oneOf(['handlungsfeld', 'bildungsbereich', 'nichts']).default('handlungsfeld'),
      })
      .prefault({}),
    /**
     * The plan's own groups of actors (the bands of its Akteurslandkarte); default: EBENEN.
     * Relations between groups of different `stufe` count as vertical, within one as horizontal.
     * No actor needs a group (`ebene` is optional).
     */
    akteursgruppen: z
      .array(z.strictObject({ name: z.string().min(1), stufe: optionalText, beschreibung: optionalText }))
      .min(1)
      .optional(),
    /** Assumptions of the finance forecast (see src/rechnen/prognose.ts). */
    finanzplanung: z
      .strictObject({
        /** Yearly price change in percent (e.g. 2,5), compounded from the Preisbasisjahr. */
        preisaenderung: germanNumber().default(0),
        /** Year of the unit prices in the inventory; default: first year of the horizon. */
        preisbasisjahr: yearSchema.optional(),
        /** A year counts as a peak year when its need exceeds the mean by more than this many percent. */
        spitzenjahrSchwelle: germanNumber().pipe(z.number().min(0)).default(20),
        /**
         * May funds a year does not need cover a later year's shortfall? Only the plan can say
         * (Haushaltsrecht, Übertragbarkeit); left out, each year stands alone and the site says
         * that the plan does not settle it.
         */
        uebertrag: z.boolean().optional(),
      })
      .prefault({}),
    beschluss: z
      .strictObject({ datum: zeitangabe, gremium: z.string().min(1), vorlage: optionalText, url: url.optional() })
      .optional(),
    stand: zeitangabe,
    /** Address of the published site: canonical links, sitemap and Open Graph tags. */
    website: adresse('website').optional(),
    herausgeber: z.strictObject({
      name: z.string().min(1),
      dienststelle: optionalText,
      anschrift: z.array(z.string().min(1)).min(1),
      telefon: optionalText,
      email,
      url: url.optional(),
    }).optional(),
    kontakt: z.strictObject({ name: z.string().min(1), funktion: optionalText, telefon: optionalText, email }).optional(),
    lizenz: z.strictObject({ name: z.string().min(1), url: url.optional() }).optional(),
    quelltext: z.strictObject({
      repository: url,
      /** Edit link pattern; `{pfad}` is replaced by the file's path in the repository. */
      bearbeiten: adresse('muster'),
      /** Link pattern for a file's change history; `{pfad}` as above. */
      verlauf: adresse('muster').optional(),
      /** Link pattern for a folder (pages built from many files); `{pfad}` as above. */
      ordner: adresse('muster').optional(),
    }).optional(),
    impressum: z.strictObject({
      verantwortlich: z.string().min(1),
      vertretung: optionalText,
      umsatzsteuerId: optionalText,
      hinweise: z.array(z.string()).default([]),
    }).optional(),
    datenschutz: z.strictObject({
      verantwortlicher: z.string().min(1),
      datenschutzbeauftragter: z.strictObject({ name: z.string().min(1), email, anschrift: optionalText }),
      hosting: z.string().min(1),
      aufsichtsbehoerde: z.strictObject({ name: z.string().min(1), url }),
    }).optional(),
    /** A short summary in Leichte Sprache for the start page: short sentences, one thought each. */
    leichteSprache: z
      .strictObject({ text: z.array(z.string().min(1)).min(1), navigation: z.array(z.string().min(1)).default([]) })
      .optional(),
    /**
     * An explanation of the plan in Deutscher Gebärdensprache for the start page (BITV 2.0 § 4):
     * files in the plan's `medien/` folder, published from the site's own address and played by
     * the browser's own player (src/plan/medien.ts).
     */
    gebaerdensprache: z
      .strictObject({
        video: medienpfad,
        /** Captions (WebVTT): the signed explanation as German text, for everyone who does not sign. */
        untertitel: medienpfad,
        vorschaubild: medienpfad.optional(),
        /** What the video explains, as its heading; default: "Der Plan in Deutscher Gebärdensprache". */
        titel: optionalText,
        /** Length of the video, e.g. "4:30" (minutes:seconds). */
        dauer: z.string().regex(/^\d{1,2}:[0-5]\d$/, { error: 'eine Dauer wie „4:30“ (Minuten:Sekunden)' }).optional(),
      })
      .optional(),
    /**
     * Limits for the plan's `medien/` folder (src/plan/medien.ts), in MB of 1.048.576 bytes as the
     * Windows Explorer counts: per file (default 200, at most 2.000: the build reads a file whole) and
     * for the whole folder (default 1.000).
     */
    medien: z
      .strictObject({
        maxDateiMB: germanNumber({ integer: true }).pipe(z.number().int().min(1, { error: 'eine ganze Zahl ab 1 (Megabyte je Datei)' }).max(2000, { error: 'höchstens 2.000 (größere Dateien kann der Build nicht veröffentlichen)' })).optional(),
        maxGesamtMB: germanNumber({ integer: true }).pipe(z.number().int().min(1, { error: 'eine ganze Zahl ab 1 (Megabyte für den ganzen Ordner)' })).optional(),
      })
      .optional(),
    barrierefreiheit: z.strictObject({
      stand: zeitangabe,
      status: oneOf(['vollständig vereinbar', 'teilweise vereinbar', 'nicht vereinbar']),
      pruefmethode: z.string().min(1),
      nichtBarrierefrei: z.array(z.strictObject({ was: z.string().min(1), warum: z.string().min(1) })).default([]),
      kontakt: z.strictObject({ name: z.string().min(1), email, telefon: optionalText }),
      schlichtungsstelle: z.strictObject({ name: z.string().min(1), url, anschrift: optionalText }),
    }).optional(),
  });

  const kapitel = z.strictObject({
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

  const ziel = z
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

  const handlungsfelder = z.strictObject({
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
    ziele: z.array(ziel).default([]),
    verantwortlich: z.array(ref('akteure')).default([]),
    /** Former heading ids that must keep working: `{ alte-id: neue-id }` (see README, Anker). */
    alteAnker: z.record(ankerIdSchema, ankerIdSchema).default({}),
    /** Who keeps this page up to date, and when it is due for review. */
    pflege: z.strictObject({ zustaendig: z.string().min(1), naechstePruefung: zeitangabe }).optional(),
    /** A public note on what changed, shown on the page and on the Änderungen page. */
    aenderungshinweis: z.strictObject({ datum: zeitangabe, text: z.string().min(1) }).optional(),
  });

  const zeitpunkt = z.union(
    [yearSchema, z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/), z.string().refine(istSchuljahr)],
    { error: 'ein Jahr (2026), einen Monat (2026-03) oder ein Schuljahr (2025/26)' },
  );
  const zeitraum = z.strictObject({ von: zeitpunkt, bis: zeitpunkt.optional() });

  const massnahmen = z
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
    beschluss: z
      .strictObject({ nummer: z.string().min(1), gremium: optionalText, datum: zeitangabe.optional(), url: url.optional() })
      .optional(),
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

  const akteure = z.strictObject({
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
    /** Where the actor exists at all, if not everywhere (e.g. "nur in kreisfreien Städten"). */
    verbreitung: optionalText,
    /** A second level the actor belongs to: teachers work in their school but are employed by the Land. */
    doppelrolle: z.strictObject({ ebene: z.string().min(1), hinweis: z.string().min(1) }).optional(),
    beziehungen: z
      .array(z.strictObject({ typ: oneOf(BEZIEHUNGSTYPEN), ziel: ref('akteure'), hinweis: optionalText }))
      .default([]),
    gremium: z
      .strictObject({
        mitglieder: z.array(ref('akteure')).default([]),
        turnus: z.string().min(1),
        berichtetAn: ref('akteure').optional(),
      })
      .optional(),
  });

  const formate = z.strictObject({
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

  const sitePath = z.string().regex(/^\/([A-Za-z0-9_-]+\/)*$/, { error: 'einen Pfad der Website wie /kapitel/vorwort/ (mit / am Anfang und Ende)' });
  const weiterleitungen = z.strictObject({ von: sitePath, nach: sitePath, hinweis: optionalText });

  /** A summary of an earlier edition of the plan, to compute what changed since. */
  const fassungen = z.strictObject({
    id: idSchema,
    name: z.string().min(1),
    nummer: germanNumber({ integer: true }),
    beschlossen: zeitangabe,
    massnahmen: z
      .array(z.strictObject({ id: codeSchema, titel: z.string().min(1), status: oneOf(STATUS).optional() }))
      .default([]),
    finanzen: z.strictObject({ von: yearSchema, bis: yearSchema, bedarf: euroSchema, finanzierung: euroSchema }).optional(),
    /** The document the council adopted, as a PDF in the plan's media folder; published unchanged. */
    pdf: medienpfad.optional(),
  });

  const schulformen = z.strictObject({
    id: idSchema,
    name: z.string().min(1),
    kurzname: optionalText,
    reihenfolge: germanNumber({ integer: true }),
  });

  const bildungsbereiche = z.strictObject({
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
  const schulen = z.strictObject({
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

  /**
   * The survey rounds (daten/erhebungen.yaml) and what they ask beyond Planwerk's own fields:
   * the needs a school can name, the attitude questions to staff, which fields stay internal,
   * and the smallest group an aggregate may describe.
   */
  const erhebungen = z.strictObject({
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
    /** Which survey fields account for which Handlungsfeld on the council's account page. */
    handlungsfelder: z.array(z.strictObject({ handlungsfeld: ref('handlungsfelder'), felder: z.array(z.string().min(1)).min(1) })).default([]),
  });

  /** One school's row in one round's CSV (daten/erhebungen/<runde>.csv); the fields are checked in src/rechnen/erhebungen.ts. */
  const erhebungswerte = z.strictObject({
    tabelle: z.string(),
    kopf: z.literal('schule', { error: 'die erste Spalte „schule“ (die ID der Schule aus daten/schulen.csv)' }),
    zeile: z.string().min(1, { error: 'die ID einer Schule in der ersten Spalte' }),
    werte: z.record(z.string(), z.string()),
  });

  const datensaetze = z.strictObject({
    id: idSchema,
    titel: z.string().min(1),
    stand: zeitangabe,
    quelle: z.string().min(1),
    wertart: oneOf(WERTARTEN),
    beschreibung: optionalText,
  });

  const inventar = z.strictObject({
    id: idSchema,
    produktgruppe: z.string().min(1),
    bezeichnung: z.string().min(1),
    anzahl: count,
    stueckpreis: euroSchema,
    nutzungsdauer: germanNumber({ integer: true }).pipe(z.number().int().min(1, { error: 'mindestens 1 Jahr' }).max(30)),
    beschaffungsjahr: yearSchema,
    ersatzjahr: z.preprocess(emptyToUndefined, yearSchema.optional()),
    wertart: oneOf(WERTARTEN),
    quelle: z.preprocess(emptyToUndefined, optionalText),
  });

  const laufendeKosten = z.strictObject({
    jahr: yearSchema,
    kostenart: oneOf(KOSTENARTEN),
    betrag: euroSchema,
    wertart: oneOf(WERTARTEN),
    quelle: z.preprocess(emptyToUndefined, optionalText),
  });

  const finanzierung = z.strictObject({
    jahr: yearSchema,
    art: oneOf(FINANZIERUNGSARTEN),
    foerderprogramm: z.preprocess(emptyToUndefined, ref('foerderprogramme').optional()),
    betrag: euroSchema,
    wertart: oneOf(WERTARTEN),
    quelle: z.preprocess(emptyToUndefined, optionalText),
  });

  /** Sums stated in council documents, checked against the computed ones. */
  const summen = z.strictObject({
    tabelle: oneOf(SUMMEN_TABELLEN),
    jahr: yearSchema,
    angegeben: euroSchema,
    /** Precision of the stated figure, written in euros (1 = whole euros, 1000 = rounded to thousands), kept in cents. */
    genauigkeit: z.preprocess(emptyToUndefined, germanNumber().pipe(z.number().positive()).default(1).transform(toCents)),
    quelle: z.string().min(1),
  });

  const foerderprogramme = z.strictObject({
    id: idSchema,
    name: z.string().min(1),
    kurzname: optionalText,
    /** Everything but the name is optional: many plans name only the programme. */
    geber: optionalText,
    laufzeit: z.strictObject({ von: yearSchema, bis: yearSchema }).optional(),
    zuweisung: euroSchema.optional(),
    url: url.optional(),
    abruf: z
      .array(z.strictObject({ status: oneOf(FOERDERSTATUS), betrag: euroSchema, stand: zeitangabe }))
      .default([]),
  });

  const indikatoren = z.strictObject({
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

  const glossar = z.strictObject({
    /** A draft (`npm run neu`): checked, its open fields listed as hints, left out of the public site. */
    entwurf: z.boolean({ error: 'true oder false' }).optional(),
    id: idSchema,
    begriff: z.string().min(1),
    abkuerzung: optionalText,
    definition: z.string().min(1),
    synonyme: z.array(z.string().min(1)).default([]),
    siehe: z.array(ref('glossar')).default([]),
  });

  const meilensteine = z.strictObject({
    id: idSchema,
    datum: termin,
    titel: z.string().min(1),
    text: z.string().min(1),
    /** A link for more: a page of this site (/massnahmen/s-07/) or a foreign https address. */
    link: adresse('link').optional(),
    massnahme: ref('massnahmen').optional(),
  });

  /** A published table of a finance area: its columns are in the CSV daten/finanzen/<id>.csv. */
  const finanztabelle = z.strictObject({
    id: idSchema,
    titel: z.string().min(1),
    /** The table's number in the published plan ("Tab. 7"), kept on the website, in print and in the PDF. */
    nummer: planNummer.optional(),
    /** The number of the plan's own figure of this table ("Abb. 3"), given to the chart Planwerk draws of it. */
    abbildung: planNummer.optional(),
    einheit: oneOf(Object.keys(TABELLENEINHEITEN) as [Tabelleneinheit, ...Tabelleneinheit[]]),
    /** Rounding step of the published figures, in the table's unit (0,1 for "4,3 Mio. €"); left out: exact figures. */
    genauigkeit: germanNumber().pipe(z.number().positive({ error: 'eine Rundungsstufe > 0, z. B. 0,1' })).optional(),
    quelle: z.string().min(1),
    stand: zeitangabe.optional(),
    wertart: oneOf(WERTARTEN).optional(),
    beschreibung: optionalText,
    spalten: z
      .array(
        z.strictObject({
          id: z.string().min(1),
          titel: z.string().min(1),
          art: oneOf(SPALTENARTEN),
          foerderprogramm: ref('foerderprogramme').optional(),
          /** For a `summe` column: the columns it adds up (default: all others that are not sums). */
          von: z.array(z.string().min(1)).optional(),
        }),
      )
      .min(1),
  });

  /** A finance area (school IT, Kitas, adult education …) with its own published tables. */
  const finanzbereiche = z.strictObject({
    id: idSchema,
    titel: z.string().min(1),
    bildungsbereich: ref('bildungsbereiche').optional(),
    beschreibung: optionalText,
    tabellen: z.array(finanztabelle).min(1, { error: 'mindestens eine Tabelle' }),
  });

  /** One row of a published table as it stands in the CSV: the label, then the columns as written. */
  const finanzwerte = z.strictObject({
    tabelle: idSchema,
    /** Header of the first column ("jahr" when the rows are years). */
    kopf: z.string(),
    zeile: z.string().min(1, { error: 'eine Beschriftung in der ersten Spalte' }),
    werte: z.record(z.string(), z.preprocess(emptyToUndefined, germanNumber().optional())),
  });

  return {
    plan,
    kapitel,
    handlungsfelder,
    massnahmen,
    akteure,
    schulformen,
    bildungsbereiche,
    schulen,
    datensaetze,
    inventar,
    laufendeKosten,
    finanzierung,
    summen,
    foerderprogramme,
    formate,
    weiterleitungen,
    fassungen,
    indikatoren,
    glossar,
    meilensteine,
    finanzbereiche,
    finanzwerte,
    erhebungen,
    erhebungswerte,
  } satisfies Record<CollectionName, z.ZodType>;
}

export type Schemas = ReturnType<typeof createSchemas>;
/** Parsed data of one entry of a collection, as pages receive it. */
export type Data<C extends CollectionName> = z.output<Schemas[C]>;
