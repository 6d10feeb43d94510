/**
 * The live preview's refresh latency: how long after a file of the plan is saved the changed
 * text is visible in Chromium, with Astro's development server (`npm run dev`, `planwerk vorschau`).
 *
 *   node bench/vorschau.ts --plan content [--wiederholungen 5]
 *   node bench/vorschau.ts --groesse 1000 [--seed 1] [--wiederholungen 5]
 *   (both with [--zeitlimit 30]: seconds after which a change counts as not shown, „nie“)
 *
 * The plan is copied to a temporary folder (the original stays untouched), the dev server
 * starts on a free port with PLANWERK_CONTENT pointing there, and for each kind of change
 * (the text of a Maßnahme, a figure in a CSV file, a new Kennzahl in indikatoren.yaml) the
 * affected page is opened, the file is saved and the time until the new text is in the page
 * is taken. Also measured: the dev server's first start (until the first page answers) and a
 * second one with the rendered texts in the plan's cache, as an editor usually starts it.
 * Prints a German Markdown table with medians and the load of the machine; with
 * PLANWERK_VORSCHAU_PROTOKOLL=1 also the dev server's output (how long each reload of the plan took).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { generatePlan } from './generator.ts';
import { median } from './site-metrics.ts';
import { machineBusyTicks, sampleTreeMemory } from './process-tree.ts';
import { cacheOrdner } from '../src/plan/aktuell.ts';
import { basisDesPlans } from '../src/plan/urls.ts';
import { formatEuro } from '../src/plan/format.ts';

const PROJECT = resolve(import.meta.dirname, '..');
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

/** One measured refresh: which change, on which page, how many milliseconds from saving to the text in the page (Infinity: not within the time limit). */
export interface VorschauMessung {
  aenderung: string;
  seite: string;
  ms: number;
}

export interface VorschauErgebnis {
  /** From starting the dev server until its first page answered (cold cache of the copied plan). */
  startMs: number;
  /** The same for a second start after the measurements, with the texts rendered in the cache (an editor's usual start). */
  zweiterStartMs: number;
  messungen: VorschauMessung[];
  /** The load average (1 min) before the dev server started. */
  lastVorher: number;
  /** CPU cores that processes other than this one, its dev server and its Chromium kept busy on average meanwhile. */
  fremdlastKerne: number;
  /** Peak resident memory of the dev server (with its workers). */
  devServerSpitzeBytes: number;
}


/** A change to a plan folder: the page that shows it and how to make the n-th one; returns the text that must appear. */
interface Aenderung {
  name: string;
  seite: string;
  aendere(n: number): string;
}

async function freierPort(): Promise<number> {
  return new Promise((fertig) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => fertig(port));
    });
  });
}

const zahl = (text: string) => Number(text.replaceAll('.', '').replace(',', '.'));
const deutsch = (n: number) => new Intl.NumberFormat('de-DE').format(n);

/** The text of the first Maßnahme (by file name) gets a new last paragraph. */
function massnahmenText(inhalt: string): Aenderung {
  const datei = readdirSync(join(inhalt, 'massnahmen')).filter((d) => d.endsWith('.mdx')).sort()[0]!;
  const pfad = join(inhalt, 'massnahmen', datei);
  const original = readFileSync(pfad, 'utf8');
  return {
    name: `Text einer Maßnahme (massnahmen/${datei})`,
    seite: `massnahmen/${datei.replace(/\.mdx$/, '').toLowerCase()}/`,
    aendere(n) {
      const text = `Vorschaumessung Nummer ${n} im Text.`;
      writeFileSync(pfad, `${original.trimEnd()}\n\n${text}\n`);
      return text;
    },
  };
}

/** The first amount in laufende-kosten.csv, raised by n euros; the finance page shows it. */
function csvZahl(inhalt: string): Aenderung {
  const pfad = join(inhalt, 'daten', 'laufende-kosten.csv');
  const zeilen = readFileSync(pfad, 'utf8').split('\n');
  const spalte = zeilen[0]!.split(';').indexOf('betrag');
  const felder = zeilen[1]!.split(';');
  const betrag = zahl(felder[spalte]!);
  return {
    name: 'Zahl in einer CSV-Datei (daten/laufende-kosten.csv)',
    seite: 'finanzen/',
    aendere(n) {
      const neu = [...felder];
      neu[spalte] = deutsch(betrag + n);
      writeFileSync(pfad, [zeilen[0], neu.join(';'), ...zeilen.slice(2)].join('\n'));
      return formatEuro((betrag + n) * 100);
    },
  };
}

/** A new indicator with its own reading at the end of indikatoren.yaml; the indicator page lists it. */
function neueKennzahl(inhalt: string): Aenderung {
  const pfad = join(inhalt, 'indikatoren.yaml');
  const original = readFileSync(pfad, 'utf8');
  return {
    name: 'Neue Kennzahl (indikatoren.yaml)',
    seite: 'indikatoren/',
    aendere(n) {
      const titel = `Vorschaukennzahl Nummer ${n}`;
      writeFileSync(pfad, `${original.trimEnd()}\n- id: vorschau-${n}\n  titel: ${titel}\n  einheit: "%"\n  messwerte:\n    - jahr: 2025\n      wert: ${n}\n`);
      return titel;
    },
  };
}

/** Starts `astro dev` for the plan in `inhalt` and waits until `adresse` answers; returns the process and the time it took. */
async function starteDevServer(inhalt: string, adresse: (port: number) => string): Promise<{ kind: ChildProcess; url: string; ms: number; log: () => string }> {
  const port = await freierPort();
  const url = adresse(port);
  const start = performance.now();
  const kind = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: PROJECT,
    // Not a test runner's environment (VITEST, NODE_ENV=test): Astro's dev server would serve no pages and not reload.
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV')), ASTRO_TELEMETRY_DISABLED: '1', PLANWERK_CONTENT: inhalt },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  kind.stdout!.on('data', (c) => (log += String(c)));
  kind.stderr!.on('data', (c) => (log += String(c)));
  for (let i = 0; i < 3000 && kind.exitCode === null; i++) {
    try {
      if ((await fetch(url)).ok) return { kind, url, ms: performance.now() - start, log: () => log };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  kind.kill();
  throw new Error(`Der Dev-Server antwortet nicht auf ${url}\n${log}`);
}

/** Waits until `text` is in the page (across the reload the change causes), polling every 10 ms; false when it did not come within `zeitlimitMs`. */
async function warteAufText(page: Page, text: string, zeitlimitMs: number): Promise<boolean> {
  const ende = performance.now() + zeitlimitMs;
  while (performance.now() < ende) {
    const da = await page.evaluate((t) => document.body?.textContent?.includes(t) ?? false, text).catch(() => false);
    if (da) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}

/** Opens the page of one change, then saves `wiederholungen` changes one after another and times each. */
async function messeAenderung(page: Page, url: string, a: Aenderung, wiederholungen: number, zeitlimitMs: number): Promise<VorschauMessung[]> {
  await page.goto(url + a.seite, { waitUntil: 'load', timeout: 120_000 });
  // Vite's client connects its WebSocket after load; a reload sent before that would be lost.
  await page.waitForFunction(() => document.querySelector('script[src*="@vite/client"]') !== null);
  await new Promise((r) => setTimeout(r, 500));
  const out: VorschauMessung[] = [];
  for (let n = 1; n <= wiederholungen; n++) {
    const start = performance.now();
    const text = a.aendere(n);
    const da = await warteAufText(page, text, zeitlimitMs);
    out.push({ aenderung: a.name, seite: a.seite, ms: da ? performance.now() - start : Infinity });
    // A change that did not show is looked for in a freshly opened page, so the next one starts from it.
    if (!da) await page.goto(url + a.seite, { waitUntil: 'load', timeout: 120_000 });
    await page.waitForLoadState('load');
    await new Promise((r) => setTimeout(r, 500));
  }
  return out;
}

/**
 * Measures the live preview on a copy of the plan folder `inhalt` (a content folder): the
 * dev server's first start and, `wiederholungen` times each, the three kinds of change.
 * A change not visible after `zeitlimitMs` (default 30 s) counts as Infinity.
 * `browser` may be a running Chromium (the main bench's); else one is started.
 */
export async function messeVorschau(inhalt: string, optionen: { wiederholungen?: number; zeitlimitMs?: number; browser?: Browser } = {}): Promise<VorschauErgebnis> {
  const wiederholungen = optionen.wiederholungen ?? 5;
  const zeitlimitMs = optionen.zeitlimitMs ?? 30_000;
  const ordner = mkdtempSync(join(tmpdir(), 'planwerk-vorschau-'));
  const kopie = join(ordner, 'content');
  cpSync(inhalt, kopie, { recursive: true });
  const website = (parse(readFileSync(join(kopie, 'plan.yaml'), 'utf8')) as { website?: string }).website;
  const basis = basisDesPlans(website);
  const lastVorher = loadavg()[0]!;
  const beginn = { ms: performance.now(), maschine: machineBusyTicks(), selbst: process.cpuUsage() };
  const eigene = sampleTreeMemory(process.pid, 200);
  const browser = optionen.browser ?? (await chromium.launch({ executablePath: CHROME, args: ['--no-sandbox'] }));
  const server = await starteDevServer(kopie, (port) => `http://127.0.0.1:${port}${basis}`);
  const devServer = sampleTreeMemory(server.kind.pid!, 200);
  try {
    const page = await browser.newPage();
    const messungen: VorschauMessung[] = [];
    for (const a of [massnahmenText(kopie), csvZahl(kopie), neueKennzahl(kopie)]) messungen.push(...(await messeAenderung(page, server.url, a, wiederholungen, zeitlimitMs)));
    await page.close();
    if (process.env.PLANWERK_VORSCHAU_PROTOKOLL) console.error(server.log());
    const speicher = devServer.stop();
    // This process's own CPU time before the start is not part of the run.
    const vorher = ((beginn.selbst.user + beginn.selbst.system) / 1e6) * 100;
    const fremdTicks = Math.max(0, machineBusyTicks() - beginn.maschine - (eigene.stop().cpuTicks - vorher));
    const fremdlastKerne = fremdTicks / 100 / ((performance.now() - beginn.ms) / 1000);
    server.kind.kill();
    await new Promise((r) => server.kind.once('exit', r));
    const zweiter = await starteDevServer(kopie, (port) => `http://127.0.0.1:${port}${basis}`);
    zweiter.kind.kill();
    return { startMs: server.ms, zweiterStartMs: zweiter.ms, messungen, lastVorher, fremdlastKerne, devServerSpitzeBytes: speicher.peakBytes };
  } finally {
    eigene.stop();
    devServer.stop();
    server.kind.kill();
    if (!optionen.browser) await browser.close();
    rmSync(ordner, { recursive: true, force: true });
    rmSync(cacheOrdner(PROJECT, kopie), { recursive: true, force: true });
  }
}

const s = (ms: number) => (ms === Infinity ? 'nie' : `${(ms / 1000).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} s`);

/** The result as a German Markdown table: medians, fastest and slowest per kind of change. */
export function vorschauTabelle(e: VorschauErgebnis, plan: string): string {
  const arten = [...new Set(e.messungen.map((m) => m.aenderung))];
  const zeilen = arten.map((art) => {
    const ms = e.messungen.filter((m) => m.aenderung === art).map((m) => m.ms);
    return `| ${art} | /${e.messungen.find((m) => m.aenderung === art)!.seite} | ${ms.length} | ${s(median(ms))} | ${s(Math.min(...ms))} | ${s(Math.max(...ms))} |`;
  });
  return [
    `Live-Vorschau (astro dev), Plan: ${plan}`,
    '',
    '| Änderung | Seite | Messungen | Median | schnellste | langsamste |',
    '|---|---|---|---|---|---|',
    ...zeilen,
    `| Erster Start des Dev-Servers, Texte noch nicht im Zwischenspeicher (bis die erste Seite antwortet) | / | 1 | ${s(e.startMs)} | | |`,
    `| Zweiter Start des Dev-Servers, Texte im Zwischenspeicher | / | 1 | ${s(e.zweiterStartMs)} | | |`,
    '',
    '„nie“: nicht innerhalb des Zeitlimits sichtbar.',
    `Spitzenspeicher des Dev-Servers: ${Math.round(e.devServerSpitzeBytes / 2 ** 20).toLocaleString('de-DE')} MiB.`,
    `Fremdlast: im Mittel ${e.fremdlastKerne.toFixed(1).replace('.', ',')} Kerne von anderen Prozessen belegt (ohne Messlauf, Dev-Server und Chromium); Last (1 min) vor dem Start ${e.lastVorher.toFixed(2).replace('.', ',')}.`,
  ].join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { plan: { type: 'string' }, groesse: { type: 'string' }, seed: { type: 'string', default: '1' }, wiederholungen: { type: 'string', default: '5' }, zeitlimit: { type: 'string', default: '30' } } });
  let inhalt: string;
  let name: string;
  if (values.groesse) {
    const ziel = join(PROJECT, '.tmp', 'bench', `vorschau-${values.groesse}-${values.seed}`);
    if (!existsSync(join(ziel, 'content'))) generatePlan(ziel, { massnahmen: Number(values.groesse), seed: Number(values.seed) });
    inhalt = join(ziel, 'content');
    name = `generiert, ${values.groesse} Maßnahmen`;
  } else {
    inhalt = resolve(values.plan ?? 'content');
    name = values.plan ?? 'content';
  }
  const ergebnis = await messeVorschau(inhalt, { wiederholungen: Number(values.wiederholungen), zeitlimitMs: Number(values.zeitlimit) * 1000 });
  console.log(vorschauTabelle(ergebnis, name));
}
