/** Permanent anchors of the sample plans: each register is current, and Musterstadt's former ids still resolve. */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { fehlendeAnker, fortgeschriebenesRegister, leseRegister, REGISTER_DATEI, sammleAnker } from '../../src/ausgabe/anker.ts';
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
