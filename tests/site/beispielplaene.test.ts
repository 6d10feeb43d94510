/**
 * The checks every sample plan must pass, run on each built sample (tests/helpers/plaene.ts):
 * every content entry appears, pages for absent data are neither built nor linked, every
 * cited figure equals the computation, published finance tables show what the plan published,
 * silence stays silence, and every page is German, valid, self-contained and linked correctly.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { parse as parseYaml } from 'yaml';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LinkChecker } from 'linkinator';
import { gebauteSeiten } from '../../src/cli/sitepruefung/seiten.ts';
import { adresseDerSite, pruefeLinks } from '../../src/cli/sitepruefung/links.ts';
import { planLocation, readCollection } from '../../src/plan/sources.ts';
import { kennzahl, prognoseVon } from '../../src/rechnen/kennzahlen.ts';
import { formatDate } from '../../src/plan/format.ts';
import { seite, massnahmeAnker, ohneBasis } from '../../src/plan/urls.ts';
import { COLLECTIONS } from '../../src/pruefung/validate.ts';
import { seitenDesPlans } from '../../src/ausgabe/seiten.ts';
import { finanztabellenVon, tabellenzahl } from '../../src/rechnen/finanztabellen.ts';
import { tabellenDiagramm } from '../../src/ausgabe/finanzdiagramme.ts';
import { CSP, CSP_META } from '../../src/ausgabe/sicherheit.ts';
import type { PlanModel } from '../../src/plan/model.ts';
import type { CollectionName } from '../../src/plan/schemas/index.ts';
import { PROJECT } from '../helpers/fixture.ts';
import { BEISPIELPLAENE } from '../helpers/plaene.ts';
import { vorschauVon } from '../helpers/browser.ts';
import { parse } from 'node-html-parser';
import { erhebungsdaten } from '../../src/rechnen/erhebungen.ts';
import { abschnittNach, abschnittPfad } from '../../src/plan/abschnitte.ts';

/** Where each entry of each collection must appear: a page path and, optionally, an element id on it. */
function placesOf(m: PlanModel): Record<CollectionName, { id: string; file: string; path: string; anchor?: string }[]> {
  const each = <C extends Exclude<CollectionName, 'plan'>>(c: C, at: (id: string) => { path: string; anchor?: string }) =>
    m[c].map((e) => ({ id: e.id, file: e.file, ...at(e.id) }));
  return {
    plan: [{ id: 'plan', file: `${m.ort.contentDir}/plan.yaml`, path: seite.impressum() }],
    kapitel: each('kapitel', (id) => ({ path: seite.kapitel(id) })),
    handlungsfelder: each('handlungsfelder', (id) => ({ path: seite.handlungsfeld(id) })),
    massnahmen: each('massnahmen', (id) => ({ path: seite.massnahme(id) })),
    akteure: each('akteure', (id) => ({ path: seite.akteur(id) })),
    // Schulformen are listed with the schools, or, in a plan without school data, with the targets per Schulform.
    schulformen: each('schulformen', () => ({ path: m.schulen.length ? seite.schulen() : seite.indikatoren() })),
    bildungsbereiche: each('bildungsbereiche', (id) => ({ path: seite.massnahmen(), anchor: `bereich-${id}` })),
    schulen: each('schulen', (id) => ({ path: seite.schule(id) })),
    datensaetze: each('datensaetze', (id) => ({ path: seite.daten(), anchor: id })),
    inventar: each('inventar', (id) => ({ path: seite.finanzen(), anchor: `inventar-${id}` })),
    laufendeKosten: each('laufendeKosten', () => ({ path: seite.finanzen() })),
    finanzierung: each('finanzierung', () => ({ path: seite.finanzen() })),
    summen: each('summen', (id) => ({ path: seite.finanzen(), anchor: `summe-${id}` })),
    foerderprogramme: each('foerderprogramme', (id) => ({ path: seite.finanzen(), anchor: `programm-info-${id}` })),
    weiterleitungen: m.weiterleitungen.map((w) => ({ id: w.id, file: w.file, path: w.data.von })),
    fassungen: each('fassungen', (id) => ({ path: seite.aenderungen(), anchor: `seit-${id}` })),
    formate: each('formate', (id) => ({ path: seite.formate(), anchor: id })),
    indikatoren: each('indikatoren', (id) => ({ path: seite.indikatoren(), anchor: id })),
    glossar: each('glossar', (id) => ({ path: seite.glossar(), anchor: id })),
    meilensteine: each('meilensteine', (id) => ({ path: seite.meilensteine(), anchor: id })),
    entscheidungen: each('entscheidungen', (id) => ({ path: seite.entscheidung(id) })),
    finanzbereiche: each('finanzbereiche', (id) => ({ path: seite.finanzen(), anchor: `bereich-${id}` })),
    finanzwerte: m.finanzwerte.map((z) => ({ id: z.id, file: z.file, path: seite.finanzen(), anchor: `werte-${z.data.tabelle}` })),
    erhebungen: each('erhebungen', () => ({ path: seite.erhebungen() })),
    // A school's answers stand in its table over the rounds, or, with a single round, in its equipment list.
    erhebungswerte: m.erhebungswerte.map((z) => ({ id: z.id, file: z.file, path: seite.schule(z.data.zeile), anchor: (erhebungsdaten(m).jeSchule.get(z.data.zeile)?.length ?? 0) > 1 ? 'schulverlauf' : 'ausstattung' })),
  };
}

/** Optional pages, and whether the plan has the data for them. */
function optionaleSeiten(m: PlanModel): [string, boolean][] {
  const s = seitenDesPlans(m);
  return [
    [seite.schulen(), s.schulen],
    [seite.finanzen(), s.finanzen],
    [seite.indikatoren(), s.indikatoren],
    [seite.meilensteine(), s.meilensteine],
    [seite.glossar(), s.glossar],
    [seite.entscheidungen(), s.entscheidungen],
    [seite.formate(), s.formate],
    [seite.support(), s.support],
    [seite.ansprechpartner(), s.ansprechpartner],
    [seite.daten(), s.daten],
  ];
}

for (const plan of BEISPIELPLAENE) {
  describe(`Beispielplan ${plan.name}`, () => {
    const { page, allPages, dist } = plan.site;
    const model = plan.modell();

    describe('jede Inhaltsdatei erscheint in der Ausgabe', () => {
      it('hat für jeden Eintrag jeder Sammlung eine Seite oder einen Anker', () => {
        const places = placesOf(model);
        const missing: string[] = [];
        for (const collection of COLLECTIONS) {
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

      it('zeigt jede Schulform, jedes Jahr der Kosten und der Finanzierung, die der Plan hat', () => {
        if (model.schulen.length) {
          const schulen = page(seite.schulen());
          for (const id of new Set(model.schulen.map((s) => s.data.schulform.id))) {
            expect(schulen.querySelector(`#quoten-schulformen tr[data-schulform="${id}"]`), id).not.toBeNull();
          }
        }
        for (const row of model.laufendeKosten) expect(page(seite.finanzen()).querySelector(`#bedarf-tabelle tr[data-jahr="${row.data.jahr}"]`)).not.toBeNull();
        for (const row of model.finanzierung) expect(page(seite.finanzen()).querySelector(`#finanzierung-tabelle tr[data-jahr="${row.data.jahr}"]`)).not.toBeNull();
      });

      it('hat jedes Ziel und jede Maßnahme als Anker, jede Maßnahme auf jedem ihrer Handlungsfelder', () => {
        for (const hf of model.handlungsfelder) {
          const root = page(seite.handlungsfeld(hf.id));
          for (const ziel of hf.data.ziele) expect(root.getElementById(ziel.id), `${hf.id}#${ziel.id}`).not.toBeNull();
        }
        const uebersicht = page(seite.massnahmen());
        for (const m of model.massnahmen) {
          expect(uebersicht.getElementById(massnahmeAnker(m.id)), m.id).not.toBeNull();
          expect(page(seite.massnahme(m.id)).querySelector('h1')?.text).toContain(m.data.titel);
          for (const hf of m.data.handlungsfelder) {
            expect(page(seite.handlungsfeld(hf.id)).querySelector(`a[href="${plan.href(seite.massnahme(m.id))}"]`), `${m.id} auf ${hf.id}`).not.toBeNull();
          }
        }
      });

      it('übernimmt explizite Überschriften-IDs ({#id}) aus den MDX-Dateien', () => {
        let count = 0;
        const ort = planLocation(join(PROJECT, plan.inhalt), PROJECT);
        for (const collection of ['kapitel', 'handlungsfelder', 'massnahmen'] as const) {
          for (const raw of readCollection(ort, collection).entries) {
            const path = collection === 'kapitel' ? seite.kapitel(raw.id) : collection === 'handlungsfelder' ? seite.handlungsfeld(raw.id) : seite.massnahme(raw.id);
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

    describe('Seiten für fehlende Daten', () => {
      it('werden nicht gebaut und nirgends verlinkt', () => {
        const seiten = allPages();
        const fehlend = optionaleSeiten(model).filter(([, da]) => !da).map(([pfad]) => pfad);
        for (const pfad of fehlend) expect(seiten, pfad).not.toContain(pfad);
        const links: string[] = [];
        for (const pfad of seiten) {
          for (const a of page(pfad).querySelectorAll('a[href]')) {
            const ziel = ohneBasis(a.getAttribute('href')!.split('#')[0]!, plan.basis);
            if (ziel && fehlend.some((f) => ziel === f || ziel.startsWith(f))) links.push(`${pfad} → ${ziel}`);
          }
        }
        expect(links).toEqual([]);
      });

      it('werden gebaut, wo der Plan die Daten hat', () => {
        const seiten = allPages();
        for (const [pfad, da] of optionaleSeiten(model)) if (da) expect(seiten, pfad).toContain(pfad);
      });
    });

    describe('berechnete und veröffentlichte Zahlen', () => {
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
        expect(count).toBeGreaterThan(3);
      });

      it('beantwortet auf der Finanzseite für jedes Jahr, was es kostet, was eingeplant ist und was fehlt', () => {
        const p = prognoseVon(model);
        if (model.inventar.length === 0 && model.laufendeKosten.length === 0) return;
        const root = page(seite.finanzen());
        for (const j of p.jahre) {
          expect(root.querySelector(`#jahreswahl a[href="#jahr-${j.jahr}"]`), String(j.jahr)).not.toBeNull();
          const abschnitt = root.querySelector(`section.jahr[data-jahr="${j.jahr}"]`)!;
          expect(abschnitt.querySelector(`#jahr-${j.jahr}`), String(j.jahr)).not.toBeNull();
          expect(abschnitt.querySelector('[data-wert="bedarf"]')?.getAttribute('data-cents'), String(j.jahr)).toBe(String(j.bedarf));
          if (model.finanzierung.length > 0) {
            expect(abschnitt.querySelector('[data-wert="finanzierung"]')?.getAttribute('data-cents'), String(j.jahr)).toBe(String(j.finanzierung));
            expect(abschnitt.querySelector('[data-wert="luecke"]')?.getAttribute('data-cents') ?? '0', String(j.jahr)).toBe(String(j.luecke));
          }
        }
        // The lead says whether surpluses carry over, as the plan says it (or that it does not say).
        const lead = root.querySelector('main .lead')!.text;
        if (p.summe.luecke > 0 && p.summe.ueberschuss > 0) {
          expect(lead).toContain(p.uebertrag === undefined ? 'legt der Plan nicht fest' : p.uebertrag ? 'laut Plan auf spätere Jahre übertragen' : 'dürfen laut Plan nicht');
        }
      });

      it('zeigt jede veröffentlichte Finanztabelle Zelle für Zelle wie im Plan, mit ihrer Rundung', () => {
        const { tabellen } = finanztabellenVon(model);
        const root = page(seite.finanzen());
        for (const t of tabellen) {
          const tabelle = root.getElementById(`werte-${t.id}`);
          expect(tabelle, t.id).not.toBeNull();
          for (const z of [...t.zeilen, ...(t.summenzeile ? [t.summenzeile] : [])]) {
            const zeile = tabelle!.querySelector(`tr[data-zeile="${z === t.summenzeile ? 'Summe' : z.beschriftung}"]`);
            expect(zeile, `${t.id}: ${z.beschriftung}`).not.toBeNull();
            for (const s of t.meta.spalten) {
              const wert = z.werte[s.id];
              // A blank stays blank: no 0 and no dash in its place.
              expect(zeile!.querySelector(`td[data-spalte="${s.id}"]`)?.text, `${t.id} ${z.beschriftung} ${s.id}`).toBe(wert === undefined ? '' : tabellenzahl(t, wert));
            }
          }
          // Nothing below the stated rows: no total the plan did not state.
          expect(tabelle!.querySelectorAll('tbody tr, tfoot tr').length, t.id).toBe(t.zeilen.length + (t.summenzeile ? 1 : 0));
          const caption = tabelle!.querySelector('caption')!.text;
          expect(caption).toContain(t.einheit === '%' ? '%' : t.einheit);
          if (t.meta.nummer) expect(caption.startsWith(`${t.meta.nummer}: `), caption).toBe(true);
        }
      });

      it('zeigt zum Diagramm einer veröffentlichten Tabelle keine eigenen Zahlen, sondern verweist auf die Tabelle', () => {
        const root = page(seite.finanzen());
        for (const t of finanztabellenVon(model).tabellen) {
          const figur = root.querySelector(`figure[data-daten-in="werte-${t.id}"]`);
          if (!tabellenDiagramm(t)) {
            expect(figur, t.id).toBeNull();
            continue;
          }
          expect(figur, t.id).not.toBeNull();
          expect(figur!.querySelectorAll('table').length, t.id).toBe(0);
          expect(figur!.querySelector('.diagramm-verweis a')?.getAttribute('href'), t.id).toBe(`#werte-${t.id}`);
          if (t.meta.abbildung) expect(figur!.querySelector('figcaption')?.text.startsWith(`${t.meta.abbildung}: `), t.id).toBe(true);
        }
      });
    });

    describe('Schweigen des Plans', () => {
      it('erfindet für Maßnahmen ohne Status, Priorität, Zeitraum oder Verantwortliche keine Angaben', () => {
        for (const m of model.massnahmen) {
          const text = page(seite.massnahme(m.id)).querySelector('main')!.text;
          if (m.data.prioritaet === undefined) expect(text, m.id).not.toMatch(/Priorität:?\s*(hoch|mittel|niedrig)/);
          if (m.data.status === undefined) expect(page(seite.massnahme(m.id)).querySelectorAll('main .status').length, m.id).toBe(0);
        }
      });

      it('verlinkt die Zielsetzungen einer Maßnahme mit ihrer Abschnittsnummer', () => {
        for (const m of model.massnahmen) {
          for (const nummer of m.data.zielsetzungen) {
            const a = abschnittNach(model, nummer)!;
            const link = page(seite.massnahme(m.id)).querySelector(`main a[href="${plan.href(abschnittPfad(a))}"]`);
            expect(link?.text, `${m.id} → ${nummer}`).toContain(nummer);
          }
        }
      });
    });

    describe('jede Seite', () => {
      it('ist deutsch, hat genau eine h1, zeigt den Stand und einen Bearbeiten-Link', () => {
        const stand = formatDate(model.plan.stand);
        const pages = allPages();
        expect(pages.length).toBeGreaterThan(20);
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

      it('hat eine eigene Beschreibung für Suchmaschinen und Vorschauen', () => {
        const gesehen = new Map<string, string>();
        for (const path of allPages()) {
          const text = page(path).querySelector('meta[name="description"]')?.getAttribute('content')?.trim() ?? '';
          expect(text.length, path).toBeGreaterThan(20);
          // Pages of one kind differ in what they describe (entry pages carry their own data).
          if (/^\/(massnahmen|handlungsfelder|akteure|kapitel|schulen)\/[^/]+\/$/.test(path)) {
            expect(gesehen.get(text), `${path} und ${gesehen.get(text)}`).toBeUndefined();
            gesehen.set(text, path);
          }
        }
      });

      it('hat einen Atom-Feed der Änderungen unter ihrer Adresse, verlinkt von der Seite Änderungen', () => {
        const feed = readFileSync(join(dist, 'aenderungen', 'atom.xml'), 'utf8');
        const adresse = new URL(plan.href('/aenderungen/atom.xml'), model.plan.website).href;
        expect(feed).toContain(`<link rel="self" type="application/atom+xml" href="${adresse}"/>`);
        expect(page('/aenderungen/').querySelector(`main a[href="${plan.href('/aenderungen/atom.xml')}"]`)).not.toBeNull();
      });

      it('trägt die CSP als <meta> für Hosts, die _headers nicht anwenden, ohne frame-ancestors', () => {
        expect(CSP_META).not.toContain('frame-ancestors');
        expect(CSP_META.split('; ')).toEqual(CSP.split('; ').filter((d) => !d.startsWith('frame-ancestors')));
        for (const path of allPages()) {
          expect(page(path).querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'), path).toBe(CSP_META);
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
          const html = readFileSync(`${dist}${path.endsWith('/') ? `${path}index.html` : path}`, 'utf8');
          const root = page(path);
          const resources = [
            ...root.querySelectorAll('script[src], img[src], iframe[src], source[src], audio[src], video[src]').map((e) => e.getAttribute('src')!),
            ...root.querySelectorAll('link[href]').filter((e) => e.getAttribute('rel') !== 'canonical').map((e) => e.getAttribute('href')!),
          ];
          expect(resources.filter((r) => /^(https?:)?\/\//.test(r)), path).toEqual([]);
          expect(html, path).not.toMatch(/url\(\s*['"]?(https?:)?\/\//);
        }
      });

      it('verlinkt und lädt innerhalb der Website nur unter ihrem Basispfad, auch auf Weiterleitungs- und Fehlerseiten', () => {
        const ausserhalb: string[] = [];
        const dateien = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((d) => d.endsWith('.html') && !d.startsWith('pagefind'));
        expect(dateien.length).toBeGreaterThan(allPages().length);
        for (const datei of dateien) {
          for (const el of parse(readFileSync(join(dist, datei), 'utf8')).querySelectorAll('[href], [src], [action], [data-ziel], meta[http-equiv="refresh"]')) {
            const adressen = [el.getAttribute('href'), el.getAttribute('src'), el.getAttribute('action'), el.getAttribute('data-ziel'), /url=(.*)$/.exec(el.getAttribute('content') ?? '')?.[1]];
            for (const a of adressen) if (a?.startsWith('/') && !a.startsWith('//') && !a.startsWith(plan.basis)) ausserhalb.push(`${datei}: ${a}`);
          }
        }
        expect(ausserhalb).toEqual([]);
      });

      it('enthält kein Ereignis-Attribut und nur Adressen mit https, http zur eigenen Website, mailto, tel oder Pfade dieser Website', () => {
        const website = plan.modell().plan.website;
        const eigen = website ? new URL(website).origin : undefined;
        const fremd: string[] = [];
        for (const path of allPages()) {
          const hier = new URL(path, eigen ?? 'https://planwerk.invalid');
          for (const el of page(path).querySelectorAll('*')) {
            for (const [name, value] of Object.entries(el.attributes)) {
              expect(/^on/i.test(name), `${path}: <${el.tagName} ${name}>`).toBe(false);
              const adressen =
                /^(href|src|action|formaction|poster|data|cite|background|xlink:href)$/i.test(name) ? [value]
                : /^(srcset|imagesrcset)$/i.test(name) ? value.split(',').map((k) => k.trim().split(/\s+/)[0]!)
                : name.toLowerCase() === 'content' && el.getAttribute('http-equiv')?.toLowerCase() === 'refresh' ? [value.replace(/^[^;]*;\s*url=/i, '')]
                : [];
              for (const a of adressen) {
                // As a browser reads it: the page's address as base, then the scheme and host of the result.
                const url = URL.canParse(a, hier) ? new URL(a, hier) : undefined;
                const erlaubt =
                  url !== undefined &&
                  !a.includes('\\') &&
                  !a.trim().startsWith('//') &&
                  (url.protocol === 'https:' || url.protocol === 'mailto:' || url.protocol === 'tel:' || (url.protocol === 'http:' && url.origin === eigen));
                if (!erlaubt) fremd.push(`${path}: <${el.tagName.toLowerCase()} ${name}="${a}">`);
              }
            }
          }
        }
        expect(fremd).toEqual([]);
      });
    });

    describe('Veröffentlichen auf GitHub Pages', () => {
      // The deploy job's step that compares the address GitHub reports with the built site.
      const schritt = (parseYaml(readFileSync(join(PROJECT, '.github/workflows/plan.yml'), 'utf8')) as { jobs: { deploy: { steps: { name?: string; run?: string }[] } } }).jobs.deploy.steps.find((st) => st.name === 'Adresse prüfen')!;
      const pruefe = (adresse: string) => {
        const ordner = mkdtempSync(join(tmpdir(), 'planwerk-adresse-'));
        symlinkSync(dist, join(ordner, 'dist'), 'dir');
        return spawnSync('bash', ['-e', '-c', schritt.run!], { cwd: ordner, env: { ...process.env, ADRESSE: adresse }, encoding: 'utf8' });
      };

      it('nimmt die Website unter der Adresse an, für die sie gebaut ist, und hält sie unter einer anderen zurück', () => {
        const website = model.plan.website!;
        // GitHub reports the address without the final slash.
        expect(pruefe(website.replace(/\/$/, '')).status).toBe(0);
        const falsch = pruefe('https://konto.github.io/anderer-plan');
        expect(falsch.status).toBe(1);
        expect(falsch.stdout).toContain('website: https://konto.github.io/anderer-plan/');
      });
    });

    describe('Links', () => {
      it('hat keine kaputten internen Links oder Anker (linkinator)', async () => {
        const checker = new LinkChecker();
        // Served as a host would serve it (astro preview), under the plan's base path: a link
        // that lacks the base path ends in a 404 there.
        const result = await checker
          .check({
            path: `${vorschauVon(plan)}/`,
            recurse: true,
            checkFragments: true,
            redirects: 'error',
            // External sites are not fetched in tests: the network is closed and they are not ours.
            linksToSkip: async (link) => (/^(https?:)?\/\//.test(link) && !/^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//.test(link)) || link.startsWith('mailto:'),
          });
        const broken = result.links.filter((l) => l.state === 'BROKEN').map((l) => `${l.url} (Status ${l.status}) auf ${l.parent}`);
        expect(broken).toEqual([]);
        // The crawl really went through the site: at least as many good links as half the pages.
        expect(result.links.filter((l) => l.state === 'OK').length).toBeGreaterThan(allPages().length / 2);
      });

      it('hat auf keiner Seite einen kaputten internen Link oder Anker, auch in Seiten, zu denen kein Link führt (pruefen-site)', () => {
        const seiten = gebauteSeiten(dist);
        const { befunde, links } = pruefeLinks(dist, seiten, adresseDerSite(model.plan.website, plan.basis));
        expect(befunde).toEqual([]);
        // Every page has its navigation: far more internal links than pages.
        expect(links).toBeGreaterThan(seiten.length * 10);
      });
    });
  });
}
