/**
 * axe-core in Chromium on one page of each page type, in the light and the dark colour scheme:
 * WCAG 2.1 A and AA in the light scheme, the contrast rules in the dark one (its colours are all
 * that differ). One browser, one context per scheme, both schemes at once. The pages come from
 * the local server over the output folder (server.ts); every other request is refused, so the
 * check never reaches out. Chromium: PLANWERK_CHROMIUM, CHROME_PATH, /usr/bin/chromium, or
 * chromium / google-chrome on the PATH (GitHub's runners have Chrome).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import axe from 'axe-core';
import type { Befund } from './befunde.ts';

/** The WCAG 2.1 A and AA rules of axe-core. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** The rules whose result depends on the colours: what the dark scheme can change. */
export const FARBREGELN = ['color-contrast', 'link-in-text-block'];

const PROGRAMME = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The Chromium to use, or undefined when none is found. */
export function chromiumPfad(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const pfad of [env.PLANWERK_CHROMIUM, env.CHROME_PATH, '/usr/bin/chromium']) if (pfad && existsSync(pfad)) return pfad;
  for (const ordner of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of PROGRAMME) if (existsSync(join(ordner, name))) return join(ordner, name);
  }
  return undefined;
}

/** Chromium could not be started: not a finding about the site, the check cannot run. */
export class ChromiumFehler extends Error {
  override name = 'ChromiumFehler';
}

export const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Runs axe-core in the page and returns its violations, one line per element. The script
 * goes in through the DevTools protocol, so the page's CSP does not have to allow it.
 */
export async function axeVerstoesse(page: Page, options: { tags?: string[]; regeln?: string[] } = {}): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const runOnly = options.regeln ? { type: 'rule' as const, values: options.regeln } : { type: 'tag' as const, values: options.tags ?? WCAG_21_AA };
  const ergebnis = await page.evaluate((runOnly) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly, resultTypes: ['violations'] }), runOnly);
  return ergebnis.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.help}): ${n.target.join(' ')} – ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`));
}

/** The two schemes and what axe checks in each. */
const SCHEMATA = [
  { farbschema: 'light' as const, name: 'helles Farbschema', regeln: undefined },
  { farbschema: 'dark' as const, name: 'dunkles Farbschema', regeln: FARBREGELN },
];

/** A page to check; the search page shows its results only for a query, so it is checked with one. */
export interface Seitenwahl {
  pfad: string;
  /** Query string to add („?q=Musterstadt“), and a selector to wait for (results), if any. */
  anfrage?: string;
  warteAuf?: string;
  /** How much work the page is (its size in bytes): the largest are started first. */
  gewicht?: number;
}

/** Loads a page; waits (at most five seconds) for what it shows after loading. */
async function lade(page: Page, adresse: string, wahl: Seitenwahl) {
  const antwort = await page.goto(`${adresse}${wahl.pfad.slice(1)}${wahl.anfrage ?? ''}`, { waitUntil: 'load' });
  // Else axe would check the server's 404 page in place of the page.
  if (antwort?.status() !== 200) throw new Error(`der Server antwortet mit Status ${antwort?.status() ?? 'keinem'}`);
  if (wahl.warteAuf) await page.locator(wahl.warteAuf).first().waitFor({ timeout: 5000 }).catch(() => undefined);
}

/** How many pages are checked at once: one per core, at most four. */
export const GLEICHZEITIG = Math.max(1, Math.min(4, availableParallelism()));

/**
 * Checks `seiten` on the site served at `adresse` (its root, with the final slash) in both
 * schemes; each finding names the page, the scheme, the rule and the element. The pairs of
 * page and scheme are worked off by `gleichzeitig` tabs, the heaviest pages first.
 */
export async function pruefeBarrierefreiheit(chrome: string, adresse: string, seiten: readonly Seitenwahl[], gleichzeitig = GLEICHZEITIG): Promise<Befund[]> {
  const { chromium } = await import('playwright-core');
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: chrome, args: BROWSER_ARGS });
  } catch (error) {
    throw new ChromiumFehler(`Chromium (${chrome}) ließ sich nicht starten: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  const ursprung = new URL(adresse).origin;
  const auftraege = SCHEMATA.flatMap((schema) => seiten.map((wahl) => ({ wahl, schema }))).sort((a, b) => (b.wahl.gewicht ?? 0) - (a.wahl.gewicht ?? 0));
  const befunde: Befund[] = [];
  const tab = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Only the local server: no request leaves the machine.
    await context.route((url) => url.origin !== ursprung, (route) => route.abort('blockedbyclient'));
    const page = await context.newPage();
    for (let auftrag = auftraege.shift(); auftrag; auftrag = auftraege.shift()) {
      const { wahl, schema } = auftrag;
      try {
        await page.emulateMedia({ colorScheme: schema.farbschema });
        await lade(page, adresse, wahl);
        for (const v of await axeVerstoesse(page, { regeln: schema.regeln })) befunde.push({ seite: wahl.pfad, befund: `axe-core, ${schema.name}: ${v}` });
      } catch (error) {
        befunde.push({ seite: wahl.pfad, befund: `axe-core, ${schema.name}: die Seite ließ sich nicht prüfen (${(error as Error).message.split('\n')[0]})` });
      }
    }
    await context.close();
  };
  try {
    await Promise.all(Array.from({ length: Math.min(gleichzeitig, auftraege.length) }, tab));
    return befunde.sort((a, b) => (a.seite < b.seite ? -1 : a.seite > b.seite ? 1 : a.befund < b.befund ? -1 : a.befund > b.befund ? 1 : 0));
  } finally {
    await browser.close();
  }
}
