/**
 * A plan dated only by month (its Stand, Beschluss, datasets, Förderabruf, status history,
 * change note, review date, earlier Fassung, indicator readings) and, where a field allows, by
 * year, quarter or Schuljahr (milestones): no page, file or PDF of it shows a day. The built
 * site is scanned whole: the text and attributes of every HTML file for a German day date
 * (23.11.2026), every <time datetime> for an ISO day, the open-data files for either, the
 * feed's texts for either (its <updated> stamps are the first day of the period, as Atom
 * requires a timestamp), and the PDF's text and metadata.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, type HTMLElement } from 'node-html-parser';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { copyFixture, edit, PROJECT, write } from '../helpers/fixture.ts';
import { DIST } from '../helpers/dist.ts';
import { cacheOrdner } from '../../src/plan/aktuell.ts';
import { chromePfad } from '../../src/ausgabe/pdf.ts';

/** A German day date as pages write it: 5.3.2021, 05.03.2021. */
const DEUTSCHER_TAG = /\b\d{1,2}\.\s?\d{1,2}\.\s?\d{4}\b/;
/** An ISO day: 2021-03-05. */
const ISO_TAG = /\b\d{4}-\d{2}-\d{2}\b/;

const root = copyFixture(true);
const content = join(root, 'content');
const dist = join(root, 'dist');
afterAll(() => [root, cacheOrdner(PROJECT, content)].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Every date of the fixture as a month (a few as a year, quarter or Schuljahr); school data without days. */
function monatsplan() {
  edit(root, 'plan.yaml', 'beschluss: { datum: 2025-02-01,', 'beschluss: { datum: 2025-02,');
  edit(root, 'plan.yaml', /^stand: 2025-06-30$/m, 'stand: 2025-06');
  edit(root, 'plan.yaml', /^ {2}stand: 2025-06-30$/m, '  stand: 2025-05');
  edit(root, 'daten/datensaetze.yaml', /stand: (\d{4}-\d{2})-01/g, 'stand: $1');
  edit(root, 'daten/datensaetze.yaml', 'id: inventar, titel: Bestand, stand: 2025-04', 'id: inventar, titel: Bestand, stand: 2025');
  edit(root, 'foerderprogramme.yaml', 'stand: 2025-02-01', 'stand: 2025-02');
  // The schools' own data (a Medienkonzept's date) is a day by nature: this plan has none.
  edit(root, 'daten/schulen.csv', /;2024-01-15;|;2021-05-01;/g, ';;');
  write(
    root,
    'meilensteine.yaml',
    [
      '- { id: start, datum: 2025-02, titel: Beschluss, text: Der Rat beschließt den Plan., massnahme: I-01 }',
      '- { id: wlan, datum: 2025-Q2, titel: WLAN in allen Grundschulen, text: Die Grundschulen sind angebunden. }',
      '- { id: displays, datum: 2025/26, titel: Displays im Schuljahr, text: Jeder Raum hat ein Display. }',
      '- { id: fortschreibung, datum: 2026, titel: Fortschreibung, text: Der Plan wird fortgeschrieben. }',
      '',
    ].join('\n'),
  );
  write(
    root,
    'fassungen.yaml',
    '- id: fassung-2023\n  name: Erstfassung 2023\n  nummer: 0\n  beschlossen: 2023-03\n  massnahmen:\n    - { id: I-01, titel: WLAN ausbauen, status: geplant }\n',
  );
  edit(
    root,
    'massnahmen/i-01.mdx',
    'status: in Umsetzung\n',
    'status: in Umsetzung\nstatusverlauf:\n  - { datum: 2024-05, status: in Umsetzung }\nbeschluss: { nummer: "V 12/2024", gremium: Schulausschuss, datum: 2024-04 }\naenderungshinweis: { datum: 2025-05, text: Zeitplan angepasst. }\npflege: { zustaendig: Schulamt, naechstePruefung: 2024-12 }\n',
  );
  edit(root, 'indikatoren.yaml', '    - { jahr: 2024, wert: 60 }', '    - { stand: 2024-11, wert: 60 }\n    - { stand: 2025-03, wert: 64 }');
  // Targets as plans word them: one „etwa“, one for a named group of Schulformen by a year.
  edit(root, 'indikatoren.yaml', '    - { schulform: grundschule, wert: 25 }', '    - { schulform: grundschule, wert: 30, vergleich: etwa }');
  edit(root, 'indikatoren.yaml', '    - { schulform: gymnasium, wert: 100 }', '    - { schulformen: [grundschule, gymnasium], gruppe: alle Schularten, wert: 90, vergleich: mindestens, jahr: 2027 }');
}

function dateienUnter(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : dateienUnter(full);
    return [full];
  });
}

/** An element's text without scripts and styles, and the values of all its attributes. */
function textUndAttribute(html: HTMLElement): { text: string; attribute: string[] } {
  for (const e of html.querySelectorAll('script, style')) e.remove();
  return { text: html.text, attribute: html.querySelectorAll('*').flatMap((e) => Object.values(e.attributes)) };
}

/** Every day date in the text or in an attribute of one HTML file, with its place. */
function tage(basis: string, datei: string): string[] {
  const funde: string[] = [];
  const { text, attribute } = textUndAttribute(parse(readFileSync(datei, 'utf8')));
  const imText = DEUTSCHER_TAG.exec(text);
  if (imText) funde.push(`${relative(basis, datei)}: „${text.slice(Math.max(0, imText.index - 40), imText.index + 20).replace(/\s+/g, ' ')}“`);
  for (const a of attribute) if (DEUTSCHER_TAG.test(a) || ISO_TAG.test(a)) funde.push(`${relative(basis, datei)}: Attribut „${a.slice(0, 120)}“`);
  return funde;
}

let ausgabe = '';
beforeAll(() => {
  monatsplan();
  const result = spawnSync(process.execPath, ['src/cli/bauen.ts', '--outDir', dist], {
    cwd: PROJECT,
    encoding: 'utf8',
    // With Chromium the build prints the PDF too (as `npm run build` does).
    env: { ...process.env, PLANWERK_CONTENT: relative(PROJECT, content), ASTRO_TELEMETRY_DISABLED: '1', PLANWERK_PDF: chromePfad() ? '1' : '0' },
  });
  ausgabe = result.stdout + result.stderr;
  expect(result.status, ausgabe).toBe(0);
}, 300_000);

describe('Ein Plan, der nur Monate nennt', () => {
  it('zeigt auf keiner Seite einen Tag, weder im Text noch in einem Attribut', () => {
    const seiten = dateienUnter(dist).filter((f) => f.endsWith('.html'));
    expect(seiten.length).toBeGreaterThan(20);
    expect(seiten.flatMap((datei) => tage(dist, datei))).toEqual([]);
    // The scan finds what it looks for: the sample plan, dated by day, shows its days.
    expect(tage(DIST, join(DIST, 'index.html')).length).toBeGreaterThan(2);
  });

  it('gibt jedem <time> die Genauigkeit des Plans, und Quartal und Schuljahr keinen datetime-Wert', () => {
    const zeiten = dateienUnter(dist)
      .filter((f) => f.endsWith('.html'))
      .flatMap((f) => parse(readFileSync(f, 'utf8')).querySelectorAll('time').map((t) => [t.getAttribute('datetime'), t.text] as const));
    expect(zeiten.length).toBeGreaterThan(20);
    for (const [datetime, text] of zeiten) expect(datetime, text).toMatch(/^\d{4}(-\d{2})?$/);
    const startseite = parse(readFileSync(join(dist, 'index.html'), 'utf8'));
    expect(startseite.querySelector('.site-footer .stand')!.text).toContain('Stand des PlansJuni 2025');
    expect(startseite.querySelector('.lead')!.text.replace(/\s+/g, ' ')).toContain('beschlossen vom Rat der Stadt Teststadt im Februar 2025');
    const meilensteine = parse(readFileSync(join(dist, 'meilensteine', 'index.html'), 'utf8'));
    expect(meilensteine.querySelectorAll('ol.zeitleiste h2').map((h) => h.text)).toEqual([
      'Februar 2025: Beschluss',
      '2. Quartal 2025: WLAN in allen Grundschulen',
      'Schuljahr 2025/26: Displays im Schuljahr',
      '2026: Fortschreibung',
    ]);
    expect(meilensteine.querySelectorAll('ol.zeitleiste h2 span.datum').map((s) => s.text)).toEqual(['2. Quartal 2025', 'Schuljahr 2025/26']);
  });

  it('sagt Daten im Satz mit den Wörtern ihrer Genauigkeit', () => {
    const massnahme = parse(readFileSync(join(dist, 'massnahmen', 'i-01', 'index.html'), 'utf8')).text.replace(/\s+/g, ' ');
    expect(massnahme).toContain('Geändert im Mai 2025: Zeitplan angepasst.');
    // A review due in December 2024 is overdue after that month (the build runs later).
    expect(massnahme).toContain('Diese Seite sollte bis Ende Dezember 2024 überprüft werden.');
    expect(massnahme).toContain('Mai 2024: in Umsetzung (Fortschreibung)');
    expect(massnahme).toContain('März 2023: geplant (Erstfassung 2023)');
    const barrierefreiheit = parse(readFileSync(join(dist, 'barrierefreiheit', 'index.html'), 'utf8')).text.replace(/\s+/g, ' ');
    expect(barrierefreiheit).toContain('Die Erklärung wurde im Mai 2025 erstellt.');
    expect(ausgabe).toContain('Überprüfung war bis Ende Dezember 2024 fällig');
  });

  it('schreibt in die offenen Daten die Daten, wie der Plan sie nennt, und im DCAT-Katalog mit passendem XSD-Typ', () => {
    const daten = dateienUnter(join(dist, 'daten')).filter((f) => /\.(csv|json|jsonld)$/.test(f) && !f.endsWith('.schema.json'));
    expect(daten.length).toBeGreaterThan(10);
    for (const datei of daten) {
      const text = readFileSync(datei, 'utf8');
      expect(text, relative(dist, datei)).not.toMatch(ISO_TAG);
      expect(text, relative(dist, datei)).not.toMatch(DEUTSCHER_TAG);
    }
    const datensaetze = JSON.parse(readFileSync(join(dist, 'daten', 'datensaetze.json'), 'utf8')) as { id: string; stand: string }[];
    expect(datensaetze.find((d) => d.id === 'inventar')?.stand).toBe('2025');
    expect(datensaetze.find((d) => d.id === 'schulen')?.stand).toBe('2025-05');
    const dcat = readFileSync(join(dist, 'daten', 'dcat.jsonld'), 'utf8');
    const katalog = (JSON.parse(dcat) as { '@graph': { 'dct:modified': unknown; 'dcat:dataset': { 'dct:title': { '@value': string }; 'dct:modified': unknown }[] }[] })['@graph'][0]!;
    expect(katalog['dct:modified']).toEqual({ '@value': '2025-06', '@type': 'xsd:gYearMonth' });
    expect(katalog['dcat:dataset'].find((d) => d['dct:title']['@value'] === 'Bestand')?.['dct:modified']).toEqual({ '@value': '2025', '@type': 'xsd:gYear' });
    expect(dcat).not.toContain('xsd:date"');
    // The published JSON Schema of a date field names the forms it takes.
    const schema = JSON.parse(readFileSync(join(dist, 'daten', 'meilensteine.schema.json'), 'utf8')) as { items: { properties: { datum: { pattern: string } } } };
    const muster = new RegExp(schema.items.properties.datum.pattern);
    for (const d of ['2025-02', '2025-Q2', '2025/26', '2026', '2025-02-01']) expect(muster.test(d), d).toBe(true);
    expect(muster.test('01.02.2025')).toBe(false);
  });

  it('nennt im Feed keinen Tag; die Zeitstempel sind der erste Tag des Zeitraums', () => {
    const feed = parse(readFileSync(join(dist, 'aenderungen', 'atom.xml'), 'utf8'), { parseNoneClosedTags: true });
    const texte = feed.querySelectorAll('title, summary').map((t) => t.text);
    expect(texte.join('\n')).not.toMatch(DEUTSCHER_TAG);
    expect(texte.join('\n')).not.toMatch(ISO_TAG);
    expect(texte).toContain('Beschlossen im Februar 2025 (Rat der Stadt Teststadt) als 1. Fassung des Plans. Gegenüber der Fassung „Erstfassung 2023“: 1 neue Maßnahme und 1 Maßnahme mit neuem Status.');
    expect(feed.querySelectorAll('updated').map((u) => u.text)).toEqual(['2025-06-01T00:00:00Z', '2025-05-01T00:00:00Z', '2025-02-01T00:00:00Z']);
  });

  it.skipIf(!chromePfad())('druckt ein PDF ohne Tag im Text, datiert so genau wie der Plan', async () => {
    const datei = join(dist, 'druckfassung', 'plan.pdf');
    expect(existsSync(datei)).toBe(true);
    const pdf = await getDocument({ data: new Uint8Array(readFileSync(datei)), useSystemFonts: false }).promise;
    let text = '';
    for (let i = 1; i <= pdf.numPages; i++) {
      const inhalt = await (await pdf.getPage(i)).getTextContent();
      text += `${inhalt.items.map((it) => ('str' in it ? it.str : '')).join(' ')}\n`;
    }
    expect(text).toContain('Juni 2025');
    expect(text).not.toMatch(DEUTSCHER_TAG);
    expect(text).not.toMatch(ISO_TAG);
    const { info } = (await pdf.getMetadata()) as { info: Record<string, string> };
    expect(info.CreationDate).toBe('D:202506');
    expect(info.ModDate).toBe('D:202506');
    expect(info.Subject).toBe('Medienentwicklungsplan Teststadt, beschlossen vom Rat der Stadt Teststadt im Februar 2025');
  });
});

describe('Zielwerte, wie der Plan sie nennt', () => {
  const seite = (...pfad: string[]) => parse(readFileSync(join(dist, ...pfad, 'index.html'), 'utf8'));
  const text = (e: HTMLElement | null) => (e?.text ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

  it('nennt auf der Schulseite Vergleich, Gruppe und Jahr und bewertet „etwa“ nicht', () => {
    const schulen = seite('schulen');
    const zeile = (sf: string) => schulen.querySelector(`#quoten-schulformen tr[data-schulform="${sf}"]`)!.querySelectorAll('td').map((td) => text(td));
    expect(zeile('grundschule').slice(-2)).toEqual(['etwa 30 %', 'nicht bewertet']);
    expect(zeile('gymnasium').slice(-2)).toEqual(['mindestens 90 %', '1 von 1']);
    // Not every school has a target Planwerk judges: no count for all schools.
    expect(zeile('gesamt').slice(-2)).toEqual(['75 %', 'nicht bewertet']);
    expect(text(schulen.querySelector('[data-zielwerte]'))).toBe(
      'Zielwerte laut Plan: alle Schulen 75 %; Grundschule etwa 30 %; alle Schularten (Grundschule und Gymnasium) mindestens 90 % bis 2027. Ob ein ungefährer Zielwert („etwa“) erreicht ist, bewertet die Website nicht: wie weit „etwa“ reicht, sagt der Plan nicht.',
    );
    expect(text(seite('schulen', 'gym-c').querySelector('[data-kennzahl="ausstattungsquote"]'))).toBe('100 % (Zielwert für Gymnasium (alle Schularten): mindestens 90 % bis 2027, erreicht)');
    expect(text(seite('schulen', 'gs-a').querySelector('[data-kennzahl="ausstattungsquote"]'))).toBe('25 % (Zielwert für Grundschule: etwa 30 %)');
  });

  it('listet die Zielwerte auf der Indikatorenseite so, wie der Plan sie nennt', () => {
    const absatz = seite('indikatoren').querySelectorAll('p').map((p) => text(p)).find((t) => t.startsWith('Zielwerte:'));
    expect(absatz).toBe('Zielwerte: insgesamt 75 %; Grundschule etwa 30 %; alle Schularten (Grundschule und Gymnasium) mindestens 90 % bis 2027');
  });
});
