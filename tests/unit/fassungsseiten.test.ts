/**
 * Old page numbers of adopted Fassungen (fassungen.yaml `seiten`): the address key of each
 * Fassung, the redirect pages they give, their targets in the model, and the check after the
 * build that the target page has the anchor.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, messages, modelOf, write } from '../helpers/fixture.ts';
import { fassungsschluessel, fassungsseiten, zielName } from '../../src/ausgabe/fassungsseiten.ts';
import { pruefeWeiterleitungen, weiterleitungen, type Weiterleitung } from '../../src/ausgabe/weiterleitungen.ts';
import type { Entry } from '../../src/plan/model.ts';

/** A Fassung as the model holds it, with only what the key depends on. */
const fassung = (id: string, beschlossen: string, seiten?: Record<string, string>): Entry<'fassungen'> => ({
  id,
  file: 'content/fassungen.yaml',
  line: 1,
  data: { id, name: id, nummer: 1, beschlossen, massnahmen: [], ...(seiten ? { seiten } : {}) },
});

describe('Adressen alter Seiten', () => {
  it('nennt eine Fassung nach dem Jahr ihres Beschlusses', () => {
    const model = { fassungen: [fassung('mep-2021', '2021-06', { '34': '/finanzen/' }), fassung('fortschreibung', '2023-03-30', { '2': '/' })] };
    expect(fassungsschluessel(model)).toEqual(new Map([['mep-2021', '2021'], ['fortschreibung', '2023']]));
    expect(fassungsseiten(model).map((s) => s.von)).toEqual(['/fassung/2021/seite/34/', '/fassung/2023/seite/2/']);
  });

  it('nennt zwei Fassungen mit Seiten aus demselben Jahr nach ihrer ID', () => {
    const model = { fassungen: [fassung('mep-2021', '2021-01', { '3': '/' }), fassung('nachtrag-2021', '2021-11-04', { '3': '/finanzen/' }), fassung('entwurf', '2021-02')] };
    expect(fassungsseiten(model).map((s) => s.von)).toEqual(['/fassung/mep-2021/seite/3/', '/fassung/nachtrag-2021/seite/3/']);
  });

  it('zählt eine Fassung ohne Seiten im selben Jahr nicht mit', () => {
    const model = { fassungen: [fassung('mep-2021', '2021', { '3': '/' }), fassung('nachtrag', '2021-11')] };
    expect(fassungsseiten(model).map((s) => s.von)).toEqual(['/fassung/2021/seite/3/']);
  });

  it('ordnet die Seiten nach ihrer Zahl und trennt Pfad und Anker', () => {
    const seiten = fassungsseiten({ fassungen: [fassung('f', '2021', { '100': '/finanzen/#bedarf', '9': '/kapitel/r%C3%BCckblick/#r%C3%A4ume' })] });
    expect(seiten.map((s) => [s.nummer, s.pfad, s.anker, s.feld])).toEqual([
      ['9', '/kapitel/rückblick/', 'räume', 'seiten.9'],
      ['100', '/finanzen/', 'bedarf', 'seiten.100'],
    ]);
  });
});

describe('Alte Seiten im Plan', () => {
  const ALT = ['- id: mep-2021', '  name: Medienentwicklungsplan 2021', '  nummer: 1', '  beschlossen: 2021-06', '  seiten:', '    "12": /kapitel/vorwort/#ausstattung-fest', '    "13": /kapitel/vorwort/', ''].join('\n');

  it('nimmt Seiten an, die auf vorhandene Seiten und Anker zeigen, und leitet sie weiter', () => {
    const root = copyFixture();
    write(root, 'fassungen.yaml', ALT);
    expect(messages(root)).toEqual([]);
    const model = modelOf(root);
    const liste = weiterleitungen(model).filter((w) => w.fassungsseite);
    expect(liste.map((w) => [w.von, w.nach, w.anker, w.feld])).toEqual([
      ['/fassung/2021/seite/12/', '/kapitel/vorwort/', 'ausstattung-fest', 'seiten.12'],
      ['/fassung/2021/seite/13/', '/kapitel/vorwort/', undefined, 'seiten.13'],
    ]);
    expect(liste[0]!.fassungsseite).toEqual({ fassung: 'Medienentwicklungsplan 2021', nummer: '12' });
    expect(zielName(model, '/kapitel/vorwort/', 'ausstattung-fest')).toBe('Vorwort, Abschnitt „Ausstattung“');
    expect(zielName(model, '/kapitel/vorwort/')).toBe('Vorwort');
  });

  it('folgt einer Weiterleitung aus weiterleitungen.yaml bis zur Seite mit dem Anker', () => {
    const root = copyFixture();
    write(root, 'weiterleitungen.yaml', '- { von: /kapitel/einleitung/, nach: /kapitel/vorwort/ }\n');
    write(root, 'fassungen.yaml', ALT.replace('/kapitel/vorwort/#ausstattung-fest', '/kapitel/einleitung/#ausstattung-fest'));
    expect(messages(root)).toEqual([]);
    write(root, 'fassungen.yaml', ALT.replace('/kapitel/vorwort/#ausstattung-fest', '/kapitel/einleitung/#netze'));
    expect(messages(root)).toEqual([
      expect.stringMatching(/^content\/fassungen\.yaml:6, Eintrag „mep-2021“, Feld „seiten\.12“: erwartet einen Anker, den die Seite \/kapitel\/vorwort\/ hat .*die Seite hat keinen Anker „netze“/),
    ]);
  });
});

describe('Alte Seiten nach dem Bau', () => {
  const w = (nach: string, anker?: string): Weiterleitung => ({ von: '/fassung/2021/seite/34/', nach, anker, file: 'content/fassungen.yaml', line: 5, feld: 'seiten.34', fassungsseite: { fassung: 'MEP 2021', nummer: '34' } });
  const dist = () => {
    const d = mkdtempSync(join(tmpdir(), 'planwerk-seiten-'));
    mkdirSync(join(d, 'finanzen'));
    writeFileSync(join(d, 'finanzen', 'index.html'), '<html><body><main id="inhalt"><h2 id="bedarf">Bedarf</h2></main></body></html>');
    return d;
  };

  it('verlangt den Anker auf der gebauten Seite', () => {
    const d = dist();
    expect(pruefeWeiterleitungen([w('/finanzen/', 'bedarf'), w('/finanzen/', 'inhalt'), w('/finanzen/')], d)).toEqual([]);
    expect(pruefeWeiterleitungen([w('/finanzen/', 'tab-4')], d)).toEqual([
      { file: 'content/fassungen.yaml', line: 5, entry: '/fassung/2021/seite/34/', field: 'seiten.34', expected: 'einen Anker, den die Seite /finanzen/ hat', found: '„/finanzen/#tab-4“: die Seite hat keinen Anker „tab-4“' },
    ]);
  });

  it('meldet eine Zielseite, die nicht gebaut wurde, am Feld der Seite', () => {
    expect(pruefeWeiterleitungen([w('/schulen/', 'x')], dist())).toMatchObject([{ field: 'seiten.34', found: '/schulen/ (gibt es nicht)' }]);
  });
});
