/**
 * The Portalangaben of the three built sample plans (daten/planwerk.json, src/ausgabe/offenedaten/portalangaben.ts):
 * valid against the contract (src/ausgabe/offenedaten/portalformat.ts); plan.yaml's head as the plan gives it; every
 * path relative to the site's root, so that the site's address (with the Großstadt's base path)
 * in front of it names a file of the build; every file of the search index listed with its size
 * and none missing; every table of the open data with files that exist; the page pattern of a
 * Maßnahme filled with a real one names its built page.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ohneBasis, seite } from '../../src/plan/urls.ts';
import { PORTALANGABEN_DATEI, PORTALANGABEN_FORMAT, PORTALANGABEN_VERSION, portalangabenSchema, type Portalangaben } from '../../src/ausgabe/offenedaten/portalformat.ts';
import { BEISPIELPLAENE } from '../helpers/plaene.ts';

/** Every file under a folder, relative to it with „/“. */
const dateienUnter = (ordner: string) =>
  (readdirSync(ordner, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => relative(ordner, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();

for (const plan of BEISPIELPLAENE) describe(`Portalangaben: Beispielplan ${plan.name}`, () => {
  const model = plan.modell();
  const roh = () => JSON.parse(readFileSync(join(plan.dist, PORTALANGABEN_DATEI), 'utf8')) as unknown;
  const angaben = (): Portalangaben => portalangabenSchema.parse(roh());
  /** A path of the file resolved as a portal does: against the site's address (root with base path), then to the file in dist. */
  const datei = (pfad: string) => {
    const wurzel = new URL(plan.href(seite.start()), 'https://portal.invalid');
    const adresse = new URL(pfad, wurzel);
    expect(adresse.origin, pfad).toBe(wurzel.origin);
    const sitepfad = ohneBasis(decodeURIComponent(adresse.pathname), plan.basis);
    expect(sitepfad, `${pfad} liegt unter ${plan.basis}`).toBeDefined();
    return plan.site.fileFor(sitepfad!);
  };

  it('passt zum Schema der Portalangaben, mit Format und Version', () => {
    expect(() => angaben()).not.toThrow();
    expect(angaben().format).toBe(PORTALANGABEN_FORMAT);
    expect(angaben().version).toBe(PORTALANGABEN_VERSION);
  });

  it('gibt Kommune, Titel, Fassung, Stand, Beschluss, Planungszeitraum und Adresse so an, wie plan.yaml sie nennt, und nichts, was es nicht nennt', () => {
    const a = angaben();
    const p = model.plan;
    expect(a.kommune).toBe(p.kommune);
    expect(a.titel).toBe(p.titel ?? p.kommune);
    expect(a.stand).toBe(p.stand);
    expect(a.fassung).toEqual(p.fassung);
    expect(a.planungszeitraum).toEqual(p.planungszeitraum);
    expect(a.website).toBe(p.website);
    expect(a.beschluss).toEqual(p.beschluss && { datum: p.beschluss.datum, gremium: p.beschluss.gremium, ...(p.beschluss.vorlage ? { vorlage: p.beschluss.vorlage } : {}) });
    // Absent stays absent: no key with an empty value for what plan.yaml leaves out.
    for (const feld of ['fassung', 'planungszeitraum', 'beschluss', 'website'] as const) expect(feld in (roh() as object), feld).toBe(p[feld] !== undefined);
    expect(JSON.stringify(roh())).not.toContain('"url"');
  });

  it('nennt jede Datei des Suchindex mit ihrer Größe, und jede Datei unter pagefind/ steht darin', () => {
    const suche = angaben().suche!;
    expect(suche).toBeDefined();
    const entry = JSON.parse(readFileSync(datei(`${suche.ordner}/pagefind-entry.json`), 'utf8')) as { version: string; languages: Record<string, { page_count: number }> };
    expect(suche.pagefind).toBe(entry.version);
    // The site's language, as Pagefind read it from <html lang>.
    expect(suche.sprache).toBe(plan.site.page(seite.start()).querySelector('html')!.getAttribute('lang'));
    expect(suche.seiten).toBe(entry.languages[suche.sprache]!.page_count);
    for (const d of suche.dateien) expect(statSync(datei(d.pfad)).size, d.pfad).toBe(d.bytes);
    expect(suche.dateien.map((d) => d.pfad)).toEqual(dateienUnter(join(plan.dist, 'pagefind')).map((p) => `pagefind/${p}`));
  });

  it('nennt jede Tabelle der offenen Daten, und ihre Dateien gibt es', () => {
    const a = angaben();
    const csv = readdirSync(join(plan.dist, 'daten')).filter((n) => n.endsWith('.csv')).map((n) => n.slice(0, -4));
    expect(a.tabellen.map((t) => t.name).sort()).toEqual(csv.sort());
    for (const t of a.tabellen) {
      for (const pfad of [t.json, t.csv, t.schema]) expect(existsSync(datei(pfad)), pfad).toBe(true);
      const datensaetze = JSON.parse(readFileSync(datei(t.json), 'utf8')) as unknown[];
      expect(Array.isArray(datensaetze), t.json).toBe(true);
    }
  });

  it('führt mit der Kennung einer Maßnahme und eines Akteurs zu deren Seiten, mit der Startseite zur Startseite', () => {
    const { seiten } = angaben();
    const massnahmen = JSON.parse(readFileSync(join(plan.dist, 'daten', 'massnahmen.json'), 'utf8')) as { id: string; titel: string }[];
    expect(massnahmen.length).toBeGreaterThan(0);
    for (const m of massnahmen) {
      // Maßnahmen pages are named by the id in lower case (src/plan/urls.ts, seite.massnahme).
      const html = readFileSync(datei(seiten.massnahme.replace('{id}', m.id.toLowerCase())), 'utf8');
      expect(html, m.id).toContain(m.titel.replaceAll('&', '&amp;'));
    }
    const akteure = JSON.parse(readFileSync(join(plan.dist, 'daten', 'akteure.json'), 'utf8')) as { id: string }[];
    for (const a of akteure) expect(existsSync(datei(seiten.akteur.replace('{id}', a.id))), a.id).toBe(true);
    expect(datei(seiten.start)).toBe(plan.site.fileFor(seite.start()));
    expect(existsSync(datei(seiten.daten))).toBe(true);
  });

  it('veröffentlicht die gemeinsamen Kennungen der Akteure in akteure.json', () => {
    const akteure = JSON.parse(readFileSync(join(plan.dist, 'daten', 'akteure.json'), 'utf8')) as { id: string; kennung?: string }[];
    const erwartet = model.akteure.filter((a) => a.data.kennung).map((a) => [a.id, a.data.kennung]);
    expect(akteure.filter((a) => a.kennung).map((a) => [a.id, a.kennung])).toEqual(erwartet);
  });
});
