/**
 * Survey rounds (Erhebungen): the Bestands- und Bedarfsabfrage a Schulträger sends to every
 * school, repeated over the years. daten/erhebungen.yaml lists the rounds (id "2024-03",
 * Stichtag, method, source) and what they ask beyond Planwerk's own fields: needs with a
 * priority, attitude questions to staff, internal fields, the smallest published group. Each
 * round's answers are one CSV, daten/erhebungen/<id>.csv, one row per school, first column
 * `schule` (the stable id from daten/schulen.csv).
 *
 * A column a round's CSV does not have was not asked: "nicht erhoben". An empty cell in an
 * asked column is a school that gave no answer: "keine Angabe". Neither is ever 0.
 *
 * A plan without rounds may give one set of figures in daten/schulen.csv; it counts as a
 * single round that is not named on the site (`explizit: false`), so every page and figure
 * reads school figures through this module alone.
 */
import { z } from 'astro/zod';
import { adresse, GEFUNDEN_PARAM } from '../plan/adressen.ts';
import { count, dateSchema, emptyToUndefined, germanNumber, percent, type Data } from '../plan/schemas/index.ts';
import type { Entry, PlanModel } from '../plan/model.ts';
import type { Problem } from '../plan/problems.ts';
import { jeModell } from '../plan/indexe.ts';
import { sourcePath } from '../plan/sources.ts';
import { formatDate, formatNumber, formatPercent } from '../plan/format.ts';
import { beginn, nach, vergleicheDaten } from '../plan/datum.ts';

export const PRIORITAETEN = ['hoch', 'mittel', 'gering', 'kein'] as const;
export type Prioritaet = (typeof PRIORITAETEN)[number];
export const MEDIENKONZEPT_STATUS = ['entwurf', 'beschlossen', 'in-ueberarbeitung'] as const;

type Art = 'anzahl' | 'prozent' | 'zahl' | 'datum' | 'url' | 'status';

export interface FeldDefinition {
  name: string;
  art: Art;
  /** Unit after the number, where it is not a count or a percentage. */
  einheit?: string;
  /** Never published per school, whatever the plan says (security findings, answers of staff). */
  immerIntern?: boolean;
}

/** Planwerk's own survey fields, in the order pages show them. */
export const FELDER = {
  schuelerzahl: { name: 'Schülerinnen und Schüler', art: 'anzahl' },
  lehrkraefte: { name: 'Lehrkräfte', art: 'anzahl' },
  endgeraete_schueler: { name: 'Mobile Endgeräte für Schülerinnen und Schüler', art: 'anzahl' },
  endgeraete_lehrkraefte: { name: 'Dienstgeräte für Lehrkräfte', art: 'anzahl' },
  pc_arbeitsplaetze: { name: 'Stationäre PC-Arbeitsplätze', art: 'anzahl' },
  unterrichtsraeume: { name: 'Unterrichtsräume', art: 'anzahl' },
  praesentationsmedien: { name: 'Unterrichtsräume mit Präsentationstechnik', art: 'anzahl' },
  wlan_abdeckung: { name: 'WLAN-Abdeckung der Unterrichtsräume', art: 'prozent' },
  breitband_mbit: { name: 'Breitbandanschluss', art: 'anzahl', einheit: 'Mbit/s' },
  tickets: { name: 'Support-Tickets in den zwölf Monaten vor dem Stichtag', art: 'anzahl' },
  reaktionszeit_h: { name: 'Mittlere Zeit bis zur ersten Reaktion des Supports', art: 'zahl', einheit: 'Stunden' },
  netz_schwachstellen: { name: 'Offene Schwachstellen im Schulnetz', art: 'anzahl', immerIntern: true },
  medienkonzept_stand: { name: 'Medienkonzept zuletzt fortgeschrieben', art: 'datum' },
  medienkonzept_status: { name: 'Stand des Medienkonzepts', art: 'status' },
  medienkonzept_naechste: { name: 'Nächste Fortschreibung des Medienkonzepts', art: 'datum' },
  medienkonzept_url: { name: 'Medienkonzept (Adresse)', art: 'url' },
  antworten: { name: 'Antworten der Lehrkräftebefragung', art: 'anzahl', immerIntern: true },
} as const satisfies Record<string, FeldDefinition>;

export type Feld = keyof typeof FELDER;
export type Zahlfeld = { [K in Feld]: (typeof FELDER)[K]['art'] extends 'anzahl' | 'prozent' | 'zahl' ? K : never }[Feld];
/** The fields that were figures in daten/schulen.csv before there were rounds. */
const STAMMDATEN_ZAHLEN = ['schuelerzahl', 'lehrkraefte', 'endgeraete_schueler', 'endgeraete_lehrkraefte', 'unterrichtsraeume', 'praesentationsmedien', 'wlan_abdeckung', 'breitband_mbit', 'medienkonzept_stand', 'medienkonzept_url'] as const;

export const BEDARF = 'bedarf_';
export const HALTUNG = 'haltung_';
/** A school's level of self-evaluation in one area: `stufe_<bereich>` (erhebungen.yaml `selbsteinschaetzung`). */
export const STUFE = 'stufe_';

const PARSER: Record<Art, z.ZodType> = {
  anzahl: count,
  prozent: percent,
  zahl: germanNumber().pipe(z.number().min(0, { error: 'eine Zahl ≥ 0' })),
  datum: dateSchema,
  url: adresse('extern'),
  status: z.enum(MEDIENKONZEPT_STATUS, { error: `einen der Werte ${MEDIENKONZEPT_STATUS.join(', ')}` }),
};
const PRIORITAET = z.enum(PRIORITAETEN, { error: `eine Priorität: ${PRIORITAETEN.join(', ')}` });

export interface Runde {
  id: string;
  /** "Erhebung März 2024", or the round's own title. */
  titel: string;
  /** The round's Stichtag (a day); for the figures of daten/schulen.csv, the dataset's Stand as the plan dates it. */
  stichtag: string;
  methode?: string;
  quelle?: string;
  beschreibung?: string;
  /** False for the figures of daten/schulen.csv in a plan without rounds: the site names no round. */
  explizit: boolean;
  /** The file the answers come from. */
  datei: string;
  /** The columns this round asked (fields, needs `bedarf_…`, questions `haltung_…`, `schulform`). */
  gefragt: ReadonlySet<string>;
}

/** One school's answers in one round. */
export interface Stand {
  schule: string;
  runde: string;
  /** The Schulform at the Stichtag: the round's `schulform` column, else the school's own. */
  schulform: string;
  werte: Partial<Record<Zahlfeld, number>> & { medienkonzept_stand?: string; medienkonzept_naechste?: string; medienkonzept_url?: string; medienkonzept_status?: (typeof MEDIENKONZEPT_STATUS)[number] };
  bedarfe: Record<string, Prioritaet>;
  haltungen: Record<string, number>;
  /** Area id → the level id the school gave itself (Selbsteinschätzung). */
  stufen: Record<string, string>;
  file: string;
  line?: number;
}

export type Konfiguration = Data<'erhebungen'>;

export interface Erhebungsdaten {
  /** Oldest first. */
  runden: Runde[];
  jeRunde: ReadonlyMap<string, readonly Stand[]>;
  /** Per school its answers, oldest round first. */
  jeSchule: ReadonlyMap<string, readonly Stand[]>;
  konfiguration?: Konfiguration;
  /** Fields never published per school: the plan's `intern`, the fixed ones, every attitude question, the levels of the self-evaluation unless the plan publishes them per school. */
  intern: ReadonlySet<string>;
}

const MONATE = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
/** "2024-03" → "März 2024". */
export function rundenMonat(id: string): string {
  const [jahr, monat] = id.split('-');
  return `${MONATE[Number(monat) - 1] ?? monat} ${jahr}`;
}

/** How a column of a round's CSV is read, or undefined for a column Planwerk and the plan do not know. */
function spalte(name: string, konfiguration: Konfiguration | undefined): { art: 'feld'; feld: Feld } | { art: 'bedarf' | 'haltung' | 'stufe'; id: string } | { art: 'schulform' } | undefined {
  if (name === 'schulform') return { art: 'schulform' };
  if (name in FELDER) return { art: 'feld', feld: name as Feld };
  if (name.startsWith(BEDARF) && konfiguration?.bedarfe.some((b) => b.id === name.slice(BEDARF.length))) return { art: 'bedarf', id: name.slice(BEDARF.length) };
  if (name.startsWith(HALTUNG) && konfiguration?.fragen.some((f) => f.id === name.slice(HALTUNG.length))) return { art: 'haltung', id: name.slice(HALTUNG.length) };
  if (name.startsWith(STUFE) && konfiguration?.selbsteinschaetzung?.bereiche.some((b) => b.id === name.slice(STUFE.length))) return { art: 'stufe', id: name.slice(STUFE.length) };
  return undefined;
}

/** Every column a round may have, for messages and the import's mapping. */
export function bekannteSpalten(konfiguration: Konfiguration | undefined): string[] {
  return [
    'schulform',
    ...Object.keys(FELDER),
    ...(konfiguration?.bedarfe ?? []).map((b) => BEDARF + b.id),
    ...(konfiguration?.fragen ?? []).map((f) => HALTUNG + f.id),
    ...(konfiguration?.selbsteinschaetzung?.bereiche ?? []).map((b) => STUFE + b.id),
  ];
}

type Stufen = NonNullable<Konfiguration['selbsteinschaetzung']>['stufen'];
/** The reader of a grid's levels, made once per grid (every cell of every round is read with it). */
const stufenSchemas = new WeakMap<Stufen, z.ZodType<string>>();

/**
 * A level of the self-evaluation grid, by its id or its name (case and spaces aside), as a
 * spreadsheet or form gives it: „aufbau“, „Aufbau“.
 */
function stufenSchema(konfiguration: Konfiguration): z.ZodType<string> {
  const stufen = konfiguration.selbsteinschaetzung!.stufen;
  const fertig = stufenSchemas.get(stufen);
  if (fertig) return fertig;
  const schluessel = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('de-DE');
  const nachText = new Map<string, string>();
  for (const st of stufen) for (const t of [st.id, st.name]) nachText.set(schluessel(t), st.id);
  const schema = z.string().transform((text, ctx) => {
    const id = nachText.get(schluessel(text));
    if (id === undefined) {
      ctx.addIssue({ code: 'custom', message: `eine Stufe aus daten/erhebungen.yaml (selbsteinschaetzung.stufen): ${stufen.map((st) => `${st.id} („${st.name}“)`).join(', ')}` });
      return z.NEVER;
    }
    return id;
  });
  stufenSchemas.set(stufen, schema);
  return schema;
}

/** Reads one cell; a problem text ({expected}) where it cannot be used. */
export function leseZelle(name: string, text: string, konfiguration: Konfiguration | undefined, schulformen: readonly string[]): { wert?: unknown; fehler?: string; gefunden?: string; unbekannt?: boolean } {
  const s = spalte(name, konfiguration);
  if (!s) return { unbekannt: true };
  if (emptyToUndefined(text.trim()) === undefined) return {};
  const schema = s.art === 'schulform' ? z.enum(schulformen as [string, ...string[]], { error: `eine Schulform aus schulformen.yaml: ${schulformen.join(', ')}` }) : s.art === 'feld' ? PARSER[FELDER[s.feld].art] : s.art === 'bedarf' ? PRIORITAET : s.art === 'stufe' ? stufenSchema(konfiguration!) : percent;
  const r = schema.safeParse(s.art === 'bedarf' ? text.trim().toLowerCase() : text.trim());
  if (r.success) return { wert: r.data };
  const issue = r.error.issues[0];
  const gefunden = issue?.code === 'custom' ? (issue.params?.[GEFUNDEN_PARAM] as string | undefined) : undefined;
  return { fehler: issue?.message ?? 'einen gültigen Wert', ...(gefunden ? { gefunden } : {}) };
}

function rundeAusKonfiguration(r: Konfiguration['runden'][number], datei: string, gefragt: Set<string>): Runde {
  return { id: r.id, titel: r.titel ?? `Erhebung ${rundenMonat(r.id)}`, stichtag: r.stichtag, methode: r.methode, quelle: r.quelle, beschreibung: r.beschreibung, explizit: true, datei, gefragt };
}

function bilde(model: PlanModel): Erhebungsdaten {
  const konfiguration = model.erhebungen[0]?.data;
  const stammSchulform = new Map(model.schulen.map((s) => [s.id, s.data.schulform.id]));
  const schulformen = model.schulformen.map((f) => f.id);
  const runden: Runde[] = [];
  const jeRunde = new Map<string, Stand[]>();
  if (konfiguration) {
    const zeilen = new Map<string, Entry<'erhebungswerte'>[]>();
    for (const z of model.erhebungswerte) zeilen.set(z.data.tabelle, [...(zeilen.get(z.data.tabelle) ?? []), z]);
    for (const r of konfiguration.runden) {
      const eintraege = zeilen.get(r.id) ?? [];
      const gefragt = new Set(eintraege[0] ? Object.keys(eintraege[0].data.werte).filter((k) => spalte(k, konfiguration)) : []);
      runden.push(rundeAusKonfiguration(r, eintraege[0]?.file ?? `${sourcePath(model.ort, 'erhebungswerte')}${r.id}.csv`, gefragt));
      jeRunde.set(
        r.id,
        eintraege.map((e) => {
          const stand: Stand = { schule: e.data.zeile, runde: r.id, schulform: stammSchulform.get(e.data.zeile) ?? '', werte: {}, bedarfe: {}, haltungen: {}, stufen: {}, file: e.file, line: e.line };
          for (const [name, text] of Object.entries(e.data.werte)) {
            const s = spalte(name, konfiguration);
            const { wert } = leseZelle(name, text, konfiguration, schulformen);
            if (!s || wert === undefined) continue;
            if (s.art === 'schulform') stand.schulform = wert as string;
            else if (s.art === 'feld') (stand.werte as Record<string, unknown>)[s.feld] = wert;
            else if (s.art === 'bedarf') stand.bedarfe[s.id] = wert as Prioritaet;
            else if (s.art === 'stufe') stand.stufen[s.id] = wert as string;
            else stand.haltungen[s.id] = wert as number;
          }
          return stand;
        }),
      );
    }
  } else if (model.schulen.length > 0) {
    // The figures of daten/schulen.csv as the plan's one, unnamed round.
    const gefragt = new Set<string>(STAMMDATEN_ZAHLEN.filter((f) => model.schulen.some((s) => s.data[f] !== undefined)));
    if (gefragt.size > 0) {
      const stand = model.datensaetze.find((d) => d.id === 'schulen')?.data.stand ?? model.plan.stand;
      runden.push({ id: 'schulen', titel: 'Schuldaten', stichtag: stand, explizit: false, datei: sourcePath(model.ort, 'schulen'), gefragt });
      jeRunde.set(
        'schulen',
        model.schulen.map((s) => ({
          schule: s.id,
          runde: 'schulen',
          schulform: s.data.schulform.id,
          werte: Object.fromEntries(STAMMDATEN_ZAHLEN.filter((f) => s.data[f] !== undefined).map((f) => [f, s.data[f]])),
          bedarfe: {},
          haltungen: {},
          stufen: {},
          file: s.file,
          line: s.line,
        })),
      );
    }
  }
  runden.sort((a, b) => vergleicheDaten(a.stichtag, b.stichtag));
  const jeSchule = new Map<string, Stand[]>();
  for (const r of runden) for (const s of jeRunde.get(r.id)!) jeSchule.set(s.schule, [...(jeSchule.get(s.schule) ?? []), s]);
  const intern = new Set<string>([
    ...(konfiguration?.intern ?? []),
    ...Object.entries(FELDER).filter(([, d]) => 'immerIntern' in d && d.immerIntern).map(([k]) => k),
    ...(konfiguration?.fragen ?? []).map((f) => HALTUNG + f.id),
    // A school's own levels are public only where the plan says so.
    ...(konfiguration?.selbsteinschaetzung?.veroeffentlichen === 'schule' ? [] : (konfiguration?.selbsteinschaetzung?.bereiche ?? []).map((b) => STUFE + b.id)),
  ]);
  return { runden, jeRunde, jeSchule, konfiguration, intern };
}

/** The rounds and answers of a plan, read once per model. */
export const erhebungsdaten = jeModell('erhebungsdaten', bilde);

/** The latest round, or undefined for a plan without school figures. */
export function letzteRunde(model: PlanModel): Runde | undefined {
  return erhebungsdaten(model).runden.at(-1);
}

/** Does the plan get the page of the schools' needs: needs configured, and the latest round asked about one? */
export function hatBedarfsseite(model: PlanModel): boolean {
  const gefragt = letzteRunde(model)?.gefragt;
  return (erhebungsdaten(model).konfiguration?.bedarfe.length ?? 0) > 0 && [...(gefragt ?? [])].some((s) => s.startsWith(BEDARF));
}

/** A round by id; the latest when none is given. Throws for an unknown id. */
export function runde(model: PlanModel, id?: string): Runde | undefined {
  const { runden } = erhebungsdaten(model);
  if (id === undefined) return runden.at(-1);
  const r = runden.find((x) => x.id === id);
  if (!r) throw new Error(`Unbekannte Erhebung „${id}“`);
  return r;
}

/** The answers of one round (the latest when none is given). */
export function staendeDerRunde(model: PlanModel, id?: string): readonly Stand[] {
  const r = runde(model, id);
  return r ? (erhebungsdaten(model).jeRunde.get(r.id) ?? []) : [];
}

/** A school's answers in the latest round it took part in. */
export function aktuellerStand(model: PlanModel, schule: string): Stand | undefined {
  return erhebungsdaten(model).jeSchule.get(schule)?.at(-1);
}

/** Whether the plan names its rounds (more than the figures of schulen.csv). */
export function mitErhebungen(model: PlanModel): boolean {
  return model.erhebungen.length > 0;
}

/** How a value of a school reads when it is missing: the round did not ask, or the school did not answer. */
export function fehlt(r: Pick<Runde, 'gefragt'>, spalteName: string): 'nicht erhoben' | 'keine Angabe' {
  return r.gefragt.has(spalteName) ? 'keine Angabe' : 'nicht erhoben';
}

/** Whether a field may be shown for a single school (not internal, not an attitude question). */
export function oeffentlich(model: PlanModel, spalteName: string): boolean {
  return !erhebungsdaten(model).intern.has(spalteName);
}

/** Whether a school exists at a date: founded on or before it, not closed before it. */
export function bestehtAm(s: Pick<Data<'schulen'>, 'seit' | 'bis'>, datum: string): boolean {
  return (!s.seit || s.seit <= datum) && (!s.bis || s.bis >= datum);
}

/** The schools that carried on into this one (closed or merged schools naming it as `nachfolger`). */
export function vorgaenger(model: PlanModel, schule: string): Entry<'schulen'>[] {
  return model.schulen.filter((s) => s.data.nachfolger?.id === schule);
}

/**
 * Checks the rounds against the plan: each round has its CSV and each CSV its round, every column
 * is known, every cell reads as its field, every school is in daten/schulen.csv and open at the
 * Stichtag, and daten/schulen.csv holds no figures once there are rounds (one place per figure).
 */
export function pruefeErhebungen(model: PlanModel): Problem[] {
  const problems: Problem[] = pruefeSchuldaten(model);
  const konfiguration = model.erhebungen[0]?.data;
  const yaml = sourcePath(model.ort, 'erhebungen');
  const ordner = sourcePath(model.ort, 'erhebungswerte');
  if (!konfiguration) {
    if (model.erhebungswerte.length > 0) {
      problems.push({ file: model.erhebungswerte[0]!.file, expected: `die Erhebungen in ${yaml} (Stichtag, Methode und Quelle jeder Runde)`, found: 'keine Datei' });
    }
    return problems;
  }
  problems.push(...zahlenInStammdaten(model, ordner));
  const eintrag = model.erhebungen[0]!;
  const ids = pruefeKonfiguration(model, eintrag, problems);
  const zeilen = new Map<string, Entry<'erhebungswerte'>[]>();
  for (const z of model.erhebungswerte) zeilen.set(z.data.tabelle, [...(zeilen.get(z.data.tabelle) ?? []), z]);
  for (const [tabelle, eintraege] of zeilen) {
    if (!ids.has(tabelle)) {
      problems.push({ file: eintraege[0]!.file, expected: `eine Datei je Erhebung aus ${yaml}, benannt nach ihrer ID (${[...ids].map((i) => `${i}.csv`).join(', ')})`, found: `„${tabelle}.csv“ ohne Erhebung` });
    }
  }
  konfiguration.runden.forEach((r, i) => {
    const eintraege = zeilen.get(r.id);
    if (!eintraege) {
      problems.push({ file: eintrag.file, entry: 'erhebungen', field: `runden.${i}.id`, expected: `die Antworten der Erhebung in ${ordner}${r.id}.csv`, found: 'keine Datei' });
      return;
    }
    problems.push(...pruefeRunde(model, r, eintraege));
  });
  return problems;
}

/** A school's own dates: a successor other than itself, a last day with a successor, `bis` after `seit`. */
function pruefeSchuldaten(model: PlanModel): Problem[] {
  const problems: Problem[] = [];
  for (const s of model.schulen) {
    const d = s.data;
    if (d.nachfolger && d.nachfolger.id === s.id) problems.push({ file: s.file, line: s.line, entry: s.id, field: 'nachfolger', expected: 'eine andere Schule als diese selbst', found: `„${s.id}“` });
    if (d.nachfolger && !d.bis) problems.push({ file: s.file, line: s.line, entry: s.id, field: 'bis', expected: 'den letzten Schultag, wenn die Schule einen Nachfolger hat', found: 'eine leere Zelle' });
    if (d.seit && d.bis && d.bis < d.seit) problems.push({ file: s.file, line: s.line, entry: s.id, field: 'bis', expected: `ein Datum nach „seit“ (${d.seit})`, found: d.bis });
  }
  return problems;
}

/** Figures in daten/schulen.csv although the plan has rounds: they belong in the round's CSV. */
function zahlenInStammdaten(model: PlanModel, ordner: string): Problem[] {
  const problems: Problem[] = [];
  for (const s of model.schulen) {
    const zahlen = STAMMDATEN_ZAHLEN.filter((f) => s.data[f] !== undefined);
    if (zahlen.length > 0) {
      problems.push({
        file: s.file,
        line: s.line,
        entry: s.id,
        field: zahlen[0],
        expected: `keine Zahlen in den Stammdaten, weil der Plan Erhebungen hat: sie stehen je Runde in ${ordner}`,
        found: `Werte in ${zahlen.map((f) => `„${f}“`).join(', ')}`,
        hinweis: `Die Spalten ${zahlen.join(', ')} aus daten/schulen.csv in die Datei der passenden Erhebung übernehmen und hier löschen.`,
      });
    }
  }
  return problems;
}

/** Checks daten/erhebungen.yaml itself (internal fields, fields per Handlungsfeld, the rounds); returns the rounds' ids. */
function pruefeKonfiguration(model: PlanModel, eintrag: Entry<'erhebungen'>, problems: Problem[]): Set<string> {
  const konfiguration = eintrag.data;
  const bekannt = bekannteSpalten(konfiguration);
  konfiguration.intern.forEach((name, i) => {
    if (!bekannt.includes(name) || name === 'schulform') problems.push({ file: eintrag.file, entry: 'erhebungen', field: `intern.${i}`, expected: `ein Feld der Erhebungen: ${bekannt.filter((b) => b !== 'schulform').join(', ')}`, found: `„${name}“` });
  });
  konfiguration.handlungsfelder.forEach((h, i) =>
    h.felder.forEach((name, j) => {
      if (!(name in FELDER)) problems.push({ file: eintrag.file, entry: 'erhebungen', field: `handlungsfelder.${i}.felder.${j}`, expected: `ein Feld der Erhebungen: ${Object.keys(FELDER).join(', ')}`, found: `„${name}“` });
    }),
  );
  const ids = new Set<string>();
  konfiguration.runden.forEach((r, i) => {
    if (ids.has(r.id)) problems.push({ file: eintrag.file, entry: 'erhebungen', field: `runden.${i}.id`, expected: 'eine ID, die keine andere Erhebung hat', found: `„${r.id}“ ein zweites Mal` });
    ids.add(r.id);
    if (nach(r.stichtag, model.plan.stand)) problems.push({ file: eintrag.file, entry: 'erhebungen', field: `runden.${i}.stichtag`, expected: `einen Stichtag bis zum Stand des Plans (${model.plan.stand})`, found: r.stichtag });
  });
  return ids;
}

/** One round's CSV: known columns, schools of the plan open at the Stichtag, every cell readable as its field. */
function pruefeRunde(model: PlanModel, r: Data<'erhebungen'>['runden'][number], eintraege: Entry<'erhebungswerte'>[]): Problem[] {
  const problems: Problem[] = [];
  const konfiguration = model.erhebungen[0]!.data;
  const yaml = sourcePath(model.ort, 'erhebungen');
  const bekannt = bekannteSpalten(konfiguration);
  const schulen = new Map(model.schulen.map((s) => [s.id, s]));
  const schulformen = model.schulformen.map((f) => f.id);
  const datei = eintraege[0]!.file;
  for (const name of Object.keys(eintraege[0]!.data.werte)) {
    if (!spalte(name, konfiguration)) {
      const vorschlag = name.startsWith(BEDARF) ? `einen Bedarf aus ${yaml} (bedarfe): ${konfiguration.bedarfe.map((b) => BEDARF + b.id).join(', ') || 'keiner angelegt'}` : name.startsWith(HALTUNG) ? `eine Frage aus ${yaml} (fragen): ${konfiguration.fragen.map((f) => HALTUNG + f.id).join(', ') || 'keine angelegt'}` : name.startsWith(STUFE) ? `einen Bereich der Selbsteinschätzung aus ${yaml} (selbsteinschaetzung.bereiche): ${(konfiguration.selbsteinschaetzung?.bereiche ?? []).map((b) => STUFE + b.id).join(', ') || 'keiner angelegt'}` : `eine bekannte Spalte: ${bekannt.join(', ')}`;
      problems.push({ file: datei, line: 1, field: name, expected: vorschlag, found: `die unbekannte Spalte „${name}“` });
    }
  }
  for (const e of eintraege) {
    const s = schulen.get(e.data.zeile);
    if (!s) {
      problems.push({ file: e.file, line: e.line, field: 'schule', expected: `die ID einer Schule aus ${sourcePath(model.ort, 'schulen')}`, found: `„${e.data.zeile}“`, hinweis: 'Eine neue Schule zuerst mit Name und Schulform in daten/schulen.csv eintragen.' });
    } else if (!bestehtAm(s.data, r.stichtag)) {
      problems.push({ file: e.file, line: e.line, field: 'schule', expected: `eine Schule, die am Stichtag ${r.stichtag} bestand`, found: `„${s.id}“, ${s.data.seit && s.data.seit > r.stichtag ? `gegründet erst am ${s.data.seit}` : `aufgelöst am ${s.data.bis}`}` });
    }
    for (const [name, text] of Object.entries(e.data.werte)) {
      const { fehler, gefunden } = leseZelle(name, text, konfiguration, schulformen);
      if (fehler) problems.push({ file: e.file, line: e.line, entry: e.data.zeile, field: name, expected: fehler, found: gefunden ?? `„${text}“` });
    }
  }
  return problems;
}

export type MedienkonzeptLage = 'aktuell' | 'ueberfaellig' | 'fehlt';

/**
 * Whether a school's Medienkonzept is current at a date: the next update it names has not
 * passed; without such a date, it was updated at most three years before. A school without a
 * Konzept date has none ("fehlt"). A date given as a month or year (the plan's Stand) is taken at
 * its first day: a Konzept counts as overdue only when it was so before the whole period.
 */
export function medienkonzeptLage(s: Pick<Stand, 'werte'>, datum: string): MedienkonzeptLage {
  const { medienkonzept_stand: stand, medienkonzept_naechste: naechste } = s.werte;
  if (!stand) return 'fehlt';
  const tag = beginn(datum);
  if (naechste) return naechste >= tag ? 'aktuell' : 'ueberfaellig';
  const grenze = new Date(`${tag}T00:00:00Z`);
  grenze.setUTCFullYear(grenze.getUTCFullYear() - 3);
  return stand >= grenze.toISOString().slice(0, 10) ? 'aktuell' : 'ueberfaellig';
}

const STATUS_TEXT: Record<(typeof MEDIENKONZEPT_STATUS)[number], string> = { entwurf: 'Entwurf', beschlossen: 'beschlossen', 'in-ueberarbeitung': 'in Überarbeitung' };

/** A value as a page shows it, with its unit; a missing one says why ("nicht erhoben", "keine Angabe"). */
export function wertText(r: Pick<Runde, 'gefragt'>, s: Pick<Stand, 'werte'> | undefined, feld: Feld): string {
  const wert = s?.werte[feld as keyof Stand['werte']];
  if (wert === undefined) return fehlt(r, feld);
  const def: FeldDefinition = FELDER[feld];
  switch (def.art) {
    case 'anzahl':
      return `${formatNumber(wert as number)}${def.einheit ? ` ${def.einheit}` : ''}`;
    case 'prozent':
      return formatPercent(wert as number);
    case 'zahl':
      return `${formatNumber(wert as number, 1)}${def.einheit ? ` ${def.einheit}` : ''}`;
    case 'datum':
      return formatDate(wert as string);
    case 'status':
      return STATUS_TEXT[wert as keyof typeof STATUS_TEXT];
    default:
      return String(wert);
  }
}

/** The public fields a page may show per school, in Planwerk's order (no addresses: they are links). */
export function oeffentlicheFelder(model: PlanModel): Feld[] {
  return (Object.keys(FELDER) as Feld[]).filter((f) => f !== 'medienkonzept_url' && oeffentlich(model, f));
}
