/**
 * The Portalangaben: what a plan site publishes for a portal of several plans (`planwerk portal`),
 * at `daten/planwerk.json` beside its open data. A plan site writes the file after its search
 * index (src/ausgabe/offenedaten/portalangaben.ts); a portal reads it, then the open data tables
 * and the search index files it names, and nothing else of the plan.
 *
 * Every path in the file is relative to the plan site's root (its address with the base path):
 * `daten/massnahmen.json`, `pagefind/pagefind-entry.json`, `massnahmen/{id}/`.
 *
 * `version` counts the shape of this file and of the open data tables a portal reads. A portal
 * states which plans publish which version and reads older ones as far as it can; it never drops a
 * plan for its version.
 */
import { z } from 'astro/zod';

/** The file under the plan site's root. */
export const PORTALANGABEN_DATEI = 'daten/planwerk.json';
/** The format's name in the file, so that a portal knows what it reads. */
export const PORTALANGABEN_FORMAT = 'planwerk-portalangaben';
/** The version of the file and of the open data tables that this Planwerk writes and reads. */
export const PORTALANGABEN_VERSION = 1;

/** A date as the plan published it: `2026-10-15`, `2026-10` or `2026`. */
const planDatum = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'ein Datum JJJJ-MM-TT, JJJJ-MM oder JJJJ');
/** A path relative to the site's root: no scheme, no leading slash, no `..`. */
const relativerPfad = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !/^[a-z][a-z0-9+.-]*:/i.test(p) && !p.split('/').includes('..') && !p.includes('\\'), 'ein Pfad relativ zur Wurzel der Website, ohne „..“');

export const portalangabenSchema = z.object({
  format: z.literal(PORTALANGABEN_FORMAT),
  version: z.number().int().min(1),
  /** The Planwerk version that built the site (package.json's version). */
  planwerk: z.string().min(1),
  kommune: z.string().min(1),
  titel: z.string().min(1),
  fassung: z.object({ name: z.string().min(1).optional(), nummer: z.number().optional() }).optional(),
  /** The plan's Stand (plan.yaml). */
  stand: planDatum,
  /** The council decision of the current Fassung (the last Fortschreibung), as plan.yaml gives it. */
  beschluss: z.object({ datum: planDatum.optional(), gremium: z.string().min(1).optional(), vorlage: z.string().min(1).optional() }).optional(),
  planungszeitraum: z.object({ von: z.number().int(), bis: z.number().int() }).optional(),
  /** The site's address from plan.yaml, when it names one. */
  website: z.url().optional(),
  /** Path patterns of pages, relative to the root: `{id}` for an actor's id as published, for a Maßnahme's id in lower case (`B-01` → `massnahmen/b-01/`). */
  seiten: z.object({ start: z.string(), massnahme: relativerPfad, akteur: relativerPfad, daten: relativerPfad }),
  /** Every published table (as on /daten/): name, title, Stand and its files, relative to the root. */
  tabellen: z.array(
    z.object({ name: z.string().min(1), titel: z.string().min(1), stand: planDatum, json: relativerPfad, csv: relativerPfad, schema: relativerPfad }),
  ),
  /** The Pagefind search index: its version, language, page count and every file with its size. */
  suche: z
    .object({
      pagefind: z.string().min(1),
      sprache: z.string().min(1),
      seiten: z.number().int().min(0),
      ordner: relativerPfad,
      dateien: z.array(z.object({ pfad: relativerPfad, bytes: z.number().int().min(0) })),
    })
    .optional(),
});

export type Portalangaben = z.infer<typeof portalangabenSchema>;
