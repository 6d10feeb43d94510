/**
 * `npm run build`: loads and checks the plan before Astro starts. Problems are printed
 * in German only (file:line, field, expected, found) and the build ends with exit code 1,
 * without a stack trace. Otherwise Astro builds the site quietly (no line per page) and
 * Planwerk prints its own summary and warnings.
 *
 * Options: `--outDir <ordner>` (default dist/). The plan folder is the one the
 * integration in astro.config.mjs names, else PLANWERK_CONTENT, else content/.
 */
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'astro';
import type { AstroInlineConfig, AstroIntegration } from 'astro';
import { ContentError, type Problem } from '../lib/problems.ts';
import { ladePlan } from '../lib/planladen.ts';
import { hinweise, type PlanwerkStand } from '../integration.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const projekt = process.cwd();
const { values } = parseArgs({ options: { outDir: { type: 'string' } } });

/** The German list of problems, as ContentError words it, and exit code 1: no stack trace. */
function fehler(problems: Problem[]): never {
  console.error(new ContentError(problems).message);
  process.exit(1);
}

// The config is loaded once and handed to Astro as it is, so the integration Astro runs
// is the one whose state this script reads.
const config = (await import(pathToFileURL(join(projekt, 'astro.config.mjs')).href)).default as AstroInlineConfig;
const integration = (config.integrations ?? []).flat().find((i): i is AstroIntegration & { planwerk: PlanwerkStand } => Boolean(i && typeof i === 'object' && 'planwerk' in i));
if (!integration) throw new Error('astro.config.mjs bindet die Planwerk-Integration nicht ein.');
const stand = integration.planwerk;
stand.selbstMelden = true;
const { ort, cacheDir } = stand.bereite(projekt);

const started = performance.now();
const geladen = await ladePlan(ort, cacheDir);
if (!geladen.model) fehler(geladen.problems);
const inhalt = relative(projekt, ort.contentDir) || '.';
console.log(`Planwerk: Plan aus ${inhalt}/ geprüft in ${Math.round(geladen.dauerMs)} ms (${geladen.mdxGesamt} Texte, davon ${geladen.neuGerendert} neu gerendert).`);
for (const h of hinweise(geladen)) console.warn(`Hinweis: ${h}`);

await build({ ...config, root: projekt, configFile: false, logLevel: 'warn', ...(values.outDir ? { outDir: values.outDir } : {}) });
if (stand.nachDemBau.length > 0) fehler(stand.nachDemBau);
for (const h of stand.hinweiseNachDemBau) console.warn(`Hinweis: ${h}`);
const sekunden = ((performance.now() - started) / 1000).toLocaleString('de-DE', { maximumFractionDigits: 1 });
console.log(`Planwerk: ${stand.seiten} Seiten gebaut in ${sekunden} s nach ${values.outDir ?? 'dist'}/.`);
