/**
 * Browser tests drive the system Chromium (CHROME_PATH, else /usr/bin/chromium) with
 * playwright-core against `astro preview` on localhost. In CI a missing browser is an
 * error; locally the tests are skipped with a printed reason.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import axe from 'axe-core';
import { SICHERHEITS_HEADER } from '../../src/lib/sicherheit.ts';
import { PROJECT } from './fixture.ts';
import { MUSTERSTADT, type Beispielplan } from './plaene.ts';

export const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

export function browserVerfuegbar(): boolean {
  if (existsSync(CHROME)) return true;
  if (process.env.CI) throw new Error(`Chromium fehlt (${CHROME}): in CI installiert .ci/run das Debian-Paket „chromium“.`);
  console.warn(`Browser-Tests übersprungen: kein Chromium unter ${CHROME} (CHROME_PATH setzen oder „apt-get install chromium“).`);
  return false;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `astro preview` of a sample plan's build on a free loopback port and waits until it
 * answers. `adresse` is where the site's root is served: the origin and the plan's base path,
 * without the final slash (`http://127.0.0.1:4321` or `http://127.0.0.1:4321/digitale-bildung`),
 * so that `${adresse}/massnahmen/` is a page's address under either.
 */
export async function startPreview(plan: Beispielplan = MUSTERSTADT): Promise<{ adresse: string; stop: () => void }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'preview', '--host', '127.0.0.1', '--port', String(port), '--outDir', plan.dist], {
    cwd: PROJECT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PLANWERK_CONTENT: plan.inhalt },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const adresse = `http://127.0.0.1:${port}${plan.basis.slice(0, -1)}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${adresse}/`)).ok) return { adresse, stop: () => child.kill() };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`astro preview antwortet nicht auf ${adresse}/ (läuft schon ein anderes „astro preview“?)\n${stderr}`);
}

/** The two widths every page is checked at: a small phone and a desktop. */
export const TELEFON = { name: 'Telefon, 320 px', viewport: { width: 320, height: 800 } };
export const DESKTOP = { name: 'Desktop, 1280 px', viewport: { width: 1280, height: 900 } };

/**
 * For the tests of the calling describe block: starts `astro preview` and Chromium before
 * them and stops both after them.
 */
export function imBrowser(plan: Beispielplan = MUSTERSTADT): { readonly browser: Browser; readonly adresse: string } {
  let browser: Browser | undefined;
  let preview: { adresse: string; stop: () => void } | undefined;
  beforeAll(async () => {
    preview = await startPreview(plan);
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    preview?.stop();
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

export function startBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROME,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
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

/** The WCAG 2.1 A and AA rules of axe-core. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core in the page and returns its violations, one line per element. The script
 * goes in through the DevTools protocol, so the page's CSP does not have to allow it.
 */
export async function axeVerstoesse(page: Page, options: { tags?: string[]; regeln?: string[] } = {}): Promise<string[]> {
  await page.evaluate(axe.source);
  const runOnly = options.regeln ? { type: 'rule' as const, values: options.regeln } : { type: 'tag' as const, values: options.tags ?? WCAG_21_AA };
  const ergebnis = await page.evaluate((runOnly) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly }), runOnly);
  return ergebnis.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}): ${n.target.join(' ')} – ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`));
}
