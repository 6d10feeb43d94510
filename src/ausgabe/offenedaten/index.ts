/**
 * Open data on /daten/: every collection of the plan, the computed finance forecast, the
 * Ausstattungsquoten and the Zuständigkeitsmatrix, each as CSV (for spreadsheets), as JSON with a
 * JSON Schema generated from the zod schemas, and a DCAT-AP.de catalogue of all files
 * (src/ausgabe/offenedaten/dcat.ts) for open data portals.
 *
 * Publication rule: open data says what the site says, nothing more.
 * - Drafts (`entwurf: true`) are not in the model (src/plan/entwurf.ts), so not here either.
 * - Left out are fields that concern only the website and its upkeep, or serve only the checks
 *   (WEGGELASSEN): `entwurf`, `pflege` (who keeps a page current), `alteAnker` and `aliase`
 *   (former anchors and codes that keep old links working), the redirects (weiterleitungen.yaml),
 *   the precision of a stated sum (`summen.genauigkeit`), the columns a sum column adds up
 *   (`spalten.von`) and the binding of an indicator to a computed figure (`kennzahl`).
 * - plan.yaml is not a table: its title, publisher, licence and Stand describe the data in the
 *   DCAT file.
 * - A collection without entries, and a computed table without data, gives no file.
 *
 * Money is kept in cents in the model and published in euros (CSV: two decimals with a comma;
 * JSON: a number). Every published column has a documented meaning (offenedaten/beschreibungen.ts);
 * the generation fails for one without.
 */
import type { z } from 'astro/zod';
import type { Entry, PlanModel } from '../../plan/model.ts';
import type { CollectionName } from '../../plan/schemas/index.ts';
import { jeModell } from '../../plan/indexe.ts';
import { mitBasis, seite } from '../../plan/urls.ts';
import { displayDir } from '../../plan/sources.ts';
import { ausgabeSchema, entferne, feldbaum, veroeffentlichtesSchema, veroeffentlicheWert, zodSchemas, type Feld, type Json, type Werttyp } from './schema.ts';
import { csvSpalten, csvText, type Spalte } from './csv.ts';
import { bedeutung } from './beschreibungen.ts';
import { ausstattungsquoten, bedarfsliste, erhebungsrunden, erhebungswerte, fassungsseitenTabelle, finanzprognose, finanztabellen, haltungen, selbsteinschaetzungTabelle, zustaendigkeiten, type BerechneteTabelle } from './berechnet.ts';
import { dcatKatalog, dcatLizenz, type DcatDatensatz } from './dcat.ts';

export { dcatLizenz } from './dcat.ts';
export type { Spalte } from './csv.ts';
export type { Werttyp } from './schema.ts';

/** Fields left out of every table (at any depth where they stand), and per table. */
export const WEGGELASSEN: { ueberall: readonly string[]; je: Partial<Record<CollectionName, readonly string[]>> } = {
  ueberall: ['entwurf', 'pflege', 'alteAnker'],
  je: {
    massnahmen: ['aliase'],
    handlungsfelder: ['ziele.aliase'],
    summen: ['genauigkeit'],
    indikatoren: ['kennzahl'],
    finanzbereiche: ['tabellen.spalten.von'],
    // Keys given by the plan (page numbers) make no columns; the pages are a table of their own (fassungsseiten).
    fassungen: ['seiten'],
  },
};

/** Collections that are not published as tables (see the publication rule above). */
export const NICHT_VEROEFFENTLICHT: readonly CollectionName[] = ['plan', 'weiterleitungen', 'finanzwerte', 'erhebungen', 'erhebungswerte'];

/** The published collections in the order of /daten/, with their file names and German titles. */
const SAMMLUNGEN: { sammlung: Exclude<CollectionName, 'plan'>; name: string; titel: string; beschreibung: string; seite?: string }[] = [
  { sammlung: 'massnahmen', name: 'massnahmen', titel: 'Maßnahmen', beschreibung: 'Die Maßnahmen des Plans mit Handlungsfeld, Zielen, Verantwortlichen, Partnern, Zeitraum, Status, Priorität, Kosten und Beschluss.', seite: seite.massnahmen() },
  { sammlung: 'handlungsfelder', name: 'handlungsfelder', titel: 'Handlungsfelder', beschreibung: 'Die Handlungsfelder und strategischen Themen mit ihren Zielen und Verantwortlichen.', seite: seite.handlungsfelder() },
  { sammlung: 'kapitel', name: 'kapitel', titel: 'Kapitel', beschreibung: 'Die Kapitel des Plans mit Nummer, Reihenfolge und Gliederung (ohne ihren Text, der auf den Seiten steht).' },
  { sammlung: 'akteure', name: 'akteure', titel: 'Akteure', beschreibung: 'Die Akteure mit Ebene, Aufgaben, Zuständigkeit, Support-Level, Kontakt und Beziehungen untereinander.', seite: seite.akteure() },
  { sammlung: 'formate', name: 'formate', titel: 'Kooperationsformate', beschreibung: 'Runde Tische, Arbeitstreffen, Sprechstunden und andere Formate der Zusammenarbeit.', seite: seite.formate() },
  { sammlung: 'schulen', name: 'schulen', titel: 'Schulen', beschreibung: 'Eine Zeile je Schule: Schülerzahl, Lehrkräfte, Endgeräte, Räume, WLAN, Breitband und Medienkonzept.', seite: seite.schulen() },
  { sammlung: 'schulformen', name: 'schulformen', titel: 'Schulformen', beschreibung: 'Die Schulformen, die der Plan verwendet.' },
  { sammlung: 'bildungsbereiche', name: 'bildungsbereiche', titel: 'Bildungsbereiche', beschreibung: 'Die Bildungsbereiche des Plans mit ihrem Code-Buchstaben.' },
  { sammlung: 'indikatoren', name: 'indikatoren', titel: 'Indikatoren', beschreibung: 'Indikatoren mit Einheit, Ziel- und Messwerten.', seite: seite.indikatoren() },
  { sammlung: 'entscheidungen', name: 'entscheidungen', titel: 'Entscheidungen', beschreibung: 'Entscheidungen des Schulträgers: Frage, Optionen mit ihren Folgen, die gewählte Option mit Datum, Beschluss und Begründung; ohne Wahl ist eine Entscheidung noch offen.', seite: seite.entscheidungen() },
  { sammlung: 'meilensteine', name: 'meilensteine', titel: 'Meilensteine', beschreibung: 'Meilensteine der Umsetzung mit Datum.', seite: seite.meilensteine() },
  { sammlung: 'inventar', name: 'inventar', titel: 'Bestand', beschreibung: 'Geräte und Komponenten im Bestand mit Anzahl, Stückpreis, Nutzungsdauer und Beschaffungsjahr: die Grundlage der Finanzprognose.', seite: seite.finanzen() },
  { sammlung: 'laufendeKosten', name: 'laufende-kosten', titel: 'Laufende Kosten', beschreibung: 'Laufende Kosten je Jahr und Kostenart.', seite: seite.finanzen() },
  { sammlung: 'finanzierung', name: 'finanzierung', titel: 'Finanzierung', beschreibung: 'Eingeplante Mittel je Jahr und Herkunft.', seite: seite.finanzen() },
  { sammlung: 'summen', name: 'summen', titel: 'Summen aus Beschlussvorlagen', beschreibung: 'Summen, wie sie in Vorlagen des Rates stehen; Planwerk prüft sie gegen die berechneten.', seite: seite.finanzen() },
  { sammlung: 'foerderprogramme', name: 'foerderprogramme', titel: 'Förderprogramme', beschreibung: 'Förderprogramme mit Geber, Laufzeit, Zuweisung und Stand des Mittelabrufs.', seite: seite.finanzen() },
  { sammlung: 'finanzbereiche', name: 'finanzbereiche', titel: 'Finanzbereiche', beschreibung: 'Die Finanzbereiche des Plans und der Aufbau ihrer veröffentlichten Tabellen; die Werte stehen in „Werte der Finanztabellen“.', seite: seite.finanzen() },
  { sammlung: 'fassungen', name: 'fassungen', titel: 'Frühere Fassungen', beschreibung: 'Zusammenfassungen früherer Fassungen des Plans, aus denen die Seite „Änderungen“ berechnet wird.', seite: seite.aenderungen() },
  { sammlung: 'glossar', name: 'glossar', titel: 'Glossar', beschreibung: 'Begriffe mit Definition, Abkürzung und Synonymen.', seite: seite.glossar() },
  { sammlung: 'datensaetze', name: 'datensaetze', titel: 'Datensätze', beschreibung: 'Stand, Quelle und Wertart der Datensätze des Plans.', seite: seite.daten() },
];

/** Where the computed tables stand among the others (after the table named). */
const BERECHNET: { nach: string; bilde: (model: PlanModel) => BerechneteTabelle | undefined }[] = [
  { nach: 'akteure', bilde: zustaendigkeiten },
  { nach: 'schulen', bilde: ausstattungsquoten },
  { nach: 'schulen', bilde: erhebungsrunden },
  { nach: 'schulen', bilde: erhebungswerte },
  { nach: 'schulen', bilde: bedarfsliste },
  { nach: 'schulen', bilde: haltungen },
  { nach: 'schulen', bilde: selbsteinschaetzungTabelle },
  { nach: 'meilensteine', bilde: finanzprognose },
  { nach: 'finanzbereiche', bilde: finanztabellen },
  { nach: 'fassungen', bilde: fassungsseitenTabelle },
];

/** One group of columns as /daten/ documents it: a field, or a list field with its numbered columns. */
export interface Spaltendoku {
  /** The field with lists marked by N: `ziele.N.text`. */
  muster: string;
  /** The CSV columns it stands for: `ziele.1.text`, `ziele.2.text`. */
  spalten: string[];
  bedeutung: string;
  typ: Werttyp;
  werte?: string[];
  /** For references: the table whose ids it names. */
  verweisAuf?: string;
}

export interface OffeneTabelle {
  /** File name without extension: `massnahmen` → massnahmen.csv, massnahmen.json, massnahmen.schema.json. */
  name: string;
  titel: string;
  beschreibung: string;
  /** A collection of the plan, or a table Planwerk computes. */
  herkunft: { sammlung: CollectionName } | { berechnet: true };
  /** The page that shows the same data, if any (a site path), and for computed tables its title. */
  seite?: string;
  seitenTitel?: string;
  /** Stand of the data: its dataset in datensaetze.yaml, else the plan's. */
  stand: string;
  feld: Feld;
  /** The published records (JSON), in the order of the plan. */
  datensaetze: Record<string, unknown>[];
  spalten: Spalte[];
  doku: Spaltendoku[];
  /** The JSON Schema of the JSON file (an array of records). */
  schema: Json;
}

export type Dateiart = 'csv' | 'json' | 'schema' | 'dcat';

export interface OffeneDatei {
  /** File name under /daten/: `massnahmen.csv`. */
  name: string;
  art: Dateiart;
  /** The table it holds (not for the DCAT file). */
  tabelle?: string;
  inhalt: string;
  bytes: number;
  /** Content-Type as served. */
  contentType: string;
}

export const DCAT_DATEI = 'dcat.jsonld';

/** The record of an entry as the collection's field tree publishes it (the entry's id where the data has none). */
function datensatz(feld: Feld, entry: Entry<CollectionName>, model: PlanModel): Record<string, unknown> {
  const data = { ...(entry.data as Record<string, unknown>), id: entry.id };
  const record = veroeffentlicheWert(feld, data) as Record<string, unknown>;
  // A milestone's link to a page of this site is published as the link the page shows.
  if (typeof record.link === 'string' && record.link.startsWith('/')) record.link = adresse(model, record.link);
  return record;
}

/** A site path as published in data: absolute when plan.yaml names the site's address, else with the base path. */
export function adresse(model: PlanModel, pfad: string): string {
  const mitBasisPfad = mitBasis(pfad, model.basis);
  return model.plan.website ? new URL(mitBasisPfad, model.plan.website).href : mitBasisPfad;
}

function standVon(model: PlanModel, name: string, sammlung?: CollectionName): string {
  const d = model.datensaetze.find((x) => x.id === sammlung || x.id === name);
  return d?.data.stand ?? model.plan.stand;
}

function baueTabelle(
  model: PlanModel,
  t: Pick<OffeneTabelle, 'name' | 'titel' | 'beschreibung' | 'herkunft' | 'seite' | 'seitenTitel' | 'stand'>,
  json: Json,
  rohdaten: (feld: Feld) => Record<string, unknown>[],
): OffeneTabelle {
  const feld = feldbaum(json);
  const datensaetze = rohdaten(feld);
  const spalten = csvSpalten(feld, datensaetze);
  const fehlend: string[] = [];
  const doku: Spaltendoku[] = [];
  for (const s of spalten) {
    const vorhanden = doku.find((d) => d.muster === s.muster);
    if (vorhanden) {
      vorhanden.spalten.push(s.name);
      continue;
    }
    const text = bedeutung(t.name, s.feldpfad);
    if (!text) fehlend.push(s.feldpfad);
    const ziel = s.typ === 'verweis' ? verweisZiel(s, feld) : undefined;
    doku.push({ muster: s.muster, spalten: [s.name], bedeutung: text ?? '', typ: s.typ, werte: s.werte, verweisAuf: ziel });
  }
  if (fehlend.length > 0) throw new Error(`Offene Daten: keine Beschreibung für die Spalten ${fehlend.join(', ')} der Datei ${t.name}.csv (src/ausgabe/offenedaten/beschreibungen.ts).`);
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    ...(model.plan.website ? { $id: adresse(model, seite.datenDatei(`${t.name}.schema.json`)) } : {}),
    title: t.titel,
    description: `${t.beschreibung} Ein Eintrag je Datensatz; Beträge in Euro.`,
    type: 'array',
    items: veroeffentlichtesSchema(json, (pfad) => bedeutung(t.name, pfad)),
  };
  return { ...t, feld, datensaetze, spalten, doku, schema };
}

function verweisZiel(s: Spalte, feld: Feld): string | undefined {
  let f: Feld | undefined = feld;
  for (const p of s.pfad) {
    if (!f) return undefined;
    if (f.art === 'liste') f = f.element;
    if (typeof p === 'number') continue;
    f = f.art === 'objekt' ? f.felder.find((x) => x.name === p)?.feld : undefined;
  }
  const sammlung = f?.art === 'wert' ? f.sammlung : undefined;
  return sammlung && SAMMLUNGEN.find((x) => x.sammlung === sammlung)?.name;
}

/** The zod schema of a collection's entry, before its transforms (Maßnahmen: the object before its last transform). */
function eintragsSchema(sammlung: CollectionName): z.ZodType {
  const schema = zodSchemas()[sammlung] as z.ZodType;
  return sammlung === 'massnahmen' ? ((schema as unknown as { _zod: { def: { in: z.ZodType } } })._zod.def.in) : schema;
}

/** The JSON Schema of a published record of a collection: fields left out, the entry's id and the Maßnahme's fields as published. */
function sammlungsSchema(sammlung: CollectionName): Json {
  const json = entferne(ausgabeSchema(eintragsSchema(sammlung)), [...WEGGELASSEN.ueberall, ...(WEGGELASSEN.je[sammlung] ?? [])]);
  const properties = json.properties as Record<string, Json>;
  const required = (json.required as string[] | undefined) ?? [];
  // Published records always carry their id (chapters and fields take it from the file name), and
  // a Maßnahme always has its home field and the list of all its fields (the transform in src/plan/schemas/massnahmen.ts).
  const pflicht = [...(properties.id ? ['id'] : []), ...(sammlung === 'massnahmen' ? ['handlungsfeld', 'handlungsfelder'] : [])];
  json.required = Object.keys(properties).filter((k) => required.includes(k) || pflicht.includes(k));
  return json;
}

/** All tables of the open data of a plan, built once per model. */
export const offeneTabellen = jeModell('offenedaten', (model: PlanModel): OffeneTabelle[] => {
  const tabellen: OffeneTabelle[] = [];
  const berechnet = BERECHNET.map((b) => ({ nach: b.nach, tabelle: b.bilde(model) }));
  for (const s of SAMMLUNGEN) {
    const eintraege = model[s.sammlung] as Entry<CollectionName>[];
    if (eintraege.length > 0) {
      tabellen.push(
        baueTabelle(
          model,
          { name: s.name, titel: s.titel, beschreibung: s.beschreibung, herkunft: { sammlung: s.sammlung }, seite: s.seite, stand: standVon(model, s.name, s.sammlung) },
          sammlungsSchema(s.sammlung),
          (feld) => eintraege.map((e) => datensatz(feld, e, model)),
        ),
      );
    }
    for (const b of berechnet.filter((x) => x.nach === s.name && x.tabelle)) {
      const t = b.tabelle!;
      tabellen.push(
        baueTabelle(
          model,
          { name: t.name, titel: t.titel, beschreibung: t.beschreibung, herkunft: t.umgeformt ? { sammlung: t.umgeformt } : { berechnet: true }, seite: t.seite, seitenTitel: t.seitenTitel, stand: model.plan.stand },
          entferne(ausgabeSchema(t.schema), []),
          (feld) => t.datensaetze.map((d) => veroeffentlicheWert(feld, d) as Record<string, unknown>),
        ),
      );
    }
  }
  return tabellen;
});

const CONTENT_TYPE: Record<Dateiart, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  schema: 'application/schema+json; charset=utf-8',
  dcat: 'application/ld+json; charset=utf-8',
};

const datei = (name: string, art: Dateiart, inhalt: string, tabelle?: string): OffeneDatei => ({
  name,
  art,
  tabelle,
  inhalt,
  bytes: Buffer.byteLength(inhalt, 'utf8'),
  contentType: CONTENT_TYPE[art],
});

/** Every file under /daten/: per table its CSV, JSON and JSON Schema, and the DCAT file when the site's address is known. */
export const offeneDateien = jeModell('offenedateien', (model: PlanModel): OffeneDatei[] => {
  const dateien: OffeneDatei[] = [];
  for (const t of offeneTabellen(model)) {
    dateien.push(datei(`${t.name}.csv`, 'csv', csvText(t.spalten, t.datensaetze), t.name));
    dateien.push(datei(`${t.name}.json`, 'json', `${JSON.stringify(t.datensaetze, null, 2)}\n`, t.name));
    dateien.push(datei(`${t.name}.schema.json`, 'schema', `${JSON.stringify(t.schema, null, 2)}\n`, t.name));
  }
  if (model.plan.website) {
    const daten = adresse(model, seite.daten());
    const datensaetze: DcatDatensatz[] = offeneTabellen(model).map((t) => {
      const von = (art: Dateiart) => dateien.find((d) => d.tabelle === t.name && d.art === art)!;
      const url = (name: string) => adresse(model, seite.datenDatei(name));
      return {
        seite: adresse(model, seite.daten(`datei-${t.name}`)),
        titel: t.titel,
        beschreibung: t.beschreibung,
        stand: t.stand,
        dateien: [
          { url: url(von('csv').name), titel: von('csv').name, format: 'CSV', mediaType: 'text/csv', bytes: von('csv').bytes },
          { url: url(von('json').name), titel: von('json').name, format: 'JSON', mediaType: 'application/json', bytes: von('json').bytes, schema: url(von('schema').name) },
        ],
      };
    });
    dateien.push(datei(DCAT_DATEI, 'dcat', `${JSON.stringify(dcatKatalog(model, daten, datensaetze), null, 2)}\n`));
  }
  return dateien;
});

/** Hints for the build (in German): what keeps portals from harvesting the open data. */
export function offeneDatenHinweise(model: PlanModel): string[] {
  const plan = `${displayDir(model.ort)}/plan.yaml`;
  const out: string[] = [];
  if (!model.plan.website) {
    out.push(`${plan}: ohne „website“ gibt es keine DCAT-Datei der offenen Daten (/daten/${DCAT_DATEI}); Datenportale brauchen die vollständigen Adressen der Dateien.`);
  }
  if (!model.plan.lizenz) {
    out.push(`${plan}: ohne „lizenz“ nennen die offenen Daten keine Lizenz; Datenportale wie GovData übernehmen Daten nur mit einer Lizenz aus der Liste von DCAT-AP.de (z. B. „lizenz: { name: CC BY 4.0, url: https://creativecommons.org/licenses/by/4.0/ }“).`);
  } else if (!dcatLizenz(model.plan.lizenz)) {
    out.push(`${plan}: Die Lizenz „${model.plan.lizenz.name}“${model.plan.lizenz.url ? ` (${model.plan.lizenz.url})` : ''} steht nicht in der Lizenzliste von DCAT-AP.de (http://dcat-ap.de/def/licenses/); die DCAT-Datei der offenen Daten nennt deshalb keine Lizenz, und Datenportale wie GovData übernehmen die Daten so nicht.`);
  }
  return out;
}
