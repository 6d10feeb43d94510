/**
 * The message corpus: broken plans, one mistake each, as editors make them (Excel's CSV
 * variants, YAML typed by hand, invisible characters from copied text, years with a typo).
 * Each case copies the minimal fixture and makes one change. tests/unit/meldungen.test.ts
 * checks the messages validatePlan gives; tests/unit/pruefen-paritaet.test.ts checks that
 * `npm run pruefen` reports the same for every case.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { append, edit, write } from './fixture.ts';
import { TEST_UMBENENNUNGEN } from './umbenennungen.ts';
import type { Umbenennung } from '../../src/plan/umbenennungen.ts';

/** Words of English error texts (yaml, csv-parse, zod, JavaScript) that must not reach an editor. */
export const ENGLISCH = /\b(Error|Expected|Unexpected|undefined|Invalid|Missing|at\s|line\s|got\s)/;

/** Writes bytes (not text) into a file of the copied plan, for encodings other than UTF-8. */
export function writeBytes(root: string, file: string, bytes: Uint8Array) {
  writeFileSync(join(root, 'content', file), bytes);
}

/** Windows-1252 bytes of a text (enough for German: umlauts, ß, €, „“). */
export function windows1252(text: string): Uint8Array {
  const extra: Record<string, number> = { '€': 0x80, '„': 0x84, '“': 0x93, '”': 0x94, '–': 0x96 };
  return Uint8Array.from([...text].map((c) => extra[c] ?? (c.charCodeAt(0) < 256 ? c.charCodeAt(0) : 0x3f)));
}

export function read(root: string, file: string): string {
  return readFileSync(join(root, 'content', file), 'utf8');
}

/** Applies `change` to every file of the copied plan (for line endings and BOMs). */
export function everyFile(root: string, change: (text: string) => string) {
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else writeFileSync(full, change(readFileSync(full, 'utf8')));
    }
  };
  walk(join(root, 'content'));
}

/** A decision in entscheidungen.yaml as the cases start from it: two options, one chosen, one Maßnahme of the fixture. */
export const ENTSCHEIDUNG = [
  '- id: netz',
  '  frage: Wer betreibt das Schulnetz?',
  '  optionen:',
  '    - { id: eigenbetrieb, titel: Die Stadt selbst }',
  '    - { id: dienstleister, titel: Ein IT-Dienstleister }',
  '  wahl: dienstleister',
  '  begruendung: Weniger eigenes Personal in der Verwaltung.',
  '  massnahmen: [I-01]',
  '',
].join('\n');

export interface Fall {
  /** What the editor did. */
  was: string;
  aenderung: (root: string) => void;
  /** File as the message names it. */
  datei: string;
  /** Line, where the message must name it. */
  zeile?: number;
  /** Field, where the message must name it. */
  feld?: string;
  /** A German fragment of the message. */
  text: string;
  /** The broken plan gives exactly this many messages (no follow-up errors), where that matters. */
  anzahl?: number;
  /** Renamed fields the check knows (a test register, tests/helpers/umbenennungen.ts), where the case needs them. */
  umbenennungen?: readonly Umbenennung[];
}

export const FAELLE: Fall[] = [
  // ---- YAML typed by hand
  {
    was: 'ein nicht geschlossenes Anführungszeichen in akteure.yaml, ohne 130 Folgefehler',
    aenderung: (r) => edit(r, 'akteure.yaml', 'name: IT-Dienstleister', 'name: "IT-Dienstleister'),
    datei: 'content/akteure.yaml',
    zeile: 7,
    text: 'einen Text in Anführungszeichen ", der nicht wieder geschlossen wird („name: "IT-Dienstleister“)',
    anzahl: 1,
  },
  {
    was: 'ein nicht geschlossenes einfaches Anführungszeichen in plan.yaml',
    aenderung: (r) => edit(r, 'plan.yaml', 'kommune: Teststadt', "kommune: 'Teststadt"),
    datei: 'content/plan.yaml',
    zeile: 1,
    text: "ohne das schließende ' liest YAML alles bis zum Ende der Datei",
    anzahl: 1,
  },
  {
    was: 'eine Liste in eckigen Klammern ohne „]“',
    aenderung: (r) => edit(r, 'glossar.yaml', 'siehe: [medienkonzept] }', 'siehe: [medienkonzept }'),
    datei: 'content/glossar.yaml',
    zeile: 1,
    text: 'nicht mit „]“ endet',
    anzahl: 1,
  },
  {
    was: 'ein Eintrag in geschweiften Klammern ohne „}“',
    aenderung: (r) => edit(r, 'schulformen.yaml', 'reihenfolge: 1 }', 'reihenfolge: 1'),
    datei: 'content/schulformen.yaml',
    zeile: 1,
    text: 'eine Zuordnung, die mit „{“ beginnt und nicht mit „}“ endet',
    anzahl: 1,
  },
  {
    was: 'ein Feld zweimal im selben Eintrag',
    aenderung: (r) => edit(r, 'akteure.yaml', '  kurzname: ITD\n', '  kurzname: ITD\n  kurzname: IT\n'),
    datei: 'content/akteure.yaml',
    zeile: 9,
    text: 'das Feld „kurzname“ zum zweiten Mal im selben Eintrag',
    anzahl: 1,
  },
  {
    was: 'eine gemeinsame Kennung eines Akteurs mit Leerzeichen und Großbuchstaben',
    aenderung: (r) => edit(r, 'akteure.yaml', '  kurzname: ITD\n', '  kurzname: ITD\n  kennung: Kreis IT Lippe\n'),
    datei: 'content/akteure.yaml',
    zeile: 6,
    feld: 'kennung',
    text: 'eine Kennung aus Kleinbuchstaben, Ziffern und einzelnen „-“ zwischen den Wörtern, ohne Leerzeichen und Umlaute (z. B. kreismedienzentrum-lippe); gefunden: „Kreis IT Lippe“',
    anzahl: 1,
  },
  {
    was: 'ein Tabulator zum Einrücken',
    aenderung: (r) => edit(r, 'akteure.yaml', '  kurzname: ITD', '\tkurzname: ITD'),
    datei: 'content/akteure.yaml',
    zeile: 8,
    text: 'einen Tabulator am Anfang der Zeile',
    anzahl: 1,
  },
  {
    was: 'ein Doppelpunkt mit Leerzeichen im Wert',
    aenderung: (r) => edit(r, 'akteure.yaml', 'name: Schulverwaltungsamt', 'name: Schulverwaltungsamt: Abteilung 40'),
    datei: 'content/akteure.yaml',
    zeile: 2,
    text: 'einen Wert mit „: “ darin',
    anzahl: 1,
  },
  {
    was: 'kein Leerzeichen nach dem Doppelpunkt',
    aenderung: (r) => edit(r, 'akteure.yaml', 'kurzname: ITD', 'kurzname:ITD'),
    datei: 'content/akteure.yaml',
    zeile: 8,
    text: 'kein Leerzeichen nach dem Doppelpunkt („kurzname:ITD“)',
    anzahl: 1,
  },
  {
    was: 'eine Zeile ohne Doppelpunkt',
    aenderung: (r) => edit(r, 'akteure.yaml', 'kurzname: ITD', 'kurzname ITD'),
    datei: 'content/akteure.yaml',
    zeile: 8,
    text: 'eine Zeile ohne Doppelpunkt zwischen Feld und Wert',
    anzahl: 1,
  },
  {
    was: 'ein Feld weiter eingerückt als die anderen',
    aenderung: (r) => edit(r, 'akteure.yaml', '  kurzname: ITD', '    kurzname: ITD'),
    datei: 'content/akteure.yaml',
    zeile: 8,
    text: 'eine Zeile, die weiter eingerückt ist als das Feld darüber',
    anzahl: 1,
  },
  {
    was: 'ein Feld weniger eingerückt als die anderen',
    aenderung: (r) => edit(r, 'akteure.yaml', '  kurzname: ITD', ' kurzname: ITD'),
    datei: 'content/akteure.yaml',
    zeile: 8,
    text: 'eine Zeile, die weniger eingerückt ist als die Felder ihres Eintrags',
    anzahl: 1,
  },
  {
    was: 'ein Listeneintrag ohne Leerzeichen nach „-“',
    aenderung: (r) => edit(r, 'akteure.yaml', '- id: it\n', '-id: it\n'),
    datei: 'content/akteure.yaml',
    zeile: 6,
    text: 'ein „-“ ohne Leerzeichen danach',
    anzahl: 1,
  },
  {
    was: 'ein Eintrag ohne „- “',
    aenderung: (r) => edit(r, 'akteure.yaml', '- id: schulen\n', 'id: schulen\n'),
    datei: 'content/akteure.yaml',
    zeile: 11,
    text: 'eine Zeile, die nicht zur Liste der Einträge passt',
    anzahl: 1,
  },
  {
    was: 'Text nach dem schließenden Anführungszeichen',
    aenderung: (r) => edit(r, 'akteure.yaml', 'name: IT-Dienstleister', 'name: "IT" Dienstleister'),
    datei: 'content/akteure.yaml',
    zeile: 7,
    text: 'Text nach dem schließenden Anführungszeichen',
    anzahl: 1,
  },
  {
    was: 'ein Wert, der mit „@“ beginnt',
    aenderung: (r) => edit(r, 'akteure.yaml', 'kurzname: ITD', 'kurzname: @ITD'),
    datei: 'content/akteure.yaml',
    zeile: 8,
    text: 'einen Wert, der mit „@“ beginnt',
    anzahl: 1,
  },
  {
    was: 'ein Wert, der mit „*“ beginnt (für YAML ein Verweis)',
    aenderung: (r) => edit(r, 'akteure.yaml', 'kurzname: ITD', 'kurzname: *ITD'),
    datei: 'content/akteure.yaml',
    zeile: 8,
    text: 'einen Wert, der mit „*“ beginnt',
    anzahl: 1,
  },
  {
    was: 'ein nicht geschlossenes Anführungszeichen im Kopf einer Maßnahme, ohne Folgefehler im Meilenstein',
    aenderung: (r) => edit(r, 'massnahmen/i-01.mdx', 'titel: WLAN ausbauen', 'titel: "WLAN ausbauen'),
    datei: 'content/massnahmen/i-01.mdx',
    zeile: 3,
    text: 'der nicht wieder geschlossen wird',
    anzahl: 1,
  },
  {
    was: 'ein kaputter Kopf des Handlungsfelds, ohne Folgefehler in den Maßnahmen',
    aenderung: (r) => edit(r, 'handlungsfelder/infrastruktur.mdx', 'verantwortlich: [schulamt]', 'verantwortlich: [schulamt'),
    datei: 'content/handlungsfelder/infrastruktur.mdx',
    zeile: 8,
    text: 'nicht mit „]“ endet',
    anzahl: 1,
  },
  {
    was: 'eine Datei, die keine Liste ist',
    aenderung: (r) => write(r, 'glossar.yaml', 'id: mep\nbegriff: MEP\n'),
    datei: 'content/glossar.yaml',
    zeile: 1,
    text: 'eine YAML-Liste von Einträgen (jeder Eintrag beginnt mit „- “); gefunden: eine Zuordnung (feld: Wert) ohne „- “ davor',
    anzahl: 1,
  },
  {
    was: 'eine leere akteure.yaml, ohne Folgefehler in allen Verweisen auf Akteure',
    aenderung: (r) => write(r, 'akteure.yaml', ''),
    datei: 'content/akteure.yaml',
    zeile: 1,
    text: 'gefunden: eine leere Datei',
    anzahl: 1,
  },
  {
    was: 'ein Listeneintrag ohne Felder',
    aenderung: (r) => append(r, 'glossar.yaml', '- medienkonzept\n'),
    datei: 'content/glossar.yaml',
    zeile: 3,
    text: 'einen Eintrag mit Feldern (feld: Wert); gefunden: nur einen Text („medienkonzept“)',
  },
  {
    was: 'eine nicht geschlossene Liste, deren Zeile lang ist: gezeigt wird die Stelle ab „[“',
    aenderung: (r) => edit(r, 'glossar.yaml', 'siehe: [medienkonzept] }', 'siehe: [medienkonzept }'),
    datei: 'content/glossar.yaml',
    zeile: 1,
    text: '(„[medienkonzept }“)',
  },

  // ---- CSV as Excel saves it
  {
    was: 'eine CSV-Datei mit Kommas als Trennzeichen',
    aenderung: (r) => write(r, 'daten/laufende-kosten.csv', 'jahr,kostenart,betrag,wertart,quelle\n2025,Personal,"100.000,10",Plan,\n'),
    datei: 'content/daten/laufende-kosten.csv',
    zeile: 1,
    text: 'eine Kopfzeile mit Kommas als Trennzeichen',
    anzahl: 1,
  },
  {
    was: 'eine CSV-Datei mit Tabulatoren als Trennzeichen',
    aenderung: (r) => write(r, 'daten/schulen.csv', read(r, 'daten/schulen.csv').replaceAll(';', '\t')),
    datei: 'content/daten/schulen.csv',
    zeile: 1,
    text: 'Tabulatoren als Trennzeichen',
    anzahl: 1,
  },
  {
    was: 'eine CSV-Datei mit Kommas nach einer Kommentarzeile',
    aenderung: (r) => write(r, 'daten/summen.csv', '# aus der Vorlage\ntabelle,jahr,angegeben,genauigkeit,quelle\n'),
    datei: 'content/daten/summen.csv',
    zeile: 2,
    text: 'das Komma ist in Planwerk das Dezimalzeichen',
  },
  {
    was: 'eine Zeile mit einer Zelle zu viel',
    aenderung: (r) => edit(r, 'daten/inventar.csv', ';Ist;\ndisp-1', ';Ist;Inventar;2024\ndisp-1'),
    datei: 'content/daten/inventar.csv',
    zeile: 2,
    text: '11 Zellen, 1 mehr als Spalten; überzählig nach „quelle“: „2024“',
    anzahl: 1,
  },
  {
    was: 'ein „;“ im Text einer Zelle',
    aenderung: (r) => edit(r, 'daten/inventar.csv', 'Tablet 10 Zoll', 'Tablet; 10 Zoll'),
    datei: 'content/daten/inventar.csv',
    zeile: 2,
    text: 'erwartet 10 Zellen wie die Kopfzeile („id“, „produktgruppe“',
    anzahl: 1,
  },
  {
    was: 'eine Zeile mit zu wenigen Zellen',
    aenderung: (r) => edit(r, 'daten/schulen.csv', '2024-01-15;', '2024-01-15'),
    datei: 'content/daten/schulen.csv',
    zeile: 2,
    feld: 'medienkonzept_url',
    text: '13 Zellen; es fehlen die Spalten „medienkonzept_url“',
    anzahl: 1,
  },
  {
    was: 'eine leere CSV-Datei',
    aenderung: (r) => write(r, 'daten/summen.csv', ''),
    datei: 'content/daten/summen.csv',
    zeile: 1,
    text: 'gefunden: eine leere Datei',
    anzahl: 1,
  },
  {
    was: 'eine CSV-Datei nur aus Semikolons',
    aenderung: (r) => write(r, 'daten/summen.csv', ';;;;\n;;;;\n'),
    datei: 'content/daten/summen.csv',
    zeile: 1,
    text: 'gefunden: nur leere Zellen',
    anzahl: 1,
  },
  {
    was: 'eine CSV-Datei nur mit Kopfzeile',
    aenderung: (r) => write(r, 'daten/inventar.csv', read(r, 'daten/inventar.csv').split('\n')[0] + '\n'),
    datei: 'content/daten/inventar.csv',
    zeile: 1,
    text: 'gefunden: nur die Kopfzeile',
    anzahl: 1,
  },
  {
    was: 'eine Tabelle der Finanzen nur mit Kopfzeile',
    aenderung: (r) => {
      write(r, 'finanzen.yaml', '- id: kita\n  titel: Kita-IT\n  tabellen:\n    - id: kita-it\n      titel: Kita-IT\n      einheit: €\n      quelle: Tabelle 4\n      spalten:\n        - { id: a, titel: A, art: finanzierung }\n');
      mkdirSync(join(r, 'content/daten/finanzen'), { recursive: true });
      write(r, 'daten/finanzen/kita-it.csv', 'jahr;a\n');
    },
    datei: 'content/daten/finanzen/kita-it.csv',
    zeile: 1,
    text: 'nur die Kopfzeile',
  },
  {
    was: 'ein nicht geschlossenes Anführungszeichen in einer Zelle',
    aenderung: (r) => edit(r, 'daten/inventar.csv', ';Tablet 10 Zoll;', ';"Tablet 10 Zoll;'),
    datei: 'content/daten/inventar.csv',
    zeile: 2,
    text: 'ein Anführungszeichen ", das nicht wieder geschlossen wird',
    anzahl: 1,
  },
  {
    was: 'Text nach dem schließenden Anführungszeichen einer Zelle',
    aenderung: (r) => edit(r, 'daten/inventar.csv', ';Tablet 10 Zoll;', ';"Tablet" 10 Zoll;'),
    datei: 'content/daten/inventar.csv',
    zeile: 2,
    text: 'Text nach dem schließenden Anführungszeichen',
    anzahl: 1,
  },
  {
    was: 'eine Spalte ohne Namen mit Werten',
    aenderung: (r) => write(r, 'daten/laufende-kosten.csv', 'jahr;kostenart;betrag;wertart;quelle;\n2025;Personal;100.000,10;Plan;;Notiz\n'),
    datei: 'content/daten/laufende-kosten.csv',
    zeile: 1,
    text: 'keinen Namen über Spalte 6, in der Zeile 2 „Notiz“ steht',
  },
  {
    was: 'ein Spaltenname zweimal',
    aenderung: (r) => write(r, 'daten/laufende-kosten.csv', 'jahr;kostenart;betrag;betrag;wertart;quelle\n2025;Personal;1;2;Plan;\n'),
    datei: 'content/daten/laufende-kosten.csv',
    zeile: 1,
    feld: 'betrag',
    text: 'die Spalte „betrag“ zweimal',
  },
  {
    was: 'eine englische Dezimalzahl',
    aenderung: (r) => edit(r, 'daten/schulen.csv', ';87,5;', ';87.5;'),
    datei: 'content/daten/schulen.csv',
    zeile: 4,
    feld: 'wlan_abdeckung',
    text: 'eine Zahl in deutscher Schreibweise',
    anzahl: 1,
  },
  {
    was: 'Text, wo eine Zahl stehen muss',
    aenderung: (r) => edit(r, 'daten/inventar.csv', ';950;', ';viele;'),
    datei: 'content/daten/inventar.csv',
    zeile: 2,
    feld: 'anzahl',
    text: '„viele“',
  },
  {
    was: 'Jahresdaten außerhalb des Planungshorizonts',
    aenderung: (r) => append(r, 'daten/laufende-kosten.csv', '2030;Betrieb;5.000;Plan;\n'),
    datei: 'content/daten/laufende-kosten.csv',
    zeile: 5,
    feld: 'jahr',
    text: 'ein Jahr im Planungshorizont 2025–2027',
    anzahl: 1,
  },

  // ---- Encodings
  {
    was: 'eine CSV-Datei in Windows-1252 (Excel „CSV (Trennzeichen-getrennt)“)',
    aenderung: (r) => writeBytes(r, 'daten/schulen.csv', windows1252(read(r, 'daten/schulen.csv').replace('Grundschule B', 'Grundschule Mühlenbach'))),
    datei: 'content/daten/schulen.csv',
    zeile: 3,
    text: 'wahrscheinlich Windows-1252 (ANSI): „Mühlenbach“',
    anzahl: 1,
  },
  {
    was: 'eine YAML-Datei in ANSI, ohne Folgefehler',
    aenderung: (r) => writeBytes(r, 'akteure.yaml', windows1252(read(r, 'akteure.yaml').replace('name: Schulen', 'name: Schulen der Stadt (Grundschulen, Förderschulen)'))),
    datei: 'content/akteure.yaml',
    zeile: 3,
    text: 'eine Datei in der Zeichenkodierung UTF-8; gefunden: eine andere Kodierung, wahrscheinlich Windows-1252 (ANSI): „Schulträger“',
    anzahl: 1,
  },
  {
    was: 'eine MDX-Datei in Windows-1252',
    aenderung: (r) => writeBytes(r, 'kapitel/vorwort.mdx', windows1252(read(r, 'kapitel/vorwort.mdx').replace('Teststadt hat', 'Die Schülerinnen in Teststadt haben'))),
    datei: 'content/kapitel/vorwort.mdx',
    zeile: 5,
    text: '„Schülerinnen“',
    anzahl: 1,
  },

  // ---- Invisible characters from copied text
  {
    was: 'ein breitenloses Leerzeichen in der ID einer Schule',
    aenderung: (r) => edit(r, 'daten/schulen.csv', 'gs-a;', 'gs\u200B-a;'),
    datei: 'content/daten/schulen.csv',
    zeile: 2,
    feld: 'id',
    text: '„gs‹U+200B›-a“ mit unsichtbarem Zeichen U+200B (breitenloses Leerzeichen)',
  },
  {
    was: 'ein breitenloses Leerzeichen in einem Verweis',
    aenderung: (r) => edit(r, 'massnahmen/i-01.mdx', 'verantwortlich: [schulamt]', 'verantwortlich: [schul\u200Bamt]'),
    datei: 'content/massnahmen/i-01.mdx',
    feld: 'verantwortlich.0',
    text: '„schul‹U+200B›amt“ mit unsichtbarem Zeichen U+200B (breitenloses Leerzeichen), das es dort nicht gibt (ohne das Zeichen: „schulamt“)',
    anzahl: 1,
  },
  {
    was: 'ein geschütztes Leerzeichen in der ID eines Akteurs, ohne Folgefehler in den Verweisen',
    aenderung: (r) => edit(r, 'akteure.yaml', '- id: it\n', '- id: i\u00A0t\n'),
    datei: 'content/akteure.yaml',
    zeile: 6,
    feld: 'id',
    text: 'Eintrag „i‹U+00A0›t“',
    anzahl: 1,
  },
  {
    was: 'ein Richtungszeichen im Code einer Maßnahme',
    aenderung: (r) => edit(r, 'massnahmen/i-02.mdx', 'id: I-02', 'id: I-02\u200E'),
    datei: 'content/massnahmen/i-02.mdx',
    feld: 'id',
    text: '„I-02‹U+200E›“ mit unsichtbarem Zeichen U+200E (Richtungszeichen links-nach-rechts)',
  },
  {
    was: 'ein Wortverbinder in einem Verweis eines Glossarbegriffs',
    aenderung: (r) => edit(r, 'glossar.yaml', 'siehe: [medienkonzept]', 'siehe: [medien\u2060konzept]'),
    datei: 'content/glossar.yaml',
    zeile: 1,
    feld: 'siehe.0',
    text: '„medien‹U+2060›konzept“',
    anzahl: 1,
  },
  {
    was: 'ein Byte-Order-Mark mitten in einer ID',
    aenderung: (r) => edit(r, 'schulformen.yaml', 'id: gymnasium', 'id: gym\uFEFFnasium'),
    datei: 'content/schulformen.yaml',
    zeile: 2,
    feld: 'id',
    text: 'U+FEFF (Byte-Order-Mark)',
  },

  // ---- What the build already said, kept in the corpus
  {
    was: 'ein falscher Typ',
    aenderung: (r) => edit(r, 'schulformen.yaml', 'reihenfolge: 1 }', 'reihenfolge: erste }'),
    datei: 'content/schulformen.yaml',
    zeile: 1,
    feld: 'reihenfolge',
    text: 'erwartet eine ganze Zahl',
    anzahl: 1,
  },
  {
    was: 'ein unbekannter Status',
    aenderung: (r) => edit(r, 'massnahmen/i-01.mdx', 'status: in Umsetzung', 'status: in Arbeit'),
    datei: 'content/massnahmen/i-01.mdx',
    feld: 'status',
    text: 'einer der Werte „geplant“',
    anzahl: 1,
  },
  {
    was: 'eine doppelte ID',
    aenderung: (r) => append(r, 'akteure.yaml', '- id: it\n  name: Noch einmal\n  ebene: Schule\n'),
    datei: 'content/akteure.yaml',
    zeile: 17,
    feld: 'id',
    text: 'eine eindeutige ID',
    anzahl: 1,
  },
  {
    was: 'ein Verweis ins Leere',
    aenderung: (r) => edit(r, 'massnahmen/i-01.mdx', 'partner: [it]', 'partner: [stadtrat]'),
    datei: 'content/massnahmen/i-01.mdx',
    feld: 'partner.0',
    text: '„stadtrat“, das es dort nicht gibt',
    anzahl: 1,
  },
  {
    was: 'ein Tippfehler im Feldnamen',
    aenderung: (r) => edit(r, 'massnahmen/i-02.mdx', 'prioritaet: mittel', 'prioritat: mittel'),
    datei: 'content/massnahmen/i-02.mdx',
    feld: 'prioritat',
    text: 'das unbekannte Feld „prioritat“ (Tippfehler?)',
  },
  {
    was: 'ein Feld unter dem Namen, den es vor einer neueren Planwerk-Version hatte',
    aenderung: (r) => edit(r, 'akteure.yaml', 'kurzname: ITD', 'kurzbezeichnung: ITD # wie im Plan'),
    datei: 'content/akteure.yaml',
    zeile: 8,
    feld: 'kurzbezeichnung',
    text: 'erwartet das Feld „kurzname“: „kurzbezeichnung“ heißt seit Planwerk 0.2.0 „kurzname“; gefunden: den alten Namen „kurzbezeichnung“',
    anzahl: 1,
    umbenennungen: TEST_UMBENENNUNGEN,
  },
  {
    was: 'eine CSV-Spalte unter ihrem alten Namen, einmal gemeldet und nicht je Zeile',
    aenderung: (r) => edit(r, 'daten/schulen.csv', ';stadtbezirk;', ';bezirk;'),
    datei: 'content/daten/schulen.csv',
    zeile: 1,
    feld: 'bezirk',
    text: 'erwartet die Spalte „stadtbezirk“: „bezirk“ heißt seit Planwerk 0.2.0 „stadtbezirk“',
    anzahl: 1,
    umbenennungen: TEST_UMBENENNUNGEN,
  },
  {
    was: 'ein unmögliches Datum',
    aenderung: (r) => edit(r, 'plan.yaml', 'stand: 2025-06-30', 'stand: 2025-02-30'),
    datei: 'content/plan.yaml',
    feld: 'stand',
    text: 'ein Datum im Format JJJJ-MM-TT',
    anzahl: 1,
  },
  {
    was: 'ein deutsches Datum in einer CSV-Zelle',
    aenderung: (r) => edit(r, 'daten/schulen.csv', '2024-01-15', '15.01.2024'),
    datei: 'content/daten/schulen.csv',
    zeile: 2,
    feld: 'medienkonzept_stand',
    text: '„15.01.2024“',
  },
  {
    was: 'ein fehlendes Pflichtfeld',
    aenderung: (r) => edit(r, 'massnahmen/i-02.mdx', 'titel: Displays beschaffen\n', ''),
    datei: 'content/massnahmen/i-02.mdx',
    feld: 'titel',
    text: 'nichts (Feld fehlt)',
    anzahl: 1,
  },
  {
    was: 'eine ID mit Umlaut',
    aenderung: (r) => edit(r, 'daten/schulen.csv', 'gs-b;', 'gs-müller;'),
    datei: 'content/daten/schulen.csv',
    zeile: 3,
    feld: 'id',
    text: 'ohne Leerzeichen und Umlaute',
  },
  {
    was: 'ein <script> im Text',
    aenderung: (r) => append(r, 'kapitel/vorwort.mdx', '\n<script>alert(1)</script>\n'),
    datei: 'content/kapitel/vorwort.mdx',
    zeile: 11,
    feld: '<script>',
    text: 'ohne Skripte',
  },
  {
    was: 'eine unbekannte Kennzahl',
    aenderung: (r) => edit(r, 'kapitel/vorwort.mdx', 'name="schulen"', 'name="schulenn"'),
    datei: 'content/kapitel/vorwort.mdx',
    zeile: 5,
    text: 'eine bekannte Kennzahl',
    anzahl: 1,
  },
  {
    was: 'ein nicht geschlossenes <details>',
    aenderung: (r) => append(r, 'kapitel/vorwort.mdx', '\n<details>\n<summary>Mehr</summary>\n\nText\n'),
    datei: 'content/kapitel/vorwort.mdx',
    zeile: 11,
    feld: '<details>',
    text: 'ein geschlossenes Element',
    anzahl: 1,
  },
  {
    was: 'eine Kennzahl ohne „/>“',
    aenderung: (r) => edit(r, 'kapitel/vorwort.mdx', '<Kennzahl name="schulen" />', '<Kennzahl name="schulen">'),
    datei: 'content/kapitel/vorwort.mdx',
    zeile: 5,
    text: 'ein geschlossenes Element',
    anzahl: 1,
  },
  {
    was: 'ein Link im Text auf eine Seite, die es nicht gibt',
    aenderung: (r) => append(r, 'kapitel/vorwort.mdx', '\nMehr im [Glossar](/glosar/).\n'),
    datei: 'content/kapitel/vorwort.mdx',
    zeile: 11,
    feld: '[…](…)',
    text: 'die Seite /glosar/ gibt es nicht',
    anzahl: 1,
  },
  {
    was: 'ein Link im Text auf einen Anker, den die Seite nicht hat',
    aenderung: (r) => append(r, 'kapitel/vorwort.mdx', '\nMehr zum [MEP](/glossar/#mpe).\n'),
    datei: 'content/kapitel/vorwort.mdx',
    zeile: 11,
    feld: '[…](…)',
    text: 'erwartet einen Anker, den die Seite /glossar/ hat (etwa „medienkonzept“, „mep“); gefunden: „/glossar/#mpe“',
    anzahl: 1,
  },
  {
    was: 'ein Link im Text auf eine Maßnahme, die noch Entwurf ist',
    aenderung: (r) => {
      write(r, 'massnahmen/i-03.mdx', '---\nid: I-03\ntitel: Später\nhandlungsfeld: infrastruktur\nentwurf: true\n---\nBald.\n');
      append(r, 'kapitel/vorwort.mdx', '\nSiehe <a href="/massnahmen/i-03/">I-03</a>.\n');
    },
    datei: 'content/kapitel/vorwort.mdx',
    zeile: 11,
    feld: '<a href>',
    text: 'verweist auf einen Entwurf („I-03“ in content/massnahmen/i-03.mdx), der nicht veröffentlicht wird',
    anzahl: 1,
  },
  {
    was: 'ein <Abschnitt> mit einer Nummer, die der Plan nicht hat',
    aenderung: (r) => append(r, 'kapitel/vorwort.mdx', '\nSiehe <Abschnitt nummer="4.2" />.\n'),
    datei: 'content/kapitel/vorwort.mdx',
    zeile: 11,
    feld: '<Abschnitt nummer="4.2">',
    text: 'der Plan hat keine nummerierten Abschnitte',
    anzahl: 1,
  },
  {
    was: 'eine MDX-Datei ohne Kopf',
    aenderung: (r) => write(r, 'kapitel/vorwort.mdx', 'Nur Text.\n'),
    datei: 'content/kapitel/vorwort.mdx',
    zeile: 1,
    text: 'einen Kopf (Frontmatter)',
  },
  {
    was: 'eine Word-Datei im Ordner der Maßnahmen',
    aenderung: (r) => write(r, 'massnahmen/i-03.docx', 'x'),
    datei: 'content/massnahmen/i-03.docx',
    text: 'nur .mdx-Dateien in diesem Ordner',
  },
  {
    was: 'eine Kopie aus Excel neben der Datentabelle',
    aenderung: (r) => write(r, 'daten/inventar (2).csv', 'id;anzahl\n'),
    datei: 'content/daten/inventar (2).csv',
    text: 'nur Dateien, die Planwerk liest oder veröffentlicht',
    anzahl: 1,
  },
  {
    was: 'eine Datei mit falschem Namen im Planordner',
    aenderung: (r) => write(r, 'akteur.yaml', '[]\n'),
    datei: 'content/akteur.yaml',
    text: 'gefunden: eine Datei, die zu keinem Teil des Plans gehört',
    anzahl: 1,
  },
  // ---- Addresses (src/plan/adressen.ts): one rule for YAML, CSV, MDX and plan.yaml
  {
    was: 'eine javascript:-Adresse als url eines Akteurs',
    aenderung: (r) => edit(r, 'akteure.yaml', '  kurzname: ITD\n', '  kurzname: ITD\n  url: "javascript:alert(document.cookie)"\n'),
    datei: 'content/akteure.yaml',
    zeile: 9,
    feld: 'url',
    text: 'erwartet eine vollständige Adresse mit https://, z. B. https://www.stadt.de/; gefunden: „javascript:alert(document.cookie)“ – ein javascript:-Link, der Programmcode ausführt',
    anzahl: 1,
  },
  {
    was: 'eine data:-Adresse als Adresse der Lizenz',
    aenderung: (r) => edit(r, 'plan.yaml', 'lizenz: { name: CC BY 4.0 }', 'lizenz: { name: CC BY 4.0, url: "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==" }'),
    datei: 'content/plan.yaml',
    feld: 'lizenz.url',
    text: 'eine data:-Adresse, die fremden Inhalt einbettet',
    anzahl: 1,
  },
  {
    was: 'ein Bild von „/\\host“ in einem Kapitel (Chromium lädt den fremden Server)',
    aenderung: (r) => append(r, 'kapitel/vorwort.mdx', '\n<img src="/\\evil.example/t.png" alt="x" />\n'),
    datei: 'content/kapitel/vorwort.mdx',
    feld: '<img src>',
    text: 'erwartet ein Bild von dieser Website (ein Pfad wie /bilder/plan.png), keine fremde Adresse; gefunden: „/\\evil.example/t.png“ – einen umgekehrten Schrägstrich',
    anzahl: 1,
  },
  {
    was: 'ein Link nach „/\\host“ in einem Kapitel (die Druckfassung machte daraus https://evil.example/)',
    aenderung: (r) => append(r, 'kapitel/vorwort.mdx', '\n[Mehr](/\\evil.example/)\n'),
    datei: 'content/kapitel/vorwort.mdx',
    feld: '[…](…)',
    text: 'einen umgekehrten Schrägstrich',
    anzahl: 1,
  },
  {
    was: 'website: javascript:… in plan.yaml (früher grün in pruefen, dann „Invalid URL“ im Bau)',
    aenderung: (r) => edit(r, 'plan.yaml', 'website: https://mep.teststadt.example', 'website: "javascript:alert(1)"'),
    datei: 'content/plan.yaml',
    zeile: 8,
    feld: 'website',
    text: 'erwartet die Adresse der veröffentlichten Website mit https://',
    anzahl: 1,
  },
  {
    was: 'website mit Anführungszeichen und Leerzeichen im Pfad',
    aenderung: (r) => edit(r, 'plan.yaml', 'website: https://mep.teststadt.example', 'website: \'https://mep.teststadt.example/mep "plan"/\''),
    datei: 'content/plan.yaml',
    feld: 'website',
    text: 'ein Leerzeichen oder unsichtbares Zeichen in der Adresse',
    anzahl: 1,
  },
  {
    was: 'ein Meilenstein verlinkt eine Seite, die der Plan nicht erzeugt',
    aenderung: (r) => edit(r, 'meilensteine.yaml', 'massnahme: I-01 }', 'massnahme: I-01, link: /massnahmen/x-99/ }'),
    datei: 'content/meilensteine.yaml',
    zeile: 1,
    feld: 'link',
    text: 'gefunden: „/massnahmen/x-99/“: die Seite /massnahmen/x-99/ gibt es nicht',
    anzahl: 1,
  },
  {
    was: 'eine protokollrelative Adresse als Medienkonzept einer Schule (CSV)',
    aenderung: (r) => edit(r, 'daten/schulen.csv', 'https://gs-b.teststadt.example/medienkonzept', '//evil.example/medienkonzept'),
    datei: 'content/daten/schulen.csv',
    zeile: 3,
    feld: 'medienkonzept_url',
    text: 'eine protokollrelative Adresse („//…“), die auf einen fremden Server zeigt',
    anzahl: 1,
  },
  // ---- medien/ read as data (src/plan/medien.ts): links, loops, sizes and disguised files
  {
    was: 'ein symbolischer Link in medien/ auf eine Datei außerhalb des Plans',
    aenderung: (r) => {
      mkdirSync(join(r, 'content', 'medien'));
      writeFileSync(join(r, 'geheim.vtt'), 'WEBVTT\n\n00:00.000 --> 00:01.000\nGeheim\n');
      symlinkSync(join(r, 'geheim.vtt'), join(r, 'content', 'medien', 'untertitel.vtt'));
    },
    datei: 'content/medien/untertitel.vtt',
    text: 'gefunden: einen symbolischen Link auf',
    anzahl: 1,
  },
  {
    was: 'ein symbolischer Link in medien/, der auf sich selbst zeigt',
    aenderung: (r) => {
      mkdirSync(join(r, 'content', 'medien'));
      symlinkSync('schleife', join(r, 'content', 'medien', 'schleife'));
    },
    datei: 'content/medien/schleife',
    text: 'gefunden: einen symbolischen Link auf „schleife“',
    anzahl: 1,
  },
  {
    was: 'ein Video über 2 GiB in medien/ (die Größe, ohne die Datei zu lesen)',
    aenderung: (r) => {
      mkdirSync(join(r, 'content', 'medien'));
      const datei = join(r, 'content', 'medien', 'gross.webm');
      writeFileSync(datei, Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
      truncateSync(datei, Math.round(2.1 * 1024 ** 3));
    },
    datei: 'content/medien/gross.webm',
    text: 'erwartet eine Datei von höchstens 200 MB; gefunden: 2,1 GB',
    anzahl: 1,
  },
  {
    was: 'ein QuickTime-Video, umbenannt in .mp4',
    aenderung: (r) => {
      mkdirSync(join(r, 'content', 'medien'));
      const qt = Buffer.alloc(32);
      qt.writeUInt32BE(20, 0);
      qt.write('ftypqt  ', 4, 'latin1');
      qt.writeUInt32BE(0x200, 12);
      qt.write('qt  ', 16, 'latin1');
      writeFileSync(join(r, 'content', 'medien', 'film.mp4'), qt);
    },
    datei: 'content/medien/film.mp4',
    text: 'erwartet ein MP4-Video, wie die Endung „.mp4“ sagt; gefunden: ein QuickTime-Video (video/quicktime)',
    anzahl: 1,
  },
  // ---- Gremien, Kooperationsvereinbarungen und Ratsbeschlüsse (issue 29); a nested field's
  // message names the line of its entry
  {
    was: 'eine Kooperationsvereinbarung als Hauptwort statt als Beziehungstyp',
    aenderung: (r) => edit(r, 'akteure.yaml', '    - { typ: beauftragt, ziel: it }\n', '    - typ: Kooperationsvereinbarung\n      ziel: it\n'),
    datei: 'content/akteure.yaml',
    zeile: 1,
    feld: 'beziehungen.0.typ',
    text: '„kooperiert laut Vereinbarung mit“',
    anzahl: 1,
  },
  {
    was: 'das Datum einer Kooperationsvereinbarung deutsch geschrieben',
    aenderung: (r) => edit(r, 'akteure.yaml', '    - { typ: beauftragt, ziel: it }\n', '    - typ: kooperiert laut Vereinbarung mit\n      ziel: it\n      datum: 16.09.2024\n'),
    datei: 'content/akteure.yaml',
    zeile: 1,
    feld: 'beziehungen.0.datum',
    text: '„16.09.2024“',
    anzahl: 1,
  },
  {
    was: 'eine Verbindlichkeit eines Gremiums, die es nicht gibt',
    aenderung: (r) => edit(r, 'akteure.yaml', '  kurzname: ITD\n', '  kurzname: ITD\n  gremium:\n    bindung: sehr verbindlich\n'),
    datei: 'content/akteure.yaml',
    zeile: 6,
    feld: 'gremium.bindung',
    text: '„Geschäftsordnung“',
    anzahl: 1,
  },
  {
    was: 'ein Ratsbeschluss zum Förderprogramm ohne Nummer der Vorlage',
    aenderung: (r) => edit(r, 'foerderprogramme.yaml', '  zuweisung: 60000\n', '  zuweisung: 60000\n  beschluss: { gremium: Rat, datum: 2025-03-01 }\n'),
    datei: 'content/foerderprogramme.yaml',
    zeile: 1,
    feld: 'beschluss.nummer',
    text: 'erwartet einen Text; gefunden: nichts (Feld fehlt)',
    anzahl: 1,
  },
  {
    was: 'eine javascript:-Adresse als Adresse eines Ratsbeschlusses zum Förderprogramm',
    aenderung: (r) => edit(r, 'foerderprogramme.yaml', '  zuweisung: 60000\n', '  zuweisung: 60000\n  beschluss:\n    nummer: V/2025/1\n    url: "javascript:alert(1)"\n'),
    datei: 'content/foerderprogramme.yaml',
    zeile: 8,
    feld: 'beschluss.url',
    text: 'ein javascript:-Link, der Programmcode ausführt',
    anzahl: 1,
  },
  // ---- Old page numbers of an adopted Fassung (fassungen.yaml `seiten`)
  {
    was: 'eine alte Seite einer Fassung, die auf einen Anker zeigt, den es nicht gibt',
    aenderung: (r) => write(r, 'fassungen.yaml', alteSeiten('/kapitel/vorwort/#ausstattung-alt')),
    datei: 'content/fassungen.yaml',
    zeile: 7,
    feld: 'seiten.34',
    text: 'erwartet einen Anker, den die Seite /kapitel/vorwort/ hat (etwa „ausstattung-fest“); gefunden: „/kapitel/vorwort/#ausstattung-alt“: die Seite hat keinen Anker „ausstattung-alt“',
    anzahl: 1,
  },
  {
    was: 'eine alte Seite einer Fassung, die auf eine Seite zeigt, die es nicht gibt',
    aenderung: (r) => write(r, 'fassungen.yaml', alteSeiten('/kapitel/nachwort/')),
    datei: 'content/fassungen.yaml',
    zeile: 7,
    feld: 'seiten.34',
    text: 'gefunden: „/kapitel/nachwort/“: die Seite /kapitel/nachwort/ gibt es nicht',
    anzahl: 1,
  },
  {
    was: 'eine alte Seite einer Fassung mit „S.“ vor der Seitenzahl',
    aenderung: (r) => write(r, 'fassungen.yaml', alteSeiten('/kapitel/vorwort/').replace('"34"', '"S. 34"')),
    datei: 'content/fassungen.yaml',
    zeile: 7,
    feld: 'seiten.S. 34',
    text: 'erwartet eine Seitenzahl aus Ziffern ohne führende Null, z. B. „34“; gefunden: „S. 34“',
    anzahl: 1,
  },
  {
    was: 'eine alte Seite einer Fassung mit der vollen Adresse der Website',
    aenderung: (r) => write(r, 'fassungen.yaml', alteSeiten('https://mep.teststadt.example/kapitel/vorwort/')),
    datei: 'content/fassungen.yaml',
    zeile: 7,
    feld: 'seiten.34',
    text: 'erwartet einen Pfad dieser Website wie /kapitel/vorwort/',
    anzahl: 1,
  },
  // ---- The link register, edited by hand
  {
    was: 'ein Prüfdatum in deutscher Schreibweise in links.json',
    aenderung: (r) => write(r, 'links.json', '[\n {"url":"https://datenschutz.land.example","geprueft":"30.11.2026","quellen":["plan.yaml"]}\n]\n'),
    datei: 'content/links.json',
    feld: '1.geprueft',
    text: 'erwartet ein Datum JJJJ-MM-TT',
    anzahl: 1,
  },
  {
    was: 'ein fehlendes Komma in links.json',
    aenderung: (r) => write(r, 'links.json', '[\n {"url":"https://a.example/","quellen":[]}\n {"url":"https://b.example/","quellen":[]}\n]\n'),
    datei: 'content/links.json',
    text: 'Text, den JSON nicht lesen kann',
    anzahl: 1,
  },
  // ---- Entscheidungen (entscheidungen.yaml): the choice and the Maßnahmen are references
  {
    was: 'eine Wahl, die keine der Optionen der Entscheidung ist',
    aenderung: (r) => write(r, 'entscheidungen.yaml', ENTSCHEIDUNG.replace('wahl: dienstleister', 'wahl: dienstleistung')),
    datei: 'content/entscheidungen.yaml',
    zeile: 1,
    feld: 'wahl',
    text: 'erwartet die ID einer der Optionen dieser Entscheidung („eigenbetrieb“, „dienstleister“); gefunden: „dienstleistung“',
    anzahl: 1,
  },
  {
    was: 'eine Entscheidung nennt eine Maßnahme, die es nicht gibt',
    aenderung: (r) => write(r, 'entscheidungen.yaml', ENTSCHEIDUNG.replace('massnahmen: [I-01]', 'massnahmen: [I-01, I-09]')),
    datei: 'content/entscheidungen.yaml',
    zeile: 1,
    feld: 'massnahmen.1',
    text: 'erwartet eine vorhandene ID aus „massnahmen“ (content/massnahmen/); gefunden: „I-09“, das es dort nicht gibt',
    anzahl: 1,
  },
  {
    was: 'eine offene Entscheidung mit Begründung, aber ohne Wahl',
    aenderung: (r) => write(r, 'entscheidungen.yaml', ENTSCHEIDUNG.replace('  wahl: dienstleister\n', '')),
    datei: 'content/entscheidungen.yaml',
    zeile: 1,
    feld: 'begruendung',
    text: 'erwartet „begruendung“ nur zusammen mit einer Wahl',
    anzahl: 1,
  },
  {
    was: 'eine Entscheidung mit nur einer Option',
    aenderung: (r) => write(r, 'entscheidungen.yaml', ENTSCHEIDUNG.replace('    - { id: eigenbetrieb, titel: Die Stadt selbst }\n', '')),
    datei: 'content/entscheidungen.yaml',
    zeile: 1,
    feld: 'optionen',
    text: 'erwartet mindestens zwei Optionen (id und titel), zwischen denen zu entscheiden ist',
    anzahl: 1,
  },
  {
    was: 'zwei Optionen einer Entscheidung mit derselben ID',
    aenderung: (r) => write(r, 'entscheidungen.yaml', ENTSCHEIDUNG.replace('id: eigenbetrieb', 'id: dienstleister')),
    datei: 'content/entscheidungen.yaml',
    zeile: 1,
    feld: 'optionen.1.id',
    text: 'erwartet eine ID, die unter den Optionen dieser Entscheidung nur einmal vorkommt; gefunden: „dienstleister“',
    anzahl: 1,
  },
  {
    was: 'eine Maßnahme für eine Stufe der Selbsteinschätzung, die der Plan nicht festlegt',
    aenderung: (r) => edit(r, 'massnahmen/i-01.mdx', 'zeitraum:', 'fuerStufen: [{ bereich: ausstattung, stufen: [einstieg] }]\nzeitraum:'),
    datei: 'content/massnahmen/i-01.mdx',
    feld: 'fuerStufen.0',
    text: 'erwartet eine Selbsteinschätzung der Schulen in content/daten/erhebungen.yaml (selbsteinschaetzung), auf deren Stufen sich die Maßnahme bezieht; gefunden: keine im Plan',
    anzahl: 1,
  },
  {
    was: 'eine Stufe der Selbsteinschätzung mit Tippfehler in der Erhebung',
    aenderung: (r) => mitSelbsteinschaetzung(r, 'schule;schuelerzahl;endgeraete_schueler;stufe_ausstattung\ngs-a;200;50;einstieg\ngs-b;300;100;aufbua\ngym-c;800;800;\n'),
    datei: 'content/daten/erhebungen/2024-03.csv',
    zeile: 3,
    feld: 'stufe_ausstattung',
    text: 'erwartet eine Stufe aus daten/erhebungen.yaml (selbsteinschaetzung.stufen): einstieg („Einstieg“), aufbau („Aufbau“); gefunden: „aufbua“',
    anzahl: 1,
  },
  {
    was: 'eine Maßnahme für eine Stufe, die das Raster nicht hat',
    aenderung: (r) => {
      mitSelbsteinschaetzung(r);
      edit(r, 'massnahmen/i-01.mdx', 'zeitraum:', 'fuerStufen: [{ bereich: ausstattung, stufen: [vorreiter] }]\nzeitraum:');
    },
    datei: 'content/massnahmen/i-01.mdx',
    feld: 'fuerStufen.0.stufen.0',
    text: 'erwartet eine Stufe aus content/daten/erhebungen.yaml (selbsteinschaetzung.stufen): einstieg, aufbau; gefunden: „vorreiter“',
    anzahl: 1,
  },
];

/**
 * The fixture with one survey round that carries a self-evaluation (two levels, one area): the
 * figures move from daten/schulen.csv into the round, which `runde` (its CSV, line 3 is gs-b) gives.
 */
function mitSelbsteinschaetzung(r: string, runde = 'schule;schuelerzahl;endgeraete_schueler;stufe_ausstattung\ngs-a;200;50;einstieg\ngs-b;300;100;aufbau\ngym-c;800;800;\n') {
  write(r, 'daten/schulen.csv', 'id;name;schulform;stadtbezirk\ngs-a;Grundschule A;grundschule;Mitte\ngs-b;Grundschule B;grundschule;Nord\ngym-c;Gymnasium C;gymnasium;\n');
  write(r, 'daten/erhebungen.yaml', ['mindestgruppe: 2', 'selbsteinschaetzung:', '  stufen:', '    - { id: einstieg, name: Einstieg }', '    - { id: aufbau, name: Aufbau }', '  bereiche:', '    - { id: ausstattung, name: Ausstattung }', 'runden:', '  - { id: "2024-03", stichtag: 2024-03-01, methode: Fragebogen, quelle: Schulamt }', ''].join('\n'));
  mkdirSync(join(r, 'content', 'daten', 'erhebungen'), { recursive: true });
  writeFileSync(join(r, 'content', 'daten', 'erhebungen', '2024-03.csv'), runde);
}

/** fassungen.yaml with one earlier Fassung whose page 12 is mapped well and page 34 (line 7) to `ziel`. */
function alteSeiten(ziel: string): string {
  return ['- id: mep-2021', '  name: Medienentwicklungsplan 2021', '  nummer: 1', '  beschlossen: 2021-06', '  seiten:', '    "12": /kapitel/vorwort/#ausstattung-fest', `    "34": ${ziel}`, ''].join('\n');
}
