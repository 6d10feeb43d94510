/**
 * What Planwerk does to the PDF Chromium printed, with @cantoo/pdf-lib: the document properties
 * Chromium does not write (`pdfAngaben`, src/ausgabe/pdf.ts), the structure ids renumbered in
 * document order (Chromium's differ from run to run), the outline shown on opening, and the check
 * of every link annotation with the address rule, on the very objects that are then written.
 */
import type { PDFDict as PdfDict, PDFRef as PdfRef } from '@cantoo/pdf-lib';
import { pdfFehlerText, pruefePdfAdressen } from './ausgabeadressen.ts';

/** The document properties `nachbearbeiten` sets (pdfAngaben in src/ausgabe/pdf.ts). */
export interface PdfMetadaten { titel: string; autor: string; thema: string; stichwoerter: string[]; datum: string }

/**
 * Sets the document properties and renumbers the structure ids of Chromium's PDF, checks its links
 * (`eigeneUrspruenge`: origins that count as the site itself) and returns the bytes to publish
 * and the page count. pdf-lib parses and writes without pausing for the event loop (nothing else
 * runs meanwhile), which at 1,000 Maßnahmen saves seconds; the bytes are the same.
 */
export async function nachbearbeiten(roh: Uint8Array, angaben: PdfMetadaten, eigeneUrspruenge: readonly string[]): Promise<{ bytes: Uint8Array; seiten: number }> {
  const pdfLib = await import('@cantoo/pdf-lib');
  const { PDFDict, PDFDocument, PDFName, PDFString } = pdfLib;
  const doc = await PDFDocument.load(roh, { updateMetadata: false, parseSpeed: Infinity });
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
  // The PDF has no CSP: every link annotation is checked with the address rule before it is written.
  const linkFehler = await pruefePdfAdressen(doc, eigeneUrspruenge);
  if (linkFehler.length > 0) throw new Error(pdfFehlerText(linkFehler));
  return { bytes: await doc.save({ objectsPerTick: Infinity }), seiten: doc.getPageCount() };
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
