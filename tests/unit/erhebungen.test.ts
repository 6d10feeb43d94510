/**
 * Survey rounds on a small plan made here from the minimal fixture, with hand-worked figures:
 *
 *   2022-03 (Stichtag 2022-03-01)         2024-03 (Stichtag 2024-03-01)
 *   school  pupils devices WLAN rooms     pupils devices WLAN rooms tickets answers agree
 *   gs-a     200     20     50   10        210     60     80   10     5       6     50 %
 *   gs-b     300     30     –    14        300     90     60   14     9       3    100 %
 *   gs-alt   100     10     40    5        (closed 2023-07-31, carried on by gs-a)
 *   gym-c    800    400     60   40        800    800     90   40    20      40     75 %
 *
 * gs-b left WLAN empty in 2022 ("keine Angabe"); tickets and attitudes were not asked in 2022.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, edit, messages, modelOf, write } from '../helpers/fixture.ts';
import { kennzahl } from '../../src/rechnen/kennzahlen.ts';
import { aktuellerStand, erhebungsdaten, wertText, runde } from '../../src/rechnen/erhebungen.ts';
import { quotenNachSchulform } from '../../src/rechnen/ausstattung.ts';
import { haltungenNachSchulform } from '../../src/rechnen/haltungen.ts';
import { aehnlichkeiten, median } from '../../src/rechnen/aehnlichkeit.ts';
import { rechenschaft, stadtwert, veraenderung } from '../../src/rechnen/rechenschaft.ts';
import { offeneDateien } from '../../src/ausgabe/offenedaten/index.ts';
import { parse } from 'csv-parse/sync';

/** The order of Planwerk's own survey fields, then the plan's needs. */
const ORDNUNG = ['schuelerzahl', 'lehrkraefte', 'endgeraete_schueler', 'endgeraete_lehrkraefte', 'pc_arbeitsplaetze', 'unterrichtsraeume', 'praesentationsmedien', 'wlan_abdeckung', 'bedarf_wlan'];

const SCHULEN = `id;name;schulform;stadtbezirk;seit;bis;nachfolger
gs-a;Grundschule A;grundschule;Mitte;;;
gs-b;Grundschule B;grundschule;Nord;;;
gs-alt;Grundschule Alt;grundschule;Mitte;;2023-07-31;gs-a
gym-c;Gymnasium C;gymnasium;;;;
`;
const KONFIGURATION = `mindestgruppe: 10
intern: [tickets]
bedarfe:
  - { id: wlan, name: WLAN überall, art: beschaffung, massnahmen: [I-01] }
  - { id: fortbildung, name: Fortbildung Tablets, art: fortbildung }
fragen:
  - { id: mehrwert, text: Digitale Medien helfen meinem Unterricht. }
handlungsfelder:
  - { handlungsfeld: infrastruktur, felder: [endgeraete_schueler, wlan_abdeckung, tickets] }
runden:
  - { id: "2022-03", stichtag: 2022-03-01, methode: Fragebogen, quelle: Schulamt }
  - { id: "2024-03", stichtag: 2024-03-01, methode: Online-Umfrage, quelle: Schulamt }
`;
const RUNDE_2022 = ['schule;schuelerzahl;endgeraete_schueler;wlan_abdeckung;unterrichtsraeume;bedarf_wlan', 'gs-a;200;20;50;10;hoch', 'gs-b;300;30;;14;hoch', 'gs-alt;100;10;40;5;mittel', 'gym-c;800;400;60;40;gering'];
const RUNDE_2024 = [
  'schule;schuelerzahl;endgeraete_schueler;wlan_abdeckung;unterrichtsraeume;tickets;bedarf_wlan;bedarf_fortbildung;antworten;haltung_mehrwert',
  'gs-a;210;60;80;10;5;hoch;hoch;6;50',
  'gs-b;300;90;60;14;9;hoch;hoch;3;100',
  'gym-c;800;800;90;40;20;gering;hoch;40;75',
];

function planMitRunden(umgekehrt = false): string {
  const root = copyFixture();
  const zeilen = (z: string[]) => [z[0]!, ...(umgekehrt ? z.slice(1).reverse() : z.slice(1))].join('\n') + '\n';
  write(root, 'daten/schulen.csv', SCHULEN);
  write(root, 'daten/erhebungen.yaml', KONFIGURATION);
  const ordner = join(root, 'content', 'daten', 'erhebungen');
  mkdirSync(ordner, { recursive: true });
  writeFileSync(join(ordner, '2022-03.csv'), zeilen(RUNDE_2022));
  writeFileSync(join(ordner, '2024-03.csv'), zeilen(RUNDE_2024));
  // With two rounds, every school figure in prose names its round.
  edit(root, 'kapitel/vorwort.mdx', '<Kennzahl name="schulen" />', '<Kennzahl name="schulen" erhebung="2024-03" />');
  edit(root, 'kapitel/vorwort.mdx', 'schulform="grundschule" />', 'schulform="grundschule" erhebung="2024-03" />');
  return root;
}

describe('Erhebungen lesen', () => {
  const model = modelOf(planMitRunden());
  const daten = erhebungsdaten(model);

  it('ordnet die Runden nach Stichtag und jede Schule ihren Antworten zu', () => {
    expect(daten.runden.map((r) => [r.id, r.titel, r.explizit])).toEqual([['2022-03', 'Erhebung März 2022', true], ['2024-03', 'Erhebung März 2024', true]]);
    expect(daten.jeSchule.get('gs-alt')!.map((s) => s.runde)).toEqual(['2022-03']);
    expect(aktuellerStand(model, 'gs-a')!.werte.endgeraete_schueler).toBe(60);
  });

  it('unterscheidet „nicht erhoben“ von „keine Angabe“ und macht aus keinem von beiden 0', () => {
    const r22 = runde(model, '2022-03')!;
    const gsb = daten.jeSchule.get('gs-b')![0]!;
    expect(gsb.werte.wlan_abdeckung).toBeUndefined();
    expect(wertText(r22, gsb, 'wlan_abdeckung')).toBe('keine Angabe');
    expect(wertText(r22, gsb, 'tickets')).toBe('nicht erhoben');
    expect(wertText(r22, gsb, 'schuelerzahl')).toBe('300');
  });

  it('rechnet Kennzahlen je Runde und die Veränderung zwischen zwei Runden', () => {
    const w = (params: Record<string, string>, name = 'ausstattungsquote') => kennzahl(model, name, params);
    expect(w({ erhebung: '2024-03' }).value).toBeCloseTo((950 / 1310) * 100, 10);
    expect(w({ erhebung: '2022-03' }).value).toBeCloseTo((460 / 1400) * 100, 10);
    expect(w({ erhebung: '2022-03', schulform: 'grundschule' }).value).toBeCloseTo(10, 10);
    const seit = w({ erhebung: '2024-03', seit: '2022-03' });
    expect(seit.value).toBeCloseTo((950 / 1310) * 100 - (460 / 1400) * 100, 10);
    expect(seit.text).toBe('+39,7 Prozentpunkte');
    expect(seit.quelle).toBe('Erhebung März 2024, Stichtag 01.03.2024; Veränderung seit Erhebung März 2022 (Stichtag 01.03.2022)');
    expect(w({ erhebung: '2022-03' }, 'schulen').value).toBe(4);
    expect(w({ erhebung: '2024-03' }, 'schulen').value).toBe(3);
    expect(w({ erhebung: '2024-03', seit: '2022-03' }, 'schulen').text).toBe('−1');
    // gs-b gave no WLAN in 2022: the rooms-weighted mean leaves it out, it does not count 0 %.
    expect(w({ erhebung: '2022-03' }, 'wlan-abdeckung').value).toBeCloseTo((50 * 10 + 40 * 5 + 60 * 40) / 55, 10);
    expect(quotenNachSchulform(model, '2024-03').map((z) => [z.schulform, z.schulen, z.schueler, z.endgeraete])).toEqual([['grundschule', 2, 510, 150], ['gymnasium', 1, 800, 800]]);
  });

  it('zeigt die Befragung nur für Gruppen mit genügend Antworten, gewichtet nach Antworten', () => {
    const h = haltungenNachSchulform(model)!;
    expect(h.runde.id).toBe('2024-03');
    const zeile = (name: string) => h.zeilen.find((z) => z.name === name)!;
    expect(zeile('Grundschule')).toEqual({ schulform: 'grundschule', name: 'Grundschule', antworten: 0, zuKlein: true, anteile: {} }); // 6 + 3 < 10
    expect(zeile('Gymnasium').anteile.mehrwert).toBe(75);
    expect(zeile('Alle Schulen').antworten).toBe(49);
    expect(zeile('Alle Schulen').anteile.mehrwert).toBeCloseTo((50 * 6 + 100 * 3 + 75 * 40) / 49, 10);
  });

  it('legt Rechenschaft je Handlungsfeld ab, auch mit internen Feldern als Summe', () => {
    const [b] = rechenschaft(model);
    expect(b!.handlungsfeld.id).toBe('infrastruktur');
    const [r22, r24] = daten.runden;
    expect(stadtwert(model, r22!, 'endgeraete_schueler').wert).toBe(460);
    expect(stadtwert(model, r24!, 'tickets').wert).toBe(34);
    expect(stadtwert(model, r22!, 'tickets').text).toBe('nicht erhoben');
    expect(veraenderung(model, daten.runden, 'endgeraete_schueler')!.text).toBe('+490');
    expect(veraenderung(model, daten.runden, 'tickets')).toBeUndefined();
  });
});

describe('Offene Daten der Erhebungen', () => {
  const dateien = offeneDateien(modelOf(planMitRunden()));
  const tabelle = (name: string) => parse(dateien.find((d) => d.name === `${name}.csv`)!.inhalt, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];

  it('veröffentlicht die Antworten jeder Schule je Runde, leer wo nicht erhoben oder ohne Angabe', () => {
    const zeilen = tabelle('erhebungswerte');
    expect(zeilen.map((z) => `${z.runde} ${z.schule}`)).toEqual(['2022-03 gs-a', '2022-03 gs-b', '2022-03 gs-alt', '2022-03 gym-c', '2024-03 gs-a', '2024-03 gs-b', '2024-03 gym-c']);
    const gsb22 = zeilen.find((z) => z.runde === '2022-03' && z.schule === 'gs-b')!;
    expect([gsb22.schuelerzahl, gsb22.wlan_abdeckung, gsb22.bedarf_wlan, gsb22.bedarf_fortbildung]).toEqual(['300', '', 'hoch', '']);
    expect(zeilen.find((z) => z.runde === '2024-03' && z.schule === 'gym-c')!.endgeraete_schueler).toBe('800');
    // Which columns each round asked tells "nicht erhoben" from "keine Angabe".
    const runden = tabelle('erhebungen');
    const erhoben = (r: Record<string, string>) => Object.entries(r).filter(([k, v]) => k.startsWith('erhoben.') && v).map(([, v]) => v);
    expect(erhoben(runden[0]!)).toEqual(['schuelerzahl', 'unterrichtsraeume', 'endgeraete_schueler', 'wlan_abdeckung', 'bedarf_wlan'].sort((a, b) => ORDNUNG.indexOf(a) - ORDNUNG.indexOf(b)));
    expect(erhoben(runden[1]!)).toContain('bedarf_fortbildung');
    expect(runden.map((r) => [r.id, r.stichtag, r.schulen])).toEqual([['2022-03', '2022-03-01', '4'], ['2024-03', '2024-03-01', '3']]);
  });

  it('lässt interne Felder, die Antwortzahlen je Schule und jede Haltung einer Schule aus allen Dateien weg', () => {
    for (const d of dateien) expect(d.inhalt, d.name).not.toMatch(/tickets|haltung_|"antworten": (6|3),/);
    expect(Object.keys(tabelle('erhebungswerte')[0]!)).not.toContain('antworten');
  });

  it('veröffentlicht die Befragung nur für Gruppen mit genügend Antworten', () => {
    // Grundschulen: 6 + 3 answers, below the minimum of 10; Gymnasium 40; all schools 49.
    const zeilen = tabelle('haltungen');
    expect(zeilen.map((z) => [z.runde, z.name, z.antworten])).toEqual([['2024-03', 'Gymnasium', '40'], ['2024-03', 'Alle Schulen', '49']]);
    expect(zeilen[1]!.zustimmung).toBe(String(Math.round(((50 * 6 + 100 * 3 + 75 * 40) / 49) * 100) / 100).replace('.', ','));
  });
});

describe('Schulen mit ähnlichem Bedarf', () => {
  it('nennt gemeinsame Merkmale aus den Daten beider Schulen', () => {
    const a = aehnlichkeiten(modelOf(planMitRunden()));
    // Ausstattungsquote within the Grundschulen: 28,6 % (gs-a) and 30 % (gs-b), median 29,3 %: gs-a below.
    // WLAN 80, 60, 90: median 80: gs-b below. High needs: WLAN (gs-a, gs-b), Fortbildung (all three).
    expect(a.merkmale.get('gs-a')!.map((m) => m.id)).toEqual(['kennziffer:ausstattungsquote', 'bedarf:wlan', 'bedarf:fortbildung']);
    expect(a.merkmale.get('gs-b')!.map((m) => m.id)).toEqual(['kennziffer:wlan', 'bedarf:wlan', 'bedarf:fortbildung']);
    expect(a.merkmale.get('gym-c')!.map((m) => m.id)).toEqual(['bedarf:fortbildung']);
    expect(a.aehnlich.get('gs-a')).toEqual([{ schule: 'gs-b', aehnlichkeit: 0.5, gemeinsam: a.merkmale.get('gs-a')!.slice(1) }]);
    expect(a.aehnlich.get('gym-c')).toEqual([]); // one shared trait is not enough
    expect(a.gruppen.map((g) => [g.bedarf.id, g.schulen, g.gemeinsam.map((m) => m.id)])).toEqual([
      ['wlan', ['gs-a', 'gs-b'], ['bedarf:fortbildung']],
      ['fortbildung', ['gs-a', 'gs-b', 'gym-c'], []],
    ]);
    expect(a.schwellen.find((s) => s.id === 'wlan')!.median).toBe(80);
  });

  it('gibt für dieselben Daten in anderer Reihenfolge dieselben Gruppen', () => {
    const a = aehnlichkeiten(modelOf(planMitRunden()));
    const b = aehnlichkeiten(modelOf(planMitRunden(true)));
    expect(b.gruppen).toEqual(a.gruppen);
    expect([...b.aehnlich].sort()).toEqual([...a.aehnlich].sort());
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('bildet aus internen Feldern keine Merkmale', () => {
    const root = planMitRunden();
    edit(root, 'daten/erhebungen.yaml', 'intern: [tickets]', 'intern: [tickets, wlan_abdeckung, bedarf_wlan]');
    const a = aehnlichkeiten(modelOf(root));
    expect([...a.merkmale.values()].flat().map((m) => m.id)).not.toContain('kennziffer:wlan');
    expect([...a.merkmale.values()].flat().map((m) => m.id)).not.toContain('bedarf:wlan');
  });
});

describe('Fehler in Erhebungen', () => {
  it('nennt Datei, Zeile, Spalte, Erwartetes und Gefundenes', () => {
    const root = planMitRunden();
    const datei = join(root, 'content', 'daten', 'erhebungen', '2024-03.csv');
    const text = readFileSync(datei, 'utf8').replace('gs-b;300;90;60', 'gs-b;300;90;6o').replace('bedarf_fortbildung;', 'bedarf_fortbldung;').replace('gym-c;800;800', 'gym-x;800;800');
    writeFileSync(datei, text + 'gs-alt;90;9;40;5;1;hoch;hoch;2;50\n');
    expect(messages(root)).toEqual([
      'content/daten/erhebungen/2024-03.csv:1, Feld „bedarf_fortbldung“: erwartet einen Bedarf aus content/daten/erhebungen.yaml (bedarfe): bedarf_wlan, bedarf_fortbildung; gefunden: die unbekannte Spalte „bedarf_fortbldung“',
      'content/daten/erhebungen/2024-03.csv:3, Eintrag „gs-b“, Feld „wlan_abdeckung“: erwartet eine Zahl in deutscher Schreibweise (z. B. 1.234,56); gefunden: „6o“',
      'content/daten/erhebungen/2024-03.csv:4, Feld „schule“: erwartet die ID einer Schule aus content/daten/schulen.csv; gefunden: „gym-x“',
      'content/daten/erhebungen/2024-03.csv:5, Feld „schule“: erwartet eine Schule, die am Stichtag 2024-03-01 bestand; gefunden: „gs-alt“, aufgelöst am 2023-07-31',
    ]);
  });

  it('verlangt eine Datei je Runde und keine Zahlen mehr in den Stammdaten', () => {
    const root = planMitRunden();
    edit(root, 'daten/erhebungen.yaml', 'runden:', 'runden:\n  - { id: "2025-03", stichtag: 2025-03-01, methode: Fragebogen, quelle: Schulamt }');
    write(root, 'daten/schulen.csv', SCHULEN.replace('stadtbezirk;', 'stadtbezirk;schuelerzahl;').replace(/^(gs-a;[^;]*;[^;]*;[^;]*;)/m, '$1200;').replace(/^((?!id;|gs-a;)[^\n;]+;[^;]*;[^;]*;[^;]*;)/gm, '$1;'));
    expect(messages(root)).toEqual([
      'content/daten/schulen.csv:2, Eintrag „gs-a“, Feld „schuelerzahl“: erwartet keine Zahlen in den Stammdaten, weil der Plan Erhebungen hat: sie stehen je Runde in content/daten/erhebungen/; gefunden: Werte in „schuelerzahl“',
      'content/daten/erhebungen.yaml, Eintrag „erhebungen“, Feld „runden.0.id“: erwartet die Antworten der Erhebung in content/daten/erhebungen/2025-03.csv; gefunden: keine Datei',
    ]);
  });

  it('verlangt im Text die Erhebung, sobald es mehrere gibt', () => {
    const root = planMitRunden();
    edit(root, 'handlungsfelder/infrastruktur.mdx', /\n---\n/, '\n---\n\nQuote: <Kennzahl name="ausstattungsquote" />.\n');
    const m = messages(root);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/^content\/handlungsfelder\/infrastruktur\.mdx:\d+, Feld „<Kennzahl name="ausstattungsquote">“: erwartet erhebung="…" mit der Erhebung, aus der die Zahl stammt \(„2022-03“, „2024-03“\)/);
  });
});
