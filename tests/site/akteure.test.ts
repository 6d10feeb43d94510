/** Actor pages, matrix, formats and support view in the built sample site. */
import { beforeAll, describe, expect, it } from 'vitest';
import { zustaendigkeitsmatrix, zustaendigkeiten, formateVon, supportStufen, ansprechpartner, nachEbene } from '../../src/rechnen/akteure.ts';
import { ebeneSlug } from '../../src/ausgabe/charts/akteurslandkarte.ts';
import { url } from '../../src/plan/urls.ts';
import type { PlanModel } from '../../src/plan/model.ts';
import { modelOf, PROJECT } from '../helpers/fixture.ts';
import { page } from '../helpers/dist.ts';
import { BEISPIELPLAENE } from '../helpers/plaene.ts';

let model: PlanModel;
beforeAll(() => {
  model = modelOf(PROJECT);
});

describe('Akteure', () => {
  it('zeichnet die Akteurslandkarte mit Textalternative, einem Link je Akteur und einer Kante je Beziehung', () => {
    const svg = page(url.akteure()).querySelector('figure.akteurslandkarte svg.pw-akteurslandkarte')!;
    expect(svg).not.toBeNull();
    const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
    expect(svg.querySelector(`title#${titleId}`)?.text).toBe('Akteurslandkarte');
    expect(svg.querySelector(`desc#${descId}`)?.text).toContain(`${model.akteure.length} Akteure`);
    const links = svg.querySelectorAll('a').map((a) => a.getAttribute('href'));
    expect(links.sort()).toEqual(model.akteure.map((a) => url.akteur(a.id)).sort());
    const kanten = svg.querySelectorAll('.pw-kante').map((g) => `${g.getAttribute('data-von')} ${g.getAttribute('data-typ')} ${g.getAttribute('data-nach')}`);
    expect(kanten.sort()).toEqual(model.akteure.flatMap((a) => a.data.beziehungen.map((b) => `${a.id} ${b.typ} ${b.ziel.id}`)).sort());
  });

  for (const plan of BEISPIELPLAENE) {
    // A plan that assigns no actor to a group has no overview by groups and no views to choose
    // (README, Akteure; in detail: akteure-ohne-gruppen.test.ts). Its map is the picture alone.
    if (plan.modell().akteure.every((a) => a.data.ebene === undefined)) {
      it(`zeigt die Akteurslandkarte ohne Überblick und ohne Auswahl der Ansicht, weil der Plan keinen Akteur einer Gruppe zuordnet (${plan.name})`, () => {
        const figur = plan.site.page(url.akteure()).querySelector('figure.akteurslandkarte')!;
        expect(figur.querySelectorAll('input, .akteurslandkarte-ueberblick, .akteurslandkarte-filter')).toHaveLength(0);
        const svg = figur.querySelector('svg.pw-akteurslandkarte')!;
        expect(svg.querySelectorAll('g.pw-knoten a').map((a) => a.getAttribute('href')).sort()).toEqual(plan.modell().akteure.map((a) => plan.href(url.akteur(a.id))).sort());
      });
      continue;
    }
    it(`öffnet die Akteurslandkarte mit dem Überblick nach ${plan.name === 'Musterstadt' ? 'Ebenen' : 'Gruppen'}, gezählt wie im Modell (${plan.name})`, () => {
      const m = plan.modell();
      const wort = m.plan.akteursgruppen ? 'Gruppen' : 'Ebenen';
      const figur = plan.site.page(url.akteure()).querySelector('figure.akteurslandkarte')!;
      // The first radio button, checked by default; the detailed views are not.
      const radios = figur.querySelectorAll('input[type="radio"]');
      expect(radios.map((r) => r.getAttribute('data-filter'))).toEqual(['ueberblick', 'alle', 'vertikal', 'horizontal']);
      expect(radios.map((r) => r.hasAttribute('checked'))).toEqual([true, false, false, false]);
      expect(radios[0]!.closest('label')!.text.trim()).toBe(`Überblick nach ${wort}`);
      // Both pictures are there; CSS shows one of them.
      const svg = figur.querySelector('.akteurslandkarte-ueberblick svg.pw-akteursueberblick')!;
      expect(svg).not.toBeNull();
      expect(figur.querySelector('.akteurslandkarte-bild svg.pw-akteurslandkarte')).not.toBeNull();
      expect(svg.getAttribute('role')).toBe('img');
      const [titleId, descId] = svg.getAttribute('aria-labelledby')!.split(' ');
      expect(svg.querySelector(`title#${titleId}`)?.text).toBe(`Überblick nach ${wort}`);
      expect(svg.querySelector(`desc#${descId}`)?.text).toContain(`mit ${m.akteure.length} Akteuren`);

      // Counted from the model: actors per group, relations within a group and per ordered pair.
      // The sample plans assign every actor to a group.
      const gruppen = nachEbene(m).map((g) => ({ ...g, ebene: g.ebene! }));
      expect(m.akteure.every((a) => a.data.ebene !== undefined)).toBe(true);
      const gruppeVon = new Map(m.akteure.map((a) => [a.id, a.data.ebene!]));
      const untereinander = new Map<string, number>();
      const paare = new Map<string, { anzahl: number; typen: Set<string> }>();
      for (const a of m.akteure) {
        for (const b of a.data.beziehungen) {
          const von = a.data.ebene!;
          const nach = gruppeVon.get(b.ziel.id)!;
          if (von === nach) {
            untereinander.set(von, (untereinander.get(von) ?? 0) + 1);
          } else {
            const key = `${ebeneSlug(von)} ${ebeneSlug(nach)}`;
            const p = paare.get(key) ?? { anzahl: 0, typen: new Set<string>() };
            p.anzahl += 1;
            p.typen.add(b.typ);
            paare.set(key, p);
          }
        }
      }
      const boxen = svg.querySelectorAll('g.pw-ueberblick-gruppe');
      expect(boxen.map((g) => [g.getAttribute('data-ebene'), Number(g.getAttribute('data-akteure')), Number(g.getAttribute('data-untereinander'))])).toEqual(
        gruppen.map((g) => [ebeneSlug(g.ebene), g.akteure.length, untereinander.get(g.ebene) ?? 0]),
      );
      for (const [i, g] of gruppen.entries()) expect(boxen[i]!.querySelector('title')!.text, g.ebene).toBe(`${g.ebene}: ${g.akteure.length} ${g.akteure.length === 1 ? 'Akteur' : 'Akteure'}${untereinander.has(g.ebene) ? `, ${untereinander.get(g.ebene)} ${untereinander.get(g.ebene) === 1 ? 'Beziehung' : 'Beziehungen'} untereinander` : ''}`);
      const pfeile = svg.querySelectorAll('g.pw-ueberblick-kante');
      expect(pfeile.map((g) => `${g.getAttribute('data-von')} ${g.getAttribute('data-nach')}`).sort()).toEqual([...paare.keys()].sort());
      for (const g of pfeile) {
        const p = paare.get(`${g.getAttribute('data-von')} ${g.getAttribute('data-nach')}`)!;
        expect(Number(g.getAttribute('data-anzahl'))).toBe(p.anzahl);
        const beschriftung = g.querySelector('text')!.text.replaceAll('\u00a0', ' ');
        expect(beschriftung).toContain(`${p.anzahl} ${p.anzahl === 1 ? 'Beziehung' : 'Beziehungen'}`);
        for (const typ of p.typen) expect(beschriftung).toContain(typ);
      }
      // All relations are counted once: within a group or in one arrow.
      const alle = m.akteure.reduce((n, a) => n + a.data.beziehungen.length, 0);
      expect([...untereinander.values(), ...pfeile.map((g) => Number(g.getAttribute('data-anzahl')))].reduce((a, b) => a + b, 0)).toBe(alle);

      // The same as tables: one row per group, one per arrow.
      const tabellen = figur.querySelectorAll('.akteurslandkarte-ueberblick details table');
      expect(tabellen).toHaveLength(2);
      expect(tabellen[0]!.querySelectorAll('tbody tr').map((tr) => [tr.querySelector('th')!.text, tr.querySelectorAll('td')[0]!.text])).toEqual(
        gruppen.map((g) => [g.ebene, String(g.akteure.length)]),
      );
      expect(tabellen[1]!.querySelectorAll('tbody tr')).toHaveLength(paare.size);
    });
  }

  it('zeigt jede Beziehung genau einmal auf den Seiten beider Akteure', () => {
    let count = 0;
    for (const a of model.akteure) {
      for (const b of a.data.beziehungen) {
        const sel = (richtung: string, anderer: string) => `li[data-richtung="${richtung}"][data-typ="${b.typ}"][data-anderer="${anderer}"]`;
        expect(page(url.akteur(a.id)).querySelectorAll(sel('aus', b.ziel.id)).length, `${a.id} → ${b.ziel.id}`).toBe(1);
        expect(page(url.akteur(b.ziel.id)).querySelectorAll(sel('ein', a.id)).length, `${b.ziel.id} ← ${a.id}`).toBe(1);
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(10);
  });

  it('füllt die Zuständigkeitsmatrix so, wie es die Maßnahmen ergeben, und jede Zahl führt zu genau diesen Maßnahmen', () => {
    const m = zustaendigkeitsmatrix(model);
    const root = page(url.zustaendigkeiten());
    expect(root.querySelectorAll('#matrix thead th[data-handlungsfeld]').map((th) => th.getAttribute('data-handlungsfeld'))).toEqual(m.spalten.map((hf) => hf.id));
    expect(root.querySelectorAll('#matrix tbody').map((tb) => tb.getAttribute('data-ebene'))).toEqual(m.gruppen.map((g) => g.ebene));
    const zeilen = m.gruppen.flatMap((g) => g.zeilen);
    expect(root.querySelectorAll('#matrix tr[data-akteur]').map((tr) => tr.getAttribute('data-akteur'))).toEqual(zeilen.map((z) => z.akteur.id));
    let links = 0;
    for (const { akteur, zellen } of zeilen) {
      const cells = root.querySelectorAll(`#matrix tr[data-akteur="${akteur.id}"] td`);
      expect(cells.map((td) => [Number(td.getAttribute('data-v') ?? 0), Number(td.getAttribute('data-p') ?? 0), td.getAttribute('data-hf') === 'ja']), akteur.id).toEqual(
        zellen.map((c) => [c.verantwortlich.length, c.partner.length, c.handlungsfeld]),
      );
      const seite = page(url.akteur(akteur.id));
      m.spalten.forEach((hf, i) => {
        const c = zellen[i]!;
        const link = cells[i]!.querySelector('a');
        if (c.verantwortlich.length + c.partner.length === 0) return expect(link, `${akteur.id} × ${hf.id}`).toBeNull();
        links += 1;
        expect(link?.getAttribute('href')).toBe(`${url.akteur(akteur.id)}#massnahmen`);
        expect(seite.getElementById('massnahmen'), akteur.id).not.toBeNull();
        const items = seite.querySelectorAll(`[data-handlungsfeld="${hf.id}"] li[data-massnahme]`);
        const mit = (rolle: string) => items.filter((li) => li.getAttribute('data-rollen')!.split(' ').includes(rolle)).map((li) => li.getAttribute('data-massnahme'));
        expect(mit('verantwortlich'), `${akteur.id} × ${hf.id}`).toEqual(c.verantwortlich);
        expect(mit('Partner'), `${akteur.id} × ${hf.id}`).toEqual(c.partner);
      });
    }
    expect(links).toBeGreaterThan(10);
  });

  it('listet bei jedem Akteur seine Maßnahmen nach Handlungsfeld, jede einmal', () => {
    for (const a of model.akteure) {
      const { verantwortlich, partner } = zustaendigkeiten(model, a.id);
      const codes = page(url.akteur(a.id)).querySelectorAll('li[data-massnahme]').map((li) => li.getAttribute('data-massnahme'));
      expect([...codes].sort(), a.id).toEqual([...new Set([...verantwortlich, ...partner].map((m) => m.id))].sort());
    }
  });

  it('listet jedes Format mit seinem Rhythmus, wo der Plan einen nennt, und zeigt es bei jedem beteiligten Akteur', () => {
    const formate = page(url.formate());
    for (const f of model.formate) {
      expect(formate.getElementById(f.id)?.text).toContain(f.data.rhythmus ?? f.data.ziel);
    }
    for (const a of model.akteure) {
      const links = page(url.akteur(a.id)).querySelectorAll('a').map((l) => l.getAttribute('href'));
      for (const f of formateVon(model, a.id)) expect(links, a.id).toContain(url.formate(f.id));
    }
  });

  it('zeigt Support-Stufen und Ansprechpartner aus den Daten', () => {
    const support = page(url.support());
    for (const s of supportStufen(model)) {
      for (const a of s.akteure) expect(support.querySelector(`#stufe-${s.stufe.toLowerCase()}`)?.parentNode?.querySelector(`li[data-akteur="${a.id}"]`), `${s.stufe} ${a.id}`).not.toBeNull();
    }
    const themen = page(url.ansprechpartner()).querySelectorAll('dl.ansprechpartner > dt').map((dt) => dt.text);
    expect(themen).toEqual(ansprechpartner(model).map((t) => t.thema));
  });
});
