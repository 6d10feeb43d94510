/**
 * A plan that assigns no actor to a group (no `ebene` in akteure.yaml, no `akteursgruppen`),
 * built once from a copy of the minimal fixture with one more actor that has no relation: no
 * page says "vertikal", "horizontal" or names an Ebene, no heading is empty or stands over
 * nothing, and every actor still has its page and its box in the map.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { append, copyFixture, edit, modelOf, PROJECT } from '../helpers/fixture.ts';
import { site, type GebauteSite } from '../helpers/dist.ts';
import { cacheOrdner } from '../../src/plan/aktuell.ts';
import { OHNE_ZUORDNUNG } from '../../src/ausgabe/charts/akteurslandkarte.ts';
import { url } from '../../src/plan/urls.ts';
import type { PlanModel } from '../../src/plan/model.ts';

const root = copyFixture(true);
afterAll(() => [root, cacheOrdner(PROJECT, join(root, 'content'))].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

let gebaut: GebauteSite;
let model: PlanModel;
beforeAll(() => {
  for (const ebene of ['Schulträger', 'kommunale Unterstützung', 'Schule']) edit(root, 'akteure.yaml', `  ebene: ${ebene}\n`, '');
  append(root, 'akteure.yaml', '- id: foerderverein\n  name: Förderverein der Schulen\n');
  model = modelOf(root);
  const result = spawnSync(process.execPath, ['src/cli/bauen.ts', '--outDir', join(root, 'dist')], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...process.env, PLANWERK_CONTENT: `${relative(PROJECT, root)}/content`, PLANWERK_PDF: '0', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  expect(result.status, result.stdout + result.stderr).toBe(0);
  gebaut = site(join(root, 'dist'));
});

/** A page's visible text and labels, its data attributes aside. */
const text = (seite: HTMLElement) => seite.querySelector('body')!.textContent;
/** The open data page documents every column of its tables, the (empty) column „ebene“ too. */
const DATENDOKU = '/daten/';

describe('Ein Plan ohne Akteursgruppen', () => {
  it('hat keine Gruppe: kein Akteur hat eine Ebene', () => {
    expect(model.akteure.map((a) => a.data.ebene)).toEqual([undefined, undefined, undefined, undefined]);
    expect(model.plan.akteursgruppen).toBeUndefined();
  });

  it('sagt auf keiner Seite „vertikal“ oder „horizontal“, auch nicht in Klassen, Filtern oder Daten', () => {
    const seiten = gebaut.allPages();
    expect(seiten.length).toBeGreaterThan(20);
    for (const pfad of seiten) expect(readFileSync(gebaut.fileFor(pfad), 'utf8'), pfad).not.toMatch(/vertikal|horizontal/i);
    for (const datei of ['zustaendigkeitsmatrix.csv', 'zustaendigkeitsmatrix.json', 'akteure.csv', 'akteure.json']) {
      expect(readFileSync(join(gebaut.dist, 'daten', datei), 'utf8'), datei).not.toMatch(/vertikal|horizontal/i);
    }
  });

  it('nennt auf keiner Seite eine Ebene oder Gruppe von Akteuren: keine Angabe, kein Suchfilter, keine Überschrift, kein Filter', () => {
    for (const pfad of gebaut.allPages()) {
      const seite = gebaut.page(pfad);
      expect(seite.querySelectorAll('[data-pagefind-filter^="Ebene"], [data-ebene], .beziehungen-kurz [data-art], [data-ohne-zuordnung]').length, pfad).toBe(0);
      expect(text(seite), pfad).not.toContain(OHNE_ZUORDNUNG);
      if (pfad !== DATENDOKU) expect(text(seite), pfad).not.toMatch(/\bEbenen?\b|Akteursgruppe|nach Gruppen/);
      const labels = seite.querySelectorAll('dt, th, legend, label, caption, summary, h1, h2, h3, h4, h5, h6').map((e) => e.textContent.trim());
      for (const l of labels) expect(l, pfad).not.toMatch(/^(Ebenen?|Gruppen?)\b/);
    }
    // The data page names the column, as it does every column, and says when it stays empty.
    const doku = text(gebaut.page(DATENDOKU));
    expect(doku).toContain('Ebene oder Gruppe des Akteurs in der Akteurslandkarte; leer, wenn der Plan ihn keiner zuordnet');
  });

  it('hat keine leere Überschrift und keine, unter der nichts steht', () => {
    let anzahl = 0;
    for (const pfad of gebaut.allPages()) {
      for (const h of gebaut.page(pfad).querySelectorAll('h1, h2, h3, h4, h5, h6')) {
        anzahl += 1;
        expect(h.textContent.trim(), `${pfad}: ${h.outerHTML}`).not.toBe('');
      }
    }
    expect(anzahl).toBeGreaterThan(50);
    for (const pfad of [url.akteure(), url.zustaendigkeiten(), ...model.akteure.map((a) => url.akteur(a.id))]) {
      // Headings of sections (an actor's card in a list may be its name alone).
      for (const h of gebaut.page(pfad).querySelectorAll('main h2, main h3').filter((e) => e.parentNode?.tagName !== 'LI')) {
        // The heading goes on with something that is not a heading of the same or a higher level.
        const weiter = h.nextElementSibling;
        expect(weiter, `${pfad}: „${h.textContent}“`).not.toBeNull();
        const stufe = Number(h.tagName[1]);
        expect(/^H[1-6]$/.test(weiter!.tagName) && Number(weiter!.tagName[1]) <= stufe, `${pfad}: „${h.textContent}“ ohne Inhalt`).toBe(false);
      }
    }
  });

  it('listet die Akteure ohne Gruppenüberschriften und ohne Überblick nach Gruppen, ihre Namen als h2', () => {
    const seite = gebaut.page(url.akteure());
    const namen = seite.querySelectorAll('main ul.karten > li > h2').map((h) => h.textContent.trim());
    expect(namen).toEqual(['Förderverein der Schulen', 'IT-Dienstleister (ITD)', 'Schulen', 'Schulverwaltungsamt']);
    expect(seite.querySelectorAll('main section h2, nav.toc')).toHaveLength(0);
    // The map alone: no overview by groups, no filter for views that do not exist.
    const figur = seite.querySelector('figure.akteurslandkarte')!;
    expect(figur.querySelectorAll('.akteurslandkarte-ueberblick, .akteurslandkarte-filter, input')).toHaveLength(0);
    // The Zuständigkeitsmatrix: rows without groups of rows.
    const matrix = gebaut.page(url.zustaendigkeiten());
    expect(matrix.querySelectorAll('#matrix th[scope="rowgroup"], #matrix .matrix-ebene')).toHaveLength(0);
    expect(matrix.querySelectorAll('#matrix tr[data-akteur]').map((tr) => tr.getAttribute('data-akteur'))).toEqual(['it', 'schulamt']);
    expect(text(matrix)).toContain('nach Namen geordnet');
  });

  it('gibt jedem Akteur seine Seite und zeichnet ihn mit jeder Beziehung in die Karte', () => {
    const karte = gebaut.page(url.akteure()).querySelector('svg.pw-akteurslandkarte')!;
    expect(karte.querySelectorAll('g.pw-knoten a').map((a) => a.getAttribute('href')).sort()).toEqual(model.akteure.map((a) => url.akteur(a.id)).sort());
    const kanten = karte.querySelectorAll('g.pw-kante').map((g) => `${g.getAttribute('data-von')} ${g.getAttribute('data-typ')} ${g.getAttribute('data-nach')}`);
    expect(kanten.sort()).toEqual(model.akteure.flatMap((a) => a.data.beziehungen.map((b) => `${a.id} ${b.typ} ${b.ziel.id}`)).sort());
    expect(kanten).toHaveLength(2);
    for (const a of model.akteure) {
      expect(existsSync(gebaut.fileFor(url.akteur(a.id))), a.id).toBe(true);
      const seite = gebaut.page(url.akteur(a.id));
      expect(seite.querySelector('h1')!.textContent, a.id).toContain(a.data.name);
      // No facts list where the plan gives no fact; the relations without a kind in brackets.
      for (const li of seite.querySelectorAll('ul.beziehungen li')) expect(li.querySelector('small'), a.id).toBeNull();
    }
    expect(gebaut.page(url.akteur('foerderverein')).querySelector('dl.meta')).toBeNull();
    expect(gebaut.page(url.akteur('it')).querySelector('dl.meta')!.textContent).toContain('2nd-Level');
  });
});
