/**
 * Gremien, formats, Kooperationsvereinbarungen and council decisions in the built Musterstadt
 * site (issue 29): what the plan gives is shown, what it leaves out leaves no empty label behind.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { url } from '../../src/plan/urls.ts';
import { formatDatum } from '../../src/plan/datum.ts';
import type { PlanModel } from '../../src/plan/model.ts';
import { modelOf, PROJECT } from '../helpers/fixture.ts';
import { page } from '../helpers/dist.ts';
import { BEISPIELPLAENE } from '../helpers/plaene.ts';

let model: PlanModel;
beforeAll(() => {
  model = modelOf(PROJECT);
});

const text = (e: HTMLElement | null | undefined) => (e?.text ?? '').replace(/\s+/g, ' ').trim();
/** The labels of a definition list, each with its value; fails on a label without a value. */
function eintraege(dl: HTMLElement): Record<string, string> {
  const paare: Record<string, string> = {};
  for (const dt of dl.querySelectorAll('dt')) {
    const dd = dt.nextElementSibling;
    expect(dd?.tagName, `„${text(dt)}“ hat einen Wert`).toBe('DD');
    expect(text(dd), `„${text(dt)}“ ist nicht leer`).not.toBe('');
    paare[text(dt)] = text(dd);
  }
  return paare;
}

describe('Kooperationsformate mit und ohne Angaben', () => {
  it('der Beispielplan nennt Formate ohne Rhythmus, Ausrichtung und Verbindlichkeit', () => {
    expect(model.formate.some((f) => f.data.rhythmus === undefined)).toBe(true);
    expect(model.formate.some((f) => f.data.ausrichtung === undefined && f.data.rhythmus !== undefined)).toBe(true);
  });

  it('zeigt je Format nur die Angaben, die der Plan macht', () => {
    const seite = page(url.formate());
    for (const f of model.formate) {
      const karte = seite.querySelector(`li#${f.id}`)!;
      expect(karte, f.id).not.toBeNull();
      expect(text(karte.querySelector('p')), f.id).toBe(f.data.ziel);
      const dl = karte.querySelector('dl');
      const erwartet = Object.fromEntries(
        [
          ['Art', f.data.art],
          ['Rhythmus', f.data.rhythmus],
          ['Verbindlichkeit', f.data.bindung],
          ['Organisiert von', f.data.organisator && model.akteure.find((a) => a.id === f.data.organisator!.id)!.data.name],
        ].filter(([, w]) => w !== undefined),
      );
      expect(dl ? eintraege(dl) : {}, f.id).toEqual(erwartet);
      expect(text(karte).includes('Teilnehmende:'), f.id).toBe(f.data.teilnehmende.length > 0);
      expect(text(karte), f.id).not.toContain('nicht festgelegt');
    }
  });

  it('sagt in der Übersichtstabelle „nicht festgelegt“ genau dort, wo der Plan schweigt', () => {
    const tabelle = page(url.formate()).querySelector('#formate-uebersicht')!.closest('figure') ?? page(url.formate()).querySelector('table')!;
    const kopf = tabelle.querySelectorAll('thead th').map(text);
    expect(kopf).toEqual(['Format', 'Art', 'Rhythmus', 'Ausrichtung', 'Verbindlichkeit']);
    const felder = ['art', 'rhythmus', 'ausrichtung', 'bindung'] as const;
    const zeilen = tabelle.querySelectorAll('tbody tr');
    expect(zeilen).toHaveLength(model.formate.length);
    zeilen.forEach((zeile, i) => {
      const f = model.formate[i]!;
      expect(text(zeile.querySelector('th'))).toBe(f.data.name);
      expect(zeile.querySelectorAll('td').map(text), f.id).toEqual(felder.map((k) => f.data[k] ?? 'nicht festgelegt'));
    });
  });
});

describe('Gremien ohne Turnus', () => {
  it('zeigt bei jedem Gremium nur Turnus, Verbindlichkeit und Berichtsweg, die der Plan nennt', () => {
    const gremien = model.akteure.filter((a) => a.data.gremium);
    expect(gremien.some((a) => a.data.gremium!.turnus === undefined), 'ein Gremium ohne Turnus im Beispiel').toBe(true);
    expect(gremien.some((a) => a.data.gremium!.bindung !== undefined), 'ein Gremium mit Verbindlichkeit im Beispiel').toBe(true);
    for (const a of gremien) {
      const g = a.data.gremium!;
      const seite = page(url.akteur(a.id));
      const dl = seite.querySelector('dl[data-gremium]');
      const erwartet = Object.fromEntries(
        [
          ['Turnus', g.turnus && `tagt ${g.turnus}`],
          ['Verbindlichkeit', g.bindung],
          ['Berichtet an', g.berichtetAn && model.akteure.find((x) => x.id === g.berichtetAn!.id)!.data.name],
        ].filter(([, w]) => w !== undefined),
      );
      expect(dl ? eintraege(dl) : {}, a.id).toEqual(erwartet);
      expect(seite.querySelectorAll('ul[data-mitglieder] li').map(text), a.id).toEqual(g.mitglieder.map((r) => model.akteure.find((x) => x.id === r.id)!.data.name));
      const karte = page(url.akteure()).querySelector(`li#${a.id}`)!;
      expect(text(karte), a.id).toContain(g.turnus ? `Gremium, tagt ${g.turnus}` : 'Gremium');
      if (!g.turnus) expect(text(karte), a.id).not.toContain('tagt');
    }
  });
});

const KOOPERATION = 'kooperiert laut Vereinbarung mit';
const vereinbarungen = (plan: PlanModel) =>
  plan.akteure.flatMap((a) => a.data.beziehungen.filter((b) => b.typ === KOOPERATION).map((b) => ({ von: a, b })));
const beschlussText = (b: { nummer: string; gremium?: string; datum?: string }) => [b.nummer, b.gremium, b.datum && formatDatum(b.datum)].filter(Boolean).join(', ');

describe('Kooperationsvereinbarungen', () => {
  it('kommen in den Beispielplänen mit und ohne Datum vor', () => {
    const alle = BEISPIELPLAENE.flatMap((p) => vereinbarungen(p.modell()));
    expect(alle.some(({ b }) => b.datum !== undefined)).toBe(true);
    expect(alle.some(({ b }) => b.datum === undefined)).toBe(true);
  });

  for (const plan of BEISPIELPLAENE) {
    if (vereinbarungen(plan.modell()).length === 0) continue;

    it(`stehen mit Gegenstand und Datum, soweit der Plan sie nennt, auf beiden Akteursseiten (${plan.name})`, () => {
      for (const { von, b } of vereinbarungen(plan.modell())) {
        for (const [seite, richtung, anderer] of [[von.id, 'aus', b.ziel.id], [b.ziel.id, 'ein', von.id]] as const) {
          const li = plan.site.page(url.akteur(seite)).querySelector(`ul.beziehungen li[data-richtung="${richtung}"][data-typ="${b.typ}"][data-anderer="${anderer}"]`)!;
          expect(li, `${seite} ${richtung} ${anderer}`).not.toBeNull();
          expect(text(li.querySelector('[data-gegenstand]')) || undefined).toBe(b.gegenstand);
          const datum = li.querySelector('[data-datum]');
          if (b.datum) expect(text(datum)).toContain(formatDatum(b.datum));
          else expect(datum).toBeNull();
        }
      }
    });

    it(`haben einen eigenen Eintrag in der Legende der Akteurslandkarte (${plan.name})`, () => {
      const legende = plan.site.page(url.akteure()).querySelectorAll('svg.pw-akteurslandkarte .pw-legende-eintrag').map((g) => g.getAttribute('data-typ'));
      expect(legende).toContain(KOOPERATION);
    });

    it(`stehen mit Datum und Gegenstand in den offenen Daten (${plan.name})`, () => {
      const akteure = JSON.parse(readFileSync(join(plan.site.dist, 'daten', 'akteure.json'), 'utf8')) as { id: string; beziehungen: { typ: string; ziel: string; datum?: string; gegenstand?: string }[] }[];
      for (const { von, b } of vereinbarungen(plan.modell())) {
        const satz = akteure.find((a) => a.id === von.id)!.beziehungen.find((x) => x.typ === b.typ && x.ziel === b.ziel.id)!;
        expect(satz.datum).toBe(b.datum);
        expect(satz.gegenstand).toBe(b.gegenstand);
      }
      const kopf = readFileSync(join(plan.site.dist, 'daten', 'akteure.csv'), 'utf8').split('\n')[0]!;
      expect(kopf).toContain('beziehungen.1.datum');
      expect(kopf).toContain('beziehungen.1.gegenstand');
    });
  }
});

describe('Ratsbeschlüsse', () => {
  it('kommen in den Beispielplänen mit und ohne Datum vor, und Programme ohne Beschluss auch', () => {
    const alle = BEISPIELPLAENE.flatMap((p) => p.modell().foerderprogramme);
    expect(alle.some((f) => f.data.beschluss?.datum)).toBe(true);
    expect(alle.some((f) => f.data.beschluss && !f.data.beschluss.datum)).toBe(true);
    expect(alle.some((f) => !f.data.beschluss)).toBe(true);
  });

  for (const plan of BEISPIELPLAENE) {
    if (plan.modell().foerderprogramme.length === 0) continue;

    it(`stehen bei den Förderprogrammen auf der Finanzseite, soweit der Plan sie nennt (${plan.name})`, () => {
      const seite = plan.site.page(url.finanzen());
      for (const f of plan.modell().foerderprogramme) {
        const eintrag = seite.querySelector(`#programm-info-${f.id}`)!;
        const beschluss = eintrag.querySelector('[data-beschluss]');
        if (!f.data.beschluss) {
          expect(beschluss, f.id).toBeNull();
          expect(text(eintrag), f.id).not.toContain('Ratsbeschluss');
          continue;
        }
        expect(beschluss?.getAttribute('data-beschluss'), f.id).toBe(f.data.beschluss.nummer);
        expect(text(beschluss), f.id).toBe(beschlussText(f.data.beschluss));
      }
    });

    it(`stehen bei den Förderprogrammen in den offenen Daten (${plan.name})`, () => {
      const programme = JSON.parse(readFileSync(join(plan.site.dist, 'daten', 'foerderprogramme.json'), 'utf8')) as { id: string; beschluss?: unknown }[];
      for (const f of plan.modell().foerderprogramme) expect(programme.find((p) => p.id === f.id)!.beschluss, f.id).toEqual(f.data.beschluss);
    });
  }

  it('stehen bei den Maßnahmen auf ihren Seiten', () => {
    const mit = model.massnahmen.filter((m) => m.data.beschluss && !m.data.entwurf);
    expect(mit.length).toBeGreaterThan(0);
    for (const m of mit) {
      const beschluss = page(url.massnahme(m.id)).querySelector('[data-beschluss]');
      expect(text(beschluss), m.id).toBe(beschlussText(m.data.beschluss!));
    }
  });
});
