/**
 * In a real browser: every page type at a phone and a desktop width makes no request to
 * another origin, sets no cookie, logs no error and needs no horizontal scrolling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { browserVerfuegbar, startBrowser, startPreview } from '../helpers/browser.ts';
import { SICHERHEITS_HEADER } from '../../src/lib/sicherheit.ts';

const SEITEN = [
  '/',
  '/kapitel/ausgangslage/',
  '/handlungsfelder/infrastruktur/',
  '/massnahmen/',
  '/massnahmen/i-01/',
  '/akteure/',
  '/akteure/it-dienstleister/',
  '/akteure/zustaendigkeiten/',
  '/schulen/',
  '/schulen/gs-am-lindenhof/',
  '/finanzen/',
  '/glossar/',
  '/suche/?q=Endger%C3%A4te',
  '/register/',
];
const VIEWPORTS = [
  { name: 'Telefon', width: 320, height: 800 },
  { name: 'Desktop', width: 1280, height: 900 },
];

const aktiv = browserVerfuegbar();
let browser: Browser;
let preview: { origin: string; stop: () => void };

describe.skipIf(!aktiv)('im Browser', () => {
  beforeAll(async () => {
    preview = await startPreview();
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    preview?.stop();
  });

  for (const viewport of VIEWPORTS) {
    it(`lädt nur vom eigenen Server, setzt keine Cookies und scrollt nicht seitwärts (${viewport.name}, ${viewport.width} px)`, async () => {
      const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
      // Serve every response with the site's security headers, as a host would.
      await context.route('**/*', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), ...SICHERHEITS_HEADER } });
      });
      const fremd: string[] = [];
      const fehler: string[] = [];
      context.on('request', (r) => {
        if (!r.url().startsWith(`${preview.origin}/`) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) fremd.push(r.url());
      });
      for (const pfad of SEITEN) {
        const page = await context.newPage();
        page.on('console', (m) => {
          if (m.type() === 'error') fehler.push(`${pfad}: ${m.text()}`);
        });
        page.on('pageerror', (e) => fehler.push(`${pfad}: ${e.message}`));
        const response = await page.goto(`${preview.origin}${pfad}`, { waitUntil: 'networkidle' });
        expect(response?.status(), pfad).toBe(200);
        const breite = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, fenster: window.innerWidth }));
        expect(breite.scroll, `${pfad} ist breiter als das Fenster`).toBeLessThanOrEqual(breite.fenster);
        await page.close();
      }
      expect(fremd).toEqual([]);
      expect(fehler).toEqual([]); // includes "Refused to …" CSP violations
      expect(await context.cookies()).toEqual([]);
      await context.close();
    });
  }

  it('findet mit der Suche im Browser Treffer mit Anker, auch unter der CSP', async () => {
    const context = await browser.newContext();
    const verstoesse: string[] = [];
    await context.route('**/*', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), ...SICHERHEITS_HEADER } });
    });
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') verstoesse.push(m.text());
    });
    await page.goto(`${preview.origin}/suche/?q=Endger%C3%A4te`);
    const link = page.locator('main a[href*="#"]').first();
    await link.waitFor({ timeout: 15_000 });
    expect(await link.getAttribute('href')).toMatch(/^\/.+#.+/);
    expect(verstoesse).toEqual([]);
    await context.close();
  });
});
