/**
 * The council's PDF, if the build made one (dist/druckfassung/plan.pdf, src/ausgabe/pdf.ts):
 * it opens in a PDF reader's engine (pdfjs-dist), has a title and the document language, an
 * outline (bookmarks), and every link annotation and action passes the build's address rule
 * (pruefePdfAdressen: https, http only to the site itself, mailto, tel; jumps inside the
 * document; no JavaScript or other actions). Without a PDF there is a note, not a failure:
 * `planwerk pdf` makes it separately.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seite } from '../../plan/urls.ts';
import { URSPRUNG } from '../../ausgabe/pdf.ts';
import { pruefePdfAdressen } from '../../ausgabe/ausgabeadressen.ts';
import { anzahl, type Befund } from './befunde.ts';

export interface Pdfpruefung {
  befunde: Befund[];
  hinweise: string[];
  /** Pages of the PDF, 0 without one. */
  seiten: number;
}

interface PdfInfo {
  Title?: string;
  Language?: string;
}

/** Checks the PDF bytes; `pfad` names it in the findings, `website` is plan.yaml's address. */
export async function pruefePdfDatei(bytes: Uint8Array, pfad: string, website?: string): Promise<Pdfpruefung> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const befunde: Befund[] = [];
  const befund = (text: string) => befunde.push({ seite: pfad, befund: text });
  // pdfjs takes the buffer over: it gets a copy, the address check reads the original.
  const laden = getDocument({ data: bytes.slice(), useSystemFonts: false, verbosity: 0 });
  let doc: Awaited<typeof laden.promise>;
  try {
    doc = await laden.promise;
  } catch (error) {
    befund(`lässt sich nicht öffnen: ${(error as Error).message}`);
    await laden.destroy();
    return { befunde, hinweise: [], seiten: 0 };
  }
  try {
    const { info } = (await doc.getMetadata()) as { info: PdfInfo };
    if (!info.Title?.trim()) befund('hat keinen Titel in den Dokumenteigenschaften');
    if (!info.Language?.trim()) befund('nennt keine Sprache des Dokuments (Lang)');
    const gliederung = await doc.getOutline();
    if (!gliederung || gliederung.length === 0) befund('hat keine Lesezeichen (Gliederung)');
    if (doc.numPages < 1) befund('hat keine Seiten');
    const eigen = [...(website ? [website] : []), URSPRUNG];
    for (const f of await pruefePdfAdressen(bytes, eigen)) befund(`${f.seite ? `Seite ${f.seite}: ` : ''}unzulässiger Link: ${f.gefunden}`);
    return { befunde, hinweise: [], seiten: doc.numPages };
  } finally {
    await laden.destroy();
  }
}

/** Checks the PDF of the build in `dist`, or notes that there is none. */
export async function pruefePdf(dist: string, website?: string): Promise<Pdfpruefung> {
  const pfad = seite.druckPdf();
  const datei = join(dist, pfad);
  if (!existsSync(datei)) {
    return { befunde: [], hinweise: [`Kein PDF der Druckfassung (${pfad}): der Bau hat keines erzeugt (ohne Chromium oder mit PLANWERK_PDF=0); „planwerk pdf“ erzeugt es.`], seiten: 0 };
  }
  return pruefePdfDatei(new Uint8Array(readFileSync(datei)), pfad, website);
}

export const pdfUmfang = (seiten: number) => (seiten > 0 ? `PDF mit ${anzahl(seiten, 'Seite', 'Seiten')}` : 'kein PDF');
