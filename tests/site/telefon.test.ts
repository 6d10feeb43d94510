/**
 * Reading on a phone (375 × 812) and on a desktop (1280 × 900), on one page of every type:
 * the page's heading starts in the top quarter of the screen, the main navigation sits behind
 * a "Menü" disclosure on the phone that opens with a click and with the keyboard, the
 * permalinks ("Link kopieren") are targets of at least 24 × 24 px, and on the search page
 * the first hit is inside the first screen. The 320 px checks are in browser.test.ts and
 * barrierefreiheit.test.ts.
 *
 * On each page it walks, the same visit also measures the tables and charts
 * (tests/helpers/tabellenbefund.ts); the tests „Tabellen und Diagramme“ check those findings and
 * open only the pages the walk did not reach (pages with tables in their text). They were a test
 * file of their own that loaded every page type a second time at both widths.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserVerfuegbar, DESKTOP, imBrowser, kontextMitHeadern } from '../helpers/browser.ts';
import { seitenFuer } from '../helpers/seiten.ts';
import { seitenMitTextTabellen, tabellenFehler, vermessen, type Befund } from '../helpers/tabellenbefund.ts';
import { BEISPIELPLAENE } from '../helpers/plaene.ts';
import { suchUrl } from '../../src/ausgabe/suche/urls.ts';

const TELEFON_375 = { name: 'Telefon, 375 px', viewport: { width: 375, height: 812 } };

/** Where the header ends and the page's h1 starts, in CSS pixels from the top of the screen. */
async function oben(page: Page) {
  return page.evaluate(() => ({
    kopf: document.querySelector('header')!.getBoundingClientRect().bottom,
    h1: document.querySelector('main h1')?.getBoundingClientRect().top ?? Infinity,
  }));
}

/** The main navigation's links: how many there are, and which of them are shown inside the screen. */
async function navLinks(page: Page) {
  return page.evaluate(() => {
    const links = [...document.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Hauptnavigation"] a')];
    const sichtbar = links.filter((a) => {
      const r = a.getBoundingClientRect();
      return a.checkVisibility({ visibilityProperty: true }) && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth && r.height >= 24;
    });
    return { alle: links.length, sichtbar: sichtbar.length, aktuell: links.filter((a) => a.getAttribute('aria-current') === 'page').length };
  });
}

/** Permalinks shown on the page that are smaller than 24 × 24 px. */
async function kleineAnker(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main a.anker')]
      .filter((a) => a.checkVisibility())
      .map((a) => ({ href: a.getAttribute('href'), r: a.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 24 || r.height < 24)
      .map(({ href, r }) => `${href}: ${Math.round(r.width)} × ${Math.round(r.height)} px`),
  );
}

for (const plan of BEISPIELPLAENE) describe.skipIf(!browserVerfuegbar())(`Lesen auf dem Telefon und am Desktop: Beispielplan ${plan.name}`, () => {
  const sitzung = imBrowser(plan);
  const SEITEN = seitenFuer(plan);
  /** Per width: the tables and charts measured on each page the walks below load (see „Tabellen und Diagramme“). */
  const tabellenBefunde = new Map<number, Map<string, Befund>>([TELEFON_375, DESKTOP].map((v) => [v.viewport.width, new Map<string, Befund>()] as const));

  it(`zeigt auf dem Telefon den Anfang der Seite im oberen Viertel, das Menü per Klick und Tastatur und Permalinks ab 24 × 24 px (${TELEFON_375.name})`, async () => {
    const { viewport } = TELEFON_375;
    const context = await kontextMitHeadern(sitzung.browser, { viewport });
    const page = await context.newPage();
    const fehler: string[] = [];
    for (const pfad of SEITEN) {
      await page.goto(`${sitzung.adresse}${pfad}`);
      const { kopf, h1 } = await oben(page);
      if (kopf > viewport.height / 4) fehler.push(`${pfad}: Kopf endet bei ${Math.round(kopf)} px`);
      if (h1 > viewport.height / 4) fehler.push(`${pfad}: h1 beginnt bei ${Math.round(h1)} px`);
      fehler.push(...(await kleineAnker(page)).map((a) => `${pfad}: Permalink ${a}`));

      // Closed at first: the links are not shown until the reader opens the menu.
      const menue = page.locator('header summary', { hasText: 'Menü' });
      expect(await menue.isVisible(), pfad).toBe(true);
      const zu = await navLinks(page);
      expect(zu.alle, pfad).toBeGreaterThan(3);
      expect(zu.sichtbar, `${pfad}: Links vor dem Öffnen`).toBe(0);

      // A tap opens it with every link inside the screen; a second tap closes it.
      await menue.click();
      const offen = await navLinks(page);
      expect(offen.sichtbar, `${pfad}: Links nach dem Klick`).toBe(offen.alle);
      await menue.click();
      expect((await navLinks(page)).sichtbar, `${pfad}: Links nach dem zweiten Klick`).toBe(0);

      // With the keyboard: Enter on the summary opens it, Tab goes to the first link, Escape closes and returns.
      await menue.focus();
      await page.keyboard.press('Enter');
      expect((await navLinks(page)).sichtbar, `${pfad}: Links nach Enter`).toBe(offen.alle);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('nav[aria-label="Hauptnavigation"]')), pfad).toBe(true);
      await page.keyboard.press('Escape');
      expect((await navLinks(page)).sichtbar, `${pfad}: Links nach Escape`).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.tagName), pfad).toBe('SUMMARY');
      // The menu is closed again: the page as loaded, for the tables and charts.
      tabellenBefunde.get(viewport.width)!.set(pfad, await page.evaluate(vermessen));
    }
    expect(fehler).toEqual([]);
    await context.close();
  });

  it(`zeigt am Desktop den Anfang der Seite im oberen Viertel und die Navigation ohne Menü-Knopf (${DESKTOP.name})`, async () => {
    const { viewport } = DESKTOP;
    const context = await kontextMitHeadern(sitzung.browser, { viewport });
    const page = await context.newPage();
    const fehler: string[] = [];
    for (const pfad of SEITEN) {
      await page.goto(`${sitzung.adresse}${pfad}`);
      const { h1 } = await oben(page);
      if (h1 > viewport.height / 4) fehler.push(`${pfad}: h1 beginnt bei ${Math.round(h1)} px`);
      fehler.push(...(await kleineAnker(page)).map((a) => `${pfad}: Permalink ${a}`));
      const nav = await navLinks(page);
      if (nav.sichtbar !== nav.alle - 1) fehler.push(`${pfad}: ${nav.sichtbar} von ${nav.alle} Links der Navigation sichtbar`); // the register is beside the search field
      if (await page.locator('header summary', { hasText: 'Menü' }).isVisible()) fehler.push(`${pfad}: Menü-Knopf am Desktop`);
      tabellenBefunde.get(viewport.width)!.set(pfad, await page.evaluate(vermessen));
    }
    expect(fehler).toEqual([]);
    await context.close();
  });

  it(`zeigt auf dem Telefon den ersten Treffer der Suche im ersten Bildschirm, mit nur einem Suchfeld und eingeklappten Filtern (${TELEFON_375.name})`, async () => {
    const { viewport } = TELEFON_375;
    const context = await kontextMitHeadern(sitzung.browser, { viewport });
    const page = await context.newPage();
    await page.goto(`${sitzung.adresse}${suchUrl(plan.suchbegriff)}`);
    const erster = page.locator('main .suche-treffer a').first();
    await erster.waitFor({ timeout: 15_000 });
    const box = (await erster.boundingBox())!;
    expect(box.y, 'Treffer beginnt unter dem Kopf').toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, 'Treffer endet im ersten Bildschirm').toBeLessThanOrEqual(viewport.height);
    // One search box: the page's own; the header's is not shown here.
    expect(await page.locator('input[type="search"]').evaluateAll((els) => els.filter((el) => el.checkVisibility()).map((el) => el.id))).toEqual(['suche-q']);
    // The filters are behind a closed disclosure that opens with a tap.
    const eingrenzen = page.locator('main summary', { hasText: 'Ergebnisse eingrenzen' });
    expect(await page.locator('main select').first().isVisible()).toBe(false);
    await eingrenzen.click();
    expect(await page.locator('main select').first().isVisible()).toBe(true);
    await context.close();
  });

  describe('Tabellen und Diagramme', () => {
    const TABELLENSEITEN = [...new Set([...SEITEN, ...seitenMitTextTabellen(plan)])];

    for (const { name, ...options } of [TELEFON_375, DESKTOP]) {
      it(`verbirgt keine Zelle ohne Hinweis und schreibt Diagramme lesbar (${name})`, async () => {
        const gemessen = tabellenBefunde.get(options.viewport.width)!;
        // Opened here: pages the walk above did not load (pages with a table in their text; every
        // page when that test failed early or was not run).
        const fehlend = TABELLENSEITEN.filter((p) => !gemessen.has(p));
        if (fehlend.length > 0) {
          const context = await kontextMitHeadern(sitzung.browser, options);
          const page = await context.newPage();
          for (const pfad of fehlend) {
            await page.goto(`${sitzung.adresse}${pfad}`);
            gemessen.set(pfad, await page.evaluate(vermessen));
          }
          await context.close();
        }
        const telefon = options.viewport.width < 400;
        const { fehler, breiteTabellen, schmaleTabellen, diagrammTexte } = tabellenFehler(TABELLENSEITEN.map((p): [string, Befund] => [p, gemessen.get(p)!]), telefon);
        expect(fehler).toEqual([]);
        // The checks have something to check: wide and fitting tables; on the phone, chart text.
        expect(schmaleTabellen).toBeGreaterThan(0);
        if (telefon) {
          expect(breiteTabellen).toBeGreaterThan(0);
          expect(diagrammTexte).toBeGreaterThan(0);
        }
      });
    }
  });
});
