/**
 * The council's PDF: the Druckfassung (/druckfassung/, src/ausgabe/druckfassung.ts) printed by the
 * system Chromium through playwright-core, as a tagged PDF (headings, lists, tables with header
 * cells, figures with their text, the document language) with bookmarks from its headings; page
 * size, margins, running header and page numbers come from the print styles. Chromium writes no
 * author, so title, author (the Herausgeber), subject, language and dates are set afterwards with
 * @cantoo/pdf-lib (`pdfAngaben`, src/ausgabe/pdfnachbearbeitung.ts), dated from the plan's Stand, so a
 * rebuild of the same plan changes nothing. A rebuild that changed nothing printed copies the last
 * PDF from the plan's cache folder instead of printing (src/ausgabe/pdfcache.ts).
 *
 * Whether a build makes a PDF is decided before Astro renders the pages (`npm run build` sets
 * PLANWERK_PDF when it finds Chromium), so the pages link the PDF exactly when it will exist.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import GithubSlugger from 'github-slugger';
import type { PlanModel } from '../plan/model.ts';
import { seite } from '../plan/urls.ts';
import { datumImSatz, pdfDatum } from '../plan/datum.ts';
import { nachbearbeiten } from './pdfnachbearbeitung.ts';
import { ausCacheKopieren, ausDemCache, druckerStand, druckSchluessel, imCacheAblegen, type PdfGrundlage } from './pdfcache.ts';

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
  /** True when the PDF was taken from the cache, unprinted, because nothing printed had changed. */
  ausCache: boolean;
}

/** The build's German line about the PDF: printed, or taken unchanged from the cache. */
export function pdfMeldung(pdf: PdfErgebnis): string {
  const zahl = (n: number) => n.toLocaleString('de-DE', { maximumFractionDigits: 1 });
  const umfang = `${pdf.seiten} Seiten, ${zahl(pdf.bytes / 1024 / 1024)} MB`;
  return pdf.ausCache
    ? `Planwerk: PDF der Druckfassung unverändert, aus dem Cache übernommen (${umfang}, ${zahl(pdf.ms / 1000)} s; ${pdf.dateien.join(', ')}).`
    : `Planwerk: PDF der Druckfassung, ${umfang}, in ${zahl(pdf.ms / 1000)} s (${pdf.dateien.join(', ')}).`;
}

/**
 * Prints the built Druckfassung in `dist` to dist/druckfassung/plan.pdf and its copy for the Fassung.
 * With `cacheDir` (the plan's cache folder) the last PDF is kept there and copied instead of
 * printed when nothing that goes into it changed (src/ausgabe/pdfcache.ts).
 */
export async function renderePdf(dist: string, model: PlanModel, chrome = chromePfad(), cacheDir?: string): Promise<PdfErgebnis> {
  if (!chrome) throw new Error('Kein Chromium gefunden (CHROME_PATH oder /usr/bin/chromium).');
  const start = performance.now();
  const schale = join(dist, 'druckfassung', 'index.html');
  if (!existsSync(schale)) throw new Error(`Keine Druckfassung in ${schale}: erst „npm run bauen“.`);
  const dateien = [seite.druckPdf(), ...(versionierterName(model) ? [seite.druckPdf(versionierterName(model))] : [])];
  const ziele = dateien.map((d) => join(dist, d));
  const angaben = pdfAngaben(model.plan);
  const urspruenge = [...(model.plan.website ? [model.plan.website] : []), URSPRUNG];
  const grundlage: PdfGrundlage | undefined = cacheDir ? { chrome: druckerStand(chrome), angaben: [angaben, model.basis, urspruenge] } : undefined;
  const treffer = cacheDir && grundlage ? ausDemCache(cacheDir, dist, grundlage) : undefined;
  if (treffer) {
    ausCacheKopieren(treffer.pdf, ziele);
    return { seiten: treffer.stand.seiten, bytes: statSync(treffer.pdf).size, ms: performance.now() - start, dateien, ausCache: true };
  }
  const druck = await druckeMitChromium(dist, model, chrome);
  const { bytes, seiten } = await nachbearbeiten(druck.pdf, angaben, urspruenge);
  for (const ziel of ziele) {
    mkdirSync(dirname(ziel), { recursive: true });
    writeFileSync(ziel, bytes);
  }
  // A print that loaded anything from outside the built site is not kept: the key could not cover it.
  if (cacheDir && grundlage && druck.vollstaendig) imCacheAblegen(cacheDir, bytes, { schluessel: druckSchluessel(dist, druck.geladen, grundlage), dateien: druck.geladen, seiten });
  return { seiten, bytes: bytes.length, ms: performance.now() - start, dateien, ausCache: false };
}

/** What Chromium printed and which files of `dist` it loaded for it. */
interface Druck {
  pdf: Buffer;
  /** The built files asked for (found or not), relative to `dist`, in the order first asked for. */
  geladen: string[];
  /** False when the page asked for anything outside the made-up origin. */
  vollstaendig: boolean;
}

/** Chromium prints the Druckfassung, reading the built files of `dist` under a made-up origin (URSPRUNG). */
async function druckeMitChromium(dist: string, model: PlanModel, chrome: string): Promise<Druck> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: chrome, args: ['--no-sandbox'] });
  const geladen = new Set<string>();
  let vollstaendig = true;
  try {
    const context = await browser.newContext();
    await context.route(`${URSPRUNG}/**`, async (route) => {
      const pfad = decodeURIComponent(new URL(route.request().url()).pathname);
      const ohne = pfad.startsWith(model.basis) ? `/${pfad.slice(model.basis.length)}` : pfad;
      const relativ = (ohne.endsWith('/') ? `${ohne}index.html` : ohne).replace(/^\/+/, '');
      const datei = join(dist, relativ);
      geladen.add(relativ);
      if (!existsSync(datei)) return route.fulfill({ status: 404, body: '' });
      await route.fulfill({ body: readFileSync(datei), headers: { 'content-type': TYPEN[extname(datei)] ?? 'application/octet-stream' } });
    });
    const page = await context.newPage();
    page.on('request', (anfrage) => {
      const url = new URL(anfrage.url());
      if (url.origin !== URSPRUNG && url.protocol !== 'data:') vollstaendig = false;
    });
    // Print media from the start: Chromium never lays the long page out for the screen first.
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${URSPRUNG}${model.basis}druckfassung/`, { waitUntil: 'load' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
    return { pdf, geladen: [...geladen], vollstaendig };
  } finally {
    await browser.close();
  }
}
