/**
 * The council's PDF as the test run's build printed it (dist/druckfassung/plan.pdf), read with
 * pdfjs-dist: pages, bookmarks equal to the Druckfassung's chapter headings, the column headers of
 * every Finanzen table in its text, the tagged structure (language, table header cells, figures
 * with text), metadata and a computed figure. And the Finanzen page printed from the browser:
 * no text outside the printable area of its page, every column header there. Without Chromium
 * (locally only; CI installs it) the build makes no PDF and these tests are skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kennzahl } from '../../src/rechnen/kennzahlen.ts';
import { seite } from '../../src/plan/urls.ts';
import { versionierterName } from '../../src/ausgabe/pdf.ts';
import { browserVerfuegbar, imBrowser } from '../helpers/browser.ts';
import { BEISPIELPLAENE } from '../helpers/plaene.ts';
import { pruefePdf } from '../../src/cli/sitepruefung/pdf.ts';
import { ladePdf, ohneLeerraum, seitentexte, type Pdf } from '../helpers/pdf.ts';

interface Gliederung { title: string; items: Gliederung[] }
interface Strukturknoten { role?: string; alt?: string; lang?: string; children?: Strukturknoten[] }

const lade = ladePdf;

/** Column headers of every table on a built page (the chart data tables included). */
const spaltenkoepfe = (plan: (typeof BEISPIELPLAENE)[number], pfad: string) =>
  plan.site.page(pfad).querySelectorAll('main table thead th').map((th) => th.text.trim()).filter(Boolean);

for (const plan of BEISPIELPLAENE) describe.skipIf(!browserVerfuegbar())(`PDF der Druckfassung: Beispielplan ${plan.name}`, () => {
  const model = plan.modell();
  const datei = join(plan.dist, 'druckfassung', 'plan.pdf');
  let pdf: Pdf;
  const dokument = async () => (pdf ??= await lade(new Uint8Array(readFileSync(datei))));

  it('liegt unter fester Adresse und unter dem Namen der Fassung, und die Druckfassung verlinkt es', async () => {
    expect(existsSync(datei)).toBe(true);
    const version = versionierterName(model);
    if (version) expect(readFileSync(join(plan.dist, 'druckfassung', version)).equals(readFileSync(datei))).toBe(true);
    expect(plan.site.page(seite.druckfassung()).querySelector('a[data-pdf]')?.getAttribute('href')).toBe(plan.href(seite.druckPdf()));
    expect((await dokument()).numPages).toBeGreaterThan(1);
  });

  it('hat Lesezeichen mit genau den Kapitelüberschriften der Druckfassung', async () => {
    const gliederung = (await (await dokument()).getOutline()) as Gliederung[];
    const titel = plan.site.page(seite.druckfassung()).querySelector('h1')!.text;
    expect(gliederung.map((g) => ohneLeerraum(g.title))).toEqual([ohneLeerraum(titel)]);
    const kapitel = plan.site.page(seite.druckfassung()).querySelectorAll('main h2').map((h) => ohneLeerraum(h.text));
    expect(gliederung[0]!.items.map((g) => ohneLeerraum(g.title))).toEqual(kapitel);
  });

  it('enthält jeden Spaltenkopf jeder Tabelle der Finanzseite und eine berechnete Zahl, wie das Modell sie gibt', async () => {
    const text = ohneLeerraum((await seitentexte(await dokument())).flatMap((s) => s.stuecke.map((x) => x.text)).join(''));
    if (existsSync(plan.site.fileFor(seite.finanzen()))) {
      const koepfe = spaltenkoepfe(plan, seite.finanzen());
      expect(koepfe.length).toBeGreaterThan(3);
      for (const k of koepfe) expect(text, k).toContain(ohneLeerraum(k));
    }
    const zahl = kennzahl(model, 'massnahmen', {});
    expect(text).toContain(ohneLeerraum(`${zahl.text}`));
    expect(text).toContain(ohneLeerraum(model.massnahmen[0]!.data.titel));
  });

  it('verlinkt nur mit https, http zur eigenen Website, mailto oder tel, und führt keine Aktionen aus', async () => {
    const doc = await dokument();
    const eigen = model.plan.website ? new URL(model.plan.website).origin : undefined;
    const fremd: string[] = [];
    let links = 0;
    for (let i = 1; i <= doc.numPages; i++) {
      for (const a of (await (await doc.getPage(i)).getAnnotations()) as { subtype: string; dest?: unknown; url?: string; unsafeUrl?: string; action?: string; actions?: unknown }[]) {
        if (a.actions) fremd.push(`S. ${i}: Aktionen ${JSON.stringify(a.actions)}`);
        if (a.subtype !== 'Link') continue;
        links += 1;
        if (a.dest) continue;
        // pdfjs gives the raw address as unsafeUrl; a link without address or destination runs an action.
        const roh = a.unsafeUrl ?? a.url;
        const url = roh && URL.canParse(roh) ? new URL(roh) : undefined;
        const erlaubt = url !== undefined && (url.protocol === 'https:' || url.protocol === 'mailto:' || url.protocol === 'tel:' || (url.protocol === 'http:' && url.origin === eigen));
        if (!erlaubt) fremd.push(`S. ${i}: ${roh ?? a.action ?? 'Link ohne Adresse und Ziel'}`);
      }
    }
    expect(links).toBeGreaterThan(0);
    expect(fremd).toEqual([]);
    // And as `planwerk pruefen-site` checks it: opens, title, language, bookmarks, the address rule.
    const pruefung = await pruefePdf(plan.dist, model.plan.website);
    expect(pruefung.befunde).toEqual([]);
    expect(pruefung.seiten).toBe(doc.numPages);
  });

  it('führt über das Inhaltsverzeichnis mit Links im Dokument zu jedem Teil', async () => {
    const doc = await dokument();
    const ziele: unknown[] = [];
    for (let i = 1; i <= Math.min(doc.numPages, 4); i++) {
      for (const a of (await (await doc.getPage(i)).getAnnotations()) as { subtype: string; dest?: unknown; url?: string }[]) if (a.subtype === 'Link' && a.dest) ziele.push(a.dest);
    }
    // One internal link per entry of the table of contents, each to a place in the document.
    const eintraege = plan.site.page(seite.druckfassung()).querySelectorAll('.druck-verzeichnis a').length;
    expect(ziele.length).toBeGreaterThanOrEqual(eintraege);
    for (const z of ziele.slice(0, 5)) expect(await doc.getDestination(z as string), String(z)).not.toBeNull();
  });

  it('führt von jeder alten Seitenzahl einer Fassung mit einem Link im Dokument an ihre Stelle', async () => {
    const zeilen = plan.site.page(seite.druckfassung()).querySelectorAll('section.druck-teil:has(> #fassungsseiten) tbody tr');
    if (zeilen.length === 0) return;
    const doc = await dokument();
    const texte = await seitentexte(doc);
    // The part is the last one: from the last page naming its heading to the end.
    const titel = ohneLeerraum('Seitenzahlen früherer Fassungen');
    const ab = texte.findLastIndex((s) => ohneLeerraum(s.stuecke.map((x) => x.text).join('')).includes(titel));
    expect(ab).toBeGreaterThan(0);
    const text = ohneLeerraum(texte.slice(ab).flatMap((s) => s.stuecke.map((x) => x.text)).join(''));
    const ziele: unknown[] = [];
    for (let i = ab + 1; i <= doc.numPages; i++) {
      for (const a of (await (await doc.getPage(i)).getAnnotations()) as { subtype: string; dest?: unknown }[]) if (a.subtype === 'Link' && a.dest) ziele.push(a.dest);
    }
    const intern = zeilen.filter((z) => z.querySelector('a')?.getAttribute('href')?.startsWith('#'));
    expect(ziele.length).toBeGreaterThanOrEqual(intern.length);
    for (const z of ziele) expect(await doc.getDestination(z as string), String(z)).not.toBeNull();
    for (const z of zeilen) expect(text).toContain(ohneLeerraum(z.querySelector('th')!.text));
  });

  it('druckt die Diagramme als Vektorgrafik: ein Bild im PDF nur für ein Bild der Druckfassung', () => {
    // Image objects in the file, wherever they are drawn (also inside tiling patterns, which pdfjs's operator list does not show).
    const bilder = readFileSync(datei).toString('latin1').match(/\/Subtype\s*\/Image\b/g) ?? [];
    const druck = plan.site.page(seite.druckfassung());
    expect(druck.querySelectorAll('figure.diagramm svg.pw-diagramm').length, 'die Druckfassung hat Diagramme').toBeGreaterThan(0);
    expect(bilder.length).toBeLessThanOrEqual(druck.querySelectorAll('img').length);
  });

  it('ist getaggt: Sprache, Tabellen mit Kopfzellen, Abbildungen mit Text; Titel und Herausgeber in den Metadaten', async () => {
    const doc = await dokument();
    const { info } = (await doc.getMetadata()) as { info: Record<string, string> };
    expect(info.Language).toBe('de-DE');
    expect(info.Author).toBe(model.plan.herausgeber?.name ?? model.plan.kommune);
    expect(info.Title).toContain(model.plan.titel ?? 'Medienentwicklungsplan');
    // MarkInfo /Marked: the PDF says it is tagged (pdfjs gives the dictionary as a Map).
    expect(((await doc.getMarkInfo()) as unknown as Map<string, boolean> | null)?.get('Marked')).toBe(true);
    const rollen = new Map<string, number>();
    const alternativtexte: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const gehe = (n: Strukturknoten | null) => {
        if (!n) return;
        if (n.role) rollen.set(n.role, (rollen.get(n.role) ?? 0) + 1);
        if (n.role === 'Figure' && n.alt) alternativtexte.push(n.alt);
        n.children?.forEach(gehe);
      };
      gehe((await (await doc.getPage(i)).getStructTree()) as Strukturknoten);
    }
    for (const rolle of ['H1', 'H2', 'P', 'L', 'LI', 'Table', 'TH', 'TD', 'Link']) expect(rollen.get(rolle) ?? 0, rolle).toBeGreaterThan(0);
    // A chart's SVG is named by its <title> (role="img"): that name is the figure's text in the PDF.
    const titel = plan.site.page(seite.druckfassung()).querySelectorAll('figure.diagramm svg[role="img"] > title').map((t) => ohneLeerraum(t.text));
    expect(titel.length).toBeGreaterThan(0);
    expect(alternativtexte.map(ohneLeerraum).filter((a) => titel.some((t) => a.includes(t)))).not.toEqual([]);
  });
});

for (const plan of BEISPIELPLAENE) describe.skipIf(!browserVerfuegbar() || !existsSync(plan.site.fileFor(seite.finanzen())))(`Finanzseite gedruckt: Beispielplan ${plan.name}`, () => {
  const sitzung = imBrowser(plan);

  it('druckt keine Tabelle breiter als die Seite und jeden Spaltenkopf', async () => {
    const context = await sitzung.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${sitzung.adresse}${seite.finanzen()}`);
    const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await context.close();
    const seiten = await seitentexte(await lade(new Uint8Array(bytes)));
    // The side margins of the print styles (16 mm) in PDF points, less a point for rounding.
    const rand = (16 / 25.4) * 72 - 1;
    const draussen = seiten.flatMap((s, i) => s.stuecke.filter((t) => t.x < rand || t.x + t.breite > s.breite - rand).map((t) => `S. ${i + 1}: „${t.text}“`));
    expect(draussen).toEqual([]);
    expect(seiten.some((s) => s.breite > s.hoehe)).toBe(true); // wide tables on landscape pages
    const text = ohneLeerraum(seiten.flatMap((s) => s.stuecke.map((t) => t.text)).join(''));
    for (const k of spaltenkoepfe(plan, seite.finanzen())) expect(text, k).toContain(ohneLeerraum(k));
  });
});
