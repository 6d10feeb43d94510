/**
 * Where the search index's time goes (src/ausgabe/suche/integration.ts indexiere), on a
 * built site: `node bench/suche.ts <dist> [runden]`. Prints a German Markdown table of the
 * steps, median over the rounds, for
 * - ohne Cache, nacheinander: no cache, one page at a time to Pagefind (as before the cache),
 * - kalt: no cache yet, pages handed to Pagefind while the next is prepared; writes the cache,
 * - warm: the same files again with that cache,
 * - warm, eine Seite geändert: one Maßnahme page gets a new word (so the lexicon changes too).
 * The bundle goes to a folder beside the copy of dist, dist/pagefind stays as it is.
 * Steps inside the second pass overlap with Pagefind's work, so rows do not add up to the total.
 * Then, on pages prepared beforehand (in memory), Pagefind alone: addHTMLFile with the HTML
 * Planwerk hands it, against addCustomRecord with the same text and no HTML (which has no
 * sections: its hits have no anchors and no sub-results) – the share of HTML parsing.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { AUSGESCHLOSSEN, indexiere, mitStichwoertern, nichtIndexiert, SCHRITTE } from '../src/ausgabe/suche/integration.ts';
import { abschnittTexte, seitenWoerter } from '../src/ausgabe/suche/seitentext.ts';
import { lexikon } from '../src/ausgabe/suche/komposita.ts';
import { median } from './site-metrics.ts';

const [distArg, rundenArg] = process.argv.slice(2);
if (!distArg) {
  console.error('Aufruf: node bench/suche.ts <dist> [runden]');
  process.exit(2);
}
const runden = Number(rundenArg ?? 2);
const ort = mkdtempSync(join(tmpdir(), 'planwerk-suche-'));
const dist = join(ort, 'dist');
cpSync(distArg, dist, { recursive: true });

/** A Maßnahme page whose <main> gets a sentence with a word the plan does not use. */
const massnahme = join(dist, 'massnahmen', readdirSync(join(dist, 'massnahmen')).find((n) => existsSync(join(dist, 'massnahmen', n, 'index.html')))!, 'index.html');
const original = readFileSync(massnahme, 'utf8');
const aendere = (runde: number) => writeFileSync(massnahme, original.replace('</main>', `<p>Neu: Tablettausleihstation${runde}x</p></main>`));

const FAELLE = ['ohne Cache, nacheinander', 'kalt', 'warm', 'warm, eine Seite geändert'] as const;
const GESAMT = 'gesamt (Wand)';
const CPU_NODE = 'CPU-Zeit Planwerk (Node)';
const CPU_PAGEFIND = 'CPU-Zeit Pagefind (Dienstprozess)';

/** CPU milliseconds of this process's ended children (Linux: cutime + cstime in /proc/self/stat, 100 ticks a second). */
function cpuDerKinder(): number {
  try {
    const felder = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(felder[13]) + Number(felder[14])) * 10;
  } catch {
    return NaN;
  }
}
const messungen = new Map<string, Map<string, number[]>>(FAELLE.map((f) => [f, new Map()]));
const lasten: number[] = [];

async function lauf(fall: (typeof FAELLE)[number], cacheDir: string | undefined, imFlug?: number) {
  const zeiten: Record<string, number> = {};
  lasten.push(loadavg()[0]!);
  const start = performance.now();
  const [cpu, kinder] = [process.cpuUsage(), cpuDerKinder()];
  await indexiere(dist, () => {}, { cacheDir, zeiten, imFlug, ausgabe: join(ort, 'pagefind') });
  zeiten[GESAMT] = performance.now() - start;
  const c = process.cpuUsage(cpu);
  zeiten[CPU_NODE] = (c.user + c.system) / 1000;
  // the Pagefind service has ended (pagefind.close()); wait until Node has reaped it
  await new Promise((r) => setTimeout(r, 300));
  zeiten[CPU_PAGEFIND] = cpuDerKinder() - kinder;
  for (const [k, v] of Object.entries(zeiten)) {
    const m = messungen.get(fall)!;
    m.set(k, [...(m.get(k) ?? []), v]);
  }
}

for (let r = 0; r < runden; r += 1) {
  writeFileSync(massnahme, original);
  const cacheDir = join(ort, `cache-${r}`);
  await lauf('ohne Cache, nacheinander', undefined, 1);
  await lauf('kalt', cacheDir);
  await lauf('warm', cacheDir);
  aendere(r);
  await lauf('warm, eine Seite geändert', cacheDir);
}
writeFileSync(massnahme, original);

/** All indexed pages of the copy, as paths inside it. */
function seiten(dir = dist): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const pfad = join(dir, e.name);
    if (e.isDirectory()) return e.name === '_astro' || e.name === 'pagefind' ? [] : seiten(pfad);
    const rel = pfad.slice(dist.length + 1);
    return e.name.endsWith('.html') && !nichtIndexiert(rel) ? [rel] : [];
  });
}

/** Seconds Pagefind takes for `add` on every page, one after the other, and for writeFiles. */
async function nurPagefind(add: (index: pagefind.PagefindIndex, i: number) => Promise<{ errors: string[] }>, n: number) {
  const { index } = await pagefind.createIndex({ excludeSelectors: AUSGESCHLOSSEN });
  const start = performance.now();
  for (let i = 0; i < n; i += 1) if ((await add(index!, i)).errors.length) throw new Error('Pagefind');
  const hinzu = (performance.now() - start) / 1000;
  await index!.writeFiles({ outputPath: join(ort, 'pagefind-nur') });
  const gesamt = (performance.now() - start) / 1000;
  await index!.deleteIndex();
  await pagefind.close();
  return { hinzu, schreiben: gesamt - hinzu };
}

const liste = seiten().sort();
const html = liste.map((f) => readFileSync(join(dist, f), 'utf8'));
const lex = lexikon(html.flatMap(seitenWoerter));
const fuerPagefind = html.map((h) => mitStichwoertern(h, lex));
const texte = html.map((h) => abschnittTexte(h).map((a) => a.text).join(' '));
const url = (i: number) => '/' + liste[i]!.replace(/(^|\/)index\.html$/, '$1');
const lastVorher = loadavg()[0]!;
const alsHtml = await nurPagefind((index, i) => index.addHTMLFile({ url: url(i), content: fuerPagefind[i]! }), liste.length);
const alsText = await nurPagefind((index, i) => index.addCustomRecord({ url: url(i), content: texte[i]!, language: 'de' }), liste.length);
rmSync(ort, { recursive: true, force: true });

const s = (ms: number[] | undefined) => (ms ? `${(median(ms) / 1000).toFixed(2)} s` : '–');
console.log(`Suchindex von ${distArg}, Median aus ${runden} Runden; ${availableParallelism()} Kerne, Last (1 min) ${Math.min(...lasten).toFixed(1)}–${Math.max(...lasten).toFixed(1)}\n`);
console.log(`| Schritt | ${FAELLE.join(' | ')} |`);
console.log(`|---|${FAELLE.map(() => '---:').join('|')}|`);
for (const schritt of [...Object.values(SCHRITTE), GESAMT, CPU_NODE, CPU_PAGEFIND]) {
  console.log(`| ${schritt} | ${FAELLE.map((f) => s(messungen.get(f)!.get(schritt))).join(' | ')} |`);
}

const mb = (xs: string[]) => (xs.reduce((a, x) => a + Buffer.byteLength(x), 0) / 1e6).toFixed(1);
console.log(`\nPagefind allein, ${liste.length} vorbereitete Seiten nacheinander (Last ${lastVorher.toFixed(1)}–${loadavg()[0]!.toFixed(1)}):\n`);
console.log('| Eingabe | Umfang | hinzufügen | writeFiles |');
console.log('|---|---:|---:|---:|');
console.log(`| addHTMLFile, HTML wie von Planwerk übergeben | ${mb(fuerPagefind)} MB | ${alsHtml.hinzu.toFixed(2)} s | ${alsHtml.schreiben.toFixed(2)} s |`);
console.log(`| addCustomRecord, nur der Text (ohne Abschnitte und Anker) | ${mb(texte)} MB | ${alsText.hinzu.toFixed(2)} s | ${alsText.schreiben.toFixed(2)} s |`);
