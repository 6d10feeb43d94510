/**
 * `npm run schemas`: writes a JSON Schema for every YAML file of a plan and for the
 * frontmatter of its MDX files into `schemas/`, generated from the zod schemas in
 * src/plan/schemas/. Editors with the YAML language server (VS Code with
 * redhat.vscode-yaml, see .vscode/settings.json and docs/editoren.md) use them for
 * completion, hover texts and red underlines while typing.
 *
 * The JSON Schemas describe what an editor types (zod's input side), in JSON Schema
 * draft-07, the newest draft the YAML language server supports:
 * - YAML list files (akteure.yaml …) are arrays of their entries, plan.yaml is an object;
 * - numbers may be YAML numbers or text in German notation ("1.234,56"), described as
 *   `anyOf: [number, string with pattern]`;
 * - dates are text `JJJJ-MM-TT` (YAML 1.2, which the language server reads, has no dates); plan dates
 *   may also be a month `JJJJ-MM` or a year (a YAML number when written without quotes), milestones
 *   also a quarter `JJJJ-Q3` or a school year `2025/26` (src/plan/datum.ts);
 * - references are IDs, with a description naming the file they come from.
 * What JSON Schema cannot say (whether a referenced ID exists, the plan's code form,
 * anchors, Kennzahlen) only `npm run pruefen` and the build check.
 *
 * `npm run schemas -- --pruefen` writes nothing and ends with exit code 1 when a file in
 * schemas/ is not current.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'astro/zod';
import { createSchemas, plainRef, EBENEN, type CollectionName, type RefFactory } from '../plan/schemas/index.ts';
import { MUSTER, termin, zeitangabe } from '../plan/datum.ts';
import { SOURCES } from '../plan/sources.ts';
import { ADRESSFELDER, E_MAIL, type Adressart } from '../plan/adressen.ts';

/** The folder the generated files are written to, relative to the project root. */
export const SCHEMA_DIR = 'schemas';

/**
 * Text in German number notation, as germanNumber() in src/plan/schemas/grundtypen.ts accepts it:
 * a point only between groups of three digits, a comma before the decimals.
 * tests/unit/json-schemas.test.ts checks that the patterns agree with parseGermanNumber.
 */
export const GERMAN_NUMBER_PATTERN = '^-?(?:\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,\\d+)?$';
/** The same for whole numbers (decimals, if written at all, are zeros: "1.234,0"). */
export const GERMAN_INTEGER_PATTERN = '^-?(?:\\d{1,3}(?:\\.\\d{3})+|\\d+)(?:,0+)?$';
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const SCHULJAHR_PATTERN = '^\\d{4}/\\d{2}$';
const ABSCHNITTSNUMMER_PATTERN = '^\\d+(?:\\.\\d+)*$';

type Json = Record<string, unknown>;

/** One generated file: `schemas/<name>.schema.json`. */
export interface SchemaTarget {
  name: string;
  collection: CollectionName;
  /** How the file holds its entries: a YAML list, one YAML object, or the heads of MDX files. */
  form: 'liste' | 'objekt' | 'mdx';
  /** Glob for editors (yaml.schemas), for YAML files only. */
  glob?: string;
  title: string;
  description: string;
}

/** Titles and descriptions of the files; a YAML list collection missing here fails the generation. */
const FILES: Partial<Record<CollectionName, { name?: string; title: string; description: string }>> = {
  plan: { title: 'Stammdaten des Plans (plan.yaml)', description: 'Kommune, Titel, Fassung, Planungszeitraum, Beschluss, Herausgeber, Kontakt und die Pflichtangaben der Website.' },
  kapitel: { name: 'kapitel', title: 'Kopf eines Kapitels (kapitel/*.mdx)', description: 'Der Kopf (Frontmatter) zwischen den beiden „---“ am Anfang einer Kapiteldatei.' },
  handlungsfelder: { name: 'handlungsfeld', title: 'Kopf eines Handlungsfelds (handlungsfelder/*.mdx)', description: 'Der Kopf (Frontmatter) zwischen den beiden „---“ am Anfang einer Handlungsfelddatei.' },
  massnahmen: { name: 'massnahme', title: 'Kopf einer Maßnahme (massnahmen/*.mdx)', description: 'Der Kopf (Frontmatter) zwischen den beiden „---“ am Anfang einer Maßnahmendatei. Pflicht sind Code, Titel und ein Handlungsfeld.' },
  akteure: { title: 'Akteure (akteure.yaml)', description: 'Liste der Akteure: Ämter, Gremien, Dienstleister, Schulen – ein Eintrag je Akteur.' },
  schulformen: { title: 'Schulformen (schulformen.yaml)', description: 'Die Schulformen, die der Plan verwendet.' },
  bildungsbereiche: { title: 'Bildungsbereiche (bildungsbereiche.yaml)', description: 'Die Bildungsbereiche des Plans mit ihrem Code-Buchstaben.' },
  datensaetze: { title: 'Datensätze (daten/datensaetze.yaml)', description: 'Stand, Quelle und Wertart jedes Datensatzes.' },
  foerderprogramme: { title: 'Förderprogramme (foerderprogramme.yaml)', description: 'Förderprogramme; Pflicht sind nur „id“ und „name“.' },
  formate: { title: 'Kooperationsformate (formate.yaml)', description: 'Runde Tische, Arbeitstreffen, Sprechstunden und andere Formate der Zusammenarbeit.' },
  fassungen: { title: 'Frühere Fassungen (fassungen.yaml)', description: 'Zusammenfassungen früherer Fassungen, aus denen die Seite „Änderungen“ berechnet wird.' },
  weiterleitungen: { title: 'Weiterleitungen (weiterleitungen.yaml)', description: 'Umgezogene Seiten: von welchem alten Pfad zu welchem neuen.' },
  indikatoren: { title: 'Indikatoren (indikatoren.yaml)', description: 'Indikatoren mit Ziel- und Messwerten.' },
  glossar: { title: 'Glossar (glossar.yaml)', description: 'Begriffe mit Definition, Abkürzung und Synonymen.' },
  meilensteine: { title: 'Meilensteine (meilensteine.yaml)', description: 'Meilensteine der Umsetzung mit Datum.' },
  entscheidungen: { title: 'Entscheidungen (entscheidungen.yaml)', description: 'Entscheidungen des Schulträgers: je Frage die Optionen mit ihren Folgen und, sobald entschieden, die Wahl mit Datum, Beschluss und Begründung.' },
  finanzbereiche: { title: 'Finanzbereiche (finanzen.yaml)', description: 'Finanzbereiche mit ihren veröffentlichten Tabellen; die Werte stehen in daten/finanzen/<tabelle>.csv.' },
  erhebungen: { title: 'Erhebungen an den Schulen (daten/erhebungen.yaml)', description: 'Die Erhebungsrunden mit Stichtag, Methode und Quelle, die Mindestgruppe für veröffentlichte Auswertungen, interne Felder, Bedarfe und Haltungsfragen; die Werte jeder Runde stehen in daten/erhebungen/<runde>.csv.' },
};

/** Every file generated, in a fixed order. */
export function schemaTargets(): SchemaTarget[] {
  const targets: SchemaTarget[] = [];
  for (const [collection, source] of Object.entries(SOURCES) as [CollectionName, (typeof SOURCES)[CollectionName]][]) {
    if (source.kind === 'csv' || source.kind === 'csv-dir') continue; // spreadsheets, not edited with a schema
    const info = FILES[collection];
    if (!info) throw new Error(`src/cli/schemas.ts: Titel und Beschreibung für die Sammlung „${collection}“ fehlen in FILES.`);
    if (source.kind === 'mdx') {
      targets.push({ name: info.name ?? collection, collection, form: 'mdx', ...info });
    } else {
      const name = info.name ?? source.file.replace(/^.*\//, '').replace(/\.yaml$/, '');
      targets.push({ name, collection, form: source.kind === 'yaml-list' ? 'liste' : 'objekt', glob: `**/${source.file}`, title: info.title, description: info.description });
    }
  }
  return targets;
}

/** Which schema applies to which files, as `yaml.schemas` in .vscode/settings.json says it. */
export function yamlSchemaMapping(): Record<string, string> {
  return Object.fromEntries(schemaTargets().filter((t) => t.glob).map((t) => [`./${SCHEMA_DIR}/${t.name}.schema.json`, t.glob!]));
}

// ---------------------------------------------------------------------------
// German descriptions of the main fields. Paths are field names joined with "."; lists are
// transparent (`beziehungen.typ` is the `typ` of each relation). COMMON applies to every file
// where the field exists, LEAVES to a field name at any depth, FIELDS to one file. A path in
// FIELDS that does not exist fails the generation, so the map cannot silently drift from
// src/plan/schemas/.

const COMMON: Record<string, string> = {
  id: 'Eindeutige ID aus Buchstaben, Ziffern, „-“ und „_“ (ohne Leerzeichen und Umlaute). Sie steht in Adressen und Ankern; nach der Veröffentlichung nicht mehr ändern.',
  entwurf: 'Entwurf (von „npm run neu“ angelegt): wird geprüft, offene Felder erscheinen als Hinweise, die öffentliche Website lässt ihn weg.',
  titel: 'Titel, wie er auf der Website erscheint',
  kurzname: 'Kurzform des Namens für Stellen mit wenig Platz',
  beschreibung: 'Kurze Beschreibung',
  reihenfolge: 'Position in Listen und Navigation; kleinere Zahlen zuerst',
  alteAnker: 'Frühere Überschrift-IDs, die weiter funktionieren müssen: { alte-id: neue-id }',
  pflege: 'Wer die Seite aktuell hält und wann sie zu prüfen ist',
  'pflege.zustaendig': 'Zuständige Person oder Stelle',
  'pflege.naechstePruefung': 'Datum der nächsten Prüfung; danach zeigt die Seite einen Hinweis (bei einem Monat oder Jahr ab dessen Ende)',
  aenderungshinweis: 'Öffentlicher Hinweis auf eine Änderung; erscheint auf der Seite und unter „Änderungen“',
  'aenderungshinweis.datum': 'Datum der Änderung',
  'aenderungshinweis.text': 'Was sich geändert hat',
};

/** Descriptions by the field's own name, at any depth, where no path above says more. */
const LEAVES: Record<string, string> = {
  url: 'Vollständige Adresse (https://…)',
  quelle: 'Woher die Angabe stammt (Dokument, Tabelle, Seite)',
  wertart: '„Plan“ für geplante, „Ist“ für tatsächliche Werte',
  email: 'E-Mail-Adresse',
  telefon: 'Telefonnummer',
};

const FIELDS: Record<string, Record<string, string>> = {
  plan: {
    kommune: 'Name der Kommune, z. B. „Stadt Musterstadt“',
    untertitel: 'Untertitel des Plans',
    fassung: 'Die Fassung des Plans',
    'fassung.name': 'Name der Fassung, z. B. „Dritte Fortschreibung“',
    'fassung.nummer': 'Laufende Nummer der Fassung',
    planungszeitraum: 'Zeitraum, für den der Plan Maßnahmen beschließt (Jahre)',
    planungshorizont: 'Zeitraum der Finanzprognose (Jahre)',
    massnahmencodes: 'Form der Maßnahmencodes und was ihr Buchstabe bedeutet',
    'massnahmencodes.form': 'Form der Codes: „S-07“ (Buchstaben, Bindestrich, Nummer), „T1“ (Buchstaben und Nummer) oder „2.3.1“ (gegliederte Nummern)',
    'massnahmencodes.buchstabe': 'Wofür der Buchstabe im Code steht: das Kürzel des Handlungsfelds, den Code des Bildungsbereichs oder nichts',
    akteursgruppen: 'Eigene Gruppen der Akteurslandkarte; ohne Angabe gelten die Ebenen (Land, Schulaufsicht, Schulträger …)',
    'akteursgruppen.stufe': 'Stufe der Gruppe; Beziehungen zwischen Gruppen verschiedener Stufe gelten als vertikal',
    finanzplanung: 'Annahmen der Finanzprognose',
    'finanzplanung.preisaenderung': 'Jährliche Preisänderung in Prozent, z. B. 2,5',
    'finanzplanung.preisbasisjahr': 'Jahr der Stückpreise im Bestand; ohne Angabe das erste Jahr des Horizonts',
    'finanzplanung.uebertrag': 'Dürfen Mittel, die ein Jahr nicht braucht, spätere Lücken decken? true oder false; weglassen, wenn der Plan es nicht festlegt',
    'finanzplanung.spitzenjahrSchwelle': 'Ein Jahr ist Spitzenjahr, wenn sein Bedarf das Mittel um mehr als so viele Prozent übersteigt',
    beschluss: 'Beschluss des Plans',
    'beschluss.datum': 'Datum des Beschlusses',
    'beschluss.gremium': 'Beschließendes Gremium, z. B. der Rat',
    'beschluss.vorlage': 'Nummer der Beschlussvorlage',
    stand: 'Stand des Plans',
    website: 'Adresse der veröffentlichten Website: für kanonische Links, Sitemap und Vorschaubilder',
    herausgeber: 'Herausgeber des Plans',
    kontakt: 'Ansprechpartner für Fragen zum Plan',
    lizenz: 'Lizenz der Inhalte',
    quelltext: 'Links in das Repository des Plans',
    'quelltext.bearbeiten': 'Muster des Bearbeiten-Links; {pfad} wird durch den Pfad der Datei ersetzt',
    'quelltext.verlauf': 'Muster des Links zum Änderungsverlauf einer Datei; {pfad} wie oben',
    'quelltext.ordner': 'Muster des Links zu einem Ordner; {pfad} wie oben',
    impressum: 'Angaben für das Impressum',
    datenschutz: 'Angaben für die Datenschutzerklärung',
    leichteSprache: 'Kurze Zusammenfassung in Leichter Sprache für die Startseite',
    gebaerdensprache: 'Erklärvideo in Deutscher Gebärdensprache für die Startseite (BITV 2.0 § 4); die Dateien liegen im Ordner medien/ des Plans',
    'gebaerdensprache.video': 'Das Video, z. B. "medien/dgs-einfuehrung.mp4" (MP4 oder WebM)',
    'gebaerdensprache.untertitel': 'Deutsche Untertitel im WebVTT-Format, z. B. "medien/dgs-einfuehrung.vtt"',
    'gebaerdensprache.vorschaubild': 'Bild, das vor dem Abspielen gezeigt wird (JPEG, PNG oder WebP)',
    'gebaerdensprache.titel': 'Überschrift über dem Video; ohne Angabe „Der Plan in Deutscher Gebärdensprache“',
    'gebaerdensprache.dauer': 'Länge des Videos als Minuten:Sekunden, z. B. "4:30"',
    barrierefreiheit: 'Angaben für die Erklärung zur Barrierefreiheit',
  },
  kapitel: {
    id: 'ID des Kapitels; ohne Angabe der Dateiname ohne .mdx',
    kurztitel: 'Kürzerer Titel für Navigation und Verweise',
    nummer: 'Abschnittsnummer des Plans in Anführungszeichen, z. B. "4.2" (ohne sie liest YAML 4.10 als 4.1)',
    bildungsbereich: 'Bildungsbereich, um den es im Kapitel geht',
    eltern: 'Übergeordnetes Kapitel',
  },
  handlungsfeld: {
    id: 'ID des Handlungsfelds; ohne Angabe der Dateiname ohne .mdx',
    kurzbeschreibung: 'Ein bis zwei Sätze für Übersichten',
    kuerzel: 'Buchstabe(n) dieses Felds in den Maßnahmencodes, z. B. „I“ für I-03',
    nummer: 'Nummer des Felds im Plan, in Anführungszeichen, z. B. "3"',
    art: '„Handlungsfeld“ oder „Strategisches Thema“',
    ziele: 'Ziele des Handlungsfelds',
    'ziele.id': 'ID des Ziels (Anker auf der Seite des Handlungsfelds); Maßnahmen nennen sie unter „ziele“. Ohne Angabe aus dem code (I-Z3 → i-z3), sonst aus Handlungsfeld und Position (infrastruktur-ziel-2)',
    'ziele.code': 'Die Bezeichnung des Ziels im Plan, wo er eine hat (z. B. „Z1“ oder „I-Z3“); sie steht vor dem Text. Ohne Angabe zeigt die Website keine',
    'ziele.text': 'Das Ziel in einem Satz',
    'ziele.indikator': 'Indikator, an dem das Ziel gemessen wird',
    'ziele.aliase': 'Frühere IDs des Ziels, die weiter hierher führen',
    verantwortlich: 'Verantwortliche Akteure',
  },
  massnahme: {
    id: 'Code der Maßnahme in der Form des Plans (plan.yaml, massnahmencodes), z. B. „I-03“, „T1“ oder „2.3.1“',
    handlungsfeld: 'Das Handlungsfeld der Maßnahme (oder „handlungsfelder“ für mehrere)',
    handlungsfelder: 'Mehrere Handlungsfelder; unter dem ersten wird die Maßnahme aufgeführt (statt „handlungsfeld“)',
    zielsetzungen: 'Abschnittsnummern der Zielsetzungen, denen die Maßnahme dient, in Anführungszeichen: ["4.2", "4.3"]',
    ziele: 'IDs der Ziele aus den Handlungsfeldern, denen die Maßnahme dient',
    bildungsbereich: 'Bildungsbereich der Maßnahme',
    verantwortlich: 'Federführende Akteure; weglassen, wenn der Plan keine nennt',
    partner: 'Beteiligte Akteure',
    zeitraum: 'Zeitraum der Umsetzung',
    'zeitraum.von': 'Beginn: Jahr (2026), Monat (2026-03) oder Schuljahr (2025/26)',
    'zeitraum.bis': 'Ende: Jahr (2026), Monat (2026-03) oder Schuljahr (2025/26)',
    status: 'Stand der Umsetzung',
    prioritaet: 'Priorität',
    schulen: 'Schulen, die die Maßnahme ausdrücklich nennt (IDs aus daten/schulen.csv)',
    schulformen: 'Schulformen, deren Schulen die Maßnahme betrifft (IDs aus schulformen.yaml)',
    kosten: 'Kosten der Maßnahme',
    'kosten.betrag': 'Betrag in Euro',
    'kosten.art': 'investiv, konsumtiv oder gemischt',
    'kosten.hinweis': 'Erläuterung zu den Kosten',
    beschluss: 'Beschluss zur Maßnahme',
    statusverlauf: 'Frühere Statusänderungen, älteste zuerst',
    aliase: 'Frühere Codes dieser Maßnahme; ihre alten Seiten leiten hierher weiter',
  },
  akteure: {
    ebene: 'Gruppe des Akteurs: eine der Ebenen oder eine der „akteursgruppen“ aus plan.yaml; weglassen, wenn der Plan den Akteur keiner Gruppe zuordnet',
    aufgaben: 'Aufgaben des Akteurs',
    zustaendigkeit: 'Art der Zuständigkeit',
    supportlevel: 'Support-Stufen, die der Akteur übernimmt',
    kontakt: 'Kontakt',
    themen: 'Themen, für die der Akteur Ansprechpartner ist, z. B. „Störungen an Tablets“',
    auchBekanntAls: 'Andere Namen derselben Rolle, z. B. „Kreismedienzentrum“',
    kennung: 'Gemeinsame Kennung dieses Akteurs in den Plänen eines Kreises, damit ein Portal ihn als denselben erkennt (z. B. kreismedienzentrum-lippe): Kleinbuchstaben, Ziffern und „-“',
    verbreitung: 'Wo es den Akteur gibt, falls nicht überall, z. B. „nur in kreisfreien Städten“',
    doppelrolle: 'Zweite Ebene, zu der der Akteur gehört',
    beziehungen: 'Gerichtete Beziehungen zu anderen Akteuren',
    'beziehungen.typ': 'Art der Beziehung, vom Akteur aus gelesen; eine Kooperationsvereinbarung ist „kooperiert laut Vereinbarung mit“',
    'beziehungen.ziel': 'Akteur, auf den sich die Beziehung richtet',
    'beziehungen.hinweis': 'Erläuterung zur Beziehung',
    'beziehungen.datum': 'Wann die Beziehung vereinbart wurde, z. B. Abschluss einer Kooperationsvereinbarung: Jahr (2024), Monat (2024-03) oder Tag (2024-03-15); weglassen, wenn der Plan keines nennt',
    'beziehungen.gegenstand': 'Worauf sich die Beziehung bezieht, z. B. „Medienberatung für die Grundschulen“; weglassen, wenn der Plan keinen nennt',
    gremium: 'Angaben, wenn der Akteur ein Gremium ist; Mitglieder, Turnus und Verbindlichkeit nur, wenn der Plan sie nennt',
    'gremium.mitglieder': 'Mitglieder des Gremiums',
    'gremium.turnus': 'Wie oft das Gremium tagt, z. B. „zweimal im Jahr“',
    'gremium.bindung': 'Wie verbindlich das Gremium eingerichtet ist',
    'gremium.berichtetAn': 'Wem das Gremium berichtet',
  },
  bildungsbereiche: { code: 'Ein Großbuchstabe; in Maßnahmencodes wie „K1“ steht er für diesen Bereich' },
  datensaetze: { stand: 'Stand der Daten; erscheint überall, wo die Zahlen stehen' },
  foerderprogramme: {
    geber: 'Wer das Programm finanziert',
    laufzeit: 'Laufzeit in Jahren',
    zuweisung: 'Zugewiesener Betrag in Euro',
    abruf: 'Stand des Abrufs',
    'abruf.betrag': 'Betrag in Euro',
    beschluss: 'Ratsbeschluss zum Programm: nummer (Vorlage), gremium, datum und url, soweit der Plan sie nennt',
    'beschluss.nummer': 'Nummer der Beschlussvorlage, z. B. „V/2021/134“',
  },
  formate: {
    art: 'Art des Formats',
    ziel: 'Was das Format ist und wozu es dient (neben dem Namen die einzige Pflichtangabe)',
    ausrichtung: 'strategisch oder operativ',
    rhythmus: 'Wie oft es stattfindet',
    bindung: 'Wie verbindlich es vereinbart ist',
    organisator: 'Akteur, der das Format organisiert',
    teilnehmende: 'Teilnehmende Akteure',
  },
  fassungen: {
    nummer: 'Laufende Nummer der Fassung',
    beschlossen: 'Datum des Beschlusses',
    massnahmen: 'Die Maßnahmen der Fassung mit ihrem damaligen Status',
    pdf: 'Das vom Rat beschlossene Dokument als PDF im Ordner medien/, z. B. "medien/mep-2023-beschluss.pdf"; es wird unverändert veröffentlicht',
    finanzen: 'Finanzsummen des damaligen Horizonts in Euro',
    seiten: 'Alte Seitenzahlen des beschlossenen Dokuments und wo ihr Inhalt jetzt steht: Seitenzahl → Pfad dieser Website mit Anker, z. B. "34": /finanzen/#bedarf. Jede Seite bekommt eine Adresse /fassung/<Jahr>/seite/<Nummer>/, die dorthin weiterleitet',
  },
  weiterleitungen: {
    von: 'Alter Pfad der Website, mit „/“ am Anfang und Ende',
    nach: 'Neuer Pfad der Website, mit „/“ am Anfang und Ende',
    hinweis: 'Hinweis auf der Umzugsseite',
  },
  indikatoren: {
    einheit: 'Einheit der Werte, z. B. „%“ oder „Geräte je Schüler“',
    kennzahl: 'Kennzahl, die Planwerk aus den Daten berechnet; der Messwert des laufenden Jahres kommt dann von dort',
    zielwerte: 'Zielwerte, wie der Plan sie nennt',
    'zielwerte.wert': 'Der Zielwert in der Einheit des Indikators',
    'zielwerte.vergleich': 'Wie der Plan den Zielwert angibt: mindestens, höchstens, etwa oder genau; weglassen, wenn er es nicht sagt',
    'zielwerte.schulform': 'Schulform, für die der Zielwert gilt; ohne schulform und schulformen gilt er für alle',
    'zielwerte.schulformen': 'Gruppe von Schulformen, für die der Plan einen gemeinsamen Zielwert nennt, z. B. [gesamtschule, gymnasium] (statt schulform)',
    'zielwerte.gruppe': 'Name, den der Plan dieser Gruppe gibt, z. B. „weiterführende Schulen“ (nur mit schulformen)',
    'zielwerte.jahr': 'Jahr, bis zu dem der Zielwert erreicht sein soll; weglassen, wenn der Plan keines nennt',
    messwerte: 'Gemessene oder im Plan angegebene Werte mit Quelle',
    'messwerte.jahr': 'Jahr der Messung (oder stattdessen stand)',
    'messwerte.stand': 'Stand der Messung, so genau, wie der Plan ihn nennt, z. B. 2023-11 (statt jahr)',
  },
  glossar: {
    begriff: 'Der Begriff',
    abkuerzung: 'Abkürzung',
    definition: 'Erklärung des Begriffs',
    synonyme: 'Andere Wörter für denselben Begriff; die Suche findet ihn auch unter diesen',
    siehe: 'Verwandte Begriffe',
  },
  entscheidungen: {
    frage: 'Die Frage, die zu entscheiden ist, z. B. „Wer betreibt das Schulnetz?“',
    optionen: 'Mindestens zwei Optionen, zwischen denen zu entscheiden ist',
    'optionen.id': 'ID der Option; „wahl“ nennt sie',
    'optionen.titel': 'Titel der Option, z. B. „Zentral durch einen IT-Dienstleister“',
    'optionen.beschreibung': 'Was die Option bedeutet',
    'optionen.folgen': 'Folgen der Option; nur was der Plan sagt',
    'optionen.folgen.kosten': 'Folgen für die Kosten, als Text',
    'optionen.folgen.personal': 'Folgen für das Personal, als Text',
    'optionen.folgen.abhaengigkeit': 'Abhängigkeit, in die die Option führt, als Text',
    wahl: 'ID der gewählten Option; weglassen, solange nicht entschieden ist (die Website zeigt dann „noch nicht entschieden“)',
    datum: 'Wann entschieden wurde: Tag, Monat oder Jahr; nur mit „wahl“',
    beschluss: 'Beschluss zur Entscheidung; nur mit „wahl“',
    'beschluss.nummer': 'Nummer der Beschlussvorlage',
    'beschluss.gremium': 'Beschließendes Gremium, z. B. der Schulausschuss',
    'beschluss.datum': 'Datum des Beschlusses',
    'beschluss.url': 'Adresse der Beschlussvorlage im Ratsinformationssystem',
    begruendung: 'Warum diese Option gewählt wurde; nur mit „wahl“',
    massnahmen: 'Maßnahmen (Codes), die die Wahl umsetzen; ihre Seiten verweisen zurück',
    handlungsfeld: 'Handlungsfeld, zu dem die Entscheidung gehört',
  },
  meilensteine: {
    datum: 'Datum des Meilensteins',
    text: 'Was erreicht ist oder sein soll',
    link: 'Link zu einer Seite dieser Website oder nach außen',
    massnahme: 'Zugehörige Maßnahme',
  },
  finanzen: {
    tabellen: 'Veröffentlichte Tabellen dieses Bereichs; die Werte stehen in daten/finanzen/<id>.csv',
    'tabellen.id': 'ID der Tabelle; ihre Werte stehen in daten/finanzen/<id>.csv',
    'tabellen.nummer': 'Die Nummer der Tabelle im veröffentlichten Plan, wie er sie druckt (z. B. „Tab. 7“); Website, Druckfassung und PDF behalten sie',
    'tabellen.abbildung': 'Die Nummer der Abbildung, mit der der Plan diese Tabelle als Diagramm zeigt (z. B. „Abb. 3“); das Diagramm der Website trägt sie',
    'tabellen.einheit': 'Einheit der veröffentlichten Werte',
    'tabellen.genauigkeit': 'Rundungsstufe der veröffentlichten Werte in der Einheit der Tabelle, z. B. 0,1; weglassen, wenn die Werte genau sind',
    'tabellen.spalten': 'Die Spalten der CSV-Datei (außer der ersten)',
    'tabellen.spalten.id': 'Spaltenname in der CSV-Datei',
    'tabellen.spalten.art': 'Art der Spalte: bedarf, finanzierung, anteil (in %), wert oder summe',
    'tabellen.spalten.von': 'Bei einer Summenspalte: die Spalten, die sie addiert (ohne Angabe alle übrigen)',
  },
  erhebungen: {
    runden: 'Die Erhebungsrunden, älteste zuerst; die Werte jeder Runde stehen in daten/erhebungen/<id>.csv',
    'runden.id': 'ID der Runde aus Jahr und Monat in Anführungszeichen, z. B. "2024-03"; zugleich der Name ihrer CSV-Datei',
    'runden.stichtag': 'Stichtag, auf den sich die Angaben der Schulen beziehen',
    'runden.methode': 'Wie erhoben wurde, z. B. „Online-Fragebogen an alle Schulleitungen“',
    'runden.quelle': 'Woher die Werte stammen, z. B. die Auswertung des Medienzentrums',
    mindestgruppe: 'Kleinste Zahl an Antworten (Schulen oder Beschäftigte), hinter der eine veröffentlichte Auswertung stehen muss; kleinere Gruppen werden nicht gezeigt',
    intern: 'Felder, die nur in Summen und Gruppen eingehen und nie je Schule veröffentlicht werden, z. B. Schwachstellen im Netz',
    bedarfe: 'Bedarfe, die die Schulen mit einer Priorität angeben; die Spalte in der CSV-Datei heißt bedarf_<id>',
    'bedarfe.name': 'Name des Bedarfs, wie er auf der Website erscheint',
    'bedarfe.art': 'Wozu Schulen mit diesem Bedarf zusammenfinden: fortbildung, beschaffung oder betrieb',
    'bedarfe.massnahmen': 'Maßnahmen des Plans, die diesen Bedarf aufgreifen',
    fragen: 'Fragen an die Beschäftigten zur Haltung; die Spalte heißt haltung_<id>, die Zahl der Antworten steht in „antworten“',
    'fragen.text': 'Die Frage oder Aussage, wie sie gestellt wurde',
    handlungsfelder: 'Welche Felder der Erhebung auf der Seite „Rechenschaft“ zu welchem Handlungsfeld gehören',
    'handlungsfelder.handlungsfeld': 'Das Handlungsfeld',
    'handlungsfelder.felder': 'Felder der Erhebung, z. B. wlan_abdeckung',
  },
};

/** Proposals for fields whose values are open but usually come from a known list. */
const EXAMPLES: Record<string, Record<string, readonly string[]>> = {
  akteure: { ebene: EBENEN },
};

// ---------------------------------------------------------------------------
// zod → JSON Schema

interface Def {
  type: string;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
}
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const accepts = (schema: z.ZodType, value: unknown) => schema.safeParse(value).success;

/** What a reference field says about itself: which file its IDs come from. */
function refDescription(collection: CollectionName): string {
  const source = SOURCES[collection];
  if (source.kind === 'mdx') {
    if (source.idFrom === 'frontmatter') return `Code einer Maßnahme aus ${source.dir}/ (Feld „id“ im Kopf der Datei)`;
    return `ID aus ${source.dir}/ (Dateiname ohne .mdx oder Feld „id“ im Kopf der Datei)`;
  }
  return `ID aus ${source.kind === 'csv-dir' ? `${source.dir}/` : source.file}`;
}

/**
 * A German number is a pipe whose innermost input is `union([number, string])` parsed by
 * germanNumber(); further pipes add bounds (years, amounts, percentages). Returns what the
 * number branch of the JSON Schema must say, or undefined for anything else.
 */
function germanNumberInfo(schema: z.ZodType): { integer: boolean; bounds: Json } | undefined {
  const outs: z.ZodType[] = [];
  let current = schema;
  while (defOf(current).type === 'pipe') {
    const { in: inner, out } = defOf(current);
    const options = defOf(inner).type === 'union' ? defOf(inner).options ?? [] : [];
    if (options.length === 2 && defOf(options[0]).type === 'number' && defOf(options[1]).type === 'string') {
      // The core germanNumber(): tell it from other unions by what it does with German text.
      const parsed = current.safeParse('1.234');
      if (!parsed.success || parsed.data !== 1234) return undefined;
      const integer = !accepts(current, '1,5');
      const bounds: Json = {};
      let isInteger = integer;
      for (const o of outs) {
        if (defOf(o).type !== 'number') continue;
        const json = z.toJSONSchema(o, { target: 'draft-07' }) as Json;
        if (json.type === 'integer') isInteger = true;
        for (const key of ['minimum', 'exclusiveMinimum'] as const) {
          const v = json[key];
          if (typeof v === 'number' && v > Number.MIN_SAFE_INTEGER && (bounds[key] === undefined || v > (bounds[key] as number))) bounds[key] = v;
        }
        for (const key of ['maximum', 'exclusiveMaximum'] as const) {
          const v = json[key];
          if (typeof v === 'number' && v < Number.MAX_SAFE_INTEGER && (bounds[key] === undefined || v < (bounds[key] as number))) bounds[key] = v;
        }
      }
      return { integer: isInteger, bounds };
    }
    if (!out) return undefined;
    outs.push(out);
    current = inner!;
  }
  return undefined;
}

/** Innermost input of a chain of pipes, if it is a union of exactly these two types. */
function pipeOverUnion(schema: z.ZodType, first: string, second: string): boolean {
  let current = schema;
  while (defOf(current).type === 'pipe') current = defOf(current).in!;
  const options = defOf(current).type === 'union' ? defOf(current).options ?? [] : [];
  return current !== schema && options.length === 2 && defOf(options[0]).type === first && defOf(options[1]).type === second;
}

/** Replaces the generated keywords of a node, keeping its default and description. */
function replace(json: Json, next: Json) {
  const kept = Object.fromEntries(Object.entries(json).filter(([key]) => key === 'default' || key === 'description'));
  for (const key of Object.keys(json)) delete json[key];
  Object.assign(json, next, kept);
}

/** The JSON Schema of an e-mail address as zod describes it (format and pattern). */
function emailJson(): { format: string; pattern: string } {
  const { format, pattern } = z.toJSONSchema(E_MAIL, { target: 'draft-07' }) as { format: string; pattern: string };
  return { format, pattern };
}

/**
 * What an editor sees of the address rule (src/plan/adressen.ts) while typing: a pattern that
 * catches the common mistakes (no https://, a space, a backslash, //host). The full rule,
 * with its German message naming the trick, is checked by `npm run pruefen` and the build.
 * Each address field carries its kind as `x-planwerk-adresse`.
 */
export const ADRESSMUSTER: Record<Exclude<Adressart, 'ausgabe'>, { pattern: string; description: string; format?: string }> = {
  extern: { pattern: '^https://[^\\s\\\\/?#@]+(?:[/?#][^\\s\\\\]*)?$', description: 'Adresse mit https://, z. B. https://www.stadt.de/' },
  website: { pattern: '^https://[^\\s\\\\/?#@]+(?:/[A-Za-z0-9._~/-]*)?$', description: 'Adresse der Website mit https://, ohne ? und #' },
  link: { pattern: '^(?:https://|mailto:|tel:|(?!//)(?![^:/?#]*:))[^\\s\\\\]*$', description: 'Adresse mit https://, mailto: oder tel: oder ein Pfad dieser Website wie /kapitel/vorwort/' },
  kontakt: { pattern: '^(?:mailto|tel):[^\\s\\\\]+$', description: 'mailto: oder tel:' },
  bild: { pattern: '^(?!//)(?![^:/?#]*:)[^\\s\\\\]*$', description: 'Pfad einer Datei dieser Website' },
  seite: { pattern: '^/(?!/)[^\\s\\\\]*$', description: 'Pfad dieser Website wie /kapitel/vorwort/' },
  email: { ...emailJson(), description: 'z. B. schule@stadt.de' },
  muster: { pattern: '^https://[^\\s\\\\/?#@]+[^\\s\\\\]*\\{pfad\\}[^\\s\\\\]*$', description: 'Muster mit https:// und dem Platzhalter {pfad}' },
};

/** Rewrites what zod cannot express itself: German numbers, dates, section numbers, school years, addresses. */
function override({ zodSchema, jsonSchema }: { zodSchema: unknown; jsonSchema: Json }) {
  const schema = zodSchema as z.ZodType;
  const type = defOf(schema).type;
  const adresse = ADRESSFELDER.get(schema)?.adresse;
  if (adresse && adresse !== 'ausgabe') {
    replace(jsonSchema, { type: 'string', ...ADRESSMUSTER[adresse], 'x-planwerk-adresse': adresse });
  } else if (schema === zeitangabe || schema === termin) {
    const tag = schema === zeitangabe;
    replace(jsonSchema, {
      anyOf: [
        { type: 'integer', minimum: 1000, maximum: 9999 },
        { type: 'string', pattern: tag ? MUSTER.zeitangabe : MUSTER.termin },
      ],
      description: tag
        ? 'so genau, wie der Plan es angibt: Jahr (2021), Monat (2021-03) oder Tag (2021-03-05)'
        : 'so genau, wie der Plan es angibt: Jahr (2026), Quartal (2026-Q3), Monat (2026-03), Tag (2026-03-05) oder Schuljahr (2025/26)',
    });
  } else if (type === 'pipe') {
    const german = germanNumberInfo(schema);
    if (german) {
      replace(jsonSchema, {
        anyOf: [
          { type: german.integer ? 'integer' : 'number', ...german.bounds },
          { type: 'string', pattern: german.integer ? GERMAN_INTEGER_PATTERN : GERMAN_NUMBER_PATTERN },
        ],
        description: german.integer
          ? 'ganze Zahl, auch als Text in deutscher Schreibweise, z. B. "1.234"'
          : 'Zahl, auch als Text in deutscher Schreibweise, z. B. "1.234,56" (kein "1.5")',
      });
    } else if (pipeOverUnion(schema, 'date', 'string')) {
      replace(jsonSchema, { type: 'string', pattern: DATE_PATTERN, description: 'Format JJJJ-MM-TT, z. B. 2026-11-23' });
    } else if (pipeOverUnion(schema, 'string', 'number')) {
      replace(jsonSchema, {
        anyOf: [{ type: 'string', pattern: ABSCHNITTSNUMMER_PATTERN }, { type: 'integer', minimum: 0 }],
        description: 'Abschnittsnummer wie "4" oder "4.2", in Anführungszeichen',
      });
    }
  } else if (type === 'string' && accepts(schema, '2025/26') && !accepts(schema, '2025/27')) {
    replace(jsonSchema, { type: 'string', pattern: SCHULJAHR_PATTERN, description: 'Schuljahr wie 2025/26' });
  }
}

/** Sets a field's description (keeping what the field's type says about itself) and examples. */
function describeFields(root: Json, file: string) {
  const descriptions = { ...COMMON, ...FIELDS[file] };
  const examples = EXAMPLES[file] ?? {};
  const used = new Set<string>();
  const visit = (node: Json, path: string) => {
    if (node.items && typeof node.items === 'object') visit(node.items as Json, path);
    const properties = node.properties as Record<string, Json> | undefined;
    for (const [key, child] of Object.entries(properties ?? {})) {
      const childPath = path ? `${path}.${key}` : key;
      const text = descriptions[childPath] ?? LEAVES[key];
      if (text) {
        used.add(childPath);
        const own = typeof child.description === 'string' ? child.description : undefined;
        child.description = own ? `${text}; ${own}` : text;
      }
      if (examples[childPath]) {
        used.add(childPath);
        child.examples = [...examples[childPath]];
      }
      visit(child, childPath);
    }
  };
  visit(root, '');
  const unknown = [...Object.keys(FIELDS[file] ?? {}), ...Object.keys(examples)].filter((p) => !used.has(p));
  if (unknown.length > 0) throw new Error(`src/cli/schemas.ts: Beschreibung für Felder, die es in ${file} nicht gibt: ${unknown.join(', ')}`);
}

/** The JSON Schema of one target, ready to write. */
export function buildSchema(target: SchemaTarget): Json {
  const metadata = z.registry<{ description: string }>();
  const ref: RefFactory = (collection) => {
    const schema = plainRef(collection);
    metadata.add(schema, { description: refDescription(collection) });
    return schema;
  };
  const entry = createSchemas(ref)[target.collection] as z.ZodType;
  const generated = z.toJSONSchema(target.form === 'liste' ? z.array(entry) : entry, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
    metadata,
    override: (ctx) => override({ zodSchema: ctx.zodSchema, jsonSchema: ctx.jsonSchema as Json }),
  }) as Json;
  // A fresh copy: zod may share one object between fields that use the same schema.
  const { $schema, ...body } = structuredClone(generated);
  describeFields(target.form === 'liste' ? (body.items as Json) : body, target.name);
  if (target.collection === 'massnahmen') {
    // The superRefine in src/plan/schemas/massnahmen.ts: exactly one of handlungsfeld / handlungsfelder.
    body.oneOf = [{ required: ['handlungsfeld'] }, { required: ['handlungsfelder'] }];
  }
  return {
    $schema,
    $comment: 'Erzeugt mit „npm run schemas“ aus src/plan/schemas/. Nicht von Hand ändern.',
    title: target.title,
    description: target.description,
    ...body,
  };
}

/** File name → content of every file in schemas/. */
export function generateSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const target of schemaTargets()) files.set(`${target.name}.schema.json`, `${JSON.stringify(buildSchema(target), null, 2)}\n`);
  return files;
}

/** Files in schemas/ that differ from a fresh generation, are missing, or are left over. */
export function outdatedSchemaFiles(projectDir: string): string[] {
  const dir = join(projectDir, SCHEMA_DIR);
  const files = generateSchemaFiles();
  const present = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.schema.json')) : [];
  const outdated = [...files].filter(([name, text]) => !present.includes(name) || readFileSync(join(dir, name), 'utf8') !== text).map(([name]) => name);
  const leftOver = present.filter((name) => !files.has(name));
  return [...outdated, ...leftOver].map((name) => `${SCHEMA_DIR}/${name}`);
}

/** `planwerk schemas` and `npm run schemas`: writes schemas/, or with --pruefen checks it. */
export function befehl() {
  const { values } = parseArgs({ options: { pruefen: { type: 'boolean', default: false } } });
  const projectDir = process.cwd();
  const outdated = outdatedSchemaFiles(projectDir);
  if (values.pruefen) {
    if (outdated.length > 0) {
      console.error(`Nicht aktuell: ${outdated.join(', ')}. Bitte „npm run schemas“ ausführen und die Dateien einchecken.`);
      process.exit(1);
    }
    console.log(`Planwerk: Die JSON-Schemas in ${SCHEMA_DIR}/ sind aktuell.`);
  } else {
    const dir = join(projectDir, SCHEMA_DIR);
    mkdirSync(dir, { recursive: true });
    const files = generateSchemaFiles();
    for (const name of readdirSync(dir)) if (name.endsWith('.schema.json') && !files.has(name)) rmSync(join(dir, name));
    for (const [name, text] of files) writeFileSync(join(dir, name), text);
    console.log(`Planwerk: ${files.size} JSON-Schemas in ${SCHEMA_DIR}/ geschrieben${outdated.length > 0 ? `, geändert: ${outdated.join(', ')}` : ', keine Änderung'}.`);
  }
}

if (import.meta.main) befehl();
