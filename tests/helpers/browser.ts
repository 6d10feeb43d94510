/**
 * Browser tests drive the system Chromium with playwright-core against `astro preview` on
 * localhost; both are started once per run by the global setup (see tests/helpers/vorschau.ts).
 */
import { afterAll, beforeAll, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { SICHERHEITS_HEADER } from '../../src/ausgabe/sicherheit.ts';
import { MUSTERSTADT, type Beispielplan } from './plaene.ts';

export { browserVerfuegbar, BROWSER_ARGS, CHROME, startPreview } from './vorschau.ts';

/** The two widths every page is checked at: a small phone and a desktop. */
export const TELEFON = { name: 'Telefon, 320 px', viewport: { width: 320, height: 800 } };
export const DESKTOP = { name: 'Desktop, 1280 px', viewport: { width: 1280, height: 900 } };

/**
 * For the tests of the calling describe block: the Chromium and the `astro preview` of the plan
 * that the global setup (tests/helpers/build-site.ts) started once for all test files.
 */
export function imBrowser(plan: Beispielplan = MUSTERSTADT): { readonly browser: Browser; readonly adresse: string } {
  let browser: Browser | undefined;
  let preview: { adresse: string } | undefined;
  beforeAll(async () => {
    preview = { adresse: vorschauVon(plan) };
    browser = await chromium.connect(inject('browserWs'));
  });
  afterAll(async () => {
    // Only this file's connection: the browser itself stays up for the other files.
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error('Chromium läuft nicht (imBrowser() außerhalb eines describe-Blocks?)');
      return browser;
    },
    /** Where the site's root is served, without the final slash (see startPreview). */
    get adresse() {
      if (!preview) throw new Error('astro preview läuft nicht (imBrowser() außerhalb eines describe-Blocks?)');
      return preview.adresse;
    },
  };
}


/** Where the global setup's `astro preview` serves a sample plan (its root, without the final slash). */
export function vorschauVon(plan: Beispielplan): string {
  const adresse = inject('vorschau')[plan.name];
  if (!adresse) throw new Error(`Keine Vorschau für ${plan.name} (läuft der Test ohne das Projekt „site“?)`);
  return adresse;
}

/** A browser context whose responses carry the site's security headers, as a host would send them. */
export async function kontextMitHeadern(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.route('**/*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), ...SICHERHEITS_HEADER } });
  });
  // A request still under way when a test closes the context (a favicon, say) is no failure.
  const schliessen = context.close.bind(context);
  context.close = async (options) => {
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    return schliessen(options);
  };
  return context;
}

/** axe-core's run, as `planwerk pruefen-site` does it (src/cli/sitepruefung/barrierefreiheit.ts). */
export { axeVerstoesse, WCAG_21_AA } from '../../src/cli/sitepruefung/barrierefreiheit.ts';
