/**
 * Entscheidungen in the built sample plans: a page per decision with every option, the choice
 * or „noch nicht entschieden“, the overview linked in the navigation only where the plan has
 * decisions, the backlinks on the Maßnahmen that carry a choice out, the open-data file with
 * every decision, and the Druckfassung with each decision as a part after the Handlungsfelder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { seite } from '../../src/plan/urls.ts';
import { BEISPIELPLAENE } from '../helpers/plaene.ts';

const rein = (text: string) => text.replace(/\s+/g, ' ').trim();

for (const plan of BEISPIELPLAENE) describe(`Entscheidungen: Beispielplan ${plan.name}`, () => {
  const model = plan.modell();
  const { page, allPages } = plan.site;
  const navLinks = () => page(seite.start()).querySelectorAll('nav.site-nav a').map((a) => a.getAttribute('href'));

  if (model.entscheidungen.length === 0) {
    it('hat ohne Entscheidungen keine Seiten und keinen Link in der Navigation', () => {
      expect(allPages().filter((p) => p.startsWith('/entscheidungen/'))).toEqual([]);
      expect(navLinks()).not.toContain(plan.href(seite.entscheidungen()));
      for (const h of model.handlungsfelder) expect(page(seite.handlungsfeld(h.id)).getElementById('entscheidungen'), h.id).toBeNull();
    });
    return;
  }

  it('verlinkt die Übersicht in der Navigation, mit jeder Entscheidung in der Reihenfolge des Plans', () => {
    expect(navLinks()).toContain(plan.href(seite.entscheidungen()));
    const uebersicht = page(seite.entscheidungen());
    expect(uebersicht.querySelector('h1')?.text).toBe('Was der Schulträger entschieden hat');
    const eintraege = uebersicht.querySelectorAll('ul.entscheidungen > li');
    expect(eintraege.map((li) => li.id)).toEqual(model.entscheidungen.map((e) => e.id));
    expect(eintraege.map((li) => li.querySelector('a')?.getAttribute('href'))).toEqual(model.entscheidungen.map((e) => plan.href(seite.entscheidung(e.id))));
  });

  it('hat eine Seite je Entscheidung mit jeder Option, ihren Folgen und der Wahl', () => {
    for (const e of model.entscheidungen) {
      const root = page(seite.entscheidung(e.id));
      expect(root.querySelector('h1')?.text, e.id).toBe(e.data.frage);
      expect(root.querySelector('article')?.getAttribute('data-pagefind-filter')).toBe('typ:Entscheidung');
      for (const o of e.data.optionen) {
        const li = root.getElementById(`option-${o.id}`);
        expect(li?.querySelector('h3')?.text, `${e.id}/${o.id}`).toContain(o.titel);
        for (const text of [o.beschreibung, o.folgen?.kosten, o.folgen?.personal, o.folgen?.abhaengigkeit].filter(Boolean)) expect(rein(li!.text)).toContain(text);
        expect(li!.hasAttribute('data-gewaehlt'), `${e.id}/${o.id}`).toBe(o.id === e.data.wahl);
      }
      const meta = rein(root.querySelector('dl.meta')!.text);
      if (e.data.beschluss) expect(meta).toContain(e.data.beschluss.nummer);
      if (e.data.begruendung) expect(rein(root.getElementById('begruendung')!.nextElementSibling!.text)).toBe(e.data.begruendung);
    }
  });

  it('sagt bei einer offenen Entscheidung „noch nicht entschieden“ und markiert keine Option als gewählt', () => {
    const offen = model.entscheidungen.filter((e) => e.data.wahl === undefined);
    if (plan.inhalt === 'content') expect(offen.length, 'Musterstadt hat eine offene Entscheidung').toBeGreaterThan(0);
    for (const e of offen) {
      const root = page(seite.entscheidung(e.id));
      expect(root.querySelector('dl.meta')?.getAttribute('data-entscheidung')).toBe('offen');
      expect(rein(root.querySelector('dl.meta')!.text)).toContain('noch nicht entschieden');
      expect(root.querySelectorAll('[data-gewaehlt]')).toHaveLength(0);
      expect(root.getElementById('begruendung')).toBeNull();
      expect(rein(page(seite.entscheidungen()).getElementById(e.id)!.text)).toContain('Noch nicht entschieden');
    }
  });

  it('verweist von jeder genannten Maßnahme zurück auf die Entscheidung', () => {
    const genannt = model.entscheidungen.flatMap((e) => e.data.massnahmen.map((m) => ({ e, m: m.id })));
    expect(genannt.length).toBeGreaterThan(0);
    for (const { e, m } of genannt) {
      const root = page(seite.massnahme(m));
      const liste = root.getElementById('entscheidungen')?.nextElementSibling;
      expect(liste?.querySelector(`a[href="${plan.href(seite.entscheidung(e.id))}"]`), `${m} → ${e.id}`).not.toBeNull();
      expect(page(seite.entscheidung(e.id)).querySelector(`#massnahmen + ul a[href="${plan.href(seite.massnahme(m))}"]`), `${e.id} → ${m}`).not.toBeNull();
    }
    // A Maßnahme no decision names has no such section.
    const ohne = model.massnahmen.find((m) => !genannt.some((g) => g.m === m.id));
    if (ohne) expect(page(seite.massnahme(ohne.id)).getElementById('entscheidungen')).toBeNull();
  });

  it('listet auf jeder Handlungsfeld-Seite die Entscheidungen des Feldes und seiner Maßnahmen, mit Frage und Wahl', () => {
    let nurUeberMassnahme = 0;
    for (const h of model.handlungsfelder) {
      const imFeld = new Set(model.massnahmen.filter((m) => m.data.handlungsfelder.some((r) => r.id === h.id)).map((m) => m.id));
      const erwartet = model.entscheidungen.filter((e) => e.data.handlungsfeld?.id === h.id || e.data.massnahmen.some((r) => imFeld.has(r.id)));
      nurUeberMassnahme += erwartet.filter((e) => e.data.handlungsfeld?.id !== h.id).length;
      const root = page(seite.handlungsfeld(h.id));
      const ueberschrift = root.getElementById('entscheidungen');
      if (erwartet.length === 0) {
        expect(ueberschrift, h.id).toBeNull();
        continue;
      }
      expect(root.querySelector('nav.toc a[href="#entscheidungen"]'), h.id).not.toBeNull();
      const eintraege = ueberschrift!.nextElementSibling!.querySelectorAll(':scope > li');
      expect(eintraege.map((li) => li.querySelector('a')?.getAttribute('href')), h.id).toEqual(erwartet.map((e) => plan.href(seite.entscheidung(e.id))));
      erwartet.forEach((e, i) => {
        const text = rein(eintraege[i]!.text);
        expect(text, `${h.id}/${e.id}`).toContain(e.data.frage);
        const wahl = e.data.optionen.find((o) => o.id === e.data.wahl);
        expect(text, `${h.id}/${e.id}`).toContain(wahl ? `Entschieden: ${wahl.titel}` : 'noch nicht entschieden');
      });
    }
    expect(nurUeberMassnahme, 'eine Entscheidung erscheint über eine ihrer Maßnahmen in einem weiteren Feld').toBeGreaterThan(0);
  });

  it('veröffentlicht jede Entscheidung in entscheidungen.csv und .json, die offene ohne Wahl', () => {
    const ordner = join(plan.dist, 'daten');
    const json = JSON.parse(readFileSync(join(ordner, 'entscheidungen.json'), 'utf8')) as { id: string; frage: string; wahl?: string }[];
    expect(json.map((d) => [d.id, d.frage, d.wahl])).toEqual(model.entscheidungen.map((e) => [e.id, e.data.frage, e.data.wahl]));
    const csv = parse(readFileSync(join(ordner, 'entscheidungen.csv'), 'utf8'), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(csv.map((z) => [z.id, z.wahl])).toEqual(model.entscheidungen.map((e) => [e.id, e.data.wahl ?? '']));
    expect(page(seite.daten()).getElementById('datei-entscheidungen')).not.toBeNull();
  });

  it('druckt die Entscheidungen nach den Handlungsfeldern, jede als eigenen Teil in der Reihenfolge des Plans', () => {
    const druck = page(seite.druckfassung());
    const teile = druck.querySelectorAll('section.druck-teil').map((s) => s.getAttribute('aria-labelledby'));
    const hier = teile.indexOf('entscheidungen');
    expect(hier).toBeGreaterThan(-1);
    expect(teile.slice(hier + 1, hier + 1 + model.entscheidungen.length)).toEqual(model.entscheidungen.map((e) => `entscheidung-${e.id}`));
    expect(hier).toBeLessThan(teile.indexOf('massnahmen'));
    for (const e of model.entscheidungen) expect(rein(druck.querySelector(`#entscheidung-${e.id}`)!.text), e.id).toContain(e.data.frage);
  });
});
