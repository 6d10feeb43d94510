/**
 * MDX content can never put code on a page: each attack below fails the check with
 * file and line, and the HTML the renderer makes of it is inert when parsed as a
 * browser would (no event-handler attribute, no javascript: or data: address).
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { append, copyFixture, messages } from '../helpers/fixture.ts';
import { fuelleKennzahlen, renderMdx } from '../../src/plan/mdx/render.ts';

/** The line the appended text starts at in the fixture's vorwort.mdx (after a blank line). */
const ERSTE_ZEILE = 11;

const FAELLE: { name: string; mdx: string; zeile: number; feld: string }[] = [
  { name: 'Ereignis-Attribut auf der nächsten Zeile', mdx: '<img src="bild.png"\n  onerror="alert(1)" />', zeile: 1, feld: '<img onerror>' },
  { name: 'Ereignis-Attribut in ungewohnter Schreibung', mdx: '<p OnClick="alert(1)">Text</p>', zeile: 0, feld: '<p OnClick>' },
  { name: 'javascript: in Großbuchstaben', mdx: '[Klick](JAVASCRIPT:alert(1))', zeile: 0, feld: '[…](…)' },
  { name: 'javascript: in gemischter Schreibung', mdx: '[Klick](JaVaScRiPt:alert(1))', zeile: 0, feld: '[…](…)' },
  { name: 'javascript: als Zeichenreferenz', mdx: '[Klick](&#106;avascript:alert(1))', zeile: 0, feld: '[…](…)' },
  { name: 'javascript: mit Leerraum', mdx: '<a href=" java\tscript:alert(1)">Klick</a>', zeile: 0, feld: '<a href>' },
  { name: 'javascript: nach Zeilenumbruch im Attribut', mdx: '<a href="\njavascript:alert(1)">Klick</a>', zeile: 0, feld: '<a href>' },
  { name: 'javascript: als Verweisdefinition', mdx: 'Siehe [hier][x].\n\n[x]: javascript:alert(1)', zeile: 2, feld: '[…]: …' },
  { name: 'data:-Link', mdx: '[Datei](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)', zeile: 0, feld: '[…](…)' },
  { name: 'data:-Bild', mdx: '<img src="data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E" alt="" />', zeile: 0, feld: '<img src>' },
  { name: 'Bild von fremdem Server', mdx: '![Logo](https://tracker.example/pixel.png)', zeile: 0, feld: '![…](…)' },
  { name: '<svg><script>', mdx: '<svg><script>alert(1)</script></svg>', zeile: 0, feld: '<svg>' },
  { name: '<iframe> in einer Liste', mdx: '- Punkt eins\n- Punkt <iframe src="https://video.example/x"></iframe>', zeile: 1, feld: '<iframe>' },
  { name: '<script> als Block', mdx: '<script>\nalert(1)\n</script>', zeile: 0, feld: '<script>' },
  { name: 'style-Attribut', mdx: '<span style="background:url(https://tracker.example/x)">Text</span>', zeile: 0, feld: '<span style>' },
  // The one address rule (src/plan/adressen.ts): forms a browser reads as a foreign server.
  { name: 'Bild von „/\\host“', mdx: '<img src="/\\evil.example/t.png" alt="" />', zeile: 0, feld: '<img src>' },
  { name: 'fremder Server im srcset', mdx: '<img src="/a.png" srcset="/a.png 1x, //evil.example/b.png 2x" alt="" />', zeile: 0, feld: '<img srcset>' },
  { name: 'Markdown-Link nach „/\\host“', mdx: '[Mehr](/\\evil.example/)', zeile: 0, feld: '[…](…)' },
  { name: 'Markdown-Bild von „//host“', mdx: '![Logo](//evil.example/t.png)', zeile: 0, feld: '![…](…)' },
  { name: 'href auf einem anderen Element', mdx: '<span href="/\\evil.example/">Text</span>', zeile: 0, feld: '<span href>' },
  { name: 'prozentkodierte Schrägstriche', mdx: '[Mehr](%2F%2Fevil.example/)', zeile: 0, feld: '[…](…)' },
  { name: 'unverschlüsselter Link', mdx: '[Rat](http://rat.example/v/1)', zeile: 0, feld: '[…](…)' },
];

describe('Inhaltsregeln für MDX', () => {
  it.each(FAELLE)('weist $name mit Datei und Zeile zurück', ({ mdx, zeile, feld }) => {
    const root = copyFixture();
    append(root, 'kapitel/vorwort.mdx', `\n${mdx}\n`);
    const treffer = messages(root).filter((m) => m.includes(`Feld „${feld}“`));
    expect(treffer, messages(root).join('\n')).toHaveLength(1);
    expect(treffer[0]).toMatch(new RegExp(`^content/kapitel/vorwort\\.mdx:${ERSTE_ZEILE + zeile}, `));
  });

  it.each(FAELLE)('macht aus $name kein ausführbares HTML', ({ mdx }) => {
    const html = parse(renderMdx(`Davor.\n\n${mdx}\n\nDanach.`).html);
    for (const el of html.querySelectorAll('*')) {
      for (const [name, value] of Object.entries(el.attributes)) {
        expect(name.toLowerCase().startsWith('on'), `${el.tagName} ${name}`).toBe(false);
        if (['href', 'src', 'srcset', 'cite'].includes(name.toLowerCase())) {
          // node-html-parser decodes entities in attribute values, as a browser does.
          expect(value.replace(/[\u0000-\u0020]/g, ''), `${el.tagName} ${name}`).not.toMatch(/^(javascript|data|vbscript):/i);
          expect(value, `${el.tagName} ${name}`).not.toMatch(/^(\/\/|\/\\|\\)|evil\.example/);
        }
      }
      expect(['SCRIPT', 'IFRAME', 'SVG', 'STYLE', 'OBJECT', 'EMBED'], el.tagName).not.toContain(el.tagName);
    }
  });

  it('lässt einfaches HTML, Links und Tabellen durch', () => {
    const { html, problems } = renderMdx('<abbr title="Medienentwicklungsplan">MEP</abbr> und [Ratsinfo](https://rat.example/v/1), [Kontakt](mailto:a@b.example), [intern](/finanzen/#bedarf).\n\n| a | b |\n| - | - |\n| 1 | 2 |\n');
    expect(problems).toEqual([]);
    const root = parse(fuelleKennzahlen(html, []));
    expect(root.querySelector('abbr')?.getAttribute('title')).toBe('Medienentwicklungsplan');
    expect(root.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(['https://rat.example/v/1', 'mailto:a@b.example', '/finanzen/#bedarf']);
    expect(root.querySelectorAll('td').map((td) => td.text)).toEqual(['1', '2']);
  });

  it('setzt den Basispfad der Website nur vor Links innerhalb der Website', () => {
    const { html } = renderMdx('[Finanzen](/finanzen/#bedarf), [Rat](https://rat.example/v/1), [Abschnitt](#oben) und der Text „/finanzen/“ bleibt.');
    const gefuellt = fuelleKennzahlen(html, [], '/mep/');
    expect(parse(gefuellt).querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(['/mep/finanzen/#bedarf', 'https://rat.example/v/1', '#oben']);
    expect(parse(gefuellt).text).toContain('„/finanzen/“');
    expect(gefuellt).not.toContain('&#x0;');
  });
});

describe('Tabellen mit der Nummer des Plans', () => {
  it('macht die Beschriftung des Plans über einer Tabelle zu ihrer Beschriftung und behält die Nummer', () => {
    const { html, problems } = renderMdx('Davor.\n\nTab. 7: Geräte je Schulform\n\n| Schulform | Geräte |\n| - | - |\n| Grundschule | 120 |\n\nDanach.\n');
    expect(problems).toEqual([]);
    const root = parse(fuelleKennzahlen(html, []));
    const tabelle = root.querySelector('table')!;
    expect(tabelle.getAttribute('data-nummer')).toBe('Tab. 7');
    expect(tabelle.querySelector('caption .tab-nummer')?.text).toBe('Tab. 7: ');
    expect(tabelle.querySelector('caption .tabelle-titel')?.text).toBe('Geräte je Schulform');
    expect(root.querySelector('.tabelle')?.getAttribute('aria-label')).toBe('Tab. 7: Geräte je Schulform');
    // The caption is not printed twice: the paragraph it came from is gone, the others stay.
    expect(root.querySelectorAll('p').map((p) => p.text)).toEqual(['Davor.', 'Weitere Spalten: seitlich verschieben', 'Danach.']);
  });

  it('lässt einen Absatz stehen, der keine Beschriftung ist oder vor keiner Tabelle steht', () => {
    for (const mdx of ['Tab. 7: steht allein.\n\nText.', 'Abb. 3: Ein Bild\n\n| a | b |\n| - | - |\n| 1 | 2 |', 'Zum Stand: siehe unten\n\n| a | b |\n| - | - |\n| 1 | 2 |']) {
      const root = parse(fuelleKennzahlen(renderMdx(mdx).html, []));
      expect(root.querySelector('table')?.getAttribute('data-nummer') ?? null, mdx).toBeNull();
      expect(root.querySelector('p')?.text, mdx).toBe(mdx.split('\n')[0]);
    }
  });
});
