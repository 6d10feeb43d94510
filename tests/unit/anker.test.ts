import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ankerAusHtml, ankerMeldung, kommuneDerSite, fehlendeAnker, fortgeschriebenesRegister, istWeiterleitung, letzterBau, merkeLetztenBau, REGISTER_DATEI, sammleAnker, vergissLetztenBau, weiterleitungsseiten } from '../../src/ausgabe/anker.ts';
import { append, copyFixture } from '../helpers/fixture.ts';

describe('Anker', () => {
  it('nimmt Ids aus dem Hauptinhalt, nicht aus Grafiken, Formularen oder Kopf und Fuß', () => {
    const html = `<header id="kopf"></header><main id="inhalt"><h2 id="a">A</h2><svg><title id="t">x</title></svg>
      <input id="filter"><li id="b"><span id="alt"></span></li></main><footer id="fuss"></footer>`;
    expect(ankerAusHtml(html)).toEqual(['a', 'alt', 'b']);
  });

  it('liest aus einer gebauten Website, welche Kommune sie nennt (damit kein fremder Plan ins Register gerät)', () => {
    const dist = join(copyFixture(), 'dist');
    expect(kommuneDerSite(dist)).toBeUndefined();
    mkdirSync(dist, { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<header><a class="site-title" href="/"><span class="site-kommune">Stadt M&uuml;hlenbach <b>an der</b> Aue</span><span class="site-plan">MEP</span></a></header>');
    expect(kommuneDerSite(dist)).toBe('Stadt Mühlenbach an der Aue');
  });

  it('erkennt Weiterleitungsseiten', () => {
    expect(istWeiterleitung('<meta http-equiv="refresh" content="0;url=/neu/">')).toBe(true);
    expect(istWeiterleitung('<main></main>')).toBe(false);
    const dist = join(copyFixture(), 'dist');
    const seiten: [string, string][] = [['alt', '<meta http-equiv="refresh" content="0;url=/neu/">'], ['leer', '<main id="inhalt"><p>Text</p></main>']];
    for (const [pfad, html] of seiten) {
      mkdirSync(join(dist, pfad), { recursive: true });
      writeFileSync(join(dist, pfad, 'index.html'), html);
    }
    const aktuell = sammleAnker(dist);
    expect(aktuell).toEqual({ '/alt/': [], '/leer/': [] });
    expect(weiterleitungsseiten(dist, aktuell)).toEqual(['/alt/']);
  });

  it('meldet verschwundene Seiten und Anker, nicht aber Weiterleitungen', () => {
    const register = { '/a/': ['x', 'y'], '/b/': ['z'], '/c/': ['w'] };
    const aktuell = { '/a/': ['x', 'neu'], '/c/': [] };
    expect(fehlendeAnker(register, aktuell)).toEqual([{ seite: '/a/', id: 'y' }, { seite: '/b/' }]);
    // With the build's redirect pages known, a page that merely lost all its anchors is caught.
    expect(fehlendeAnker(register, aktuell, [])).toEqual([{ seite: '/a/', id: 'y' }, { seite: '/b/' }, { seite: '/c/', id: 'w' }]);
    expect(fehlendeAnker(register, aktuell, ['/c/'])).toEqual([{ seite: '/a/', id: 'y' }, { seite: '/b/' }]);
    expect(ankerMeldung({ seite: '/a/', id: 'y' })).toContain('alteAnker: { y: neue-id }');
    expect(ankerMeldung({ seite: '/b/' })).toContain('content/weiterleitungen.yaml');
  });

  it('nennt den Befehl, der einen Anker wirklich entfernt, nicht das bloße „npm run anker“', () => {
    for (const f of [{ seite: '/a/', id: 'y' }, { seite: '/b/' }]) {
      const meldung = ankerMeldung(f);
      expect(meldung).toContain('„npm run anker -- --ersetzen“');
      // Plain `npm run anker` keeps every published anchor: it is named only as what does not drop one.
      expect(meldung).toContain('ein bloßes „npm run anker“ behält');
      expect(meldung.replace('„npm run anker -- --ersetzen“', '').replace('ein bloßes „npm run anker“ behält', '')).not.toContain('npm run anker');
    }
    expect(ankerMeldung({ seite: '/a/', id: 'y' })).toContain('„## Überschrift {#y}“');
    expect(ankerMeldung({ seite: '/b/' }, 'beispiele/grossstadt')).toContain('beispiele/grossstadt/weiterleitungen.yaml');
  });

  it('erkennt einen Anker, der nur anders kodiert ist (zerlegter Umlaut), und sagt es', () => {
    const veroeffentlicht = 'was-jetzt-za\u0308hlt';
    const fehlend = fehlendeAnker({ '/k/': [veroeffentlicht] }, { '/k/': ['was-jetzt-zählt'] });
    expect(fehlend).toEqual([{ seite: '/k/', id: veroeffentlicht, aehnlich: 'was-jetzt-zählt' }]);
    const meldung = ankerMeldung(fehlend[0]!);
    expect(meldung).toContain('die Umlaute anders kodiert');
    expect(meldung).toContain('veröffentlicht: U+0308; jetzt: U+00E4');
    // Ids that differ in more than their encoding are no look-alikes.
    expect(fehlendeAnker({ '/k/': ['a-b'] }, { '/k/': ['a-c'] })).toEqual([{ seite: '/k/', id: 'a-b' }]);
  });

  it('merkt sich die Anker eines abgebrochenen Builds, solange der Plan unverändert ist', () => {
    const root = copyFixture();
    const inhalt = join(root, 'content');
    const cache = join(root, 'cache');
    expect(letzterBau(cache, inhalt)).toBeUndefined();
    merkeLetztenBau(cache, inhalt, { '/a/': ['x'] });
    expect(letzterBau(cache, inhalt)).toEqual({ register: { '/a/': ['x'] }, veraltet: false });
    // The register itself may change (that is what `npm run anker` writes), the plan may not.
    writeFileSync(join(inhalt, REGISTER_DATEI), '{}\n');
    expect(letzterBau(cache, inhalt)?.veraltet).toBe(false);
    append(root, 'kapitel/vorwort.mdx', '\nNeuer Absatz.\n');
    expect(letzterBau(cache, inhalt)?.veraltet).toBe(true);
    vergissLetztenBau(cache);
    expect(letzterBau(cache, inhalt)).toBeUndefined();
  });

  it('schreibt das Register fort, ohne Veröffentlichtes zu verlieren', () => {
    expect(fortgeschriebenesRegister({ '/a/': ['x', 'y'] }, { '/a/': ['x', 'z'], '/b/': [] })).toEqual({ '/a/': ['x', 'y', 'z'], '/b/': [] });
  });
});
