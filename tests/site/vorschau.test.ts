/**
 * The live preview (`npm run dev`, src/pruefung/vorschau.ts) in Chromium, with one dev server
 * for the whole file on a copy of the minimal fixture plan under .tmp/ (where tests keep their
 * plans, so the folder stays watched although .tmp/ is not): a saved change of a Maßnahme shows
 * in the open page; a broken file shows the problems as `npm run pruefen` words them on a German
 * page instead of Vite's overlay, and the page comes back when the fix is saved; writing into
 * the project's output folders sends the page no reload message.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserVerfuegbar } from '../helpers/browser.ts';
import { startDevServer } from '../helpers/vorschau.ts';
import { copyFixture, edit, PROJECT } from '../helpers/fixture.ts';
import { validatePlan } from '../../src/pruefung/validate.ts';
import { planLocation } from '../../src/plan/sources.ts';
import { formatPruefzeile } from '../../src/plan/problems.ts';
import { cacheOrdner } from '../../src/plan/aktuell.ts';

/** Up to 30 s for a change to show: the machine may be busy with other builds. */
const WARTEN = 30_000;

describe.skipIf(!browserVerfuegbar())('Live-Vorschau (astro dev)', () => {
  let root = '';
  let server: Awaited<ReturnType<typeof startDevServer>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  /** Every full-reload message Vite's client received in the page, in order. */
  const neuLaden: string[] = [];
  const inhalt = () => join(root, 'content');
  const datei = (name: string) => join(inhalt(), name);
  /** The problems of the copied plan as `npm run pruefen` prints them (paths relative to the project, as the dev server reports them). */
  const pruefzeilen = () => validatePlan(planLocation(inhalt(), PROJECT)).problems.map((p) => formatPruefzeile(p));

  beforeAll(async () => {
    root = copyFixture(true);
    server = await startDevServer(inhalt());
    browser = await chromium.connect(inject('browserWs'));
    page = await browser.newPage();
    // Each (re)loaded page opens its own WebSocket to Vite; its messages say what Vite asked the page to do.
    page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => {
      if (String(payload).includes('"full-reload"')) neuLaden.push(String(payload));
    }));
    await page.goto(`${server.adresse}/massnahmen/i-01/`);
    await page.getByRole('heading', { level: 1, name: /WLAN ausbauen/ }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    server?.stop();
    if (root) {
      rmSync(cacheOrdner(PROJECT, inhalt()), { recursive: true, force: true });
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('zeigt den gespeicherten Text einer Maßnahme in der offenen Seite', async () => {
    edit(root, 'massnahmen/i-01.mdx', 'Alle Schulen erhalten WLAN.', 'Alle Schulen erhalten WLAN bis zum Frühjahr.');
    await page.getByText('Alle Schulen erhalten WLAN bis zum Frühjahr.').waitFor({ timeout: WARTEN });
  });

  /**
   * Breaks `name` by replacing `von` with `zu`: the page must turn into the German error page with
   * exactly the lines of `npm run pruefen` (which name `erwartet`), without Vite's overlay; once the
   * file is restored, the page comes back.
   */
  async function fehlerseiteUndZurueck(name: string, von: string, zu: string, erwartet: string) {
    const vorher = readFileSync(datei(name), 'utf8');
    edit(root, name, von, zu);
    const zeilen = pruefzeilen();
    expect(zeilen.join('\n')).toContain(erwartet);
    await page.getByRole('heading', { level: 1, name: /Der Plan enthält/ }).waitFor({ timeout: WARTEN });
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.locator('li pre').allTextContents()).toEqual(zeilen);
    expect(await page.locator('vite-error-overlay').count()).toBe(0);
    writeFileSync(datei(name), vorher);
    await page.getByRole('heading', { level: 1, name: /WLAN ausbauen/ }).waitFor({ timeout: WARTEN });
    expect(await page.locator('vite-error-overlay').count()).toBe(0);
  }

  it('zeigt eine unbekannte ID als deutsche Fehlerseite mit der Meldung von pruefen, dann wieder die Seite', async () => {
    await fehlerseiteUndZurueck('massnahmen/i-01.mdx', 'handlungsfeld: infrastruktur', 'handlungsfeld: gibtsnicht', 'gibtsnicht');
  });

  it('zeigt einen YAML-Syntaxfehler als deutsche Fehlerseite, dann wieder die Seite', async () => {
    await fehlerseiteUndZurueck('akteure.yaml', '  name: Schulverwaltungsamt', '  name: Schulverwaltungsamt\n   ebene: [Schulträger', 'gültiges YAML');
  });

  it('schickt keinen Befehl zum Neuladen, wenn Builds oder Tests in .tmp/, dist/ oder .astro-cache/ schreiben, aber bei einer Datei des Plans', async () => {
    // The reload after the fix in the test before may still be finishing: count only after it.
    await page.waitForLoadState('load');
    await page.waitForTimeout(1000);
    const vorher = neuLaden.length;
    const fremd = ['.tmp', 'dist', '.astro-cache'].map((o) => join(PROJECT, o, `vorschau-test-${process.pid}`));
    try {
      for (const ordner of fremd) {
        mkdirSync(ordner, { recursive: true });
        // Vite asks every open page to reload for a changed HTML file it watches.
        writeFileSync(join(ordner, 'index.html'), '<p>neu</p>');
        writeFileSync(join(ordner, 'daten.mjs'), 'export default 1;');
      }
      await page.waitForTimeout(3000);
      expect(neuLaden.slice(vorher)).toEqual([]);
      // The control: a saved file of the plan does send one.
      edit(root, 'massnahmen/i-01.mdx', 'Alle Schulen erhalten WLAN', 'Jede Schule erhält WLAN');
      await page.getByText('Jede Schule erhält WLAN').waitFor({ timeout: WARTEN });
      expect(neuLaden.length).toBeGreaterThan(vorher);
    } finally {
      for (const ordner of fremd) rmSync(ordner, { recursive: true, force: true });
    }
  });
});
