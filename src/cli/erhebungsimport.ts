/**
 * Import of one survey round (Erhebung) from the spreadsheet a survey tool or online form
 * exports: `npm run import -- erhebung <datei.xlsx|datei.csv> --erhebung 2026-03 --stichtag 2026-03-01
 * [--zuordnung <datei.yaml>] [--inhalt <ordner>] [--ersetzen]` (CLI: src/cli/import.ts).
 *
 * It writes the round's answers to `<plan>/daten/erhebungen/<id>.csv` (`;`, first column `schule`,
 * then the mapped columns in the order of `bekannteSpalten`, rows sorted by school id, numbers the
 * German way) and adds the round to `<plan>/daten/erhebungen.yaml`, or replaces it with
 * `--ersetzen`. The `yaml` Document API finds the rounds and writes the one entry; only its lines
 * change in the text, so comments, order and layout of the rest stay as they are (see
 * `trageRundeEin`). A new round goes before the first round with a later Stichtag. The file must
 * exist already: what it says beyond the rounds (mindestgruppe, bedarfe, fragen …) is the plan's
 * decision, not the import's. With any error, nothing is written. The plan folder is `--inhalt`, else
 * PLANWERK_CONTENT, else content/ (as for every other command), relative to the working directory.
 *
 * The mapping file (Zuordnung, YAML; default `<plan>/daten/erhebungen-zuordnung.yaml`):
 *
 *   methode: Online-Fragebogen an alle Schulleitungen    # for the round's entry in erhebungen.yaml
 *   quelle: Schulverwaltungsamt Musterstadt
 *   titel: Erhebung Frühjahr 2026                          # optional, likewise beschreibung
 *   blatt: Antworten                                       # optional (xlsx): sheet name or number; else the first
 *   schule: { spalte: "Schulnummer", nach: id }            # nach: id (default) or name, as in daten/schulen.csv
 *   spalten:                                               # heading in the export: column of Planwerk
 *     "Anzahl Schülerinnen und Schüler": schuelerzahl
 *     "WLAN-Abdeckung in %": wlan_abdeckung
 *     "Wie wichtig ist WLAN?": bedarf_wlan
 *   ignorieren: ["Zeitstempel", "E-Mail-Adresse"]          # headings left out on purpose
 *   werte:                                                 # optional: answer words to values
 *     bedarfe: { sehr wichtig: hoch, wichtig: mittel, weniger wichtig: gering, unwichtig: kein }
 *     medienkonzept_status: { in Arbeit: entwurf, "weiß nicht": "" }
 *     stufen: { "1 – Einstieg": einstieg, "2 – Aufbau": aufbau }   # every stufe_… column
 *
 * Columns of Planwerk are those of `bekannteSpalten` (src/rechnen/erhebungen.ts): `schulform`, the
 * fields of FELDER, `bedarf_<id>`, `haltung_<id>` and `stufe_<bereich>` from erhebungen.yaml. A
 * `werte` table belongs to one such column, or under the key `bedarfe` to every `bedarf_…` column
 * and under `stufen` to every `stufe_…` column (a column's own table comes first); words match
 * without regard to case and spaces, `""` means "keine Angabe". A level may also be given by its
 * id or its name in erhebungen.yaml („Aufbau“); the CSV holds its id.
 * Headings match after removing invisible characters and runs of spaces.
 *
 * Checks, all reported at once with the cell (`Blatt1!F17, Spalte „WLAN“` for xlsx, `Zeile 17,
 * Spalte „WLAN“` for CSV), what was expected and what was found:
 * - a heading of the mapping missing from the export is an error; a heading of the export that is
 *   neither mapped nor under `ignorieren` is a warning (its values are not taken over);
 * - every value is read with `leseZelle`, the same rule as the build. Before that, Excel's numbers,
 *   dates and truth values become the text a CSV would hold (87,5 · 2026-03-01 · WAHR), a German
 *   date 01.03.2026 in a date field becomes 2026-03-01, and a trailing „%“ in a percentage field is
 *   dropped; nothing else is guessed (an English 87.5 is still an error);
 * - a school the plan does not know, one that did not exist at the Stichtag, or one named twice is
 *   an error; a school of the plan that existed at the Stichtag and is missing is a warning.
 *
 * Reader: read-excel-file (npm, MIT, by catamphetamine). It is maintained (9.3.17, November 2026),
 * small (four small dependencies, no install scripts), reads only .xlsx — which is all the import
 * needs — and gives cells as string, number, boolean or Date with rows and columns at their real
 * positions, so cell references are right. Rejected: `xlsx` on npm (it stopped at 0.18.5 in 2022;
 * SheetJS publishes newer versions outside the registry), @e965/xlsx (a third party's repackaging
 * of SheetJS, one large bundle), exceljs (last release December 2024, nine dependencies, mostly
 * writing features the import does not use). The tests build their .xlsx files with write-excel-file,
 * the same author's writer, as a dev dependency. CSV is read with csv-parse: `;`, `,` or tab, detected
 * from the header line; UTF-8 with or without BOM.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import readXlsxFile, { InvalidInputError } from 'read-excel-file/node';
import { z } from 'astro/zod';
import { BEDARF, bekannteSpalten, bestehtAm, FELDER, HALTUNG, leseZelle, STUFE, type Feld, type Konfiguration } from '../rechnen/erhebungen.ts';
import { dateSchema, type Data } from '../plan/schemas/index.ts';
import { nach, zeitangabe } from '../plan/datum.ts';
import { ohneUnsichtbare, planLocation, readCollection, sourcePath, unsichtbareZeichen, zeigeUnsichtbare, ZUORDNUNG_DATEI, type PlanLocation } from '../plan/sources.ts';
import { parseEntry } from '../pruefung/validate.ts';
import { inhaltsordner } from '../plan/aktuell.ts';
import { describeValue, problemMeldung, problemOrt, type Problem } from '../plan/problems.ts';

// ---------------------------------------------------------------------------
// Messages

/** One finding of the import: where (a cell, a line of a file), what, and how to fix it where known. */
export interface Meldung {
  ort?: string;
  text: string;
  hinweis?: string;
  /** A warning the summary repeats (unknown columns, missing schools): the CLI shows it only where there is no summary. */
  inZusammenfassung?: true;
}

/** A finding as one line: `Blatt1!F17, Spalte „WLAN“: erwartet …; gefunden: …`. */
export const meldungText = (m: Meldung): string => (m.ort ? `${m.ort}: ${m.text}` : m.text);

const erwartet = (was: string, gefunden?: string) => `erwartet ${was}${gefunden === undefined ? '' : `; gefunden: ${gefunden}`}`;

/** A text as a message quotes it, invisible characters shown and named. */
function zitat(text: string): string {
  const unsichtbar = unsichtbareZeichen(text);
  return `„${zeigeUnsichtbare(text)}“${unsichtbar ? ` mit unsichtbarem Zeichen ${unsichtbar}` : ''}`;
}

const liste = (texte: readonly string[]) => texte.map((t) => `„${zeigeUnsichtbare(t)}“`).join(', ');

function ausProblem(p: Problem): Meldung {
  return { ort: problemOrt(p), text: `${p.field ? `Feld „${p.field}“: ` : ''}${problemMeldung(p)}`, hinweis: p.hinweis };
}

// ---------------------------------------------------------------------------
// The mapping file

const ZUORDNUNG_FELDER = ['methode', 'quelle', 'titel', 'beschreibung', 'blatt', 'schule', 'spalten', 'ignorieren', 'werte'] as const;
/** The `werte` key that stands for every `bedarf_…` column. */
const ALLE_BEDARFE = 'bedarfe';
/** The `werte` key that stands for every `stufe_…` column (the self-evaluation's areas). */
const ALLE_STUFEN = 'stufen';
/** The key of `werte` that also applies to a column: `bedarfe` for needs, `stufen` for levels. */
const sammelschluessel = (spalte: string) => (spalte.startsWith(BEDARF) ? ALLE_BEDARFE : spalte.startsWith(STUFE) ? ALLE_STUFEN : undefined);

/** Headings are compared without invisible characters and with single spaces. */
const normal = (text: string) => ohneUnsichtbare(text.normalize('NFC')).replace(/\s+/g, ' ').trim();
/** Answer words and school names also ignore case. */
const schluessel = (text: string) => normal(text).toLocaleLowerCase('de-DE');

function zuordnungsSchema(bekannt: readonly string[]) {
  const text = (was: string) => z.string({ error: was }).trim().min(1, { error: was });
  const ueberschrift = text('eine Spaltenüberschrift aus der Datei');
  return z
    .strictObject({
      methode: text('die Methode der Erhebung als Text, z. B. „Online-Fragebogen an alle Schulleitungen“'),
      quelle: text('die Quelle der Antworten als Text, z. B. „Schulverwaltungsamt“'),
      titel: text('einen Titel der Runde als Text').optional(),
      beschreibung: text('eine Beschreibung der Runde als Text').optional(),
      blatt: z.union([z.string().trim().min(1), z.number().int().min(1)], { error: 'den Namen eines Tabellenblatts oder seine Nummer (ab 1)' }).optional(),
      schule: z.strictObject(
        {
          spalte: ueberschrift,
          nach: z.enum(['id', 'name'], { error: '„id“ (die Kennung aus daten/schulen.csv) oder „name“ (der Name aus daten/schulen.csv)' }).default('id'),
        },
        { error: 'die Spalte mit der Schule, z. B. schule: { spalte: "Schulnummer", nach: id }' },
      ),
      spalten: z
        .record(z.string(), z.enum(bekannt as [string, ...string[]], { error: `eine Spalte von Planwerk: ${bekannt.join(', ')}` }), {
          error: 'eine Zuordnung „Überschrift in der Datei: Spalte von Planwerk“, z. B. "WLAN-Abdeckung in %": wlan_abdeckung',
        })
        .refine((r) => Object.keys(r).length > 0, { error: 'mindestens eine Spalte, z. B. "WLAN-Abdeckung in %": wlan_abdeckung' }),
      ignorieren: z.array(ueberschrift, { error: 'eine Liste von Überschriften, z. B. ["Zeitstempel", "E-Mail-Adresse"]' }).default([]),
      werte: z
        .record(
          z.string(),
          z.record(z.string(), z.union([z.string(), z.number(), z.null()]), { error: 'eine Zuordnung „Antwort: Wert“, z. B. sehr wichtig: hoch' }),
          { error: `je Spalte von Planwerk (oder „${ALLE_BEDARFE}“ für alle Bedarfe, „${ALLE_STUFEN}“ für alle Bereiche der Selbsteinschätzung) eine Zuordnung „Antwort: Wert“` },
        )
        .default({}),
    })
    .superRefine((z0, ctx) => {
      const schule = normal(z0.schule.spalte);
      const ziel = new Map<string, string>();
      const ignoriert = new Set(z0.ignorieren.map(normal));
      for (const [ueberschriftText, spalte] of Object.entries(z0.spalten)) {
        const path = ['spalten', ueberschriftText];
        const vorher = ziel.get(spalte);
        if (vorher !== undefined) ctx.addIssue({ code: 'custom', path, input: spalte, message: `jede Spalte von Planwerk nur einmal (${spalte} steht schon bei „${vorher}“)` });
        ziel.set(spalte, ueberschriftText);
        if (normal(ueberschriftText) === schule) ctx.addIssue({ code: 'custom', path, input: ueberschriftText, message: 'unter „spalten“ nicht die Spalte der Schule (sie steht unter „schule“)' });
        if (ignoriert.has(normal(ueberschriftText))) ctx.addIssue({ code: 'custom', path, input: ueberschriftText, message: 'eine Überschrift entweder unter „spalten“ oder unter „ignorieren“, nicht unter beiden' });
      }
      z0.ignorieren.forEach((u, i) => {
        if (normal(u) === schule) ctx.addIssue({ code: 'custom', path: ['ignorieren', i], input: u, message: 'unter „ignorieren“ nicht die Spalte der Schule' });
      });
      for (const [spalte, woerter] of Object.entries(z0.werte)) {
        if (spalte !== ALLE_BEDARFE && spalte !== ALLE_STUFEN && !bekannt.includes(spalte)) {
          ctx.addIssue({ code: 'custom', path: ['werte', spalte], input: spalte, message: `eine Spalte von Planwerk, „${ALLE_BEDARFE}“ (für alle Bedarfe) oder „${ALLE_STUFEN}“ (für alle Bereiche der Selbsteinschätzung): ${bekannt.join(', ')}` });
        }
        const gesehen = new Set<string>();
        for (const wort of Object.keys(woerter)) {
          if (gesehen.has(schluessel(wort))) ctx.addIssue({ code: 'custom', path: ['werte', spalte, wort], input: wort, message: 'jede Antwort nur einmal (Groß- und Kleinschreibung zählt nicht)' });
          gesehen.add(schluessel(wort));
        }
      }
    });
}

export type Zuordnung = z.output<ReturnType<typeof zuordnungsSchema>>;

const TYPNAMEN: Record<string, string> = { string: 'einen Text', number: 'eine Zahl', boolean: 'true oder false', array: 'eine Liste', object: 'eine Zuordnung (Feld: Wert)' };

/** German texts for zod's own issues, where the schema gives none. */
function deutsch(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type') return TYPNAMEN[issue.expected] ?? issue.expected;
  if (issue.code === 'too_small') return issue.origin === 'string' ? 'einen nicht leeren Text' : `mindestens ${issue.minimum}`;
  return undefined;
}

/** Reads and checks the mapping file; its messages carry the file's line. */
function leseZuordnung(datei: string, anzeige: string, bekannt: readonly string[]): { zuordnung?: Zuordnung; fehler: Meldung[] } {
  if (!existsSync(datei) || !statSync(datei).isFile()) {
    return {
      fehler: [
        {
          ort: anzeige,
          text: erwartet('die Zuordnung der Spalten (eine YAML-Datei)', 'keine Datei'),
          hinweis: 'Die Datei anlegen, mindestens mit „methode“, „quelle“, „schule: { spalte: …, nach: id }“ und „spalten“ (Überschrift in der Datei: Spalte von Planwerk), oder eine andere mit --zuordnung angeben.',
        },
      ],
    };
  }
  const text = new TextDecoder('utf-8').decode(readFileSync(datei));
  const zaehler = new LineCounter();
  const doc = parseDocument(text, { lineCounter: zaehler, uniqueKeys: true, prettyErrors: false });
  const zeileVon = (pos: number | undefined) => (pos === undefined ? undefined : zaehler.linePos(pos).line);
  if (doc.errors.length > 0) {
    const fehler = doc.errors[0]!;
    const doppelt = fehler.code === 'DUPLICATE_KEY';
    return {
      fehler: [
        {
          ort: `${anzeige}:${zeileVon(fehler.pos[0])}`,
          text: erwartet('gültiges YAML', doppelt ? 'einen Schlüssel zum zweiten Mal' : 'eine Zeile, die sich nicht lesen lässt'),
          hinweis: doppelt ? 'Jede Überschrift und jedes Feld nur einmal nennen.' : 'Einrückung (nur Leerzeichen) und Anführungszeichen prüfen; eine Überschrift mit „:“ oder „#“ gehört in Anführungszeichen.',
        },
      ],
    };
  }
  const roh: unknown = doc.toJS();
  const ergebnis = zuordnungsSchema(bekannt).safeParse(roh ?? {}, { reportInput: true, error: deutsch });
  if (ergebnis.success) return { zuordnung: ergebnis.data, fehler: [] };
  const ortVon = (path: readonly PropertyKey[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as YamlNode | undefined;
      const zeile = zeileVon(node?.range?.[0]);
      if (zeile) return `${anzeige}:${zeile}`;
    }
    return anzeige;
  };
  const feldname = (path: readonly PropertyKey[]) => path.map(String).join('.');
  return {
    fehler: ergebnis.error.issues.map((issue): Meldung => {
      if (issue.code === 'unrecognized_keys') {
        const pfad = feldname(issue.path);
        const felder = issue.path.length === 0 ? ZUORDNUNG_FELDER.join(', ') : issue.path[0] === 'schule' ? 'spalte, nach' : '';
        return {
          ort: ortVon([...issue.path, issue.keys[0]!]),
          text: `${pfad ? `Feld „${pfad}“: ` : ''}${erwartet(`nur bekannte Felder${felder ? ` (${felder})` : ''}`, issue.keys.length === 1 ? `das unbekannte Feld „${issue.keys[0]}“` : `die unbekannten Felder ${liste(issue.keys)}`)}`,
        };
      }
      const input = (issue as { input?: unknown }).input;
      return { ort: ortVon(issue.path), text: `${issue.path.length ? `Feld „${feldname(issue.path)}“: ` : ''}${erwartet(issue.message, typeof input === 'string' ? zitat(input) : describeValue(input))}` };
    }),
  };
}

// ---------------------------------------------------------------------------
// Reading the export

type Zellart = 'leer' | 'text' | 'zahl' | 'datum' | 'wahrheitswert';

interface Zelle {
  /** The cell as a CSV would hold it: trimmed text, German numbers, ISO dates. */
  text: string;
  art: Zellart;
  zahl?: number;
}

const LEER: Zelle = { text: '', art: 'leer' };

interface Export {
  art: 'xlsx' | 'csv';
  /** Sheet name (xlsx). */
  blatt?: string;
  kopfzeile: number;
  /** Headings by column index, normalised; '' for a column without one. */
  ueberschriften: string[];
  zeilen: { nummer: number; zellen: Zelle[] }[];
}

/** Excel's column letters: 0 → A, 25 → Z, 26 → AA. */
export function spaltenbuchstabe(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A sheet name as Excel writes it in a reference: quoted unless letters, digits and underscores only. */
const blattVerweis = (name: string) => (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replaceAll("'", "''")}'`);

/** Where a cell is: `Blatt1!F17` (xlsx) or `Zeile 17` (CSV), with the column's heading. */
function zellort(exp: Export, zeile: number, spalte: number): string {
  const ueberschrift = exp.ueberschriften[spalte];
  const name = ueberschrift ? `Spalte „${zeigeUnsichtbare(ueberschrift)}“` : `Spalte ${exp.art === 'xlsx' ? spaltenbuchstabe(spalte) : spalte + 1} (ohne Überschrift)`;
  return exp.art === 'xlsx' ? `${blattVerweis(exp.blatt ?? '')}!${spaltenbuchstabe(spalte)}${zeile}, ${name}` : `Zeile ${zeile}, ${name}`;
}

/** A cell without its heading: `Blatt1!B2` or `Zeile 2`. */
const kurzort = (exp: Export, zeile: number, spalte: number) => (exp.art === 'xlsx' ? `${blattVerweis(exp.blatt ?? '')}!${spaltenbuchstabe(spalte)}${zeile}` : `Zeile ${zeile}`);

/** The header row: `Blatt1, Zeile 1` or `Zeile 1`. */
const kopfort = (exp: Export) => (exp.art === 'xlsx' ? `${blattVerweis(exp.blatt ?? '')}, Zeile ${exp.kopfzeile}` : `Zeile ${exp.kopfzeile}`);

const ohneGruppen = new Intl.NumberFormat('de-DE', { useGrouping: false, maximumFractionDigits: 20 });
const mitGruppen = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 20 });

/**
 * An Excel number as a German CSV would hold it: 87.5 → "87,5", 1234 → "1234". Rounded to the 15
 * digits Excel shows, so a sum such as 0.1 + 0.2 reads as 0,3, as it does in the spreadsheet.
 */
export function deutscheZahl(n: number): string {
  return ohneGruppen.format(Number(n.toPrecision(15)));
}

/** A number as the round's CSV writes it: 1234.5 → "1.234,5". */
const ausgabeZahl = (n: number) => mitGruppen.format(n);

function zelleAusExcel(wert: unknown): Zelle {
  if (wert === null || wert === undefined) return LEER;
  if (typeof wert === 'number') return { text: deutscheZahl(wert), art: 'zahl', zahl: wert };
  if (typeof wert === 'boolean') return { text: wert ? 'WAHR' : 'FALSCH', art: 'wahrheitswert' };
  if (wert instanceof Date) return Number.isNaN(wert.getTime()) ? LEER : { text: wert.toISOString().slice(0, 10), art: 'datum' };
  const text = String(wert).trim();
  return text === '' ? LEER : { text, art: 'text' };
}

async function leseXlsx(bytes: Buffer, anzeige: string, blatt: string | number | undefined): Promise<{ exp?: Export; fehler: Meldung[]; hinweise: Meldung[] }> {
  let blaetter: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    blaetter = await readXlsxFile(bytes, { trim: true });
  } catch (error) {
    const code = error instanceof InvalidInputError ? error.code : undefined;
    const gefunden =
      code === 'XLS_FILE_NOT_SUPPORTED'
        ? 'eine Datei im alten Excel-Format .xls'
        : code === 'NO_DATA'
          ? 'eine Excel-Datei ohne Tabellenblatt'
          : 'eine Datei, die sich nicht als .xlsx lesen lässt';
    return { fehler: [{ ort: anzeige, text: erwartet('eine Excel-Arbeitsmappe (.xlsx)', gefunden), hinweis: 'Die Datei in Excel oder LibreOffice öffnen und als „Excel-Arbeitsmappe (.xlsx)“ oder als „CSV UTF-8“ speichern.' }], hinweise: [] };
  }
  const namen = blaetter.map((b) => b.sheet);
  const gewaehlt = blatt === undefined ? blaetter[0] : typeof blatt === 'number' ? blaetter[blatt - 1] : blaetter.find((b) => normal(b.sheet) === normal(blatt));
  if (!gewaehlt) {
    return { fehler: [{ ort: anzeige, text: erwartet(`das Tabellenblatt ${typeof blatt === 'number' ? `Nummer ${blatt}` : `„${blatt}“`} (Feld „blatt“ der Zuordnung)`, `die Blätter ${liste(namen)}`) }], hinweise: [] };
  }
  const hinweise: Meldung[] = [];
  if (blatt === undefined && blaetter.length > 1) {
    hinweise.push({ ort: anzeige, text: `Die Arbeitsmappe hat ${blaetter.length} Tabellenblätter (${liste(namen)}); gelesen wurde das erste, „${gewaehlt.sheet}“.`, hinweis: 'Ein anderes Blatt wählt „blatt: <Name>“ in der Zuordnung.' });
  }
  const zeilen = gewaehlt.data.map((zeile) => zeile.map(zelleAusExcel));
  const kopf = zeilen.findIndex((z) => z.some((c) => c.art !== 'leer'));
  if (kopf < 0) return { fehler: [{ ort: `${blattVerweis(gewaehlt.sheet)}`, text: erwartet('eine Kopfzeile mit den Spaltenüberschriften und darunter eine Zeile je Schule', 'ein leeres Tabellenblatt') }], hinweise };
  return {
    exp: {
      art: 'xlsx',
      blatt: gewaehlt.sheet,
      kopfzeile: kopf + 1,
      ueberschriften: zeilen[kopf]!.map((c) => normal(c.text)),
      zeilen: zeilen.slice(kopf + 1).map((zellen, i) => ({ nummer: kopf + 2 + i, zellen })),
    },
    fehler: [],
    hinweise,
  };
}

/** The separator of a CSV export, from its header line: the most frequent of `;`, `,` and tab outside quotes. */
export function trennzeichen(kopfzeile: string): ';' | ',' | '\t' {
  const ohneZitate = kopfzeile.replace(/"[^"]*"/g, '');
  const zahl = (c: string) => ohneZitate.split(c).length - 1;
  const kandidaten = [';', ',', '\t'] as const;
  return kandidaten.reduce((best, c) => (zahl(c) > zahl(best) ? c : best), ';');
}

function leseCsv(bytes: Buffer, anzeige: string): { exp?: Export; fehler: Meldung[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      fehler: [
        {
          ort: anzeige,
          text: erwartet('eine CSV-Datei in der Zeichenkodierung UTF-8', 'eine andere Kodierung, wahrscheinlich Windows-1252 (ANSI)'),
          hinweis: 'In Excel „Speichern unter“ → „CSV UTF-8 (durch Trennzeichen getrennt)“ wählen, in LibreOffice den Zeichensatz „Unicode (UTF-8)“; oder die Datei als .xlsx exportieren.',
        },
      ],
    };
  }
  text = text.replace(/^\uFEFF/, '');
  const zeilen = text.split('\n');
  const kopfIndex = zeilen.findIndex((l) => l.trim() !== '');
  if (kopfIndex < 0) return { fehler: [{ ort: anzeige, text: erwartet('eine Kopfzeile mit den Spaltenüberschriften und darunter eine Zeile je Schule', 'eine leere Datei') }] };
  const delimiter = trennzeichen(zeilen[kopfIndex]!.replace(/\r$/, ''));
  let datensaetze: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    datensaetze = parseCsv(text, { delimiter, info: true, raw: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as unknown as typeof datensaetze;
  } catch (error) {
    const zeile = (error as { lines?: number }).lines;
    return {
      fehler: [
        {
          ort: zeile ? `Zeile ${zeile}` : anzeige,
          text: erwartet(`gültiges CSV mit „${delimiter === '\t' ? 'Tabulator' : delimiter}“ als Trennzeichen`, 'eine Zeile, die sich nicht lesen lässt (etwa ein Anführungszeichen ", das nicht geschlossen wird)'),
        },
      ],
    };
  }
  /** The line a record starts on: csv-parse counts to its end, and a quoted cell may span lines. */
  const anfang = (d: (typeof datensaetze)[number]) => d.info.lines - (d.raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
  const [kopf, ...rest] = datensaetze;
  // Cells beyond the header's last column count as columns without a heading.
  const breite = Math.max(...datensaetze.map((d) => d.record.length));
  return {
    exp: {
      art: 'csv',
      kopfzeile: anfang(kopf!),
      ueberschriften: Array.from({ length: breite }, (_, i) => normal(kopf!.record[i] ?? '')),
      zeilen: rest.map((d) => ({ nummer: anfang(d), zellen: d.record.map((c) => (c.trim() === '' ? LEER : { text: c.trim(), art: 'text' as const })) })),
    },
    fehler: [],
  };
}

// ---------------------------------------------------------------------------
// The plan

type Schule = { id: string; data: Data<'schulen'>; line?: number };

interface Plandaten {
  konfiguration: Konfiguration;
  yamlText: string;
  schulen: Schule[];
  schulformen: string[];
  stand?: string;
}

/** What erhebungen.yaml needs before the first import; the import adds the rounds itself. */
const ERHEBUNGEN_ANLEGEN =
  'Die Datei anlegen mit „mindestgruppe: <Zahl>“ (die kleinste Gruppe von Antworten, über die eine Zusammenfassung etwas sagen darf) und, wo der Plan sie hat, „intern“, „bedarfe“, „fragen“ und „handlungsfelder“ (siehe README, „Erhebungen an den Schulen“). Die Runden trägt der Import selbst ein.';

function lesePlan(loc: PlanLocation, id: string, stichtag: string, ersetzen: boolean): { plan?: Plandaten; fehler: Meldung[] } {
  const fehler: Meldung[] = [];
  const yamlAnzeige = sourcePath(loc, 'erhebungen');
  const yamlDatei = join(loc.contentDir, 'daten', 'erhebungen.yaml');
  if (!existsSync(yamlDatei)) return { fehler: [{ ort: yamlAnzeige, text: erwartet('die Erhebungen des Plans', 'keine Datei'), hinweis: ERHEBUNGEN_ANLEGEN }] };
  const gelesen = readCollection(loc, 'erhebungen');
  if (gelesen.problems.length > 0) return { fehler: gelesen.problems.map(ausProblem) };
  const roh = gelesen.entries[0]!;
  const runden = roh.data.runden ?? [];
  if (!Array.isArray(runden)) return { fehler: [{ ort: yamlAnzeige, text: `Feld „runden“: ${erwartet('eine Liste der Erhebungen (Zeilen mit „- id: …“)', describeValue(runden))}` }] };

  const vorhanden = runden.findIndex((r) => typeof r === 'object' && r !== null && String((r as Record<string, unknown>).id) === id);
  const csvAnzeige = `${sourcePath(loc, 'erhebungswerte')}${id}.csv`;
  if (!ersetzen && vorhanden >= 0) {
    fehler.push({ ort: '--erhebung', text: erwartet('eine Erhebung, die es noch nicht gibt', `„${id}“ unter „runden“ in ${yamlAnzeige}`), hinweis: `Mit --ersetzen ersetzt der Import die Runde und ${csvAnzeige}.` });
  } else if (!ersetzen && existsSync(join(loc.contentDir, 'daten', 'erhebungen', `${id}.csv`))) {
    fehler.push({ ort: '--erhebung', text: erwartet('eine Erhebung, die es noch nicht gibt', `die Datei ${csvAnzeige}`), hinweis: 'Mit --ersetzen ersetzt der Import die Datei.' });
  }
  // The file as it will be, checked by the build's own schema; the new round's texts come from the mapping, checked there.
  const platzhalter = { id, stichtag, methode: '-', quelle: '-' };
  const neueRunden = vorhanden >= 0 ? runden.map((r, i) => (i === vorhanden ? { ...(r as object), ...platzhalter } : r)) : [...runden, platzhalter];
  const geprueft = parseEntry({ ...roh, data: { ...roh.data, runden: neueRunden } });
  fehler.push(...geprueft.problems.map(ausProblem));

  const schulformen = readCollection(loc, 'schulformen');
  fehler.push(...schulformen.problems.map(ausProblem));
  const schulenGelesen = readCollection(loc, 'schulen');
  fehler.push(...schulenGelesen.problems.map(ausProblem));
  if (schulenGelesen.entries.length === 0 && schulenGelesen.problems.length === 0) {
    fehler.push({ ort: sourcePath(loc, 'schulen'), text: erwartet('die Schulen des Plans (id;name;schulform;…)', 'keine Datei'), hinweis: 'Zuerst jede Schule mit fester Kennung, Name und Schulform in daten/schulen.csv eintragen.' });
  }
  const schulen: Schule[] = [];
  for (const e of schulenGelesen.entries) {
    const r = parseEntry(e);
    if (r.problems.length > 0) fehler.push(...r.problems.map(ausProblem));
    else schulen.push({ id: e.id, data: r.data as Data<'schulen'>, line: e.line });
  }
  const planEintrag = readCollection(loc, 'plan').entries[0];
  const stand = zeitangabe.safeParse(planEintrag?.data.stand);
  if (fehler.length > 0) return { fehler };
  return {
    plan: {
      konfiguration: geprueft.data as Konfiguration,
      yamlText: new TextDecoder('utf-8').decode(readFileSync(yamlDatei)),
      schulen,
      schulformen: schulformen.entries.map((f) => f.id),
      stand: stand.success ? stand.data : undefined,
    },
    fehler,
  };
}

// ---------------------------------------------------------------------------
// Values

type Wertart = 'anzahl' | 'prozent' | 'zahl' | 'datum' | 'url' | 'status' | 'prioritaet' | 'stufe' | 'schulform';

function wertart(spalte: string): Wertart {
  if (spalte === 'schulform') return 'schulform';
  if (spalte.startsWith(BEDARF)) return 'prioritaet';
  if (spalte.startsWith(HALTUNG)) return 'prozent';
  if (spalte.startsWith(STUFE)) return 'stufe';
  return FELDER[spalte as Feld].art;
}

/** Converts what is unambiguous before the build's rule reads the cell: a German date, a trailing „%“. */
function vorbereitet(art: Wertart, text: string): string {
  if (art === 'datum') {
    const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
    if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  }
  if (art === 'prozent') return text.replace(/\s*%$/, '');
  return text;
}

/** How a found cell is named in a message. */
function gefundenText(zelle: Zelle, ersetzt?: string): string {
  const wie = zelle.art === 'zahl' ? `die Zahl ${zelle.text}` : zelle.art === 'datum' ? `das Datum ${zelle.text} (Zelle im Datumsformat)` : zelle.art === 'wahrheitswert' ? `den Wahrheitswert ${zelle.text}` : zitat(zelle.text);
  return ersetzt === undefined ? wie : `${wie}, nach „werte“ der Zuordnung „${ersetzt}“`;
}

/** Where the mapping's headings are in the export, and which of its headings the mapping does not name. */
function ordneSpaltenZu(exp: Export, zuordnung: Zuordnung, bekannt: readonly string[]) {
  const fehler: Meldung[] = [];
  const hinweise: Meldung[] = [];
  const spaltenIndex = (ueberschrift: string) => exp.ueberschriften.indexOf(normal(ueberschrift));
  const fehlt = (ueberschrift: string, wofuer: string) => {
    const aehnlich = exp.ueberschriften.find((u) => u && schluessel(u).replace(/[^\p{L}\p{N}]/gu, '') === schluessel(ueberschrift).replace(/[^\p{L}\p{N}]/gu, ''));
    fehler.push({
      ort: kopfort(exp),
      text: `Spalte „${zeigeUnsichtbare(ueberschrift)}“ fehlt in der Datei: ${erwartet(`laut Zuordnung eine Spalte mit dieser Überschrift (${wofuer})`, `die Überschriften ${liste(exp.ueberschriften.filter(Boolean))}`)}`,
      hinweis: aehnlich ? `Die Überschrift in der Zuordnung an „${aehnlich}“ angleichen.` : 'Die Überschrift in der Zuordnung so schreiben, wie sie in der Kopfzeile der Datei steht.',
    });
  };
  const doppelt = (ueberschrift: string) => {
    const stellen = exp.ueberschriften.flatMap((u, i) => (u === normal(ueberschrift) ? [i] : []));
    if (stellen.length > 1) {
      fehler.push({ ort: zellort(exp, exp.kopfzeile, stellen[1]!), text: erwartet('jede zugeordnete Überschrift nur einmal in der Kopfzeile', `„${zeigeUnsichtbare(ueberschrift)}“ ${stellen.length}-mal`) });
    }
  };
  const schulIndex = spaltenIndex(zuordnung.schule.spalte);
  if (schulIndex < 0) fehlt(zuordnung.schule.spalte, `für die Schule, nach ${zuordnung.schule.nach === 'id' ? 'ihrer Kennung' : 'ihrem Namen'}`);
  else doppelt(zuordnung.schule.spalte);
  const spaltenDerZuordnung = new Map(Object.entries(zuordnung.spalten).map(([u, s]) => [s, u]));
  /** Planwerk's columns with the export column they come from, in bekannteSpalten order. */
  const felder: { spalte: string; index: number }[] = [];
  for (const spalte of bekannt) {
    const ueberschrift = spaltenDerZuordnung.get(spalte);
    if (ueberschrift === undefined) continue;
    const index = spaltenIndex(ueberschrift);
    if (index < 0) fehlt(ueberschrift, `für ${spalte}`);
    else {
      doppelt(ueberschrift);
      felder.push({ spalte, index });
    }
  }
  const benutzt = new Set([zuordnung.schule.spalte, ...Object.keys(zuordnung.spalten), ...zuordnung.ignorieren].map(normal));
  const unbekannteSpalten: string[] = [];
  exp.ueberschriften.forEach((u, i) => {
    if (u && !benutzt.has(u)) {
      if (!unbekannteSpalten.includes(u)) unbekannteSpalten.push(u);
    } else if (!u && exp.zeilen.some((z) => (z.zellen[i] ?? LEER).art !== 'leer')) {
      unbekannteSpalten.push(`(ohne Überschrift: Spalte ${exp.art === 'xlsx' ? spaltenbuchstabe(i) : i + 1})`);
    }
  });
  if (unbekannteSpalten.length > 0) {
    hinweise.push({
      ort: kopfort(exp),
      text: `${unbekannteSpalten.length === 1 ? 'Eine Spalte steht' : `${unbekannteSpalten.length} Spalten stehen`} weder unter „spalten“ noch unter „ignorieren“ der Zuordnung und ${unbekannteSpalten.length === 1 ? 'wird' : 'werden'} nicht übernommen: ${unbekannteSpalten.map((u) => (u.startsWith('(') ? u : `„${zeigeUnsichtbare(u)}“`)).join(', ')}`,
      hinweis: 'Jede Spalte, die übernommen werden soll, unter „spalten“ einer Spalte von Planwerk zuordnen, die übrigen unter „ignorieren“ nennen.',
      inZusammenfassung: true,
    });
  }
  return { schulIndex, felder, unbekannteSpalten, fehler, hinweise };
}

interface Antwortkontext {
  zuordnung: Zuordnung;
  konfiguration: Konfiguration;
  schulen: Schule[];
  schulformen: string[];
  stichtag: string;
  schulenDatei: string;
  schulIndex: number;
  /** Planwerk's columns with the export column they come from. */
  felder: { spalte: string; index: number }[];
}

/** Reads every row: its school, and each mapped cell through `leseZelle`, as the round's CSV will hold it. */
function leseAntworten(exp: Export, k: Antwortkontext) {
  const { zuordnung, schulenDatei, schulIndex, felder } = k;
  const fehler: Meldung[] = [];
  const zeilen = new Map<string, { werte: Record<string, string>; ort: string }>();
  const stand: Spaltenstand = { keineAngabe: Object.fromEntries(felder.map((f) => [f.spalte, 0])), prozentZahlen: new Map() };
  const woerter = antwortwoerter(zuordnung);
  const findeSchule = schulFinder(k, fehler, zeilen);
  for (const zeile of exp.zeilen) {
    if (zeile.zellen.every((c) => c.art === 'leer')) continue;
    const schulOrt = zellort(exp, zeile.nummer, schulIndex);
    const schulZelle = zeile.zellen[schulIndex] ?? LEER;
    if (schulZelle.art === 'leer') {
      fehler.push({ ort: schulOrt, text: erwartet(`${zuordnung.schule.nach === 'id' ? 'die Kennung' : 'den Namen'} einer Schule aus ${schulenDatei}`, 'eine leere Zelle in einer Zeile mit Antworten') });
    }
    // The values are checked also where the school is not known, so every error shows at once.
    const schule = schulZelle.art === 'leer' ? undefined : findeSchule(schulZelle, schulOrt);
    const werte = leseZeile(exp, zeile, k, woerter, stand, fehler);
    if (schule) zeilen.set(schule.id, { werte, ort: kurzort(exp, zeile.nummer, schulIndex) });
  }
  if (zeilen.size === 0 && fehler.length === 0) fehler.push({ ort: kopfort(exp), text: erwartet('unter der Kopfzeile mindestens eine Zeile mit den Antworten einer Schule', 'keine') });
  return { zeilen, keineAngabe: stand.keineAngabe, fehler, hinweise: prozentHinweise(stand.prozentZahlen) };
}

/** What the rows of a round add up per column: empty answers, and the range of percentages written as numbers. */
interface Spaltenstand {
  keineAngabe: Record<string, number>;
  prozentZahlen: Map<string, { min: number; max: number; bruch: boolean; ort: string; text: string }>;
}

/** The answer words of the mapping (`werte`) per Planwerk column, and how a message names them. */
function antwortwoerter(zuordnung: Zuordnung) {
  const woerter = new Map<string, Map<string, string>>();
  const alsText = (w: string | number | null) => (w === null ? '' : typeof w === 'number' ? deutscheZahl(w) : w.trim());
  for (const [spalte, tabelle] of Object.entries(zuordnung.werte)) woerter.set(spalte, new Map(Object.entries(tabelle).map(([wort, wert]) => [schluessel(wort), alsText(wert)])));
  const wortFuer = (spalte: string, text: string): string | undefined => {
    const sammel = sammelschluessel(spalte);
    return woerter.get(spalte)?.get(schluessel(text)) ?? (sammel ? woerter.get(sammel)?.get(schluessel(text)) : undefined);
  };
  const woerterText = (spalte: string) => {
    const sammel = sammelschluessel(spalte);
    const alle = [...(zuordnung.werte[spalte] ? Object.keys(zuordnung.werte[spalte]) : []), ...(sammel && zuordnung.werte[sammel] ? Object.keys(zuordnung.werte[sammel]) : [])];
    return alle.length ? ` oder eine Antwort aus „werte“ der Zuordnung (${alle.join(', ')})` : '';
  };
  return { wortFuer, woerterText };
}

/**
 * Finds the school a row names (by id or by name, as the mapping says), or reports why not
 * (unknown, closed at the Stichtag, named twice: `zeilen` holds the rows read so far).
 */
function schulFinder(k: Antwortkontext, fehler: Meldung[], zeilen: Map<string, { ort: string }>) {
  const { schulen, stichtag, schulenDatei } = k;
  const nachText = k.zuordnung.schule.nach;
  const nachId = new Map(schulen.map((s) => [s.id, s]));
  const nachName = new Map<string, Schule[]>();
  for (const s of schulen) nachName.set(schluessel(s.data.name), [...(nachName.get(schluessel(s.data.name)) ?? []), s]);
  return (zelle: Zelle, ort: string): Schule | undefined => {
    let schule: Schule | undefined;
    if (nachText === 'id') {
      schule = nachId.get(zelle.text);
      if (!schule) {
        const aehnlich = schulen.find((s) => s.id.toLowerCase() === schluessel(zelle.text)) ?? schulen.find((s) => /^\d+$/.test(s.id) && s.id.replace(/^0+/, '') === zelle.text);
        fehler.push({
          ort,
          text: erwartet(`die Kennung einer Schule aus ${schulenDatei}`, gefundenText(zelle)),
          hinweis: aehnlich ? `Gemeint ist wohl „${aehnlich.id}“ (${aehnlich.data.name}); Kennungen genau so schreiben wie in ${schulenDatei}${/^\d+$/.test(aehnlich.id) ? ', in Excel als Text, damit führende Nullen bleiben' : ''}.` : `Eine neue Schule zuerst mit Kennung, Name und Schulform in ${schulenDatei} eintragen.`,
        });
        return undefined;
      }
    } else {
      const kandidaten = nachName.get(schluessel(zelle.text)) ?? [];
      const offen = kandidaten.filter((s) => bestehtAm(s.data, stichtag));
      if (kandidaten.length === 0) {
        fehler.push({ ort, text: erwartet(`den Namen einer Schule aus ${schulenDatei}`, gefundenText(zelle)), hinweis: `Den Namen genau so schreiben wie in ${schulenDatei} (Spalte „name“), oder die Schule dort zuerst eintragen.` });
        return undefined;
      }
      if (offen.length > 1) {
        fehler.push({ ort, text: erwartet('einen Namen, den am Stichtag nur eine Schule trug', `${gefundenText(zelle)} bei den Schulen ${offen.map((s) => s.id).join(', ')}`), hinweis: 'Die Schulen nach ihrer Kennung zuordnen: schule: { spalte: …, nach: id }.' });
        return undefined;
      }
      schule = offen[0] ?? kandidaten[0]!;
    }
    if (!bestehtAm(schule.data, stichtag)) {
      const d = schule.data;
      fehler.push({ ort, text: erwartet(`eine Schule, die am Stichtag ${stichtag} bestand`, `„${schule.id}“, ${d.seit && d.seit > stichtag ? `gegründet erst am ${d.seit}` : `aufgelöst am ${d.bis}${d.nachfolger ? ` (Nachfolger: ${d.nachfolger.id})` : ''}`}`) });
      return undefined;
    }
    const frueher = zeilen.get(schule.id);
    if (frueher) {
      fehler.push({ ort, text: erwartet('jede Schule nur einmal', `„${schule.id}“ ein zweites Mal (zuerst ${frueher.ort})`) });
      return undefined;
    }
    return schule;
  };
}

/** The mapped cells of one row as the round's CSV holds them; errors go to `fehler`, counts to `stand`. */
function leseZeile(
  exp: Export,
  zeile: Export['zeilen'][number],
  k: Antwortkontext,
  woerter: ReturnType<typeof antwortwoerter>,
  stand: Spaltenstand,
  fehler: Meldung[],
): Record<string, string> {
  const werte: Record<string, string> = {};
  for (const { spalte, index } of k.felder) {
    const z0 = zeile.zellen[index] ?? LEER;
    const wort = woerter.wortFuer(spalte, z0.text);
    const art = wertart(spalte);
    const text = vorbereitet(art, wort ?? z0.text);
    if (text === '') {
      stand.keineAngabe[spalte]!++;
      werte[spalte] = '';
      continue;
    }
    const gelesenerWert = leseZelle(spalte, text, k.konfiguration, k.schulformen);
    if (gelesenerWert.fehler !== undefined || gelesenerWert.wert === undefined) {
      const wasErwartet = `${gelesenerWert.fehler ?? 'einen gültigen Wert'}${art === 'prioritaet' || art === 'status' || art === 'stufe' || wort !== undefined ? woerter.woerterText(spalte) : ''}`;
      fehler.push({ ort: zellort(exp, zeile.nummer, index), text: erwartet(wasErwartet, gefundenText(z0, wort)) });
      continue;
    }
    const wert = gelesenerWert.wert;
    werte[spalte] = typeof wert === 'number' ? ausgabeZahl(wert) : String(wert);
    if (art === 'prozent' && z0.art === 'zahl' && wort === undefined && typeof wert === 'number') {
      const p = stand.prozentZahlen.get(spalte) ?? { min: wert, max: wert, bruch: false, ort: zellort(exp, zeile.nummer, index), text: z0.text };
      p.min = Math.min(p.min, wert);
      p.max = Math.max(p.max, wert);
      if (!p.bruch && wert > 0 && wert < 1) Object.assign(p, { bruch: true, ort: zellort(exp, zeile.nummer, index), text: z0.text });
      stand.prozentZahlen.set(spalte, p);
    }
  }
  return werte;
}

/** Excel stores 87,5 % as 0,875: a percentage column with only such values was probably formatted as percent. */
function prozentHinweise(prozentZahlen: Spaltenstand['prozentZahlen']): Meldung[] {
  const hinweise: Meldung[] = [];
  for (const [spalte, p] of prozentZahlen) {
    if (p.bruch && p.max <= 1) {
      hinweise.push({
        ort: p.ort,
        text: `Alle Zahlen der Spalte für ${spalte} liegen zwischen 0 und 1 (hier ${p.text}); Planwerk liest sie als Prozent von 0 bis 100, also als ${p.text} %.`,
        hinweis: 'Ist die Spalte in Excel als Prozent formatiert, steht dort für 87,5 % die Zahl 0,875: die Werte mit 100 malnehmen oder die Datei als CSV exportieren.',
      });
    }
  }
  return hinweise;
}

// ---------------------------------------------------------------------------
// The import

export interface ImportOptionen {
  /** The export: .xlsx or .csv, absolute or relative to `projekt`. */
  datei: string;
  /** The round's id, year and month: "2026-03". */
  erhebung: string;
  /** ISO date. */
  stichtag: string;
  /** The plan's folder (default PLANWERK_CONTENT, else content/), absolute or relative to `projekt`. */
  inhalt?: string;
  /** The mapping file (default <plan>/daten/erhebungen-zuordnung.yaml). */
  zuordnung?: string;
  /** Replace a round that already exists. */
  ersetzen?: boolean;
  /** The folder paths are relative to, and messages name files from (default: the working directory). */
  projekt?: string;
  /** False: check and prepare everything, write nothing. */
  schreiben?: boolean;
}

export interface Zusammenfassung {
  erhebung: string;
  stichtag: string;
  /** Schools taken over. */
  schulen: number;
  /** Planwerk's columns written, in the CSV's order. */
  felder: string[];
  /** Per field, how many schools left it empty ("keine Angabe"). */
  keineAngabe: Record<string, number>;
  /** Headings of the export neither mapped nor ignored. */
  unbekannteSpalten: string[];
  /** Schools of the plan that existed at the Stichtag and are not in the export. */
  fehlendeSchulen: { id: string; name: string }[];
  /** The files written (or to be written), as messages name them. */
  csvDatei: string;
  yamlDatei: string;
  ersetzt: boolean;
}

export interface ImportErgebnis {
  fehler: Meldung[];
  hinweise: Meldung[];
  /** Present when there are no errors. */
  zusammenfassung?: Zusammenfassung;
  /** The round's CSV and the new erhebungen.yaml, when there are no errors. */
  csv?: string;
  yaml?: string;
  /** Whether the files were written. */
  geschrieben: boolean;
}

const RUNDEN_ID = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A path given on the command line, absolute or relative to `projekt`. */
const pfadIn = (projekt: string, p: string) => (isAbsolute(p) ? resolve(p) : resolve(projekt, p));

/** A path as messages name it: relative to `projekt` where it lies inside, else as given. */
function anzeigeVon(projekt: string, p: string): string {
  const rel = relative(projekt, p);
  return (rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : p).split(sep).join('/');
}

/** Checks the call: the round's id and Stichtag, the export file and the plan's folder; errors go to `fehler`. */
function pruefeAufruf(optionen: ImportOptionen, projekt: string, fehler: Meldung[]) {
  const { erhebung: id, stichtag } = optionen;
  const anzeigen = (p: string) => anzeigeVon(projekt, p);
  if (!RUNDEN_ID.test(id)) fehler.push({ ort: '--erhebung', text: erwartet('Jahr und Monat der Erhebung, z. B. 2026-03', zitat(id)) });
  if (!dateSchema.safeParse(stichtag).success) fehler.push({ ort: '--stichtag', text: erwartet('ein Datum im Format JJJJ-MM-TT, z. B. 2026-03-01', zitat(stichtag)) });
  const datei = pfadIn(projekt, optionen.datei);
  const dateiAnzeige = anzeigen(datei);
  const endung = extname(datei).toLowerCase();
  if (!existsSync(datei) || !statSync(datei).isFile()) fehler.push({ ort: dateiAnzeige, text: erwartet('die Datei mit den Antworten der Schulen (.xlsx oder .csv)', 'keine Datei') });
  else if (endung !== '.xlsx' && endung !== '.csv') {
    fehler.push({ ort: dateiAnzeige, text: erwartet('eine Datei mit der Endung .xlsx oder .csv', `die Endung „${endung || '(keine)'}“`), hinweis: 'Die Datei in Excel oder LibreOffice als „Excel-Arbeitsmappe (.xlsx)“ oder als „CSV UTF-8“ speichern.' });
  }
  const planOrdner = inhaltsordner(projekt, optionen.inhalt);
  if (!existsSync(planOrdner) || !statSync(planOrdner).isDirectory()) fehler.push({ ort: anzeigen(planOrdner), text: erwartet('den Ordner des Plans', 'keinen Ordner'), hinweis: 'Den Ordner mit --inhalt angeben; ohne die Option gilt PLANWERK_CONTENT, sonst content/.' });
  return { datei, dateiAnzeige, endung, planOrdner };
}

/** Checks the export against the plan and the mapping, and writes the round unless there is an error. */
export async function importiereErhebung(optionen: ImportOptionen): Promise<ImportErgebnis> {
  const projekt = resolve(optionen.projekt ?? process.cwd());
  const pfad = (p: string) => pfadIn(projekt, p);
  const anzeigen = (p: string) => anzeigeVon(projekt, p);
  const fehler: Meldung[] = [];
  const hinweise: Meldung[] = [];
  const ende = (): ImportErgebnis => ({ fehler, hinweise, geschrieben: false });

  const { erhebung: id, stichtag } = optionen;
  const { datei, dateiAnzeige, endung, planOrdner } = pruefeAufruf(optionen, projekt, fehler);
  if (fehler.length > 0) return ende();

  if (!stichtag.startsWith(id)) hinweise.push({ ort: '--stichtag', text: `Der Stichtag ${stichtag} liegt nicht im Monat der Erhebung ${id}.` });

  const loc = planLocation(planOrdner, projekt);
  const { plan, fehler: planfehler } = lesePlan(loc, id, stichtag, optionen.ersetzen === true);
  fehler.push(...planfehler);
  if (!plan) return ende();
  // A Stand given as a month or year: the Stichtag may lie anywhere in it.
  if (plan.stand && nach(stichtag, plan.stand)) {
    hinweise.push({ ort: '--stichtag', text: `Der Stichtag ${stichtag} liegt nach dem Stand des Plans (${plan.stand}); der Build lehnt die Runde ab, bis „stand“ in plan.yaml nachgezogen ist.` });
  }
  const { konfiguration, schulen, schulformen } = plan;
  const bekannt = bekannteSpalten(konfiguration);

  const zuordnungsDatei = pfad(optionen.zuordnung ?? join(planOrdner, ZUORDNUNG_DATEI));
  const { zuordnung, fehler: zuordnungsfehler } = leseZuordnung(zuordnungsDatei, anzeigen(zuordnungsDatei), bekannt);
  fehler.push(...zuordnungsfehler);
  if (!zuordnung) return ende();

  const bytes = readFileSync(datei);
  const gelesen = endung === '.xlsx' ? await leseXlsx(bytes, dateiAnzeige, zuordnung.blatt) : { ...leseCsv(bytes, dateiAnzeige), hinweise: [] };
  fehler.push(...gelesen.fehler);
  hinweise.push(...gelesen.hinweise);
  const exp = gelesen.exp;
  if (!exp) return ende();

  const { schulIndex, felder, unbekannteSpalten, ...spaltenBefund } = ordneSpaltenZu(exp, zuordnung, bekannt);
  fehler.push(...spaltenBefund.fehler);
  hinweise.push(...spaltenBefund.hinweise);
  if (fehler.length > 0) return ende();

  const schulenDatei = sourcePath(loc, 'schulen');
  const { zeilen, keineAngabe, ...antwortBefund } = leseAntworten(exp, { zuordnung, konfiguration, schulen, schulformen, stichtag, schulenDatei, schulIndex, felder });
  fehler.push(...antwortBefund.fehler);
  hinweise.push(...antwortBefund.hinweise);

  const fehlendeSchulen = schulen.filter((s) => bestehtAm(s.data, stichtag) && !zeilen.has(s.id)).map((s) => ({ id: s.id, name: s.data.name }));
  if (fehlendeSchulen.length > 0) hinweise.push(fehlendeSchulenHinweis(fehlendeSchulen, stichtag, dateiAnzeige));
  if (fehler.length > 0) return ende();

  // The round's CSV and the new erhebungen.yaml.
  const spalten = felder.map((f) => f.spalte);
  const { csv, ids } = rundenCsv(spalten, zeilen);
  const runde = { id, stichtag, methode: zuordnung.methode, quelle: zuordnung.quelle, titel: zuordnung.titel, beschreibung: zuordnung.beschreibung };
  const { text: yaml, ersetzt } = trageRundeEin(plan.yamlText, runde);

  const csvDatei = join(planOrdner, 'daten', 'erhebungen', `${id}.csv`);
  const yamlDatei = join(planOrdner, 'daten', 'erhebungen.yaml');
  const zusammenfassung: Zusammenfassung = {
    erhebung: id,
    stichtag,
    schulen: ids.length,
    felder: spalten,
    keineAngabe,
    unbekannteSpalten,
    fehlendeSchulen,
    csvDatei: anzeigen(csvDatei),
    yamlDatei: anzeigen(yamlDatei),
    ersetzt,
  };
  const schreiben = optionen.schreiben !== false;
  if (schreiben) {
    schreibeDatei(csvDatei, csv);
    schreibeDatei(yamlDatei, yaml);
  }
  return { fehler, hinweise, zusammenfassung, csv, yaml, geschrieben: schreiben };
}

/** The hint naming the schools that existed at the Stichtag and are missing from the export. */
function fehlendeSchulenHinweis(fehlendeSchulen: Zusammenfassung['fehlendeSchulen'], stichtag: string, dateiAnzeige: string): Meldung {
  return {
    ort: dateiAnzeige,
    text: `${fehlendeSchulen.length === 1 ? 'Eine Schule, die' : `${fehlendeSchulen.length} Schulen, die`} am Stichtag ${stichtag} bestand${fehlendeSchulen.length === 1 ? '' : 'en'}, ${fehlendeSchulen.length === 1 ? 'fehlt' : 'fehlen'} in der Datei: ${fehlendeSchulen.map((s) => `${s.id} (${s.name})`).join(', ')}`,
    hinweis: 'Fehlt eine Antwort, erscheint die Schule in dieser Runde ohne Werte; ist die Schule aufgelöst, in daten/schulen.csv „bis“ eintragen.',
    inZusammenfassung: true,
  };
}

/** The round's CSV: one row per school, sorted by id, with Planwerk's columns. */
function rundenCsv(spalten: string[], zeilen: Map<string, { werte: Record<string, string> }>): { csv: string; ids: string[] } {
  const ids = [...zeilen.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const csv = stringify([['schule', ...spalten], ...ids.map((sid) => [sid, ...spalten.map((s) => zeilen.get(sid)!.werte[s] ?? '')])], { delimiter: ';', record_delimiter: '\n' });
  return { csv, ids };
}

/** Writes through a temporary file, so a reader never sees half a file. */
function schreibeDatei(datei: string, text: string) {
  mkdirSync(dirname(datei), { recursive: true });
  const tmp = `${datei}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, datei);
}

interface Rundeneintrag {
  id: string;
  stichtag: string;
  methode: string;
  quelle: string;
  titel?: string;
  beschreibung?: string;
}

/** Where the line holding `pos` begins. */
const zeilenanfang = (text: string, pos: number) => text.lastIndexOf('\n', pos - 1) + 1;

/** Where the line holding `pos` ends (after its newline). */
function zeilenende(text: string, pos: number): number {
  const nl = text.indexOf('\n', Math.max(pos - 1, 0));
  return nl < 0 ? text.length : nl + 1;
}

/** `text` with the part from `von` to `bis` replaced by `neu`, which starts on a line of its own. */
function ersetze(text: string, von: number, bis: number, neu: string): string {
  const davor = text.slice(0, von);
  return `${davor}${davor && !davor.endsWith('\n') ? '\n' : ''}${neu}${text.slice(bis)}`;
}

/** Entries as the file writes them: `<einzug>- id: …`, in block or flow style. */
function rendere(eintraege: YAMLMap[], einzug: string, polster: boolean): string {
  const d = new Document();
  d.contents = d.createNode([]) as YAMLSeq;
  (d.contents as YAMLSeq).items.push(...eintraege);
  return d
    .toString({ lineWidth: 0, flowCollectionPadding: polster })
    .split('\n')
    .map((zeile) => (zeile ? einzug + zeile : zeile))
    .join('\n');
}

/**
 * Adds the round to erhebungen.yaml, or updates the one with its id (its titel and beschreibung
 * stay unless the mapping gives new ones). The Document API finds the rounds and writes the one
 * entry; only that entry's lines change in the text, so comments, blank lines and the layout of
 * everything else stay byte for byte (re-serialising the whole file would, for one, change
 * `{ id: x }` to `{id: x}` or `[a]` to `[ a ]`). A new round goes before the first with a later
 * Stichtag, above that round's comment lines, in the style (block or flow) of the other entries.
 */
export function trageRundeEin(text: string, runde: Rundeneintrag): { text: string; ersetzt: boolean } {
  const doc = parseDocument(text);
  const felder = Object.entries(runde).filter(([, v]) => v !== undefined) as [keyof Rundeneintrag, string][];
  const neuerEintrag = () => {
    const neu = doc.createNode(Object.fromEntries(felder)) as YAMLMap;
    (neu.get('id', true) as Scalar).type = 'QUOTE_DOUBLE';
    return neu;
  };
  const runden = doc.get('runden', true);
  const paar = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'runden') : undefined;
  const leer = runden === undefined || runden === null || (isScalar(runden) && runden.value === null) || (isSeq(runden) && runden.items.length === 0);
  if (leer) {
    const block = `runden:\n${rendere([neuerEintrag()], '  ', true)}`;
    if (!paar || !isScalar(paar.key) || !paar.key.range) return { text: ersetze(text, text.length, text.length, block), ersetzt: false };
    // `runden:` or `runden: []`: that line becomes the list.
    const ende = (isSeq(runden) || isScalar(runden)) && runden.range ? runden.range[1] : paar.key.range[1];
    return { text: ersetze(text, zeilenanfang(text, paar.key.range[0]), zeilenende(text, ende), block), ersetzt: false };
  }

  const seq = isSeq(runden) ? runden : undefined;
  const erste = seq?.items[0];
  const praefix = isMap(erste) && erste.range ? text.slice(zeilenanfang(text, erste.range[0]), erste.range[0]) : '';
  if (!seq || seq.flow || !seq.items.every((i) => isMap(i) && i.range) || !/^\s*-\s+$/.test(praefix)) {
    // An unusual layout (a list in one line, entries that are not mappings): written anew by the library.
    const vorhanden = seq?.items.find((i) => isMap(i) && String(i.get('id')) === runde.id) as YAMLMap | undefined;
    if (vorhanden) for (const [feld, wert] of felder) vorhanden.set(feld, wert);
    else if (seq) seq.items.push(neuerEintrag());
    else doc.set('runden', doc.createNode([neuerEintrag()]));
    return { text: doc.toString({ lineWidth: 0 }), ersetzt: vorhanden !== undefined };
  }
  const einzug = praefix.replace(/-\s+$/, '');
  const eintraege = seq.items as YAMLMap[];
  const polster = (m: YAMLMap) => text.slice(m.range![0], m.range![0] + 2) === '{ ';
  const vorhanden = eintraege.find((m) => String(m.get('id')) === runde.id);
  if (vorhanden) {
    for (const [feld, wert] of felder) {
      const node = vorhanden.get(feld, true);
      if (isScalar(node)) node.value = wert;
      else vorhanden.set(feld, wert);
    }
    const von = zeilenanfang(text, vorhanden.range![0]);
    return { text: ersetze(text, von, zeilenende(text, vorhanden.range![1]), rendere([vorhanden], einzug, polster(vorhanden))), ersetzt: true };
  }
  const neu = neuerEintrag();
  const vorbild = eintraege.at(-1)!;
  neu.flow = vorbild.flow === true;
  const eintrag = rendere([neu], einzug, polster(vorbild));
  const spaeter = eintraege.find((m) => String(m.get('stichtag') ?? '') > runde.stichtag);
  if (!spaeter) {
    const ende = zeilenende(text, vorbild.range![1]);
    return { text: ersetze(text, ende, ende, eintrag), ersetzt: false };
  }
  // Above the later round and the comment lines that belong to it.
  let von = zeilenanfang(text, spaeter.range![0]);
  while (von > 0) {
    const davor = zeilenanfang(text, von - 1);
    if (!/^\s*#/.test(text.slice(davor, von))) break;
    von = davor;
  }
  return { text: ersetze(text, von, von, eintrag), ersetzt: false };
}

/** The summary the CLI prints after a successful import. */
export function zusammenfassungText(z: Zusammenfassung, geschrieben = true): string {
  const zeilen = [
    `Erhebung ${z.erhebung} (Stichtag ${z.stichtag}) ${geschrieben ? (z.ersetzt ? 'ersetzt' : 'übernommen') : 'geprüft, nichts geschrieben'}: ${z.schulen} ${z.schulen === 1 ? 'Schule' : 'Schulen'}, ${z.felder.length} ${z.felder.length === 1 ? 'Feld' : 'Felder'}.`,
  ];
  if (geschrieben) zeilen.push(`  Geschrieben: ${z.csvDatei}, ${z.yamlDatei}`);
  const breite = Math.max(...z.felder.map((f) => f.length));
  zeilen.push('  Felder und Schulen ohne Angabe („keine Angabe“):');
  for (const f of z.felder) {
    const n = z.keineAngabe[f] ?? 0;
    zeilen.push(`    ${f.padEnd(breite)}  ${n === 0 ? 'alle beantwortet' : `${n} keine Angabe`}`);
  }
  zeilen.push(`  Spalten ohne Zuordnung (nicht übernommen): ${z.unbekannteSpalten.length ? z.unbekannteSpalten.map((u) => (u.startsWith('(') ? u : `„${u}“`)).join(', ') : 'keine'}`);
  zeilen.push(`  Schulen ohne Antwort: ${z.fehlendeSchulen.length ? z.fehlendeSchulen.map((s) => `${s.id} (${s.name})`).join(', ') : 'keine'}`);
  return zeilen.join('\n');
}
