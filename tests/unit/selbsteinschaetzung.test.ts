/**
 * The schools' self-evaluation on a small plan made here from the minimal fixture, with
 * hand-worked figures (mindestgruppe 3; levels einstieg < aufbau < vorreiter):
 *
 *            2022-03       2024-03
 *   school   ausstattung   ausstattung  unterricht
 *   gs-1     einstieg      Aufbau (by name)  einstieg
 *   gs-2     einstieg      einstieg     aufbau
 *   gs-3     aufbau        aufbau       –  (no answer)
 *   gs-4     –             vorreiter    aufbau
 *   gym-1    aufbau        vorreiter    aufbau
 *   gym-2    einstieg      aufbau       einstieg
 *   gym-3    (not in 2022) einstieg     –
 *
 * 2022 did not ask about Unterricht. I-01 is meant for Ausstattung/Einstieg, I-02 for
 * Unterricht/Aufbau or Vorreiter.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { copyFixture, edit, messages, modelOf, write } from '../helpers/fixture.ts';
import { erhebungsdaten, oeffentlich } from '../../src/rechnen/erhebungen.ts';
import { massnahmenFuerStufen, stufenDerSchule, verbergeRueckrechenbare, verteilung, zielgruppenText, type VerteilungsZeile } from '../../src/rechnen/selbsteinschaetzung.ts';
import { offeneDateien } from '../../src/ausgabe/offenedaten/index.ts';
import { importiereErhebung } from '../../src/cli/erhebungsimport.ts';

const SCHULEN = `id;name;schulform;stadtbezirk;seit;bis;nachfolger
gs-1;Grundschule Eins;grundschule;;;;
gs-2;Grundschule Zwei;grundschule;;;;
gs-3;Grundschule Drei;grundschule;;;;
gs-4;Grundschule Vier;grundschule;;;;
gym-1;Gymnasium Eins;gymnasium;;;;
gym-2;Gymnasium Zwei;gymnasium;;;;
gym-3;Gymnasium Drei;gymnasium;;;;
`;
const konfiguration = (veroeffentlichen?: string) => `mindestgruppe: 3
selbsteinschaetzung:
${veroeffentlichen ? `  veroeffentlichen: ${veroeffentlichen}\n` : ''}  stufen:
    - { id: einstieg, name: Einstieg, beschreibung: Erste Schritte. }
    - { id: aufbau, name: Aufbau }
    - { id: vorreiter, name: Vorreiter, beschreibung: Gibt Erfahrung weiter. }
  bereiche:
    - { id: ausstattung, name: Ausstattung, stufen: { einstieg: Geräte im Koffer. } }
    - { id: unterricht, name: Unterricht }
runden:
  - { id: "2022-03", stichtag: 2022-03-01, methode: Fragebogen, quelle: Schulamt }
  - { id: "2024-03", stichtag: 2024-03-01, methode: Online-Formular, quelle: Schulamt }
`;
const RUNDE_2022 = 'schule;schuelerzahl;endgeraete_schueler;stufe_ausstattung\ngs-1;100;10;einstieg\ngs-2;100;10;einstieg\ngs-3;100;10;aufbau\ngs-4;100;10;\ngym-1;500;50;aufbau\ngym-2;500;50;einstieg\n';
const RUNDE_2024 = 'schule;schuelerzahl;endgeraete_schueler;stufe_ausstattung;stufe_unterricht\ngs-1;100;20;Aufbau;einstieg\ngs-2;100;20;einstieg;aufbau\ngs-3;100;20;aufbau;\ngs-4;100;20;vorreiter;aufbau\ngym-1;500;90;vorreiter;aufbau\ngym-2;500;90;aufbau;einstieg\ngym-3;500;90;einstieg;\n';

function plan(veroeffentlichen?: string): string {
  const root = copyFixture();
  write(root, 'daten/schulen.csv', SCHULEN);
  write(root, 'daten/erhebungen.yaml', konfiguration(veroeffentlichen));
  const ordner = join(root, 'content', 'daten', 'erhebungen');
  mkdirSync(ordner, { recursive: true });
  writeFileSync(join(ordner, '2022-03.csv'), RUNDE_2022);
  writeFileSync(join(ordner, '2024-03.csv'), RUNDE_2024);
  edit(root, 'massnahmen/i-01.mdx', 'zeitraum:', 'fuerStufen: [{ bereich: ausstattung, stufen: [einstieg] }]\nzeitraum:');
  edit(root, 'massnahmen/i-02.mdx', 'zeitraum:', 'fuerStufen:\n  - bereich: unterricht\n    stufen: [aufbau, vorreiter]\nzeitraum:');
  // With two rounds, every school figure in prose names its round.
  edit(root, 'kapitel/vorwort.mdx', '<Kennzahl name="schulen" />', '<Kennzahl name="schulen" erhebung="2024-03" />');
  edit(root, 'kapitel/vorwort.mdx', 'schulform="grundschule" />', 'schulform="grundschule" erhebung="2024-03" />');
  return root;
}

const zeilen = (v: ReturnType<typeof verteilung>) => v!.zeilen.map((z) => [z.name, z.verborgen, z.schulen, z.anzahl]);

describe('Selbsteinschätzung lesen und zusammenfassen', () => {
  const model = modelOf(plan('schule'));

  it('liest Stufen nach Kennung oder Namen und lässt leere Zellen leer', () => {
    const jeSchule = erhebungsdaten(model).jeSchule;
    expect(jeSchule.get('gs-1')!.map((s) => s.stufen)).toEqual([{ ausstattung: 'einstieg' }, { ausstattung: 'aufbau', unterricht: 'einstieg' }]);
    expect(jeSchule.get('gs-3')!.at(-1)!.stufen).toEqual({ ausstattung: 'aufbau' });
  });

  it('zeigt Schulformen ab der Mindestgröße und die Summe aller Schulen', () => {
    expect(zeilen(verteilung(model, '2024-03', 'ausstattung'))).toEqual([
      ['Grundschule', false, 4, { einstieg: 1, aufbau: 2, vorreiter: 1 }],
      ['Gymnasium', false, 3, { einstieg: 1, aufbau: 1, vorreiter: 1 }],
      ['Alle Schulen', false, 7, { einstieg: 2, aufbau: 3, vorreiter: 2 }],
    ]);
  });

  it('verbirgt eine zu kleine Gruppe und die Gruppe, aus der sie sich errechnen ließe', () => {
    // Unterricht 2024: two Gymnasien answered (< 3). Alle (5) minus Grundschule (3) would give them away.
    expect(zeilen(verteilung(model, '2024-03', 'unterricht'))).toEqual([
      ['Grundschule', 'rueckrechnung', 0, {}],
      ['Gymnasium', 'zu-klein', 0, {}],
      ['Alle Schulen', false, 5, { einstieg: 2, aufbau: 3, vorreiter: 0 }],
    ]);
    // 2022 did not ask about Unterricht at all.
    expect(verteilung(model, '2022-03', 'unterricht')).toBeUndefined();
  });

  it('verbirgt die kleinsten übrigen Gruppen, bis die verborgenen zusammen die Mindestgröße erreichen', () => {
    const z = (name: string, schulen: number, verborgen: VerteilungsZeile['verborgen'] = false): VerteilungsZeile => ({ schulform: name, name, schulen, verborgen, anzahl: {} });
    const gruppen = [z('a', 2, 'zu-klein'), z('b', 12), z('c', 5), z('d', 40), z('e', 1, 'zu-klein')];
    verbergeRueckrechenbare(gruppen, 10);
    // 2 + 1 hidden; then c (5) makes 8, b (12) makes 20 ≥ 10; d stays.
    expect(gruppen.map((g) => [g.name, g.verborgen])).toEqual([['a', 'zu-klein'], ['b', 'rueckrechnung'], ['c', 'rueckrechnung'], ['d', false], ['e', 'zu-klein']]);
    const keine = [z('a', 12), z('b', 15)];
    verbergeRueckrechenbare(keine, 10);
    expect(keine.every((g) => !g.verborgen)).toBe(true);
  });

  it('zeigt einer Schule ihre Stufen über die Runden, mit „nicht erhoben“ und „keine Angabe“', () => {
    const verlauf = stufenDerSchule(model, 'gs-3').map((v) => [v.runde.id, Object.fromEntries(Object.entries(v.stufen).map(([b, x]) => [b, 'stufe' in x ? x.stufe.id : x.fehlt]))]);
    expect(verlauf).toEqual([
      ['2022-03', { ausstattung: 'aufbau', unterricht: 'nicht erhoben' }],
      ['2024-03', { ausstattung: 'aufbau', unterricht: 'keine Angabe' }],
    ]);
  });

  it('nennt einer Schule die Maßnahmen für ihre aktuelle Stufe, mit dem Grund', () => {
    const fuer = (schule: string) => massnahmenFuerStufen(model, schule).map((x) => [x.massnahme.id, x.gruende.map((g) => `${g.bereich.id}:${g.stufe.id}:${g.runde.id}`)]);
    expect(fuer('gs-2')).toEqual([['I-01', ['ausstattung:einstieg:2024-03']], ['I-02', ['unterricht:aufbau:2024-03']]]);
    // gs-1 was on Einstieg in 2022 only: the latest round counts.
    expect(fuer('gs-1')).toEqual([]);
    expect(fuer('gs-3')).toEqual([]);
    expect(fuer('gym-3')).toEqual([['I-01', ['ausstattung:einstieg:2024-03']]]);
    const i02 = model.massnahmen.find((m) => m.id === 'I-02')!;
    expect(zielgruppenText(model, i02)).toEqual(['Schulen auf Stufe Aufbau oder Vorreiter im Bereich Unterricht']);
  });

  it('veröffentlicht Stufen je Schule und Gruppen als offene Daten', () => {
    const dateien = offeneDateien(model);
    const tabelle = (name: string) => parse(dateien.find((d) => d.name === `${name}.csv`)!.inhalt, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    const werte = tabelle('erhebungswerte');
    expect(werte.find((z) => z.runde === '2024-03' && z.schule === 'gs-1')).toMatchObject({ stufe_ausstattung: 'aufbau', stufe_unterricht: 'einstieg' });
    const gruppen = tabelle('selbsteinschaetzung');
    // Every group shown on the page and no other: 2022 Ausstattung only Alle, 2024 Ausstattung three groups, 2024 Unterricht only Alle.
    expect([...new Set(gruppen.map((z) => `${z.runde} ${z.bereich} ${z.name}`))]).toEqual([
      '2022-03 ausstattung Alle Schulen',
      '2024-03 ausstattung Grundschule',
      '2024-03 ausstattung Gymnasium',
      '2024-03 ausstattung Alle Schulen',
      '2024-03 unterricht Alle Schulen',
    ]);
    expect(gruppen.filter((z) => z.runde === '2022-03').map((z) => [z.stufe, z.schulen])).toEqual([['einstieg', '3'], ['aufbau', '2'], ['vorreiter', '0']]);
  });
});

describe('Selbsteinschätzung nur als Gesamtbild', () => {
  const model = modelOf(plan());

  it('veröffentlicht keine Stufe einer einzelnen Schule, auch nicht über ihre Maßnahmen', () => {
    expect(oeffentlich(model, 'stufe_ausstattung')).toBe(false);
    expect(stufenDerSchule(model, 'gs-2')).toEqual([]);
    expect(massnahmenFuerStufen(model, 'gs-2')).toEqual([]);
    const dateien = offeneDateien(model);
    const werte = dateien.find((d) => d.name === 'erhebungswerte.csv')!.inhalt;
    expect(werte.split('\n')[0]).not.toContain('stufe_');
    // The groups are the same as with per-school publication.
    expect(zeilen(verteilung(model, '2024-03', 'unterricht')).map((z) => z[1])).toEqual(['rueckrechnung', 'zu-klein', false]);
  });
});

describe('Fehler in der Selbsteinschätzung', () => {
  it('nennt Datei, Feld, Erwartetes und Gefundenes', () => {
    const root = plan('schule');
    edit(root, 'daten/erhebungen/2024-03.csv', 'gym-3;500;90;einstieg;', 'gym-3;500;90;profi;');
    edit(root, 'daten/erhebungen/2022-03.csv', 'schule;schuelerzahl;endgeraete_schueler;stufe_ausstattung', 'schule;schuelerzahl;endgeraete_schueler;stufe_austattung');
    edit(root, 'massnahmen/i-01.mdx', 'bereich: ausstattung, stufen: [einstieg]', 'bereich: technik, stufen: [start]');
    edit(root, 'daten/erhebungen.yaml', '{ id: vorreiter, name: Vorreiter,', '{ id: aufbau, name: Vorreiter,');
    edit(root, 'daten/erhebungen.yaml', 'stufen: { einstieg: Geräte im Koffer. }', 'stufen: { anfang: Geräte im Koffer. }');
    expect(messages(root)).toEqual([
      'content/daten/erhebungen/2022-03.csv:1, Feld „stufe_austattung“: erwartet einen Bereich der Selbsteinschätzung aus content/daten/erhebungen.yaml (selbsteinschaetzung.bereiche): stufe_ausstattung, stufe_unterricht; gefunden: die unbekannte Spalte „stufe_austattung“',
      'content/daten/erhebungen/2024-03.csv:8, Eintrag „gym-3“, Feld „stufe_ausstattung“: erwartet eine Stufe aus daten/erhebungen.yaml (selbsteinschaetzung.stufen): einstieg („Einstieg“), aufbau („Aufbau“), aufbau („Vorreiter“); gefunden: „profi“',
      'content/daten/erhebungen.yaml, Eintrag „erhebungen“, Feld „selbsteinschaetzung.stufen.2.id“: erwartet eine ID, die kein anderer Eintrag der Liste hat; gefunden: „aufbau“ ein zweites Mal',
      'content/daten/erhebungen.yaml, Eintrag „erhebungen“, Feld „selbsteinschaetzung.bereiche.0.stufen.anfang“: erwartet eine Stufe aus selbsteinschaetzung.stufen: einstieg, aufbau, aufbau; gefunden: „anfang“',
      'content/massnahmen/i-01.mdx:1, Eintrag „I-01“, Feld „fuerStufen.0.bereich“: erwartet einen Bereich aus content/daten/erhebungen.yaml (selbsteinschaetzung.bereiche): ausstattung, unterricht; gefunden: „technik“',
      'content/massnahmen/i-01.mdx:1, Eintrag „I-01“, Feld „fuerStufen.0.stufen.0“: erwartet eine Stufe aus content/daten/erhebungen.yaml (selbsteinschaetzung.stufen): einstieg, aufbau, aufbau; gefunden: „start“',
      // The renamed level „vorreiter“ no longer exists: I-02 names it.
      'content/massnahmen/i-02.mdx:1, Eintrag „I-02“, Feld „fuerStufen.0.stufen.1“: erwartet eine Stufe aus content/daten/erhebungen.yaml (selbsteinschaetzung.stufen): einstieg, aufbau, aufbau; gefunden: „vorreiter“',
    ]);
  });

  it('verlangt für Maßnahmen mit Stufen ein Raster im Plan', () => {
    const root = copyFixture();
    edit(root, 'massnahmen/i-01.mdx', 'zeitraum:', 'fuerStufen: [{ bereich: ausstattung, stufen: [einstieg] }]\nzeitraum:');
    expect(messages(root)).toEqual([
      'content/massnahmen/i-01.mdx:1, Eintrag „I-01“, Feld „fuerStufen.0“: erwartet eine Selbsteinschätzung der Schulen in content/daten/erhebungen.yaml (selbsteinschaetzung), auf deren Stufen sich die Maßnahme bezieht; gefunden: keine im Plan',
    ]);
  });
});

describe('Selbsteinschätzung aus einem Formular übernehmen', () => {
  it('übernimmt Antwortwörter eines Formulars als Kennungen der Stufen', async () => {
    const root = plan('schule');
    const exportDatei = join(root, 'formular.csv');
    writeFileSync(exportDatei, 'Schule,Ausstattung (Selbsteinschätzung),Unterricht (Selbsteinschätzung)\ngs-1,Stufe 1 – Einstieg,VORREITER\ngs-2,Stufe 2 – Aufbau,\ngym-1,Vorreiter,stufe 2 – aufbau\n');
    writeFileSync(
      join(root, 'content', 'daten', 'erhebungen-zuordnung.yaml'),
      'methode: Online-Formular\nquelle: Schulamt\nschule: { spalte: Schule }\nspalten:\n  "Ausstattung (Selbsteinschätzung)": stufe_ausstattung\n  "Unterricht (Selbsteinschätzung)": stufe_unterricht\nwerte:\n  stufen: { "Stufe 1 – Einstieg": einstieg, "Stufe 2 – Aufbau": aufbau }\n',
    );
    const ergebnis = await importiereErhebung({ datei: exportDatei, erhebung: '2025-03', stichtag: '2025-03-01', projekt: root, inhalt: 'content' });
    expect(ergebnis.fehler).toEqual([]);
    const csv = parse(ergebnis.csv!, { delimiter: ';', columns: true }) as Record<string, string>[];
    expect(csv.map((z) => [z.schule, z.stufe_ausstattung, z.stufe_unterricht])).toEqual([['gs-1', 'einstieg', 'vorreiter'], ['gs-2', 'aufbau', ''], ['gym-1', 'vorreiter', 'aufbau']]);
  });

  it('nennt eine unbekannte Antwort mit der Zelle und den möglichen Wörtern', async () => {
    const root = plan('schule');
    const exportDatei = join(root, 'formular.csv');
    writeFileSync(exportDatei, 'Schule;Ausstattung\ngs-1;Stufe 3\n');
    writeFileSync(join(root, 'content', 'daten', 'erhebungen-zuordnung.yaml'), 'methode: Formular\nquelle: Schulamt\nschule: { spalte: Schule }\nspalten: { Ausstattung: stufe_ausstattung }\nwerte:\n  stufen: { "Stufe 1": einstieg }\n');
    const ergebnis = await importiereErhebung({ datei: exportDatei, erhebung: '2025-03', stichtag: '2025-03-01', projekt: root, inhalt: 'content' });
    expect(ergebnis.fehler.map((m) => `${m.ort}: ${m.text}`)).toEqual([
      'Zeile 2, Spalte „Ausstattung“: erwartet eine Stufe aus daten/erhebungen.yaml (selbsteinschaetzung.stufen): einstieg („Einstieg“), aufbau („Aufbau“), vorreiter („Vorreiter“) oder eine Antwort aus „werte“ der Zuordnung (Stufe 1); gefunden: „Stufe 3“',
    ]);
  });
});
