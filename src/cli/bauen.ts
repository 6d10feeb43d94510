/**
 * `npm run build`: loads and checks the plan before Astro starts. Problems are printed
 * in German only (file:line, field, expected, found) and the build ends with exit code 1,
 * without a stack trace. Otherwise Astro builds the site quietly (no line per page) and
 * Planwerk prints its own summary and warnings. If a check of the built site fails
 * (anchors, redirect targets), the output folder is removed and the build ends with 1.
 *
 * Options: `--outDir <ordner>` (default dist/); `--basis </pfad/>`, the base path for a
 * site published under another address than plan.yaml's `website` (a preview), also as
 * PLANWERK_BASIS. The plan folder is the one the integration in astro.config.mjs names,
 * else PLANWERK_CONTENT, else content/. With Chromium found, the Druckfassung is printed to
 * PDF after the build (src/lib/pdf.ts); PLANWERK_PDF=0 builds without it.
 */
import { rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import type { AstroInlineConfig, AstroIntegration } from 'astro';
import { ContentError, type Problem } from '../lib/problems.ts';
import { ladePlan } from '../lib/planladen.ts';
import { hinweise, type PlanwerkStand } from '../integration.ts';
import { pruefeBasis } from '../lib/basispfad.ts';
import { chromePfad, PDF_SCHALTER, renderePdf } from '../lib/pdf.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const projekt = process.cwd();
const { values } = parseArgs({ options: { outDir: { type: 'string' }, basis: { type: 'string' } } });
if (values.basis !== undefined) process.env.PLANWERK_BASIS = values.basis;

/** The German list of problems, as ContentError words it, and exit code 1: no stack trace. */
function fehler(problems: Problem[], nachsatz?: string): never {
  console.error(new ContentError(problems).message);
  if (nachsatz) console.error(nachsatz);
  process.exit(1);
}

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
if (!integration) throw new Error('astro.config.mjs bindet die Planwerk-Integration nicht ein.');
const stand = integration.planwerk;
stand.selbstMelden = true;
stand.abbrechen = fehler;
const { ort, cacheDir } = stand.bereite(projekt);

const basisFehler = pruefeBasis(process.env.PLANWERK_BASIS, values.basis !== undefined ? '--basis' : 'PLANWERK_BASIS');
if (basisFehler.length > 0) fehler(basisFehler);

// The council's PDF needs Chromium; decided now, so that the pages link the PDF only when it
// will exist (src/lib/pdf.ts). PLANWERK_PDF=0 builds without it.
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

try {
  await build({ ...config, root: projekt, configFile: false, logLevel: 'warn', ...(values.outDir ? { outDir: values.outDir } : {}) });
} catch (error) {
  // A content error raised inside Astro (e.g. by a loader) is printed as the German list alone.
  const problems = inhaltsfehler(error);
  if (!problems) throw error;
  fehler(problems, stand.ausgabeHinweis);
}
// Anchors and redirect targets can only be checked on the built site; if they fail, the
// integration has removed the output folder again, and this says so.
if (stand.nachDemBau.length > 0) fehler(stand.nachDemBau, stand.ausgabeHinweis);
for (const h of stand.hinweiseNachDemBau) console.warn(`Hinweis: ${h}`);
const sekunden = ((performance.now() - started) / 1000).toLocaleString('de-DE', { maximumFractionDigits: 1 });
console.log(`Planwerk: ${stand.seiten} Seiten gebaut in ${sekunden} s nach ${values.outDir ?? 'dist'}/.`);
if (chrome) {
  const dist = resolve(projekt, values.outDir ?? 'dist');
  try {
    const pdf = await renderePdf(dist, geladen.model!, chrome);
    console.log(`Planwerk: PDF der Druckfassung, ${pdf.seiten} Seiten, ${(pdf.bytes / 1024 / 1024).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB, in ${(pdf.ms / 1000).toLocaleString('de-DE', { maximumFractionDigits: 1 })} s (${pdf.dateien.join(', ')}).`);
  } catch (error) {
    // The pages already link the PDF: without it the site must not be published.
    rmSync(dist, { recursive: true, force: true });
    console.error(`Das PDF der Druckfassung ließ sich nicht erzeugen: ${(error as Error).message}\nDer Ausgabeordner ${values.outDir ?? 'dist'}/ wurde entfernt, weil seine Seiten auf das PDF verweisen. Ohne PDF bauen: PLANWERK_PDF=0 npm run build`);
    process.exit(1);
  }
}
