/**
 * Five questions readers bring, each answered on a 375 × 812 phone in at most two taps from the
 * start page, with the answer on screen and equal to what the plan's data say. The year, the
 * school, the Maßnahme and the Ziel are taken from the data, never written into the test.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { browserVerfuegbar, imBrowser, kontextMitHeadern } from '../helpers/browser.ts';
import { BEISPIELPLAENE } from '../helpers/plaene.ts';
import { prognoseVon } from '../../src/rechnen/kennzahlen.ts';
import { formatEuro } from '../../src/plan/format.ts';
import { planIndex } from '../../src/plan/indexe.ts';
import { massnahmeAnker, seite } from '../../src/plan/urls.ts';
import { massnahmenDerSchule } from '../../src/rechnen/schulen.ts';

const TELEFON_375 = { viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true };

/** Is the element inside the visible part of the page? */
async function sichtbar(el: Locator): Promise<boolean> {
  await el.waitFor({ state: 'visible', timeout: 10_000 });
  return el.evaluate((node) => {
    const r = node.getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
  });
}

for (const plan of BEISPIELPLAENE) describe.skipIf(!browserVerfuegbar())(`Leseaufgaben auf dem Telefon: Beispielplan ${plan.name}`, () => {
  const sitzung = imBrowser(plan);
  const model = plan.modell();
  let context: BrowserContext;
  let page: Page;
  let taps = 0;

  /** A fresh start page; every tap after this is counted. */
  async function start() {
    context = await kontextMitHeadern(sitzung.browser, TELEFON_375);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(sitzung.adresse).origin });
    page = await context.newPage();
    await page.goto(`${sitzung.adresse}/`);
    taps = 0;
  }
  async function tippe(el: Locator) {
    await el.tap();
    taps += 1;
    await page.waitForLoadState('domcontentloaded');
  }

  it('Was kostet ein Jahr, und wer zahlt?', async ({ skip }) => {
    const p = prognoseVon(model);
    if (p.jahre.length === 0 || (model.inventar.length === 0 && model.laufendeKosten.length === 0)) skip();
    const jahr = p.jahre[Math.min(2, p.jahre.length - 1)]!;
    await start();
    await tippe(page.locator('main a', { hasText: 'Was kostet ein Jahr' }));
    await tippe(page.locator(`#jahreswahl a[href="#jahr-${jahr.jahr}"]`));
    const bedarf = page.locator(`section[data-jahr="${jahr.jahr}"] [data-wert="bedarf"]`);
    expect(await sichtbar(bedarf)).toBe(true);
    expect(await bedarf.textContent()).toBe(formatEuro(jahr.bedarf));
    if (model.finanzierung.length > 0) expect(await page.locator(`section[data-jahr="${jahr.jahr}"] [data-wert="finanzierung"]`).textContent()).toBe(formatEuro(jahr.finanzierung));
    expect(taps).toBeLessThanOrEqual(2);
    await context.close();
  });

  it('Wer ist für ein Thema verantwortlich?', async ({ skip }) => {
    const hf = planIndex(model).felder.find((h) => h.data.verantwortlich.length > 0);
    if (!hf) skip();
    await start();
    await tippe(page.locator(`main a[href="${plan.href(seite.handlungsfeld(hf!.id))}"]`));
    const zeile = page.locator('main p', { hasText: 'Verantwortlich:' }).first();
    expect(await sichtbar(zeile)).toBe(true);
    const namen = hf!.data.verantwortlich.map((r) => model.akteure.find((a) => a.id === r.id)!.data.name);
    for (const name of namen) expect(await zeile.textContent()).toContain(name);
    expect(taps).toBeLessThanOrEqual(2);
    await context.close();
  });

  it('Was ist für meine Schule geplant?', async ({ skip }) => {
    // A school the plan names Maßnahmen for, directly or through its Schulform.
    const schule = model.schulen.find((s) => massnahmenDerSchule(model, s.id).length > 0);
    if (!schule) skip();
    const erwartet = massnahmenDerSchule(model, schule!.id).map((x) => x.massnahme.id);
    await start();
    await tippe(page.locator('main a', { hasText: 'Was ist für meine Schule geplant?' }));
    await tippe(page.locator(`main a[href="${plan.href(seite.schule(schule!.id))}"]`).first());
    const liste = page.locator('ul.schul-massnahmen');
    await liste.scrollIntoViewIfNeeded();
    expect(await sichtbar(liste)).toBe(true);
    const links = await liste.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const id of erwartet) expect(links, id).toContain(plan.href(seite.massnahme(id)));
    expect(taps).toBeLessThanOrEqual(2);
    await context.close();
  });

  it('Welchen Stand hat eine Maßnahme?', async () => {
    const hf = planIndex(model).felder[0]!;
    const m = model.massnahmen.find((x) => x.data.handlungsfelder.some((r) => r.id === hf.id))!;
    await start();
    await tippe(page.locator(`main a[href="${plan.href(seite.handlungsfeld(hf.id))}"]`));
    await tippe(page.locator(`#${massnahmeAnker(m.id)}`).locator('xpath=ancestor::article').locator(`a[href="${plan.href(seite.massnahme(m.id))}"]`, { hasText: 'Details zu' }));
    const status = page.locator('main dd[data-pagefind-filter="Status"], main .status, main .nicht-festgelegt').first();
    expect(await sichtbar(status)).toBe(true);
    expect((await status.textContent())!.trim()).toContain(m.data.status ?? 'nicht festgelegt');
    expect(taps).toBeLessThanOrEqual(2);
    await context.close();
  });

  it('Wie verlinke ich ein Ziel?', async ({ skip }) => {
    const hf = planIndex(model).felder.find((h) => h.data.ziele.length > 0);
    if (!hf) skip();
    const ziel = hf!.data.ziele[0]!;
    await start();
    await tippe(page.locator(`main a[href="${plan.href(seite.handlungsfeld(hf!.id))}"]`));
    const kopieren = page.locator(`li#${ziel.id} a.anker`);
    await kopieren.scrollIntoViewIfNeeded();
    expect(await sichtbar(kopieren)).toBe(true);
    // A target a finger can hit (WCAG 2.5.8: at least 24 × 24 px).
    const box = (await kopieren.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(24);
    await tippe(kopieren);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${sitzung.adresse}${seite.ziel(hf!.id, ziel.id)}`);
    expect(taps).toBeLessThanOrEqual(2);
    await context.close();
  });
});
