/**
 * The head of the plan (plan.yaml): who publishes it, for which years, its finance assumptions and
 * the legal notices of the site.
 */
import { z } from 'astro/zod';
import { zeitangabe } from '../datum.ts';
import { adresse } from '../adressen.ts';
import { yearSchema, germanNumber, optionalText, url, email, oneOf, medienpfad } from './grundtypen.ts';
import { CODEFORMEN, type Codeform, OHNE_CODES } from './vokabular.ts';

/** The shape of the plan's Maßnahmen codes, and what a code's letters stand for. */
const massnahmencodes = z
  .strictObject({
    form: z
      .enum([OHNE_CODES, ...(Object.keys(CODEFORMEN) as Codeform[])], {
        error: `eine der Formen ${Object.keys(CODEFORMEN).map((f) => `„${f}“`).join(', ')} oder „${OHNE_CODES}“ (der Plan gibt seinen Maßnahmen keine Codes)`,
      })
      .default('S-07'),
    buchstabe: oneOf(['handlungsfeld', 'bildungsbereich', 'nichts']).default('handlungsfeld'),
  })
  .prefault({});

/** Assumptions of the finance forecast (see src/rechnen/prognose.ts). */
const finanzplanung = z
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
  .prefault({});

/** Who publishes the plan: for the Impressum and the title page. */
const herausgeber = z.strictObject({
  name: z.string().min(1),
  dienststelle: optionalText,
  anschrift: z.array(z.string().min(1)).min(1),
  telefon: optionalText,
  email,
  url: url.optional(),
}).optional();

/** Links into the plan's repository: edit, history and folder links on every page. */
const quelltext = z.strictObject({
  repository: url,
  /** Edit link pattern; `{pfad}` is replaced by the file's path in the repository. */
  bearbeiten: adresse('muster'),
  /** Link pattern for a file's change history; `{pfad}` as above. */
  verlauf: adresse('muster').optional(),
  /** Link pattern for a folder (pages built from many files); `{pfad}` as above. */
  ordner: adresse('muster').optional(),
}).optional();

/** What the Impressum says beyond the publisher. */
const impressum = z.strictObject({
  verantwortlich: z.string().min(1),
  vertretung: optionalText,
  umsatzsteuerId: optionalText,
  hinweise: z.array(z.string()).default([]),
}).optional();

/** Who the privacy statement names: the controller, the data protection officer, the host and the authority. */
const datenschutz = z.strictObject({
  verantwortlicher: z.string().min(1),
  datenschutzbeauftragter: z.strictObject({ name: z.string().min(1), email, anschrift: optionalText }),
  hosting: z.string().min(1),
  aufsichtsbehoerde: z.strictObject({ name: z.string().min(1), url }),
}).optional();

/**
 * An explanation of the plan in Deutscher Gebärdensprache for the start page (BITV 2.0 § 4):
 * files in the plan's `medien/` folder, published from the site's own address and played by
 * the browser's own player (src/plan/medien.ts).
 */
const gebaerdensprache = z
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
  .optional();

/**
 * Limits for the plan's `medien/` folder (src/plan/medien.ts), in MB of 1.048.576 bytes as the
 * Windows Explorer counts: per file (default 200, at most 2.000: the build reads a file whole) and
 * for the whole folder (default 1.000).
 */
const medien = z
  .strictObject({
    maxDateiMB: germanNumber({ integer: true }).pipe(z.number().int().min(1, { error: 'eine ganze Zahl ab 1 (Megabyte je Datei)' }).max(2000, { error: 'höchstens 2.000 (größere Dateien kann der Build nicht veröffentlichen)' })).optional(),
    maxGesamtMB: germanNumber({ integer: true }).pipe(z.number().int().min(1, { error: 'eine ganze Zahl ab 1 (Megabyte für den ganzen Ordner)' })).optional(),
  })
  .optional();

/** The statement on accessibility (BITV 2.0): how far the site complies, and whom to contact. */
const barrierefreiheit = z.strictObject({
  stand: zeitangabe,
  status: oneOf(['vollständig vereinbar', 'teilweise vereinbar', 'nicht vereinbar']),
  pruefmethode: z.string().min(1),
  nichtBarrierefrei: z.array(z.strictObject({ was: z.string().min(1), warum: z.string().min(1) })).default([]),
  kontakt: z.strictObject({ name: z.string().min(1), email, telefon: optionalText }),
  schlichtungsstelle: z.strictObject({ name: z.string().min(1), url, anschrift: optionalText }),
}).optional();

/** The plan's head (plan.yaml). */
export const planSchema = z.strictObject({
  kommune: z.string().min(1),
  /** The plan's title; a new plan (`npm run neu -- plan`) may not have one yet. */
  titel: optionalText,
  untertitel: optionalText,
  fassung: z.strictObject({ name: z.string().min(1), nummer: germanNumber({ integer: true }) }).optional(),
  planungszeitraum: z.strictObject({ von: yearSchema, bis: yearSchema }).optional(),
  /** Years of the finance forecast; required as soon as the plan has finance data (see validate.ts). */
  planungshorizont: z.strictObject({ von: yearSchema, bis: yearSchema }).optional(),
  massnahmencodes,
  /**
   * The plan's own groups of actors (the bands of its Akteurslandkarte); default: EBENEN.
   * Relations between groups of different `stufe` count as vertical, within one as horizontal.
   * No actor needs a group (`ebene` is optional).
   */
  akteursgruppen: z
    .array(z.strictObject({ name: z.string().min(1), stufe: optionalText, beschreibung: optionalText }))
    .min(1)
    .optional(),
  finanzplanung,
  beschluss: z
    .strictObject({ datum: zeitangabe, gremium: z.string().min(1), vorlage: optionalText, url: url.optional() })
    .optional(),
  stand: zeitangabe,
  /** Address of the published site: canonical links, sitemap and Open Graph tags. */
  website: adresse('website').optional(),
  herausgeber,
  kontakt: z.strictObject({ name: z.string().min(1), funktion: optionalText, telefon: optionalText, email }).optional(),
  lizenz: z.strictObject({ name: z.string().min(1), url: url.optional() }).optional(),
  quelltext,
  impressum,
  datenschutz,
  /** A short summary in Leichte Sprache for the start page: short sentences, one thought each. */
  leichteSprache: z
    .strictObject({ text: z.array(z.string().min(1)).min(1), navigation: z.array(z.string().min(1)).default([]) })
    .optional(),
  gebaerdensprache,
  medien,
  barrierefreiheit,
});
