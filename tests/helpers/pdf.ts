/** Reading the council's PDF in tests: pdfjs-dist, the text of every page with its positions. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type Pdf = Awaited<ReturnType<typeof getDocument>['promise']>;

export const ladePdf = async (bytes: Uint8Array): Promise<Pdf> => getDocument({ data: bytes, useSystemFonts: false }).promise;

export const ohneLeerraum = (s: string) => s.replace(/\s+/g, '');

/** Every page's size and its pieces of text (non-blank), with their position and width, in the PDF's order. */
export async function seitentexte(pdf: Pdf) {
  const seiten: { breite: number; hoehe: number; stuecke: { text: string; x: number; y: number; breite: number }[] }[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const [, , breite, hoehe] = page.view as [number, number, number, number];
    const inhalt = await page.getTextContent();
    const stuecke = inhalt.items.flatMap((it) => ('str' in it && it.str.trim() ? [{ text: it.str, x: it.transform[4] as number, y: it.transform[5] as number, breite: it.width }] : []));
    seiten.push({ breite, hoehe, stuecke });
  }
  return seiten;
}
