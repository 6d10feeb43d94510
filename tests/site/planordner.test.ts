/**
 * Plans from other folders: a content folder given by absolute path builds; two plan
 * folders side by side never share cached entries (A, then B, then A again gives the
 * same bytes); each plan's canonical addresses, sitemap and edit links are its own.
 * A rebuild with the cache kept renders only changed texts and never shows an old figure.
 * The second plan also has a video in Deutscher Gebärdensprache from its own media folder.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { FIXTURE, PROJECT } from '../helpers/fixture.ts';
import { cacheOrdner } from '../../src/plan/aktuell.ts';
import { SICHERHEITS_HEADER } from '../../src/ausgabe/sicherheit.ts';
import { browserVerfuegbar, imBrowser } from '../helpers/browser.ts';

mkdirSync(join(PROJECT, '.tmp'), { recursive: true });
// A one-page PDF standing for a council's adopted document.
const beschlossen = await (async () => {
  const { PDFDocument } = await import('@cantoo/pdf-lib');
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Medienentwicklungsplan 2023, beschlossene Fassung');
  return Buffer.from(await doc.save());
})();
const parent = mkdtempSync(join(PROJECT, '.tmp', 'plaene-'));
// The plans and their cache folders (one per content folder) go after the run.
afterAll(() => [parent, ...['a', 'b', 'c'].map((p) => cacheOrdner(PROJECT, join(parent, p)))].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** `npm run build` of a plan folder; `pdf: false` without the PDF (PLANWERK_PDF=0). */
function bauen(inhalt: string, outDir: string, { pdf = true } = {}) {
  const result = spawnSync(process.execPath, ['src/cli/bauen.ts', '--outDir', outDir], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...process.env, PLANWERK_CONTENT: inhalt, ...(pdf ? {} : { PLANWERK_PDF: '0' }) },
  });
  expect(result.status, result.stdout + result.stderr).toBe(0);
  return result.stdout + result.stderr;
}

/** Every file below `dir` with its bytes. */
function dateien(dir: string, prefix = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) for (const [k, v] of dateien(full, `${prefix}${name}/`)) out.set(k, v);
    else out.set(`${prefix}${name}`, readFileSync(full));
  }
  return out;
}

describe('Pläne aus anderen Ordnern', () => {
  // Two content folders directly side by side, the second with its own address and repository.
  const a = join(parent, 'a');
  const b = join(parent, 'b');
  cpSync(join(FIXTURE, 'content'), a, { recursive: true });
  cpSync(join(FIXTURE, 'content'), b, { recursive: true });
  const planB = join(b, 'plan.yaml');
  const text = readFileSync(planB, 'utf8');
  const neu = text
    .replace('https://mep.teststadt.example', 'https://mep.zweitstadt.example')
    .replaceAll('https://git.teststadt.example/mep', 'https://code.zweitstadt.example/plan')
    .replace('kommune: Stadt Teststadt', 'kommune: Zweitstadt');
  expect(neu).not.toBe(text);
  // B also has an explanation in Deutscher Gebärdensprache, from its own media folder.
  cpSync(join(PROJECT, 'tests', 'fixtures', 'medien'), join(b, 'medien'), { recursive: true, filter: (quelle) => !quelle.endsWith('.md') });
  writeFileSync(planB, `${neu}\ngebaerdensprache:\n  video: medien/dgs-probe.webm\n  untertitel: medien/dgs-probe.vtt\n  dauer: "0:01"\n`);
  // … and the document the council adopted for an earlier Fassung, kept unchanged.
  writeFileSync(join(b, 'medien', 'mep-2023.pdf'), beschlossen);
  writeFileSync(join(b, 'fassungen.yaml'), '- id: fassung-2023\n  name: Erstfassung 2023\n  nummer: 0\n  beschlossen: 2023-03-01\n  pdf: medien/mep-2023.pdf\n');

  it('baut A (absoluter Pfad), B (relativer Pfad) und A noch einmal byte-gleich', () => {
    bauen(a, join(parent, 'dist-a1'));
    bauen(relative(PROJECT, b), join(parent, 'dist-b'));
    bauen(a, join(parent, 'dist-a2'));
    const erst = dateien(join(parent, 'dist-a1'));
    const dann = dateien(join(parent, 'dist-a2'));
    expect([...dann.keys()]).toEqual([...erst.keys()]);
    expect(erst.has('massnahmen/i-01/index.html')).toBe(true);
    for (const [name, bytes] of erst) expect(dann.get(name)?.equals(bytes), name).toBe(true);
  });

  it('gibt B seine eigenen kanonischen Adressen, seine Sitemap und seine Bearbeiten-Links', () => {
    const seite = parse(readFileSync(join(parent, 'dist-b', 'massnahmen', 'i-01', 'index.html'), 'utf8'));
    expect(seite.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://mep.zweitstadt.example/massnahmen/i-01/');
    expect(seite.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe('https://mep.zweitstadt.example/massnahmen/i-01/');
    // The edit link names the file as the repository knows it, from the repository's root.
    const pfad = relative(PROJECT, join(b, 'massnahmen', 'i-01.mdx'));
    expect(seite.querySelector('.footer-links a[rel="nofollow"]')?.getAttribute('href')).toBe(`https://code.zweitstadt.example/plan/edit/main/${pfad}`);
    const sitemap = readFileSync(join(parent, 'dist-b', 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://mep.zweitstadt.example/massnahmen/i-01/</loc>');
    expect(sitemap).not.toContain('teststadt');
    const a1 = parse(readFileSync(join(parent, 'dist-a1', 'massnahmen', 'i-01', 'index.html'), 'utf8'));
    expect(a1.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://mep.teststadt.example/massnahmen/i-01/');
  });
});

describe('Erklärung in Deutscher Gebärdensprache', () => {
  const start = (dist: string) => parse(readFileSync(join(parent, dist, 'index.html'), 'utf8'));

  it('spielt das Video des Plans auf der Startseite mit dem Player des Browsers und deutschen Untertiteln', () => {
    const abschnitt = start('dist-b').querySelector('section.gebaerdensprache');
    expect(abschnitt?.querySelector('h2')?.text.trim()).toBe('Der Plan in Deutscher Gebärdensprache');
    const video = abschnitt!.querySelector('video')!;
    expect(video.hasAttribute('controls')).toBe(true);
    expect(video.getAttribute('preload')).toBe('none');
    expect(video.querySelector('source')?.attributes).toMatchObject({ src: '/medien/dgs-probe.webm', type: 'video/webm' });
    expect(video.querySelector('track')?.attributes).toMatchObject({ kind: 'captions', srclang: 'de', src: '/medien/dgs-probe.vtt' });
    expect(abschnitt!.text).toContain('0:01 Minuten');
    // Nothing from another origin: no iframe, no embed, no script of a player.
    expect(abschnitt!.querySelectorAll('iframe, embed, object, script')).toHaveLength(0);
  });

  it('veröffentlicht die Dateien des Medienordners unverändert, und ein Plan ohne Video zeigt keinen leeren Platz', () => {
    for (const datei of ['dgs-probe.webm', 'dgs-probe.vtt']) {
      expect(readFileSync(join(parent, 'dist-b', 'medien', datei)).equals(readFileSync(join(parent, 'b', 'medien', datei))), datei).toBe(true);
    }
    expect(start('dist-a1').querySelector('.gebaerdensprache, video')).toBeNull();
  });

  it('veröffentlicht das beschlossene PDF einer früheren Fassung unverändert und verlinkt es', () => {
    expect(readFileSync(join(parent, 'dist-b', 'medien', 'mep-2023.pdf')).equals(beschlossen)).toBe(true);
    const aenderungen = parse(readFileSync(join(parent, 'dist-b', 'aenderungen', 'index.html'), 'utf8'));
    expect(aenderungen.querySelector('[data-fassung="fassung-2023"] [data-pdf] a')?.getAttribute('href')).toBe('/medien/mep-2023.pdf');
    const druck = parse(readFileSync(join(parent, 'dist-b', 'druckfassung', 'index.html'), 'utf8'));
    expect(druck.querySelector('a[href="/medien/mep-2023.pdf"]')?.text).toContain('Erstfassung 2023');
  });

  const sitzung = imBrowser();
  it.skipIf(!browserVerfuegbar())('spielt das Video im Browser ab und zeigt seine Untertitel, ohne Verstoß gegen die Sicherheitsregeln (CSP)', async () => {
    const context = await sitzung.browser.newContext();
    // B's built files, served from one origin with the site's security headers.
    const typen: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml', '.webm': 'video/webm', '.vtt': 'text/vtt' };
    await context.route('http://zweitstadt.test/**', async (route) => {
      const pfad = decodeURIComponent(new URL(route.request().url()).pathname);
      const datei = join(parent, 'dist-b', pfad.endsWith('/') ? `${pfad}index.html` : pfad);
      if (!existsSync(datei)) return route.fulfill({ status: 404 });
      await route.fulfill({ body: readFileSync(datei), headers: { 'content-type': typen[extname(datei)] ?? 'application/octet-stream', ...SICHERHEITS_HEADER } });
    });
    const page = await context.newPage();
    const verstoesse: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') verstoesse.push(m.text());
    });
    await page.goto('http://zweitstadt.test/');
    const video = await page.evaluate(async () => {
      const v = document.querySelector('video')!;
      v.muted = true;
      await v.play();
      await new Promise((r) => setTimeout(r, 300));
      return { dauer: v.duration, bereit: v.readyState, untertitel: v.textTracks[0]?.mode, zeilen: v.textTracks[0]?.cues?.length };
    });
    expect(video.dauer).toBeGreaterThan(0);
    expect(video.bereit).toBeGreaterThanOrEqual(2);
    expect(video).toMatchObject({ untertitel: 'showing', zeilen: 1 });
    expect(verstoesse).toEqual([]);
    await context.close();
  });
});

// These three builds look at the rendered texts only: without the PDF (its cache has pdfcache.test.ts).
describe('Zwischenspeicher der gerenderten Texte', () => {
  const c = join(parent, 'c');
  cpSync(join(FIXTURE, 'content'), c, { recursive: true });
  const vorwort = () => parse(readFileSync(join(parent, 'dist-c', 'kapitel', 'vorwort', 'index.html'), 'utf8'));
  const schulen = () => vorwort().querySelector('data[data-kennzahl="schulen"]')?.text;

  it('rendert beim zweiten Bau nur den geänderten Text neu', () => {
    const erst = bauen(c, join(parent, 'dist-c'), { pdf: false });
    expect(erst).toMatch(/\((\d+) Texte, davon \1 neu gerendert\)/);
    writeFileSync(join(c, 'massnahmen', 'i-01.mdx'), `${readFileSync(join(c, 'massnahmen', 'i-01.mdx'), 'utf8')}\nEin neuer Absatz.\n`);
    const dann = bauen(c, join(parent, 'dist-c'), { pdf: false });
    expect(dann).toMatch(/\(\d+ Texte, davon 1 neu gerendert\)/);
    expect(readFileSync(join(parent, 'dist-c', 'massnahmen', 'i-01', 'index.html'), 'utf8')).toContain('Ein neuer Absatz.');
  });

  it('setzt nach einer geänderten CSV-Datei die neue Zahl in den unveränderten Text', () => {
    const vorher = Number(schulen());
    const csv = join(c, 'daten', 'schulen.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace(/^gs-b;.*\n/m, ''));
    const log = bauen(c, join(parent, 'dist-c'), { pdf: false });
    expect(log).toMatch(/davon 0 neu gerendert/);
    expect(Number(schulen())).toBe(vorher - 1);
  });
});
