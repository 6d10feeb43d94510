/**
 * Search: runs Pagefind's own browser bundle (dist/pagefind/pagefind.js) in Node against the
 * index the build wrote, and checks the A–Z register.
 */
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { url } from '../../src/plan/urls.ts';
import type { PlanModel } from '../../src/plan/model.ts';
import { abschnittTexte, NICHT_INDEXIERT } from '../../src/ausgabe/suche/integration.ts';
import { BUCHSTABEN, buchstabe, registerEintraege } from '../../src/ausgabe/suche/register.ts';
import { registerUrl } from '../../src/ausgabe/suche/urls.ts';
import { lexikon, stichwoerter } from '../../src/ausgabe/suche/komposita.ts';
import { modelOf, PROJECT } from '../helpers/fixture.ts';
import { DIST, allPages, fileFor, page } from '../helpers/dist.ts';

interface SubResult { url: string; title: string; excerpt: string }
interface ResultData { url: string; meta: Record<string, string>; filters: Record<string, string[]>; sub_results: SubResult[] }
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string, o?: Record<string, unknown>): Promise<{ results: { data(): Promise<ResultData> }[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy?(): Promise<void>;
}

let model: PlanModel;
let pagefind: Pagefind;
const originalFetch = globalThis.fetch;

beforeAll(async () => {
  model = modelOf(PROJECT);
  // Pagefind fetches its wasm and index chunks relative to its own URL; serve file: URLs from disk.
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const address = String(input instanceof Request ? input.url : input);
    if (!address.startsWith('file:')) return originalFetch(input, init);
    try {
      return new Response(await readFile(fileURLToPath(address.split('?')[0]!)));
    } catch {
      return new Response(null, { status: 404 });
    }
  }) as typeof fetch;
  const bundle = join(DIST, 'pagefind', 'pagefind.js');
  expect(existsSync(bundle), 'dist/pagefind/pagefind.js fehlt – läuft die Such-Integration im Build?').toBe(true);
  pagefind = (await import(/* @vite-ignore */ pathToFileURL(bundle).href)) as Pagefind;
  await pagefind.options({ basePath: pathToFileURL(join(DIST, 'pagefind') + '/').href, baseUrl: '/' });
  await pagefind.init();
});

afterAll(async () => {
  await pagefind?.destroy?.();
  globalThis.fetch = originalFetch;
});

async function suche(q: string, options: Record<string, unknown> = {}): Promise<ResultData[]> {
  const r = await pagefind.search(q, options);
  return Promise.all(r.results.map((x) => x.data()));
}

const WORT = (w: string) => new RegExp(`(?<!\\p{L})${w}(?!\\p{L})`, 'iu');

describe('Suchindex', () => {
  it('findet jede Maßnahme über ihren Code als ersten Treffer', async () => {
    for (const m of model.massnahmen) {
      const treffer = await suche(m.id);
      const [erster] = treffer;
      expect(erster?.url, m.id).toBe(url.massnahme(m.id));
      // The Druckfassung holds every code too, but is not searched: no hit comes twice.
      expect(treffer.filter((t) => t.url.startsWith(url.druckfassung())), m.id).toEqual([]);
      expect(erster?.filters.typ, m.id).toEqual(['Maßnahme']);
    }
  });

  it('findet jeden Akteur über seinen Kurznamen als ersten Treffer', async () => {
    const mitKurzname = model.akteure.filter((a) => a.data.kurzname);
    expect(mitKurzname.length).toBeGreaterThan(5);
    for (const a of mitKurzname) {
      const [erster] = await suche(a.data.kurzname!);
      expect(erster?.url, a.data.kurzname).toBe(url.akteur(a.id));
      expect(erster?.filters.typ, a.data.kurzname).toEqual(['Akteur']);
    }
  });

  it('findet mit „Schulen“ (Stammform) auch Seiten, auf denen nur „Schule“ steht', async () => {
    const nurSchule = allPages().filter((p) => {
      if (!existsSync(fileFor(p))) return false;
      const text = abschnittTexte(readFileSync(fileFor(p), 'utf8')).map((a) => a.text).join(' ');
      return WORT('schule').test(text) && !WORT('schulen').test(text);
    });
    expect(nurSchule.length).toBeGreaterThan(0);
    const urls = (await suche('Schulen')).map((r) => r.url);
    expect(urls.filter((u) => nurSchule.includes(u)).length).toBeGreaterThan(0);
  });

  it('findet mit „Endgeräte“ auch Abschnitte, in denen das Wort nur in „Schülerendgeräten“ steckt', async () => {
    // Sections (page + heading anchor) that contain the compound but never "Endgerät…" on its own.
    const nurKompositum: string[] = [];
    for (const p of allPages()) {
      if (!existsSync(fileFor(p))) continue;
      for (const a of abschnittTexte(readFileSync(fileFor(p), 'utf8'))) {
        if (a.id && /schülerendgerät/i.test(a.text) && !WORT('endgerät\\p{L}*').test(a.text)) nurKompositum.push(`${p}#${a.id}`);
      }
    }
    expect(nurKompositum.length, 'kein Abschnitt nur mit „Schülerendgeräte…“ im Beispielplan').toBeGreaterThan(0);
    const treffer = await suche('Endgeräte');
    const subs = treffer.flatMap((r) => r.sub_results.map((s) => decodeURIComponent(s.url)));
    expect(subs.filter((s) => nurKompositum.includes(s))).not.toEqual([]);
  });

  it('findet mit „Medienentwicklung“ die Seite über den Medienentwicklungsplan', async () => {
    const treffer = await suche('Medienentwicklung');
    const oben = treffer.slice(0, 3).map((r) => r.meta.title ?? '');
    expect(oben.some((t) => t.includes('Medienentwicklungsplan')), oben.join(' | ')).toBe(true);
    const c02 = model.massnahmen.find((m) => m.data.titel.includes('Medienentwicklungsplan'));
    if (c02) expect(treffer.map((r) => r.url)).toContain(url.massnahme(c02.id));
  });

  it('zerlegt Komposita deterministisch in bekannte Teile', () => {
    const lex = lexikon(['medien', 'entwicklung', 'plan', 'schüler', 'endgeräten']);
    expect(stichwoerter('Medienentwicklungsplan', lex)).toEqual(expect.arrayContaining(['medienentwicklung', 'entwicklungsplan', 'medien', 'plan']));
    expect(stichwoerter('Schülerendgeräten', lex)).toEqual(expect.arrayContaining(['schüler', 'endgeräten']));
    expect(stichwoerter('Schülerendgeräten', lex)).toEqual(stichwoerter('Schülerendgeräten', lex));
    expect(stichwoerter('Tablet', lex)).toEqual([]);
    // a known compound with an inflection ending is still split (not "schülerendgeräte" + "n")
    expect(stichwoerter('Schülerendgeräten', lexikon(['schülerendgeräte', 'endgeräten', 'schüler']))).toContain('endgeräten');
  });

  it('gibt jedem Treffer seine Art (Filter „typ“) und bietet die weiteren Filter an', async () => {
    const filter = await pagefind.filters();
    expect(Object.keys(filter.typ ?? {}).sort()).toEqual(['Akteur', 'Entscheidung', 'Glossar', 'Handlungsfeld', 'Kapitel', 'Maßnahme', 'Schule']);
    for (const key of ['Handlungsfeld', 'Status', 'Schulform', 'Ebene']) expect(Object.keys(filter[key] ?? {}).length, key).toBeGreaterThan(1);
    expect(filter.typ!.Maßnahme).toBe(model.massnahmen.length);
    expect(filter.typ!.Schule).toBe(model.schulen.length);
    expect(filter.typ!.Akteur).toBe(model.akteure.length);
    expect(filter.typ!.Entscheidung).toBe(model.entscheidungen.length);
    const nurSchulen = await suche('Medienkonzept', { filters: { typ: 'Schule' } });
    expect(nurSchulen.length).toBeGreaterThan(0);
    expect(nurSchulen.every((r) => r.filters.typ?.[0] === 'Schule')).toBe(true);
  });

  it('verlinkt Treffer auf den Abschnitt (Anker), nicht nur auf den Seitenanfang', async () => {
    const subs = (await suche('Endgeräte')).flatMap((r) => r.sub_results.map((s) => s.url));
    const mitAnker = subs.filter((s) => /#[\w%-]+$/.test(s));
    expect(mitAnker.length).toBeGreaterThan(0);
    for (const s of mitAnker.slice(0, 10)) {
      const [pfad, anker] = s.split('#') as [string, string];
      expect(page(pfad).querySelector(`[id="${decodeURIComponent(anker)}"]`), s).not.toBeNull();
    }
  });

  it('indexiert Navigation und Fußzeile nicht', async () => {
    const urls = (await suche('Impressum')).map((r) => r.url);
    expect(urls.filter((u) => u !== url.impressum())).toEqual([]);
  });

  it('indexiert Suche, Register und 404 nicht', async () => {
    expect(NICHT_INDEXIERT).toEqual(expect.arrayContaining(['404.html', 'suche/index.html', 'register/index.html']));
    const urls = (await suche('Register')).map((r) => r.url);
    expect(urls).not.toContain('/register/');
    expect(urls).not.toContain('/suche/');
    // The letter pages name every entry; a search for any title must not land there.
    const titel = (await suche(model.massnahmen[0]!.data.titel)).map((r) => r.url);
    expect(titel.filter((u) => u.startsWith('/register/'))).toEqual([]);
  });
});

describe('Suchfeld und Register', () => {
  it('hat auf jeder Seite ein beschriftetes Suchfeld, das ohne JavaScript zur Suchseite führt, und den Link zum Register', () => {
    for (const p of allPages()) {
      const root = page(p);
      if (!root.querySelector('main')) continue; // Weiterleitungen
      const form = root.querySelector('header form[role="search"]');
      expect(form?.getAttribute('action'), p).toBe('/suche/');
      expect(form?.hasAttribute('hidden'), p).toBe(false);
      const input = form!.querySelector('input[name="q"]')!;
      expect(root.querySelector(`label[for="${input.id}"]`)?.text.trim(), p).toBeTruthy();
      expect(root.querySelector('header a[href="/register/"]'), p).not.toBeNull();
      // Every page is searched but the Druckfassung, whose text is that of the other pages.
      expect(root.querySelector('main')?.hasAttribute('data-pagefind-body'), p).toBe(p !== url.druckfassung());
      expect(root.querySelectorAll('script:not([src])').filter((s) => s.text.trim()).length, p).toBe(0);
      // Only the search page loads the search script; every other page at most the copy-link script.
      const skripte = root.querySelectorAll('script[src]').map((s) => s.getAttribute('src'));
      expect(skripte, p).toEqual(p === '/suche/' ? ['/planwerk.js', '/suche.js'] : ['/planwerk.js']);
    }
  });

  it('hat eine Suchseite mit Statusmeldung für Screenreader und Register-Link', () => {
    const root = page('/suche/');
    expect(root.querySelector('#suche-q')).not.toBeNull();
    expect(root.querySelector('label[for="suche-q"]')?.text).toBe('Suchbegriff');
    expect(root.querySelector('[data-suche-status]')?.getAttribute('aria-live')).toBe('polite');
    expect(root.querySelector('main a[href="/register/"]')).not.toBeNull();
    expect(root.querySelector('script[src="/suche.js"]')).not.toBeNull();
    expect(existsSync(join(DIST, 'suche.js'))).toBe(true);
  });

  it('verlinkt im Register jede Maßnahme, jeden Akteur, jede Schule und alle weiteren Einträge', () => {
    const links = new Set(BUCHSTABEN.flatMap((b) => page(registerUrl(b)).querySelectorAll('main .register-liste a').map((a) => a.getAttribute('href'))));
    const erwartet = [
      ...model.massnahmen.map((m) => url.massnahme(m.id)),
      ...model.akteure.map((a) => url.akteur(a.id)),
      ...model.schulen.map((s) => url.schule(s.id)),
      ...model.kapitel.map((k) => url.kapitel(k.id)),
      ...model.handlungsfelder.map((h) => url.handlungsfeld(h.id)),
      ...model.handlungsfelder.flatMap((h) => h.data.ziele.map((z) => url.ziel(h.id, z.id))),
      ...model.glossar.map((g) => url.glossar(g.id)),
      ...model.indikatoren.map((i) => url.indikatoren(i.id)),
    ];
    expect(erwartet.filter((href) => !links.has(href))).toEqual([]);
  });

  it('führt von /register/ zu einer Seite je Buchstabe, jeden Eintrag unter seinem Anfangsbuchstaben in deutscher Sortierung', () => {
    const einstieg = page('/register/');
    const nav = einstieg.querySelectorAll('main nav.register-buchstaben li');
    expect(nav.map((li) => li.text.split(':')[0]!.trim())).toEqual(BUCHSTABEN);
    // the ids of the one-page register (#buchstabe-a) still lead to their letter
    expect(nav.map((li) => li.id)).toEqual(BUCHSTABEN.map((b) => `buchstabe-${b === '0–9' ? 'ziffern' : b.toLowerCase()}`));
    const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });
    let eintraege = 0;
    for (const [i, b] of BUCHSTABEN.entries()) {
      const seite = page(registerUrl(b));
      expect(seite.querySelector('h1')?.text, b).toBe(`Register: ${b}`);
      // no ids: what stands under a letter changes with the plan, the address does not
      expect(seite.querySelectorAll('main [id]').map((el) => el.id), b).toEqual([]);
      const labels = seite.querySelectorAll('main .register-liste li > a').map((a) => a.text);
      expect(labels, b).toEqual([...labels].sort(collator.compare));
      for (const label of labels) expect(buchstabe(label), label).toBe(b);
      eintraege += labels.length;
      expect(nav[i]!.querySelector('a')?.getAttribute('href') ?? null, b).toBe(labels.length > 0 ? registerUrl(b) : null);
    }
    expect(eintraege).toBe(registerEintraege(model).length);
    expect(nav.filter((li) => li.querySelector('a')).length).toBeGreaterThan(5);
  });
});
