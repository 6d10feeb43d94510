/**
 * `npm run pruefen` finds everything the build would. The build loads the plan with
 * ladePlan → validatePlan before Astro renders anything, and stops with those messages; so
 * parity is about `pruefe()` reporting every message validatePlan gives, word for word,
 * plus the checks the build runs before validatePlan (the base path). Real Astro builds per
 * case would take minutes; the build's own checks after rendering (anchors and redirect
 * targets on the written pages) are tested in tests/site/.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../helpers/fixture.ts';
import { FAELLE } from '../helpers/meldungskorpus.ts';
import { validatePlan } from '../../src/pruefung/validate.ts';
import { planLocation } from '../../src/plan/sources.ts';
import { befundAusProblem, pruefe, textzeile, type Befund } from '../../src/cli/pruefen.ts';
import { pruefeBasis } from '../../src/plan/basispfad.ts';

const kopien: string[] = [];
afterAll(() => kopien.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function kopie(): string {
  const root = copyFixture();
  kopien.push(root);
  return root;
}

/** No base path given, whatever the environment of the test run says. */
const OHNE_BASIS = { basis: undefined, quelle: 'PLANWERK_BASIS' } as const;

/** A finding as pruefen prints it, hint included. */
const zeile = (b: Befund) => textzeile(b);

describe('pruefen und Build melden dasselbe', () => {
  it.each(FAELLE.map((f) => [f.was, f] as const))('%s', async (_, fall) => {
    const root = kopie();
    fall.aenderung(root);
    const build = validatePlan(planLocation(join(root, 'content'), root), undefined, undefined, fall.umbenennungen).problems.map((p) => zeile(befundAusProblem(p)));
    const ergebnis = await pruefe(root, 'content', OHNE_BASIS, fall.umbenennungen);
    const pruefen = ergebnis.fehler.map(zeile);
    expect(build.length, 'der Fall des Korpus bricht den Build').toBeGreaterThan(0);
    // Every message of the build, word for word, and nothing the build would not stop for.
    expect([...pruefen].sort()).toEqual([...build].sort());
    expect(pruefen.some((z) => z.includes(fall.text)), `„${fall.text}“ in:\n${pruefen.join('\n')}`).toBe(true);
  });
});

describe('Prüfungen, die der Build vor dem Plan macht', () => {
  it('meldet einen ungültigen Basispfad wie der Build, zusammen mit den Fehlern des Plans', async () => {
    const root = kopie();
    const ergebnis = await pruefe(root, 'content', { basis: '/mep/../x/', quelle: '--basis' });
    // The build's message (src/cli/bauen.ts calls the same pruefeBasis).
    const erwartet = pruefeBasis('/mep/../x/', '--basis').map((p) => zeile(befundAusProblem(p)));
    expect(erwartet).toHaveLength(1);
    expect(ergebnis.fehler.map(zeile)).toEqual(erwartet);
    expect(ergebnis.fehler[0]).toMatchObject({ file: '--basis', meldung: 'erwartet einen Pfad aus Buchstaben, Ziffern und - . _ ~ zwischen Schrägstrichen, z. B. /mep/; gefunden: „/mep/../x/“' });
  });

  it('nimmt einen gültigen Basispfad und keinen hin', async () => {
    const root = kopie();
    expect((await pruefe(root, 'content', { basis: '/mep/', quelle: 'PLANWERK_BASIS' })).fehler).toEqual([]);
    expect((await pruefe(root, 'content', OHNE_BASIS)).fehler).toEqual([]);
  });

  it('liest den Basispfad aus PLANWERK_BASIS, wenn kein --basis gegeben ist', async () => {
    const root = kopie();
    const vorher = process.env.PLANWERK_BASIS;
    process.env.PLANWERK_BASIS = 'mit leerzeichen';
    try {
      const ergebnis = await pruefe(root, 'content');
      expect(ergebnis.fehler.map((b) => [b.file, b.meldung])).toEqual([['PLANWERK_BASIS', expect.stringContaining('gefunden: „mit leerzeichen“')]]);
    } finally {
      if (vorher === undefined) delete process.env.PLANWERK_BASIS;
      else process.env.PLANWERK_BASIS = vorher;
    }
  });
});
