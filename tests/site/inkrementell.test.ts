/**
 * Incremental builds (src/ausgabe/seitenschluessel.ts): after each kind of change, a build that
 * takes unchanged pages from the last build must give the same bytes as a cold build of the same
 * plan, in every file of the site. A wrong key would leave a stale page and show up here.
 *
 * The test works on its own project: a copy of src/ (so that a template file can change without
 * touching the repository's), the three-line astro.config.mjs and a copy of the sample plan under
 * git, with commits of fixed dates (pages show when their file last changed). The cold build of each
 * state runs in a second copy of that project (files and git history, no cache), at the same time
 * as the incremental build: the two builds are independent, and on a 2-core machine one of them
 * would otherwise leave a core idle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { join, relative } from 'node:path';
import { PROJECT } from '../helpers/fixture.ts';

let projekt: string;
/** The second copy of the test project, without cache, for the cold builds (made anew for each). */
let kaltProjekt: string;
let nummer = 0;
/** The last build, to see that each change shows on the site. */
let vorher: Bau;

interface Bau {
  dist: string;
  seiten: number;
  uebernommen: number;
}

const execFileAsync = promisify(execFile);

/**
 * `npm run build` of a project (the test project unless given) into a fresh folder; the pages and
 * how many were taken from the last build. Asynchronous, so that two builds can run at once.
 */
async function baue(ordner = projekt): Promise<Bau> {
  nummer += 1;
  const dist = join(ordner, 'aus', String(nummer));
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PLANWERK_PDF: '0' };
  delete env.PLANWERK_CONTENT;
  const { stdout: log } = await execFileAsync(process.execPath, [join(ordner, 'src/cli/bauen.ts'), '--outDir', dist], { cwd: ordner, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const zeile = /(\d+) Seiten gebaut in [\d,]+ s(?:, davon (\d+) unverändert)?/.exec(log);
  if (!zeile) throw new Error(`Keine Zusammenfassung im Protokoll:\n${log}`);
  return { dist, seiten: Number(zeile[1]), uebernommen: Number(zeile[2] ?? 0) };
}

/** The files of the test project a build reads: its sources, the plan, the git history and the configuration. */
const PROJEKTDATEIEN = ['src', 'content', '.git', 'astro.config.mjs', 'package.json'];

/**
 * A cold build of the same plan: the test project as it is now (every file a build reads, and its
 * git history) copied into a second project that has no cache folder, and built there.
 */
function baueKalt(): Promise<Bau> {
  rmSync(kaltProjekt, { recursive: true, force: true });
  mkdirSync(kaltProjekt, { recursive: true });
  for (const name of PROJEKTDATEIEN) cpSync(join(projekt, name), join(kaltProjekt, name), { recursive: true });
  symlinkSync(join(PROJECT, 'node_modules'), join(kaltProjekt, 'node_modules'));
  return baue(kaltProjekt);
}

/** Every file that differs between two builds (missing on one side, or other bytes). */
function unterschiede(a: string, b: string): string[] {
  const liste = (o: string) => (readdirSync(o, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[]).filter((d) => d.isFile()).map((d) => relative(o, join(d.parentPath, d.name))).sort();
  const inA = liste(a);
  const inB = new Set(liste(b));
  const aus = [...inB].filter((d) => !inA.includes(d)).map((d) => `nur im kalten Bau: ${d}`);
  for (const d of inA) {
    if (!inB.has(d)) aus.push(`nur im inkrementellen Bau: ${d}`);
    else if (!readFileSync(join(a, d)).equals(readFileSync(join(b, d)))) aus.push(`anders: ${d}`);
  }
  return aus;
}

const git = (...args: string[]) => execFileSync('git', args, { cwd: projekt, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, GIT_AUTHOR_NAME: 'Redaktion', GIT_AUTHOR_EMAIL: 'redaktion@example.org', GIT_COMMITTER_NAME: 'Redaktion', GIT_COMMITTER_EMAIL: 'redaktion@example.org' } });
/** Commits everything at a fixed date, as a pull request of the Redaktion would. */
function commit(datum: string) {
  git('add', '-A', 'content');
  execFileSync('git', ['commit', '-q', '-m', `Stand ${datum}`], { cwd: projekt, env: { ...process.env, GIT_AUTHOR_NAME: 'Redaktion', GIT_AUTHOR_EMAIL: 'redaktion@example.org', GIT_COMMITTER_NAME: 'Redaktion', GIT_COMMITTER_EMAIL: 'redaktion@example.org', GIT_AUTHOR_DATE: `${datum}T10:00:00Z`, GIT_COMMITTER_DATE: `${datum}T10:00:00Z` } });
}

function aendere(datei: string, von: string | RegExp, zu: string) {
  const pfad = join(projekt, datei);
  const vorher = readFileSync(pfad, 'utf8');
  const nachher = vorher.replace(von, zu);
  if (nachher === vorher) throw new Error(`Testfehler: „${String(von)}“ nicht in ${datei}`);
  writeFileSync(pfad, nachher);
}

beforeAll(() => {
  mkdirSync(join(PROJECT, '.tmp'), { recursive: true });
  projekt = mkdtempSync(join(PROJECT, '.tmp', 'inkrementell-'));
  kaltProjekt = `${projekt}-kalt`;
  cpSync(join(PROJECT, 'src'), join(projekt, 'src'), { recursive: true });
  cpSync(join(PROJECT, 'content'), join(projekt, 'content'), { recursive: true });
  for (const datei of ['astro.config.mjs', 'package.json']) cpSync(join(PROJECT, datei), join(projekt, datei));
  symlinkSync(join(PROJECT, 'node_modules'), join(projekt, 'node_modules'));
  git('init', '-q');
  commit('2026-01-15');
}, 60_000);

afterAll(() => {
  if (projekt) for (const ordner of [projekt, kaltProjekt]) rmSync(ordner, { recursive: true, force: true });
});

/** Each change is made on top of the ones before; after each, the incremental build must equal a cold one. */
const aenderungen: { was: string; mache: () => void; /** At most this share of the pages is rendered anew. */ hoechstensNeu?: number }[] = [
  { was: 'der Text einer Maßnahme', mache: () => aendere('content/massnahmen/b-04.mdx', /\n$/, '\nDie Ausschreibung wird mit den Schulen abgestimmt.\n'), hoechstensNeu: 0.1 },
  // Pages that show the newest date of a folder or of the whole plan change with it.
  { was: 'das git-Datum einer Datei (neuer Commit)', mache: () => commit('2026-03-02'), hoechstensNeu: 0.5 },
  { was: 'eine neue Maßnahme', mache: () => writeFileSync(join(projekt, 'content/massnahmen/b-05.mdx'), readFileSync(join(projekt, 'content/massnahmen/b-04.mdx'), 'utf8').replace('id: B-04', 'id: B-05').replace(/titel: .*/, 'titel: Ersatz der Netzwerktechnik')) },
  { was: 'der Titel eines verlinkten Eintrags (Handlungsfeld)', mache: () => aendere('content/handlungsfelder/betrieb.mdx', 'titel: Betrieb, Support und Wartung', 'titel: Betrieb und Support') },
  { was: 'der Name eines Akteurs', mache: () => aendere('content/akteure.yaml', 'name: Ministerium für Schule und Bildung des Landes', 'name: Ministerium für Schule und Bildung') },
  { was: 'eine Zelle der Finanzdaten', mache: () => aendere('content/daten/inventar.csv', 'Tablets Sofortausstattungsprogramm (Leihgeräte);3.150;389,00', 'Tablets Sofortausstattungsprogramm (Leihgeräte);3.150;389,10') },
  // The /daten/ page lists external links: a new one in a text and a date of the link check reach it.
  { was: 'ein externer Link im Text einer Maßnahme', mache: () => aendere('content/massnahmen/b-04.mdx', /\n$/, '\nGrundlage ist die [Richtlinie des Landes](https://www.schulministerium.land.example/richtlinie-netze).\n') },
  // Only the pages that show the link's date render anew (here /daten/ alone).
  { was: 'das Linkregister (ein Prüfdatum in links.json)', mache: () => aendere('content/links.json', '{"url":"https://creativecommons.org/licenses/by/4.0/deed.de",', '{"url":"https://creativecommons.org/licenses/by/4.0/deed.de","geprueft":"2026-11-30",'), hoechstensNeu: 0.05 },
  { was: 'plan.yaml', mache: () => aendere('content/plan.yaml', 'stand: 2026-10-15', 'stand: 2026-11-02') },
  { was: 'eine Vorlage (das Seitenlayout)', mache: () => aendere('src/ausgabe/layouts/Base.astro', '<dt>Seite zuletzt geändert</dt>', '<dt>Diese Seite zuletzt geändert</dt>') },
];

describe('Inkrementeller Bau', () => {
  it('übernimmt bei unverändertem Plan jede Seite außer der 404-Seite aus dem letzten Bau, mit denselben Bytes', async () => {
    const erster = await baue();
    const zweiter = await baue();
    expect(zweiter.seiten).toBe(erster.seiten);
    expect(zweiter.uebernommen).toBe(zweiter.seiten - 1);
    expect(unterschiede(zweiter.dist, erster.dist)).toEqual([]);
    vorher = zweiter;
  }, 180_000);

  for (const a of aenderungen) {
    it(`gleicht nach einer Änderung an ${a.was} dem kalten Bau Byte für Byte`, async () => {
      a.mache();
      // Both at once: the incremental build in the test project, the cold one in its copy.
      const [inkrementell, kalt] = await Promise.all([baue(), baueKalt()]);
      expect(kalt.uebernommen).toBe(0);
      expect(unterschiede(inkrementell.dist, kalt.dist)).toEqual([]);
      expect(inkrementell.seiten).toBe(kalt.seiten);
      // A change of one text renders a few pages, not the site.
      if (a.hoechstensNeu) expect(inkrementell.seiten - inkrementell.uebernommen).toBeLessThan(inkrementell.seiten * a.hoechstensNeu);
      // The change shows on the site: otherwise the comparison would prove nothing.
      expect(unterschiede(inkrementell.dist, vorher.dist)).not.toEqual([]);
      vorher = inkrementell;
    }, 180_000);
  }
});
