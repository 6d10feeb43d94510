/**
 * npm run neu: each kind of entry starts as a draft in the right file, with only what follows
 * from the plan filled in, and the plan stays valid (the draft's open fields are hints).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyFixture, messages, modelOf, PROJECT } from '../helpers/fixture.ts';
import { validatePlan } from '../../src/pruefung/validate.ts';
import { planLocation } from '../../src/plan/sources.ts';
import { naechsterCode } from '../../src/plan/entwurf.ts';

const neu = (root: string, ...args: string[]) =>
  execFileSync(process.execPath, [join(PROJECT, 'src/cli/neu.ts'), ...args, '--inhalt', join(root, 'content')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('nächster freier Code in der Form des Plans', () => {
  it('zählt weiter und füllt wie die vorhandenen auf', () => {
    expect(naechsterCode('S-07', 'I', ['I-01', 'I-02', 'B-07'])).toBe('I-03');
    expect(naechsterCode('S-07', 'B', ['I-01', 'B-09'])).toBe('B-10');
    expect(naechsterCode('T1', 'W', ['W1', 'W43', 'K7'])).toBe('W44');
    expect(naechsterCode('2.3.1', '2.3', ['2.3.1', '2.3.9', '2.4.1'])).toBe('2.3.10');
    expect(naechsterCode('T1', 'K', [])).toBe('K1');
  });
});

describe('npm run neu', () => {
  it('legt jede Art als Entwurf an; der Plan bleibt gültig, offene Felder sind Hinweise', () => {
    const root = copyFixture();
    const ausgaben = [
      neu(root, 'massnahme', 'WLAN für Turnhallen', '--handlungsfeld', 'infrastruktur'),
      neu(root, 'akteur', 'Medienzentrum des Kreises'),
      neu(root, 'glossar', 'Lernplattform'),
      neu(root, 'kapitel', 'Ausblick'),
      neu(root, 'handlungsfeld', 'Digitale Bildung'),
    ];
    expect(ausgaben.map((a) => a.split('\n')[0])).toEqual([
      expect.stringMatching(/Angelegt als Entwurf: .*content\/massnahmen\/i-03\.mdx:1$/),
      expect.stringMatching(/Angelegt als Entwurf: .*content\/akteure\.yaml:18$/),
      expect.stringMatching(/Angelegt als Entwurf: .*content\/glossar\.yaml:\d+$/),
      expect.stringMatching(/Angelegt als Entwurf: .*content\/kapitel\/ausblick\.mdx:1$/),
      expect.stringMatching(/Angelegt als Entwurf: .*content\/handlungsfelder\/digitale-bildung\.mdx:1$/),
    ]);
    expect(readFileSync(join(root, 'content/akteure.yaml'), 'utf8').split('\n')[17]).toBe('- id: medienzentrum-des-kreises');
    expect(messages(root)).toEqual([]);
    const result = validatePlan(planLocation(join(root, 'content'), root));
    const hinweise = result.warnungen.map((w) => `${w.file} ${w.field}`);
    // Nothing is invented: the term's definition and the field's description stay open. An actor
    // needs only its name (its group is optional), so its draft has no open field.
    expect(hinweise).toEqual(expect.arrayContaining([expect.stringMatching(/glossar\.yaml definition$/), expect.stringMatching(/digitale-bildung\.mdx kurzbeschreibung$/)]));
    expect(hinweise.filter((h) => h.startsWith('content/akteure.yaml'))).toEqual(['content/akteure.yaml entwurf']);
    // Drafts are not in the model the site is built from.
    const model = modelOf(root);
    expect(model.massnahmen.map((m) => m.id)).not.toContain('I-03');
    expect(model.akteure.map((a) => a.id)).not.toContain('medienzentrum-des-kreises');
  });

  it('legt in einem Plan ohne Codes die Maßnahme unter ihrem Titel an, ohne Code', () => {
    const root = copyFixture();
    const plan = join(root, 'content/plan.yaml');
    writeFileSync(plan, `${readFileSync(plan, 'utf8')}massnahmencodes: { form: keine }\n`);
    const aus = neu(root, 'massnahme', 'WLAN für Turnhallen', '--handlungsfeld', 'infrastruktur');
    expect(aus.split('\n')[0]).toMatch(/Angelegt als Entwurf: .*content\/massnahmen\/wlan-für-turnhallen\.mdx:1$/);
    const datei = join(root, 'content/massnahmen/wlan-für-turnhallen.mdx');
    const kopf = parseYaml(readFileSync(datei, 'utf8').split('---')[1]!) as Record<string, unknown>;
    expect(kopf).toEqual({ titel: 'WLAN für Turnhallen', handlungsfeld: 'infrastruktur', entwurf: true });
    // Published, it is a valid Maßnahme of the plan, named by its file.
    writeFileSync(datei, readFileSync(datei, 'utf8').replace('entwurf: true\n', ''));
    expect(messages(root)).toEqual([]);
    expect(modelOf(root).massnahmen.map((m) => m.id)).toContain('wlan-für-turnhallen');
  });

  it('meldet einen Verweis eines veröffentlichten Eintrags auf einen Entwurf', () => {
    const root = copyFixture();
    neu(root, 'akteur', 'Medienzentrum');
    const m = join(root, 'content/massnahmen/i-01.mdx');
    writeFileSync(m, readFileSync(m, 'utf8').replace('partner: [it]', 'partner: [it, medienzentrum]'));
    expect(messages(root)).toEqual([expect.stringContaining('Feld „partner.1“: erwartet einen veröffentlichten Eintrag; „medienzentrum“ (content/akteure.yaml) ist ein Entwurf')]);
  });

  it('legt eine Entscheidung unter ihrer ID als Entwurf an; pruefen nennt Frage und Optionen als offene Felder', () => {
    const root = copyFixture();
    const aus = neu(root, 'entscheidung', 'support', '--handlungsfeld', 'infrastruktur');
    expect(aus.split('\n')[0]).toMatch(/Angelegt als Entwurf: .*content\/entscheidungen\.yaml:(\d+)$/);
    const zeile = Number(/:(\d+)$/.exec(aus.split('\n')[0]!)![1]);
    const datei = join(root, 'content/entscheidungen.yaml');
    const text = readFileSync(datei, 'utf8');
    expect(text.split('\n')[zeile - 1]).toBe('- id: support');
    // Only the id and the field given; the rest are comments, nothing invented.
    expect((parseYaml(text) as Record<string, unknown>[]).at(-1)).toEqual({ id: 'support', entwurf: true, handlungsfeld: 'infrastruktur' });
    expect(messages(root)).toEqual([]);
    const pruefen = spawnSync(process.execPath, [join(PROJECT, 'src/cli/pruefen.ts'), '--inhalt', join(root, 'content')], { cwd: root, encoding: 'utf8' });
    expect(pruefen.status, pruefen.stdout + pruefen.stderr).toBe(0);
    const hinweise = validatePlan(planLocation(join(root, 'content'), root)).warnungen.filter((w) => w.file.endsWith('entscheidungen.yaml')).map((w) => `${w.entry} ${w.field}`);
    expect(hinweise).toEqual(expect.arrayContaining(['support entwurf', 'support frage', 'support optionen']));
    expect(modelOf(root).entscheidungen.map((e) => e.id)).toEqual(['netz']);
    // Filled in from the comments and published, it is a decision of the plan.
    writeFileSync(datei, text.replace('  entwurf: true\n', '  frage: Wie wird der Support organisiert?\n  optionen:\n    - { id: zentral, titel: Zentral }\n    - { id: dezentral, titel: Dezentral }\n'));
    expect(messages(root)).toEqual([]);
    expect(modelOf(root).entscheidungen.map((e) => e.id)).toEqual(['netz', 'support']);
  });

  it('legt eine Entscheidung auch in einer leeren oder fehlenden entscheidungen.yaml an und lehnt eine vergebene oder ungültige ID ab', () => {
    const root = copyFixture();
    const datei = join(root, 'content/entscheidungen.yaml');
    writeFileSync(datei, '# Entscheidungen\n[]\n');
    expect(neu(root, 'entscheidung', 'lernplattform').split('\n')[0]).toMatch(/entscheidungen\.yaml:2$/);
    expect((parseYaml(readFileSync(datei, 'utf8')) as { id: string }[]).map((e) => e.id)).toEqual(['lernplattform']);
    rmSync(datei);
    expect(neu(root, 'entscheidung', 'netz').split('\n')[0]).toMatch(/entscheidungen\.yaml:1$/);
    expect(messages(root)).toEqual([]);
    const lauf = (...args: string[]) => spawnSync(process.execPath, [join(PROJECT, 'src/cli/neu.ts'), 'entscheidung', ...args, '--inhalt', join(root, 'content')], { encoding: 'utf8' });
    const doppelt = lauf('netz');
    expect(doppelt.status).toBe(1);
    expect(doppelt.stderr).toContain('Die Entscheidung „netz“ gibt es schon.');
    const frage = lauf('Wer betreibt das Netz?');
    expect(frage.status).toBe(1);
    expect(frage.stderr).toContain('„Wer betreibt das Netz?“ ist keine ID');
    const feld = lauf('geraete', '--handlungsfeld', 'gibt-es-nicht');
    expect(feld.status).toBe(1);
    expect(feld.stderr).toContain('Das Handlungsfeld „gibt-es-nicht“ gibt es nicht; vorhanden: infrastruktur');
    expect(readFileSync(datei, 'utf8')).not.toContain('geraete');
  });

  it('fragt ohne Terminal nicht, sondern nennt die Auswahl, und überschreibt nichts', () => {
    const root = copyFixture();
    const ohne = spawnSync(process.execPath, [join(PROJECT, 'src/cli/neu.ts'), 'massnahme', 'X', '--inhalt', join(root, 'content')], { encoding: 'utf8', input: '' });
    expect(ohne.status).toBe(1);
    expect(ohne.stderr).toContain('Bitte Handlungsfeld angeben: infrastruktur');
    const doppelt = spawnSync(process.execPath, [join(PROJECT, 'src/cli/neu.ts'), 'massnahme', 'X', '--handlungsfeld', 'infrastruktur', '--code', 'I-01', '--inhalt', join(root, 'content')], { encoding: 'utf8' });
    expect(doppelt.status).toBe(1);
    expect(doppelt.stderr).toContain('Den Code „I-01“ gibt es schon.');
  });
});

describe('npm run neu -- plan', () => {
  it('legt einen fast leeren Plan an, der gültig ist und nur nennt, was einer öffentlichen Website fehlt', () => {
    const root = mkdtempSync(join(tmpdir(), 'planwerk-neu-plan-'));
    const ordner = join(root, 'plan');
    const ausgabe = execFileSync(process.execPath, [join(PROJECT, 'src/cli/neu.ts'), 'plan', 'Gemeinde Südheide', '--ordner', ordner], { cwd: PROJECT, encoding: 'utf8' });
    expect(ausgabe).toContain(`Neuer Plan angelegt in ${ordner}/`);
    expect(ausgabe).toContain(`PLANWERK_CONTENT=${ordner} npm run build`);
    // Only what the editor gave and what follows: the Kommune and the day the file was written.
    const plan = parseYaml(readFileSync(join(ordner, 'plan.yaml'), 'utf8'));
    expect(plan).toEqual({ kommune: 'Gemeinde Südheide', stand: new Date().toISOString().slice(0, 10) });
    expect(parseYaml(readFileSync(join(ordner, 'akteure.yaml'), 'utf8'))).toEqual([]);
    for (const sammlung of ['kapitel', 'handlungsfelder', 'massnahmen']) expect(readdirSync(join(ordner, sammlung)), sammlung).toEqual(['.gitkeep']);
    const result = validatePlan(planLocation(ordner, PROJECT));
    expect(result.problems).toEqual([]);
    expect(result.model?.plan.kommune).toBe('Gemeinde Südheide');
    const warnungen = result.warnungen.map((w) => `${w.field}: ${w.expected}`);
    expect(warnungen).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^impressum: .*Impressum.*eine öffentliche Website braucht sie/),
        expect.stringMatching(/^datenschutz: .*Datenschutzerklärung.*eine öffentliche Website braucht sie/),
        expect.stringMatching(/^barrierefreiheit: .*Erklärung zur Barrierefreiheit.*eine öffentliche Website braucht sie/),
      ]),
    );
    // The warnings are printed, too; and the folder is not overwritten a second time.
    expect(ausgabe).toMatch(/Feld „barrierefreiheit“: erwartet/);
    const nochmal = spawnSync(process.execPath, [join(PROJECT, 'src/cli/neu.ts'), 'plan', 'Gemeinde Südheide', '--ordner', ordner], { cwd: PROJECT, encoding: 'utf8' });
    expect(nochmal.status).toBe(1);
    expect(nochmal.stderr).toContain('ist nicht leer; nichts überschrieben');
    rmSync(root, { recursive: true, force: true });
  });

  it('übernimmt einen Titel nur, wenn er angegeben ist', () => {
    const root = mkdtempSync(join(tmpdir(), 'planwerk-neu-plan-'));
    execFileSync(process.execPath, [join(PROJECT, 'src/cli/neu.ts'), 'plan', 'Gemeinde Südheide', '--ordner', join(root, 'p'), '--titel', 'Medienentwicklungsplan 2027–2031'], { cwd: PROJECT, encoding: 'utf8' });
    expect(validatePlan(planLocation(join(root, 'p'), PROJECT)).model?.plan.titel).toBe('Medienentwicklungsplan 2027–2031');
    rmSync(root, { recursive: true, force: true });
  });

  it('legt den ersten Akteur an die Stelle der leeren Liste, die der neue Plan in akteure.yaml hat', () => {
    const root = mkdtempSync(join(tmpdir(), 'planwerk-neu-plan-'));
    const ordner = join(root, 'p');
    execFileSync(process.execPath, [join(PROJECT, 'src/cli/neu.ts'), 'plan', 'Gemeinde Südheide', '--ordner', ordner], { cwd: PROJECT, encoding: 'utf8' });
    execFileSync(process.execPath, [join(PROJECT, 'src/cli/neu.ts'), 'akteur', 'Medienzentrum', '--inhalt', ordner], { cwd: PROJECT, encoding: 'utf8' });
    expect(parseYaml(readFileSync(join(ordner, 'akteure.yaml'), 'utf8'))).toEqual([{ id: 'medienzentrum', name: 'Medienzentrum', entwurf: true }]);
    expect(validatePlan(planLocation(ordner, PROJECT)).problems).toEqual([]);
    rmSync(root, { recursive: true, force: true });
  });

  it('verlangt einen Planungshorizont, sobald der Plan Finanzdaten hat', () => {
    const root = mkdtempSync(join(tmpdir(), 'planwerk-neu-plan-'));
    const ordner = join(root, 'p');
    execFileSync(process.execPath, [join(PROJECT, 'src/cli/neu.ts'), 'plan', 'Gemeinde Südheide', '--ordner', ordner], { cwd: PROJECT, encoding: 'utf8' });
    writeFileSync(join(ordner, 'foerderprogramme.yaml'), '- id: digitalpakt\n  name: DigitalPakt Schule\n');
    const { problems } = validatePlan(planLocation(ordner, PROJECT));
    expect(problems.map((p) => `${p.field}: ${p.expected}`)).toContainEqual(expect.stringMatching(/^planungshorizont: die Jahre der Finanzplanung .*foerderprogramme\.yaml/));
    rmSync(root, { recursive: true, force: true });
  });
});
