/**
 * In a real browser: every page type at a phone width, a desktop width and a desktop at
 * 200 % zoom makes no request to another origin, sets no cookie, logs no error (CSP
 * violations included) and needs no horizontal scrolling; the search finds hits under the
 * site's base path, and a moved address leads on to the new page with its anchor.
 */
import { describe, expect, it } from 'vitest';
import { browserVerfuegbar, DESKTOP, imBrowser, kontextMitHeadern, TELEFON } from '../helpers/browser.ts';
import { seitenFuer } from '../helpers/seiten.ts';
import { existsSync } from 'node:fs';
import { BEISPIELPLAENE } from '../helpers/plaene.ts';
import { suchUrl } from '../../src/ausgabe/suche/urls.ts';
import { ohneBasis, seite } from '../../src/plan/urls.ts';
import { weiterleitungen } from '../../src/ausgabe/weiterleitungen.ts';

const VIEWPORTS = [
  TELEFON,
  DESKTOP,
  // 1280 × 900 at 200 % zoom: half as many CSS pixels, each drawn twice as large.
  { name: 'Desktop bei 200 % Zoom', viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 },
];

for (const plan of BEISPIELPLAENE) describe.skipIf(!browserVerfuegbar())(`im Browser: Beispielplan ${plan.name}`, () => {
  const sitzung = imBrowser(plan);
  const SEITEN = seitenFuer(plan);

  for (const { name, ...options } of VIEWPORTS) {
    it(`lädt nur vom eigenen Server, setzt keine Cookies und scrollt nicht seitwärts (${name})`, async () => {
      const context = await kontextMitHeadern(sitzung.browser, options);
      const fremd: string[] = [];
      const fehler: string[] = [];
      context.on('request', (r) => {
        if (!r.url().startsWith(`${sitzung.adresse}/`) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) fremd.push(r.url());
      });
      // One tab for all pages, as a reader goes from page to page: a new tab per page took three
      // times as long, and each goto loads a fresh document either way.
      const page = await context.newPage();
      let pfad = '';
      page.on('console', (m) => {
        if (m.type() === 'error') fehler.push(`${pfad}: ${m.text()}`);
      });
      page.on('pageerror', (e) => fehler.push(`${pfad}: ${e.message}`));
      for (pfad of SEITEN) {
        // Scripts are deferred and run before "load"; only the search page loads more afterwards (Pagefind).
        const response = await page.goto(`${sitzung.adresse}${pfad}`, { waitUntil: pfad.startsWith('/suche/') ? 'networkidle' : 'load' });
        expect(response?.status(), pfad).toBe(200);
        const breite = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, fenster: window.innerWidth }));
        expect(breite.scroll, `${pfad} ist breiter als das Fenster`).toBeLessThanOrEqual(breite.fenster);
      }
      await page.close();
      expect(fremd).toEqual([]);
      expect(fehler).toEqual([]); // includes "Refused to …" CSP violations
      expect(await context.cookies()).toEqual([]);
      await context.close();
    });
  }

  it('findet mit der Suche Treffer mit Anker unter der Adresse der Website, auch unter der CSP', async () => {
    const context = await kontextMitHeadern(sitzung.browser);
    const verstoesse: string[] = [];
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') verstoesse.push(m.text());
    });
    await page.goto(`${sitzung.adresse}${suchUrl(plan.suchbegriff)}`);
    const link = page.locator('main a[href*="#"]').first();
    await link.waitFor({ timeout: 15_000 });
    // A hit links into the site under its base path, and the page it names is there.
    const href = (await link.getAttribute('href'))!;
    expect(href.startsWith(plan.basis) && href.includes('#'), href).toBe(true);
    expect(existsSync(plan.site.fileFor(ohneBasis(href, plan.basis)!)), href).toBe(true);
    expect(verstoesse).toEqual([]);
    await context.close();
  });

  it('stellt bei typischen Suchanfragen die Seite zum Thema unter die ersten drei Treffer', async () => {
    const model = plan.modell();
    // Pages about a topic: Handlungsfelder, Maßnahmen, Kapitel and Bildungsbereiche, by their titles.
    const themenseiten = [
      ...model.handlungsfelder.map((e) => ({ pfad: seite.handlungsfeld(e.id), titel: e.data.titel })),
      ...model.massnahmen.map((e) => ({ pfad: seite.massnahme(e.id), titel: e.data.titel })),
      ...model.kapitel.map((e) => ({ pfad: seite.kapitel(e.id), titel: e.data.titel })),
    ];
    const anfragen = [
      ...plan.themen.map((q) => ({ q, erwartet: themenseiten.filter((t) => t.titel.toLowerCase().includes(q.toLowerCase())).map((t) => t.pfad), erster: false })),
      { q: model.massnahmen[0]!.id, erwartet: [seite.massnahme(model.massnahmen[0]!.id)], erster: true },
      ...(model.schulen[0] ? [{ q: model.schulen[0].data.name, erwartet: [seite.schule(model.schulen[0].id)], erster: false }] : []),
    ];
    const context = await kontextMitHeadern(sitzung.browser);
    const page = await context.newPage();
    for (const { q, erwartet, erster } of anfragen) {
      expect(erwartet.length, `„${q}“: der Plan hat eine Seite dazu`).toBeGreaterThan(0);
      await page.goto(`${sitzung.adresse}${suchUrl(q)}`);
      await page.locator('[data-suche-treffer] li a').first().waitFor({ timeout: 15_000 });
      const treffer = (await page.locator('[data-suche-treffer] > li').evaluateAll((lis) => lis.slice(0, 3).map((li) => li.querySelector('a')!.getAttribute('href')!)))
        .map((href) => ohneBasis(href.split('#')[0]!, plan.basis));
      if (erster) expect(treffer[0], q).toBe(erwartet[0]);
      else expect(treffer.some((t) => t !== undefined && erwartet.includes(t)), `„${q}“: ${treffer.join(', ')}`).toBe(true);
    }
    await context.close();
  });

  it('bringt eine alte Adresse samt Anker auf die neue Seite', async () => {
    const w = weiterleitungen(plan.modell()).find((x) => !x.fassungsseite);
    expect(w, 'Jeder Beispielplan hat eine Weiterleitung').toBeDefined();
    const anker = plan.site.page(w!.nach).querySelector('main h2[id]')!.id;
    const context = await kontextMitHeadern(sitzung.browser);
    const page = await context.newPage();
    await page.goto(`${sitzung.adresse}${w!.von}#${anker}`);
    await page.waitForURL(`${sitzung.adresse}${w!.nach}#${anker}`);
    expect(await page.locator('h1').textContent()).not.toContain('umgezogen');
    await context.close();
  });

  it('bringt eine alte Seite einer Fassung an ihre Stelle von heute', async () => {
    const w = weiterleitungen(plan.modell()).find((x) => x.fassungsseite && x.anker);
    if (!w) return; // Auenbrück has no earlier Fassung with pages.
    const context = await kontextMitHeadern(sitzung.browser);
    const page = await context.newPage();
    await page.goto(`${sitzung.adresse}${w.von}`);
    await page.waitForURL(`${sitzung.adresse}${w.nach}#${encodeURIComponent(w.anker!)}`);
    expect(await page.locator(`[id="${w.anker}"]`).count()).toBe(1);
    await context.close();
  });
});
