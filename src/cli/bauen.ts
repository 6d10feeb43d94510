/**
 * `npm run build`: loads and checks the plan before Astro starts. Problems are printed
 * in German only (file:line, field, expected, found) and the build ends with exit code 1,
 * without a stack trace. Otherwise Astro builds the site quietly (no line per page) and
 * Planwerk prints its own summary and warnings.
 *
 * The site is built into a fresh folder beside the output (src/ausgabe/ausgabe.ts) and replaces
 * it only when everything passed: the pages, the checks of the built site (anchors, redirect
 * targets), the search index and the PDF. After any failure the last line says that nothing
 * was published and what the output folder still holds. A crash inside Astro, Pagefind or
 * Chromium ends with one German line, not a stack trace; PLANWERK_DEBUG=1 shows the trace.
 *
 * Options: `--outDir <ordner>` (default dist/); `--basis </pfad/>`, the base path for a
 * site published under another address than plan.yaml's `website` (a preview), also as
 * PLANWERK_BASIS. The plan folder is the one the integration in astro.config.mjs names,
 * else PLANWERK_CONTENT, else content/. With Chromium found, the Druckfassung is printed to
 * PDF after the build (src/ausgabe/pdf.ts); PLANWERK_PDF=0 builds without it.
 */
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import type { AstroInlineConfig, AstroIntegration } from 'astro';
import { ContentError, type Problem } from '../plan/problems.ts';
import { ladePlan } from '../pruefung/planladen.ts';
import { hinweise, type PlanwerkStand } from '../integration.ts';
import { pruefeBasis } from '../plan/basispfad.ts';
import { chromePfad, PDF_SCHALTER, pdfMeldung, renderePdf } from '../ausgabe/pdf.ts';
import { neueAusgabe, ordnerName, type Ausgabe } from '../ausgabe/ausgabe.ts';
import { UEBERNOMMEN, ZURUECKGEHALTEN } from './astro-protokoll.mjs';
import { projektordner } from './projekt.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const { ordner: projekt, fehler: ohneKonfiguration } = projektordner();
if (ohneKonfiguration) {
  console.error(`${ohneKonfiguration}\nNichts veröffentlicht.`);
  process.exit(1);
}
const { values } = parseArgs({ options: { outDir: { type: 'string' }, basis: { type: 'string' } } });
if (values.basis !== undefined) process.env.PLANWERK_BASIS = values.basis;

/** Set once the output folder is prepared: every failure after that discards the fresh build. */
let ausgabe: Ausgabe | undefined;
/** What the build was doing, for the German line after a crash. */
let schritt = 'das Laden des Plans';

/** The last line of a failed build: nothing was published, and what the output folder holds. */
const nichtsVeroeffentlicht = () => (ausgabe ? ausgabe.verwerfen() : 'Nichts veröffentlicht.');

/** The German list of problems, as ContentError words it, and exit code 1: no stack trace. */
function fehler(problems: Problem[]): never {
  console.error(new ContentError(problems).message);
  console.error(nichtsVeroeffentlicht());
  process.exit(1);
}

/** A failure that is not the plan's: one German line on what failed, the trace only with PLANWERK_DEBUG=1. */
function abbruch(was: string, error: unknown): never {
  console.error(`Der Bau ist abgebrochen: ${was} ist fehlgeschlagen.`);
  console.error(nichtsVeroeffentlicht());
  if (process.env.PLANWERK_DEBUG) console.error(error);
  else console.error('Mit PLANWERK_DEBUG=1 erscheint die technische Ursache.');
  process.exit(1);
}
process.on('uncaughtException', (error) => abbruch(schritt, error));
process.on('unhandledRejection', (error) => abbruch(schritt, error));

/** The content problems behind an error Astro threw (it wraps a hook's error in its own), if it is one. */
function inhaltsfehler(error: unknown): Problem[] | undefined {
  for (let e = error, tiefe = 0; e && typeof e === 'object' && tiefe < 10; e = (e as { cause?: unknown }).cause, tiefe += 1) {
    if (e instanceof ContentError || ((e as Error).name === 'ContentError' && Array.isArray((e as ContentError).problems))) return (e as ContentError).problems;
  }
  return undefined;
}

// The config is loaded once and handed to Astro as it is, so the integration Astro runs
// is the one whose state this script reads.
const config = (await import(pathToFileURL(join(projekt, 'astro.config.mjs')).href)).default as AstroInlineConfig;
const integration = (config.integrations ?? []).flat().find((i): i is AstroIntegration & { planwerk: PlanwerkStand } => Boolean(i && typeof i === 'object' && 'planwerk' in i));
if (!integration) {
  console.error('astro.config.mjs bindet die Planwerk-Integration nicht ein: dort gehört „integrations: [planwerk()]“ hinein (siehe README, „Planwerk installieren und aktualisieren“).');
  process.exit(1);
}
const stand = integration.planwerk;
stand.selbstMelden = true;
stand.abbrechen = fehler;
const { ort, cacheDir } = stand.bereite(projekt);
try {
  ausgabe = neueAusgabe(resolve(projekt, values.outDir ?? 'dist'), [projekt, ort.contentDir, cacheDir]);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const basisFehler = pruefeBasis(process.env.PLANWERK_BASIS, values.basis !== undefined ? '--basis' : 'PLANWERK_BASIS');
if (basisFehler.length > 0) fehler(basisFehler);

// The council's PDF needs Chromium; decided now, so that the pages link the PDF only when it
// will exist (src/ausgabe/pdf.ts). PLANWERK_PDF=0 builds without it.
const ohnePdf = process.env[PDF_SCHALTER] === '0';
const chrome = ohnePdf ? undefined : chromePfad();
process.env[PDF_SCHALTER] = chrome ? '1' : '0';
if (!chrome && !ohnePdf) console.warn('Hinweis: Kein Chromium gefunden (CHROME_PATH oder /usr/bin/chromium): Die Website wird ohne PDF der Druckfassung gebaut und verlinkt keines.');
const started = performance.now();
const geladen = await ladePlan(ort, cacheDir);
if (!geladen.model) fehler(geladen.problems);
const inhalt = relative(projekt, ort.contentDir) || '.';
console.log(`Planwerk: Plan aus ${inhalt}/ geprüft in ${Math.round(geladen.dauerMs)} ms (${geladen.mdxGesamt} Texte, davon ${geladen.neuGerendert} neu gerendert).`);
for (const h of hinweise(geladen)) console.warn(`Hinweis: ${h}`);

schritt = 'das Erzeugen der Seiten und des Suchindex (Astro, Pagefind)';
try {
  // Astro's own error lines are held back (src/cli/astro-protokoll.mjs): a failure ends with the German line below.
  // Its notes are read only to count the pages taken from the last build.
  const logger = { entrypoint: fileURLToPath(new URL('./astro-protokoll.mjs', import.meta.url)), config: { level: 'info' } };
  await build({ ...config, root: projekt, configFile: false, logLevel: 'info', logger, outDir: ausgabe.bau });
} catch (error) {
  // A content error raised inside Astro (e.g. by a loader) is printed as the German list alone.
  const problems = inhaltsfehler(error);
  if (!problems) abbruch(/pagefind/i.test(String((error as Error)?.stack ?? error)) ? 'der Suchindex (Pagefind)' : schritt, error);
  fehler(problems);
}
// Errors Astro logged without failing the build are shown after all.
for (const meldung of ((globalThis as Record<symbol, unknown>)[ZURUECKGEHALTEN] as string[] | undefined) ?? []) console.error(meldung);
// Anchors and redirect targets can only be checked on the built site.
if (stand.nachDemBau.length > 0) fehler(stand.nachDemBau);
for (const h of stand.hinweiseNachDemBau) console.warn(`Hinweis: ${h}`);
const sekunden = ((performance.now() - started) / 1000).toLocaleString('de-DE', { maximumFractionDigits: 1 });
const uebernommen = ((globalThis as Record<symbol, unknown>)[UEBERNOMMEN] as number | undefined) ?? 0;
console.log(`Planwerk: ${stand.seiten} Seiten gebaut in ${sekunden} s${uebernommen > 0 ? `, davon ${uebernommen} unverändert aus dem letzten Bau übernommen` : ''}.`);
if (chrome) {
  schritt = 'das PDF der Druckfassung (Chromium)';
  try {
    console.log(pdfMeldung(await renderePdf(ausgabe.bau, geladen.model!, chrome, cacheDir)));
  } catch (error) {
    // The pages already link the PDF: without it the site must not be published.
    console.error(`Das PDF der Druckfassung ließ sich nicht erzeugen: ${(error as Error).message}\nDie Seiten verweisen auf das PDF; ohne PDF bauen: PLANWERK_PDF=0 npm run bauen`);
    console.error(nichtsVeroeffentlicht());
    process.exit(1);
  }
}
schritt = `das Ersetzen von ${ordnerName(ausgabe.ziel)} durch den neuen Bau`;
ausgabe.veroeffentlichen();
console.log(`Planwerk: Website veröffentlicht nach ${ordnerName(ausgabe.ziel)}.`);
