/**
 * `npm run bench:portal`: what a portal over many plans (`planwerk portal`, issue 28) costs, on
 * generated plan sites. See bench/README.md, section „Portal“.
 *
 *   node bench/portal.ts [--anzahlen 5,20,40] [--massnahmen 150] [--seed 1] [--suchwort Kreisfachtag]
 *                        [--ausgabe .tmp/bench/portal/ergebnis.json] [--ohne-browser] [--nur-plaene]
 *
 * 1. Builds one plan site per shape of bench/generator.ts (erhebungen, finanztabellen, minimal)
 *    with --massnahmen Maßnahmen each, like a Schulträger's CI (reused while the generated files
 *    and Planwerk's src/ are unchanged).
 * 2. For each N of --anzahlen makes N plan sites from these three by copying their dist (hard
 *    links) and rewriting only `daten/planwerk.json` (kommune, titel). The copies therefore share
 *    their search content: plan k has the texts of shape k mod 3, the search index files are the
 *    same bytes, and a query finds the same Maßnahme in every third plan. Sizes per plan and the
 *    portal's work per plan are those of real plans of that size; the hits per query are not.
 * 3. Serves each copy on its own loopback port (tests/helpers/portalplaene.ts serviere), writes
 *    portal.yaml (public address https://plan-<k>.kreis.example/, read from the local server) and
 *    runs `node src/cli/planwerk.ts portal --outDir …` in that folder, measuring wall time and the
 *    peak memory of the process tree (bench/process-tree.ts).
 * 4. Serves the portal and loads /suche/?q=<suchwort> in Chromium (playwright-core, CHROME_PATH
 *    or /usr/bin/chromium) with an empty cache: requests and bytes transferred for one search,
 *    how many of them are Pagefind files, and requests to any other origin (must be 0).
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { stringify } from 'yaml';
import { generatePlan, type Planform } from './generator.ts';
import { runMeasured, type MeasuredRun } from './process-tree.ts';
import { serviere } from '../tests/helpers/portalplaene.ts';
import { PORTALANGABEN_DATEI } from '../src/ausgabe/offenedaten/portalformat.ts';

const PROJECT = resolve(import.meta.dirname, '..');
const WORK = join(PROJECT, '.tmp', 'bench', 'portal');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const MiB = 1024 * 1024;

/** The three template plans: one per shape. */
const VORLAGEN: { form: Planform; kommune: string }[] = [
  { form: 'erhebungen', kommune: 'Stadt Vorlagenhausen' },
  { form: 'finanztabellen', kommune: 'Gemeinde Vorlagendorf' },
  { form: 'minimal', kommune: 'Kreis Vorlagenland' },
];
/** Invented places for the copies' Schulträger. */
const ORTE = ['Ahlbach', 'Birkenfeld', 'Dornhagen', 'Eschenau', 'Falkenried', 'Grünwiesen', 'Hasselbrück', 'Immenstedt', 'Jägersruh', 'Kalkhorst', 'Lindenfels', 'Moosbach', 'Nordhausen am See', 'Oberweiler', 'Pappelheim', 'Quellbach', 'Rosenthal', 'Sandkrug', 'Tannenberg', 'Ulmendorf'];

function options() {
  const { values } = parseArgs({
    options: {
      anzahlen: { type: 'string', default: '5,20,40' },
      massnahmen: { type: 'string', default: '150' },
      seed: { type: 'string', default: '1' },
      suchwort: { type: 'string', default: 'Kreisfachtag' },
      ausgabe: { type: 'string', default: join(WORK, 'ergebnis.json') },
      'ohne-browser': { type: 'boolean', default: false },
      'nur-plaene': { type: 'boolean', default: false },
    },
  });
  return {
    anzahlen: values.anzahlen.split(',').map(Number),
    massnahmen: Number(values.massnahmen),
    seed: Number(values.seed),
    suchwort: values.suchwort,
    ausgabe: resolve(values.ausgabe),
    ohneBrowser: values['ohne-browser'],
    nurPlaene: values['nur-plaene'],
  };
}

/** Every file below a folder, relative and sorted. */
function dateien(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** Bytes of all files below a folder. */
const groesse = (dir: string) => (existsSync(dir) ? dateien(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0) : 0);

/** Hash of the generated content and of Planwerk's src/: an unchanged pair reuses the build. */
function bauHash(contentDir: string): string {
  const h = createHash('sha256').update(readFileSync(join(PROJECT, 'package.json')));
  for (const [name, dir] of [['content', contentDir], ['src', join(PROJECT, 'src')]] as const) {
    for (const f of dateien(dir)) h.update(`${name}/${f}\0`).update(readFileSync(join(dir, f))).update('\0');
  }
  return h.digest('hex');
}

/** A copy of a folder of hard links (the copies are many and large; only planwerk.json changes, and is replaced, never written through). */
export function verlinke(von: string, nach: string) {
  rmSync(nach, { recursive: true, force: true });
  for (const f of dateien(von)) {
    mkdirSync(dirname(join(nach, f)), { recursive: true });
    linkSync(join(von, f), join(nach, f));
  }
}

const sekunden = (ms: number) => `${(ms / 1000).toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
const mib = (bytes: number) => `${(bytes / MiB).toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MiB`;
const kib = (bytes: number) => `${(bytes / 1024).toLocaleString('de-DE', { maximumFractionDigits: 0 })} KiB`;

interface Vorlage {
  form: Planform;
  dist: string;
  bau?: MeasuredRun;
  kreisfachtag?: { id: string; titel: string };
}

/** Step 1: the three template plans, built or reused. */
async function baueVorlagen(opt: ReturnType<typeof options>): Promise<Vorlage[]> {
  const vorlagen: Vorlage[] = [];
  for (const [k, v] of VORLAGEN.entries()) {
    const ordner = join(WORK, 'vorlagen', v.form);
    const plan = generatePlan(ordner, { massnahmen: opt.massnahmen, seed: opt.seed + k, form: v.form, kommune: v.kommune });
    const dist = join(ordner, 'dist');
    const hashDatei = join(ordner, 'dist.hash');
    const hash = bauHash(plan.contentDir);
    let bau: MeasuredRun | undefined;
    if (!existsSync(hashDatei) || readFileSync(hashDatei, 'utf8') !== hash || !existsSync(join(dist, 'index.html'))) {
      rmSync(hashDatei, { force: true });
      bau = await runMeasured(process.execPath, ['src/cli/bauen.ts', '--outDir', dist], {
        cwd: PROJECT,
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PLANWERK_CONTENT: plan.contentDir },
        logFile: join(WORK, 'logs', `vorlage-${v.form}.log`),
        timeoutMs: 30 * 60_000,
      });
      if (bau.exitCode !== 0) throw new Error(`Bau der Vorlage „${v.form}“ fehlgeschlagen:\n${bau.tail}`);
      writeFileSync(hashDatei, hash);
    }
    vorlagen.push({ form: v.form, dist, ...(bau ? { bau } : {}), ...(plan.kreisfachtag ? { kreisfachtag: plan.kreisfachtag } : {}) });
  }
  return vorlagen;
}

/** The Schulträger of copy k: distinct names. */
export function kommuneVon(k: number): string {
  const ort = ORTE[k % ORTE.length]!;
  const runde = Math.floor(k / ORTE.length);
  return `${k % 2 === 0 ? 'Stadt' : 'Gemeinde'} ${ort}${runde > 0 ? ` ${runde + 1}` : ''}`;
}

export interface Kopie {
  name: string;
  form: Planform;
  dist: string;
}

/** Step 2: N copies of the templates (in `ordner/plan-<k>`), each with its own kommune and titel in planwerk.json. */
export function kopiere(vorlagen: Pick<Vorlage, 'form' | 'dist'>[], n: number, ordner = join(WORK, `n-${n}`, 'plaene')): Kopie[] {
  const kopien: Kopie[] = [];
  for (let k = 0; k < n; k += 1) {
    const vorlage = vorlagen[k % vorlagen.length]!;
    const dist = join(ordner, `plan-${k + 1}`);
    verlinke(vorlage.dist, dist);
    const datei = join(dist, PORTALANGABEN_DATEI);
    const angaben = JSON.parse(readFileSync(datei, 'utf8')) as Record<string, unknown>;
    const name = kommuneVon(k);
    rmSync(datei); // a hard link to the template's file: replace it, never write through it
    writeFileSync(datei, JSON.stringify({ ...angaben, kommune: name, titel: `Medienentwicklungsplan ${name}` }));
    kopien.push({ name, form: vorlage.form, dist });
  }
  return kopien;
}

interface Suchmessung {
  anfragen: number;
  bytes: number;
  pagefindAnfragen: number;
  pagefindBytes: number;
  fremdeAnfragen: string[];
  /** The search page alone, without a query (the part of the above that does not depend on the query). */
  seiteOhneSuche: { anfragen: number; bytes: number };
}

/** Loads a page in a fresh context (empty cache) and counts what was transferred. */
async function lade(browser: Browser, url: string, origin: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const anfragen: { url: string; bytes: number }[] = [];
  const offen: Promise<void>[] = [];
  page.on('requestfinished', (req) => {
    offen.push(
      req.sizes().then((s) => {
        anfragen.push({ url: req.url(), bytes: s.responseBodySize + s.responseHeadersSize });
      }),
    );
  });
  page.on('requestfailed', (req) => anfragen.push({ url: req.url(), bytes: 0 }));
  await page.goto(url, { waitUntil: 'networkidle' });
  // the search starts after the page's scripts; give its requests time to finish
  await page.waitForTimeout(1500);
  await page.waitForLoadState('networkidle');
  await Promise.all(offen);
  await context.close();
  const fremd = anfragen.filter((a) => !a.url.startsWith(origin) && !a.url.startsWith('data:') && !a.url.startsWith('blob:')).map((a) => a.url);
  const pagefind = anfragen.filter((a) => new URL(a.url).pathname.includes('/pagefind/'));
  return {
    anfragen: anfragen.length,
    bytes: anfragen.reduce((n, a) => n + a.bytes, 0),
    pagefindAnfragen: pagefind.length,
    pagefindBytes: pagefind.reduce((n, a) => n + a.bytes, 0),
    fremd,
  };
}

async function messeSuche(browser: Browser, portalDist: string, suchwort: string): Promise<Suchmessung> {
  const server = await serviere(portalDist, '/');
  try {
    const origin = new URL(server.adresse).origin;
    const ohne = await lade(browser, `${server.adresse}suche/`, origin);
    const mit = await lade(browser, `${server.adresse}suche/?q=${encodeURIComponent(suchwort)}`, origin);
    return {
      anfragen: mit.anfragen,
      bytes: mit.bytes,
      pagefindAnfragen: mit.pagefindAnfragen,
      pagefindBytes: mit.pagefindBytes,
      fremdeAnfragen: [...new Set([...ohne.fremd, ...mit.fremd])],
      seiteOhneSuche: { anfragen: ohne.anfragen, bytes: ohne.bytes },
    };
  } finally {
    await server.stop();
  }
}

interface Ergebnis {
  n: number;
  bau: Pick<MeasuredRun, 'wallMs' | 'peakBytes' | 'rootPeakBytes' | 'otherCores' | 'exitCode'>;
  ausgabe: string;
  distBytes: number;
  /** Bytes of the copied search indexes (plaene/<id>/pagefind/) within distBytes. */
  suchindexBytes: number;
  suche?: Suchmessung;
}

if (import.meta.main) {
  const opt = options();
  mkdirSync(WORK, { recursive: true });
  console.log(`Portal-Messung: ${availableParallelism()} Kerne, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB Arbeitsspeicher, Vorlagen mit je ${opt.massnahmen} Maßnahmen\n`);

  const vorlagen = await baueVorlagen(opt);
  console.log('| Vorlage | Bau (Wand) | Spitzenspeicher | dist | Suchindex |');
  console.log('|---|---:|---:|---:|---:|');
  for (const v of vorlagen) {
    console.log(`| ${v.form} | ${v.bau ? sekunden(v.bau.wallMs) : 'wiederverwendet'} | ${v.bau ? mib(v.bau.peakBytes) : '–'} | ${mib(groesse(v.dist))} | ${mib(groesse(join(v.dist, 'pagefind')))} |`);
  }
  const ohneAngaben = vorlagen.filter((v) => !existsSync(join(v.dist, PORTALANGABEN_DATEI)));
  if (ohneAngaben.length) {
    console.error(`\nDie Vorlagen ${ohneAngaben.map((v) => `„${v.form}“`).join(', ')} veröffentlichen keine ${PORTALANGABEN_DATEI}: Dieses Planwerk schreibt noch keine Portalangaben. Ohne sie gibt es nichts zu kopieren.`);
    process.exit(1);
  }

  const ergebnisse: Ergebnis[] = [];
  const portalDa = existsSync(join(PROJECT, 'src', 'cli', 'portal.ts'));
  const browser = opt.ohneBrowser || opt.nurPlaene ? undefined : await chromium.launch({ executablePath: CHROME, args: ['--no-sandbox'] });
  try {
    for (const n of opt.anzahlen) {
      const kopien = kopiere(vorlagen, n);
      const server = await Promise.all(kopien.map((k) => serviere(k.dist, '/')));
      try {
        const ordner = join(WORK, `n-${n}`, 'portal');
        const outDir = join(ordner, 'dist');
        mkdirSync(ordner, { recursive: true });
        rmSync(outDir, { recursive: true, force: true });
        const portal = {
          titel: `Medienentwicklung im Kreis Lastprobe (${n} Pläne)`,
          herausgeber: { name: 'Kreis Lastprobe', anschrift: ['Kreishaus', '12345 Lastprobe'], email: 'schule@kreis-lastprobe.example' },
          plaene: kopien.map((k, i) => ({ name: k.name, adresse: `https://plan-${i + 1}.kreis-lastprobe.example/`, quelle: server[i]!.adresse })),
        };
        writeFileSync(join(ordner, 'portal.yaml'), `# Erzeugt von bench/portal.ts: ${n} Kopien der Vorlagen (${VORLAGEN.map((v) => v.form).join(', ')}).\n${stringify(portal, { lineWidth: 0 })}`);
        if (opt.nurPlaene || !portalDa) {
          console.log(`\n${n} Planseiten vorbereitet (${join(WORK, `n-${n}`)}), portal.yaml geschrieben.${portalDa ? '' : ' „planwerk portal“ fehlt in diesem Stand (src/cli/portal.ts); kein Portal gebaut.'}`);
          continue;
        }
        const bau = await runMeasured(process.execPath, [join(PROJECT, 'src', 'cli', 'planwerk.ts'), 'portal', '--outDir', outDir], {
          cwd: ordner,
          env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
          logFile: join(WORK, 'logs', `portal-${n}.log`),
          timeoutMs: 60 * 60_000,
        });
        const letzteZeile = bau.tail.trim().split('\n').at(-1) ?? '';
        if (bau.exitCode !== 0) {
          console.error(`\nPortal mit ${n} Plänen: Bau fehlgeschlagen (Exit-Code ${bau.exitCode}${bau.timedOut ? ', Zeitlimit' : ''}):\n${bau.tail}`);
          process.exitCode = 1;
          continue;
        }
        const plaeneOrdner = join(outDir, 'plaene');
        const suchindexBytes = existsSync(plaeneOrdner) ? readdirSync(plaeneOrdner).reduce((s, id) => s + groesse(join(plaeneOrdner, id, 'pagefind')), 0) : 0;
        const ergebnis: Ergebnis = {
          n,
          bau: { wallMs: bau.wallMs, peakBytes: bau.peakBytes, rootPeakBytes: bau.rootPeakBytes, otherCores: bau.otherCores, exitCode: bau.exitCode },
          ausgabe: letzteZeile,
          distBytes: groesse(outDir),
          suchindexBytes,
        };
        if (browser) ergebnis.suche = await messeSuche(browser, outDir, opt.suchwort);
        ergebnisse.push(ergebnis);
        console.log(`\n${n} Pläne: ${letzteZeile}`);
      } finally {
        await Promise.all(server.map((s) => s.stop()));
      }
    }
  } finally {
    await browser?.close();
  }

  if (ergebnisse.length) {
    console.log(`\n| Pläne | Bau (Wand) | Spitzenspeicher | Fremdlast | dist | davon Suchindizes | Suche „${opt.suchwort}“: Anfragen | übertragen | davon Pagefind | Suchseite ohne Suche | fremde Anfragen |`);
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const e of ergebnisse) {
      const s = e.suche;
      console.log(
        `| ${e.n} | ${sekunden(e.bau.wallMs)} | ${mib(e.bau.peakBytes)} | ${e.bau.otherCores.toFixed(1)} Kerne | ${mib(e.distBytes)} | ${mib(e.suchindexBytes)} | ${s ? s.anfragen : '–'} | ${s ? kib(s.bytes) : '–'} | ${s ? `${s.pagefindAnfragen} / ${kib(s.pagefindBytes)}` : '–'} | ${s ? `${s.seiteOhneSuche.anfragen} / ${kib(s.seiteOhneSuche.bytes)}` : '–'} | ${s ? s.fremdeAnfragen.length : '–'} |`,
      );
    }
    for (const e of ergebnisse) if (e.suche?.fremdeAnfragen.length) console.error(`Fremde Anfragen bei ${e.n} Plänen: ${e.suche.fremdeAnfragen.join(', ')}`);
  }
  mkdirSync(dirname(opt.ausgabe), { recursive: true });
  writeFileSync(
    opt.ausgabe,
    JSON.stringify({ datum: new Date().toISOString(), massnahmen: opt.massnahmen, vorlagen: vorlagen.map((v) => ({ form: v.form, bau: v.bau ?? null, distBytes: groesse(v.dist), suchindexBytes: groesse(join(v.dist, 'pagefind')) })), ergebnisse }, null, 2),
  );
  console.log(`\nRohdaten: ${relative(PROJECT, opt.ausgabe)}`);
}
