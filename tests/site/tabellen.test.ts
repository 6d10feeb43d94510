/**
 * Table frames in the built HTML of every page of the sample plans: each table sits in a named
 * frame that the keyboard can scroll, also the tables written in the text (named after their
 * heading, with column header cells). How tables and charts look in the browser, at 375 and
 * 1280 px, is checked in telefon.test.ts, on the pages it walks anyway (tests/helpers/tabellenbefund.ts).
 */
import { describe, expect, it } from 'vitest';
import { BEISPIELPLAENE } from '../helpers/plaene.ts';
import { seitenMitTextTabellen } from '../helpers/tabellenbefund.ts';

for (const plan of BEISPIELPLAENE) describe(`Tabellenrahmen im HTML: Beispielplan ${plan.name}`, () => {
  it('setzt jede Tabelle jeder Seite in einen benannten, mit der Tastatur verschiebbaren Rahmen, auch die im Text geschriebenen', () => {
    const ohneRahmen: string[] = [];
    let tabellen = 0;
    for (const pfad of plan.site.allPages()) {
      for (const table of plan.site.page(pfad).querySelectorAll('main table')) {
        tabellen += 1;
        const rahmen = table.parentNode;
        const ok = rahmen?.classList.contains('tabelle') && rahmen.getAttribute('role') === 'region' && rahmen.getAttribute('tabindex') === '0' && !!rahmen.getAttribute('aria-label')?.trim();
        if (!ok) ohneRahmen.push(`${pfad}: ${table.querySelector('caption, th')?.text.trim().slice(0, 40) ?? '(Tabelle)'}`);
      }
    }
    expect(ohneRahmen).toEqual([]);
    expect(tabellen).toBeGreaterThan(0);
  });

  it.skipIf(seitenMitTextTabellen(plan).length === 0)('benennt Tabellen aus dem Text nach ihrer Überschrift und gibt den Spalten Kopfzellen', () => {
    for (const pfad of seitenMitTextTabellen(plan)) {
      const main = plan.site.page(pfad).querySelector('main')!;
      const rahmen = main.querySelectorAll('.tabelle').filter((r) => !r.querySelector('caption'));
      expect(rahmen.length, pfad).toBeGreaterThan(0);
      for (const r of rahmen) {
        // The nearest heading before the frame names it.
        const ueberschriften = main.querySelectorAll('h2, h3, h4').filter((h) => main.innerHTML.indexOf(h.outerHTML) < main.innerHTML.indexOf(r.outerHTML));
        expect(r.getAttribute('aria-label'), pfad).toContain(`„${ueberschriften.at(-1)!.text.trim()}“`);
        for (const th of r.querySelectorAll('thead th')) expect(th.getAttribute('scope')).toBe('col');
      }
    }
  });
});
