/** Permanent anchors of the sample plans: each register is current, and Musterstadt's former ids still resolve. */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { existsSync } from 'node:fs';
import { ankerAusHtml, fehlendeAnker, fortgeschriebenesRegister, istWeiterleitung, leseRegister, REGISTER_DATEI, sammleAnker } from '../../src/ausgabe/anker.ts';
import { fassungsseiten } from '../../src/ausgabe/fassungsseiten.ts';
import { seite } from '../../src/plan/urls.ts';
import { pruefeAnkerregister } from '../../src/cli/sitepruefung/ankerregister.ts';
import { PROJECT } from '../helpers/fixture.ts';
import { fileFor, page } from '../helpers/dist.ts';
import { BEISPIELPLAENE } from '../helpers/plaene.ts';

for (const plan of BEISPIELPLAENE) {
  describe(`Ankerregister von ${plan.name}`, () => {
    const register = leseRegister(join(PROJECT, plan.inhalt, REGISTER_DATEI))!;
    const aktuell = sammleAnker(plan.dist);

    it('ist eingecheckt und enthält jede Seite und jeden Anker des Builds (sonst: npm run anker)', () => {
      expect(register).toBeDefined();
      expect(fortgeschriebenesRegister(register, aktuell)).toEqual(register);
    });

    it('wird vom Build vollständig erfüllt', () => {
      expect(fehlendeAnker(register, aktuell)).toEqual([]);
      // As `planwerk pruefen-site` checks it: with the redirect pages the build really wrote.
      const pruefung = pruefeAnkerregister(plan.dist, join(PROJECT, plan.inhalt), plan.inhalt);
      expect(pruefung.befunde).toEqual([]);
      expect(pruefung.hinweise).toEqual([]);
      expect(pruefung.anker).toBe(Object.values(register).flat().length);
    });
  });
}

/** The built HTML of a site path in a sample's output folder. */
const gebaut = (dist: string, pfad: string) => join(dist, ...pfad.split('/').filter(Boolean), 'index.html');

for (const plan of BEISPIELPLAENE) {
  describe(`Alte Seiten der Fassungen von ${plan.name}`, () => {
    const seiten = fassungsseiten(plan.modell());
    const register = leseRegister(join(PROJECT, plan.inhalt, REGISTER_DATEI))!;

    it('hat eine Weiterleitungsseite je alter Seite, die zu einer gebauten Seite mit ihrem Anker führt und im Ankerregister steht', () => {
      if (plan.name !== 'Großstadt') expect(seiten.length, 'Musterstadt und Wiesenhagen bilden alte Seiten ab').toBeGreaterThan(2);
      for (const s of seiten) {
        expect(s.von, s.ziel).toMatch(/^\/fassung\/\d{4}\/seite\/[1-9]\d*\/$/);
        const html = readFileSync(gebaut(plan.dist, s.von), 'utf8');
        expect(istWeiterleitung(html), s.von).toBe(true);
        const doc = parse(html);
        const ziel = plan.href(s.pfad) + (s.anker ? `#${encodeURIComponent(s.anker)}` : '');
        expect(doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content'), s.von).toBe(`0; url=${ziel}`);
        expect(doc.querySelector('html')?.getAttribute('data-ziel'), s.von).toBe(ziel);
        expect(doc.querySelector('main h1')?.text, s.von).toBe(`Seite ${s.nummer} der Fassung „${s.fassung.data.name}“`);
        expect(doc.querySelector(`main a[href="${ziel}"]`), s.von).not.toBeNull();
        // The target is a page of the build with the anchor the mapping names.
        const zielDatei = gebaut(plan.dist, s.pfad);
        expect(existsSync(zielDatei), `${s.von} → ${s.ziel}`).toBe(true);
        if (s.anker) expect(ankerAusHtml(readFileSync(zielDatei, 'utf8')), `${s.von} → ${s.ziel}`).toContain(s.anker);
        expect(register[s.von], `${s.von} im Ankerregister`).toEqual([]);
      }
    });

    it('nennt jede alte Seite mit ihrem Ziel und ihrer Adresse auf der Seite „Änderungen“', () => {
      const doc = parse(readFileSync(gebaut(plan.dist, seite.aenderungen()), 'utf8'));
      const gelistet = doc.querySelectorAll('ul[data-liste="seiten"] li');
      expect(gelistet.length).toBe(seiten.length);
      for (const s of seiten) {
        const li = doc.querySelector(`section[data-fassung="${s.fassung.id}"] li[data-seite="${s.nummer}"]`);
        expect(li?.text, s.von).toContain(`S. ${s.nummer} →`);
        expect(li?.querySelector(`a[href="${plan.href(s.von)}"]`), s.von).not.toBeNull();
        expect(li?.querySelector(`a[href="${plan.href(s.pfad) + (s.anker ? `#${encodeURIComponent(s.anker)}` : '')}"]`), s.von).not.toBeNull();
      }
    });
  });
}

describe('Frühere Adressen und Anker von Musterstadt', () => {
  it('hält frühere Überschriften-, Ziel- und Maßnahmen-IDs am neuen Ort', () => {
    expect(page('/kapitel/ausgangslage/').querySelector('h2#endgeraete > span#ausstattung-endgeraete')).not.toBeNull();
    expect(page('/handlungsfelder/infrastruktur/').querySelector('li#i-z1 > span#ziel-1-1')).not.toBeNull();
    expect(page('/massnahmen/').querySelector('article[aria-labelledby="i-05"] > span#s-05')).not.toBeNull();
  });

  it('leitet umgezogene Seiten mit einer deutschen Seite weiter, die niemand indexiert', () => {
    for (const [von, nach] of [['/massnahmen/s-05/', '/massnahmen/i-05/'], ['/kapitel/bestandsaufnahme/', '/kapitel/ausgangslage/']]) {
      const html = readFileSync(fileFor(von!), 'utf8');
      const doc = parse(html);
      expect(doc.querySelector('html')?.getAttribute('lang'), von).toBe('de');
      expect(doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content'), von).toBe(`0; url=${nach}`);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), von).toMatch(new RegExp(`^https?://[^/]+${nach}$`));
      expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content'), von).toBe('noindex');
      expect(doc.querySelector('main h1')?.text, von).toBe('Diese Seite ist umgezogen');
      expect(doc.querySelector(`main a[href="${nach}"]`), von).not.toBeNull();
      // The script that keeps the #anker comes before the refresh, so it runs first.
      expect(html.indexOf('src="/weiterleitung.js"'), von).toBeGreaterThan(0);
      expect(html.indexOf('src="/weiterleitung.js"'), von).toBeLessThan(html.indexOf('http-equiv="refresh"'));
    }
    expect(page('/kapitel/bestandsaufnahme/').querySelector('main')?.text).toContain('hieß das Kapitel „Bestandsaufnahme“');
  });
});
