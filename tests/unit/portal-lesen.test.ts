/**
 * The portal's input: portal.yaml (messages with file, line, field, expected and found) and what it
 * reads of a plan site (src/portal/lesen.ts). Plan sites are folders written here, shaped as a built
 * site publishes them, so every case (no Portalangaben, a newer version, a broken table, a foreign
 * Pagefind version, paths that try to leave the site) is made on purpose.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/plan/problems.ts';
import { lesePortalkonfiguration, type PortalPlan } from '../../src/portal/konfiguration.ts';
import { lesePlan } from '../../src/portal/lesen.ts';
import { PORTALANGABEN_FORMAT, PORTALANGABEN_VERSION, type Portalangaben } from '../../src/ausgabe/offenedaten/portalformat.ts';

const ordner: string[] = [];
afterEach(() => {
  for (const o of ordner.splice(0)) rmSync(o, { recursive: true, force: true });
});
function neuerOrdner(): string {
  const o = mkdtempSync(join(tmpdir(), 'planwerk-portal-'));
  ordner.push(o);
  return o;
}
function schreibe(wurzel: string, pfad: string, inhalt: string | Buffer) {
  const datei = join(wurzel, ...pfad.split('/'));
  mkdirSync(dirname(datei), { recursive: true });
  writeFileSync(datei, inhalt);
}

const GUT = `titel: Medienentwicklung im Kreis
herausgeber:
  name: Kreis Lippenau
  anschrift: [Kreishaus, 12345 Lippenau]
  email: schule@kreis.example
plaene:
  - name: Stadt Musterstadt
    adresse: https://mep.musterstadt.example
  - name: Stadt Auenbrück
    adresse: https://www.auenbrueck.example/digitale-bildung/
`;

describe('portal.yaml', () => {
  it('settles ids from the names and addresses with a final slash', () => {
    const o = neuerOrdner();
    writeFileSync(join(o, 'portal.yaml'), GUT);
    const { konfiguration, problems } = lesePortalkonfiguration(o);
    expect(problems).toEqual([]);
    expect(konfiguration!.plaene.map((p) => [p.id, p.adresse, p.quelle])).toEqual([
      ['stadt-musterstadt', 'https://mep.musterstadt.example/', { art: 'url', url: 'https://mep.musterstadt.example/' }],
      ['stadt-auenbrueck', 'https://www.auenbrueck.example/digitale-bildung/', { art: 'url', url: 'https://www.auenbrueck.example/digitale-bildung/' }],
    ]);
  });

  it('names a missing file', () => {
    const { problems } = lesePortalkonfiguration(neuerOrdner());
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/^portal\.yaml: erwartet die Datei portal\.yaml .*; gefunden: keine Datei$/)]);
  });

  it('names file, line, field, expected and found for each mistake', () => {
    const o = neuerOrdner();
    const text = GUT.replace('adresse: https://mep.musterstadt.example', 'adresse: javascript:alert(1)').replace('  email: schule@kreis.example\n', '  email: schule@kreis.example\n  fax: 123\n');
    writeFileSync(join(o, 'portal.yaml'), text);
    const zeile = (teil: string) => text.split('\n').findIndex((l) => l.includes(teil)) + 1;
    const meldungen = lesePortalkonfiguration(o).problems.map(formatProblem);
    expect(meldungen).toContain(`portal.yaml:${zeile('fax:')}, Feld „herausgeber.fax“: erwartet nur Felder, die portal.yaml kennt; gefunden: das unbekannte Feld „fax“`);
    expect(meldungen.find((m) => m.includes('plaene.0.adresse'))).toMatch(new RegExp(`^portal\\.yaml:${zeile('javascript:')}, Feld „plaene\\.0\\.adresse“: erwartet .*https://.*; gefunden: .*javascript:`));
  });

  it('names a missing field and an empty list in German', () => {
    const o = neuerOrdner();
    writeFileSync(join(o, 'portal.yaml'), 'titel: Portal\nplaene: []\n');
    expect(lesePortalkonfiguration(o).problems.map(formatProblem)).toEqual([
      'portal.yaml, Feld „herausgeber“: erwartet Felder mit Namen und Wert; gefunden: nichts (Feld fehlt)',
      'portal.yaml:2, Feld „plaene“: erwartet mindestens 1 Eintrag; gefunden: []',
    ]);
  });

  it('allows http:// only for a plan served on this machine, and rejects two plans with one id', () => {
    const o = neuerOrdner();
    writeFileSync(join(o, 'portal.yaml'), `${GUT}  - name: Vorschau\n    id: stadt-musterstadt\n    adresse: http://127.0.0.1:4321/\n  - name: Unverschlüsselt\n    adresse: http://mep.example/\n`);
    const meldungen = lesePortalkonfiguration(o).problems.map(formatProblem);
    expect(meldungen).toHaveLength(1);
    expect(meldungen[0]).toMatch(/Feld „plaene\.3\.adresse“: .*gefunden: .*http:\/\//);
    writeFileSync(join(o, 'portal.yaml'), `${GUT}  - name: Vorschau\n    id: stadt-musterstadt\n    adresse: http://127.0.0.1:4321/\n`);
    expect(lesePortalkonfiguration(o).problems.map(formatProblem)).toEqual([expect.stringMatching(/Feld „plaene\.2\.id“: erwartet eine eigene id je Plan; gefunden: „stadt-musterstadt“ wie beim Plan Nr\. 1/)]);
  });
});

/** Portalangaben of a small site, with the given search files. */
function angaben(ueber: Partial<Portalangaben> = {}): Portalangaben {
  return {
    format: PORTALANGABEN_FORMAT,
    version: PORTALANGABEN_VERSION,
    planwerk: '0.3.0',
    kommune: 'Stadt Musterstadt',
    titel: 'Medienentwicklungsplan',
    stand: '2026-10',
    seiten: { start: '', massnahme: 'massnahmen/{id}/', akteur: 'akteure/{id}/', daten: 'daten/' },
    tabellen: [{ name: 'massnahmen', titel: 'Maßnahmen', stand: '2026-10-15', json: 'daten/massnahmen.json', csv: 'daten/massnahmen.csv', schema: 'daten/massnahmen.schema.json' }],
    suche: {
      pagefind: '1.6.0',
      sprache: 'de',
      seiten: 1,
      ordner: 'pagefind/',
      dateien: ['pagefind/pagefind-entry.json', 'pagefind/pagefind.de_abc.pf_meta', 'pagefind/fragment/de_1.pf_fragment', 'pagefind/pagefind.js'].map((pfad) => ({ pfad, bytes: 2 })),
    },
    ...ueber,
  };
}

function site(a: unknown, dateien: Record<string, string> = {}): PortalPlan {
  const wurzel = neuerOrdner();
  if (a !== undefined) schreibe(wurzel, 'daten/planwerk.json', JSON.stringify(a));
  for (const [pfad, inhalt] of Object.entries({ 'daten/massnahmen.json': '[{"id":"a-1","status":"geplant"}]', 'pagefind/pagefind-entry.json': '{}', 'pagefind/pagefind.de_abc.pf_meta': 'm', 'pagefind/fragment/de_1.pf_fragment': 'f', 'pagefind/pagefind.js': 'alert(1)', ...dateien })) schreibe(wurzel, pfad, inhalt);
  return { id: 'musterstadt', name: 'Stadt Musterstadt', adresse: 'https://mep.musterstadt.example/', quelle: { art: 'ordner', ordner: wurzel } };
}

describe('reading a plan site', () => {
  it('reads the tables and copies only Pagefind index files, never a script', async () => {
    const ziel = neuerOrdner();
    const plan = await lesePlan(site(angaben()), ziel, '1.6.0');
    expect(plan.hinweise).toEqual([]);
    expect(plan.tabellen.massnahmen).toEqual([{ id: 'a-1', status: 'geplant' }]);
    expect(plan.staende.massnahmen).toBe('2026-10-15');
    expect(plan.suche).toBe(true);
    const kopiert = readdirSync(join(ziel, 'musterstadt', 'pagefind'), { recursive: true, encoding: 'utf8' }).sort();
    expect(kopiert).toEqual(['fragment', 'fragment/de_1.pf_fragment', 'pagefind-entry.json', 'pagefind.de_abc.pf_meta']);
  });

  it('keeps a site without Portalangaben, with a note, and reads nothing else of it', async () => {
    const plan = await lesePlan(site(undefined), neuerOrdner(), '1.6.0');
    expect(plan.angaben).toBeUndefined();
    expect(plan.suche).toBe(false);
    expect(plan.tabellen).toEqual({});
    expect(plan.hinweise).toEqual([expect.stringContaining('veröffentlicht keine Portalangaben')]);
  });

  it('reads a newer version as far as it knows it, and says so', async () => {
    const plan = await lesePlan(site({ ...angaben({ version: PORTALANGABEN_VERSION + 1, planwerk: '9.0.0' }), neuesFeld: { x: 1 } }), neuerOrdner(), '1.6.0');
    expect(plan.angaben?.planwerk).toBe('9.0.0');
    expect(plan.tabellen.massnahmen).toHaveLength(1);
    expect(plan.hinweise).toEqual([expect.stringMatching(/Planwerk 9\.0\.0 gebaut, einer neueren Version als dieses Portal/)]);
  });

  it('does not merge an index of another Pagefind version, and says so', async () => {
    const ziel = neuerOrdner();
    const plan = await lesePlan(site(angaben({ suche: { ...angaben().suche!, pagefind: '2.0.0' } })), ziel, '1.6.0');
    expect(plan.suche).toBe(false);
    expect(existsSync(join(ziel, 'musterstadt'))).toBe(false);
    expect(plan.hinweise).toEqual([expect.stringMatching(/Pagefind 2\.0\.0, das Portal sucht mit Pagefind 1\.6\.0/)]);
  });

  it('rejects Portalangaben whose paths leave the site', async () => {
    for (const pfad of ['../../etc/passwd', '/etc/passwd', 'https://fremd.example/x.json', 'daten\\..\\x']) {
      const a = angaben();
      a.tabellen[0]!.json = pfad;
      const plan = await lesePlan(site(a), neuerOrdner(), '1.6.0');
      expect(plan.angaben, pfad).toBeUndefined();
      expect(plan.hinweise, pfad).toEqual([expect.stringMatching(/Feld „tabellen\.0\.json“/)]);
    }
  });

  it('notes a table that is not a list of records and a search file that is missing', async () => {
    const a = angaben();
    a.suche!.dateien.push({ pfad: 'pagefind/index/de_fehlt.pf_index', bytes: 1 });
    const ziel = neuerOrdner();
    const plan = await lesePlan(site(a, { 'daten/massnahmen.json': '{"id":"a-1"}' }), ziel, '1.6.0');
    expect(plan.tabellen.massnahmen).toBeUndefined();
    expect(plan.suche).toBe(false);
    expect(existsSync(join(ziel, 'musterstadt'))).toBe(false);
    expect(plan.hinweise).toEqual([expect.stringContaining('„Maßnahmen“ ließ sich nicht lesen: daten/massnahmen.json ist keine Liste'), expect.stringContaining('Suchindex ließ sich nicht übernehmen: pagefind/index/de_fehlt.pf_index fehlt')]);
  });
});
