/**
 * The corpus of broken plans (tests/helpers/meldungskorpus.ts), one mistake each, as editors
 * make them: Excel's CSV variants, YAML typed by hand, invisible characters from copied text,
 * years with a typo. Each case copies the minimal fixture, makes one change, and checks
 * that the message names the file and the line or field, says what is wrong in German, and
 * carries no English framework text. Cases that must pass check that the plan is read as meant.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { append, copyFixture, edit, messages, modelOf, write } from '../helpers/fixture.ts';
import { ENGLISCH, FAELLE, everyFile, read } from '../helpers/meldungskorpus.ts';
import { planWarnungen } from '../../src/pruefung/validate.ts';
import { formatProblem } from '../../src/plan/problems.ts';

describe('Meldungen für Redaktionen', () => {
  it('hat einen Korpus von mindestens 40 Fehlern', () => {
    expect(FAELLE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(FAELLE.map((f) => [f.was, f] as const))('%s', (_, fall) => {
    const root = copyFixture();
    fall.aenderung(root);
    const list = messages(root, fall.umbenennungen);
    expect(list.length, 'mindestens eine Meldung').toBeGreaterThan(0);
    const ort = fall.zeile ? `${fall.datei}:${fall.zeile}` : fall.datei;
    const treffer = list.find((m) => (m.startsWith(`${ort},`) || m.startsWith(`${ort}:`)) && m.includes(fall.text) && (!fall.feld || m.includes(`Feld „${fall.feld}“`)));
    expect(treffer, `erwartet eine Meldung für ${ort}${fall.feld ? ` (Feld ${fall.feld})` : ''} mit „${fall.text}“, gefunden:\n${list.join('\n')}`).toBeDefined();
    for (const m of list) {
      expect(m, 'deutsche Meldung ohne englischen Framework-Text').not.toMatch(ENGLISCH);
      expect(m).not.toMatch(/\n\s+at /);
    }
    if (fall.anzahl !== undefined) expect(list, list.join('\n')).toHaveLength(fall.anzahl);
  });
});

describe('Dateien im Planordner', () => {
  it('nimmt das Ankerregister, die Zuordnung des Imports, Mediendateien und Dateien des Editors hin', () => {
    const root = copyFixture();
    for (const ordner of ['medien', '.vscode']) mkdirSync(join(root, 'content', ordner));
    write(root, 'anker.json', '{}\n');
    write(root, 'daten/erhebungen-zuordnung.yaml', 'methode: x\n');
    write(root, 'medien/dgs.vtt', 'WEBVTT\n');
    write(root, '.vscode/settings.json', '{}\n');
    write(root, 'daten/.~lock.inventar.csv#', 'x');
    expect(messages(root).filter((m) => m.includes('zu keinem Teil des Plans'))).toEqual([]);
  });
});

describe('Ersatzjahre außerhalb des Planungshorizonts', () => {
  it('warnt bei einem Ersatzjahr weit nach dem Horizont, mit Zeile und Feld in inventar.csv', () => {
    const root = copyFixture();
    edit(root, 'daten/inventar.csv', ';2021;;Ist;', ';2021;2062;Ist;');
    expect(messages(root)).toEqual([]);
    const warnungen = planWarnungen(modelOf(root)).map(formatProblem);
    expect(warnungen).toEqual([
      'content/daten/inventar.csv:2, Eintrag „tab-1“, Feld „ersatzjahr“: erwartet ein erstes Ersatzjahr nahe am Planungshorizont 2025–2027 (content/plan.yaml), höchstens eine Nutzungsdauer (5 Jahre) nach seinem Ende; gefunden: 2062; die Zeile wird im Planungshorizont nie ersetzt und fehlt im Bedarf',
    ]);
    expect(warnungen.join('\n')).not.toMatch(ENGLISCH);
  });

  it('warnt bei einem Beschaffungsjahr mehr als eine Nutzungsdauer vor dem Horizont', () => {
    const root = copyFixture();
    edit(root, 'daten/inventar.csv', ';8;2020;;', ';8;1992;;');
    const [warnung, ...rest] = planWarnungen(modelOf(root)).map(formatProblem);
    expect(rest).toEqual([]);
    expect(warnung).toMatch(/^content\/daten\/inventar\.csv:3, Eintrag „disp-1“, Feld „beschaffungsjahr“: erwartet .*höchstens eine Nutzungsdauer \(8 Jahre\) vor seinem Beginn; gefunden: 2000 \(beschaffungsjahr 1992 \+ nutzungsdauer 8\); die Zeile wird im Planungshorizont nie ersetzt und fehlt im Bedarf$/);
  });

  it('warnt nicht bei Ersatzjahren nahe am Horizont, auch nicht beim Beispielplan', () => {
    const root = copyFixture();
    // The fixture's displays (2020 + 8 = 2028) are replaced just after the horizon 2025–2027: no warning.
    expect(planWarnungen(modelOf(root))).toEqual([]);
    // Bought this year with a long Nutzungsdauer: replaced after the horizon, as it should be.
    edit(root, 'daten/inventar.csv', ';8;2020;;', ';8;2025;;');
    expect(planWarnungen(modelOf(root))).toEqual([]);
  });

  it('lastet ein falsches Ersatzjahr nicht den angegebenen Summen in summen.csv an', () => {
    const root = copyFixture();
    // Investitionen 2026: 950 Tablets zu 449,00 € (beschafft 2021, fünf Jahre Nutzungsdauer).
    append(root, 'daten/summen.csv', 'Investitionen;2026;426.550,00;;Vorlage 2\n');
    expect(messages(root)).toEqual([]);
    edit(root, 'daten/inventar.csv', ';2021;;Ist;', ';2021;2062;Ist;');
    expect(messages(root)).toEqual([]);
    const warnungen = planWarnungen(modelOf(root));
    expect(warnungen).toHaveLength(1);
    expect(warnungen[0]!.file).toBe('content/daten/inventar.csv');
    expect(warnungen[0]!.found).toContain('summen.csv prüft Planwerk erst wieder, wenn das Jahr stimmt');
    // Without a suspicious year, a wrong stated sum is still an error.
    edit(root, 'daten/inventar.csv', ';2021;2062;Ist;', ';2021;;Ist;');
    edit(root, 'daten/summen.csv', '426.550,00', '426.000,00');
    expect(messages(root)).toEqual([expect.stringMatching(/^content\/daten\/summen\.csv:3, .*Feld „angegeben“/)]);
  });
});

describe('Was Redaktionen aus Gewohnheit tun und gelten darf', () => {
  it('nimmt Zeilenenden im Windows-Format (CRLF) in allen Dateien an', () => {
    const root = copyFixture();
    everyFile(root, (t) => t.replace(/\r?\n/g, '\r\n'));
    expect(messages(root)).toEqual([]);
    const model = modelOf(root);
    expect(model.schulen.find((s) => s.id === 'gym-c')?.data.medienkonzept_url).toBeUndefined();
    expect(model.akteure.map((a) => a.data.name)).toEqual(['Schulverwaltungsamt', 'IT-Dienstleister', 'Schulen']);
  });

  it('nimmt ein Byte-Order-Mark am Anfang jeder Datei an (Excel „CSV UTF-8“)', () => {
    const root = copyFixture();
    everyFile(root, (t) => `\uFEFF${t}`);
    expect(messages(root)).toEqual([]);
    expect(modelOf(root).schulen.map((s) => s.id)).toEqual(['gs-a', 'gs-b', 'gym-c']);
  });

  it('überspringt leere Zeilen aus Semikolons und leere Spalten ohne Namen, wie Excel sie schreibt', () => {
    const root = copyFixture();
    const lines = read(root, 'daten/laufende-kosten.csv').trimEnd().split('\n');
    write(root, 'daten/laufende-kosten.csv', [...lines.map((l) => `${l};;`), ';;;;;;', ''].join('\n'));
    expect(messages(root)).toEqual([]);
    expect(modelOf(root).laufendeKosten.map((k) => k.id)).toEqual(['2025-Personal', '2025-Lizenzen', '2026-Personal']);
  });

  it('liest „#“ in einer Zelle, Zoll-Zeichen und „;“ in Anführungszeichen als Text', () => {
    const root = copyFixture();
    edit(root, 'daten/inventar.csv', 'Tablet 10 Zoll', 'Tablet 10" für Raum #3');
    edit(root, 'daten/inventar.csv', 'Display 75 Zoll', '"Display; 75 Zoll"');
    expect(messages(root)).toEqual([]);
    expect(modelOf(root).inventar.map((i) => i.data.bezeichnung)).toEqual(['Tablet 10" für Raum #3', 'Display; 75 Zoll']);
  });

  it('nimmt ein geschütztes Leerzeichen in einem Text an (nur IDs müssen sichtbar sein)', () => {
    const root = copyFixture();
    edit(root, 'akteure.yaml', 'name: IT-Dienstleister', 'name: IT-Dienstleister\u00A0GmbH');
    expect(messages(root)).toEqual([]);
  });

  it('nimmt einen Doppelpunkt in Anführungszeichen an', () => {
    const root = copyFixture();
    edit(root, 'akteure.yaml', 'name: Schulverwaltungsamt', 'name: "Schulverwaltungsamt: Abteilung 40"');
    expect(messages(root)).toEqual([]);
    expect(modelOf(root).akteure[0]!.data.name).toBe('Schulverwaltungsamt: Abteilung 40');
  });

  it.each(['Erste Zeile<br />zweite Zeile', 'Erste Zeile<br>zweite Zeile', '<!-- Notiz der Redaktion -->', 'Text <!-- Notiz --> und mehr Text'])('nimmt %s im Text an', (zeile) => {
    const root = copyFixture();
    append(root, 'kapitel/vorwort.mdx', `\n${zeile}\n`);
    expect(messages(root)).toEqual([]);
  });
});
