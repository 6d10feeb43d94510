/**
 * The schools' self-evaluation on the built Musterstadt site, checked against the raw cells of
 * the rounds' CSV files counted here: the distribution per area and Schulform with every group
 * below the plan's minimum hidden, the development since the first round, each school's levels
 * over the rounds, the Maßnahmen meant for its level with the reason, the Maßnahme pages, the open
 * data and the Druckfassung. The rule for plans that publish only groups is tested on a small
 * plan in tests/unit/selbsteinschaetzung.test.ts (the same functions build these pages).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MUSTERSTADT } from '../helpers/plaene.ts';
import { seite, url } from '../../src/plan/urls.ts';
import { formatNumber } from '../../src/plan/format.ts';

const model = MUSTERSTADT.modell();
const { page, fileFor } = MUSTERSTADT.site;
const raster = model.erhebungen[0]!.data.selbsteinschaetzung!;
const mindestgruppe = model.erhebungen[0]!.data.mindestgruppe;
const schulformVon = new Map(model.schulen.map((s) => [s.id, s.data.schulform.id]));
/** Rounds whose CSV has a stufe_ column, oldest first (the ids sort by date). */
const runden = [...new Set(model.erhebungswerte.filter((z) => Object.keys(z.data.werte).some((k) => k.startsWith('stufe_'))).map((z) => z.data.tabelle))].sort();
const letzte = runden.at(-1)!;
/** The raw cell of a school's level in an area, as the CSV has it ('' for no answer). */
const zelle = (runde: string, schule: string, bereich: string) => model.erhebungswerte.find((z) => z.data.tabelle === runde && z.data.zeile === schule)?.data.werte[`stufe_${bereich}`] ?? '';
const schulenDerRunde = (runde: string) => model.erhebungswerte.filter((z) => z.data.tabelle === runde).map((z) => z.data.zeile);
const zelltexte = (zeile: ReturnType<ReturnType<typeof page>['querySelector']>) => zeile!.querySelectorAll('td').map((td) => td.text.trim());

describe('Selbsteinschätzung auf der Website von Musterstadt', () => {
  const s = () => page(seite.selbsteinschaetzung());

  it('die Stichprobe hat Gruppen über und unter der Mindestgröße', () => {
    expect(runden.length).toBeGreaterThan(1);
    const groessen = new Set(model.schulformen.map((f) => schulenDerRunde(letzte).filter((id) => schulformVon.get(id) === f.id && zelle(letzte, id, raster.bereiche[0]!.id)).length));
    expect([...groessen].some((n) => n >= mindestgruppe)).toBe(true);
    expect([...groessen].some((n) => n > 0 && n < mindestgruppe)).toBe(true);
  });

  it('zeigt das Raster mit jeder Stufe und jedem Bereich, wie der Plan sie beschreibt', () => {
    const tabelle = s().querySelector('#stufenraster')!;
    expect(tabelle.querySelectorAll('thead th').slice(1).map((th) => th.text.trim())).toEqual(raster.stufen.map((st) => st.name));
    for (const b of raster.bereiche) {
      const zellen = tabelle.querySelectorAll(`tr[data-bereich="${b.id}"] td`).map((td) => td.text.trim());
      expect(zellen, b.id).toEqual(raster.stufen.map((st) => b.stufen[st.id] ?? st.beschreibung ?? 'nicht beschrieben'));
    }
  });

  it('zählt je Bereich und Schulform die Schulen je Stufe und verbirgt jede Gruppe unter der Mindestgröße', () => {
    for (const b of raster.bereiche) {
      const tabelle = s().querySelector(`#verteilung-${b.id}`)!;
      const mitStufe = schulenDerRunde(letzte).filter((id) => zelle(letzte, id, b.id) !== '');
      const zaehle = (ids: string[]) => raster.stufen.map((st) => formatNumber(ids.filter((id) => zelle(letzte, id, b.id) === st.id).length));
      const verborgen = new Set(tabelle.querySelectorAll('tr[data-verborgen]').flatMap((tr) => (tr.getAttribute('data-schulformen') ?? '').split(', ')));
      for (const f of model.schulformen) {
        const gruppe = mitStufe.filter((id) => schulformVon.get(id) === f.id);
        if (gruppe.length === 0) continue;
        const zeile = tabelle.querySelector(`tr[data-schulform="${f.id}"]`);
        if (gruppe.length < mindestgruppe) {
          // Never a row of its own with figures: named only among the hidden groups.
          expect(zeile, `${b.id} ${f.id}`).toBeNull();
          expect(verborgen.has(f.data.name), `${b.id} ${f.id}`).toBe(true);
        } else if (zeile) {
          expect(zelltexte(zeile), `${b.id} ${f.id}`).toEqual([...zaehle(gruppe), formatNumber(gruppe.length)]);
        } else {
          expect(verborgen.has(f.data.name), `${b.id} ${f.id} verborgen, damit sich keine kleinere Gruppe errechnen lässt`).toBe(true);
        }
      }
      expect(zelltexte(tabelle.querySelector('tr[data-schulform="gesamt"]')), b.id).toEqual([...zaehle(mitStufe), formatNumber(mitStufe.length)]);
      // What is hidden together is at least the minimum: the total minus the rows shown describes no smaller group.
      const gezeigt = tabelle.querySelectorAll('tbody tr[data-schulform]:not([data-schulform="gesamt"])').reduce((n, tr) => n + Number(zelltexte(tr).at(-1)!.replaceAll('.', '')), 0);
      const rest = mitStufe.length - gezeigt;
      expect(rest === 0 || rest >= mindestgruppe, `${b.id}: ${rest} verborgene Schulen`).toBe(true);
    }
  });

  it('zeigt die Entwicklung aller Schulen je Bereich seit der ersten Einschätzung', () => {
    expect(s().querySelector('#entwicklung')?.text).toContain(`Entwicklung seit der Erhebung`);
    for (const b of raster.bereiche) {
      const figur = s().querySelector(`#entwicklung-${b.id}`)!.parentNode!.querySelectorAll('figure.diagramm').find((f) => f.querySelector(`svg[aria-labelledby^="diagramm-stufen-${b.id}-"]`));
      expect(figur, b.id).toBeDefined();
      const zeilen = figur!.querySelectorAll('table tbody tr');
      expect(zeilen.length, b.id).toBe(runden.length);
      zeilen.forEach((tr, i) => {
        const mitStufe = schulenDerRunde(runden[i]!).filter((id) => zelle(runden[i]!, id, b.id) !== '');
        expect(zelltexte(tr), `${b.id} ${runden[i]}`).toEqual([...raster.stufen.map((st) => formatNumber(mitStufe.filter((id) => zelle(runden[i]!, id, b.id) === st.id).length)), formatNumber(mitStufe.length)]);
      });
    }
  });

  it('zeigt jeder Schule ihre Stufen über die Runden und die Maßnahmen für ihre Stufe mit dem Grund', () => {
    expect(raster.veroeffentlichen).toBe('schule');
    let mitMassnahme = 0;
    for (const schule of schulenDerRunde(letzte)) {
      const p = page(url.schule(schule));
      const tabelle = p.querySelector('#schulstufen')!;
      expect(tabelle, schule).not.toBeNull();
      const teilgenommen = runden.filter((r) => schulenDerRunde(r).includes(schule));
      for (const b of raster.bereiche) {
        expect(zelltexte(tabelle.querySelector(`tr[data-bereich="${b.id}"]`)), `${schule} ${b.id}`).toEqual(
          teilgenommen.map((r) => {
            const id = zelle(r, schule, b.id);
            return id ? raster.stufen.find((st) => st.id === id)!.name : 'keine Angabe';
          }),
        );
      }
      // The Maßnahmen meant for the school's level in the latest round, each with its reason.
      const erwartet = model.massnahmen.filter((m) => m.data.fuerStufen.some((z) => z.stufen.includes(zelle(letzte, schule, z.bereich))));
      const liste = p.querySelectorAll('[data-stufen-massnahmen] li');
      expect(liste.map((li) => li.getAttribute('data-massnahme')), schule).toEqual(erwartet.map((m) => m.id));
      for (const [i, m] of erwartet.entries()) {
        for (const z of m.data.fuerStufen.filter((x) => x.stufen.includes(zelle(letzte, schule, x.bereich)))) {
          const stufe = raster.stufen.find((st) => st.id === zelle(letzte, schule, z.bereich))!.name;
          const bereich = raster.bereiche.find((b) => b.id === z.bereich)!.name;
          expect(liste[i]!.text, `${schule} ${m.id}`).toContain(`für Schulen auf Stufe ${stufe} im Bereich ${bereich}`);
        }
      }
      mitMassnahme += erwartet.length;
    }
    expect(mitMassnahme).toBeGreaterThan(0);
  });

  it('nennt auf der Seite einer Maßnahme, für welche Schulen sie gedacht ist', () => {
    const gedacht = model.massnahmen.filter((m) => m.data.fuerStufen.length > 0);
    expect(gedacht.length).toBeGreaterThan(0);
    for (const m of gedacht) {
      const text = page(url.massnahme(m.id)).querySelector('[data-fuer-stufen]')!.text;
      for (const z of m.data.fuerStufen) expect(text, m.id).toContain(`im Bereich ${raster.bereiche.find((b) => b.id === z.bereich)!.name}`);
    }
    for (const m of model.massnahmen.filter((x) => x.data.fuerStufen.length === 0)) expect(page(url.massnahme(m.id)).querySelector('[data-fuer-stufen]'), m.id).toBeNull();
  });

  it('veröffentlicht die gezeigten Gruppen und die Stufen je Schule als offene Daten', () => {
    const json = (name: string) => JSON.parse(readFileSync(fileFor(`/daten/${name}.json`), 'utf8')) as Record<string, unknown>[];
    const gruppen = json('selbsteinschaetzung');
    for (const b of raster.bereiche) {
      const tabelle = s().querySelector(`#verteilung-${b.id}`)!;
      const gezeigt = tabelle.querySelectorAll('tbody tr[data-schulform]').map((tr) => tr.getAttribute('data-schulform'));
      const inDaten = [...new Set(gruppen.filter((g) => g.runde === letzte && g.bereich === b.id).map((g) => (g.schulform as string | undefined) ?? 'gesamt'))];
      expect(inDaten, b.id).toEqual(gezeigt);
    }
    const werte = json('erhebungswerte').filter((z) => z.runde === letzte);
    for (const z of werte) for (const b of raster.bereiche) expect(z[`stufe_${b.id}`] ?? '', `${z.schule} ${b.id}`).toBe(zelle(letzte, z.schule as string, b.id));
  });

  it('druckt die Seite in der Druckfassung unter den Schulen', () => {
    const druck = page(seite.druckfassung());
    const teil = druck.querySelector('#selbsteinschaetzung')!;
    expect(teil.text).toContain('Selbsteinschätzung der Schulen');
    for (const b of raster.bereiche) expect(druck.querySelector(`#selbsteinschaetzung--verteilung-${b.id}`), b.id).not.toBeNull();
    const ids = druck.querySelectorAll('section.druck-teil').map((x) => x.querySelector('h2, h3')?.id);
    expect(ids.indexOf('selbsteinschaetzung')).toBeGreaterThan(ids.indexOf('schulen'));
  });
});
