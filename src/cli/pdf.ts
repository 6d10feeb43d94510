/**
 * `npm run pdf`: prints the Druckfassung of an existing build to PDF again (src/ausgabe/pdf.ts),
 * e.g. after changing the print styles. Option `--outDir <ordner>` as for the build.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ladePlan } from '../pruefung/planladen.ts';
import { inhaltsordner } from '../plan/aktuell.ts';
import { planLocation } from '../plan/sources.ts';
import { ContentError } from '../plan/problems.ts';
import { chromePfad, renderePdf } from '../ausgabe/pdf.ts';

const projekt = process.cwd();
const { values } = parseArgs({ options: { outDir: { type: 'string' } } });
const dist = resolve(projekt, values.outDir ?? 'dist');
const chrome = chromePfad();
if (!chrome) {
  console.error('Kein Chromium gefunden: CHROME_PATH setzen oder das Paket „chromium“ installieren.');
  process.exit(1);
}
const geladen = await ladePlan(planLocation(inhaltsordner(projekt), projekt));
if (!geladen.model) {
  console.error(new ContentError(geladen.problems).message);
  process.exit(1);
}
try {
  const pdf = await renderePdf(dist, geladen.model, chrome);
  console.log(`Planwerk: PDF der Druckfassung, ${pdf.seiten} Seiten, in ${(pdf.ms / 1000).toLocaleString('de-DE', { maximumFractionDigits: 1 })} s (${pdf.dateien.join(', ')}).`);
} catch (error) {
  console.error(`Das PDF der Druckfassung ließ sich nicht erzeugen: ${(error as Error).message}`);
  process.exit(1);
}
