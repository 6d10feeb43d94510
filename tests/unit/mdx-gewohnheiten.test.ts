/**
 * What editors who know HTML write out of habit: `<br>` and comments are accepted,
 * everything MDX cannot read is a German message with the file and the right line
 * (never the raw compiler text, never line 0). Heading ids keep umlauts and do not
 * depend on how an umlaut was typed.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { append, copyFixture, edit, messages, modelOf } from '../helpers/fixture.ts';
import { renderMdx } from '../../src/plan/mdx/render.ts';
import { bereinigeGewohnheiten } from '../../src/plan/mdx/gewohnheiten.ts';

/** The line the appended text starts at in the fixture's vorwort.mdx (after a blank line). */
const ERSTE_ZEILE = 11;
const DATEI = 'content/kapitel/vorwort.mdx';

/** The vorwort's rendered HTML after appending `mdx`, with no problems in the plan. */
function vorwort(mdx: string): string {
  const root = copyFixture();
  append(root, 'kapitel/vorwort.mdx', `\n${mdx}\n`);
  expect(messages(root)).toEqual([]);
  return modelOf(root).kapitel.find((k) => k.id === 'vorwort')!.inhalt!.html;
}

/** The problems of the vorwort after appending `mdx`. */
function meldungen(mdx: string): string[] {
  const root = copyFixture();
  append(root, 'kapitel/vorwort.mdx', `\n${mdx}\n`);
  return messages(root).filter((m) => m.startsWith(DATEI));
}

/** A message as an editor must be able to read it: German, no compiler text, no position pairs like 3:1-3:5. */
function istDeutsch(meldung: string) {
  expect(meldung).not.toMatch(/\b(Expected|Unexpected|expected|closing tag|before the end|acorn|character)\b/);
  expect(meldung).not.toMatch(/\(\d+:\d+(-\d+:\d+)?\)/);
  expect(meldung).not.toMatch(/:0[,:]/);
  expect(meldung).toMatch(/erwartet .*; gefunden: /);
}

describe('<br> und Kommentare aus Gewohnheit', () => {
  it('nimmt <br>, <BR>, <br/> und <br > an und macht Zeilenumbrüche daraus', () => {
    const html = parse(vorwort('Zeile eins<br>Zeile zwei<BR>drei<br/>vier<br >fünf\n\n<br>\n\nEnde'));
    expect(html.querySelectorAll('br')).toHaveLength(5);
    expect(html.querySelector('p:last-of-type')?.text).toBe('Ende');
  });

  it('entfernt HTML-Kommentare, auch über mehrere Zeilen und mitten im Satz', () => {
    const html = vorwort('Vor <!-- eine Notiz --> nach.\n\n<!--\nAlter Absatz,\nauskommentiert\n-->\n\nLetzter Absatz.');
    expect(html).not.toContain('Notiz');
    expect(html).not.toContain('auskommentiert');
    expect(html).not.toContain('<!--');
    expect(parse(html).querySelectorAll('p').map((p) => p.text)).toContain('Vor  nach.');
    expect(html).toContain('Letzter Absatz.');
  });

  it('nimmt MDX-Kommentare {/* … */} ebenso an', () => {
    const html = vorwort('Text {/* Notiz */} weiter.\n\n{/* ein Block */}');
    expect(html).not.toContain('Notiz');
    expect(html).toContain('Text  weiter.');
  });

  it('lässt <br> und Kommentare in Code und Codeblöcken stehen, wie sie geschrieben sind', () => {
    const body = 'So: `<br>` und ``a ` <!-- b --> c``\n\n```html\n<br>\n<!-- Kommentar -->\n```\n\n~~~~\n```\n<br>\n~~~~';
    // Parsed with <pre> as an ordinary element, so that its <code> is found.
    const root = parse(vorwort(body), { blockTextElements: {} });
    expect(root.querySelectorAll('code').map((c) => c.text)).toEqual(['<br>', 'a ` <!-- b --> c', '<br>\n<!-- Kommentar -->\n', '```\n<br>\n']);
    expect(root.querySelectorAll('br')).toHaveLength(0);
  });

  it('behält die Zeilennummern nach einem Kommentar über mehrere Zeilen', () => {
    const treffer = meldungen('<!--\neins\nzwei\n-->\n\nText <abbr title="x">offen');
    expect(treffer).toHaveLength(1);
    expect(treffer[0]).toMatch(new RegExp(`^${DATEI}:${ERSTE_ZEILE + 5}, Feld „<abbr>“`));
  });

  it('bereitet den Text vor, ohne Zeilen hinzuzufügen oder wegzunehmen', () => {
    const body = 'a<br>\n<!-- x\ny\nz -->\n```\n<!-- bleibt -->\n```\nb';
    const aus = bereinigeGewohnheiten(body);
    expect(aus.split('\n')).toHaveLength(body.split('\n').length);
    expect(aus).toBe('a<br />\n\n\n\n```\n<!-- bleibt -->\n```\nb');
  });
});

const FEHLER: { name: string; mdx: string; zeile: number; feld: string; text: string }[] = [
  { name: 'ein offenes Element im Absatz', mdx: 'Die <abbr title="Medienentwicklungsplan">MEP ist fertig.', zeile: 0, feld: '<abbr>', text: 'schließen Sie das Element mit `/>` oder `</abbr>`' },
  { name: 'ein offenes Element als Block', mdx: 'Text.\n\n<details>\nMehr dazu\n\nEnde.', zeile: 2, feld: '<details>', text: 'schließen Sie das Element mit `/>` oder `</details>`' },
  { name: 'eine Kennzahl ohne /> im Satz', mdx: 'Es gibt <Kennzahl name="schulen"> Schulen.', zeile: 0, feld: '<Kennzahl>', text: 'schließen Sie das Element mit `/>`: <Kennzahl … />' },
  { name: 'eine Kennzahl ohne /> als Block', mdx: 'Text.\n\n<Kennzahl name="schulen">\n\nEnde.', zeile: 2, feld: '<Kennzahl>', text: '<Kennzahl …> ohne `/>` am Ende' },
  { name: 'ein Bild ohne />', mdx: 'Logo: <img src="/logo.png" alt="Logo"> hier.', zeile: 0, feld: '<img>', text: 'schließen Sie das Element mit `/>`: <img … />' },
  { name: 'ein falsches schließendes Tag', mdx: 'Erst\n<b>fett</i> dann.', zeile: 1, feld: '</i>', text: 'zuerst das schließende Tag `</b>`' },
  { name: 'ein Kommentar ohne Ende', mdx: 'Text.\n\n<!-- offen\n\nEnde.', zeile: 2, feld: '<!-- -->', text: 'einen HTML-Kommentar, der mit `-->` endet' },
  { name: 'ein „<“ als Text', mdx: 'Weniger als 3<4 Geräte.', zeile: 0, feld: '<', text: 'ein „<“ als Text schreibt man `\\<`' },
  { name: 'ein Attribut ohne Anführungszeichen', mdx: '<abbr title=MEP>MEP</abbr>', zeile: 0, feld: '<… name=…>', text: 'Attributwerte in Anführungszeichen' },
  { name: 'ein nicht geschlossener Attributwert', mdx: 'Text <abbr title="MEP>MEP</abbr>', zeile: 0, feld: '<…>', text: 'den Attributwert mit dem Anführungszeichen schließen' },
  { name: 'eine kaputte Klammer', mdx: 'Ein { ohne Ende.', zeile: 0, feld: '{…}', text: 'eine Klammer als Text schreibt man \\{' },
];

describe('MDX, das sich nicht lesen lässt', () => {
  it.each(FEHLER)('meldet $name deutsch mit Datei und Zeile', ({ mdx, zeile, feld, text }) => {
    const treffer = meldungen(mdx);
    expect(treffer, treffer.join('\n')).toHaveLength(1);
    expect(treffer[0]).toMatch(new RegExp(`^${DATEI}:${ERSTE_ZEILE + zeile}, Feld „${feld.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}“: erwartet `));
    expect(treffer[0]).toContain(text);
    istDeutsch(treffer[0]!);
  });

  it('nennt die Zeile auch ganz am Anfang des Texts', () => {
    const root = copyFixture();
    edit(root, 'kapitel/vorwort.mdx', 'Teststadt hat <Kennzahl name="schulen" /> Schulen.', 'Teststadt hat <Kennzahl name="schulen"> Schulen.');
    const treffer = messages(root).filter((m) => m.startsWith(DATEI));
    expect(treffer).toHaveLength(1);
    expect(treffer[0]).toMatch(new RegExp(`^${DATEI}:5, Feld „<Kennzahl>“`));
  });
});

describe('Überschrift-IDs mit Umlauten', () => {
  it('nimmt eine feste ID mit Umlauten an, wie sie aus Überschriften entsteht', () => {
    const root = parse(vorwort('## Was jetzt wichtig ist {#was-jetzt-zählt}\n\nText.'));
    expect(root.querySelector('h2#was-jetzt-zählt')?.text).toBe('Was jetzt wichtig ist');
  });

  it('gibt einer Überschrift mit zerlegtem Umlaut (u + U+0308) dieselbe ID wie mit „ü“', () => {
    const zerlegt = parse(vorwort('## Ausstattung fu\u0308r Schulen\n\nText.'));
    const heading = zerlegt.querySelectorAll('h2').at(-1)!;
    expect(heading.id).toBe('ausstattung-für-schulen');
    expect(heading.id).toBe('ausstattung-für-schulen'.normalize('NFC'));
    expect(heading.text).toBe('Ausstattung für Schulen');
  });

  it('hält eine veröffentlichte ID mit Umlauten über „alteAnker“ am Leben', () => {
    const { html, ids, problems } = renderMdx('## Neue Überschrift\n\nText.', { 'was-jetzt-zählt': 'neue-u\u0308berschrift' });
    expect(problems).toEqual([]);
    expect(ids.map((i) => i.id)).toEqual(['neue-überschrift']);
    expect(parse(html).querySelector('h2#neue-überschrift span.alias-anker')?.id).toBe('was-jetzt-zählt');
  });

  it('meldet eine feste ID mit unsichtbaren Zeichen und nennt sie sichtbar', () => {
    const treffer = meldungen('## Förderung {#foerder\u200bung}\n\nText.');
    expect(treffer).toHaveLength(1);
    expect(treffer[0]).toMatch(new RegExp(`^${DATEI}:${ERSTE_ZEILE}, Feld „\\{#…\\}“`));
    expect(treffer[0]).toContain('U+200B');
    expect(treffer[0]).not.toContain('\u200b');
  });
});
