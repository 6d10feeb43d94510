/**
 * Barrierefreiheit (BITV 2.0 / WCAG 2.1 AA), checked on the built sample site:
 * - in the HTML of every page: language, headings, text alternatives of graphics, the
 *   link to the Erklärung zur Barrierefreiheit and what that statement must contain;
 * - in Chromium on one page of every type: axe-core in the light and the dark colour
 *   scheme, a walk with the Tab key, the skip link, and a search done with the keyboard.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seite, url } from '../../src/plan/urls.ts';
import { axeVerstoesse, browserVerfuegbar, DESKTOP, imBrowser, kontextMitHeadern, TELEFON } from '../helpers/browser.ts';
import { routen, routeVon, seitenFuer } from '../helpers/seiten.ts';
import { BEISPIELPLAENE, MUSTERSTADT } from '../helpers/plaene.ts';

describe('Seitentypen', () => {
  it('jede Seite in src/ausgabe/pages hat eine Seite in der Liste der Browser-Tests eines Beispielplans', () => {
    const abgedeckt = new Set(BEISPIELPLAENE.flatMap((plan) => seitenFuer(plan)).map(routeVon));
    expect(routen().map((r) => r.datei).filter((d) => !abgedeckt.has(d))).toEqual([]);
  });
});

for (const plan of BEISPIELPLAENE) describe(`Beispielplan ${plan.name}`, () => {
const { page, allPages } = plan.site;

describe('Im gebauten HTML jeder Seite', () => {
  const seiten = allPages();

  it('ist die Sprache Deutsch und der Titel gesetzt', () => {
    for (const pfad of seiten) {
      expect(page(pfad).querySelector('html')?.getAttribute('lang'), pfad).toBe('de');
      expect(page(pfad).querySelector('title')?.text.trim(), pfad).not.toBe('');
    }
  });

  it('bilden die Überschriften eine Gliederung: eine h1 zuerst, keine übersprungene Ebene', () => {
    const fehler: string[] = [];
    for (const pfad of seiten) {
      const ebenen = page(pfad)
        .querySelectorAll('h1, h2, h3, h4, h5, h6')
        .map((h) => ({ ebene: Number(h.tagName[1]), text: h.text.trim() }));
      if (ebenen.filter((h) => h.ebene === 1).length !== 1) fehler.push(`${pfad}: ${ebenen.filter((h) => h.ebene === 1).length} h1`);
      if (ebenen[0]?.ebene !== 1) fehler.push(`${pfad}: erste Überschrift ist h${ebenen[0]?.ebene}`);
      ebenen.forEach((h, i) => {
        if (i > 0 && h.ebene > ebenen[i - 1]!.ebene + 1) fehler.push(`${pfad}: h${ebenen[i - 1]!.ebene} → h${h.ebene} („${h.text}“)`);
        if (!h.text) fehler.push(`${pfad}: leere h${h.ebene}`);
      });
    }
    expect(fehler).toEqual([]);
  });

  it('hat jede Grafik eine Textalternative und jedes Diagramm seine Daten als Tabelle', () => {
    const fehler: string[] = [];
    let grafiken = 0;
    for (const pfad of seiten) {
      const root = page(pfad);
      for (const svg of root.querySelectorAll('svg')) {
        if (svg.parentNode?.closest('svg') || svg.getAttribute('aria-hidden') === 'true') continue;
        grafiken++;
        const ids = (svg.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
        const name = svg.getAttribute('aria-label') ?? ids.map((id) => root.querySelector(`[id="${id}"]`)?.text.trim() ?? '').join(' ').trim();
        // A picture is one image; a graphic with links inside (the Akteurslandkarte) is a named group.
        const rolle = svg.querySelector('a[href]') ? 'group' : 'img';
        if (svg.getAttribute('role') !== rolle || !name) fehler.push(`${pfad}: <svg> ohne role="${rolle}" und Namen (${svg.getAttribute('class') ?? ''})`);
      }
      for (const img of root.querySelectorAll('img')) if (!img.hasAttribute('alt')) fehler.push(`${pfad}: <img> ohne alt`);
      for (const figur of root.querySelectorAll('figure.diagramm')) {
        // A chart of a table the plan published points to that table on the same page instead of repeating it.
        const verweis = figur.querySelector('.diagramm-verweis a[href^="#"]')?.getAttribute('href')?.slice(1);
        const tabelle = verweis ? root.querySelector(`table[id="${verweis}"]`) : figur.querySelector('table');
        if (!tabelle?.querySelector('caption')?.text.trim()) fehler.push(`${pfad}: Diagramm ohne Tabelle mit Beschriftung`);
      }
    }
    expect(fehler).toEqual([]);
    expect(grafiken).toBeGreaterThan(3);
  });

  it('führt ein Link zur Erklärung zur Barrierefreiheit', () => {
    for (const pfad of seiten) {
      const link = page(pfad).querySelector(`footer a[href="${plan.href(url.barrierefreiheit())}"]`);
      expect(link?.text, pfad).toBe('Erklärung zur Barrierefreiheit');
    }
  });
});

describe('Erklärung zur Barrierefreiheit', () => {
  const model = plan.modell();
  const abschnitt = (id: string) => {
    const h = page(url.barrierefreiheit()).querySelector(`h2#${id}`);
    expect(h, `Abschnitt #${id}`).not.toBeNull();
    const teile: string[] = [];
    for (let el = h!.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) teile.push(el.outerHTML);
    return { titel: h!.text, html: teile.join('\n') };
  };

  it('nennt den Stand der Vereinbarkeit und das Datum der Erklärung', () => {
    const { html } = abschnitt('stand-der-vereinbarkeit');
    expect(html).toContain(model.plan.barrierefreiheit!.status);
    expect(html).toContain(`datetime="${model.plan.barrierefreiheit!.stand}"`);
  });

  it.skipIf(plan.modell().plan.barrierefreiheit!.nichtBarrierefrei.length === 0)('nennt die nicht barrierefreien Inhalte und jeweils den Grund', () => {
    const { html } = abschnitt('nicht-barrierefrei');
    for (const n of model.plan.barrierefreiheit!.nichtBarrierefrei) {
      expect(html).toContain(n.was);
      expect(html).toContain(n.warum.slice(0, 40));
    }
  });

  it('sagt, wie die Website geprüft wurde', () => {
    expect(abschnitt('pruefung').html).toContain(model.plan.barrierefreiheit!.pruefmethode.slice(0, 40));
  });

  it('bietet eine barrierefreie Kontaktmöglichkeit für Rückmeldungen', () => {
    const { html } = abschnitt('feedback');
    expect(html).toContain(`href="mailto:${model.plan.barrierefreiheit!.kontakt.email}"`);
  });

  it('verweist auf das Schlichtungsverfahren mit Link', () => {
    const { titel, html } = abschnitt('schlichtung');
    expect(titel).toContain('Schlichtungsverfahren');
    expect(html).toContain(`href="${model.plan.barrierefreiheit!.schlichtungsstelle.url}"`);
  });
});

});

const BREITEN = [TELEFON, DESKTOP];

/** Opens a page; on the search page, waits until the results are there. */
async function lade(page: Page, adresse: string, pfad: string) {
  await page.goto(`${adresse}${pfad}`);
  if (pfad.startsWith('/suche/')) await page.locator('main a[href*="#"]').first().waitFor();
}

/**
 * Focus drawn another way than an outline (the boxes of the Akteurslandkarte get a thick
 * border): the element must look different with and without focus.
 */
async function fokusSichtbar(page: Page, bereich: { x: number; y: number; width: number; height: number }): Promise<boolean> {
  const mit = await page.screenshot({ clip: bereich });
  const nr = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    el.blur();
    return el.dataset.tastaturNr;
  });
  const ohne = await page.screenshot({ clip: bereich });
  await page.evaluate((nr) => document.querySelector<HTMLElement>(`[data-tastatur-nr="${nr}"]`)?.focus(), nr);
  return !mit.equals(ohne);
}

/** Walks the page with the Tab key and reports what a keyboard user would miss. */
async function tastaturGang(page: Page) {
  // Number every element a keyboard user must be able to reach, in document order.
  const ziele: { nr: number; beschreibung: string; gruppe?: string }[] = await page.evaluate(() => {
    const auswahl = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    return [...document.querySelectorAll<HTMLElement>(auswahl)]
      .filter((el) => !(el as HTMLButtonElement).disabled && el.checkVisibility({ visibilityProperty: true }) && !el.closest('[inert]'))
      .map((el, nr) => {
        el.dataset.tastaturNr = String(nr);
        const radio = el instanceof HTMLInputElement && el.type === 'radio' ? el.name : undefined;
        return { nr, beschreibung: `<${el.tagName.toLowerCase()}> ${(el.textContent || el.getAttribute('aria-label') || el.id).trim().slice(0, 40)}`, gruppe: radio };
      });
  });
  const erreicht: number[] = [];
  const fehler: string[] = [];
  for (let i = 0; i < ziele.length + 10; i++) {
    await page.keyboard.press('Tab');
    const fokus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return undefined;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        nr: el.dataset.tastaturNr === undefined ? -1 : Number(el.dataset.tastaturNr),
        text: (el.textContent || el.id).trim().slice(0, 40),
        rahmen: (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none',
        imBild: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
        bereich: { x: Math.max(0, r.x - 6), y: Math.max(0, r.y - 6), width: Math.min(r.width + 12, innerWidth), height: Math.min(r.height + 12, innerHeight) },
      };
    });
    if (!fokus || erreicht.includes(fokus.nr)) break; // past the last element, or round again
    erreicht.push(fokus.nr);
    if (fokus.nr < 0) fehler.push(`fokussierbar, aber nicht gezählt: „${fokus.text}“`);
    if (!fokus.rahmen && fokus.imBild && !(await fokusSichtbar(page, fokus.bereich))) fehler.push(`kein sichtbarer Fokus auf „${fokus.text}“`);
    if (!fokus.imBild) fehler.push(`Fokus außerhalb des Bildes auf „${fokus.text}“`);
  }
  // Of a group of radio buttons only one is in the Tab order; the arrow keys move inside it.
  const gruppen = new Set(ziele.filter((z) => z.gruppe && erreicht.includes(z.nr)).map((z) => z.gruppe));
  const verpasst = ziele.filter((z) => !erreicht.includes(z.nr) && !(z.gruppe && gruppen.has(z.gruppe))).map((z) => z.beschreibung);
  const reihenfolge = erreicht.every((nr, i) => i === 0 || nr > erreicht[i - 1]!);
  return { fehler, verpasst, reihenfolge, anzahl: erreicht.length };
}

for (const plan of BEISPIELPLAENE) describe.skipIf(!browserVerfuegbar())(`Barrierefreiheit im Browser: Beispielplan ${plan.name}`, () => {
  const sitzung = imBrowser(plan);
  const SEITEN = seitenFuer(plan);

  for (const { name, viewport } of BREITEN) {
    // One walk over the pages per width serves two tests: axe-core in the light scheme, then the
    // Tab key on the same loaded page (each page used to be loaded once for each). axe-core leaves
    // the page as it was, apart from a scroll position, which is reset before the walk; a walk
    // that started anywhere but at the top would fail its order check.
    type Befunde = { axe: string[]; tastatur?: Awaited<ReturnType<typeof tastaturGang>> };
    let gang: Promise<Map<string, Befunde>> | undefined;
    const besuche = () =>
      (gang ??= (async () => {
        const context = await kontextMitHeadern(sitzung.browser, { viewport, colorScheme: 'light' });
        try {
          const page = await context.newPage();
          const befunde = new Map<string, Befunde>();
          for (const pfad of SEITEN) {
            await lade(page, sitzung.adresse, pfad);
            const axe = (await axeVerstoesse(page)).map((v) => `${pfad}: ${v}`);
            // The Druckfassung's links and controls are those of the pages walked one by one here; a
            // walk over its hundreds of links would take minutes and find nothing new.
            if (pfad === seite.druckfassung()) {
              befunde.set(pfad, { axe });
              continue;
            }
            await page.evaluate(() => window.scrollTo(0, 0));
            befunde.set(pfad, { axe, tastatur: await tastaturGang(page) });
          }
          return befunde;
        } finally {
          await context.close();
        }
      })());

    it(`axe-core findet auf keiner Seite einen Verstoß gegen WCAG 2.1 A/AA (${name}, helles Farbschema)`, async () => {
      const befunde = await besuche();
      expect(befunde.size).toBe(SEITEN.length);
      expect([...befunde.values()].flatMap((b) => b.axe)).toEqual([]);
    }, 300_000);

    // Colours do not depend on the width: the dark scheme is checked once, at the desktop width.
    if (viewport === DESKTOP.viewport) it(`reichen die Kontraste auch im dunklen Farbschema (${name})`, async () => {
      const context = await kontextMitHeadern(sitzung.browser, { viewport, colorScheme: 'dark' });
      const page = await context.newPage();
      const verstoesse: string[] = [];
      for (const pfad of SEITEN) {
        await lade(page, sitzung.adresse, pfad);
        expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), pfad).not.toBe('rgb(255, 255, 255)');
        verstoesse.push(...(await axeVerstoesse(page, { regeln: ['color-contrast', 'link-in-text-block'] })).map((v) => `${pfad}: ${v}`));
      }
      expect(verstoesse).toEqual([]);
      await context.close();
    });

    it(`erreicht mit der Tab-Taste jeden Link und jedes Feld, in Lesereihenfolge und mit sichtbarem Fokus (${name})`, async () => {
      const befunde = await besuche();
      let gegangen = 0;
      for (const [pfad, { tastatur: gang }] of befunde) {
        if (!gang) continue;
        gegangen += 1;
        expect(gang.fehler, pfad).toEqual([]);
        expect(gang.verpasst, pfad).toEqual([]);
        expect(gang.reihenfolge, `${pfad}: Tab-Reihenfolge folgt nicht dem Dokument`).toBe(true);
        expect(gang.anzahl, pfad).toBeGreaterThan(5);
      }
      expect(gegangen).toBe(SEITEN.filter((p) => p !== seite.druckfassung()).length);
    }, 300_000);
  }

  it('bleibt bei größeren Zeilen-, Absatz-, Wort- und Buchstabenabständen ohne Seitwärtsscrollen (WCAG 1.4.12, 320 px)', async () => {
    // Without the CSP (header and <meta>): a user style sheet is not the site's own style and may be inline.
    const context = await sitzung.browser.newContext({ viewport: TELEFON.viewport, bypassCSP: true });
    const page = await context.newPage();
    const zuBreit: string[] = [];
    for (const pfad of SEITEN) {
      await page.goto(`${sitzung.adresse}${pfad}`);
      // The spacing a reader may set with a user style sheet, at the values WCAG names.
      await page.addStyleTag({ content: '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }' });
      const breite = await page.evaluate(() => document.documentElement.scrollWidth);
      if (breite > TELEFON.viewport.width) zuBreit.push(`${pfad}: ${breite} px`);
    }
    expect(zuBreit).toEqual([]);
    await context.close();
  });

});

describe.skipIf(!browserVerfuegbar())('Tastatur im Browser: Beispielplan Musterstadt', () => {
  const sitzung = imBrowser(MUSTERSTADT);

  it('springt mit dem ersten Tab und Enter über die Navigation zum Inhalt', async () => {
    const context = await kontextMitHeadern(sitzung.browser, { viewport: TELEFON.viewport });
    const page = await context.newPage();
    await page.goto(`${sitzung.adresse}/massnahmen/i-01/`);
    await page.keyboard.press('Tab');
    const link = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const r = el.getBoundingClientRect();
      return { text: el.textContent, href: el.getAttribute('href'), imBild: r.top >= 0 && r.bottom <= innerHeight && r.width > 0 };
    });
    expect(link).toEqual({ text: 'Zum Inhalt springen', href: '#inhalt', imBild: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('inhalt');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    await context.close();
  });

  it('sucht nur mit der Tastatur: Suchfeld im Kopf, Treffer, Sprung zum Abschnitt', async () => {
    const context = await kontextMitHeadern(sitzung.browser, { viewport: DESKTOP.viewport });
    const page = await context.newPage();
    await page.goto(`${sitzung.adresse}/`, { waitUntil: 'networkidle' });
    for (let i = 0; i < 30 && (await page.evaluate(() => document.activeElement?.id)) !== 'suchfeld-kopf'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('suchfeld-kopf');
    await page.keyboard.type('Endgeräte');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/suche\/\?q=Endger/);
    await page.locator('main a[href*="#"]').first().waitFor();
    for (let i = 0; i < 40 && !(await page.evaluate(() => !!document.activeElement?.closest('.suche-treffer a[href*="#"]'))); i++) await page.keyboard.press('Tab');
    const ziel = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(ziel).toMatch(/^\/.+#.+/);
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname + u.hash === ziel);
    await context.close();
  });
});
