/**
 * The generator's plan shapes for the portal (bench/generator.ts `form`, issue 28) and the static
 * server of tests/helpers/portalplaene.ts. Each shape is a valid plan with the files its shape
 * promises and no others; the expectations come from the generated files and from `voll`.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { generatePlan, KREISFACHTAG, type GenerateOptions } from '../../bench/generator.ts';
import { validatePlan } from '../../src/pruefung/validate.ts';
import { planLocation } from '../../src/plan/sources.ts';
import { formatProblem } from '../../src/plan/problems.ts';
import { erhebungsdaten } from '../../src/rechnen/erhebungen.ts';
import { finanztabellenVon } from '../../src/rechnen/finanztabellen.ts';
import { akteureSchema } from '../../src/plan/schemas/akteure.ts';
import { plainRef } from '../../src/plan/schemas/grundtypen.ts';

/** Whether this Planwerk knows the optional actor field `kennung` (added for the portal's shared actors). */
const KENNUNG_BEKANNT = 'kennung' in akteureSchema(plainRef).shape;

const base = mkdtempSync(join(tmpdir(), 'planwerk-planformen-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function erzeuge(name: string, options: GenerateOptions) {
  const plan = generatePlan(join(base, name), options);
  const result = validatePlan(planLocation(plan.contentDir, join(base, name)));
  return { plan, result, model: result.model };
}

/** Every file of a content folder, relative, sorted. */
const dateien = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
const zeilen = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((z) => z.split(';'));

describe('Planformen des Generators', () => {
  const voll = erzeuge('voll', { massnahmen: 12, seed: 5 });
  const erhebungen = erzeuge('erhebungen', { massnahmen: 12, seed: 5, form: 'erhebungen', kommune: 'Stadt Lindenbrück' });
  const finanzen = erzeuge('finanztabellen', { massnahmen: 10, seed: 6, form: 'finanztabellen', kommune: 'Gemeinde Moorwiesen', website: 'https://kreis.example/plan-b/' });
  const minimal = erzeuge('minimal', { massnahmen: 8, seed: 7, form: 'minimal', kommune: 'Kreis Talheim' });
  const mitKennungen = erzeuge('kennungen', { massnahmen: 8, seed: 7, form: 'minimal', kommune: 'Kreis Talheim', kennungen: true });
  const kreisplaene = [erhebungen, finanzen, minimal];

  it('jede Form ist ein gültiger Plan', () => {
    for (const { plan, result } of [voll, ...kreisplaene]) {
      expect(result.problems.map(formatProblem), plan.form).toEqual([]);
      expect(result.model?.massnahmen).toHaveLength(plan.counts.massnahmen);
    }
  });

  it('„minimal“ hat nur plan.yaml, Akteure, ein Kapitel, Handlungsfelder und Maßnahmen', () => {
    const files = dateien(minimal.plan.contentDir);
    expect(files.filter((f) => !/^(handlungsfelder|massnahmen|kapitel)\//.test(f))).toEqual(['akteure.yaml', 'plan.yaml']);
    expect(files.filter((f) => f.startsWith('kapitel/'))).toHaveLength(1);
    expect(files.filter((f) => f.startsWith('massnahmen/'))).toHaveLength(8);
  });

  it('„finanztabellen“ hat veröffentlichte Tabellen, deren Summen stimmen, und keine Schulen und keinen Bestand', () => {
    const files = dateien(finanzen.plan.contentDir);
    expect(files).not.toContain(join('daten', 'schulen.csv'));
    expect(files).not.toContain(join('daten', 'inventar.csv'));
    expect(files).toContain('finanzen.yaml');
    const model = finanzen.model!;
    expect(model.schulen).toEqual([]);
    const tabellen = finanztabellenVon(model).tabellen;
    expect(tabellen.map((t) => t.id).sort()).toEqual([...finanzen.plan.finanztabellen].sort());
    for (const t of tabellen) {
      expect(t.summenzeile, t.id).toBeDefined();
      expect(t.pruefungen.length, t.id).toBeGreaterThan(0);
      expect(t.pruefungen.filter((p) => !p.ok)).toEqual([]);
    }
    // the CSV's own figures: each row's sum column is the sum of its parts
    for (const id of finanzen.plan.finanztabellen) {
      const [kopf, ...rows] = zeilen(readFileSync(join(finanzen.plan.contentDir, 'daten', 'finanzen', `${id}.csv`), 'utf8'));
      const summe = kopf!.indexOf('summe');
      const zahl = (t: string) => (t === '' ? 0 : Number(t.replaceAll('.', '').replace(',', '.')));
      for (const row of rows) expect(zahl(row[summe]!)).toBe(row.slice(1, summe).reduce((a, t) => a + zahl(t), 0));
    }
    expect(parse(readFileSync(join(finanzen.plan.contentDir, 'plan.yaml'), 'utf8')).website).toBe('https://kreis.example/plan-b/');
    expect(model.basis).toBe('/plan-b/');
  });

  it('„erhebungen“ hat zwei Runden; die spätere hat die Zahlen, die „voll“ in schulen.csv schreibt', () => {
    const daten = erhebungsdaten(erhebungen.model!);
    expect(daten.runden.filter((r) => r.explizit).map((r) => r.id)).toEqual(erhebungen.plan.erhebungen);
    expect(erhebungen.plan.erhebungen).toHaveLength(2);
    const [vollKopf, ...vollZeilen] = zeilen(readFileSync(join(voll.plan.contentDir, 'daten', 'schulen.csv'), 'utf8'));
    const [rundeKopf, ...rundeZeilen] = zeilen(readFileSync(join(erhebungen.plan.contentDir, 'daten', 'erhebungen', `${erhebungen.plan.erhebungen[1]}.csv`), 'utf8'));
    expect(rundeZeilen.map((z) => z[0])).toEqual(vollZeilen.map((z) => z[0]));
    for (const feld of ['schuelerzahl', 'endgeraete_schueler', 'wlan_abdeckung']) {
      expect(rundeZeilen.map((z) => z[rundeKopf!.indexOf(feld)]), feld).toEqual(vollZeilen.map((z) => z[vollKopf!.indexOf(feld)]));
    }
    // the earlier round had fewer devices at every school
    const frueher = daten.jeRunde.get(erhebungen.plan.erhebungen[0]!)!;
    const spaeter = new Map(daten.jeRunde.get(erhebungen.plan.erhebungen[1]!)!.map((s) => [s.schule, s]));
    for (const s of frueher) expect(s.werte.endgeraete_schueler!).toBeLessThanOrEqual(spaeter.get(s.schule)!.werte.endgeraete_schueler!);
    expect(zeilen(readFileSync(join(erhebungen.plan.contentDir, 'daten', 'schulen.csv'), 'utf8'))[0]).toEqual(['id', 'name', 'schulform', 'stadtbezirk']);
  });

  it('jeder Plan des Kreises hat eine Maßnahme mit „Kreisfachtag“ und seinem Namen im Titel, nur diese', () => {
    for (const { plan, model } of kreisplaene) {
      expect(plan.kreisfachtag?.titel).toContain(KREISFACHTAG);
      expect(plan.kreisfachtag?.titel).toContain(plan.kommune);
      const treffer = model!.massnahmen.filter((m) => m.data.titel.includes(KREISFACHTAG));
      expect(treffer.map((m) => [m.id, m.data.titel])).toEqual([[plan.kreisfachtag!.id, plan.kreisfachtag!.titel]]);
    }
    expect(voll.plan.kreisfachtag).toBeUndefined();
    expect(voll.model!.massnahmen.filter((m) => m.data.titel.includes(KREISFACHTAG))).toEqual([]);
  });

  it('die gemeinsamen Akteure des Kreises: die Schulaufsicht unter zwei Namen, die auchBekanntAls verbindet', () => {
    const akteure = (p: (typeof kreisplaene)[number]) => new Map(p.model!.akteure.map((a) => [a.id, a.data]));
    for (const p of kreisplaene) {
      const namen = akteure(p);
      for (const k of p.plan.kreisakteure) expect(namen.get(k.id)?.name).toBe(k.name);
      expect(p.plan.kreisakteure.map((k) => k.name)).toContain('Kreismedienzentrum');
    }
    const aufsicht = (p: (typeof kreisplaene)[number]) => p.plan.kreisakteure.find((k) => /Schul(aufsicht|amt)/.test(k.name))!;
    const untere = aufsicht(erhebungen);
    expect(untere.name).toBe('Untere Schulaufsicht');
    for (const p of [finanzen, minimal]) {
      expect(aufsicht(p).name).not.toBe(untere.name);
      expect(untere.auchBekanntAls).toContain(aufsicht(p).name);
    }
  });

  it('gibt dem Kreismedienzentrum die Kennung nur, wenn verlangt', () => {
    const roh = (p: (typeof kreisplaene)[number]) => parse(readFileSync(join(p.plan.contentDir, 'akteure.yaml'), 'utf8')) as { id: string; kennung?: string }[];
    expect(roh(mitKennungen).filter((a) => a.kennung).map((a) => [a.id, a.kennung])).toEqual([['kreismedienzentrum', 'kreismedienzentrum']]);
    expect(mitKennungen.plan.kreisakteure.find((k) => k.id === 'kreismedienzentrum')?.kennung).toBe('kreismedienzentrum');
    for (const p of kreisplaene) expect(roh(p).some((a) => 'kennung' in a)).toBe(false);
  });

  it.runIf(KENNUNG_BEKANNT)('ein Plan mit Kennungen ist gültig, sobald Planwerk das Feld „kennung“ kennt', () => {
    expect(mitKennungen.result.problems.map(formatProblem)).toEqual([]);
  });
});
