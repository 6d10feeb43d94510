import { describe, expect, it } from 'vitest';
import { ankerAusHtml, ankerMeldung, fehlendeAnker, fortgeschriebenesRegister, istWeiterleitung } from '../../src/lib/anker.ts';

describe('Anker', () => {
  it('nimmt Ids aus dem Hauptinhalt, nicht aus Grafiken, Formularen oder Kopf und Fuß', () => {
    const html = `<header id="kopf"></header><main id="inhalt"><h2 id="a">A</h2><svg><title id="t">x</title></svg>
      <input id="filter"><li id="b"><span id="alt"></span></li></main><footer id="fuss"></footer>`;
    expect(ankerAusHtml(html)).toEqual(['a', 'alt', 'b']);
  });

  it('erkennt Weiterleitungsseiten', () => {
    expect(istWeiterleitung('<meta http-equiv="refresh" content="0;url=/neu/">')).toBe(true);
    expect(istWeiterleitung('<main></main>')).toBe(false);
  });

  it('meldet verschwundene Seiten und Anker, nicht aber Weiterleitungen', () => {
    const register = { '/a/': ['x', 'y'], '/b/': ['z'], '/c/': ['w'] };
    const aktuell = { '/a/': ['x', 'neu'], '/c/': [] };
    expect(fehlendeAnker(register, aktuell)).toEqual([{ seite: '/a/', id: 'y' }, { seite: '/b/' }]);
    expect(ankerMeldung({ seite: '/a/', id: 'y' })).toContain('alteAnker: { y: neue-id }');
    expect(ankerMeldung({ seite: '/b/' })).toContain('content/weiterleitungen.yaml');
  });

  it('schreibt das Register fort, ohne Veröffentlichtes zu verlieren', () => {
    expect(fortgeschriebenesRegister({ '/a/': ['x', 'y'] }, { '/a/': ['x', 'z'], '/b/': [] })).toEqual({ '/a/': ['x', 'y', 'z'], '/b/': [] });
  });
});
