/**
 * School pages of the built Musterstadt site answer "what is planned for my school": exactly the
 * Maßnahmen the data says concern the school (computed from the model, never written here),
 * each linked to its page, the contacts, and the Medienkonzept with its date; a Maßnahme page
 * lists the schools and Schulformen it names.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MUSTERSTADT } from '../helpers/plaene.ts';
import { url } from '../../src/plan/urls.ts';
import { ansprechpartnerDerSchule, genannteSchulen, massnahmenDerSchule } from '../../src/rechnen/schulen.ts';
import { aktuellerStand } from '../../src/rechnen/erhebungen.ts';

const model = MUSTERSTADT.modell();
const { page, fileFor } = MUSTERSTADT.site;

/** 2025-02-14 → 14.02.2025, written out here rather than taken from the site's formatter. */
const deutschesDatum = (iso: string) => iso.split('-').reverse().join('.');

describe('Schulseiten von Musterstadt', () => {
  it('hat Schulen, die Maßnahmen nennen, und solche, die keine nennen (sonst prüft dieser Test zu wenig)', () => {
    const mit = model.schulen.filter((s) => massnahmenDerSchule(model, s.id).length > 0);
    expect(mit.length).toBeGreaterThan(0);
    expect(mit.length).toBeLessThan(model.schulen.length);
    expect(model.schulen.some((s) => massnahmenDerSchule(model, s.id).some((x) => x.direkt))).toBe(true);
  });

  for (const schule of model.schulen) {
    it(`${schule.data.name}: genau die Maßnahmen des Modells, je mit Link, Status und Grund`, () => {
      const seite = page(url.schule(schule.id));
      const erwartet = massnahmenDerSchule(model, schule.id);
      const eintraege = seite.querySelectorAll('ul.schul-massnahmen > li');
      expect(eintraege.map((li) => li.getAttribute('data-massnahme'))).toEqual(erwartet.map((x) => x.massnahme.id));
      erwartet.forEach((x, i) => {
        const li = eintraege[i]!;
        const link = li.querySelector('a')!;
        expect(link.getAttribute('href')).toBe(url.massnahme(x.massnahme.id));
        expect(link.text).toContain(x.massnahme.id);
        expect(link.text).toContain(x.massnahme.data.titel);
        expect(existsSync(fileFor(url.massnahme(x.massnahme.id))), url.massnahme(x.massnahme.id)).toBe(true);
        if (x.massnahme.data.status) expect(li.querySelector('.status')?.text).toBe(x.massnahme.data.status);
        expect(li.text).toContain(x.direkt ? 'für diese Schule' : 'für die Schulform');
      });
      const text = seite.querySelector('main')!.text;
      if (erwartet.length === 0) expect(text).toContain('Der Plan nennt für diese Schule keine eigenen Maßnahmen.');
      else expect(text).not.toContain('keine eigenen Maßnahmen');

      // Contacts: the responsible actors of these Maßnahmen and the support contacts, each linked.
      const kontakte = ansprechpartnerDerSchule(model, schule.id);
      const verantwortlich = seite.querySelectorAll('[data-kontakte="verantwortlich"] > li').map((li) => li.getAttribute('data-akteur'));
      expect(verantwortlich).toEqual(kontakte.verantwortlich.map((k) => k.akteur.id));
      const support = seite.querySelectorAll('[data-kontakte="support"] > li');
      expect(support.map((li) => li.getAttribute('data-akteur'))).toEqual(kontakte.support.map((a) => a.id));
      for (const li of support) expect(li.querySelector('a')?.getAttribute('href')).toBe(url.akteur(li.getAttribute('data-akteur')!));

      // The Medienkonzept with its date in German form, or the sentence that there is none.
      const werte = aktuellerStand(model, schule.id)?.werte ?? {};
      const stand = werte.medienkonzept_stand;
      const absatz = seite.querySelector('h2#medienkonzept')!.nextElementSibling!;
      if (stand) {
        const zeit = absatz.querySelector('time')!;
        expect(zeit.getAttribute('datetime')).toBe(stand);
        expect(zeit.text).toBe(deutschesDatum(stand));
        if (werte.medienkonzept_url) expect(absatz.querySelector(`a[href="${werte.medienkonzept_url}"]`)).not.toBeNull();
      } else {
        expect(absatz.text).toContain('liegt noch kein Medienkonzept vor');
      }
    });
  }

  it('Support-Ansprechpartner stehen auf jeder Schulseite, die Verantwortlichen nur, wo die Schule Maßnahmen hat', () => {
    expect(model.schulen.every((s) => ansprechpartnerDerSchule(model, s.id).support.length > 0)).toBe(true);
    for (const s of model.schulen) {
      expect(ansprechpartnerDerSchule(model, s.id).verantwortlich.length > 0).toBe(massnahmenDerSchule(model, s.id).length > 0);
    }
  });
});

describe('Maßnahmenseiten nennen ihre Schulen', () => {
  for (const m of model.massnahmen) {
    const genannt = genannteSchulen(model, m);
    it(`${m.id}: ${genannt.schulen.length} Schulen, ${genannt.schulformen.length} Schulformen`, () => {
      const seite = page(url.massnahme(m.id));
      const schulen = seite.querySelector('dd[data-schulen]');
      if (genannt.schulen.length === 0) expect(schulen).toBeNull();
      else {
        expect(schulen!.querySelectorAll('a').map((a) => a.getAttribute('href'))).toEqual(genannt.schulen.map((s) => url.schule(s.id)));
        expect(schulen!.text).toContain(genannt.schulen[0]!.data.name);
      }
      const formen = seite.querySelector('dd[data-schulformen]');
      if (genannt.schulformen.length === 0) expect(formen).toBeNull();
      else for (const { schulform } of genannt.schulformen) expect(formen!.text).toContain(schulform.data.name);
    });
  }

  it('jede genannte Schule führt die Maßnahme auf ihrer Seite zurück', () => {
    for (const m of model.massnahmen) {
      for (const s of genannteSchulen(model, m).schulen) {
        expect(page(url.schule(s.id)).querySelector(`ul.schul-massnahmen > li[data-massnahme="${m.id}"]`), `${m.id} → ${s.id}`).not.toBeNull();
      }
    }
  });
});
