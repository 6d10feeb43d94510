/** The real build stops on bad content and prints every problem with file and field. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { append, copyFixture, edit, PROJECT, write } from '../helpers/fixture.ts';
import { leseRegister, REGISTER_DATEI, sammleAnker, schreibeRegister } from '../../src/ausgabe/anker.ts';
import { cacheOrdner } from '../../src/plan/aktuell.ts';

const copies: string[] = [];
// Each copy's plan and its cache folder (one per content folder) go after the run.
afterAll(() => copies.flatMap((dir) => [dir, cacheOrdner(PROJECT, join(dir, 'content'))]).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * `npm run build` of a copied plan. Without the PDF (PLANWERK_PDF=0) unless `env` asks for it: these
 * tests look at the pages and the log, and printing each copy would only cost time
 * (the PDF is checked in pdf.test.ts, pdfcache.test.ts and monatsdaten.test.ts).
 */
function build(contentDir: string, outDir = 'dist', env: Record<string, string> = {}) {
  return spawnSync(process.execPath, ['src/cli/bauen.ts', '--outDir', `${contentDir}/../${outDir}`], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...process.env, PLANWERK_CONTENT: contentDir, ASTRO_TELEMETRY_DISABLED: '1', PLANWERK_PDF: '0', ...env },
  });
}

/**
 * A project in `root` (a copied fixture) whose astro.config.mjs is this project's with one more
 * integration, given as JavaScript source of an object named `weitere`; `npm run build` in it.
 */
function mitIntegration(root: string, weitere: string) {
  writeFileSync(
    join(root, 'astro.config.mjs'),
    `import basis from '../../astro.config.mjs';\nconst weitere = ${weitere};\nexport default { ...basis, srcDir: '../../src', publicDir: '../../public', integrations: [...basis.integrations, weitere] };\n`,
  );
  return (env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(PROJECT, 'src/cli/bauen.ts')], { cwd: root, encoding: 'utf8', env: { ...process.env, PLANWERK_CONTENT: '', PLANWERK_PDF: '0', ...env } });
}

/** Every file of a folder with the hash of its bytes: two equal maps are the same site. */
function abbild(ordner: string): Map<string, string> {
  const dateien = readdirSync(ordner, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  return new Map(dateien.map((d) => [relative(ordner, join(d.parentPath, d.name)), createHash('sha256').update(readFileSync(join(d.parentPath, d.name))).digest('hex')]));
}

/** `npm run anker` for a copied plan. */
function anker(contentDir: string, ...args: string[]) {
  return spawnSync(process.execPath, ['src/cli/anker.ts', ...args], { cwd: PROJECT, encoding: 'utf8', env: { ...process.env, PLANWERK_CONTENT: contentDir } });
}

/** Only the German list: no framework wrapper, no English error text, no stack trace. */
function nurDeutsch(output: string) {
  expect(output).not.toMatch(/^\s+at /m);
  expect(output).not.toMatch(/unhandled|Error:|hook/i);
  expect(output).not.toMatch(/\b(Expected|Unexpected)\b/);
}

describe('Build mit fehlerhaften Inhalten', () => {
  it('bricht ab und nennt alle Fehler mit Datei, Feld, Erwartung und Fund', () => {
    const root = copyFixture(true);
    copies.push(root);
    const content = `${relative(PROJECT, root)}/content`;
    edit(root, 'massnahmen/i-01.mdx', 'verantwortlich: [schulamt]', 'verantwortlich: [stadtrat]');
    edit(root, 'daten/schulen.csv', ';87,5;', ';87.5;');
    edit(root, 'kapitel/vorwort.mdx', '<Kennzahl name="schulen" />', '<Kennzahl name="schulen">');
    const result = build(content);
    const output = result.stdout + result.stderr;
    expect(result.status).toBe(1);
    expect(output).toContain('Der Plan enthält 3 Fehler');
    expect(output).toContain(`${content}/kapitel/vorwort.mdx:5, Feld „<Kennzahl>“: erwartet ein geschlossenes Element (im selben Absatz): schließen Sie das Element mit \`/>\``);
    expect(output).toContain(`${content}/massnahmen/i-01.mdx:1, Feld „verantwortlich.0“: erwartet eine vorhandene ID aus „akteure“ (${content}/akteure.yaml); gefunden: „stadtrat“, das es dort nicht gibt`);
    expect(output).toContain(`${content}/daten/schulen.csv:4, Eintrag „gym-c“, Feld „wlan_abdeckung“`);
    nurDeutsch(output);
    expect(existsSync(join(root, 'dist')), 'kein Build, keine Ausgabe').toBe(false);
  });

  it('bricht bei einem kaputten Link, einem fehlenden Anker und einem unbekannten Abschnitt im Text ab, wie npm run pruefen', () => {
    const root = copyFixture(true);
    copies.push(root);
    const content = `${relative(PROJECT, root)}/content`;
    append(root, 'kapitel/vorwort.mdx', '\nSiehe [Glossar](/glosar/), [MEP](/glossar/#mpe) und <Abschnitt nummer="2.1" />.\n');
    const result = build(content);
    const output = result.stdout + result.stderr;
    expect(result.status).toBe(1);
    expect(output).toContain('Der Plan enthält 3 Fehler');
    expect(output).toContain(`${content}/kapitel/vorwort.mdx:11, Feld „[…](…)“: erwartet einen Pfad einer Seite, die der Plan erzeugt (etwa „/glossar/“); gefunden: „/glosar/“: die Seite /glosar/ gibt es nicht`);
    expect(output).toContain(`${content}/kapitel/vorwort.mdx:11, Feld „[…](…)“: erwartet einen Anker, den die Seite /glossar/ hat`);
    expect(output).toContain(`${content}/kapitel/vorwort.mdx:11, Feld „<Abschnitt nummer="2.1">“: erwartet die Nummer eines Abschnitts`);
    nurDeutsch(output);
    expect(existsSync(join(root, 'dist')), 'kein Build, keine Ausgabe').toBe(false);
  });

  it('baut dieselbe Kopie ohne Fehler, zweimal byte-gleich, und warnt vor ungenannten Akteuren', () => {
    const root = copyFixture(true);
    copies.push(root);
    const content = `${relative(PROJECT, root)}/content`;
    // Editors' habits that are harmless: <br> and HTML comments.
    append(root, 'kapitel/vorwort.mdx', '\nErste Zeile<br>zweite Zeile <!-- intern: noch prüfen -->\n\n<!--\nAuskommentierter Absatz\n-->\n');
    const first = build(content, 'dist-1');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout + first.stderr).toMatch(/Akteur „schulen“ wird nirgends genannt/);
    const vorwort = readFileSync(join(root, 'dist-1', 'kapitel/vorwort/index.html'), 'utf8');
    expect(vorwort).toContain('Erste Zeile<br>zweite Zeile');
    expect(vorwort).not.toMatch(/intern: noch prüfen|Auskommentierter Absatz/);
    const second = build(content, 'dist-2');
    expect(second.status, second.stderr).toBe(0);
    for (const file of ['akteure/index.html', 'finanzen/index.html', 'schulen/index.html']) {
      const a = readFileSync(join(root, 'dist-1', file), 'utf8');
      expect(a.includes('<svg'), file).toBe(true);
      expect(readFileSync(join(root, 'dist-2', file), 'utf8'), file).toBe(a);
    }
  });
});

describe('Ausgabe als Ganzes oder gar nicht', () => {
  it('lässt nach einem Fehler oder Absturz die letzte vollständige Website stehen oder keine, nie eine halbe', () => {
    const root = copyFixture(true);
    copies.push(root);
    const content = `${relative(PROJECT, root)}/content`;
    const ziel = join(root, 'dist-ganz');
    const name = `${relative(PROJECT, ziel)}/`;
    const nebenan = () => readdirSync(root).filter((n) => n.startsWith('dist-ganz.'));
    // Chromium fails after every page is written (the PDF asked for): there was no site before, and there is none after.
    const ohneVorgaenger = build(content, 'dist-ganz', { PLANWERK_PDF: '1', CHROME_PATH: '/bin/false' });
    expect(ohneVorgaenger.status).toBe(1);
    expect(ohneVorgaenger.stderr).toContain('Das PDF der Druckfassung ließ sich nicht erzeugen');
    expect(ohneVorgaenger.stderr).toContain(`Nichts veröffentlicht: ${name} gibt es nicht`);
    expect(existsSync(ziel)).toBe(false);
    expect(nebenan()).toEqual([]);

    const gut = build(content, 'dist-ganz', { PLANWERK_PDF: '0' });
    expect(gut.status, gut.stderr).toBe(0);
    expect(gut.stdout).toContain(`Website veröffentlicht nach ${name}`);
    const vorher = abbild(ziel);
    expect(vorher.has('index.html')).toBe(true);

    // A content error: the last complete site stays, byte for byte, and the log says it is the old one.
    edit(root, 'massnahmen/i-01.mdx', 'verantwortlich: [schulamt]', 'verantwortlich: [stadtrat]');
    const inhaltsfehler = build(content, 'dist-ganz', { PLANWERK_PDF: '0' });
    expect(inhaltsfehler.status).toBe(1);
    expect(inhaltsfehler.stderr).toContain(`Nichts veröffentlicht: ${name} enthält weiter die letzte vollständig gebaute Website`);
    expect(abbild(ziel)).toEqual(vorher);
    nurDeutsch(inhaltsfehler.stdout + inhaltsfehler.stderr);

    // A crash after rendering a changed plan: still the old site, not the new pages without their PDF.
    edit(root, 'massnahmen/i-01.mdx', 'verantwortlich: [stadtrat]', 'verantwortlich: [schulamt]');
    edit(root, 'massnahmen/i-01.mdx', 'titel: WLAN ausbauen', 'titel: WLAN in allen Schulen ausbauen');
    const absturz = build(content, 'dist-ganz', { PLANWERK_PDF: '1', CHROME_PATH: '/bin/false' });
    expect(absturz.status).toBe(1);
    expect(absturz.stderr).toContain(`Nichts veröffentlicht: ${name} enthält weiter die letzte vollständig gebaute Website`);
    expect(abbild(ziel)).toEqual(vorher);
    expect(nebenan()).toEqual([]);
  });

  it('endet nach einem Absturz in Astro mit einer deutschen Zeile statt einem Stacktrace', () => {
    const root = copyFixture(true);
    copies.push(root);
    // A project whose configuration adds an integration that fails after the pages are written.
    const bau = mitIntegration(root, `{ name: 'kaputt', hooks: { 'astro:build:done': () => { throw new Error('kaputt im Test'); } } }`);
    const result = bau();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Der Bau ist abgebrochen: das Erzeugen der Seiten und des Suchindex (Astro, Pagefind) ist fehlgeschlagen.');
    expect(result.stderr).toContain('Nichts veröffentlicht: dist/ gibt es nicht');
    expect(result.stderr).toContain('Mit PLANWERK_DEBUG=1 erscheint die technische Ursache.');
    // Neither Astro's English line about the failed hook nor a trace: only the German lines.
    expect(result.stderr).not.toContain('kaputt im Test');
    nurDeutsch(result.stdout + result.stderr);
    expect(result.stderr.trim().split('\n').at(-1)).toBe('Mit PLANWERK_DEBUG=1 erscheint die technische Ursache.');
    expect(readdirSync(root).filter((n) => n.startsWith('dist'))).toEqual([]);
    expect(bau({ PLANWERK_DEBUG: '1' }).stderr).toContain('kaputt im Test');
  });

  it('veröffentlicht nichts, wenn eine gebaute Seite trotz aller Prüfungen eine gefährliche Adresse enthält', () => {
    const root = copyFixture(true);
    copies.push(root);
    // Not from the plan (its checks refuse every such address): a page a further integration adds.
    writeFileSync(join(root, 'boese.astro'), '<html lang="de"><body><a href="javascript:alert(1)">x</a><img src="/\\evil.example/t.png" alt=""></body></html>\n');
    const bau = mitIntegration(root, `{ name: 'boese', hooks: { 'astro:config:setup': ({ injectRoute }) => injectRoute({ pattern: '/boese', entrypoint: new URL('./boese.astro', import.meta.url) }) } }`);
    const result = bau();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/boese\/index\.html.*<a href>.*javascript:alert\(1\)/);
    expect(result.stderr).toMatch(/boese\/index\.html.*<img src>.*evil\.example/);
    expect(result.stderr).toContain('Nichts veröffentlicht: dist/ gibt es nicht');
    expect(readdirSync(root).filter((n) => n.startsWith('dist'))).toEqual([]);
  });

  it('ersetzt die Ausgabe nie, wenn sie den Plan enthält', () => {
    const root = copyFixture(true);
    copies.push(root);
    const content = `${relative(PROJECT, root)}/content`;
    const result = spawnSync(process.execPath, ['src/cli/bauen.ts', '--outDir', relative(PROJECT, root)], {
      cwd: PROJECT,
      encoding: 'utf8',
      env: { ...process.env, PLANWERK_CONTENT: content, PLANWERK_PDF: '0' },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`enthält ${content}/`);
    expect(existsSync(join(root, 'content', 'plan.yaml'))).toBe(true);
  });
});

describe('Build mit einem Medienordner, der etwas von außerhalb veröffentlichen würde', () => {
  it('nennt Link, Schleife, Übergröße und getarntes Video je mit einem deutschen Fehler, wie npm run pruefen, und veröffentlicht nichts', () => {
    const root = copyFixture(true);
    copies.push(root);
    const content = `${relative(PROJECT, root)}/content`;
    const medien = join(root, 'content', 'medien');
    mkdirSync(medien);
    const aussen = mkdtempSync(join(tmpdir(), 'planwerk-aussen-'));
    copies.push(aussen);
    writeFileSync(join(aussen, 'geheim.vtt'), 'WEBVTT\n\n00:00.000 --> 00:01.000\nGeheim\n');
    symlinkSync(join(aussen, 'geheim.vtt'), join(medien, 'a-link.vtt'));
    symlinkSync('b-schleife', join(medien, 'b-schleife'));
    // 2,1 GiB without using the disk: the WebM sample, extended as a sparse file.
    copyFileSync(join(PROJECT, 'tests', 'fixtures', 'medien', 'dgs-probe.webm'), join(medien, 'c-gross.webm'));
    truncateSync(join(medien, 'c-gross.webm'), Math.round(2.1 * 1024 ** 3));
    // A QuickTime file renamed .mp4: an ftyp box with the brand "qt  ".
    const qt = Buffer.alloc(32);
    qt.writeUInt32BE(20, 0);
    qt.write('ftypqt  ', 4, 'latin1');
    qt.writeUInt32BE(0x200, 12);
    qt.write('qt  ', 16, 'latin1');
    writeFileSync(join(medien, 'd-film.mp4'), qt);
    const result = build(content);
    const output = result.stdout + result.stderr;
    expect(result.status).toBe(1);
    expect(output).toContain('Der Plan enthält 4 Fehler');
    expect(output).toContain(`${content}/medien/a-link.vtt: erwartet eine Datei im Ordner ${content}/medien/; gefunden: einen symbolischen Link auf „${join(aussen, 'geheim.vtt')}“`);
    expect(output).toContain(`${content}/medien/b-schleife: erwartet eine Datei im Ordner ${content}/medien/; gefunden: einen symbolischen Link auf „b-schleife“`);
    expect(output).toContain(`${content}/medien/c-gross.webm: erwartet eine Datei von höchstens 200 MB; gefunden: 2,1 GB`);
    expect(output).toContain(`${content}/medien/d-film.mp4: erwartet ein MP4-Video, wie die Endung „.mp4“ sagt; gefunden: ein QuickTime-Video (video/quicktime)`);
    nurDeutsch(output);
    expect(existsSync(join(root, 'dist')), 'kein Build, keine Ausgabe').toBe(false);
  });
});

describe('Permanente Anker', () => {
  it('bricht ab, wenn ein veröffentlichter Anker verschwindet, und hält ihn mit einem Alias am Leben', () => {
    const root = copyFixture(true);
    copies.push(root);
    const content = `${relative(PROJECT, root)}/content`;
    expect(build(content, 'dist-alt').status).toBe(0);
    schreibeRegister(join(root, 'content', REGISTER_DATEI), sammleAnker(join(root, 'dist-alt')));

    edit(root, 'kapitel/vorwort.mdx', '## Ausstattung {#ausstattung-fest}', '## Ausstattung der Schulen {#ausstattung-schulen}');
    const ohneAlias = build(content, 'dist-neu');
    const ausgabe = ohneAlias.stdout + ohneAlias.stderr;
    expect(ohneAlias.status).toBe(1);
    expect(ausgabe).toContain('Der Anker /kapitel/vorwort/#ausstattung-fest wird nicht mehr erzeugt');
    expect(ausgabe).toContain('alteAnker: { ausstattung-fest: neue-id }');
    expect(ausgabe).toContain('„npm run anker -- --ersetzen“');
    nurDeutsch(ausgabe);
    // The check failed after rendering: nothing of this build is left, and the output says so.
    expect(existsSync(join(root, 'dist-neu'))).toBe(false);
    expect(existsSync(join(root, 'dist-neu.neu'))).toBe(false);
    expect(ausgabe).toContain(`Nichts veröffentlicht: ${relative(PROJECT, join(root, 'dist-neu'))}/ gibt es nicht`);
    // The other builds' output is untouched.
    expect(existsSync(join(root, 'dist-alt', 'index.html'))).toBe(true);

    edit(root, 'kapitel/vorwort.mdx', 'reihenfolge: 1', 'reihenfolge: 1\nalteAnker: { ausstattung-fest: ausstattung-schulen }');
    const mitAlias = build(content, 'dist-neu');
    expect(mitAlias.status, mitAlias.stderr).toBe(0);
    const html = readFileSync(join(root, 'dist-neu', 'kapitel/vorwort/index.html'), 'utf8');
    expect(html).toMatch(/<h2 id="ausstattung-schulen"><span id="ausstattung-fest" class="alias-anker"><\/span>Ausstattung der Schulen/);
  });
});

describe('Einen Anker mit Absicht entfernen', () => {
  it('gelingt nach dem abgebrochenen Build mit dem genannten Befehl, nicht mit dem bloßen „npm run anker“', () => {
    const root = copyFixture(true);
    copies.push(root);
    const content = `${relative(PROJECT, root)}/content`;
    expect(build(content, 'dist-a').status).toBe(0);
    expect(anker(content, '--outDir', `${content}/../dist-a`).status).toBe(0);
    const registerDatei = join(root, 'content', REGISTER_DATEI);
    expect(leseRegister(registerDatei)!['/kapitel/vorwort/']).toContain('ausstattung-fest');

    edit(root, 'kapitel/vorwort.mdx', '## Ausstattung {#ausstattung-fest}\n', '');
    const abgebrochen = build(content, 'dist-b');
    expect(abgebrochen.status).toBe(1);
    expect(existsSync(join(root, 'dist-b'))).toBe(false);

    // Plain `npm run anker` keeps the published anchor: the build still fails.
    expect(anker(content, '--outDir', `${content}/../dist-b`).status).toBe(0);
    expect(leseRegister(registerDatei)!['/kapitel/vorwort/']).toContain('ausstattung-fest');
    // The command the message names drops it, although the failed build left no site behind.
    const ersetzt = anker(content, '--ersetzen', '--outDir', `${content}/../dist-b`);
    expect(ersetzt.status, ersetzt.stderr).toBe(0);
    expect(ersetzt.stdout).toContain('1 entfernt');
    expect(leseRegister(registerDatei)!['/kapitel/vorwort/']).not.toContain('ausstattung-fest');
    const danach = build(content, 'dist-b');
    expect(danach.status, danach.stderr).toBe(0);
    expect(existsSync(join(root, 'dist-b', 'index.html'))).toBe(true);
  });
});

describe('Text aus Datendateien', () => {
  it('erscheint immer als Text, nie als HTML', () => {
    const root = copyFixture(true);
    copies.push(root);
    const content = `${relative(PROJECT, root)}/content`;
    edit(root, 'akteure.yaml', 'name: IT-Dienstleister', `name: 'IT <script>alert(1)</script> "onerror=alert(2)'`);
    edit(root, 'massnahmen/i-01.mdx', 'titel: WLAN ausbauen', `titel: 'WLAN <img src=x onerror=alert(3)>'`);
    const result = build(content, 'dist-escape');
    expect(result.status, result.stderr).toBe(0);
    for (const file of ['akteure/it/index.html', 'akteure/index.html', 'massnahmen/i-01/index.html', 'massnahmen/index.html']) {
      // Parsed as a browser would: no element carries the injected handler or script.
      const doc = parse(readFileSync(join(root, 'dist-escape', file), 'utf8'));
      expect(doc.querySelectorAll('[onerror]').length, file).toBe(0);
      expect(doc.querySelectorAll('img[src="x"]').length, file).toBe(0);
      expect(doc.querySelectorAll('script').filter((s) => s.text.includes('alert')).length, file).toBe(0);
    }
    expect(readFileSync(join(root, 'dist-escape', 'akteure/it/index.html'), 'utf8')).toContain('IT &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(readFileSync(join(root, 'dist-escape', 'massnahmen/i-01/index.html'), 'utf8')).toContain('WLAN &lt;img src=x onerror=alert(3)&gt;');
  });
});

describe('Weiterleitungen', () => {
  it('bricht ab, wenn eine Weiterleitung ins Leere führt', () => {
    const root = copyFixture(true);
    copies.push(root);
    const content = `${relative(PROJECT, root)}/content`;
    write(root, 'weiterleitungen.yaml', '- von: /kapitel/alt/\n  nach: /kapitel/vorwort/\n- von: /kapitel/frueher/\n  nach: /kapitel/gibt-es-nicht/\n');
    const insLeere = build(content, 'dist-weiter');
    expect(insLeere.status).not.toBe(0);
    expect(insLeere.stdout + insLeere.stderr).toContain(
      `${content}/weiterleitungen.yaml:3, Eintrag „/kapitel/frueher/“, Feld „nach“: erwartet eine Seite, die der Plan erzeugt; gefunden: /kapitel/gibt-es-nicht/ (gibt es nicht)`,
    );
    nurDeutsch(insLeere.stdout + insLeere.stderr);
    expect(existsSync(join(root, 'dist-weiter')), 'keine Website mit einer Weiterleitung ins Leere').toBe(false);
  });
});
