/**
 * `npm run import -- erhebung …` on copies of the minimal fixture plan. The exports are made here,
 * the .xlsx with write-excel-file (a dev dependency, so no binary file sits in the repository):
 *
 *   Blatt1   A Zeitstempel  B Schulnummer  C Schülerzahl  D Tablets für Schüler  E WLAN in %
 *            F Medienkonzept vom  G Wie wichtig ist WLAN?  H Zustimmung Mehrwert  I Kommentar
 *
 * The plan has four schools: gs-a, gs-b, gym-c and gs-alt (closed 2023-07-31, carried on by gs-a).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { parse as parseYaml } from 'yaml';
import { copyFixture, messages, PROJECT, write } from '../helpers/fixture.ts';
import { bekannteSpalten } from '../../src/rechnen/erhebungen.ts';
import { deutscheZahl, importiereErhebung, meldungText, spaltenbuchstabe, trageRundeEin, trennzeichen, zusammenfassungText, type ImportOptionen } from '../../src/cli/erhebungsimport.ts';

const SCHULEN = `id;name;schulform;stadtbezirk;seit;bis;nachfolger
gs-a;Grundschule A;grundschule;Mitte;;;
gs-b;Grundschule B;grundschule;Nord;;;
gs-alt;Grundschule Alt;grundschule;Mitte;;2023-07-31;gs-a
gym-c;Gymnasium C;gymnasium;;;;
`;

/** erhebungen.yaml before the first round: what the plan decides, with comments the import must keep. */
const KONFIGURATION = `# Abfragen bei den Schulen der Teststadt.
mindestgruppe: 10

# Nie je Schule veröffentlicht.
intern: [tickets]

bedarfe:
  - id: wlan
    name: WLAN überall
    art: beschaffung
    massnahmen: [I-01]
fragen:
  - id: mehrwert
    text: Digitale Medien helfen meinem Unterricht.
`;

const MIT_RUNDE = `${KONFIGURATION}
runden:
  # Die erste Abfrage, noch auf Papier.
  - id: "2024-03"
    stichtag: 2024-03-01
    titel: Erstabfrage
    methode: Fragebogen # ausgefüllt von den Schulleitungen
    quelle: Schulamt
`;

const ZUORDNUNG = `# Zuordnung des Online-Formulars
methode: Online-Formular an alle Schulleitungen
quelle: Schulamt Teststadt
schule: { spalte: Schulnummer, nach: id }
spalten:
  "Schülerzahl": schuelerzahl
  "Tablets für Schüler": endgeraete_schueler
  "WLAN in %": wlan_abdeckung
  "Medienkonzept vom": medienkonzept_stand
  "Wie wichtig ist WLAN?": bedarf_wlan
  "Zustimmung Mehrwert": haltung_mehrwert
ignorieren: [Zeitstempel]
werte:
  bedarfe: { sehr wichtig: hoch, wichtig: mittel, weniger wichtig: gering, unwichtig: kein, weiß nicht: "" }
`;

const KOPF = ['Zeitstempel', 'Schulnummer', 'Schülerzahl', 'Tablets für Schüler', 'WLAN in %', 'Medienkonzept vom', 'Wie wichtig ist WLAN?', 'Zustimmung Mehrwert', 'Kommentar'];
const tag = (iso: string) => new Date(`${iso}T00:00:00Z`);
const DATUM = { dateFormat: 'dd.mm.yyyy' };

/** A copy of the fixture plan with its schools, erhebungen.yaml (null: none) and the mapping. */
function plan(konfiguration: string | null = KONFIGURATION, zuordnung = ZUORDNUNG): string {
  const root = copyFixture();
  write(root, 'daten/schulen.csv', SCHULEN);
  if (konfiguration !== null) write(root, 'daten/erhebungen.yaml', konfiguration);
  write(root, 'daten/erhebungen-zuordnung.yaml', zuordnung);
  return root;
}

async function xlsx(root: string, zeilen: SheetData, blatt = 'Blatt1', name = 'umfrage.xlsx'): Promise<string> {
  writeFileSync(join(root, name), await writeXlsxFile(zeilen, { sheet: blatt, ...DATUM }).toBuffer());
  return name;
}

const importiere = (root: string, datei: string, weiter: Partial<ImportOptionen> = {}) => importiereErhebung({ datei, erhebung: '2025-05', stichtag: '2025-05-15', projekt: root, ...weiter });
const texte = (m: { ort?: string; text: string }[]) => m.map(meldungText);
const lies = (root: string, datei: string) => readFileSync(join(root, 'content', datei), 'utf8');

describe('Import einer Erhebung aus Excel', () => {
  it('übernimmt die Antworten, schreibt die CSV der Runde und trägt die Runde ein', async () => {
    const root = plan();
    const datei = await xlsx(root, [
      KOPF,
      [tag('2025-05-02'), 'gs-b', 300, 90, 87.5, tag('2024-01-15'), 'sehr wichtig', 66.6, 'alles gut'],
      [tag('2025-05-03'), 'gs-a', 1234, '60', 100, null, 'Weiß nicht', null, null],
    ]);
    const e = await importiere(root, datei);
    expect(texte(e.fehler)).toEqual([]);
    expect(texte(e.hinweise)).toEqual([
      'Blatt1, Zeile 1: Eine Spalte steht weder unter „spalten“ noch unter „ignorieren“ der Zuordnung und wird nicht übernommen: „Kommentar“',
      'umfrage.xlsx: Eine Schule, die am Stichtag 2025-05-15 bestand, fehlt in der Datei: gym-c (Gymnasium C)',
    ]);
    expect(e.geschrieben).toBe(true);
    // Sorted by school id, Planwerk's column order, German numbers, empty cell = keine Angabe.
    expect(lies(root, 'daten/erhebungen/2025-05.csv')).toBe(
      'schule;schuelerzahl;endgeraete_schueler;wlan_abdeckung;medienkonzept_stand;bedarf_wlan;haltung_mehrwert\n' + 'gs-a;1.234;60;100;;;\n' + 'gs-b;300;90;87,5;2024-01-15;hoch;66,6\n',
    );
    expect(lies(root, 'daten/erhebungen.yaml')).toBe(
      `${KONFIGURATION}runden:\n  - id: "2025-05"\n    stichtag: 2025-05-15\n    methode: Online-Formular an alle Schulleitungen\n    quelle: Schulamt Teststadt\n`,
    );
    expect(e.zusammenfassung).toMatchObject({
      schulen: 2,
      felder: ['schuelerzahl', 'endgeraete_schueler', 'wlan_abdeckung', 'medienkonzept_stand', 'bedarf_wlan', 'haltung_mehrwert'],
      keineAngabe: { schuelerzahl: 0, endgeraete_schueler: 0, wlan_abdeckung: 0, medienkonzept_stand: 1, bedarf_wlan: 1, haltung_mehrwert: 1 },
      unbekannteSpalten: ['Kommentar'],
      fehlendeSchulen: [{ id: 'gym-c', name: 'Gymnasium C' }],
      csvDatei: 'content/daten/erhebungen/2025-05.csv',
      ersetzt: false,
    });
    expect(zusammenfassungText(e.zusammenfassung!)).toBe(
      [
        'Erhebung 2025-05 (Stichtag 2025-05-15) übernommen: 2 Schulen, 6 Felder.',
        '  Geschrieben: content/daten/erhebungen/2025-05.csv, content/daten/erhebungen.yaml',
        '  Felder und Schulen ohne Angabe („keine Angabe“):',
        '    schuelerzahl         alle beantwortet',
        '    endgeraete_schueler  alle beantwortet',
        '    wlan_abdeckung       alle beantwortet',
        '    medienkonzept_stand  1 keine Angabe',
        '    bedarf_wlan          1 keine Angabe',
        '    haltung_mehrwert     1 keine Angabe',
        '  Spalten ohne Zuordnung (nicht übernommen): „Kommentar“',
        '  Schulen ohne Antwort: gym-c (Gymnasium C)',
      ].join('\n'),
    );
    // The build reads the imported round as it reads any other.
    expect(messages(root)).toEqual([]);
  });

  it('nennt jede falsche Zelle mit Blatt, Spalte und Zeile, was erwartet und was gefunden wurde, und schreibt nichts', async () => {
    const root = plan();
    const datei = await xlsx(root, [
      KOPF,
      [null, 'gs-b', 300, 90, 120, tag('2024-01-15'), 'sehr wichtig', 66.6, null],
      [null, 'gs-x', 10, 'viele', 50, null, null, null, null],
      [null, 'gs-alt', 100, 10, 40, null, null, null, null],
      [null, 'gs-b', 300, 90, 80, null, null, null, null],
      [null, 'gs-a', tag('2025-01-01'), 60, 100, null, 'dringend', null, null],
      [null, null, null, null, null, null, null, null, null],
      [null, null, 5, null, null, null, null, null, null],
    ]);
    const e = await importiere(root, datei);
    expect(texte(e.fehler)).toEqual([
      'Blatt1!E2, Spalte „WLAN in %“: erwartet einen Prozentwert von 0 bis 100; gefunden: die Zahl 120',
      'Blatt1!B3, Spalte „Schulnummer“: erwartet die Kennung einer Schule aus content/daten/schulen.csv; gefunden: „gs-x“',
      'Blatt1!D3, Spalte „Tablets für Schüler“: erwartet eine ganze Zahl (z. B. 1.234); gefunden: „viele“',
      'Blatt1!B4, Spalte „Schulnummer“: erwartet eine Schule, die am Stichtag 2025-05-15 bestand; gefunden: „gs-alt“, aufgelöst am 2023-07-31 (Nachfolger: gs-a)',
      'Blatt1!B5, Spalte „Schulnummer“: erwartet jede Schule nur einmal; gefunden: „gs-b“ ein zweites Mal (zuerst Blatt1!B2)',
      'Blatt1!C6, Spalte „Schülerzahl“: erwartet eine ganze Zahl (z. B. 1.234); gefunden: das Datum 2025-01-01 (Zelle im Datumsformat)',
      'Blatt1!G6, Spalte „Wie wichtig ist WLAN?“: erwartet eine Priorität: hoch, mittel, gering, kein oder eine Antwort aus „werte“ der Zuordnung (sehr wichtig, wichtig, weniger wichtig, unwichtig, weiß nicht); gefunden: „dringend“',
      'Blatt1!B8, Spalte „Schulnummer“: erwartet die Kennung einer Schule aus content/daten/schulen.csv; gefunden: eine leere Zelle in einer Zeile mit Antworten',
    ]);
    expect(e.fehler[1]!.hinweis).toBe('Eine neue Schule zuerst mit Kennung, Name und Schulform in content/daten/schulen.csv eintragen.');
    expect(e.geschrieben).toBe(false);
    expect(e.zusammenfassung).toBeUndefined();
    expect(lies(root, 'daten/erhebungen.yaml')).toBe(KONFIGURATION);
    expect(existsSync(join(root, 'content', 'daten', 'erhebungen'))).toBe(false);
  });

  it('meldet eine Spalte der Zuordnung, die in der Datei fehlt, und schlägt eine ähnliche Überschrift vor', async () => {
    const root = plan(KONFIGURATION, ZUORDNUNG.replace('"WLAN in %"', '"Wlan in%"').replace('spalten:\n', 'spalten:\n  "Lehrkräfte": lehrkraefte\n'));
    const datei = await xlsx(root, [KOPF, [null, 'gs-a', 200, 60, 100, null, null, null, null]]);
    const e = await importiere(root, datei);
    const ueberschriften = '„Zeitstempel“, „Schulnummer“, „Schülerzahl“, „Tablets für Schüler“, „WLAN in %“, „Medienkonzept vom“, „Wie wichtig ist WLAN?“, „Zustimmung Mehrwert“, „Kommentar“';
    expect(texte(e.fehler)).toEqual([
      `Blatt1, Zeile 1: Spalte „Lehrkräfte“ fehlt in der Datei: erwartet laut Zuordnung eine Spalte mit dieser Überschrift (für lehrkraefte); gefunden: die Überschriften ${ueberschriften}`,
      `Blatt1, Zeile 1: Spalte „Wlan in%“ fehlt in der Datei: erwartet laut Zuordnung eine Spalte mit dieser Überschrift (für wlan_abdeckung); gefunden: die Überschriften ${ueberschriften}`,
    ]);
    expect(e.fehler[1]!.hinweis).toBe('Die Überschrift in der Zuordnung an „WLAN in %“ angleichen.');
    expect(lies(root, 'daten/erhebungen.yaml')).toBe(KONFIGURATION);
    expect(existsSync(join(root, 'content', 'daten', 'erhebungen', '2025-05.csv'))).toBe(false);
  });

  it('liest das Blatt, das die Zuordnung nennt, und warnt vor Prozentwerten im Excel-Prozentformat', async () => {
    const root = plan(KONFIGURATION, `blatt: Antworten 2025\n${ZUORDNUNG}`);
    const buffer = await writeXlsxFile(
      [
        { sheet: 'Hinweise', data: [['Bitte nicht ändern']] },
        { sheet: 'Antworten 2025', data: [[], KOPF, [null, 'gs-a', 200, 60, 0.875, null, null, null, null], [null, 'gs-b', 300, 90, 1, null, null, 5, null]], ...DATUM },
      ],
    ).toBuffer();
    writeFileSync(join(root, 'umfrage.xlsx'), buffer);
    const e = await importiere(root, 'umfrage.xlsx', { schreiben: false });
    expect(texte(e.fehler)).toEqual([]);
    // The header is the first row with a value, here row 2.
    expect(texte(e.hinweise.filter((h) => h.inZusammenfassung))).toEqual([
      "'Antworten 2025', Zeile 2: Eine Spalte steht weder unter „spalten“ noch unter „ignorieren“ der Zuordnung und wird nicht übernommen: „Kommentar“",
      'umfrage.xlsx: Eine Schule, die am Stichtag 2025-05-15 bestand, fehlt in der Datei: gym-c (Gymnasium C)',
    ]);
    expect(e.hinweise.filter((h) => !h.inZusammenfassung)).toEqual([{
      ort: "'Antworten 2025'!E3, Spalte „WLAN in %“",
      text: 'Alle Zahlen der Spalte für wlan_abdeckung liegen zwischen 0 und 1 (hier 0,875); Planwerk liest sie als Prozent von 0 bis 100, also als 0,875 %.',
      hinweis: 'Ist die Spalte in Excel als Prozent formatiert, steht dort für 87,5 % die Zahl 0,875: die Werte mit 100 malnehmen oder die Datei als CSV exportieren.',
    }]);
    // Checked but not written.
    expect(e.csv).toBe('schule;schuelerzahl;endgeraete_schueler;wlan_abdeckung;medienkonzept_stand;bedarf_wlan;haltung_mehrwert\ngs-a;200;60;0,875;;;\ngs-b;300;90;1;;;5\n');
    expect(e.geschrieben).toBe(false);
    expect(existsSync(join(root, 'content', 'daten', 'erhebungen'))).toBe(false);
  });
});

describe('Import einer Erhebung aus CSV', () => {
  it('liest „;“ mit BOM, Schulen nach Namen, deutsche Zahlen und Daten und die Wörter aus „werte“', async () => {
    const root = plan(KONFIGURATION, ZUORDNUNG.replace('{ spalte: Schulnummer, nach: id }', '{ spalte: Schule, nach: name }'));
    writeFileSync(
      join(root, 'umfrage.csv'),
      '\uFEFFZeitstempel;Schule;Schülerzahl;Tablets für Schüler;WLAN in %;Medienkonzept vom;Wie wichtig ist WLAN?;Zustimmung Mehrwert\r\n' +
        '02.05.2025 10:00;Grundschule B;1.300;90;87,5 %;15.01.2024;Sehr wichtig;66,6\r\n' +
        '02.05.2025 11:00;  grundschule  a ;200;;100;;unwichtig;\r\n' +
        '02.05.2025 12:00;Gymnasium C;800;800;;2025-02-01;;75\r\n',
    );
    const e = await importiere(root, 'umfrage.csv');
    expect(texte(e.fehler)).toEqual([]);
    expect(texte(e.hinweise)).toEqual([]);
    expect(lies(root, 'daten/erhebungen/2025-05.csv')).toBe(
      'schule;schuelerzahl;endgeraete_schueler;wlan_abdeckung;medienkonzept_stand;bedarf_wlan;haltung_mehrwert\n' + 'gs-a;200;;100;;kein;\n' + 'gs-b;1.300;90;87,5;2024-01-15;hoch;66,6\n' + 'gym-c;800;800;;2025-02-01;;75\n',
    );
    expect(messages(root)).toEqual([]);
  });

  it('erkennt „,“ als Trennzeichen und nennt Zeile und Überschrift, auch nach einer Zelle über zwei Zeilen', async () => {
    const root = plan(KONFIGURATION, 'methode: Formular\nquelle: Schulamt\nschule: { spalte: schulnummer }\nspalten: { Schülerzahl: schuelerzahl, "WLAN in %": wlan_abdeckung }\nignorieren: [Kommentar]\n');
    writeFileSync(join(root, 'umfrage.csv'), 'schulnummer,Schülerzahl,WLAN in %,Kommentar\ngs-a,200,"87,5","zwei\nZeilen"\ngs-b,300,87.5,\n\ngym-c,800,,\n');
    const e = await importiere(root, 'umfrage.csv');
    expect(texte(e.fehler)).toEqual(['Zeile 4, Spalte „WLAN in %“: erwartet eine Zahl in deutscher Schreibweise (z. B. 1.234,56); gefunden: „87.5“']);
    expect(existsSync(join(root, 'content', 'daten', 'erhebungen'))).toBe(false);
  });

  it('nennt Zellen jenseits der Kopfzeile als Spalte ohne Überschrift', async () => {
    const root = plan(KONFIGURATION, 'methode: Formular\nquelle: Schulamt\nschule: { spalte: schule }\nspalten: { Schülerzahl: schuelerzahl }\n');
    writeFileSync(join(root, 'umfrage.csv'), 'schule;Schülerzahl\ngs-a;200;x\ngs-b;300\ngym-c;800\n');
    const e = await importiere(root, 'umfrage.csv', { schreiben: false });
    expect(texte(e.fehler)).toEqual([]);
    expect(texte(e.hinweise)).toEqual(['Zeile 1: Eine Spalte steht weder unter „spalten“ noch unter „ignorieren“ der Zuordnung und wird nicht übernommen: (ohne Überschrift: Spalte 3)']);
  });
});

describe('Runden in erhebungen.yaml', () => {
  function mitRunde2024(): string {
    const root = plan(MIT_RUNDE);
    mkdirSync(join(root, 'content', 'daten', 'erhebungen'));
    write(root, 'daten/erhebungen/2024-03.csv', 'schule;schuelerzahl\ngs-a;200\ngs-b;300\ngym-c;800\n');
    return root;
  }
  const zeilen2024 = [KOPF, [null, 'gs-a', 210, 60, 90, null, 'wichtig', null, null]];

  it('ersetzt eine Runde nur mit --ersetzen und behält dabei Kommentar und Titel', async () => {
    const root = mitRunde2024();
    const datei = await xlsx(root, zeilen2024);
    const ohne = await importiere(root, datei, { erhebung: '2024-03', stichtag: '2024-03-01' });
    expect(texte(ohne.fehler)).toEqual(['--erhebung: erwartet eine Erhebung, die es noch nicht gibt; gefunden: „2024-03“ unter „runden“ in content/daten/erhebungen.yaml']);
    expect(ohne.fehler[0]!.hinweis).toBe('Mit --ersetzen ersetzt der Import die Runde und content/daten/erhebungen/2024-03.csv.');
    expect(lies(root, 'daten/erhebungen/2024-03.csv')).toBe('schule;schuelerzahl\ngs-a;200\ngs-b;300\ngym-c;800\n');

    const mit = await importiere(root, datei, { erhebung: '2024-03', stichtag: '2024-03-01', ersetzen: true });
    expect(texte(mit.fehler)).toEqual([]);
    expect(mit.zusammenfassung!.ersetzt).toBe(true);
    expect(lies(root, 'daten/erhebungen.yaml')).toBe(MIT_RUNDE.replace('methode: Fragebogen # ausgefüllt von den Schulleitungen\n    quelle: Schulamt', 'methode: Online-Formular an alle Schulleitungen # ausgefüllt von den Schulleitungen\n    quelle: Schulamt Teststadt'));
    // Every mapped column was asked, even where no school answered it.
    expect(lies(root, 'daten/erhebungen/2024-03.csv')).toBe('schule;schuelerzahl;endgeraete_schueler;wlan_abdeckung;medienkonzept_stand;bedarf_wlan;haltung_mehrwert\ngs-a;210;60;90;;mittel;\n');
  });

  it('weist eine Erhebung ab, deren CSV es ohne Eintrag schon gibt', async () => {
    const root = mitRunde2024();
    write(root, 'daten/erhebungen/2025-05.csv', 'schule\n');
    const e = await importiere(root, await xlsx(root, zeilen2024));
    expect(texte(e.fehler)).toEqual(['--erhebung: erwartet eine Erhebung, die es noch nicht gibt; gefunden: die Datei content/daten/erhebungen/2025-05.csv']);
  });

  it('sortiert eine neue Runde nach dem Stichtag ein, im Stil der übrigen Einträge', () => {
    const neu = { id: '2023-09', stichtag: '2023-09-15', methode: 'Umfrage: online', quelle: 'Schulamt' };
    expect(trageRundeEin(MIT_RUNDE, neu)).toEqual({
      text: MIT_RUNDE.replace('  # Die erste Abfrage', '  - id: "2023-09"\n    stichtag: 2023-09-15\n    methode: "Umfrage: online"\n    quelle: Schulamt\n  # Die erste Abfrage'),
      ersetzt: false,
    });
    const flow = 'mindestgruppe: 10 # klein\nrunden:\n  - { id: "2022-03", stichtag: 2022-03-01, methode: Papier, quelle: Amt }\n';
    expect(trageRundeEin(flow, neu).text).toBe(`${flow}  - { id: "2023-09", stichtag: 2023-09-15, methode: "Umfrage: online", quelle: Schulamt }\n`);
    // The sample plan's file stays as it is around the new round.
    expect(trageRundeEin('mindestgruppe: 10\nrunden: []\nintern: [tickets]\n', neu).text).toBe('mindestgruppe: 10\nrunden:\n  - id: "2023-09"\n    stichtag: 2023-09-15\n    methode: "Umfrage: online"\n    quelle: Schulamt\nintern: [tickets]\n');
    expect(trageRundeEin('mindestgruppe: 10\nrunden:\n', neu).text).toBe('mindestgruppe: 10\nrunden:\n  - id: "2023-09"\n    stichtag: 2023-09-15\n    methode: "Umfrage: online"\n    quelle: Schulamt\n');
    const beispiel = readFileSync(join(PROJECT, 'content', 'daten', 'erhebungen.yaml'), 'utf8');
    const mitNeuer = trageRundeEin(beispiel, { ...neu, id: '2027-03', stichtag: '2027-03-01' }).text;
    expect(mitNeuer).toBe(`${beispiel}  - id: "2027-03"\n    stichtag: 2027-03-01\n    methode: "Umfrage: online"\n    quelle: Schulamt\n`);
  });

  it('verlangt erhebungen.yaml und sagt, was hineingehört, statt es zu erfinden', async () => {
    const root = plan(null);
    const e = await importiere(root, await xlsx(root, zeilen2024));
    expect(texte(e.fehler)).toEqual(['content/daten/erhebungen.yaml: erwartet die Erhebungen des Plans; gefunden: keine Datei']);
    expect(e.fehler[0]!.hinweis).toMatch(/^Die Datei anlegen mit „mindestgruppe: <Zahl>“/);
    expect(existsSync(join(root, 'content', 'daten', 'erhebungen.yaml'))).toBe(false);
  });

  it('prüft erhebungen.yaml mit dem Schema des Builds', async () => {
    const root = plan(KONFIGURATION.replace('mindestgruppe: 10\n', ''));
    const e = await importiere(root, await xlsx(root, zeilen2024));
    expect(texte(e.fehler)).toEqual(['content/daten/erhebungen.yaml:1: Feld „mindestgruppe“: erwartet eine ganze Zahl (z. B. 1.234); gefunden: nichts (Feld fehlt)']);
  });
});

describe('Optionen und Zuordnung', () => {
  it('prüft --erhebung und --stichtag', async () => {
    const root = plan();
    const e = await importiere(root, 'fehlt.xlsx', { erhebung: '2025-5', stichtag: '15.05.2025' });
    expect(texte(e.fehler)).toEqual([
      '--erhebung: erwartet Jahr und Monat der Erhebung, z. B. 2026-03; gefunden: „2025-5“',
      '--stichtag: erwartet ein Datum im Format JJJJ-MM-TT, z. B. 2026-03-01; gefunden: „15.05.2025“',
      'fehlt.xlsx: erwartet die Datei mit den Antworten der Schulen (.xlsx oder .csv); gefunden: keine Datei',
    ]);
  });

  it('prüft die Zuordnung und nennt Datei, Zeile und Feld', async () => {
    const zuordnung = 'methode: Formular\ntabelle: 1\nschule: { spalte: Schulnummer, nach: kennung }\nspalten:\n  "WLAN in %": wlan\n';
    const root = plan(KONFIGURATION, zuordnung);
    const e = await importiere(root, await xlsx(root, [KOPF]));
    expect(texte(e.fehler)).toEqual([
      'content/daten/erhebungen-zuordnung.yaml:1: Feld „quelle“: erwartet die Quelle der Antworten als Text, z. B. „Schulverwaltungsamt“; gefunden: nichts (Feld fehlt)',
      'content/daten/erhebungen-zuordnung.yaml:3: Feld „schule.nach“: erwartet „id“ (die Kennung aus daten/schulen.csv) oder „name“ (der Name aus daten/schulen.csv); gefunden: „kennung“',
      `content/daten/erhebungen-zuordnung.yaml:5: Feld „spalten.WLAN in %“: erwartet eine Spalte von Planwerk: ${bekannteSpalten(undefined).join(', ')}, bedarf_wlan, haltung_mehrwert; gefunden: „wlan“`,
      'content/daten/erhebungen-zuordnung.yaml:2: erwartet nur bekannte Felder (methode, quelle, titel, beschreibung, blatt, schule, spalten, ignorieren, werte); gefunden: das unbekannte Feld „tabelle“',
    ]);
  });

  it('weist auf einen Stichtag außerhalb des Monats und nach dem Stand des Plans hin', async () => {
    const root = plan();
    const e = await importiere(root, await xlsx(root, [KOPF, [null, 'gs-a', 200, 60, 100, null, null, null, null]]), { erhebung: '2025-07', stichtag: '2025-08-01', schreiben: false });
    expect(texte(e.fehler)).toEqual([]);
    expect(texte(e.hinweise.filter((h) => !h.inZusammenfassung))).toEqual([
      '--stichtag: Der Stichtag 2025-08-01 liegt nicht im Monat der Erhebung 2025-07.',
      '--stichtag: Der Stichtag 2025-08-01 liegt nach dem Stand des Plans (2025-06-30); der Build lehnt die Runde ab, bis „stand“ in plan.yaml nachgezogen ist.',
    ]);
  });

  it('nennt eine fehlende Zuordnung', async () => {
    const root = plan();
    const e = await importiere(root, await xlsx(root, [KOPF]), { zuordnung: 'andere.yaml' });
    expect(texte(e.fehler)).toEqual(['andere.yaml: erwartet die Zuordnung der Spalten (eine YAML-Datei); gefunden: keine Datei']);
  });

  it('Hilfsfunktionen: Spaltenbuchstaben, Trennzeichen, Zahlen aus Excel', () => {
    expect([0, 5, 25, 26, 701, 702].map(spaltenbuchstabe)).toEqual(['A', 'F', 'Z', 'AA', 'ZZ', 'AAA']);
    expect([trennzeichen('a;b;"c,d"'), trennzeichen('a,b,"c;d;e"'), trennzeichen('a\tb'), trennzeichen('schule')]).toEqual([';', ',', '\t', ';']);
    expect([deutscheZahl(87.5), deutscheZahl(1234), deutscheZahl(0.1 + 0.2), deutscheZahl(-2.25)]).toEqual(['87,5', '1234', '0,3', '-2,25']);
  });
});

describe('npm run import', () => {
  const cli = (root: string, ...args: string[]) => cliMit(root, {}, ...args);
  const cliMit = (root: string, env: Record<string, string>, ...args: string[]) => {
    const { PLANWERK_CONTENT: _, ...rest } = process.env;
    return spawnSync(process.execPath, [join(PROJECT, 'src', 'cli', 'import.ts'), ...args], { cwd: root, encoding: 'utf8', env: { ...rest, ...env } });
  };

  it('endet bei Fehlern mit Exit-Code 1 und deutscher Meldung, sonst mit der Zusammenfassung', async () => {
    const root = plan();
    await xlsx(root, [KOPF, [null, 'gs-a', 200, 60, 'hundert', null, null, null, null]], 'Blatt1', 'falsch.xlsx');
    const falsch = cli(root, 'erhebung', 'falsch.xlsx', '--erhebung', '2025-05', '--stichtag', '2025-05-15');
    expect(falsch.status).toBe(1);
    expect(falsch.stderr).toContain('Fehler: Blatt1!E2, Spalte „WLAN in %“: erwartet eine Zahl in deutscher Schreibweise (z. B. 1.234,56); gefunden: „hundert“\n');
    expect(falsch.stderr).toContain('1 Fehler; nichts geschrieben.');

    await xlsx(root, [KOPF, [null, 'gs-a', 200, 60, 100, null, null, null, null]], 'Blatt1', 'gut.xlsx');
    const gut = cli(root, 'erhebung', 'gut.xlsx', '--erhebung', '2025-05', '--stichtag', '2025-05-15');
    expect(gut.stderr).toBe('');
    expect(gut.status).toBe(0);
    expect(gut.stdout).toContain('Erhebung 2025-05 (Stichtag 2025-05-15) übernommen: 1 Schule, 6 Felder.');
    expect(gut.stdout).toContain('  Schulen ohne Antwort: gs-b (Grundschule B), gym-c (Gymnasium C)');
    expect(gut.stdout).not.toContain('Hinweis:');

    const ohne = cli(root, 'erhebung', 'gut.xlsx', '--erhebung', '2025-05');
    expect(ohne.status).toBe(1);
    expect(ohne.stderr).toMatch(/^Es fehlt die Option --stichtag\./);
  });

  it('findet den Plan wie die übrigen Befehle: --inhalt, sonst PLANWERK_CONTENT, sonst content/', async () => {
    const root = plan();
    renameSync(join(root, 'content'), join(root, 'stadt'));
    await xlsx(root, [KOPF, [null, 'gs-a', 200, 60, 100, null, null, null, null]]);
    const args = ['erhebung', 'umfrage.xlsx', '--erhebung', '2025-05', '--stichtag', '2025-05-15'];

    const ohne = cli(root, ...args);
    expect(ohne.status).toBe(1);
    expect(ohne.stderr).toContain('Fehler: content: erwartet den Ordner des Plans');

    const perUmgebung = cliMit(root, { PLANWERK_CONTENT: 'stadt' }, ...args, '--ersetzen');
    expect(perUmgebung.stderr).toBe('');
    expect(readFileSync(join(root, 'stadt', 'daten', 'erhebungen', '2025-05.csv'), 'utf8')).toContain('gs-a;');

    const perOption = cliMit(root, { PLANWERK_CONTENT: 'gibt-es-nicht' }, ...args, '--inhalt', 'stadt', '--ersetzen');
    expect(perOption.stderr).toBe('');
    expect(perOption.stdout).toContain('Erhebung 2025-05 (Stichtag 2025-05-15) ersetzt: 1 Schule');
    expect(perOption.stdout).toContain('Geschrieben: stadt/daten/erhebungen/2025-05.csv, stadt/daten/erhebungen.yaml');
    expect(existsSync(join(root, 'content'))).toBe(false);
  });
});

describe('Die Beispielzuordnung in docs/', () => {
  const ZUORDNUNG_BEISPIEL = join(PROJECT, 'docs', 'erhebungen-zuordnung.beispiel.yaml');
  const ORIGINAL = readFileSync(join(PROJECT, 'content', 'daten', 'erhebungen', '2026-09.csv'), 'utf8');

  /** The latest round of Musterstadt as the form of the example mapping would export it: the form's headings and words, newest answers first. */
  function formularExport(): string[][] {
    const zuordnung = parseYaml(readFileSync(ZUORDNUNG_BEISPIEL, 'utf8')) as { spalten: Record<string, string>; ignorieren: string[]; werte: Record<string, Record<string, string>> };
    const [kopf, ...zeilen] = parseCsv(ORIGINAL, { delimiter: ';' }) as string[][];
    const ueberschrift = new Map(Object.entries(zuordnung.spalten).map(([u, spalte]) => [spalte, u]));
    const wort = (spalte: string, wert: string) => {
      const tabelle = zuordnung.werte[spalte] ?? (spalte.startsWith('bedarf_') ? zuordnung.werte.bedarfe : spalte.startsWith('stufe_') ? zuordnung.werte.stufen : undefined);
      return Object.entries(tabelle ?? {}).find(([, w]) => w === wert && wert !== '')?.[0] ?? wert;
    };
    const spalten = kopf!.slice(1);
    expect(spalten.filter((s) => !ueberschrift.has(s)), 'jede Spalte der Runde hat eine Überschrift in der Zuordnung').toEqual([]);
    const exportKopf = [zuordnung.ignorieren[0]!, 'Kennung der Schule', ...spalten.map((s) => ueberschrift.get(s)!), zuordnung.ignorieren.at(-1)!];
    return [exportKopf, ...zeilen.reverse().map(([schule, ...werte]) => ['2026-09-20 10:15', schule!, ...werte.map((w, i) => wort(spalten[i]!, w)), ''])];
  }
  const importiereBeispiel = (datei: string) =>
    importiereErhebung({ datei, erhebung: '2026-09', stichtag: '2026-09-15', inhalt: join(PROJECT, 'content'), zuordnung: ZUORDNUNG_BEISPIEL, ersetzen: true, schreiben: false, projekt: PROJECT });

  it('übernimmt die letzte Runde von Musterstadt aus einem Formular-Export Zelle für Zelle unverändert', async () => {
    const tabelle = formularExport();
    const datei = join(copyFixture(), 'formular.csv');
    writeFileSync(datei, stringifyCsv(tabelle, { delimiter: ';' }));
    const ergebnis = await importiereBeispiel(datei);
    expect(ergebnis.fehler.map(meldungText)).toEqual([]);
    expect(ergebnis.hinweise.map(meldungText)).toEqual([]);
    expect(ergebnis.geschrieben).toBe(false);
    expect(ergebnis.csv).toBe(ORIGINAL);
    expect(ergebnis.yaml).toBe(readFileSync(join(PROJECT, 'content', 'daten', 'erhebungen.yaml'), 'utf8'));
    expect(ergebnis.zusammenfassung?.schulen).toBe(tabelle.length - 1);
  });

  it('gibt die Fehlermeldung, die der Leitfaden für die Redaktion zeigt', async () => {
    const leitfaden = readFileSync(join(PROJECT, 'docs', 'redaktion.md'), 'utf8');
    const abschnitt = leitfaden.slice(leitfaden.indexOf('## Eine neue Erhebung übernehmen'));
    const gezeigt = /^Fehler: (\w+)!([A-Z]+)(\d+), Spalte „([^“]+)“: .*; gefunden: „([^“]*)“$/m.exec(abschnitt);
    expect(gezeigt, 'ein Beispiel „Fehler: Blatt1!…“ im Abschnitt').not.toBeNull();
    const [zeile, , spalte, nummer, ueberschrift, wert] = gezeigt!;
    const tabelle = formularExport();
    const index = tabelle[0]!.indexOf(ueberschrift!);
    expect(spaltenbuchstabe(index)).toBe(spalte);
    tabelle[Number(nummer) - 1]![index] = wert!;
    const root = copyFixture();
    await xlsx(root, tabelle.map((z) => z.map((zelle) => zelle || null)));
    const ergebnis = await importiereBeispiel(join(root, 'umfrage.xlsx'));
    expect(ergebnis.fehler.map((m) => `Fehler: ${meldungText(m)}`)).toEqual([zeile]);
  });
});
