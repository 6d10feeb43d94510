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
import { ALLE_LINKS, fussangaben, merkeLink, merkeStempel, mitSchluessel, planDigest, schreibeStempel, seitenId, seitenSchluessel, STEMPEL_DATEI, vergissStempel } from '../../src/ausgabe/seitenschluessel.ts';
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
    // A decision's question and choice, which the pages of its Handlungsfeld and its Maßnahmen show.
    expect(planDigest(kopie((m) => (m.entscheidungen[0]!.data.frage = 'Eine andere Frage?')))).not.toBe(digest);
    expect(planDigest(kopie((m) => (m.entscheidungen[0]!.data.wahl = m.entscheidungen[0]!.data.optionen[0]!.id)))).not.toBe(digest);
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

describe('Schlüssel und externe Links', () => {
  const [a, b] = model.links ?? [];
  /** Three pages, as one build renders them: one shows the date of link a, one the list of all links (/daten/), one no link. */
  const seiten = { einLink: '/akteure/[id]', alle: '/daten/[...seite]', keiner: muster } as const;
  function bauMitLinks(m: PlanModel): Record<keyof typeof seiten, string | undefined> {
    const schluessel = {} as Record<keyof typeof seiten, string | undefined>;
    for (const [name, route] of Object.entries(seiten) as [keyof typeof seiten, string][]) {
      const p = { id: name };
      schluessel[name] = seitenSchluessel(m, seitenId(route, p));
      const stempel = { pfade: [m.massnahmen[0]!.file] };
      merkeStempel(route, p, stempel, fussangaben(gitDaten(m.ort.contentDir), stempel, m.plan.stand).werte);
      if (name === 'einLink') merkeLink(m, route, p, a!.url);
      if (name === 'alle') merkeLink(m, route, p, ALLE_LINKS);
    }
    schreibeStempel(cacheDir);
    return schluessel;
  }
  /** The model with a new date of the last check for one link, as `planwerk links` writes it. */
  const geprueft = (m: PlanModel, url: string, tag: string) => {
    const link = m.links!.find((l) => l.url === url)!;
    link.register = { url, geprueft: tag, zuletzt: tag, status: 'erreichbar', quellen: [...new Set(link.fundstellen.map((f) => f.datei))] };
  };

  it('gehören nicht zu den Daten, die jede Seite angehen', () => {
    expect(a && b, 'die Testdaten haben zwei externe Links').toBeTruthy();
    expect(planDigest(kopie((m) => geprueft(m, a!.url, '2026-12-01')))).toBe(planDigest(model));
    expect(planDigest(kopie((m) => m.links!.push({ url: 'https://neu.example/', fundstellen: [] })))).toBe(planDigest(model));
  });

  it('ein neues Prüfdatum ändert nur die Schlüssel der Seiten, die diesen Link zeigen', () => {
    const erster = bauMitLinks(model);
    expect(bauMitLinks(structuredClone(model)), 'unverändert').toEqual(erster);
    // A date for link a: its page and the list of all links render anew, the page without links does not.
    const mitA = kopie((m) => geprueft(m, a!.url, '2026-12-01'));
    const zweiter = bauMitLinks(mitA);
    expect(zweiter.einLink).not.toBe(erster.einLink);
    expect(zweiter.alle).not.toBe(erster.alle);
    expect(zweiter.keiner).toBe(erster.keiner);
    // Then a date for link b: only the list shows it.
    const mitB = structuredClone(mitA);
    geprueft(mitB, b!.url, '2026-12-02');
    const dritter = bauMitLinks(mitB);
    expect(dritter.einLink).toBe(zweiter.einLink);
    expect(dritter.alle).not.toBe(zweiter.alle);
    expect(dritter.keiner).toBe(zweiter.keiner);
    // A link the plan cites anew (in a text, so not in the plan's data) reaches the list.
    const mitNeuem = structuredClone(mitB);
    mitNeuem.links!.push({ url: 'https://neu.example/', fundstellen: [{ datei: 'kapitel/vorwort.mdx', sammlung: 'kapitel', id: 'vorwort' }] });
    const vierter = bauMitLinks(mitNeuem);
    expect(vierter.alle).not.toBe(dritter.alle);
    expect(vierter.einLink).toBe(dritter.einLink);
    expect(vierter.keiner).toBe(dritter.keiner);
    // Unchanged again: every page is taken from the last build.
    expect(bauMitLinks(structuredClone(mitNeuem))).toEqual(vierter);
  });
});
