/**
 * `npm run pruefen` (src/cli/pruefen.ts), run as editors and CI run it: a child process on
 * copies of the minimal plan. Every problem at once as `datei:zeile  feld  meldung` with a
 * hint, German only, exit code 1 on errors; GitHub annotations and a GitLab Code Quality
 * report. The redirect checks it shares with the build are tested on the functions.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, edit, fixtureModel, modelOf, PROJECT, write } from '../helpers/fixture.ts';
import { formatProblem, formatPruefzeile, hinweisFuer, type Problem } from '../../src/plan/problems.ts';
import { pruefeVeroeffentlichteSeiten, pruefeWeiterleitungsziele, seitenImModell, type Weiterleitung } from '../../src/ausgabe/weiterleitungen.ts';
import { pruefe, textzeile } from '../../src/cli/pruefen.ts';
import { laufeGeschuetzt } from '../../src/pruefung/validate.ts';

const SKRIPT = join(PROJECT, 'src', 'cli', 'pruefen.ts');
const copies: string[] = [];
afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A fresh copy of the minimal plan (in its own temporary project folder). */
function kopie(): string {
  const root = copyFixture();
  copies.push(root);
  return root;
}

/** Runs the CLI in `root` as its project folder, so messages name `content/…`. */
function pruefen(root: string, ...args: string[]) {
  const env = { ...process.env };
  delete env.PLANWERK_CONTENT;
  const result = spawnSync(process.execPath, [SKRIPT, ...args], { cwd: root, encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, alles: result.stdout + result.stderr };
}

/** No English framework text, no stack trace. */
function ohneEnglisch(text: string) {
  expect(text).not.toMatch(/^\s+at /m);
  expect(text).not.toMatch(/Error:|unhandled|expected|received|undefined/i);
}

/** Three errors in three files: YAML (unknown field), CSV (English decimal), MDX (unknown id). */
function dreiFehler(root: string) {
  edit(root, 'akteure.yaml', 'kurzname: ITD', 'kurzame: ITD');
  edit(root, 'daten/schulen.csv', ';87,5;', ';87.5;');
  edit(root, 'massnahmen/i-01.mdx', 'verantwortlich: [schulamt]', 'verantwortlich: [stadtrat]');
}

describe('npm run pruefen', () => {
  it('meldet bei einem fehlerfreien Plan keine Fehler und endet mit 0', () => {
    const root = kopie();
    const r = pruefen(root);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Keine Fehler, .* in \d+,\d s\.$/m);
    ohneEnglisch(r.alles);
  });

  it('meldet drei Fehler in drei Dateien in einem Lauf, mit Datei:Zeile, Feld und Hinweis', () => {
    const root = kopie();
    dreiFehler(root);
    const r = pruefen(root);
    expect(r.status).toBe(1);
    const zeilen = r.stdout.split('\n');
    const fehler = zeilen.filter((z) => /^content\//.test(z));
    expect(fehler).toEqual([
      'content/akteure.yaml:6  kurzame  Eintrag „it“: erwartet nur Felder, die das Schema kennt; gefunden: das unbekannte Feld „kurzame“ (Tippfehler?)',
      'content/daten/schulen.csv:4  wlan_abdeckung  Eintrag „gym-c“: erwartet eine Zahl in deutscher Schreibweise (z. B. 1.234,56); gefunden: „87.5“',
      'content/massnahmen/i-01.mdx:1  verantwortlich.0  erwartet eine vorhandene ID aus „akteure“ (content/akteure.yaml); gefunden: „stadtrat“, das es dort nicht gibt',
    ]);
    // Each error is followed by its hint.
    for (const f of fehler) expect(zeilen[zeilen.indexOf(f) + 1]).toMatch(/^ {2}→ So beheben: \S/);
    expect(r.stdout).toContain('  → So beheben: Zahlen deutsch schreiben: 1.234,56');
    expect(r.stdout).toContain('  → So beheben: ID in content/akteure.yaml nachsehen');
    expect(zeilen.filter(Boolean).at(-1)).toMatch(/^3 Fehler, (keine Hinweise|\d+ Hinweise?) in \d+,\d s\.$/);
    ohneEnglisch(r.alles);
  });

  it('schreibt mit --format github Anmerkungen für GitHub Actions', () => {
    const root = kopie();
    dreiFehler(root);
    const r = pruefen(root, '--format', 'github');
    expect(r.status).toBe(1);
    const anmerkungen = r.stdout.split('\n').filter((z) => z.startsWith('::error '));
    expect(anmerkungen).toHaveLength(3);
    expect(anmerkungen[0]).toMatch(/^::error file=content\/akteure\.yaml,line=6,title=kurzame::Eintrag „it“: erwartet nur Felder/);
    expect(anmerkungen[1]).toMatch(/^::error file=content\/daten\/schulen\.csv,line=4,title=wlan_abdeckung::/);
    // The hint travels in the same annotation, its line break escaped as GitHub wants it.
    expect(anmerkungen[1]).toContain('„87.5“%0A→ So beheben: Zahlen deutsch schreiben');
    expect(anmerkungen[2]).toMatch(/^::error file=content\/massnahmen\/i-01\.mdx,line=1,title=verantwortlich\.0::/);
  });

  it('schreibt mit --format gitlab einen Code-Quality-Bericht und gibt trotzdem Text aus', () => {
    const root = kopie();
    dreiFehler(root);
    const r = pruefen(root, '--format', 'gitlab', '--bericht', 'cq.json');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('content/daten/schulen.csv:4  wlan_abdeckung  ');
    const bericht = JSON.parse(readFileSync(join(root, 'cq.json'), 'utf8')) as { description: string; check_name: string; fingerprint: string; severity: string; location: { path: string; lines: { begin: number } } }[];
    const fehler = bericht.filter((b) => b.severity === 'major');
    expect(fehler.map((b) => [b.location.path, b.location.lines.begin])).toEqual([
      ['content/akteure.yaml', 6],
      ['content/daten/schulen.csv', 4],
      ['content/massnahmen/i-01.mdx', 1],
    ]);
    expect(fehler[1]!.description).toMatch(/^wlan_abdeckung: Eintrag „gym-c“: erwartet eine Zahl in deutscher Schreibweise.* → So beheben: Zahlen deutsch schreiben/);
    expect(bericht.every((b) => b.check_name && (b.severity === 'major' || b.severity === 'minor'))).toBe(true);
    expect(new Set(bericht.map((b) => b.fingerprint)).size).toBe(bericht.length);
    // Stable: a second run gives the same fingerprints.
    pruefen(root, '--format', 'gitlab', '--bericht', 'cq2.json');
    expect(JSON.parse(readFileSync(join(root, 'cq2.json'), 'utf8'))).toEqual(bericht);
  });

  it('nimmt den Ordner aus --inhalt, sonst aus PLANWERK_CONTENT', () => {
    const root = kopie();
    dreiFehler(root);
    const r = pruefen(PROJECT, '--inhalt', join(root, 'content'));
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('/content/daten/schulen.csv:4  wlan_abdeckung  ');
    const leer = pruefen(root, '--inhalt', 'gibt-es-nicht');
    expect(leer.status).toBe(1);
    expect(leer.stdout).toContain('gibt-es-nicht  -  erwartet einen Ordner mit dem Plan');
    const env = spawnSync(process.execPath, [SKRIPT], { cwd: PROJECT, encoding: 'utf8', env: { ...process.env, PLANWERK_CONTENT: join(root, 'content') } });
    expect(env.status).toBe(1);
    expect(env.stdout).toContain('/content/akteure.yaml:6  kurzame  ');
  });

  it('prüft den Basispfad aus --basis wie der Build und meldet ihn mit den Fehlern des Plans', () => {
    const root = kopie();
    edit(root, 'akteure.yaml', 'kurzname: ITD', 'kurzame: ITD');
    const r = pruefen(root, '--basis', '/mep/../intern/');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('--basis  -  erwartet einen Pfad aus Buchstaben, Ziffern und - . _ ~ zwischen Schrägstrichen, z. B. /mep/; gefunden: „/mep/../intern/“');
    expect(r.stdout).toContain('content/akteure.yaml:6  kurzame');
    expect(r.stdout).toMatch(/^2 Fehler, /m);
    expect(pruefen(kopie(), '--basis', '/mep/').status).toBe(0);
    ohneEnglisch(r.alles);
  });

  it('lehnt eine unbekannte Option und ein unbekanntes Format auf Deutsch mit Exit-Code 2 ab', () => {
    const root = kopie();
    const option = pruefen(root, '--formt', 'github');
    expect(option.status).toBe(2);
    expect(option.stderr).toContain('Unbekannte oder unvollständige Option „--formt“');
    const format = pruefen(root, '--format', 'json');
    expect(format.status).toBe(2);
    expect(format.stderr).toContain('Unbekanntes Format „json“');
    ohneEnglisch(option.alles + format.alles);
  });

  it('endet bei einem unerwarteten Fehler mit einer deutschen Zeile und Exit-Code 2, ohne Stacktrace', () => {
    const root = kopie();
    rmSync(join(root, 'content', 'glossar.yaml'));
    mkdirSync(join(root, 'content', 'glossar.yaml'));
    const r = pruefen(root);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual(['Planwerk konnte den Plan nicht prüfen: eine Datei im Ordner des Plans ist ein Ordner, keine Datei.']);
  });

  it('meldet falsche Abschnitte und kaputte Links im Text mit Datei:Zeile, Feld und Hinweis, wie der Build', () => {
    const root = kopie();
    write(root, 'kapitel/ziele.mdx', '---\ntitel: Ziele\nreihenfolge: 2\nnummer: "3"\n---\n## 3.1 Schulen {#schulen}\n\nText.\n\n## 3.1 Noch einmal\n');
    write(root, 'kapitel/ausblick.mdx', '---\ntitel: Ausblick\nreihenfolge: 3\nentwurf: true\n---\nBald.\n');
    edit(root, 'handlungsfelder/infrastruktur.mdx', 'reihenfolge: 1', 'reihenfolge: 1\nnummer: "5.1"');
    edit(root, 'massnahmen/i-01.mdx', 'ziele: [i-z1]', 'ziele: [i-z1]\nabschnitte: ["3.2"]');
    edit(root, 'kapitel/vorwort.mdx', 'Teststadt hat', '<Abschnitt nummer="3.4" /> und [Netze](/kapitel/netze/), [Schulen](/kapitel/ziele/#schule), [Ausblick](/kapitel/ausblick/). Teststadt hat');
    const r = pruefen(root);
    expect(r.status).toBe(1);
    const zeilen = r.stdout.split('\n');
    // The draft itself is a hint, not an error.
    const fehler = zeilen.filter((z) => /^content\//.test(z) && !z.includes('  Hinweis: '));
    expect(fehler).toEqual([
      'content/handlungsfelder/infrastruktur.mdx:1  nummer  erwartet einen übergeordneten Abschnitt „5“ im Plan (als „nummer“ eines Kapitels oder Handlungsfelds oder als nummerierte Überschrift), weil „5.1“ seine Nummer fortsetzt; gefunden: „5.1“, aber keinen Abschnitt „5“',
      'content/kapitel/vorwort.mdx:5  <Abschnitt nummer="3.4">  erwartet die Nummer eines Abschnitts des Plans (unter 3: 3.1); gefunden: „3.4“, den es nicht gibt',
      'content/kapitel/vorwort.mdx:5  […](…)  erwartet einen Pfad einer Seite, die der Plan erzeugt (etwa „/kapitel/vorwort/“, „/kapitel/ziele/“); gefunden: „/kapitel/netze/“: die Seite /kapitel/netze/ gibt es nicht',
      'content/kapitel/vorwort.mdx:5  […](…)  erwartet einen Anker, den die Seite /kapitel/ziele/ hat (etwa „schulen“); gefunden: „/kapitel/ziele/#schule“: die Seite hat keinen Anker „schule“',
      'content/kapitel/vorwort.mdx:5  […](…)  erwartet einen Link auf eine veröffentlichte Seite; gefunden: „/kapitel/ausblick/“: verweist auf einen Entwurf („ausblick“ in content/kapitel/ausblick.mdx), der nicht veröffentlicht wird',
      'content/kapitel/ziele.mdx:10  Überschrift 3.1  erwartet eine Abschnittsnummer, die im Plan nur einmal vorkommt (Kapitel, Handlungsfelder und nummerierte Überschriften zählen zusammen); gefunden: „3.1“, schon vergeben in content/kapitel/ziele.mdx:6 (Überschrift „3.1 Schulen“)',
      'content/massnahmen/i-01.mdx:1  abschnitte.0  erwartet die Nummer eines Abschnitts des Plans (unter 3: 3.1); gefunden: „3.2“, den es nicht gibt',
    ]);
    for (const f of fehler) expect(zeilen[zeilen.indexOf(f) + 1], f).toMatch(/^ {2}→ So beheben: \S/);
    ohneEnglisch(r.alles);
  });

  it('meldet eine veröffentlichte Seite, die der Plan nicht mehr erzeugt, schon vor dem Bauen', () => {
    const root = kopie();
    write(root, 'anker.json', JSON.stringify({ '/': [], '/kapitel/vorwort/': [], '/kapitel/alt/': [], '/massnahmen/s-02/': [] }));
    const r = pruefen(root);
    expect(r.status).toBe(1);
    // /massnahmen/s-02/ is kept by the alias of I-02; /kapitel/alt/ is gone.
    expect(r.stdout).toContain('content/anker.json  -  Eintrag „/kapitel/alt/“: erwartet jede veröffentlichte Seite weiterhin; gefunden: /kapitel/alt/, die der Plan nicht mehr erzeugt');
    expect(r.stdout).not.toContain('s-02');
    expect(r.stdout).toMatch(/^1 Fehler, /m);
  });
});

/** Runs the check in-process on the copy, without a base path from the environment. */
async function fehlerVon(root: string): Promise<string[]> {
  return (await pruefe(root, 'content', { basis: undefined, quelle: 'PLANWERK_BASIS' })).fehler.map(textzeile);
}

/** The error lines (without hints) of one file. */
const inDatei = (zeilen: string[], datei: string) => zeilen.filter((z) => z.startsWith(`${datei}:`) || z.startsWith(`${datei} `));

describe('Ein Fehler verdeckt keinen anderen', () => {
  it('meldet einen Schemafehler, einen Medienfehler, eine falsche Kennzahl und einen kaputten Link in vier Dateien in einem Lauf', async () => {
    const root = kopie();
    // Schema: an unknown field in akteure.yaml (Maßnahmen, Formate … name this actor).
    edit(root, 'akteure.yaml', 'kurzname: ITD', 'kurzame: ITD');
    // Media: a file browsers cannot show.
    mkdirSync(join(root, 'content/medien'));
    writeFileSync(join(root, 'content/medien/protokoll.docx'), 'PK\u0003\u0004');
    // A Kennzahl that does not exist, in a text of its own.
    write(root, 'kapitel/ausblick.mdx', '---\ntitel: Ausblick\nreihenfolge: 2\n---\nEs gibt <Kennzahl name="schuelen" /> Schulen.\n');
    // A link to a page the plan does not produce, and one to the page of the broken actor.
    edit(root, 'kapitel/vorwort.mdx', 'Teststadt hat', 'Siehe [Netze](/kapitel/netze/) und [IT](/akteure/it/). Teststadt hat');
    const fehler = await fehlerVon(root);
    const zeilen = fehler.map((f) => f.split('\n')[0]!);
    expect(zeilen, fehler.join('\n')).toHaveLength(4);
    expect(inDatei(zeilen, 'content/akteure.yaml')).toEqual([expect.stringContaining('gefunden: das unbekannte Feld „kurzame“')]);
    expect(inDatei(zeilen, 'content/medien/protokoll.docx')).toEqual([expect.stringContaining('gefunden: die Endung „.docx“')]);
    expect(inDatei(zeilen, 'content/kapitel/ausblick.mdx')).toEqual([expect.stringMatching(/^content\/kapitel\/ausblick\.mdx:5 {2}<Kennzahl name="schuelen"> {2}erwartet eine bekannte Kennzahl .*gefunden: „schuelen“$/)]);
    // The link to the actor whose entry is broken is not blamed: its page depends on the fix.
    expect(inDatei(zeilen, 'content/kapitel/vorwort.mdx')).toEqual([expect.stringContaining('gefunden: „/kapitel/netze/“: die Seite /kapitel/netze/ gibt es nicht')]);
  });

  it('meldet neben einem Schema- und einem Verweisfehler auch eine Finanztabelle, deren Anteile nicht 100 % ergeben', async () => {
    const root = kopie();
    edit(root, 'daten/schulen.csv', ';87,5;', ';87.5;');
    edit(root, 'massnahmen/i-01.mdx', 'verantwortlich: [schulamt]', 'verantwortlich: [stadtrat]');
    write(root, 'finanzen.yaml', '- id: schule\n  titel: Schul-IT\n  tabellen:\n    - id: anteile\n      titel: Anteile\n      einheit: "%"\n      genauigkeit: 0,01\n      quelle: Masterplan, Tabelle 6\n      spalten:\n        - { id: anteil, titel: Anteil, art: anteil }\n');
    mkdirSync(join(root, 'content/daten/finanzen'));
    writeFileSync(join(root, 'content/daten/finanzen/anteile.csv'), 'produktgruppe;anteil\nA;48,37\nB;17,64\nC;43,97\n');
    const zeilen = (await fehlerVon(root)).map((f) => f.split('\n')[0]!);
    expect(zeilen, zeilen.join('\n')).toHaveLength(3);
    expect(inDatei(zeilen, 'content/daten/schulen.csv')).toEqual([expect.stringContaining('gefunden: „87.5“')]);
    expect(inDatei(zeilen, 'content/massnahmen/i-01.mdx')).toEqual([expect.stringContaining('gefunden: „stadtrat“, das es dort nicht gibt')]);
    // 48,37 + 17,64 + 43,97 = 109,98
    expect(inDatei(zeilen, 'content/daten/finanzen/anteile.csv')).toEqual([expect.stringContaining('gefunden: zusammen 109,98\u00a0%')]);
  });

  it('meldet einen Fehler im Text neben einem kaputten Eintrag, ohne Folgefehler zu diesem Eintrag', async () => {
    const root = kopie();
    // The Maßnahme names an actor that does not exist; a text links to the Maßnahme's page.
    edit(root, 'massnahmen/i-01.mdx', 'verantwortlich: [schulamt]', 'verantwortlich: [stadtrat]');
    edit(root, 'kapitel/vorwort.mdx', 'Teststadt hat', 'Siehe [I-01](/massnahmen/i-01/) und <Kennzahl name="schuelen" />. Teststadt hat');
    const zeilen = (await fehlerVon(root)).map((f) => f.split('\n')[0]!);
    expect(zeilen, zeilen.join('\n')).toHaveLength(2);
    expect(inDatei(zeilen, 'content/massnahmen/i-01.mdx')).toHaveLength(1);
    expect(inDatei(zeilen, 'content/kapitel/vorwort.mdx')).toEqual([expect.stringContaining('<Kennzahl name="schuelen">')]);
  });

  it('meldet eine veröffentlichte Seite, die der Plan nicht mehr erzeugt, auch wenn ein Text einen Fehler hat', async () => {
    const root = kopie();
    write(root, 'anker.json', JSON.stringify({ '/': [], '/kapitel/vorwort/': [], '/kapitel/alt/': [] }));
    edit(root, 'kapitel/vorwort.mdx', 'Teststadt hat', 'Siehe [Netze](/kapitel/netze/). Teststadt hat');
    const zeilen = (await fehlerVon(root)).map((f) => f.split('\n')[0]!);
    expect(zeilen, zeilen.join('\n')).toHaveLength(2);
    expect(inDatei(zeilen, 'content/anker.json')).toEqual([expect.stringContaining('gefunden: /kapitel/alt/, die der Plan nicht mehr erzeugt')]);
    expect(inDatei(zeilen, 'content/kapitel/vorwort.mdx')).toEqual([expect.stringContaining('die Seite /kapitel/netze/ gibt es nicht')]);
  });
});

describe('Absturz einer Prüfung nach gemeldeten Fehlern', () => {
  const absturz = () => {
    throw new TypeError('Cannot read properties of undefined');
  };
  it('verdeckt die gemeldeten Fehler nicht', () => {
    const problems: Problem[] = [{ file: 'content/akteure.yaml', expected: 'etwas', found: 'anderes' }];
    laufeGeschuetzt(problems, absturz);
    expect(problems).toHaveLength(1);
    laufeGeschuetzt(problems, () => [{ file: 'content/plan.yaml', expected: 'mehr', found: 'weniger' }]);
    expect(problems.map((p) => p.file)).toEqual(['content/akteure.yaml', 'content/plan.yaml']);
  });
  it('wird ohne gemeldete Fehler weitergegeben: dann ist es ein Fehler von Planwerk', () => {
    expect(() => laufeGeschuetzt([], absturz)).toThrow(TypeError);
  });
});

describe('Weiterleitungen vor dem Bauen', () => {
  const w = (von: string, nach: string, line: number, feld?: string): Weiterleitung => ({ von, nach, file: 'content/weiterleitungen.yaml', line, feld });

  it('lehnt einen Kreis ab und meldet ihn einmal, mit allen Beteiligten', () => {
    const problems = pruefeWeiterleitungsziele([w('/a/', '/b/', 1), w('/b/', '/a/', 3), w('/c/', '/kapitel/vorwort/', 5)]);
    expect(problems.map(formatProblem)).toEqual([
      'content/weiterleitungen.yaml:1, Eintrag „/a/“, Feld „nach“: erwartet eine Weiterleitung, die bei einer Seite ankommt; gefunden: einen Kreis: /a/ → /b/ → /a/ (content/weiterleitungen.yaml:1, content/weiterleitungen.yaml:3)',
    ]);
  });

  it('findet auch einen längeren Kreis, in den eine andere Weiterleitung führt', () => {
    const problems = pruefeWeiterleitungsziele([w('/x/', '/b/', 1), w('/c/', '/a/', 3), w('/a/', '/b/', 5), w('/b/', '/c/', 7)]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.line).toBe(3);
    expect(problems[0]!.found).toContain('/c/ → /a/ → /b/ → /c/');
  });

  it('lehnt eine Weiterleitung auf sich selbst ab', () => {
    const problems = pruefeWeiterleitungsziele([w('/a/', '/a/', 2), w('/massnahmen/i-01/', '/massnahmen/i-01/', 1, 'aliase.0')]);
    expect(problems.map((p) => [p.line, p.field, p.expected, p.found])).toEqual([
      [2, 'nach', 'eine andere Adresse als „von“', '/a/: die Seite leitet auf sich selbst weiter'],
      [1, 'aliase.0', 'eine andere Adresse als „von“', '/massnahmen/i-01/: die Seite leitet auf sich selbst weiter'],
    ]);
    expect(problems.every((p) => hinweisFuer(p))).toBe(true);
  });

  it('lehnt Kreis und Selbstverweis in weiterleitungen.yaml beim Prüfen des Plans ab', () => {
    const root = kopie();
    write(root, 'weiterleitungen.yaml', '- von: /kapitel/a/\n  nach: /kapitel/b/\n- von: /kapitel/b/\n  nach: /kapitel/a/\n- von: /kapitel/c/\n  nach: /kapitel/c/\n');
    const r = pruefen(root);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('content/weiterleitungen.yaml:1  nach  Eintrag „/kapitel/a/“: erwartet eine Weiterleitung, die bei einer Seite ankommt; gefunden: einen Kreis: /kapitel/a/ → /kapitel/b/ → /kapitel/a/');
    expect(r.stdout).toContain('content/weiterleitungen.yaml:5  nach  Eintrag „/kapitel/c/“: erwartet eine andere Adresse als „von“');
    expect(r.stdout).toMatch(/^2 Fehler, /m);
  });

  it('kennt die Seiten des Plans, soweit das Modell sie bestimmt', () => {
    const { hat } = seitenImModell(fixtureModel());
    expect(hat('/kapitel/vorwort/')).toBe(true);
    expect(hat('/massnahmen/i-01/')).toBe(true);
    expect(hat('/massnahmen/I-01/')).toBe(false);
    expect(hat('/register/a/')).toBe(true);
    expect(hat('/kapitel/gibt-es-nicht/')).toBe(false);
    expect(hat('/schulen/gs-a/')).toBe(true);
    // No folder of src/ausgabe/pages is called so.
    expect(hat('/gibt-es-nicht/')).toBe(false);
  });

  it('meldet ein Ziel ohne Seite nur, wo das Modell es entscheidet', () => {
    const { hat } = seitenImModell(fixtureModel());
    const problems = pruefeWeiterleitungsziele([w('/alt1/', '/kapitel/gibt-es-nicht/', 1), w('/alt2/', '/kapitel/vorwort/', 3), w('/alt3/', '/alt2/', 5)], hat);
    expect(problems.map(formatProblem)).toEqual([
      'content/weiterleitungen.yaml:1, Eintrag „/alt1/“, Feld „nach“: erwartet eine Seite, die der Plan erzeugt; gefunden: /kapitel/gibt-es-nicht/ (gibt es nicht)',
    ]);
  });

  it('übergeht Seiten, die eine Weiterleitung oder ein alter Code erhält', () => {
    const root = kopie();
    write(root, 'weiterleitungen.yaml', '- von: /kapitel/frueher/\n  nach: /kapitel/vorwort/\n');
    const model = modelOf(root);
    expect(pruefeVeroeffentlichteSeiten(model, { '/kapitel/frueher/': [], '/massnahmen/s-02/': [], '/kapitel/weg/': ['x'] }, 'content/anker.json').map((p) => p.entry)).toEqual(['/kapitel/weg/']);
  });
});

describe('Hinweise zu Meldungen', () => {
  const p = (teil: Partial<Problem>): Problem => ({ file: 'content/x.yaml', expected: 'etwas', ...teil });

  it('leitet Hinweise aus der Erwartung ab, wo die Prüfung keinen gibt', () => {
    expect(hinweisFuer(p({ expected: 'gültiges YAML', found: 'Missing closing "quote' }))).toMatch(/^Einrückung .* Anführungszeichen/);
    expect(hinweisFuer(p({ expected: 'ein Datum im Format JJJJ-MM-TT (z. B. 2026-11-23)' }))).toMatch(/^Datum als JJJJ-MM-TT/);
    expect(hinweisFuer(p({ expected: 'eine vorhandene ID aus „glossar“ (content/glossar.yaml)' }))).toBe('ID in content/glossar.yaml nachsehen (Schreibweise) oder dort anlegen.');
    expect(hinweisFuer(p({ expected: 'eine Zahl in deutscher Schreibweise (z. B. 1.234,56)' }))).toMatch(/^Zahlen deutsch schreiben: 1\.234,56/);
    expect(hinweisFuer(p({ expected: 'etwas Unbekanntes' }))).toBeUndefined();
    expect(hinweisFuer(p({ expected: 'gültiges YAML', hinweis: 'Eigener Hinweis.' }))).toBe('Eigener Hinweis.');
  });

  it('formatiert eine Zeile für pruefen und lässt formatProblem, wie es war', () => {
    const problem = p({ line: 4, entry: 'gym-c', field: 'wlan_abdeckung', expected: 'eine Zahl in deutscher Schreibweise (z. B. 1.234,56)', found: '„87.5“' });
    expect(formatPruefzeile(problem).split('\n')).toEqual([
      'content/x.yaml:4  wlan_abdeckung  Eintrag „gym-c“: erwartet eine Zahl in deutscher Schreibweise (z. B. 1.234,56); gefunden: „87.5“',
      '  → So beheben: Zahlen deutsch schreiben: 1.234,56 (Punkt nur zwischen Dreiergruppen, Komma vor den Nachkommastellen).',
    ]);
    expect(formatPruefzeile(p({ expected: 'etwas Unbekanntes' }), 'Hinweis')).toBe('content/x.yaml  -  Hinweis: erwartet etwas Unbekanntes');
    expect(formatProblem(problem)).toBe('content/x.yaml:4, Eintrag „gym-c“, Feld „wlan_abdeckung“: erwartet eine Zahl in deutscher Schreibweise (z. B. 1.234,56); gefunden: „87.5“');
  });
});

// The sample plan must pass: pruefen agrees with the build on it.
describe('Beispielplan', () => {
  it('hat keine Fehler', () => {
    const r = spawnSync(process.execPath, [SKRIPT], { cwd: PROJECT, encoding: 'utf8', env: { ...process.env, PLANWERK_CONTENT: '' } });
    expect(r.stdout).toMatch(/^Keine Fehler, /m);
    expect(r.status).toBe(0);
  });
});
