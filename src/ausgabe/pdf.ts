/**
 * The council's PDF: the Druckfassung (/druckfassung/, src/ausgabe/druckfassung.ts) printed by the
 * system Chromium through playwright-core, as a tagged PDF (headings, lists, tables with header
 * cells, figures with their text, the document language) with bookmarks from its headings; page
 * size, margins, running header and page numbers come from the print styles. Chromium writes no
 * author, so title, author (the Herausgeber), subject, language and dates are set afterwards with
 * @cantoo/pdf-lib (`pdfAngaben`), dated from the plan's Stand, so a rebuild of the same plan changes nothing.
 *
 * Whether a build makes a PDF is decided before Astro renders the pages (`npm run build` sets
 * PLANWERK_PDF when it finds Chromium), so the pages link the PDF exactly when it will exist.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { PDFDict as PdfDict, PDFRef as PdfRef } from '@cantoo/pdf-lib';
import type { PlanModel } from '../plan/model.ts';
import { seite } from '../plan/urls.ts';
import { datumImSatz, pdfDatum } from '../plan/datum.ts';
import { pdfFehlerText, pruefePdfAdressen } from './ausgabeadressen.ts';

/**
 * The PDF's document properties, from the plan: title, author (the Herausgeber), subject, keywords,
 * and the date of creation and modification, which is the plan's Stand as precise as the plan gives
 * it (a PDF date may stop after the year or month, ISO 32000-1, 7.9.4: D:2021, D:202103), so a
 * rebuild of the same plan changes nothing and no day is added that the plan did not give.
 */
export function pdfAngaben(plan: PlanModel['plan']): { titel: string; autor: string; thema: string; stichwoerter: string[]; datum: string } {
  return {
    titel: [plan.titel ?? 'Medienentwicklungsplan', plan.fassung?.name].filter(Boolean).join(' – '),
    autor: plan.herausgeber?.name ?? plan.kommune,
    thema: `Medienentwicklungsplan ${plan.kommune}${plan.beschluss ? `, beschlossen vom ${plan.beschluss.gremium} ${datumImSatz(plan.beschluss.datum, 'am')}` : ''}`,
    stichwoerter: ['Medienentwicklungsplan', 'Schule', 'Digitalisierung', plan.kommune],
    datum: pdfDatum(plan.stand),
  };
}

/** The system Chromium: CHROME_PATH, else Debian's /usr/bin/chromium; undefined if neither exists. */
export function chromePfad(): string | undefined {
  const pfad = process.env.CHROME_PATH || '/usr/bin/chromium';
  return existsSync(pfad) ? pfad : undefined;
}

/** Set by `npm run build` when this build renders the PDF. */
export const PDF_SCHALTER = 'PLANWERK_PDF';

export interface PdfAngebot {
  /** The stable address (site path) and the file name of the same PDF for this Fassung. */
  aktuell: { url: string; datei: string; versioniert?: { url: string; datei: string } };
}

/** The file name of the PDF of this Fassung: `stadt-musterstadt-mep-fassung-3.pdf`. */
export function versionierterName(model: Pick<PlanModel, 'plan'>): string | undefined {
  const { plan } = model;
  return plan.fassung ? `${new GithubSlugger().slug(plan.kommune)}-mep-fassung-${plan.fassung.nummer}.pdf` : undefined;
}

/** What the pages offer to download; undefined when this build makes no PDF. */
export function pdfAngebot(model: Pick<PlanModel, 'plan'>): PdfAngebot | undefined {
  if (process.env[PDF_SCHALTER] !== '1') return undefined;
  const version = versionierterName(model);
  return { aktuell: { url: seite.druckPdf(), datei: 'plan.pdf', ...(version ? { versioniert: { url: seite.druckPdf(version), datei: version } } : {}) } };
}

const TYPEN: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

/**
 * A made-up origin: Chromium reads the built files through playwright, without a server or port.
 * A link to a page the Druckfassung does not hold, in a plan without `website`, ends up in the PDF
 * under this origin; the PDF's link check counts it as the site itself.
 */
export const URSPRUNG = 'http://planwerk.druck';

export interface PdfErgebnis {
  seiten: number;
  bytes: number;
  ms: number;
  dateien: string[];
}

/** Prints the built Druckfassung in `dist` to dist/druckfassung/plan.pdf and its copy for the Fassung. */
export async function renderePdf(dist: string, model: PlanModel, chrome = chromePfad()): Promise<PdfErgebnis> {
  if (!chrome) throw new Error('Kein Chromium gefunden (CHROME_PATH oder /usr/bin/chromium).');
  const start = performance.now();
  const schale = join(dist, 'druckfassung', 'index.html');
  if (!existsSync(schale)) throw new Error(`Keine Druckfassung in ${schale}: erst „npm run bauen“.`);
  const roh = await druckeMitChromium(dist, model, chrome);
  const pdfLib = await import('@cantoo/pdf-lib');
  const { PDFDict, PDFDocument, PDFName, PDFString } = pdfLib;
  const doc = await PDFDocument.load(roh, { updateMetadata: false });
  const angaben = pdfAngaben(model.plan);
  doc.setTitle(angaben.titel, { showInWindowTitleBar: true });
  doc.setAuthor(angaben.autor);
  doc.setSubject(angaben.thema);
  doc.setKeywords(angaben.stichwoerter);
  doc.setLanguage('de-DE');
  doc.setCreator('Planwerk');
  doc.setProducer('Planwerk mit Chromium');
  // pdf-lib writes a Date with day and time; the plan's Stand goes in as precise as the plan gives it.
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  info.set(PDFName.of('CreationDate'), PDFString.of(angaben.datum));
  info.set(PDFName.of('ModDate'), PDFString.of(angaben.datum));
  benenneStrukturNeu(pdfLib, doc);
  // Chromium's outline opens with the document: show it beside the first page.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  doc.catalog.set(PDFName.of('Lang'), PDFString.of('de-DE'));
  const bytes = await doc.save();
  // The PDF has no CSP: every link annotation is checked with the address rule before it is written.
  const linkFehler = await pruefePdfAdressen(bytes, [...(model.plan.website ? [model.plan.website] : []), URSPRUNG]);
  if (linkFehler.length > 0) throw new Error(pdfFehlerText(linkFehler));
  const dateien = [seite.druckPdf(), ...(versionierterName(model) ? [seite.druckPdf(versionierterName(model))] : [])];
  for (const d of dateien) {
    const ziel = join(dist, d);
    mkdirSync(dirname(ziel), { recursive: true });
    writeFileSync(ziel, bytes);
  }
  return { seiten: doc.getPageCount(), bytes: bytes.length, ms: performance.now() - start, dateien };
}

/** Chromium prints the Druckfassung, reading the built files of `dist` under a made-up origin (URSPRUNG). */
async function druckeMitChromium(dist: string, model: PlanModel, chrome: string): Promise<Buffer> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chrome, args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext();
    await context.route(`${URSPRUNG}/**`, async (route) => {
      const pfad = decodeURIComponent(new URL(route.request().url()).pathname);
      const ohne = pfad.startsWith(model.basis) ? `/${pfad.slice(model.basis.length)}` : pfad;
      const datei = join(dist, ohne.endsWith('/') ? `${ohne}index.html` : ohne);
      if (!existsSync(datei)) return route.fulfill({ status: 404, body: '' });
      await route.fulfill({ body: readFileSync(datei), headers: { 'content-type': TYPEN[extname(datei)] ?? 'application/octet-stream' } });
    });
    const page = await context.newPage();
    await page.goto(`${URSPRUNG}${model.basis}druckfassung/`, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  } finally {
    await browser.close();
  }
}

type PdfLib = typeof import('@cantoo/pdf-lib');
type PdfDocument = Awaited<ReturnType<PdfLib['PDFDocument']['load']>>;

/**
 * Chromium names structure elements after its DOM node counter, which differs from run to run:
 * numbered in document order instead (table cells refer to their header cells by these names),
 * so that the same plan always gives the same bytes.
 */
function benenneStrukturNeu(pdfLib: PdfLib, doc: PdfDocument): void {
  const { PDFArray, PDFDict, PDFHexString, PDFName, PDFString } = pdfLib;
  const namen = new Map<string, string>();
  const elemente = doc.context.enumerateIndirectObjects().map(([, o]) => o).filter((o): o is PdfDict => o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('StructElem'));
  for (const e of elemente) {
    const id = e.get(PDFName.of('ID'));
    if (id instanceof PDFString || id instanceof PDFHexString) {
      const neu = `s${namen.size + 1}`;
      namen.set(id.decodeText(), neu);
      e.set(PDFName.of('ID'), PDFString.of(neu));
    }
  }
  for (const e of elemente) {
    for (const a of [e.get(PDFName.of('A'))].flat()) {
      const liste = a instanceof PDFArray ? a.asArray() : [a];
      for (const attr of liste) {
        const kopf = attr instanceof PDFDict ? attr.get(PDFName.of('Headers')) : undefined;
        if (!(kopf instanceof PDFArray)) continue;
        kopf.asArray().forEach((h, i) => {
          if (h instanceof PDFString || h instanceof PDFHexString) kopf.set(i, PDFString.of(namen.get(h.decodeText()) ?? h.decodeText()));
        });
      }
    }
  }
  baueIdBaumNeu(pdfLib, doc, namen);
}

/** The structure root's name tree of the structure ids, rebuilt as one sorted leaf with the new names. */
function baueIdBaumNeu(pdfLib: PdfLib, doc: PdfDocument, namen: Map<string, string>): void {
  const { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFString } = pdfLib;
  const wurzel = doc.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict);
  const baum = wurzel?.lookupMaybe(PDFName.of('IDTree'), PDFDict);
  if (!wurzel || !baum) return;
  const paare: [string, unknown][] = [];
  const alt: PdfRef[] = [];
  const sammle = (knoten: PdfDict) => {
    const eintraege = knoten.lookupMaybe(PDFName.of('Names'), PDFArray)?.asArray() ?? [];
    for (let i = 0; i + 1 < eintraege.length; i += 2) {
      const name = eintraege[i];
      if (name instanceof PDFString || name instanceof PDFHexString) paare.push([namen.get(name.decodeText()) ?? name.decodeText(), eintraege[i + 1]]);
    }
    for (const kind of knoten.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray() ?? []) {
      const k = doc.context.lookup(kind);
      if (k instanceof PDFDict) sammle(k);
      if (kind instanceof PDFRef) alt.push(kind);
    }
  };
  const verweis = wurzel.get(PDFName.of('IDTree'));
  if (verweis instanceof PDFRef) alt.push(verweis);
  sammle(baum);
  // The old tree's objects go, or the old names would stay in the file.
  for (const r of alt) doc.context.delete(r);
  paare.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  wurzel.set(PDFName.of('IDTree'), doc.context.obj({ Names: paare.flatMap(([n, ref]) => [PDFString.of(n), ref as never]) }));
}
