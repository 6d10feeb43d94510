/**
 * `npm run bench`: builds generated plans of several sizes with Planwerk and the same
 * texts with Starlight and bare Astro, and compares build time, peak memory of the
 * whole process tree, output size and page weight. See bench/README.md.
 *
 *   node bench/run.ts [--groessen 100,1000,5000] [--wiederholungen 3]
 *                     [--nur planwerk,starlight,bare] [--seed 1]
 *                     [--zeitlimit 60] [--ausgabe .tmp/bench/ergebnis.json] [--ohne-vorschau] [--nur-kalt]
 *
 * For each size the variants alternate (Planwerk cold; Planwerk again after one changed Maßnahme
 * and after a changed plan.yaml, each with the cache of the build before; the PDF; Starlight; bare
 * Astro with unified and with its default processor), repeated --wiederholungen times; the table
 * shows medians. Then the live preview (bench/vorschau.ts): how long an edit takes to show in
 * Chromium, on the sample plan and on each size.
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generatePlan } from './generator.ts';
import { clearForColdBuild, PROJECT, setupComparisons, writeComparisonContent, type ComparisonBuild } from './comparison.ts';
import { runMeasured, type MeasuredRun } from './process-tree.ts';
import { measureSite, median, type SiteMetrics } from './site-metrics.ts';
import { cacheOrdner } from '../src/plan/aktuell.ts';
import { messeVorschau, vorschauTabelle, type VorschauErgebnis } from './vorschau.ts';

const VARIANTS = ['planwerk', 'starlight', 'bare-unified', 'bare-standard'] as const;
type Variant = (typeof VARIANTS)[number];
type Messung = Variant | 'planwerk-warm' | 'planwerk-planyaml' | 'planwerk-pdf';
const LABELS: Record<Messung, string> = {
  planwerk: 'Planwerk (kalt)',
  'planwerk-warm': 'Planwerk (erneut: eine Maßnahme geändert)',
  'planwerk-planyaml': 'Planwerk (erneut: plan.yaml geändert)',
  'planwerk-pdf': 'Planwerk: PDF der Druckfassung (npm run pdf)',
  starlight: 'Starlight',
  'bare-unified': 'Astro pur + Pagefind (unified)',
  'bare-standard': 'Astro pur + Pagefind (Standard)',
};

/** Work folder for plans, outputs and logs, relative to the project (gitignored). */
const WORK = '.tmp/bench';
/** Planwerk's cache folder for a plan (Astro's content store and the rendered texts). */
const planwerkCacheDir = (contentDir: string) => cacheOrdner(PROJECT, contentDir);
/** Content pages: the page of each Maßnahme (/massnahmen/<code>/ or, in Starlight, /massnahmen/<feld>/<code>/). */
const contentPages = (codes: string[]) => {
  const set = new Set(codes.map((c) => c.toLowerCase()));
  return (page: string) => {
    const parts = page.split('/');
    return parts[0] === 'massnahmen' && parts.at(-1) === 'index.html' && set.has(parts.at(-2)!);
  };
};

interface RunRecord {
  groesse: number;
  variante: Messung;
  wiederholung: number;
  wallMs: number;
  peakBytes: number;
  rootPeakBytes: number;
  exitCode: number | null;
  timedOut: boolean;
  /** CPU cores other processes kept busy on average during the build (other work skews the figures). */
  fremdlastKerne: number;
  log: string;
}

function options() {
  const { values } = parseArgs({
    options: {
      groessen: { type: 'string', default: '100,1000,5000' },
      wiederholungen: { type: 'string', default: '3' },
      nur: { type: 'string', default: 'planwerk,starlight,bare' },
      seed: { type: 'string', default: '1' },
      zeitlimit: { type: 'string', default: '60' },
      ausgabe: { type: 'string', default: `${WORK}/ergebnis.json` },
      'ohne-vorschau': { type: 'boolean', default: false },
      'nur-kalt': { type: 'boolean', default: false },
    },
  });
  const nur = values.nur.split(',').map((s) => s.trim()).flatMap((s) => (s === 'bare' ? ['bare-unified', 'bare-standard'] : [s]));
  const unknown = nur.filter((v) => !(VARIANTS as readonly string[]).includes(v));
  if (unknown.length) throw new Error(`Unbekannte Variante(n) ${unknown.join(', ')}; möglich: planwerk, starlight, bare, bare-unified, bare-standard`);
  return {
    groessen: values.groessen.split(',').map(Number),
    wiederholungen: Math.max(1, Number(values.wiederholungen)),
    varianten: VARIANTS.filter((v) => nur.includes(v)),
    seed: Number(values.seed),
    zeitlimitMs: Number(values.zeitlimit) * 60_000,
    ausgabe: resolve(PROJECT, values.ausgabe),
    vorschau: !values['ohne-vorschau'],
    /** Only Planwerk's cold build (for the memory at 5,000): no rebuilds, no PDF. */
    nurKalt: values['nur-kalt'],
  };
}

// ---------------------------------------------------------------------------
// Formatting

const de = (n: number, digits = 0) => n.toLocaleString('de-DE', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const sec = (ms: number) => `${de(ms / 1000, 1)} s`;
const mb = (bytes: number) => `${de(bytes / 1024 ** 2)} MiB`;
const kb = (bytes: number) => `${de(bytes / 1024, 1)} KiB`;
const ratio = (a: number | undefined, b: number | undefined) => (a && b ? de(a / b, 2) : '–');

function table(header: string[], rows: string[][]): string {
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function gitInfo() {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: PROJECT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  try {
    return { commit: git('rev-parse', '--short', 'HEAD'), geaendert: git('status', '--porcelain', '--', 'src', 'astro.config.mjs', 'package.json') !== '' };
  } catch {
    return { commit: 'unbekannt', geaendert: false };
  }
}

/** Warnings and errors from a build log, with timestamps, colours and plan paths removed. */
function warnings(log: string): string[] {
  return readFileSync(log, 'utf8')
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => /\[(WARN|ERROR)\]|^(Hinweis|Warnung|Fehler)\b/.test(line))
    .map((line) => line.replace(/^\d\d:\d\d:\d\d /, '').replace(/\S*\.tmp\/bench\/plan-\d+\/content\/\S*/g, '<Datei>').slice(0, 200));
}

/** Runs `tun` with `datei` changed by `aendern`, and restores the file afterwards. */
async function mitAenderung(datei: string, aendern: (text: string) => string, tun: () => Promise<unknown>): Promise<void> {
  const original = readFileSync(datei, 'utf8');
  const geaendert = aendern(original);
  if (geaendert === original) throw new Error(`Messlauf: ${datei} ließ sich nicht ändern`);
  writeFileSync(datei, geaendert);
  try {
    await tun();
  } finally {
    writeFileSync(datei, original);
  }
}

// ---------------------------------------------------------------------------

async function main() {
  const opt = options();
  const started = Date.now();
  const { commit, geaendert } = gitInfo();
  console.log(`Planwerk-Benchmark: Größen ${opt.groessen.join(', ')}, ${opt.wiederholungen} Wiederholung(en), Varianten ${opt.varianten.join(', ')}; Commit ${commit}${geaendert ? ' (mit nicht eingecheckten Änderungen)' : ''}`);

  const comparisons = opt.varianten.some((v) => v !== 'planwerk') ? setupComparisons() : undefined;
  const records: RunRecord[] = [];
  const seiten: Record<number, Partial<Record<Variant, SiteMetrics>>> = {};
  const warnungen = new Map<string, number>();
  let failed = false;

  const measure = async (groesse: number, variante: RunRecord['variante'], wiederholung: number, command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) => {
    const log = join(PROJECT, WORK, 'logs', `${groesse}-${variante}-${wiederholung}.log`);
    const run: MeasuredRun = await runMeasured(command, args, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env }, logFile: log, timeoutMs: opt.zeitlimitMs });
    const record: RunRecord = { groesse, variante, wiederholung, wallMs: run.wallMs, peakBytes: run.peakBytes, rootPeakBytes: run.rootPeakBytes, exitCode: run.exitCode, timedOut: run.timedOut, fremdlastKerne: run.otherCores, log };
    records.push(record);
    const ok = run.exitCode === 0;
    console.log(`  [${groesse}] ${LABELS[variante]} ${wiederholung}/${opt.wiederholungen}: ${sec(run.wallMs)}, Spitze ${mb(run.peakBytes)}, Fremdlast ${de(run.otherCores, 2)} Kerne${ok ? '' : run.timedOut ? ' – ABGEBROCHEN (Zeitlimit)' : ` – FEHLER (Exit ${run.exitCode}), Log: ${log}`}`);
    if (!ok) {
      failed = true;
      console.log(run.tail.split('\n').slice(-15).map((l) => `      ${l}`).join('\n'));
    }
    return ok;
  };
  const collectWarnings = () => {
    for (const w of warnings(records.at(-1)!.log)) warnungen.set(w, (warnungen.get(w) ?? 0) + 1);
  };

  for (const groesse of opt.groessen) {
    const planRoot = join(PROJECT, WORK, `plan-${groesse}`);
    const plan = generatePlan(planRoot, { massnahmen: groesse, seed: opt.seed });
    console.log(`\n${groesse} Maßnahmen: ${plan.counts.schulen} Schulen, ${plan.counts.akteure} Akteure, ${plan.counts.handlungsfelder} Handlungsfelder (${plan.contentDir})`);
    if (comparisons) writeComparisonContent(plan.contentDir, comparisons);
    seiten[groesse] = {};
    const outDirRel = `${WORK}/dist/planwerk-${groesse}`;
    const isContentPage = contentPages(plan.massnahmen.map((m) => m.id));
    const warmFile = join(plan.contentDir, plan.massnahmen[Math.floor(plan.massnahmen.length / 2)]!.file);

    for (let rep = 1; rep <= opt.wiederholungen; rep += 1) {
      for (const variante of opt.varianten) {
        if (variante === 'planwerk') {
          // The website alone, as the other variants build it; the council's PDF is measured on its own below.
          const env = { PLANWERK_CONTENT: `${WORK}/plan-${groesse}/content`, PLANWERK_PDF: '0' };
          const args = ['run', 'build', '--', '--outDir', outDirRel];
          const cacheDir = planwerkCacheDir(plan.contentDir);
          clearForColdBuild([cacheDir, join(PROJECT, outDirRel)]);
          if (!(await measure(groesse, 'planwerk', rep, 'npm', args, PROJECT, env))) continue;
          if (!existsSync(cacheDir)) console.log(`  Achtung: kein Cache-Ordner ${cacheDir} nach dem Bauen – hat Planwerk den Ort geändert? Dann war „kalt“ vielleicht nicht kalt.`);
          seiten[groesse].planwerk ??= measureSite(join(PROJECT, outDirRel), isContentPage);
          collectWarnings();
          if (opt.nurKalt) continue;
          // Warm rebuilds with the cache of the build before: one Maßnahme's text changes (only its
          // page is rendered again), then a plan-wide input (plan.yaml: every page shows its title).
          await mitAenderung(warmFile, (text) => `${text}\nErgänzung aus Messlauf ${rep}: Dieser Absatz wurde für das erneute Bauen geändert.\n`, async () => {
            await measure(groesse, 'planwerk-warm', rep, 'npm', args, PROJECT, env);
            collectWarnings();
          });
          await mitAenderung(join(plan.contentDir, 'plan.yaml'), (text) => text.replace(/^titel: (.*)$/m, `titel: $1 (Messlauf ${rep})`), () => measure(groesse, 'planwerk-planyaml', rep, 'npm', args, PROJECT, env));
          // The Druckfassung printed to PDF from the build just made (Chromium; skipped without it).
          await measure(groesse, 'planwerk-pdf', rep, 'npm', ['run', 'pdf', '--', '--outDir', outDirRel, '--ohne-cache'], PROJECT, { PLANWERK_CONTENT: env.PLANWERK_CONTENT });
        } else {
          const build = comparisons!.builds.find((b) => b.name === variante) as ComparisonBuild;
          clearForColdBuild(build.coldDirs);
          if (await measure(groesse, variante, rep, 'npm', build.npmArgs, build.cwd, {})) {
            seiten[groesse][variante] ??= measureSite(build.outDir, isContentPage);
          }
        }
      }
    }
  }

  // The live preview: save → changed text visible in Chromium, on the sample plan and on each size.
  const vorschau: { plan: string; ergebnis: VorschauErgebnis }[] = [];
  if (opt.vorschau && opt.varianten.includes('planwerk')) {
    for (const [plan, inhalt] of [['Beispielplan (content/)', join(PROJECT, 'content')], ...opt.groessen.map((g) => [`${de(g)} Maßnahmen`, join(PROJECT, WORK, `plan-${g}`, 'content')])] as const) {
      const ergebnis = await messeVorschau(inhalt, { wiederholungen: 3 });
      vorschau.push({ plan, ergebnis });
      console.log(`  Live-Vorschau ${plan}: ${ergebnis.messungen.map((m) => `${m.aenderung.split(' ')[0]} ${sec(m.ms)}`).join(', ')}`);
    }
  }

  // Medians and ratios
  const ok = (r: RunRecord) => r.exitCode === 0;
  const med = (groesse: number, variante: RunRecord['variante'], key: 'wallMs' | 'peakBytes' | 'fremdlastKerne') => {
    const values = records.filter((r) => r.groesse === groesse && r.variante === variante && ok(r)).map((r) => r[key]);
    return values.length ? median(values) : undefined;
  };
  const zusammenfassung: Record<number, Record<string, { wallMs?: number; peakBytes?: number; fremdlastKerne?: number; laeufe: number }>> = {};
  let out = '';
  for (const groesse of opt.groessen) {
    zusammenfassung[groesse] = {};
    const rows: string[][] = [];
    const shown: RunRecord['variante'][] = opt.varianten.flatMap((v) => (v === 'planwerk' ? (opt.nurKalt ? ['planwerk'] as const : ['planwerk', 'planwerk-warm', 'planwerk-planyaml', 'planwerk-pdf'] as const) : [v]));
    for (const v of shown) {
      const wall = med(groesse, v, 'wallMs');
      const peak = med(groesse, v, 'peakBytes');
      const fremd = med(groesse, v, 'fremdlastKerne');
      zusammenfassung[groesse][v] = { wallMs: wall, peakBytes: peak, fremdlastKerne: fremd, laeufe: records.filter((r) => r.groesse === groesse && r.variante === v && ok(r)).length };
      const site = v === 'planwerk-warm' || v === 'planwerk-planyaml' || v === 'planwerk-pdf' ? undefined : seiten[groesse]?.[v];
      rows.push([
        LABELS[v],
        wall === undefined ? 'Fehler' : sec(wall),
        peak === undefined ? '–' : mb(peak),
        fremd === undefined ? '–' : de(fremd, 2),
        site ? `${de(site.distBytes / 1024 ** 2, 1)} MiB` : '',
        site ? de(site.htmlPages) : '',
        site ? kb(site.medianPageBytes) : '',
        site ? kb(site.medianJsBytes) : '',
        site ? `${kb(site.largestHtml.bytes)} (${site.largestHtml.page})` : '',
      ]);
    }
    out += `\n### ${de(groesse)} Maßnahmen\n\n`;
    out += table(['Variante', 'Bauzeit (Median)', 'Spitzenspeicher (Median)', 'Fremdlast (Kerne)', 'dist', 'HTML-Seiten', 'Seitengewicht (Median, gzip)', 'JS je Inhaltsseite (gzip)', 'größte HTML-Seite'], rows);
    const pw = (k: 'wallMs' | 'peakBytes') => med(groesse, 'planwerk', k);
    const ratios: string[][] = [];
    if (opt.varianten.includes('starlight')) ratios.push(['Bauzeit Planwerk / Starlight', ratio(pw('wallMs'), med(groesse, 'starlight', 'wallMs')), '≤ 0,60 (bei 1.000)']);
    if (opt.varianten.includes('planwerk') && !opt.nurKalt) {
      ratios.push(['Bauzeit erneut nach einer Maßnahme / kalt (Planwerk)', ratio(med(groesse, 'planwerk-warm', 'wallMs'), pw('wallMs')), '≤ 0,25 (bei 1.000)']);
      ratios.push(['Bauzeit erneut nach plan.yaml / kalt (Planwerk)', ratio(med(groesse, 'planwerk-planyaml', 'wallMs'), pw('wallMs')), '']);
      const pdf = med(groesse, 'planwerk-pdf', 'wallMs');
      const pdfSpitze = med(groesse, 'planwerk-pdf', 'peakBytes');
      if (pdf && pdfSpitze) ratios.push(['PDF der Druckfassung: Zeit, Spitzenspeicher', `${sec(pdf)}, ${de(pdfSpitze / 1024 ** 3, 2)} GiB`, '≤ 60 s, ≤ 2 GiB (bei 1.000)']);
    }
    if (opt.varianten.includes('bare-unified')) ratios.push(['Spitzenspeicher Planwerk / Astro pur (unified)', ratio(pw('peakBytes'), med(groesse, 'bare-unified', 'peakBytes')), '≤ 1,30']);
    if (opt.varianten.includes('bare-standard')) ratios.push(['Spitzenspeicher Planwerk / Astro pur (Standard)', ratio(pw('peakBytes'), med(groesse, 'bare-standard', 'peakBytes')), '≤ 1,30']);
    if (opt.varianten.includes('starlight')) ratios.push(['Spitzenspeicher Planwerk / Starlight', ratio(pw('peakBytes'), med(groesse, 'starlight', 'peakBytes')), '']);
    const planwerkPeak = pw('peakBytes');
    const largest = seiten[groesse]?.planwerk?.largestHtml.bytes;
    if (planwerkPeak) ratios.push(['Spitzenspeicher Planwerk in GB (10⁹ Byte)', de(planwerkPeak / 1e9, 2), '< 2,5 (bei 5.000)']);
    if (largest) ratios.push(['größte HTML-Seite von Planwerk in MB (10⁶ Byte)', de(largest / 1e6, 2), '< 1 (bei 5.000)']);
    if (ratios.length) out += '\n\n' + table(['Verhältnis', 'Wert', 'Ziel'], ratios);
    out += '\n';
  }
  for (const v of vorschau) out += `\n${vorschauTabelle(v.ergebnis, v.plan)}\n`;
  const dauer = Date.now() - started;
  console.log(`\n## Ergebnis (Commit ${commit}${geaendert ? ', mit Änderungen' : ''}, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} Kerne)\n${out}`);
  if (warnungen.size) {
    console.log('Warnungen und Fehler im Build-Log von Planwerk (Häufigkeit über alle Läufe):');
    for (const [w, n] of [...warnungen].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${n}× ${w}`);
  }
  console.log(`\nGesamtdauer ${de(dauer / 60_000, 1)} min; Rohdaten: ${opt.ausgabe}`);

  mkdirSync(dirname(opt.ausgabe), { recursive: true });
  writeFileSync(
    opt.ausgabe,
    JSON.stringify(
      {
        datum: new Date().toISOString(),
        commit,
        geaendert,
        maschine: { kerne: cpus().length, prozessor: cpus()[0]?.model, speicherBytes: totalmem(), node: process.version },
        parameter: { ...opt, ausgabe: undefined },
        dauerMs: dauer,
        zusammenfassung,
        seiten,
        vorschau,
        laeufe: records,
        warnungen: Object.fromEntries(warnungen),
      },
      null,
      2,
    ) + '\n',
  );
  if (failed) process.exitCode = 1;
}

await main();
