/**
 * The three plan sites of the portal test (tests/helpers/portalplaene.ts): each is built, served
 * under its base path, and its Kreisfachtag Maßnahme is a page there; a second call reuses the
 * builds. Slow the first time (three builds, about half a minute on 2 cores), then cached.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT } from '../helpers/fixture.ts';
import { parse } from 'node-html-parser';
import { chromium } from 'playwright-core';
import { browserVerfuegbar, BROWSER_ARGS, CHROME } from '../helpers/vorschau.ts';
import { KREISFACHTAG } from '../../bench/generator.ts';
import { bauePortalplaene, PORTALPLAENE, serviere, type Portalplan } from '../helpers/portalplaene.ts';

/** A folder of this file's own: the portal's site test generates into the default one at the same time. */
const ORDNER = join(PROJECT, '.tmp', 'portalplaene-unit');

describe('Planseiten für das Portal', () => {
  let plaene: Portalplan[] = [];

  it('baut drei Pläne verschiedener Gestalt und verschiedener Schulträger', async () => {
    plaene = await bauePortalplaene(ORDNER);
    console.log(`Portalpläne: ${plaene.map((p) => `${p.id} ${p.bauzeit ? `${p.bauzeit.toFixed(1)} s` : 'aus dem Cache'}`).join(', ')}`);
    expect(plaene.map((p) => p.form).sort()).toEqual(['erhebungen', 'finanztabellen', 'minimal']);
    expect(new Set(plaene.map((p) => p.name)).size).toBe(3);
    expect(plaene.map((p) => p.basis)).toEqual(PORTALPLAENE.map((p) => new URL(p.website).pathname));
    expect(plaene.some((p) => p.basis !== '/')).toBe(true);
    // what each built site publishes follows its shape
    const tabellen = (p: Portalplan) => (JSON.parse(readFileSync(join(p.dist, 'daten', 'massnahmen.json'), 'utf8')) as unknown[]).length;
    for (const p of plaene) expect(tabellen(p), p.id).toBe(p.plan.counts.massnahmen);
  });

  it('liefert jede Website unter ihrem Basispfad, mit der Kreisfachtag-Maßnahme', async () => {
    for (const p of plaene) {
      const { adresse, stop } = await serviere(p.dist, p.basis);
      try {
        expect(new URL(adresse).pathname).toBe(p.basis);
        const start = await fetch(adresse);
        expect(start.status, p.id).toBe(200);
        const startseite = parse(await start.text());
        // the site's own links carry its base path, and the server finds what they name
        const css = startseite.querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? '';
        expect(css.startsWith(p.basis), `${p.id}: ${css}`).toBe(true);
        const stil = await fetch(new URL(css, adresse));
        expect([stil.status, stil.headers.get('content-type')], p.id).toEqual([200, 'text/css; charset=utf-8']);
        const massnahme = await fetch(`${adresse}massnahmen/${p.plan.kreisfachtag!.id.toLowerCase()}/`);
        expect(massnahme.status, p.id).toBe(200);
        const h1 = parse(await massnahme.text()).querySelector('h1')?.textContent ?? '';
        expect(h1, p.id).toContain(KREISFACHTAG);
        expect(h1, p.id).toContain(p.name);
        const pagefind = await fetch(`${adresse}pagefind/pagefind-entry.json`);
        expect([pagefind.status, pagefind.headers.get('content-type')]).toEqual([200, 'application/json']);
      } finally {
        await stop();
      }
    }
  });

  it.runIf(browserVerfuegbar())('die Suche jeder Website findet mit „Kreisfachtag“ ihre Kreisfachtag-Maßnahme als ersten Treffer, in Chromium über HTTP', async () => {
    const browser = await chromium.launch({ executablePath: CHROME, args: BROWSER_ARGS });
    try {
      for (const p of plaene) {
        const { adresse, stop } = await serviere(p.dist, p.basis);
        try {
          const page = await browser.newPage();
          await page.goto(adresse);
          // Pagefind's own bundle, as a portal's page loads it for mergeIndex
          // (a script as text: vitest would rewrite an import() inside a function)
          const skript = `(async () => {
            const pagefind = await import(${JSON.stringify(`${adresse}pagefind/pagefind.js`)});
            await pagefind.init();
            const r = await pagefind.search(${JSON.stringify(KREISFACHTAG)});
            return Promise.all(r.results.map(async (x) => (await x.data()).url));
          })()`;
          const urls = (await page.evaluate(skript)) as string[];
          // the Maßnahme first (its title has the word); lists and actor pages that name it follow
          expect(urls[0], p.id).toBe(`${p.basis}massnahmen/${p.plan.kreisfachtag!.id.toLowerCase()}/`);
          await page.close();
        } finally {
          await stop();
        }
      }
    } finally {
      await browser.close();
    }
  });

  it('nimmt beim zweiten Aufruf die gebauten Websites aus dem Cache', async () => {
    const wieder = await bauePortalplaene(ORDNER);
    expect(wieder.map((p) => p.bauzeit)).toEqual([0, 0, 0]);
    expect(wieder.map((p) => p.dist)).toEqual(plaene.map((p) => p.dist));
  });
});
