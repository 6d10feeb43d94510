/**
 * The council's PDF at scale: `node bench/pdf.ts --groesse 1000`.
 *
 * Generates the plan of that size (or reuses .tmp/bench/plan-<n>/), builds the site once without
 * PDF, then measures `npm run pdf` (src/cli/pdf.ts → renderePdf) on that build: --wiederholungen
 * times (default 2) printing, with the PDF cache emptied before each, and once more with nothing
 * changed, which must take the PDF from the cache. Each run: wall time and the peak memory of the
 * whole process tree (node, Chromium and all its helpers; bench/process-tree.ts), the tree's CPU time
 * (less skewed by other work than the wall time) and the CPU other processes used meanwhile.
 * Prints a German Markdown table; says whether the printed runs gave the same bytes and whether
 * the last run hit the cache. Targets (issue 27): ≤ 60 s and ≤ 2 GiB at 1,000.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generatePlan } from './generator.ts';
import { PROJECT } from './comparison.ts';
import { runMeasured, type MeasuredRun } from './process-tree.ts';
import { cacheOrdner } from '../src/plan/aktuell.ts';

const WORK = '.tmp/bench';
const { values } = parseArgs({ options: { groesse: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, wiederholungen: { type: 'string', default: '2' } } });
const groesse = Number(values.groesse);
const wiederholungen = Math.max(1, Number(values.wiederholungen));
const planRoot = resolve(PROJECT, WORK, `plan-${groesse}`);
const content = join(planRoot, 'content');
const outDirRel = `${WORK}/pdf-${groesse}/dist`;
const pdfDatei = join(PROJECT, outDirRel, 'druckfassung', 'plan.pdf');
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PLANWERK_CONTENT: content };
const mib = (b: number) => Math.round(b / 1024 / 1024).toLocaleString('de-DE');
const sek = (ms: number) => (ms / 1000).toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** One measured command; ends the bench with its output when it fails. */
async function messe(name: string, args: string[], zusatz: NodeJS.ProcessEnv = {}): Promise<MeasuredRun> {
  const lauf = await runMeasured('npm', ['run', ...args], { cwd: PROJECT, env: { ...env, ...zusatz }, logFile: join(PROJECT, WORK, 'logs', `pdf-${groesse}-${name}.log`) });
  if (lauf.exitCode !== 0) {
    console.error(`${name} ist fehlgeschlagen (Exit-Code ${lauf.exitCode}):\n${lauf.tail}`);
    process.exit(1);
  }
  return lauf;
}

if (!existsSync(join(content, 'plan.yaml'))) {
  console.log(`Erzeuge Plan mit ${groesse} Maßnahmen in ${planRoot} …`);
  generatePlan(planRoot, { massnahmen: groesse, seed: Number(values.seed) });
}
console.log(`Baue die Website einmal ohne PDF nach ${outDirRel} …`);
const bau = await messe('bau', ['build', '--', '--outDir', outDirRel], { PLANWERK_PDF: '0' });
console.log(`  ${sek(bau.wallMs)} s, ${mib(bau.peakBytes)} MiB`);

const pdfCache = join(cacheOrdner(PROJECT, content), 'pdf');
const zeilen: { lauf: string; run: MeasuredRun; anmerkung: string }[] = [];
const drucke: Buffer[] = [];
for (let i = 1; i <= wiederholungen; i += 1) {
  rmSync(pdfCache, { recursive: true, force: true });
  const run = await messe(`druck-${i}`, ['pdf', '--', '--outDir', outDirRel]);
  drucke.push(readFileSync(pdfDatei));
  zeilen.push({ lauf: `Druck ${i} (Cache leer)`, run, anmerkung: `${mib(drucke.at(-1)!.length)} MiB PDF` });
  console.log(`  Druck ${i}: ${sek(run.wallMs)} s, ${mib(run.peakBytes)} MiB`);
}
const erneut = await messe('cache', ['pdf', '--', '--outDir', outDirRel]);
const log = readFileSync(join(PROJECT, WORK, 'logs', `pdf-${groesse}-cache.log`), 'utf8');
const treffer = log.includes('aus dem Cache übernommen');
const gleich = readFileSync(pdfDatei).equals(drucke.at(-1)!);
zeilen.push({ lauf: 'unverändert (Cache)', run: erneut, anmerkung: treffer && gleich ? 'aus dem Cache, dieselben Bytes' : 'Cache NICHT getroffen' });

const identisch = drucke.every((d) => d.equals(drucke[0]!));
console.log(`\n## PDF der Druckfassung bei ${groesse.toLocaleString('de-DE')} Maßnahmen\n`);
console.log('| Lauf | Wandzeit | CPU-Zeit (Prozessbaum) | Spitze Speicher (Prozessbaum) | Fremdlast (Kerne) | Anmerkung |');
console.log('|---|---|---|---|---|---|');
for (const z of zeilen) console.log(`| ${z.lauf} | ${sek(z.run.wallMs)} s | ${sek(z.run.cpuTicks * 10)} s | ${mib(z.run.peakBytes)} MiB | ${z.run.otherCores.toLocaleString('de-DE', { maximumFractionDigits: 2 })} | ${z.anmerkung} |`);
console.log(`\nBau ohne PDF: ${sek(bau.wallMs)} s, ${mib(bau.peakBytes)} MiB. Gedruckte Läufe byte-identisch: ${identisch ? 'ja' : 'nein'}. Ziel: ≤ 60 s und ≤ 2.048 MiB.`);
if (!treffer || !gleich || !identisch) process.exitCode = 1;
