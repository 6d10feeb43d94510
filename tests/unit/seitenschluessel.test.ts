/**
 * The keys of the incremental build (src/ausgabe/seitenschluessel.ts) without Astro: what changes
 * a key and what does not. That an incremental build equals a cold one is shown on whole builds
 * in tests/site/inkrementell.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureModel } from '../helpers/fixture.ts';
import { registry } from '../../src/plan/aktuell.ts';
import { gitDaten } from '../../src/plan/git.ts';
import { fussangaben, merkeStempel, mitSchluessel, planDigest, schreibeStempel, seitenSchluessel, STEMPEL_DATEI, vergissStempel } from '../../src/ausgabe/seitenschluessel.ts';
import type { PlanModel } from '../../src/plan/model.ts';

let cacheDir: string;
let vorher: typeof registry.aktuell;
const model = fixtureModel();
const muster = '/massnahmen/[id]';
const params = { id: 'a-01' };
const id = `${muster} ${JSON.stringify([['id', 'a-01']])}`;

/** A copy of the model with one change, as a new build would load it. */
const kopie = (aendern: (m: PlanModel) => void): PlanModel => {
  const m = structuredClone(model);
  aendern(m);
  return m;
};

/** One build: the key now, then (as the page renders) the layout's note, written for the next build. */
function bau(m: PlanModel, pruefung?: string): string | undefined {
  const schluessel = seitenSchluessel(m, id);
  const stempel = { pfade: [m.massnahmen[0]!.file], ...(pruefung ? { pruefung } : {}) };
  merkeStempel(muster, params, stempel, fussangaben(gitDaten(m.ort.contentDir), stempel, m.plan.stand).werte);
  schreibeStempel(cacheDir);
  return schluessel;
}

beforeEach(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'planwerk-schluessel-'));
  vorher = registry.aktuell;
  registry.aktuell = { ort: model.ort, cacheDir, lade: async () => ({ ort: model.ort, problems: [], warnungen: [], model, dauerMs: 0, neuGerendert: 0, mdxGesamt: 0 }) };
  vergissStempel();
});

afterEach(() => {
  registry.aktuell = vorher;
  vergissStempel();
  rmSync(cacheDir, { recursive: true, force: true });
});

describe('Schlüssel der Seiten', () => {
  it('bleibt gleich, solange Plan, eigener Text und Fußzeile gleich bleiben', () => {
    const erster = bau(model);
    expect(erster).toBeTypeOf('string');
    expect(bau(structuredClone(model))).toBe(erster);
  });

  it('ändert sich mit jeder Angabe des Plans, aber nicht mit der Zeile eines Eintrags oder dem Text einer anderen Seite', () => {
    const digest = planDigest(model);
    expect(planDigest(kopie((m) => (m.plan.kommune = `${m.plan.kommune} (neu)`)))).not.toBe(digest);
    expect(planDigest(kopie((m) => (m.akteure[0]!.data.name = 'Ein anderer Name')))).not.toBe(digest);
    expect(planDigest(kopie((m) => (m.massnahmen[0]!.data.titel = 'Ein anderer Titel')))).not.toBe(digest);
    expect(planDigest(kopie((m) => (m.massnahmen[0]!.line = (m.massnahmen[0]!.line ?? 1) + 5)))).toBe(digest);
    expect(planDigest(kopie((m) => (m.massnahmen[0]!.inhalt!.html += '<p>Neuer Absatz</p>')))).toBe(digest);
  });

  it('nimmt den eigenen gerenderten Text einer Seite auf', () => {
    const pfade = (m: PlanModel) => mitSchluessel(muster, m, [{ params, props: { entry: m.massnahmen[0] } }]);
    const davor = pfade(model)[0]!.cacheKey;
    const danach = pfade(kopie((m) => (m.massnahmen[0]!.inhalt!.digest = 'anders')))[0]!.cacheKey;
    expect(davor).toBeTypeOf('string');
    expect(danach).not.toBe(davor);
  });

  it('ändert sich, wenn die Fußzeile heute andere Werte hätte als beim letzten Rendern (git-Datum, verstrichene Prüfung)', () => {
    const erster = bau(model, '2999-12-31');
    // As if the page had been rendered on a day its review was not yet due, and is due today.
    const datei = join(cacheDir, STEMPEL_DATEI);
    const notizen = JSON.parse(readFileSync(datei, 'utf8')) as Record<string, { stempel: { pruefung?: string } }>;
    notizen[id]!.stempel.pruefung = '2000-01-01';
    writeFileSync(datei, JSON.stringify(notizen));
    vergissStempel();
    expect(seitenSchluessel(model, id)).not.toBe(erster);
  });

  it('gibt keinen Schlüssel, wenn Astro einen Bau kennt, Planwerks Notizen dazu aber fehlen', () => {
    writeFileSync(join(cacheDir, 'incremental-build.json'), '{}');
    expect(seitenSchluessel(model, id)).toBeUndefined();
  });
});
