/**
 * Indicators as plans state them (src/rechnen/indikatoren.ts): which target holds for whom, whether a
 * value reaches it for each comparison, and how pages, charts, figures and open data say it.
 * School figures of the minimal fixture (see kennzahlen.test.ts): gs-a 50/200 = 25 %, gs-b
 * 100/300 ≈ 33,3 %, both Grundschule (together 30 %); gym-c 800/800 = 100 %, Gymnasium.
 */
import { describe, expect, it } from 'vitest';
import { copyFixture, edit, messages, modelOf, write } from '../helpers/fixture.ts';
import { amZiel, quotenNachSchulform, schulenAmZiel, zielwert } from '../../src/rechnen/ausstattung.ts';
import { erreicht, geltung, messwerteSortiert, messzeit, zielFuer, zielText, zielwerteInWorten, type Zielwert } from '../../src/rechnen/indikatoren.ts';
import { kennzahl, KennzahlError } from '../../src/rechnen/kennzahlen.ts';
import { indikatorDiagramm, quotenDiagramm } from '../../src/ausgabe/diagramme.ts';
import { ausstattungsquoten } from '../../src/ausgabe/offenedaten/berechnet.ts';
import { staendeDerRunde } from '../../src/rechnen/erhebungen.ts';
import { formatPercent } from '../../src/plan/format.ts';
import { createSchemas, plainRef } from '../../src/plan/schemas/index.ts';

const INDIKATOR = (zielwerte: string, messwerte = '    - { jahr: 2024, wert: 60 }') => `- id: quote
  titel: Ausstattungsquote
  einheit: "%"
  kennzahl: ausstattungsquote
  zielwerte:
${zielwerte}
  messwerte:
${messwerte}
`;

/** The fixture with these Zielwerte (YAML lines of the list). */
function mitZielwerten(zielwerte: string, messwerte?: string) {
  const root = copyFixture();
  write(root, 'indikatoren.yaml', INDIKATOR(zielwerte, messwerte));
  return modelOf(root);
}

/** Texts with the narrow spaces Intl puts before „%“, written with plain spaces. */
const plain = (s: string | undefined) => s?.replaceAll('\u00a0', ' ').replaceAll('\u202f', ' ');
const ziel = (z: Partial<Zielwert> & { wert: number }): Zielwert => z as Zielwert;
const ref = (id: string) => ({ collection: 'schulformen', id });

describe('erreicht: je Vergleich', () => {
  it('mindestens und ohne Angabe: ab dem Zielwert', () => {
    for (const vergleich of ['mindestens', undefined] as const) {
      expect(erreicht(80, ziel({ wert: 80, vergleich }))).toBe(true);
      expect(erreicht(79.9, ziel({ wert: 80, vergleich }))).toBe(false);
      expect(erreicht(120, ziel({ wert: 80, vergleich }))).toBe(true);
    }
  });

  it('höchstens: bis zum Zielwert', () => {
    expect(erreicht(2, ziel({ wert: 2, vergleich: 'höchstens' }))).toBe(true);
    expect(erreicht(1.5, ziel({ wert: 2, vergleich: 'höchstens' }))).toBe(true);
    expect(erreicht(2.6, ziel({ wert: 2, vergleich: 'höchstens' }))).toBe(false);
  });

  it('genau: gleich auf eine Nachkommastelle, wie die Seite ihn zeigt', () => {
    expect(erreicht(100, ziel({ wert: 100, vergleich: 'genau' }))).toBe(true);
    expect(erreicht(100.04, ziel({ wert: 100, vergleich: 'genau' }))).toBe(true);
    expect(erreicht(100.06, ziel({ wert: 100, vergleich: 'genau' }))).toBe(false);
    expect(erreicht(120, ziel({ wert: 100, vergleich: 'genau' }))).toBe(false);
  });

  it('etwa: nicht bewertet', () => {
    expect(erreicht(30, ziel({ wert: 30, vergleich: 'etwa' }))).toBeUndefined();
    expect(erreicht(5, ziel({ wert: 30, vergleich: 'etwa' }))).toBeUndefined();
  });
});

describe('welcher Zielwert gilt', () => {
  const werte = [
    ziel({ wert: 75 }),
    ziel({ wert: 80, vergleich: 'mindestens', schulformen: [ref('gesamtschule'), ref('gymnasium')], gruppe: 'weiterführende Schulen', jahr: 2030 }),
    ziel({ wert: 100, schulform: ref('gymnasium'), jahr: 2028 }),
    ziel({ wert: 90, schulform: ref('gymnasium'), jahr: 2030 }),
  ];

  it('die Schulform allein vor ihrer Gruppe vor allen, und davon das späteste Jahr', () => {
    expect(zielFuer(werte, 'gymnasium')?.wert).toBe(90);
    expect(zielFuer(werte, 'gesamtschule')?.wert).toBe(80);
    expect(zielFuer(werte, 'grundschule')?.wert).toBe(75);
    expect(zielFuer(werte)?.wert).toBe(75);
    expect(zielFuer([werte[1]!])).toBeUndefined();
  });

  it('sagt den Zielwert so, wie der Plan ihn sagt: Vergleich, Gruppe, Jahr nur wenn gegeben', () => {
    const name = (id: string) => ({ gesamtschule: 'Gesamtschule', gymnasium: 'Gymnasium' })[id] ?? id;
    expect(plain(zielText(werte[1]!, formatPercent))).toBe('mindestens 80 % bis 2030');
    expect(plain(zielText(werte[0]!, formatPercent))).toBe('75 %');
    expect(geltung(werte[1]!, name)).toBe('weiterführende Schulen (Gesamtschule und Gymnasium)');
    expect(geltung({ schulformen: [ref('gesamtschule'), ref('gymnasium')] }, name)).toBe('Gesamtschule und Gymnasium');
    expect(geltung(werte[0]!, name)).toBeUndefined();
    expect(zielwerteInWorten(werte.slice(0, 3), name, formatPercent).map(plain)).toEqual([
      'insgesamt 75 %',
      'weiterführende Schulen (Gesamtschule und Gymnasium) mindestens 80 % bis 2030',
      'Gymnasium 100 % bis 2028',
    ]);
  });
});

describe('Ausstattungsquote gegen Zielwerte des Plans', () => {
  it('ein Gruppenziel gilt für jede Schulform der Gruppe', () => {
    const model = mitZielwerten('    - { wert: 30, vergleich: mindestens, schulformen: [grundschule, gymnasium], gruppe: alle Schularten, jahr: 2027 }');
    const zeilen = quotenNachSchulform(model);
    expect(zeilen.map((z) => [z.schulform, z.ziel?.wert, z.ziel?.gruppe, z.schulenAmZiel])).toEqual([
      ['grundschule', 30, 'alle Schularten', 1], // gs-b (33,3 %) reaches 30 %, gs-a (25 %) does not
      ['gymnasium', 30, 'alle Schularten', 1],
    ]);
    // No target for all schools: the overall row has none, and the count over all schools is 2 of 3.
    expect(zielwert(model)).toBeUndefined();
    expect(schulenAmZiel(model, staendeDerRunde(model))).toBe(2);
    expect(plain(kennzahl(model, 'ausstattungsquote-ziel', { schulform: 'gymnasium' }).text)).toBe('mindestens 30 %');
    expect(kennzahl(model, 'ausstattungsquote-ziel', { schulform: 'gymnasium' }).quelle).toBe('gilt für alle Schularten (Grundschule und Gymnasium) bis 2027');
    expect(() => kennzahl(model, 'ausstattungsquote-ziel')).toThrow(KennzahlError);
  });

  it('höchstens: erreicht, wer darunter bleibt', () => {
    const model = mitZielwerten('    - { wert: 30, vergleich: höchstens, schulform: grundschule }');
    expect(quotenNachSchulform(model).map((z) => [z.schulform, z.schulenAmZiel])).toEqual([['grundschule', 1], ['gymnasium', undefined]]);
    expect(amZiel(model, { schulform: 'grundschule', werte: { schuelerzahl: 200, endgeraete_schueler: 50 } })).toBe(true);
    expect(amZiel(model, { schulform: 'grundschule', werte: { schuelerzahl: 300, endgeraete_schueler: 100 } })).toBe(false);
    // Gymnasium has no target: the count over all schools would leave it out, so there is none.
    expect(schulenAmZiel(model, staendeDerRunde(model))).toBeUndefined();
  });

  it('etwa: keine Bewertung, keine Zahl „am Ziel“, die Kennzahl lässt sich nicht zitieren', () => {
    const model = mitZielwerten('    - { wert: 30, vergleich: etwa, schulform: grundschule }\n    - { wert: 100, vergleich: genau, schulform: gymnasium }');
    const [gs, gym] = quotenNachSchulform(model);
    expect(gs!.schulenAmZiel).toBeUndefined();
    expect(gym!.schulenAmZiel).toBe(1);
    expect(plain(kennzahl(model, 'ausstattungsquote-ziel', { schulform: 'grundschule' }).text)).toBe('etwa 30 %');
    expect(() => kennzahl(model, 'schulen-am-ziel', { schulform: 'grundschule' })).toThrow(KennzahlError);
    expect(kennzahl(model, 'schulen-am-ziel', { schulform: 'gymnasium' }).value).toBe(1);
  });

  it('das Diagramm zeigt den Vergleich am Zielwert und bewertet „etwa“ nicht', () => {
    const model = mitZielwerten('    - { wert: 30, vergleich: etwa, schulform: grundschule }\n    - { wert: 90, vergleich: mindestens, schulform: gymnasium }');
    const chart = quotenDiagramm(model);
    expect(chart.table.rows.map((r) => [r.header, ...r.cells].map(plain))).toEqual([
      ['Grundschule', '30,0 %', 'etwa 30 %', 'nicht bewertet'],
      ['Gymnasium', '100,0 %', 'mindestens 90 %', 'ja'],
    ]);
    expect(plain(chart.svg)).toContain('(Ziel etwa 30 %)');
    expect(chart.svg).toContain('nicht bewertet');
    const desc = plain(/<desc[^>]*>([^<]*)<\/desc>/.exec(chart.svg)![1]!);
    expect(desc).toContain('1 von 1 Schulformen erreicht ihren Zielwert.');
    expect(desc).toContain('Nicht bewertet, weil der Plan einen ungefähren Zielwert nennt: Grundschule (30,0 %, Ziel etwa 30 %).');
  });

  it('die offenen Daten nennen Vergleich, Jahr und Gruppe des Zielwerts', () => {
    const model = mitZielwerten('    - { wert: 75 }\n    - { wert: 30, vergleich: mindestens, schulformen: [grundschule, gymnasium], gruppe: alle Schularten, jahr: 2027 }');
    const t = ausstattungsquoten(model)!;
    expect(t.datensaetze).toEqual([
      expect.objectContaining({ schulform: 'grundschule', ziel: 30, zielVergleich: 'mindestens', zielJahr: 2027, zielGruppe: 'alle Schularten', schulenAmZiel: 1 }),
      expect.objectContaining({ schulform: 'gymnasium', ziel: 30, zielVergleich: 'mindestens', zielJahr: 2027, zielGruppe: 'alle Schularten', schulenAmZiel: 1 }),
      expect.objectContaining({ name: 'Alle Schulen', ziel: 75, zielVergleich: undefined, zielJahr: undefined, schulenAmZiel: 2 }),
    ]);
    expect(t.schema.safeParse(t.datensaetze[0]).success).toBe(true);
  });
});

describe('Indikatordiagramm', () => {
  it('bewertet den Zielwert nach seinem Vergleich und nennt das Jahr nur, wenn es eines gibt', () => {
    const model = mitZielwerten('    - { wert: 2, vergleich: höchstens }', '    - { jahr: 2024, wert: 3.1 }\n    - { jahr: 2025, wert: 2.6 }');
    const chart = indikatorDiagramm(model.indikatoren[0]!)!;
    expect(plain(chart.svg)).toContain('Ausstattungsquote von 3,1 % (2024) auf 2,6 % (2025); Zielwert höchstens 2 %, noch nicht erreicht.');
    expect(plain(chart.svg)).toContain('>Zielwert höchstens 2 %<');
    expect(chart.table.foot?.header).toBe('Zielwert');
    expect(chart.table.foot?.cells.map(plain)).toEqual(['höchstens 2,0 %']);
    const mitJahr = indikatorDiagramm(mitZielwerten('    - { wert: 2, jahr: 2030 }', '    - { jahr: 2024, wert: 3.1 }\n    - { jahr: 2025, wert: 2.6 }').indikatoren[0]!)!;
    expect(plain(mitJahr.svg)).toContain('Zielwert 2 % bis 2030, erreicht.');
    expect(plain(mitJahr.svg)).toContain('>Zielwert 2 % bis 2030<');
    expect(mitJahr.table.foot?.header).toBe('Zielwert bis 2030');
    expect(mitJahr.table.foot?.cells.map(plain)).toEqual(['2,0 %']);
  });

  it('datiert Messwerte so genau wie der Plan', () => {
    const model = mitZielwerten('    - { wert: 75 }', '    - { stand: 2025-03, wert: 64 }\n    - { jahr: 2023, wert: 40 }\n    - { stand: 2024-11-15, wert: 60 }');
    const i = model.indikatoren[0]!;
    expect(messwerteSortiert(i.data.messwerte).map(messzeit)).toEqual(['2023', '2024-11-15', '2025-03']);
    const chart = indikatorDiagramm(i)!;
    expect(chart.table.rows.map((r) => r.header)).toEqual(['2023', '15.11.2024', 'März 2025']);
    expect(chart.table.columns[0]!.label).toBe('Stand');
    expect(chart.svg).toContain('Messwerte 2023–März 2025');
  });
});

describe('Prüfung der Zielwerte und Messwerte', () => {
  const schemas = createSchemas(plainRef);
  const indikator = (zielwerte: unknown[], messwerte: unknown[] = []) => ({ id: 'q', titel: 'Q', einheit: '%', zielwerte, messwerte });

  it('nimmt die Formen, die Pläne verwenden', () => {
    const ok = schemas.indikatoren.safeParse(
      indikator(
        [{ wert: 80, vergleich: 'mindestens', schulformen: ['gesamtschule', 'gymnasium'], gruppe: 'weiterführende Schulen' }, { wert: '30', vergleich: 'etwa' }, { wert: 2, vergleich: 'höchstens', jahr: 2027 }],
        [{ jahr: 2024, wert: 60 }, { stand: '2025-03', wert: 64 }],
      ),
    );
    expect(ok.success, JSON.stringify(ok.error?.issues)).toBe(true);
  });

  it.each([
    ['ein unbekannter Vergleich', [{ wert: 80, vergleich: 'ungefähr' }], [], 'zielwerte.0.vergleich', 'einer der Werte „mindestens“, „höchstens“, „etwa“, „genau“'],
    ['Schulform und Gruppe zugleich', [{ wert: 80, schulform: 'gymnasium', schulformen: ['gesamtschule', 'gymnasium'] }], [], 'zielwerte.0.schulformen', 'nur eines der Felder „schulform“ (eine Schulform) oder „schulformen“ (eine Gruppe)'],
    ['ein Gruppenname ohne Schulformen', [{ wert: 80, gruppe: 'weiterführende Schulen' }], [], 'zielwerte.0.gruppe', 'zur Gruppe auch die Schulformen, für die sie steht (schulformen: [id, id])'],
    ['eine Gruppe aus einer Schulform', [{ wert: 80, schulformen: ['gymnasium'] }], [], 'zielwerte.0.schulformen', 'mindestens zwei Schulformen (für eine einzelne: schulform)'],
    ['eine Schulform zweimal in der Gruppe', [{ wert: 80, schulformen: ['gymnasium', 'gymnasium'] }], [], 'zielwerte.0.schulformen', 'jede Schulform nur einmal'],
    ['ein Messwert ohne Jahr und Stand', [], [{ wert: 60 }], 'messwerte.0.jahr', 'das Jahr der Messung (jahr: 2023) oder ihren Stand (stand: 2023-11)'],
    ['ein Messwert mit Jahr und Stand', [], [{ jahr: 2024, stand: '2024-11', wert: 60 }], 'messwerte.0.stand', 'nur eines der Felder „jahr“ oder „stand“, nicht beide'],
  ])('lehnt ab: %s', (_, zielwerte, messwerte, feld, meldung) => {
    const r = schemas.indikatoren.safeParse(indikator(zielwerte, messwerte));
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([feld, meldung]);
  });

  it('meldet eine unbekannte Schulform in der Gruppe mit Datei und Feld', () => {
    const root = copyFixture();
    edit(root, 'indikatoren.yaml', '    - { schulform: gymnasium, wert: 100 }', '    - { schulformen: [gymnasium, realschule], gruppe: weiterführende Schulen, wert: 100 }');
    expect(messages(root)).toEqual([
      'content/indikatoren.yaml:1, Eintrag „quote“, Feld „zielwerte.2.schulformen.1“: erwartet eine vorhandene ID aus „schulformen“ (content/schulformen.yaml); gefunden: „realschule“, das es dort nicht gibt',
    ]);
  });
});
