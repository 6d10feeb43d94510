/**
 * portal.yaml: the list of plan sites a portal brings together, and who publishes the portal.
 *
 * ```yaml
 * titel: Medienentwicklung im Kreis Lippenau
 * herausgeber: { name: Kreis Lippenau, anschrift: [Kreishaus, 12345 Lippenau], email: schule@kreis.example }
 * website: https://medienentwicklung.kreis.example/
 * plaene:
 *   - name: Stadt Musterstadt
 *     adresse: https://mep.musterstadt.example/
 *   - name: Kreis Lippenau (Berufskollegs und Förderschulen)
 *     adresse: https://mep.kreis.example/
 *     quelle: ../mep-kreis/dist        # where to read the published site, if not at its address
 * ```
 *
 * A mistake is reported like a plan's (src/plan/problems.ts): file and line, field, what was
 * expected and what was found.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'astro/zod';
import { LineCounter, parseDocument } from 'yaml';
import { feldZeilen } from '../plan/sources.ts';
import GithubSlugger from 'github-slugger';
import { adresse, pruefeAdresse, ERWARTET, GEFUNDEN_PARAM } from '../plan/adressen.ts';
import { describeValue, type Problem } from '../plan/problems.ts';
import { idSchema } from '../plan/schemas/grundtypen.ts';

export const PORTAL_DATEI = 'portal.yaml';

/** Hosts of this machine: a plan served there for a preview may be read and linked over http://. */
const LOKAL = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The address of a plan site: https://, or http:// on this machine (a local preview). Ends in `/`. */
const planAdresse = z.string({ error: ERWARTET.website }).superRefine((wert, ctx) => {
  const url = URL.canParse(wert) ? new URL(wert) : undefined;
  const geprueft = url?.protocol === 'http:' && LOKAL.has(url.hostname) ? pruefeAdresse(wert.replace(/^http:/i, 'https:'), 'website') : pruefeAdresse(wert, 'website');
  if (!geprueft.ok) ctx.addIssue({ code: 'custom', message: geprueft.erwartet, input: wert, params: { [GEFUNDEN_PARAM]: geprueft.gefunden } });
});

const text = z.string().trim().min(1);

export const portalSchema = z.strictObject({
  titel: text,
  beschreibung: text.optional(),
  /** The portal's own address, for canonical links and the sitemap. */
  website: adresse('website').optional(),
  herausgeber: z.strictObject({
    name: text,
    anschrift: z.array(text).min(1),
    email: adresse('email'),
    telefon: text.optional(),
  }),
  impressum: z.strictObject({ verantwortlich: text.optional(), vertretung: text.optional(), hinweise: z.array(text).default([]) }).optional(),
  datenschutz: z.strictObject({ verantwortlicher: text.optional(), datenschutzbeauftragter: text.optional() }).optional(),
  plaene: z
    .array(
      z.strictObject({
        /** The Schulträger as the portal names it: in the list, in each search hit and in the filter. */
        name: text,
        /** The plan's id in the portal (its folder plaene/<id>/); from the name when left out. */
        id: idSchema.optional(),
        adresse: planAdresse,
        /** Where to read the published site: an address (http:// or https://) or a folder with the built site. */
        quelle: text.optional(),
      }),
    )
    .min(1),
});

export type PortalEingabe = z.infer<typeof portalSchema>;

/** One plan of the portal, as read from portal.yaml: id and address settled, where to read it resolved. */
export interface PortalPlan {
  id: string;
  name: string;
  /** The public address, ending in `/`. */
  adresse: string;
  /** Where to read its files: an address ending in `/`, or an absolute folder. */
  quelle: { art: 'url'; url: string } | { art: 'ordner'; ordner: string };
}

export interface Portalkonfiguration extends Omit<PortalEingabe, 'plaene'> {
  plaene: PortalPlan[];
}

/** A name as the ASCII an id and a folder take: „Stadt Auenbrück“ → „Stadt Auenbrueck“. */
export const ohneUmlaute = (name: string) =>
  name.replace(/[äöüÄÖÜß]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' })[c]!).normalize('NFD').replace(/[\u0300-\u036f]/g, '');

const mitSchraegstrich = (a: string) => (a.endsWith('/') ? a : `${a}/`);

/** The nearest line for a field path: its own, else that of the closest parent that has one. */
function zeileFuer(zeilenJePfad: Record<string, number>, pfad: string[]): number | undefined {
  for (let n = pfad.length; n > 0; n -= 1) {
    const z = zeilenJePfad[pfad.slice(0, n).join('.')];
    if (z !== undefined) return z;
  }
  return undefined;
}

/** Reads and checks `<ordner>/portal.yaml`: the settled configuration, or every problem found. */
export function lesePortalkonfiguration(ordner: string): { konfiguration?: Portalkonfiguration; problems: Problem[] } {
  const datei = join(ordner, PORTAL_DATEI);
  if (!existsSync(datei)) return { problems: [{ file: PORTAL_DATEI, expected: `die Datei ${PORTAL_DATEI} mit dem Titel des Portals, dem Herausgeber und der Liste der Pläne (siehe README, „Ein Portal für mehrere Pläne“)`, found: 'keine Datei' }] };
  const inhalt = readFileSync(datei, 'utf8');
  const lc = new LineCounter();
  const doc = parseDocument(inhalt, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return { problems: [{ file: PORTAL_DATEI, line: e.linePos?.[0]?.line, expected: 'gültiges YAML', found: 'einen Fehler im Aufbau der Datei (Einrückung, Doppelpunkt oder Anführungszeichen)' }] };
  }
  const roh = doc.toJS() as unknown;
  const zeilenJePfad = feldZeilen(doc.contents, lc, 0);
  const ergebnis = portalSchema.safeParse(roh, { reportInput: true });
  if (!ergebnis.success) {
    return {
      problems: ergebnis.error.issues.map((issue) => {
        const pfad = issue.path.map(String);
        const gefunden = issue.code === 'custom' ? (issue as { params?: Record<string, unknown> }).params?.[GEFUNDEN_PARAM] : undefined;
        const unbekannt = issue.code === 'unrecognized_keys' ? issue.keys : undefined;
        return {
          file: PORTAL_DATEI,
          line: zeileFuer(zeilenJePfad, unbekannt ? [...pfad, unbekannt[0]!] : pfad),
          field: (unbekannt ? [...pfad, unbekannt[0]!] : pfad).join('.') || undefined,
          expected: unbekannt ? 'nur Felder, die portal.yaml kennt' : deutsch(issue),
          found: unbekannt ? `das unbekannte Feld „${unbekannt[0]}“` : typeof gefunden === 'string' ? gefunden : describeValue((issue as { input?: unknown }).input),
        };
      }),
    };
  }
  const problems: Problem[] = [];
  const slugger = new GithubSlugger();
  const ids = new Map<string, number>();
  const plaene = ergebnis.data.plaene.map((p, i): PortalPlan => {
    const id = p.id ?? slugger.slug(ohneUmlaute(p.name));
    if (ids.has(id)) problems.push({ file: PORTAL_DATEI, line: zeileFuer(zeilenJePfad, ['plaene', String(i)]), field: `plaene.${i}.id`, expected: 'eine eigene id je Plan', found: `„${id}“ wie beim Plan Nr. ${ids.get(id)! + 1}` });
    ids.set(id, i);
    return { id, name: p.name, adresse: mitSchraegstrich(p.adresse), quelle: quelleVon(p.quelle ?? p.adresse, ordner, (found) => problems.push({ file: PORTAL_DATEI, line: zeileFuer(zeilenJePfad, ['plaene', String(i), 'quelle']), field: `plaene.${i}.quelle`, expected: 'eine Adresse mit http:// oder https:// oder einen Ordner mit der gebauten Website des Plans', found })) };
  });
  if (problems.length > 0) return { problems };
  return { konfiguration: { ...ergebnis.data, plaene }, problems };
}

/** Where to read a plan: an http(s) address, else a folder relative to the portal's folder. */
function quelleVon(wert: string, ordner: string, fehler: (gefunden: string) => void): PortalPlan['quelle'] {
  if (/^[a-z][a-z0-9+.-]*:/i.test(wert) && !/^[a-z]:[\\/]/i.test(wert)) {
    const url = URL.canParse(wert) ? new URL(wert) : undefined;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) fehler(describeValue(wert));
    return { art: 'url', url: mitSchraegstrich(url?.href ?? wert) };
  }
  const pfad = isAbsolute(wert) ? wert : resolve(ordner, wert);
  if (!existsSync(pfad) || !statSync(pfad).isDirectory()) fehler(`${describeValue(wert)}, einen Ordner, den es nicht gibt`);
  return { art: 'ordner', ordner: pfad };
}

/** The German "expected …" of a zod issue in portal.yaml (the schema's own messages are German already). */
function deutsch(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return { string: 'einen Text', array: 'eine Liste', object: 'Felder mit Namen und Wert' }[issue.expected as string] ?? issue.expected;
  if (issue.code === 'too_small') return issue.origin === 'array' ? `mindestens ${String(issue.minimum)} Eintrag` : 'einen nicht leeren Text';
  return issue.message;
}
