/**
 * Reads, checks and models a whole plan from disk, outside Astro, and lists every
 * problem at once: schemas, references, the MDX bodies (parsed, checked and rendered
 * once, see src/plan/mdx/), Kennzahlen and cross-collection rules. Each check after schemas and
 * references runs as far as the collections it reads are intact, so one error does not hide
 * another, and a broken entry gives no follow-up errors. The build runs it once
 * (src/pruefung/planladen.ts); `npm run pruefen` and the tests call it directly, so both report the same.
 */
import { externeLinks, leseLinkregister } from '../plan/links.ts';
import type { z } from 'astro/zod';
import { createSchemas, plainRef, CODEFORMEN, OHNE_CODES, ANKER_ID_PATTERN, type CollectionName, type Data, type Ref } from '../plan/schemas/index.ts';
import { akteursgruppen } from '../rechnen/akteure.ts';
import { abschnittsbaum, bildeAbschnittsbaum, pruefeAbschnittsverweise, unterabschnittAus, type Abschnitt, type Entwurfsnummern } from '../plan/abschnitte.ts';
import { pruefeVerweise } from './verweise.ts';
import { istEntwurf, teileEntwurfsProbleme, entwurfsHinweis, verweisAufEntwurf } from '../plan/entwurf.ts';
import { finanztabellenVon } from '../rechnen/finanztabellen.ts';
import { readCollection, unbekannteDateien, displayDir, sourcePath, SOURCES, DATASET_COLLECTIONS, zeigeUnsichtbare, unsichtbareZeichen, ohneUnsichtbare, type PlanLocation, type RawEntry, type ReadResult } from '../plan/sources.ts';
import { describeValue, type Problem } from '../plan/problems.ts';
import { UMBENENNUNGEN, alteFelder, type AltesFeld, type Umbenennung } from '../plan/umbenennungen.ts';
import type { Entry, PlanModel } from '../plan/model.ts';
import { KENNZAHLEN, prognoseVon } from '../rechnen/kennzahlen.ts';
import { pruefeSumme, ersatzjahrAusserhalb, erstesErsatzjahr, ersatzjahre } from '../rechnen/prognose.ts';
import { formatEuro } from '../plan/format.ts';
import { pruefeUeberdeckteSeiten } from '../ausgabe/weiterleitungen.ts';
import { basisDesPlans } from '../plan/urls.ts';
import { GEFUNDEN_PARAM, HINWEIS_PARAM } from '../plan/adressen.ts';
import { pruefeMedien } from '../plan/medien.ts';
import { pruefeErhebungen } from '../rechnen/erhebungen.ts';
import { pruefeSelbsteinschaetzung } from '../rechnen/selbsteinschaetzung.ts';
import { pruefeIdsDerFelder, rendereInhalte, vervollstaendige, type RenderCache } from './inhalte.ts';
import type { MdxErgebnis } from '../plan/mdx/render.ts';
import { zielIds } from '../rechnen/ziele.ts';
import GithubSlugger from 'github-slugger';

const schemas = createSchemas(plainRef);
export const COLLECTIONS = Object.keys(SOURCES) as CollectionName[];

export interface ValidationResult {
  problems: Problem[];
  /** Hints that do not stop the build: drafts and their open fields (see src/plan/entwurf.ts). */
  warnungen: Problem[];
  /** Present only when there are no problems. */
  model?: PlanModel;
  /**
   * The model when every collection is intact, even though a check found problems (in the
   * texts, or across files): what depends only on the plan's data, such as the pages it
   * produces, can still be checked. Not for building.
   */
  datenModell?: PlanModel;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'einen Text',
  number: 'eine Zahl',
  int: 'eine ganze Zahl',
  boolean: 'true oder false',
  array: 'eine Liste',
  object: 'eine Zuordnung (Feld: Wert)',
  date: 'ein Datum',
};

/** German "expected …" phrases for zod's built-in issues; schema-level messages win over these. */
function germanExpected(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_NAMES[issue.expected] ?? issue.expected;
    case 'too_small':
      if (issue.origin === 'string') return 'einen nicht leeren Text';
      if (issue.origin === 'array') return `mindestens ${issue.minimum} Einträge`;
      return `einen Wert ≥ ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `höchstens ${issue.maximum} Einträge`;
      return `einen Wert ≤ ${issue.maximum}`;
    case 'unrecognized_keys':
      return 'nur bekannte Felder';
    case 'invalid_key':
      return 'einen Schlüssel aus Buchstaben, Ziffern, „-“ und „_“ (eine Anker-ID)';
    case 'invalid_format':
      return `das Format ${issue.format}`;
    default:
      return undefined;
  }
}

/**
 * Validates one raw entry against its collection's schema. A field that a newer version reads
 * under another name (src/plan/umbenennungen.ts) is named with its new name, instead of as an
 * unknown field, and the new field is then not reported as missing.
 */
export function parseEntry(raw: RawEntry, umbenennungen: readonly Umbenennung[] = UMBENENNUNGEN): { data?: unknown; problems: Problem[] } {
  const schema = schemas[raw.collection] as z.ZodType;
  const result = schema.safeParse(raw.data, { reportInput: true, error: germanExpected });
  const alte = alteFelder(raw.collection, raw.data, umbenennungen);
  const umbenannt = alte.map((f) => umbenennungsProblem(raw, f));
  if (result.success) return umbenannt.length ? { problems: umbenannt } : { data: result.data, problems: [] };
  const pfadText = (pfad: PropertyKey[]) => pfad.map(String).join('.');
  const alt = new Set(alte.map((f) => pfadText([...f.ort, f.umbenennung.alt])));
  const neu = new Set(alte.map((f) => pfadText([...f.ort, f.neu])));
  const problems = result.error.issues.flatMap((issue): Problem[] => {
    const base = { file: raw.file, line: raw.line, entry: entryLabel(raw.collection, raw.id) };
    // A cell of a published table is named by its column, as the spreadsheet shows it.
    const path = raw.collection === 'finanzwerte' && issue.path[0] === 'werte' ? issue.path.slice(1).map(String) : issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.filter((k) => !alt.has(pfadText([...path, k])));
      if (keys.length === 0) return [];
      return keys.length === 1
        ? [{ ...base, field: [...path, keys[0]].join('.'), expected: 'nur Felder, die das Schema kennt', found: `das unbekannte Feld „${keys[0]}“ (Tippfehler?)` }]
        : [{ ...base, field: path.join('.') || undefined, expected: 'nur Felder, die das Schema kennt', found: `unbekannte Felder ${keys.map((k) => `„${k}“`).join(', ')}` }];
    }
    // The new field is missing because it still has its old name: that is the message above.
    if (issue.input === undefined && neu.has(path.join('.'))) return [];
    const unsichtbar = typeof issue.input === 'string' ? unsichtbareZeichen(issue.input) : undefined;
    // An address check (src/plan/adressen.ts) names the trick it found itself.
    const gefunden = issue.code === 'custom' ? (issue.params?.[GEFUNDEN_PARAM] as string | undefined) : undefined;
    const hinweis = issue.code === 'custom' ? (issue.params?.[HINWEIS_PARAM] as string | undefined) : undefined;
    return [{
      ...base,
      // An address problem names the line of its field, where the file says (YAML, MDX head).
      // So does a key that is not allowed (an old anchor id, a page number of a Fassung).
      ...((gefunden || issue.code === 'invalid_key') && raw.feldZeilen?.[path.join('.')] ? { line: raw.feldZeilen[path.join('.')] } : {}),
      field: path.join('.') || undefined,
      expected: issue.message,
      found: gefunden ?? beschreibe(issue.input),
      ...(unsichtbar ? { hinweis: UNSICHTBAR_HINWEIS } : hinweis ? { hinweis } : {}),
    }];
  });
  return { problems: [...umbenannt, ...problems] };
}

/**
 * An old field name, named with its new one at the line where it stands. A CSV column is a
 * problem of the header row (once per file, not once per row).
 */
function umbenennungsProblem(raw: RawEntry, f: AltesFeld): Problem {
  const { alt } = f.umbenennung;
  const csv = SOURCES[raw.collection].kind === 'csv';
  const feld = [...f.ort, alt].join('.');
  const art = csv ? 'die Spalte' : 'das Feld';
  const wo = csv ? { line: raw.kopfZeile ?? raw.line } : { line: raw.feldZeilen?.[feld] ?? raw.line, entry: entryLabel(raw.collection, raw.id) };
  const heisst = `„${alt}“ heißt seit Planwerk ${f.seit} „${f.neu}“`;
  const zusatz = f.umbenennung.hinweis ? ` ${f.umbenennung.hinweis}` : '';
  if (f.beideDa) {
    return {
      file: raw.file,
      ...wo,
      field: feld,
      expected: `nur ${art} „${f.neu}“: ${heisst}`,
      found: `beide, „${alt}“ und „${f.neu}“`,
      hinweis: `Den Wert aus „${alt}“ in „${f.neu}“ übernehmen, soweit er dort fehlt, und „${alt}“ löschen; \`npm run migrieren\` lässt beide stehen.${zusatz}`,
    };
  }
  return {
    file: raw.file,
    ...wo,
    field: feld,
    expected: `${art} „${f.neu}“: ${heisst}`,
    found: `den alten Namen „${alt}“`,
    hinweis: `\`npm run migrieren\` benennt ${csv ? 'sie' : 'es'} um (oder von Hand „${alt}“ in „${f.neu}“ ändern).${zusatz}`,
  };
}

/** Entries of YAML lists and CSV files are named in messages; an MDX file is its own entry. */
function entryLabel(collection: CollectionName, id: string): string | undefined {
  const kind = SOURCES[collection].kind;
  return kind === 'yaml-list' || kind === 'csv' ? zeigeUnsichtbare(id) : undefined;
}

const UNSICHTBAR_HINWEIS = 'Das unsichtbare Zeichen löschen (es kommt mit Text aus Webseiten, PDF-Dateien oder Textverarbeitungen): den Wert neu tippen statt ihn zu kopieren.';

/** A found value for a message; invisible characters in a text are shown and named („gs‹U+200B›lindenhof“). */
function beschreibe(value: unknown): string {
  if (typeof value !== 'string') return describeValue(value);
  const unsichtbar = unsichtbareZeichen(value);
  return unsichtbar ? `„${zeigeUnsichtbare(value)}“ mit unsichtbarem Zeichen ${unsichtbar}` : describeValue(value);
}

/**
 * Validates the plan at `loc`; `cache` keeps renderings of MDX bodies between runs, and
 * `gelesen` may hold collections a caller has already read from disk. `umbenennungen` are the
 * renamed fields to name (this version's, unless a test gives its own).
 */
export function validatePlan(
  loc: PlanLocation,
  cache: RenderCache = new Map<string, never>(),
  gelesen: Partial<Record<CollectionName, ReadResult>> = {},
  umbenennungen: readonly Umbenennung[] = UMBENENNUNGEN,
): ValidationResult {
  const problems: Problem[] = [...unbekannteDateien(loc)];
  const warnungen: Problem[] = [];
  const stand = leseSammlungen(loc, gelesen, problems, warnungen, umbenennungen);
  const verweistFalsch = pruefeVerweiseZwischenSammlungen(loc, stand, problems);
  const imModell = ohneHaengendeVerweise(stand.parsed, verweistFalsch);
  return pruefeTexteUndModell(loc, cache, { ...stand, imModell, verweistFalsch }, problems, warnungen);
}

/** What reading the collections and checking their schemas leaves for the later checks. */
interface Gelesen {
  raw: Partial<Record<CollectionName, RawEntry[]>>;
  /** The entries that passed their schema (drafts are never among them). */
  parsed: Partial<Record<CollectionName, Entry<CollectionName>[]>>;
  /** Collections that could not be read completely (a syntax or encoding problem). */
  unvollstaendig: Set<CollectionName>;
  /** Collections with an entry that failed its schema. */
  fehlerhaft: Set<CollectionName>;
  /** Drafts by `collection/id`: checked, open fields as hints, left out of the model (and so of the site). */
  entwuerfe: Map<string, RawEntry>;
}

/** Reads every collection (or takes it from `gelesen`) and checks each entry against its schema. */
function leseSammlungen(loc: PlanLocation, gelesen: Partial<Record<CollectionName, ReadResult>>, problems: Problem[], warnungen: Problem[], umbenennungen: readonly Umbenennung[]): Gelesen {
  const stand: Gelesen = { raw: {}, parsed: {}, unvollstaendig: new Set(), fehlerhaft: new Set(), entwuerfe: new Map() };
  // One link on the way to several files (a linked `daten/`) is one problem, not one per file.
  const gemeldet = new Set<string>();
  for (const collection of COLLECTIONS) {
    const read = gelesen[collection] ?? readCollection(loc, collection);
    for (const p of read.problems) {
      const schluessel = JSON.stringify(p);
      if (!gemeldet.has(schluessel)) problems.push(p);
      gemeldet.add(schluessel);
    }
    if (read.problems.length > 0) stand.unvollstaendig.add(collection);
    stand.raw[collection] = read.entries;
    const doppelte = findDuplicates(read.entries);
    problems.push(...doppelte);
    if (doppelte.length > 0) stand.fehlerhaft.add(collection);
    stand.parsed[collection] = pruefeEintraege(collection, read.entries, stand, { problems, warnungen, gemeldet, umbenennungen });
  }
  return stand;
}

/** Where the schema checks report, and what they know: problems reported once, renamed fields. */
interface Meldungen {
  problems: Problem[];
  warnungen: Problem[];
  gemeldet: Set<string>;
  umbenennungen: readonly Umbenennung[];
}

/** Whether a problem was reported before; notes it as reported. */
function meldeEinmal(gemeldet: Set<string>, p: Problem): boolean {
  const schluessel = JSON.stringify(p);
  const schon = gemeldet.has(schluessel);
  gemeldet.add(schluessel);
  return schon;
}

/** Checks the entries of one collection against its schema; returns those that passed. */
function pruefeEintraege(collection: CollectionName, entries: RawEntry[], stand: Gelesen, { problems, warnungen, gemeldet, umbenennungen }: Meldungen): Entry<CollectionName>[] {
  const good: Entry<CollectionName>[] = [];
  for (const entry of entries) {
    const result = parseEntry(entry, umbenennungen);
    // An old column name is one problem of the header row, not one per row.
    const fehlerfrei = result.problems.length === 0;
    if (entry.kopfZeile !== undefined) result.problems = result.problems.filter((p) => p.entry !== undefined || p.line !== entry.kopfZeile || !meldeEinmal(gemeldet, p));
    if (istEntwurf(entry)) {
      const { fehler, offen } = teileEntwurfsProbleme(result.problems);
      problems.push(...fehler);
      warnungen.push(entwurfsHinweis(entry), ...offen);
      stand.entwuerfe.set(`${collection}/${entry.id}`, entry);
      continue;
    }
    problems.push(...result.problems);
    if (!fehlerfrei) stand.fehlerhaft.add(collection);
    if (fehlerfrei) {
      if (collection === 'handlungsfelder') zielIds(entry.id, result.data as Data<'handlungsfelder'>);
      good.push({ id: entry.id, data: result.data as never, file: entry.file, line: entry.line, bodyLine: entry.bodyLine });
    }
  }
  return good;
}

/**
 * Checks every reference between collections and reports those to nothing or to a draft.
 * Returns the collections with a broken reference, or one to an entry that failed its schema
 * (and so is not in the model).
 */
function pruefeVerweiseZwischenSammlungen(loc: PlanLocation, stand: Gelesen, problems: Problem[]): Set<CollectionName> {
  const { raw, parsed, entwuerfe, unvollstaendig } = stand;
  // An id with an invisible character is reported at its entry; references to the id as it
  // looks (without the character) are not reported again.
  const ids = new Map<string, Set<string>>(COLLECTIONS.map((c) => [c, new Set((raw[c] ?? []).flatMap((e) => [e.id, ohneUnsichtbare(e.id)]))]));
  const guteIds = new Map<string, Set<string>>(COLLECTIONS.map((c) => [c, new Set((parsed[c] ?? []).map((e) => e.id))]));
  const verweistFalsch = new Set<CollectionName>();
  for (const collection of COLLECTIONS) {
    for (const entry of parsed[collection] ?? []) {
      const ort = { file: entry.file, line: entry.line, entry: entryLabel(collection, entry.id) };
      walkRefs(entry.data, [], (ref, path) => {
        const entwurf = entwuerfe.get(`${ref.collection}/${ref.id}`);
        if (entwurf) {
          verweistFalsch.add(collection);
          problems.push(verweisAufEntwurf(ort, path.join('.'), entwurf));
          return;
        }
        if (ids.get(ref.collection)?.has(ref.id)) {
          // The entry exists but failed its schema (already reported): the model lacks it.
          if (!guteIds.get(ref.collection)?.has(ref.id)) verweistFalsch.add(collection);
          return;
        }
        verweistFalsch.add(collection);
        // A collection that could not be read completely (a syntax or encoding problem, already
        // reported) misses entries: references into it say nothing, so they are not checked.
        if (unvollstaendig.has(ref.collection as CollectionName)) return;
        problems.push(fehlenderVerweis(loc, raw, ids, ort, path.join('.'), ref));
      });
    }
  }
  return verweistFalsch;
}

/** The problem of a reference `ref` in `field` to an entry the plan does not have. */
function fehlenderVerweis(
  loc: PlanLocation,
  raw: Gelesen['raw'],
  ids: Map<string, Set<string>>,
  ort: Pick<Problem, 'file' | 'line' | 'entry'>,
  field: string,
  ref: Ref,
): Problem {
  const unsichtbar = unsichtbareZeichen(ref.id);
  const gemeint = unsichtbar && ids.get(ref.collection)?.has(ohneUnsichtbare(ref.id)) ? ohneUnsichtbare(ref.id) : undefined;
  // An optional collection the plan does not have at all (a plan without school data names a school).
  const quelle = sourcePath(loc, ref.collection as CollectionName);
  if ((raw[ref.collection as CollectionName] ?? []).length === 0) {
    return {
      ...ort,
      field,
      expected: `eine vorhandene ID aus „${ref.collection}“ (${quelle})`,
      found: `„${zeigeUnsichtbare(ref.id)}“, aber der Plan hat keine Einträge in ${quelle} (die Datei fehlt oder ist leer)`,
      hinweis: `Den Verweis entfernen oder ${quelle} mit diesem Eintrag anlegen.`,
    };
  }
  return {
    ...ort,
    field,
    expected: `eine vorhandene ID aus „${ref.collection}“ (${quelle})`,
    found: unsichtbar
      ? `„${zeigeUnsichtbare(ref.id)}“ mit unsichtbarem Zeichen ${unsichtbar}, das es dort nicht gibt${gemeint ? ` (ohne das Zeichen: „${gemeint}“)` : ''}`
      : `„${ref.id}“, das es dort nicht gibt`,
    ...(unsichtbar ? { hinweis: UNSICHTBAR_HINWEIS } : {}),
  };
}

/**
 * The model for the later checks holds no dangling reference: an entry that names one that
 * is not in the model (it failed its schema, or is a draft) is left out too, repeatedly, and
 * its collection counts as broken (added to `verweistFalsch`). With every reference intact
 * nothing is left out.
 */
function ohneHaengendeVerweise(parsed: Gelesen['parsed'], verweistFalsch: Set<CollectionName>): Gelesen['parsed'] {
  const imModell: Gelesen['parsed'] = { ...parsed };
  for (let weiter = true; weiter; ) {
    weiter = false;
    const vorhanden = new Map<string, Set<string>>(COLLECTIONS.map((c) => [c, new Set((imModell[c] ?? []).map((e) => e.id))]));
    for (const collection of COLLECTIONS) {
      const vorher = imModell[collection] ?? [];
      const bleiben = vorher.filter((entry) => {
        let heil = true;
        walkRefs(entry.data, [], (ref) => {
          if (!vorhanden.get(ref.collection)?.has(ref.id)) heil = false;
        });
        return heil;
      });
      if (bleiben.length < vorher.length) {
        imModell[collection] = bleiben;
        verweistFalsch.add(collection);
        weiter = true;
      }
    }
  }
  return imModell;
}

/** The model of the entries left in `imModell`, for the checks after schemas and references. */
function modellAus(loc: PlanLocation, parsed: Gelesen['parsed'], imModell: Gelesen['parsed']): PlanModel {
  return Object.fromEntries([
    ['ort', loc],
    ['basis', basisDesPlans((parsed.plan?.[0]?.data as PlanModel['plan'] | undefined)?.website)],
    ...COLLECTIONS.map((c) => [c, c === 'plan' ? imModell.plan?.[0]?.data : imModell[c]]),
  ]) as unknown as PlanModel;
}

/** The state after schemas and references: what was read, what is in the model, what is broken. */
interface Geprueft extends Gelesen {
  imModell: Gelesen['parsed'];
  verweistFalsch: Set<CollectionName>;
}

/**
 * Renders and checks the MDX bodies, then runs every later check as far as the collections it
 * reads are intact, and gives the result of the whole validation.
 */
function pruefeTexteUndModell(loc: PlanLocation, cache: RenderCache, stand: Geprueft, problems: Problem[], warnungen: Problem[]): ValidationResult {
  const { raw, parsed, imModell, unvollstaendig, fehlerhaft, verweistFalsch } = stand;
  // MDX bodies need no valid model to be parsed and checked: report them with everything else.
  const mdxEntries = [...(raw.kapitel ?? []), ...(raw.handlungsfelder ?? []), ...(raw.massnahmen ?? [])];
  const { ergebnisse, problems: inhaltsProbleme } = rendereInhalte(mdxEntries, cache);
  problems.push(...inhaltsProbleme);
  const planEintrag = parsed.plan?.[0];
  if (planEintrag) warnungen.push(...oeffentlicheAngaben(planEintrag.data as PlanModel['plan'], planEintrag.file));
  // Every later check runs when the collections it reads are intact: read completely, every
  // entry passed its schema, no broken reference out of them. The model is built from the
  // entries that passed; a check whose input is broken would only repeat what is reported.
  const intakt = (c: CollectionName) => !unvollstaendig.has(c) && !fehlerhaft.has(c) && !verweistFalsch.has(c) && (c !== 'plan' || Boolean(imModell.plan?.[0]));
  const alleIntakt = COLLECTIONS.every(intakt);
  // Texts whose body could not be parsed or rendered (reported above) have no headings or links.
  const kaputteTexte = new Set(inhaltsProbleme.map((p) => p.file));
  const texteIntakt = (...collections: CollectionName[]) => mdxEntries.every((e) => !collections.includes(e.collection) || (ergebnisse.has(e.file) && !kaputteTexte.has(e.file)));
  const model = modellAus(loc, parsed, imModell);
  /** Runs a check whose input (`braucht`) is intact; else it would only repeat what is reported. */
  const laufe = (braucht: readonly CollectionName[] | 'alle', pruefung: () => Problem[]) => {
    if (braucht === 'alle' ? alleIntakt : braucht.every(intakt)) laufeGeschuetzt(problems, pruefung);
  };
  for (const k of KONSISTENZ) laufe(k.braucht, () => k.pruefe(model));
  laufe(['plan', 'fassungen'], () => pruefeMedien(model));
  laufe(['plan', 'schulen', 'schulformen', 'erhebungen', 'erhebungswerte'], () => pruefeErhebungen(model));
  laufe(['erhebungen', 'massnahmen'], () => pruefeSelbsteinschaetzung(model));
  // The section tree from the fresh renderings: the <Abschnitt> links are filled from it.
  const entwurfsnummern = nummernInEntwuerfen([...stand.entwuerfe.values()], ergebnisse);
  let baum: ReturnType<typeof bildeAbschnittsbaum> | undefined;
  if (texteIntakt('kapitel', 'handlungsfelder')) {
    laufe(['kapitel', 'handlungsfelder'], () => {
      baum = bildeAbschnittsbaum(model, (e) => ergebnisse.get(e.file)?.headings);
      return baum.problems;
    });
  }
  // Kennzahlen in each text, as far as the data they are computed from is intact.
  const texte = [...model.kapitel, ...model.handlungsfelder, ...model.massnahmen];
  const fertig = texte.filter((e) => {
    const aufrufe = ergebnisse.get(e.file)?.aufrufe ?? [];
    return aufrufe.every((a) => kennzahlBraucht(a.name).every(intakt));
  });
  laufe(['plan'], () => vervollstaendige(model, fertig, ergebnisse, baum, entwurfsnummern));
  if (baum) {
    const b = baum;
    laufe(['massnahmen'], () => pruefeAbschnittsverweise(model, b, entwurfsnummern));
  }
  laufe(['plan', 'handlungsfelder', 'massnahmen'], () => pruefeIdsDerFelder(model, ergebnisse));
  laufe('alle', () => pruefeUeberdeckteSeiten(model));
  // Links in the texts, against the pages and anchors the plan will produce. Where a
  // collection is broken, its pages (and, with anything broken, any anchor) are not judged.
  const alleTexteFertig = fertig.length === texte.length && texteIntakt('kapitel', 'handlungsfelder', 'massnahmen');
  const ungewiss = ungewisseZiele(COLLECTIONS.filter((c) => !intakt(c)), alleTexteFertig);
  const feldZeile = (c: 'fassungen', id: string, feld: string) => stand.raw[c]?.find((r) => r.id === id)?.feldZeilen?.[feld];
  laufe(['plan'], () => pruefeVerweise(model, ergebnisse, stand.entwuerfe, ungewiss, feldZeile));
  // The link register (links.json, written by `planwerk links`): its dates go with each external link.
  const linkregister = leseLinkregister(loc);
  problems.push(...linkregister.problems);
  model.links = externeLinks(model, linkregister.register);
  if (problems.length > 0) return { problems, warnungen, ...(alleIntakt ? { datenModell: model } : {}) };
  return { problems, warnungen, model };
}

/**
 * Runs one check. A crash caused by broken input that is already reported must not hide the
 * report: with problems found, the crash is dropped; without, it is a real fault and rethrown.
 */
export function laufeGeschuetzt(problems: Problem[], pruefung: () => Problem[]): void {
  try {
    problems.push(...pruefung());
  } catch (error) {
    if (problems.length === 0) throw error;
  }
}

/** Schools' figures come from the school list and the survey rounds; forecasts from all finance data. */
const SCHULDATEN: CollectionName[] = ['schulen', 'schulformen', 'erhebungen', 'erhebungswerte'];
const FINANZEN: CollectionName[] = ['inventar', 'laufendeKosten', 'finanzierung', 'foerderprogramme', 'summen', 'finanzbereiche', 'finanzwerte', 'datensaetze'];

/** The collections a Kennzahl in a text is computed from; an unknown name needs none (it is an error of its own). */
function kennzahlBraucht(name: string): readonly CollectionName[] {
  const definition = KENNZAHLEN[name];
  if (!definition) return [];
  if (!definition.braucht) return COLLECTIONS;
  const braucht = new Set<CollectionName>(['plan', ...definition.braucht]);
  if (definition.braucht.includes('schulen')) for (const c of SCHULDATEN) braucht.add(c);
  if (definition.braucht.some((c) => FINANZEN.includes(c))) for (const c of FINANZEN) braucht.add(c);
  return [...braucht];
}

/** The folders of the site whose pages come from a collection. */
const SEITEN_DER_SAMMLUNG: Partial<Record<CollectionName, string[]>> = {
  kapitel: ['/kapitel/'],
  handlungsfelder: ['/handlungsfelder/'],
  massnahmen: ['/massnahmen/', '/handlungsfelder/'],
  akteure: ['/akteure/'],
  formate: ['/akteure/'],
  schulen: ['/schulen/'],
  schulformen: ['/schulen/'],
  erhebungen: ['/schulen/'],
  erhebungswerte: ['/schulen/'],
  glossar: ['/glossar/'],
  indikatoren: ['/indikatoren/'],
  meilensteine: ['/meilensteine/'],
  entscheidungen: ['/entscheidungen/', '/massnahmen/'],
  finanzbereiche: ['/finanzen/'],
  finanzwerte: ['/finanzen/'],
};

/**
 * Which link targets the link check cannot judge while `kaputt` collections are broken: the
 * pages of those collections (the open data under /daten/ with any), every page when a
 * collection without its own folder is broken, and any anchor when anything is broken or a
 * text could not be completed (anchors come from all of the plan).
 */
function ungewisseZiele(kaputt: CollectionName[], texteFertig: boolean): (pfad: string, anker?: string) => boolean {
  if (kaputt.length === 0 && texteFertig) return () => false;
  const ordner = kaputt.flatMap((c) => SEITEN_DER_SAMMLUNG[c] ?? ['/']);
  if (kaputt.length > 0) ordner.push('/daten/');
  return (pfad, anker) => anker !== undefined || ordner.some((o) => pfad.startsWith(o));
}

/** Section numbers that stand only in drafts (their `nummer` and numbered headings), with the draft's file. */
function nummernInEntwuerfen(entwuerfe: RawEntry[], ergebnisse: Map<string, MdxErgebnis>): Entwurfsnummern {
  const nummern = new Map<string, string>();
  for (const raw of entwuerfe) {
    if (raw.collection !== 'kapitel' && raw.collection !== 'handlungsfelder') continue;
    const nummer = typeof raw.data.nummer === 'string' ? raw.data.nummer : undefined;
    if (!nummer) continue;
    nummern.set(nummer, raw.file);
    for (const kopf of ergebnisse.get(raw.file)?.headings ?? []) {
      const unter = unterabschnittAus(kopf.text, nummer);
      if (unter) nummern.set(unter.nummer, raw.file);
    }
  }
  return nummern;
}

function findDuplicates(entries: RawEntry[]): Problem[] {
  const seen = new Map<string, RawEntry>();
  const problems: Problem[] = [];
  for (const entry of entries) {
    const first = seen.get(entry.id);
    if (first) {
      problems.push({
        file: entry.file,
        line: entry.line,
        field: 'id',
        expected: `eine eindeutige ID in „${entry.collection}“`,
        found: `„${zeigeUnsichtbare(entry.id)}“, schon vergeben in ${first.file}${first.line ? `:${first.line}` : ''}`,
      });
    } else seen.set(entry.id, entry);
  }
  return problems;
}

function isRef(value: unknown): value is Ref {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 2 &&
    typeof (value as Ref).collection === 'string' &&
    typeof (value as Ref).id === 'string'
  );
}

function walkRefs(value: unknown, path: (string | number)[], visit: (ref: Ref, path: (string | number)[]) => void) {
  if (isRef(value)) visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walkRefs(v, [...path, i], visit));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) walkRefs(v, [...path, key], visit);
  }
}

/**
 * Maßnahmen codes in the plan's own form (plan.yaml `massnahmencodes`). Where the letters
 * stand for a Bildungsbereich, the measure's Bildungsbereich follows from its code.
 */
function pruefeCodes(model: PlanModel): Problem[] {
  const problems: Problem[] = [];
  const { form, buchstabe } = model.plan.massnahmencodes;
  if (form === OHNE_CODES) {
    // No codes: a Maßnahme is known by its file name (or `id`), which is its address and anchor.
    for (const m of model.massnahmen) {
      if (!ANKER_ID_PATTERN.test(m.id)) {
        problems.push({
          file: m.file,
          field: m.data.id === undefined ? undefined : 'id',
          expected: `${m.data.id === undefined ? 'einen Dateinamen' : 'eine ID'} aus Buchstaben, Ziffern, „-“ und „_“ (ohne Leerzeichen und Punkte), weil er die Adresse der Maßnahme ist; Codes hat der Plan nicht (massnahmencodes: keine)`,
          found: `„${zeigeUnsichtbare(m.id)}“`,
        });
      }
    }
    return problems;
  }
  const { muster, beispiel } = CODEFORMEN[form];
  const bereiche = new Map(model.bildungsbereiche.map((b) => [b.data.code, b]));
  const erwartet = `einen Code der Form „${beispiel}“ (massnahmencodes in ${displayDir(model.ort)}/plan.yaml)`;
  for (const m of model.massnahmen) {
    if (m.data.id === undefined) {
      problems.push({ file: m.file, line: 2, field: 'id', expected: `den Code der Maßnahme im Kopf der Datei, z. B. id: "${beispiel}" (massnahmencodes in ${displayDir(model.ort)}/plan.yaml; ein Plan ohne Codes setzt dort „form: keine“)`, found: 'nichts (Feld fehlt)' });
      continue;
    }
    // Former codes (aliase) may have an earlier form: only the current code follows the plan's form.
    const code = m.id;
    const match = muster.exec(code);
    if (!match) {
      problems.push({ file: m.file, field: 'id', expected: erwartet, found: `„${code}“` });
      continue;
    }
    const letters = match[1] ?? '';
    if (buchstabe === 'handlungsfeld' && letters) {
      const hf = model.handlungsfelder.find((h) => h.id === m.data.handlungsfeld.id);
      if (hf && hf.data.kuerzel !== letters) {
        problems.push({
          file: m.file,
          field: 'id',
          expected: hf.data.kuerzel ? `einen Code mit dem Kürzel „${hf.data.kuerzel}“ des Handlungsfelds „${hf.id}“` : `ein „kuerzel“ im Handlungsfeld „${hf.id}“ (${hf.file}), weil die Codes nach Handlungsfeldern gebildet werden`,
          found: `„${code}“`,
        });
      }
    } else if (buchstabe === 'bildungsbereich' && letters) {
      const bereich = bereiche.get(letters);
      if (!bereich) {
        problems.push({ file: m.file, field: 'id', expected: `einen Code, dessen Buchstabe ein Bildungsbereich ist (${[...bereiche.keys()].join(', ') || `keine Codes in ${displayDir(model.ort)}/bildungsbereiche.yaml`})`, found: `„${code}“` });
      } else if (m.data.bildungsbereich && m.data.bildungsbereich.id !== bereich.id) {
        problems.push({ file: m.file, field: 'bildungsbereich', expected: `„${bereich.id}“, wie der Buchstabe ${letters} im Code sagt (oder das Feld weglassen)`, found: `„${m.data.bildungsbereich.id}“` });
      } else {
        m.data.bildungsbereich = { collection: 'bildungsbereiche', id: bereich.id };
      }
    }
  }
  return problems;
}

/**
 * Hints that do not stop the build: references that exist but look wrong. A Maßnahme of one
 * Bildungsbereich that serves the Zielsetzungen of a section belonging to another (the section's
 * own Bildungsbereich or the one it has from the nearest section above it). The hint says what
 * is true: which Bildungsbereich the section belongs to, and, only where the plan has one, the
 * section of the Maßnahme's Bildungsbereich beside it (under the same parent).
 */
export function plausibilitaet(model: PlanModel): Problem[] {
  const out: Problem[] = [];
  const baum = abschnittsbaum(model);
  const bereichsname = (id: string) => model.bildungsbereiche.find((b) => b.id === id)?.data.name ?? id;
  for (const m of model.massnahmen) {
    const bereich = m.data.bildungsbereich?.id;
    if (!bereich) continue;
    m.data.zielsetzungen.forEach((nummer, i) => {
      const a = baum.nachNummer.get(nummer);
      if (!a?.bildungsbereich || a.bildungsbereich === bereich) return;
      const traeger = baum.nachNummer.get(a.bereichVon!) ?? a;
      // Sections of the Maßnahme's own Bildungsbereich under the same parent as the one that sets the other.
      const geschwister = traeger.eltern === undefined ? baum.wurzeln : (baum.nachNummer.get(traeger.eltern)?.kinder ?? []);
      const passende = geschwister.filter((g: Abschnitt) => g !== traeger && g.bildungsbereich === bereich);
      const ueber = traeger === a ? '' : ` (über Abschnitt ${traeger.nummer})`;
      const alternative = passende.length > 0 ? `; zu Bildungsbereich „${bereichsname(bereich)}“ gehört ${passende.length === 1 ? 'Abschnitt' : 'die Abschnitte'} ${passende.map((g) => `${g.nummer} (${g.titel})`).join(', ')}` : '';
      out.push({
        file: m.file,
        line: m.line,
        field: `zielsetzungen.${i}`,
        expected: `einen Abschnitt zum Bildungsbereich „${bereichsname(bereich)}“ der Maßnahme`,
        found: `„${nummer}“ (${a.titel || 'ohne Titel'}): Abschnitt ${nummer} gehört zu Bildungsbereich „${bereichsname(a.bildungsbereich)}“${ueber}${alternative}`,
        hinweis: `Die Nummer unter „zielsetzungen“ prüfen${passende.length > 0 ? ` (gemeint ist vielleicht ${passende.map((g) => g.nummer).join(' oder ')})` : ''}, oder den Bildungsbereich der Maßnahme.`,
      });
    });
  }
  return out;
}

/** Inventory lines whose first replacement lies more than one Nutzungsdauer outside the horizon. */
function ersatzjahreAusserhalb(model: PlanModel) {
  if (!model.plan.planungshorizont) return [];
  const { von, bis } = model.plan.planungshorizont;
  return model.inventar.flatMap((zeile) => {
    const lage = ersatzjahrAusserhalb(zeile.data, von, bis);
    return lage ? [{ zeile, lage }] : [];
  });
}

/**
 * Warnings that do not stop the build, for the build and `npm run pruefen` to print: data
 * that is valid but almost certainly not meant, and that would otherwise change figures
 * silently. Today: a replacement year in the inventory far outside the planning horizon.
 */
export function planWarnungen(model: PlanModel): Problem[] {
  if (!model.plan.planungshorizont) return [];
  const { von, bis } = model.plan.planungshorizont;
  const planFile = `${displayDir(model.ort)}/plan.yaml`;
  const summenBetroffen = model.summen.some((s) => s.data.tabelle === 'Investitionen' || s.data.tabelle === 'Bedarf');
  return [...ersatzjahreAusserhalb(model).map(({ zeile, lage }) => {
    const d = zeile.data;
    const erstes = erstesErsatzjahr(d);
    const herkunft = d.ersatzjahr === undefined ? ` (beschaffungsjahr ${d.beschaffungsjahr} + nutzungsdauer ${d.nutzungsdauer})` : '';
    const jahre = ersatzjahre(d, von, bis);
    const folge =
      jahre.length === 0
        ? 'die Zeile wird im Planungshorizont nie ersetzt und fehlt im Bedarf'
        : `gerechnet wird daraus ein Ersatz in ${jahre.join(', ')}`;
    return {
      file: zeile.file,
      line: zeile.line,
      entry: zeigeUnsichtbare(zeile.id),
      field: d.ersatzjahr === undefined ? 'beschaffungsjahr' : 'ersatzjahr',
      expected: `ein erstes Ersatzjahr nahe am Planungshorizont ${von}–${bis} (${planFile}), höchstens eine Nutzungsdauer (${d.nutzungsdauer} Jahre) ${lage === 'danach' ? 'nach seinem Ende' : 'vor seinem Beginn'}`,
      found: `${erstes}${herkunft}; ${folge}${summenBetroffen ? '. Die angegebenen Summen für Investitionen und Bedarf in summen.csv prüft Planwerk erst wieder, wenn das Jahr stimmt' : ''}`,
      hinweis: 'Das Jahr auf einen Tippfehler prüfen (etwa 2062 statt 2026) und ob Beschaffungsjahr und Nutzungsdauer stimmen.',
    };
  }), ...uebertragOffen(model, planFile)];
}

/**
 * Some years plan more funds than they need while others fall short, and the plan does not say
 * whether the surplus may be carried forward: the site then counts each year on its own and says
 * so; the editors are told how to settle it.
 */
function uebertragOffen(model: PlanModel, planFile: string): Problem[] {
  if (model.plan.finanzplanung.uebertrag !== undefined || model.finanzierung.length === 0) return [];
  const p = prognoseVon(model);
  if (p.summe.luecke === 0 || p.summe.ueberschuss === 0) return [];
  return [{
    file: planFile,
    field: 'finanzplanung.uebertrag',
    expected: 'eine Angabe, ob Mittel, die ein Jahr nicht braucht, spätere Lücken decken dürfen',
    found: 'keine; die Website rechnet jedes Jahr für sich und sagt, dass der Plan es nicht festlegt',
    hinweis: 'Unter „finanzplanung“ „uebertrag: true“ (Überschüsse gehen ins nächste Jahr) oder „uebertrag: false“ eintragen, wie es der Haushalt erlaubt.',
  }];
}

/** Collections whose data needs the plan's `planungshorizont`. */
const FINANZDATEN = ['inventar', 'laufendeKosten', 'finanzierung', 'foerderprogramme', 'finanzbereiche', 'summen'] as const;

/**
 * Warnings for what a public site still needs and a new plan (`npm run neu -- plan`) may not
 * have yet: the pages exist, but say that the information is missing.
 */
export function oeffentlicheAngaben(plan: PlanModel['plan'], planFile: string): Problem[] {
  const fehlt = (field: string, was: string, seite: string): Problem => ({
    file: planFile,
    field,
    expected: `${was}; eine öffentliche Website braucht sie (${seite})`,
    found: `${describeValue(undefined)}; die Seite zeigt nur einen Hinweis, dass die Angaben fehlen`,
    hinweis: `Den Abschnitt „${field}“ in plan.yaml ergänzen, bevor die Website veröffentlicht wird (ein Beispiel mit allen Feldern steht im Beispielplan, content/plan.yaml).`,
  });
  return [
    ...(plan.impressum ? [] : [fehlt('impressum', 'die Angaben für das Impressum (verantwortlich …)', 'Seite Impressum')]),
    ...(plan.herausgeber ? [] : [fehlt('herausgeber', 'den Herausgeber mit Anschrift und E-Mail für das Impressum', 'Seite Impressum')]),
    ...(plan.kontakt ? [] : [fehlt('kontakt', 'eine Ansprechperson für den Plan mit E-Mail', 'Seite Impressum')]),
    ...(plan.datenschutz ? [] : [fehlt('datenschutz', 'die Angaben für die Datenschutzerklärung (verantwortlicher, datenschutzbeauftragter, hosting, aufsichtsbehoerde)', 'Seite Datenschutz')]),
    ...(plan.barrierefreiheit ? [] : [fehlt('barrierefreiheit', 'die Angaben für die Erklärung zur Barrierefreiheit (stand, status, pruefmethode, kontakt, schlichtungsstelle)', 'Seite Erklärung zur Barrierefreiheit')]),
  ];
}

/**
 * Rules that span several fields or collections, each with the collections it reads: validatePlan
 * runs a rule when they are intact, so a broken entry elsewhere does not hide its findings.
 */
const KONSISTENZ: { was: string; braucht: readonly CollectionName[]; pruefe: (model: PlanModel) => Problem[] }[] = [
  {
    was: 'Planungszeitraum, Planungshorizont und die Erklärung zur Barrierefreiheit in sich stimmig',
    braucht: ['plan'],
    pruefe: (model) => {
      const problems: Problem[] = [];
      const planFile = `${displayDir(model.ort)}/plan.yaml`;
      const { plan } = model;
      if (plan.planungszeitraum && plan.planungszeitraum.von > plan.planungszeitraum.bis) {
        problems.push({ file: planFile, field: 'planungszeitraum', expected: '„von“ nicht nach „bis“', found: `${plan.planungszeitraum.von}–${plan.planungszeitraum.bis}` });
      }
      if (plan.planungshorizont && plan.planungshorizont.von > plan.planungshorizont.bis) {
        problems.push({ file: planFile, field: 'planungshorizont', expected: '„von“ nicht nach „bis“', found: `${plan.planungshorizont.von}–${plan.planungshorizont.bis}` });
      }
      // The EU model statement: a site that is not fully accessible names what is not, and why.
      // A new plan without the statement gets a warning instead (see oeffentlicheAngaben).
      const b = plan.barrierefreiheit;
      if (b && (b.status === 'vollständig vereinbar') !== (b.nichtBarrierefrei.length === 0)) {
        problems.push({
          file: planFile,
          field: 'barrierefreiheit.nichtBarrierefrei',
          expected: b.status === 'vollständig vereinbar' ? 'keine Einträge, wenn der Status „vollständig vereinbar“ ist' : `mindestens einen Eintrag (was, warum), wenn der Status „${b.status}“ ist`,
          found: b.nichtBarrierefrei.length === 0 ? 'keinen' : `${b.nichtBarrierefrei.length} Einträge`,
        });
      }
      return problems;
    },
  },
  {
    was: 'Finanzdaten brauchen einen Planungshorizont',
    braucht: ['plan', ...FINANZDATEN],
    pruefe: (model) => {
      const problems: Problem[] = [];
      const planFile = `${displayDir(model.ort)}/plan.yaml`;
      const { plan } = model;
      // A new plan may leave the horizon open, but finance data needs the years it is planned for.
      const finanzdaten = FINANZDATEN.filter((c) => model[c].length > 0);
      if (!plan.planungshorizont && finanzdaten.length > 0) {
        problems.push({
          file: planFile,
          field: 'planungshorizont',
          expected: `die Jahre der Finanzplanung (planungshorizont: { von: …, bis: … }), weil der Plan Finanzdaten hat (${finanzdaten.map((c) => sourcePath(model.ort, c)).join(', ')})`,
          found: describeValue(undefined),
        });
      }
      return problems;
    },
  },
  {
    was: 'Maßnahmencodes in der Form des Plans',
    braucht: ['plan', 'massnahmen', 'handlungsfelder', 'bildungsbereiche'],
    pruefe: (model) => {
      const problems: Problem[] = [];
      problems.push(...pruefeCodes(model));
      return problems;
    },
  },
  {
    was: 'Ziel-IDs eindeutig, Ziele der Maßnahmen aus ihren Handlungsfeldern',
    braucht: ['handlungsfelder', 'massnahmen'],
    pruefe: (model) => {
      const problems: Problem[] = [];
      // Goal ids are anchors on the same site: unique across all Handlungsfelder.
      const goalOwner = new Map<string, Entry<'handlungsfelder'>>();
      for (const hf of model.handlungsfelder) {
        hf.data.ziele.forEach((ziel, i) => {
          const other = goalOwner.get(ziel.id);
          if (!other) {
            goalOwner.set(ziel.id, hf);
          } else if (ziel.code && ziel.id === new GithubSlugger().slug(ziel.code)) {
            // The anchor came from the goal's label: plans often number the goals of every field Z1, Z2 …
            problems.push({
              file: hf.file,
              field: `ziele.${i}.code`,
              expected: 'eine Bezeichnung, die im ganzen Plan nur einmal vorkommt, oder eine eigene „id“ für dieses Ziel (ohne id wird die Bezeichnung zum Anker)',
              found: `„${ziel.code}“ (Anker „${ziel.id}“), schon vergeben in ${other.file}`,
              hinweis: `Dem Ziel eine eigene id geben, etwa „id: ${hf.id}-${ziel.id}“; die Bezeichnung „${ziel.code}“ bleibt, wie sie ist.`,
            });
          } else {
            problems.push({ file: hf.file, field: `ziele.${i}.id`, expected: 'eine Ziel-ID, die im ganzen Plan nur einmal vorkommt', found: `„${ziel.id}“, schon vergeben in ${other.file}` });
          }
        });
      }
      for (const m of model.massnahmen) {
        m.data.ziele.forEach((zielId, i) => {
          const owner = goalOwner.get(zielId);
          if (!owner) {
            problems.push({ file: m.file, field: `ziele.${i}`, expected: `die ID eines Ziels aus ${displayDir(model.ort)}/handlungsfelder/`, found: `„${zielId}“, das es nicht gibt` });
          } else if (!m.data.handlungsfelder.some((h) => h.id === owner.id)) {
            problems.push({ file: m.file, field: `ziele.${i}`, expected: `ein Ziel der Handlungsfelder der Maßnahme (${m.data.handlungsfelder.map((h) => `„${h.id}“`).join(', ')})`, found: `„${zielId}“ aus „${owner.id}“ (${owner.file})` });
          }
        });
      }
      return problems;
    },
  },
  {
    was: 'Akteure in den Gruppen des Plans',
    braucht: ['plan', 'akteure'],
    pruefe: (model) => {
      const problems: Problem[] = [];
      const planFile = `${displayDir(model.ort)}/plan.yaml`;
      const { plan } = model;
      // Actors belong to the plan's own groups, or to the default Ebenen.
      const gruppen = akteursgruppen(plan).map((g) => g.name);
      const gruppenQuelle = plan.akteursgruppen ? `den Akteursgruppen in ${planFile}` : 'den Ebenen (eigene Gruppen: „akteursgruppen“ in plan.yaml)';
      for (const a of model.akteure) {
        for (const [field, ebene] of [['ebene', a.data.ebene], ['doppelrolle.ebene', a.data.doppelrolle?.ebene]] as const) {
          if (ebene !== undefined && !gruppen.includes(ebene)) {
            problems.push({ file: a.file, line: a.line, entry: a.id, field, expected: `eine der Gruppen aus ${gruppenQuelle}: ${gruppen.map((g) => `„${g}“`).join(', ')}`, found: `„${ebene}“` });
          }
        }
      }
      return problems;
    },
  },
  {
    was: 'keine Beziehung eines Akteurs zu sich selbst',
    braucht: ['akteure'],
    pruefe: (model) => {
      const problems: Problem[] = [];
      for (const a of model.akteure) {
        a.data.beziehungen.forEach((b, i) => {
          if (b.ziel.id === a.id) {
            problems.push({ file: a.file, line: a.line, entry: a.id, field: `beziehungen.${i}.ziel`, expected: 'einen anderen Akteur', found: `„${a.id}“ selbst` });
          }
        });
      }
      return problems;
    },
  },
  {
    was: 'Kapitel ohne Kreis',
    braucht: ['kapitel'],
    pruefe: (model) => {
      const problems: Problem[] = [];
      for (const k of model.kapitel) {
        const seen = new Set([k.id]);
        let parent = k.data.eltern?.id;
        while (parent) {
          if (seen.has(parent)) {
            problems.push({ file: k.file, field: 'eltern', expected: 'eine Kapitel-Hierarchie ohne Kreis', found: `einen Kreis über „${parent}“` });
            break;
          }
          seen.add(parent);
          parent = model.kapitel.find((c) => c.id === parent)?.data.eltern?.id;
        }
      }
      return problems;
    },
  },
  {
    was: 'Jahresdaten im Planungshorizont',
    braucht: ['plan', 'laufendeKosten', 'finanzierung'],
    pruefe: (model) => {
      const problems: Problem[] = [];
      const { plan } = model;
      // Yearly data outside the horizon would silently drop out of every table.
      const { von, bis } = plan.planungshorizont ?? { von: -Infinity, bis: Infinity };
      for (const row of [...model.laufendeKosten, ...model.finanzierung]) {
        if (row.data.jahr < von || row.data.jahr > bis) {
          problems.push({ file: row.file, line: row.line, entry: row.id, field: 'jahr', expected: `ein Jahr im Planungshorizont ${von}–${bis} (${displayDir(model.ort)}/plan.yaml)`, found: String(row.data.jahr) });
        }
      }
      return problems;
    },
  },
  {
    was: 'angegebene Summen gegen die berechneten',
    braucht: ['plan', ...FINANZEN],
    pruefe: (model) => {
      const problems: Problem[] = [];
      const forecast = prognoseVon(model);
      // A replacement year far outside the horizon (a warning of planWarnungen, at its inventory
      // line) changes the computed investments: the stated sums that depend on them are not
      // blamed for it.
      const inventarVerdaechtig = ersatzjahreAusserhalb(model).length > 0;
      for (const angabe of model.summen) {
        const abweichung = pruefeSumme(forecast, angabe.data);
        if (!abweichung) continue;
        if (inventarVerdaechtig && abweichung.berechnet !== undefined && (angabe.data.tabelle === 'Investitionen' || angabe.data.tabelle === 'Bedarf')) continue;
        problems.push({
          file: angabe.file,
          line: angabe.line,
          entry: angabe.id,
          field: 'angegeben',
          expected:
            abweichung.berechnet === undefined
              ? `ein Jahr im Planungshorizont ${forecast.von}–${forecast.bis}`
              : `die berechnete Summe ${formatEuro(abweichung.berechnet, true)} (${angabe.data.tabelle} ${angabe.data.jahr}) bis auf ± ${formatEuro(angabe.data.genauigkeit / 2, true)}: die berechnete Summe ist genau, nur die angegebene ist auf ${formatEuro(angabe.data.genauigkeit, true)} gerundet und kann um die Hälfte davon abweichen`,
          found: `${formatEuro(angabe.data.angegeben, true)} laut ${angabe.data.quelle}`,
        });
      }
      return problems;
    },
  },
  {
    was: 'veröffentlichte Finanztabellen',
    braucht: ['plan', 'finanzbereiche', 'finanzwerte'],
    pruefe: (model) => {
      const problems: Problem[] = [];
      problems.push(...finanztabellenVon(model).problems);
      return problems;
    },
  },
  {
    was: 'Stand und Quelle jedes Datensatzes',
    braucht: ['datensaetze', ...DATASET_COLLECTIONS],
    pruefe: (model) => {
      const problems: Problem[] = [];
      const datasets = new Set(model.datensaetze.map((d) => d.id));
      for (const collection of DATASET_COLLECTIONS) {
        if (model[collection].length > 0 && !datasets.has(collection)) {
          problems.push({ file: `${displayDir(model.ort)}/daten/datensaetze.yaml`, expected: `einen Eintrag mit id „${collection}“ (Stand und Quelle dieser Daten)`, found: 'keinen' });
        }
      }
      return problems;
    },
  },
  {
    was: 'Förderprogramm genau bei Finanzierung der Art Förderprogramm',
    braucht: ['finanzierung'],
    pruefe: (model) => {
      const problems: Problem[] = [];
      for (const row of model.finanzierung) {
        const isProgramme = row.data.art === 'Förderprogramm';
        if (isProgramme !== Boolean(row.data.foerderprogramm)) {
          problems.push({
            file: row.file,
            entry: row.id,
            field: 'foerderprogramm',
            expected: isProgramme ? 'die ID eines Förderprogramms, wenn art „Förderprogramm“ ist' : 'eine leere Zelle, wenn art kein Förderprogramm ist',
            found: describeValue(row.data.foerderprogramm?.id),
          });
        }
      }
      return problems;
    },
  },
];
