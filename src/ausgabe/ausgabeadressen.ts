/**
 * Defence in depth after the build: every address in the built pages and in the council's PDF
 * is checked again with the one address rule (src/plan/adressen.ts, kind `ausgabe`): https,
 * http only to the site itself, mailto, tel and paths of this site. Whatever slipped past the
 * checks of the plan's files (a template, a component, a new field) fails the build here.
 *
 * - `pruefeAusgabeAdressen`: parses every HTML page of the output folder (htmlparser2, which
 *   decodes character references as a browser does) and checks every attribute that holds an
 *   address (href, src, srcset, action, formaction, poster, data, xlink:href, a meta refresh …);
 *   called from the integration's build-done hook (src/integration.ts).
 * - `pruefePdfAdressen`: reads the PDF's link annotations (pdf-lib) and checks each URI action;
 *   any other action than a jump inside the document (JavaScript, Launch, SubmitForm …) is
 *   refused; called by `renderePdf` before the PDF is written (src/ausgabe/pdfnachbearbeitung.ts).
 */
import { SeitenCache } from './seitencache.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Parser } from 'htmlparser2';
import type { PDFDict as PdfDict, PDFDocument as PdfDocument } from '@cantoo/pdf-lib';
import { pruefeAdresse, ERWARTET } from '../plan/adressen.ts';
import type { Problem } from '../plan/problems.ts';

/** Attributes that hold one address. */
const EINE_ADRESSE = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'cite', 'longdesc', 'background', 'codebase', 'manifest', 'icon', 'ping', 'itemtype']);
/** Attributes that hold a list of candidates „adresse größe, adresse größe“. */
const ADRESSLISTEN = new Set(['srcset', 'imagesrcset']);

/** The addresses of one attribute of an element; an empty attribute holds none. */
export function adressenDesAttributs(tag: string, name: string, value: string, attribute: Record<string, string>): string[] {
  const n = name.toLowerCase();
  if (EINE_ADRESSE.has(n)) {
    if (n === 'ping' || n === 'itemtype') return value.split(/\s+/).filter(Boolean);
    return value === '' ? [] : [value];
  }
  if (ADRESSLISTEN.has(n)) return value.split(',').map((k) => k.trim().split(/\s+/)[0] ?? '').filter(Boolean);
  if (tag === 'meta' && n === 'content' && (attribute['http-equiv'] ?? '').toLowerCase() === 'refresh') {
    // „0; url=/neu/“, as browsers read it: the part after „url=“, without quotes.
    const match = /^\s*\d*(?:\.\d*)?\s*[;,]?\s*(?:url\s*=\s*)?(.*)$/is.exec(value);
    const ziel = (match?.[1] ?? '').trim().replace(/^(['"])(.*)\1$/s, '$2');
    return ziel === '' ? [] : [ziel];
  }
  return [];
}

/** The problems of one HTML page: each address that breaks the rule, with element and attribute. */
export function pruefeSeitenAdressen(html: string, datei: string, eigeneUrspruenge: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const parser = new Parser(
    {
      onopentag(tag, attribute) {
        for (const [name, value] of Object.entries(attribute)) {
          for (const adresse of adressenDesAttributs(tag, name, value, attribute)) {
            const ergebnis = pruefeAdresse(adresse, 'ausgabe', { eigeneUrspruenge });
            if (!ergebnis.ok) problems.push({ file: datei, field: `<${tag} ${name}>`, expected: ergebnis.erwartet, found: ergebnis.gefunden });
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return problems;
}

/** Every HTML file under a folder, sorted. */
function htmlDateien(ordner: string): string[] {
  return (readdirSync(ordner, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/**
 * Checks every address of every built page in `dist`. `website` is the site's address from
 * plan.yaml: http:// to it counts as the site itself. Problems name the page file and the attribute.
 * `cacheDir`: the plan's cache folder, where each page's result is kept for the next build.
 */
export function pruefeAusgabeAdressen(dist: string, website?: string, cacheDir?: string): Problem[] {
  const eigen = website ? [website] : [];
  // With the plan's cache folder, a page with the same bytes as in the last build is not parsed again.
  const cache = new SeitenCache<Problem[]>(cacheDir, 'adressen');
  const problems = htmlDateien(dist).flatMap((datei) => {
    const name = relative(process.cwd(), datei) || datei;
    const html = readFileSync(datei, 'utf8');
    return cache.hole(html, [name, ...eigen], () => pruefeSeitenAdressen(html, name, eigen));
  });
  cache.speichere();
  return problems;
}

/** A link of the PDF that breaks the rule: its page (1-based) and what it is. */
export interface PdfLinkFehler {
  seite?: number;
  gefunden: string;
}

/** Actions a link in the PDF may have: an address (checked) or a jump inside the document. */
const PDF_AKTIONEN_OHNE_ADRESSE = new Set(['GoTo']);

/**
 * Checks the link annotations of a PDF (and the document's own actions): every URI action with
 * the address rule, every other action than a jump inside the document is refused.
 * `eigeneUrspruenge`: origins that count as the site itself (http allowed to them). `pdf` is the
 * file's bytes or a document pdf-lib has already loaded (`renderePdf` checks the objects it writes).
 */
export async function pruefePdfAdressen(pdf: Uint8Array | PdfDocument, eigeneUrspruenge: readonly string[] = []): Promise<PdfLinkFehler[]> {
  const { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } = await import('@cantoo/pdf-lib');
  const doc = pdf instanceof PDFDocument ? pdf : await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true, parseSpeed: Infinity });
  const fehler: PdfLinkFehler[] = [];
  const text = (o: unknown) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined);
  const dict = (o: unknown) => {
    const d = o === undefined ? undefined : doc.context.lookup(o as never);
    return d instanceof PDFDict ? d : undefined;
  };
  /** Checks one action and the actions chained after it (`Next`). */
  const aktion = (a: unknown, seite: number | undefined, tiefe = 0) => {
    const d = dict(a);
    if (!d || tiefe > 20) return;
    const art = d.get(PDFName.of('S'));
    const name = art instanceof PDFName ? art.decodeText() : String(art);
    if (name === 'URI') {
      const uri = text(d.lookup(PDFName.of('URI')));
      if (uri === undefined) fehler.push({ seite, gefunden: 'eine URI-Aktion ohne Adresse' });
      else {
        const ergebnis = pruefeAdresse(uri, 'ausgabe', { eigeneUrspruenge });
        if (!ergebnis.ok) fehler.push({ seite, gefunden: ergebnis.gefunden });
      }
    } else if (!PDF_AKTIONEN_OHNE_ADRESSE.has(name)) {
      fehler.push({ seite, gefunden: `eine Aktion „${name}“ (nur Adressen und Sprünge im Dokument sind erlaubt)` });
    }
    const next = d.lookup(PDFName.of('Next'));
    for (const n of next instanceof PDFArray ? next.asArray() : next ? [next] : []) aktion(n, seite, tiefe + 1);
  };
  /** Additional actions (`AA`: on open, on close, on mouse-over …) are never allowed. */
  const zusatz = (d: PdfDict, seite: number | undefined) => {
    if (d.has(PDFName.of('AA'))) fehler.push({ seite, gefunden: 'zusätzliche Aktionen (AA), die ohne Klick ausgeführt werden' });
  };
  doc.getPages().forEach((page, i) => {
    zusatz(page.node, i + 1);
    const annots = page.node.lookup(PDFName.of('Annots'));
    for (const ref of annots instanceof PDFArray ? annots.asArray() : []) {
      const annot = dict(ref);
      if (!annot) continue;
      zusatz(annot, i + 1);
      aktion(annot.get(PDFName.of('A')), i + 1);
    }
  });
  const katalog = doc.catalog;
  zusatz(katalog, undefined);
  const oeffnen = katalog.get(PDFName.of('OpenAction'));
  if (oeffnen && dict(oeffnen)) aktion(oeffnen, undefined);
  const namen = dict(katalog.get(PDFName.of('Names')));
  if (namen?.has(PDFName.of('JavaScript'))) fehler.push({ gefunden: 'JavaScript im Dokument (Names/JavaScript)' });
  return fehler;
}

/** The German message of the PDF's link problems, for the Error `renderePdf` throws. */
export function pdfFehlerText(fehler: PdfLinkFehler[]): string {
  const zeilen = fehler.slice(0, 10).map((f) => `  • ${f.seite ? `Seite ${f.seite}: ` : ''}${f.gefunden}`);
  if (fehler.length > 10) zeilen.push(`  • … und ${fehler.length - 10} weitere`);
  return `Das PDF enthält ${fehler.length === 1 ? 'einen unzulässigen Link' : `${fehler.length} unzulässige Links`} (erwartet ${ERWARTET.ausgabe}):\n${zeilen.join('\n')}`;
}
