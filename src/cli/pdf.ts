/**
 * `npm run pdf`: prints the Druckfassung of an existing build to PDF again (src/ausgabe/pdf.ts),
 * e.g. after changing the print styles. Option `--outDir <ordner>` as for the build. Like the build
 * it keeps the PDF in the plan's cache folder and copies it from there when nothing printed
 * changed; `--ohne-cache` prints in any case (and keeps nothing).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ladePlan } from '../pruefung/planladen.ts';
import { cacheOrdner, inhaltsordner } from '../plan/aktuell.ts';
import { planLocation } from '../plan/sources.ts';
import { ContentError } from '../plan/problems.ts';
import { chromePfad, pdfMeldung, renderePdf } from '../ausgabe/pdf.ts';

const projekt = process.cwd();
const { values } = parseArgs({ options: { outDir: { type: 'string' }, 'ohne-cache': { type: 'boolean' } } });
const dist = resolve(projekt, values.outDir ?? 'dist');
const chrome = chromePfad();
if (!chrome) {
  console.error('Kein Chromium gefunden: CHROME_PATH setzen oder das Paket „chromium“ installieren.');
  process.exit(1);
}
const inhalt = inhaltsordner(projekt);
const geladen = await ladePlan(planLocation(inhalt, projekt));
if (!geladen.model) {
  console.error(new ContentError(geladen.problems).message);
  process.exit(1);
}
try {
  console.log(pdfMeldung(await renderePdf(dist, geladen.model, chrome, values['ohne-cache'] ? undefined : cacheOrdner(projekt, inhalt))));
} catch (error) {
  console.error(`Das PDF der Druckfassung ließ sich nicht erzeugen: ${(error as Error).message}`);
  process.exit(1);
}
