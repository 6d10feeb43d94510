/**
 * `planwerk portal` over three generated plan sites of different shapes (one with survey rounds,
 * one with published finance tables, one minimal; tests/helpers/portalplaene.ts), each built on its
 * own and served by its own local server (another origin each, one under a base path), plus a plan
 * whose server does not answer and an older site without Portalangaben. The portal reads them over
 * HTTP and is served itself; Chromium then uses it as a reader would:
 * - one query finds the Kreisfachtag Maßnahme of every plan, each hit naming its Schulträger and
 *   linking to the plan's own page;
 * - the Schulträger filter narrows the hits to one plan;
 * - the comparison's figures equal what each plan publishes in its open data;
 * - no request leaves the portal's origin, the CSP reports nothing, axe finds nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parse } from 'node-html-parser';
import { PROJECT } from '../helpers/fixture.ts';
import { bauePortalplaene, serviere, type Portalplan } from '../helpers/portalplaene.ts';
import { axeVerstoesse, browserVerfuegbar, kontextMitHeadern } from '../helpers/browser.ts';
import { PORTALANGABEN_DATEI } from '../../src/ausgabe/offenedaten/portalformat.ts';

const ORDNER = join(PROJECT, '.tmp', 'portal-test');
const VERSION = (JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as { version: string }).version;

let plaene: Portalplan[] = [];
let adressen: Record<string, string> = {};
let portal = '';
let ausgabe = '';
const stopper: (() => Promise<void>)[] = [];

/** A plan's published open data table, read over HTTP like the portal reads it. */
async function offeneDaten(plan: Portalplan, name: string): Promise<Record<string, unknown>[] | undefined> {
  const antwort = await fetch(new URL(`daten/${name}.json`, adressen[plan.id]));
  return antwort.ok ? ((await antwort.json()) as Record<string, unknown>[]) : undefined;
}

/** A published number as de-DE text with the decimals it has (computed here, not by the portal's code). */
const deutsch = (n: number) => n.toLocaleString('de-DE', { maximumFractionDigits: 20 });

beforeAll(async () => {
  plaene = await bauePortalplaene(join(PROJECT, '.tmp', 'portal-test-plaene'), { kennungen: true });
  for (const p of plaene) {
    const server = await serviere(p.dist, p.basis);
    adressen[p.id] = server.adresse;
    stopper.push(server.stop);
  }
  // A site of an older Planwerk: a page, no Portalangaben.
  const alt = join(ORDNER, 'alt');
  rmSync(ORDNER, { recursive: true, force: true });
  mkdirSync(alt, { recursive: true });
  writeFileSync(join(alt, 'index.html'), '<!doctype html><html lang="de"><title>Alt</title><h1>Alter Plan</h1></html>');
  writeFileSync(join(alt, '404.html'), '<!doctype html><html lang="de"><title>Fehlt</title></html>');
  const altServer = await serviere(alt, '/');
  stopper.push(altServer.stop);
  const yaml = [
    'titel: Medienentwicklung im Kreis Talheim',
    'beschreibung: Die Medienentwicklungspläne der Schulträger im Kreis Talheim.',
    'herausgeber:',
    '  name: Kreis Talheim',
    '  anschrift: [Kreishaus, Am Markt 1, 12345 Talheim]',
    '  email: schule@kreis-talheim.example',
    'plaene:',
    ...plaene.map((p) => `  - name: ${p.name}\n    id: ${p.id}\n    adresse: ${adressen[p.id]}`),
    '  - name: Gemeinde Stillbach',
    '    adresse: http://127.0.0.1:9/',
    '  - name: Stadt Altenau',
    `    adresse: ${altServer.adresse}`,
  ].join('\n');
  writeFileSync(join(ORDNER, 'portal.yaml'), `${yaml}\n`);
  // Not spawnSync: the plan servers run in this process and must answer while the portal reads.
  const status = await new Promise<number | null>((fertig, fehler) => {
    const kind = spawn(process.execPath, [join(PROJECT, 'src/cli/planwerk.ts'), 'portal'], { cwd: ORDNER, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    kind.stdout.on('data', (c) => (ausgabe += String(c)));
    kind.stderr.on('data', (c) => (ausgabe += String(c)));
    kind.once('error', fehler);
    kind.once('close', fertig);
  });
  if (status !== 0) throw new Error(`planwerk portal ist gescheitert:\n${ausgabe}`);
  const server = await serviere(join(ORDNER, 'dist'), '/');
  portal = server.adresse;
  stopper.push(server.stop);
}, 600_000);

afterAll(async () => {
  for (const stop of stopper) await stop();
});

describe('planwerk portal', () => {
  it('reads every plan that answers, and names each one it could not read instead of dropping it', () => {
    expect(ausgabe).toMatch(/Portal mit 5 Plänen gebaut \(3 durchsuchbar\)/);
    expect(ausgabe).toMatch(/Hinweis: Gemeinde Stillbach: Die Website ließ sich beim Bau des Portals nicht lesen: .*nicht erreichbar/);
    expect(ausgabe).toMatch(/Hinweis: Stadt Altenau: Die Website veröffentlicht keine Portalangaben/);
    const start = parse(readFileSync(join(ORDNER, 'dist', 'index.html'), 'utf8'));
    const zeilen = start.querySelectorAll('.tabelle tbody tr');
    expect(zeilen.map((z) => z.querySelector('th')?.text.trim())).toEqual([...plaene.map((p) => p.name), 'Gemeinde Stillbach', 'Stadt Altenau']);
    const hinweise = start.querySelector('#hinweise')?.parentNode?.text ?? '';
    expect(hinweise).toContain('Gemeinde Stillbach');
    expect(hinweise).toContain('Stadt Altenau');
  });

  it('states which plans are on which Planwerk version', () => {
    const start = parse(readFileSync(join(ORDNER, 'dist', 'index.html'), 'utf8'));
    const liste = start.querySelectorAll('#versionen ~ ul li').map((li) => li.text.replace(/\s+/g, ' ').trim());
    expect(liste).toEqual([`Planwerk ${VERSION}: ${plaene.map((p) => p.name).join(', ')}`, 'Version unbekannt (Website nicht gelesen oder ohne Portalangaben): Gemeinde Stillbach, Stadt Altenau']);
  });

  it('copies only the plans\' search index files, never their scripts', () => {
    for (const p of plaene) {
      const angaben = JSON.parse(readFileSync(join(p.dist, ...PORTALANGABEN_DATEI.split('/')), 'utf8')) as { suche: { dateien: { pfad: string }[] } };
      const kopiert = angaben.suche.dateien.map((d) => d.pfad).filter((pfad) => /\.(pf_meta|pf_index|pf_fragment|pf_filter)$|pagefind-entry\.json$/.test(pfad));
      expect(kopiert.length).toBeGreaterThan(3);
      for (const pfad of kopiert) expect(readFileSync(join(ORDNER, 'dist', 'plaene', p.id, pfad))).toEqual(readFileSync(join(p.dist, pfad)));
      expect(() => readFileSync(join(ORDNER, 'dist', 'plaene', p.id, 'pagefind', 'pagefind.js'))).toThrow();
    }
  });
});

/**
 * The plan of the shape `erhebungen` (bench/generator.ts) publishes its schools' self-evaluation
 * only for groups (`nur-gesamt`): checked on its own built site, beside the per-school plan
 * Musterstadt (tests/site/selbsteinschaetzung.test.ts).
 */
describe('Selbsteinschätzung nur für Gruppen (Plan der Form „erhebungen“)', () => {
  const plan = () => plaene.find((p) => p.form === 'erhebungen')!;
  const datei = (...teile: string[]) => readFileSync(join(plan().dist, ...teile), 'utf8');
  const stufen = ['einstieg', 'aufbau', 'vorreiter'];

  it('zeigt keiner Schule ihre Stufe, nennt keine Maßnahme für ihre Stufe und veröffentlicht keine Stufe je Schule', () => {
    const zeilen = JSON.parse(datei('daten', 'erhebungswerte.json')) as Record<string, unknown>[];
    const schulen = [...new Set(zeilen.map((z) => z.schule as string))];
    expect(schulen.length).toBeGreaterThan(1);
    for (const z of zeilen) expect(Object.keys(z).filter((k) => k.startsWith('stufe_')), String(z.schule)).toEqual([]);
    expect(datei('daten', 'erhebungswerte.csv').split('\n')[0]).not.toContain('stufe_');
    for (const id of schulen) {
      const seite = parse(datei('schulen', id, 'index.html'));
      expect(seite.querySelector('#schulstufen'), id).toBeNull();
      expect(seite.querySelector('[data-stufen-massnahmen]'), id).toBeNull();
      expect(seite.querySelectorAll('[data-stufe]').map((e) => e.getAttribute('data-stufe')).filter((x) => stufen.includes(x!)), id).toEqual([]);
      expect(seite.querySelector('#selbsteinschaetzung')?.parentNode?.text ?? '', id).toContain('nur für Gruppen von Schulen');
    }
  });

  it('zeigt keine Zahl, wenn weniger Schulen als die Mindestgröße eine Stufe angegeben haben', () => {
    const seite = parse(datei('schulen', 'selbsteinschaetzung', 'index.html'));
    expect(seite.querySelector('[data-veroeffentlichung]')?.getAttribute('data-veroeffentlichung')).toBe('nur-gesamt');
    const inhalt = plan().plan.contentDir;
    const mindestgruppe = Number(/^mindestgruppe: (\d+)$/m.exec(readFileSync(join(inhalt, 'daten', 'erhebungen.yaml'), 'utf8'))![1]);
    const [kopf, ...zeilen] = readFileSync(join(inhalt, 'daten', 'erhebungen', '2026-09.csv'), 'utf8').trim().split('\n').map((z) => z.split(';'));
    const spalten = kopf!.flatMap((k, i) => (k.startsWith('stufe_') ? [i] : []));
    expect(spalten.length).toBeGreaterThan(0);
    // This small plan: in every area fewer schools than the minimum gave a level, but some did.
    for (const i of spalten) {
      const mitAngabe = zeilen.filter((z) => z[i] !== '').length;
      expect(mitAngabe).toBeGreaterThan(0);
      expect(mitAngabe).toBeLessThan(mindestgruppe);
    }
    expect(seite.querySelectorAll('table[id^="verteilung-"] td[data-stufe]').length).toBe(0);
    expect(seite.querySelectorAll('table[id^="verteilung-"]').length).toBe(spalten.length);
    expect(seite.querySelector('figure.diagramm')).toBeNull();
    expect(seite.querySelectorAll('table[id^="verteilung-"] tbody tr').every((tr) => tr.getAttribute('data-verborgen') === 'zu-klein')).toBe(true);
    expect(existsSync(join(plan().dist, 'daten', 'selbsteinschaetzung.json'))).toBe(false);
  });
});

describe.skipIf(!browserVerfuegbar())('das Portal im Browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.connect(inject('browserWs'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Opens a portal page with the site's headers; records every request and every console error. */
  async function oeffne(pfad: string): Promise<{ page: Page; anfragen: string[]; fehler: string[]; schliessen: () => Promise<void> }> {
    const context = await kontextMitHeadern(browser, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const anfragen: string[] = [];
    const fehler: string[] = [];
    page.on('request', (r) => anfragen.push(r.url()));
    page.on('console', (m) => m.type() === 'error' && fehler.push(m.text()));
    page.on('pageerror', (e) => fehler.push(e.message));
    await page.goto(new URL(pfad, portal).href);
    return { page, anfragen, fehler, schliessen: () => context.close() };
  }

  /** All hits on the search page ("Weitere Treffer zeigen" until there are no more): title, link and the Schulträger line. */
  async function treffer(page: Page) {
    await page.waitForFunction(() => /Treffer/.test(document.querySelector('[data-suche-status]')?.textContent ?? ''), undefined, { timeout: 30_000 });
    // The status comes first, the hits once their data has loaded.
    await page.waitForFunction(() => document.querySelectorAll('.suche-eintrag').length > 0, undefined, { timeout: 30_000 });
    const mehr = page.locator('[data-suche-mehr]');
    while (await mehr.isVisible()) {
      const vorher = await page.locator('.suche-eintrag').count();
      await mehr.click();
      await page.waitForFunction((n) => document.querySelectorAll('.suche-eintrag').length > n, vorher);
    }
    return page.$$eval('.suche-eintrag', (lis) => lis.map((li) => ({ titel: li.querySelector('.suche-titel a')?.textContent ?? '', href: (li.querySelector('.suche-titel a') as HTMLAnchorElement | null)?.href ?? '', traeger: li.querySelector('.suche-traeger')?.textContent ?? '' })));
  }

  it('finds the Kreisfachtag Maßnahme of every plan with one query, each hit naming its Schulträger and leading to its plan', async () => {
    const { page, anfragen, fehler, schliessen } = await oeffne('suche/?q=Kreisfachtag');
    const alle = await treffer(page);
    for (const p of plaene) {
      const hit = alle.find((t) => t.titel.includes(p.plan.kreisfachtag!.titel));
      expect(hit, `${p.name}: ${alle.map((t) => t.titel).join(' | ')}`).toBeDefined();
      expect(hit!.traeger).toBe(`Schulträger: ${p.name}`);
      // A Maßnahme's page has its id in lower case (src/plan/urls.ts).
      expect(hit!.href.split('#')[0]).toBe(new URL(`massnahmen/${p.plan.kreisfachtag!.id.toLowerCase()}/`, adressen[p.id]).href);
    }
    // Everything the search loaded came from the portal itself.
    expect(anfragen.filter((a) => new URL(a).origin !== new URL(portal).origin)).toEqual([]);
    expect(fehler).toEqual([]);
    expect(await axeVerstoesse(page)).toEqual([]);
    await schliessen();
  });

  it('narrows the hits to one Schulträger with the filter', async () => {
    const { page, schliessen } = await oeffne('suche/?q=Kreisfachtag');
    await treffer(page);
    const ziel = plaene[1]!;
    await page.locator('details.suche-eingrenzen').evaluate((d) => ((d as HTMLDetailsElement).open = true));
    const select = page.getByLabel('Schulträger', { exact: true });
    const optionen = await select.locator('option').allTextContents();
    for (const p of plaene) expect(optionen.some((o) => o.startsWith(p.name)), p.name).toBe(true);
    await select.selectOption(ziel.name);
    await page.waitForFunction((name) => [...document.querySelectorAll('.suche-traeger')].every((e) => e.textContent === `Schulträger: ${name}`) && document.querySelectorAll('.suche-traeger').length > 0, ziel.name, { timeout: 30_000 });
    const nur = await treffer(page);
    expect(nur.length).toBeGreaterThan(0);
    expect(new Set(nur.map((t) => t.traeger))).toEqual(new Set([`Schulträger: ${ziel.name}`]));
    expect(new URL(page.url()).searchParams.get('Schulträger')).toBe(ziel.name);
    await schliessen();
  });

  it('shows the Ausstattungsquoten exactly as each plan publishes them, with its Stand', async () => {
    const { page, fehler, schliessen } = await oeffne('vergleich/');
    let verglichen = 0;
    for (const p of plaene) {
      const quoten = await offeneDaten(p, 'ausstattungsquoten');
      if (!quoten) {
        expect(await page.locator('.vergleich-ohne').first().textContent()).toContain(p.name);
        continue;
      }
      for (const q of quoten) {
        if (typeof q.quote !== 'number') continue;
        const zelle = page.locator(`#tabelle-ausstattung-1 tr[data-schulform="${(q.schulform as string | undefined) ?? 'alle'}"] td[data-plan="${p.id}"]`);
        expect(await zelle.getAttribute('data-quote')).toBe(String(q.quote));
        expect(await zelle.textContent()).toContain(`${deutsch(q.quote)}\u00a0%`);
        verglichen += 1;
      }
    }
    expect(verglichen).toBeGreaterThan(2);
    expect(fehler).toEqual([]);
    expect(await axeVerstoesse(page)).toEqual([]);
    await schliessen();
  });

  it('counts the Maßnahmen per status as each plan publishes them, and gives each plan\'s dates', async () => {
    const { page, schliessen } = await oeffne('vergleich/');
    const kopf = await page.locator('#tabelle-status thead th').allTextContents();
    for (const p of plaene) {
      const massnahmen = (await offeneDaten(p, 'massnahmen'))!;
      const zeile = page.locator(`#tabelle-status tr[data-plan="${p.id}"] td`);
      const zellen = await zeile.allTextContents();
      for (const status of new Set(massnahmen.map((m) => m.status as string))) {
        const spalte = kopf.indexOf(status) - 1;
        expect(spalte, status).toBeGreaterThanOrEqual(0);
        expect(zellen[spalte], `${p.name} ${status}`).toBe(String(massnahmen.filter((m) => m.status === status).length));
      }
      // The columns: Schulträger, the statuses, the total, the share abgeschlossen.
      expect(zellen[kopf.length - 3]).toBe(String(massnahmen.length));
      const angaben = (await (await fetch(new URL(PORTALANGABEN_DATEI, adressen[p.id]))).json()) as { stand: string };
      expect(await page.locator(`#tabelle-stichtage tr[data-plan="${p.id}"] td`).first().locator('[data-wert]').getAttribute('data-wert')).toBe(angaben.stand);
    }
    await schliessen();
  });

  it('lists the actors that several plans share, by shared id and by a declared other name, with their role in each plan', async () => {
    const { page, schliessen } = await oeffne('akteure/');
    const karten = await page.locator('[data-akteur]').evaluateAll((els) => els.map((e) => ({ id: e.getAttribute('data-akteur'), text: e.textContent ?? '' })));
    const mz = karten.find((k) => k.id === 'kreismedienzentrum');
    expect(mz, JSON.stringify(karten)).toBeDefined();
    for (const p of plaene) expect(mz!.text).toContain(p.name);
    // The Schulaufsicht: one plan calls it „Untere Schulaufsicht“ and declares „Schulamt für den Kreis“.
    const aufsicht = karten.find((k) => /Schulaufsicht|Schulamt/.test(k.text));
    expect(aufsicht).toBeDefined();
    expect(plaene.filter((p) => aufsicht!.text.includes(p.name)).length).toBe(plaene.length);
    expect(await axeVerstoesse(page)).toEqual([]);
    await page.goto(new URL('akteure/kreismedienzentrum/', portal).href);
    for (const p of plaene) {
      const id = p.plan.kreisakteure.find((a) => a.kennung === 'kreismedienzentrum')!.id;
      expect(await page.locator(`section[data-plan="${p.id}"] a`).first().getAttribute('href')).toBe(new URL(`akteure/${id}/`, adressen[p.id]).href);
    }
    expect(await axeVerstoesse(page)).toEqual([]);
    await schliessen();
  });

  it('passes axe on its start, imprint and privacy pages, and loads nothing from another server there', async () => {
    for (const pfad of ['', 'impressum/', 'datenschutz/', 'barrierefreiheit/']) {
      const { page, anfragen, fehler, schliessen } = await oeffne(pfad);
      expect(await axeVerstoesse(page), pfad).toEqual([]);
      expect(anfragen.filter((a) => new URL(a).origin !== new URL(portal).origin), pfad).toEqual([]);
      expect(fehler, pfad).toEqual([]);
      await schliessen();
    }
  });
});
