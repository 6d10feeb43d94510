/**
 * Integration: the sample plan in content/ is built once (tests/helpers/build-site.ts);
 * these tests read the real HTML in dist/ and compare it with the data and the
 * calculations.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LinkChecker } from 'linkinator';
import { validatePlan } from '../../src/lib/validate.ts';
import { planLocation, readCollection } from '../../src/lib/sources.ts';
import { kennzahl, maschinenwert } from '../../src/lib/kennzahlen.ts';
import { formatDate, formatEuro } from '../../src/lib/format.ts';
import { prognose } from '../../src/lib/prognose.ts';
import { headersDatei } from '../../src/lib/sicherheit.ts';
import { url, massnahmeAnker } from '../../src/lib/urls.ts';
import type { PlanModel } from '../../src/lib/model.ts';
import type { CollectionName } from '../../src/lib/schemas.ts';
import { COLLECTIONS } from '../../src/lib/validate.ts';
import { PROJECT } from '../helpers/fixture.ts';
import { DIST, allPages, page } from '../helpers/dist.ts';

let model: PlanModel;
beforeAll(() => {
  const result = validatePlan(planLocation(join(PROJECT, 'content'), PROJECT));
  expect(result.problems).toEqual([]);
  model = result.model!;
});

/** Where each entry of each collection must appear: a page path and, optionally, an element id on it. */
function placesOf(m: PlanModel): Record<CollectionName, { id: string; file: string; path: string; anchor?: string }[]> {
  const each = <C extends Exclude<CollectionName, 'plan'>>(c: C, at: (id: string) => { path: string; anchor?: string }) =>
    m[c].map((e) => ({ id: e.id, file: e.file, ...at(e.id) }));
  return {
    plan: [{ id: 'plan', file: 'content/plan.yaml', path: url.impressum() }],
    kapitel: each('kapitel', (id) => ({ path: url.kapitel(id) })),
    handlungsfelder: each('handlungsfelder', (id) => ({ path: url.handlungsfeld(id) })),
    massnahmen: each('massnahmen', (id) => ({ path: url.massnahme(id) })),
    akteure: each('akteure', (id) => ({ path: url.akteur(id) })),
    schulformen: each('schulformen', () => ({ path: url.schulen() })),
    bildungsbereiche: each('bildungsbereiche', (id) => ({ path: url.massnahmen(), anchor: `bereich-${id}` })),
    schulen: each('schulen', (id) => ({ path: url.schule(id) })),
    datensaetze: each('datensaetze', (id) => ({ path: url.daten(), anchor: id })),
    inventar: each('inventar', (id) => ({ path: url.finanzen(), anchor: `inventar-${id}` })),
    laufendeKosten: each('laufendeKosten', () => ({ path: url.finanzen() })),
    finanzierung: each('finanzierung', () => ({ path: url.finanzen() })),
    summen: each('summen', (id) => ({ path: url.finanzen(), anchor: `summe-${id}` })),
    foerderprogramme: each('foerderprogramme', (id) => ({ path: url.finanzen(), anchor: `programm-${id}` })),
    weiterleitungen: m.weiterleitungen.map((w) => ({ id: w.id, file: w.file, path: w.data.von })),
    fassungen: each('fassungen', (id) => ({ path: url.aenderungen(), anchor: `seit-${id}` })),
    formate: each('formate', (id) => ({ path: url.formate(), anchor: id })),
    indikatoren: each('indikatoren', (id) => ({ path: url.indikatoren(), anchor: id })),
    glossar: each('glossar', (id) => ({ path: url.glossar(), anchor: id })),
    meilensteine: each('meilensteine', (id) => ({ path: url.meilensteine(), anchor: id })),
  };
}

describe('jede Inhaltsdatei erscheint in der Ausgabe', () => {
  it('hat für jeden Eintrag jeder Sammlung eine Seite oder einen Anker', () => {
    const places = placesOf(model);
    const missing: string[] = [];
    for (const collection of COLLECTIONS) {
      expect(places[collection].length, `Sammlung ${collection} ist leer`).toBeGreaterThan(0);
      for (const p of places[collection]) {
        try {
          const root = page(p.path);
          if (p.anchor && !root.getElementById(p.anchor)) missing.push(`${p.file} (${p.id}): kein #${p.anchor} auf ${p.path}`);
        } catch (error) {
          missing.push(`${p.file} (${p.id}): ${(error as Error).message}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('zeigt jede Schulform, jedes Jahr der Kosten und der Finanzierung', () => {
    const schulen = page(url.schulen());
    const used = new Set(model.schulen.map((s) => s.data.schulform.id));
    for (const sf of model.schulformen.filter((s) => used.has(s.id))) {
      expect(schulen.querySelector(`#quoten-schulformen tr[data-schulform="${sf.id}"]`), sf.id).not.toBeNull();
    }
    const finanzen = page(url.finanzen());
    for (const row of model.laufendeKosten) {
      expect(finanzen.querySelector(`#bedarf-tabelle tr[data-jahr="${row.data.jahr}"]`)).not.toBeNull();
    }
    for (const row of model.finanzierung) {
      expect(finanzen.querySelector(`#finanzierung-tabelle tr[data-jahr="${row.data.jahr}"]`)).not.toBeNull();
    }
  });

  it('hat jedes Ziel und jede Maßnahme als Anker', () => {
    for (const hf of model.handlungsfelder) {
      const root = page(url.handlungsfeld(hf.id));
      for (const ziel of hf.data.ziele) expect(root.getElementById(ziel.id), `${hf.id}#${ziel.id}`).not.toBeNull();
    }
    const uebersicht = page(url.massnahmen());
    for (const m of model.massnahmen) {
      expect(uebersicht.getElementById(massnahmeAnker(m.id)), m.id).not.toBeNull();
      expect(page(url.massnahme(m.id)).querySelector('h1')?.text).toContain(m.data.titel);
    }
  });

  it('übernimmt explizite Überschriften-IDs ({#id}) aus den MDX-Dateien', () => {
    let count = 0;
    for (const collection of ['kapitel', 'handlungsfelder', 'massnahmen'] as const) {
      for (const raw of readCollection(planLocation(join(PROJECT, 'content'), PROJECT), collection).entries) {
        const path = collection === 'kapitel' ? url.kapitel(raw.id) : collection === 'handlungsfelder' ? url.handlungsfeld(raw.id) : url.massnahme(raw.id);
        for (const match of (raw.body ?? '').matchAll(/^#{2,6} (.*?)\s*\{#([A-Za-z0-9_-]+)\}\s*$/gm)) {
          count += 1;
          const heading = page(path).getElementById(match[2]!);
          expect(heading, `${raw.file}: #${match[2]}`).not.toBeNull();
          expect(heading!.text.trim()).toBe(match[1]!.trim());
          expect(heading!.querySelector('a.anker')?.getAttribute('href')).toBe(`#${match[2]}`);
        }
      }
    }
    expect(count, 'der Beispielplan nutzt explizite IDs').toBeGreaterThan(0);
  });
});

describe('berechnete Zahlen', () => {
  it('zeigt auf der Startseite die berechneten Kennzahlen', () => {
    const items = page('/').querySelectorAll('.kennzahlen li[data-kennzahl]');
    expect(items.length).toBeGreaterThanOrEqual(4);
    for (const li of items) {
      const params = JSON.parse(li.getAttribute('data-params') ?? '{}');
      const expected = kennzahl(model, li.getAttribute('data-kennzahl')!, params);
      const shown = li.querySelector('data.wert')!;
      expect(shown.getAttribute('value')).toBe(maschinenwert(expected));
      expect(shown.text).toBe(expected.text);
    }
  });

  it('setzt jede im Text zitierte Kennzahl aus den Daten ein', () => {
    let count = 0;
    for (const path of allPages()) {
      for (const el of page(path).querySelectorAll('data.kennzahl[data-kennzahl]')) {
        const expected = kennzahl(model, el.getAttribute('data-kennzahl')!, JSON.parse(el.getAttribute('data-params') ?? '{}'));
        expect(el.text, `${path}: ${el.toString()}`).toBe(expected.text);
        // the Stand of the data behind a cited figure is shown on the same page
        const stand = page(path).querySelector('.site-footer .stand')!.text;
        for (const d of expected.datensaetze) {
          expect(stand, path).toContain(`${d.titel}`);
          expect(stand, path).toContain(formatDate(d.stand));
        }
        count += 1;
      }
    }
    expect(count).toBeGreaterThan(5);
  });
});

describe('Auslieferung', () => {
  it('schreibt die Sicherheits-Header nach dist/_headers', () => {
    expect(readFileSync(`${DIST}/_headers`, 'utf8')).toBe(headersDatei());
  });
});

describe('Startseite', () => {
  it('fasst den Plan in Leichter Sprache zusammen', () => {
    const section = page('/').querySelector('section.leichte-sprache')!;
    expect(section.querySelector('h2#leichte-sprache')).not.toBeNull();
    for (const satz of model.plan.leichteSprache!.text) expect(section.text).toContain(satz);
  });
});

describe('Finanzen', () => {
  it('zeigt die Summen der Prognose', () => {
    const p = prognose(model);
    const root = page(url.finanzen());
    expect(Number(root.querySelector('[data-summe="bedarf"]')?.getAttribute('data-cents'))).toBe(p.summe.bedarf);
    expect(Number(root.querySelector('[data-summe="finanzierung"]')?.getAttribute('data-cents'))).toBe(p.summe.finanzierung);
    const rows = root.querySelectorAll('#bedarf-tabelle tbody tr');
    expect(rows.map((r) => [Number(r.getAttribute('data-jahr')), Number(r.getAttribute('data-bedarf'))])).toEqual(p.jahre.map((j) => [j.jahr, j.bedarf]));
    expect(rows.filter((r) => r.classList.contains('spitzenjahr')).map((r) => Number(r.getAttribute('data-jahr')))).toEqual(p.spitzenjahre);
    expect(root.querySelector('#bedarf-tabelle tfoot')?.text).toContain(formatEuro(p.summe.bedarf));
    const shares = root.querySelectorAll('#produktgruppen-tabelle [data-anteil]').map((c) => Number(c.getAttribute('data-anteil')));
    expect(Math.round(shares.reduce((a, b) => a + b, 0) * 10)).toBe(1000);
  });
});

describe('jede Seite', () => {
  it('ist deutsch, hat genau eine h1, zeigt den Stand und einen Bearbeiten-Link', () => {
    const stand = formatDate(model.plan.stand);
    const pages = allPages();
    expect(pages.length).toBeGreaterThan(50);
    for (const path of pages) {
      const root = page(path);
      expect(root.querySelector('html')?.getAttribute('lang'), path).toBe('de');
      expect(root.querySelectorAll('h1').length, path).toBe(1);
      expect(root.querySelector('.site-footer .stand')?.text, path).toContain(stand);
      if (path !== '/404.html') {
        const edit = root.querySelectorAll('.footer-links a').find((a) => a.text === 'Seite bearbeiten');
        expect(edit?.getAttribute('href'), path).toMatch(/^https:\/\/.+\/(edit|tree)\/main\/.+/);
      }
    }
  });

  it('hat eindeutige IDs', () => {
    for (const path of allPages()) {
      const ids = page(path).querySelectorAll('[id]').map((el) => el.id);
      const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
      expect(dupes, path).toEqual([]);
    }
  });

  it('lädt nichts von fremden Servern', () => {
    for (const path of allPages()) {
      const html = readFileSync(`${DIST}${path.endsWith('/') ? `${path}index.html` : path}`, 'utf8');
      const root = page(path);
      const resources = [
        ...root.querySelectorAll('script[src], img[src], iframe[src], source[src], audio[src], video[src]').map((e) => e.getAttribute('src')!),
        ...root.querySelectorAll('link[href]').filter((e) => e.getAttribute('rel') !== 'canonical').map((e) => e.getAttribute('href')!),
      ];
      expect(resources.filter((r) => /^(https?:)?\/\//.test(r)), path).toEqual([]);
      expect(html, path).not.toMatch(/url\(\s*['"]?(https?:)?\/\//);
    }
  });

  it('enthält kein Ereignis-Attribut und keine javascript:- oder data:-Adresse', () => {
    for (const path of allPages()) {
      for (const el of page(path).querySelectorAll('*')) {
        for (const [name, value] of Object.entries(el.attributes)) {
          expect(/^on/i.test(name), `${path}: <${el.tagName} ${name}>`).toBe(false);
          if (/^(href|src|srcset|action|formaction)$/i.test(name)) {
            expect(value.replace(/[\u0000-\u0020]/g, ''), `${path}: <${el.tagName} ${name}>`).not.toMatch(/^(javascript|data|vbscript):/i);
          }
        }
      }
    }
  });
});

describe('Links', () => {
  it('hat keine kaputten internen Links oder Anker (linkinator)', async () => {
    const checker = new LinkChecker();
    const result = await checker.check({
      path: DIST,
      recurse: true,
      checkFragments: true,
      redirects: 'error',
      // External sites are not fetched in tests: the network is closed and they are not ours.
      linksToSkip: async (link) => /^(https?:)?\/\//.test(link) && !/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(link) || link.startsWith('mailto:'),
    });
    const broken = result.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.url} (Status ${l.status}) auf ${l.parent}`);
    expect(broken).toEqual([]);
    expect(result.links.filter((l) => l.state === 'OK').length).toBeGreaterThan(100);
  });
});
