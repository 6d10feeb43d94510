/**
 * Which Maßnahmen concern a school (named in `schulen`, or through its Schulform in
 * `schulformen`), whom the school asks, and the messages for a Maßnahme that names a school or
 * Schulform the plan does not have.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, edit, messages, modelOf, PROJECT } from '../helpers/fixture.ts';
import { validatePlan } from '../../src/pruefung/validate.ts';
import { planLocation } from '../../src/plan/sources.ts';
import { formatProblem } from '../../src/plan/problems.ts';
import { ansprechpartnerDerSchule, genannteSchulen, massnahmenDerSchule, massnahmenOhneSchulbezug } from '../../src/rechnen/schulen.ts';
import { byId } from '../../src/plan/model.ts';

/** The fixture with I-01 naming Grundschule A and I-02 naming the Schulform Grundschule. */
function mitSchulbezug(i01: string, i02: string) {
  const root = copyFixture();
  edit(root, 'massnahmen/i-01.mdx', 'partner: [it]\n', `partner: [it]\n${i01}\n`);
  edit(root, 'massnahmen/i-02.mdx', 'verantwortlich: [schulamt]\n', `verantwortlich: [schulamt]\n${i02}\n`);
  return root;
}

const codes = (liste: readonly { massnahme: { id: string } }[]) => liste.map((x) => x.massnahme.id);

describe('Maßnahmen einer Schule', () => {
  it('nennt die Maßnahmen, die die Schule selbst oder ihre Schulform nennen, in Code-Reihenfolge', () => {
    const model = modelOf(mitSchulbezug('schulen: [gs-a]', 'schulformen: [grundschule]'));
    expect(massnahmenDerSchule(model, 'gs-a').map(({ massnahme, direkt, schulform }) => ({ id: massnahme.id, direkt, schulform }))).toEqual([
      { id: 'I-01', direkt: true, schulform: false },
      { id: 'I-02', direkt: false, schulform: true },
    ]);
    expect(codes(massnahmenDerSchule(model, 'gs-b'))).toEqual(['I-02']);
    expect(massnahmenDerSchule(model, 'gym-c')).toEqual([]);
  });

  it('führt eine Maßnahme, die Schule und Schulform nennt, nur einmal', () => {
    const model = modelOf(mitSchulbezug('schulen: [gs-a, gym-c]\nschulformen: [grundschule]', ''));
    expect(massnahmenDerSchule(model, 'gs-a').map((x) => [x.massnahme.id, x.direkt, x.schulform])).toEqual([['I-01', true, true]]);
    expect(massnahmenDerSchule(model, 'gym-c').map((x) => [x.massnahme.id, x.direkt, x.schulform])).toEqual([['I-01', true, false]]);
  });

  it('rät nichts aus dem Text: ohne die Felder betrifft keine Maßnahme eine Schule', () => {
    const model = modelOf(copyFixture());
    for (const s of model.schulen) expect(massnahmenDerSchule(model, s.id)).toEqual([]);
    expect(massnahmenOhneSchulbezug(model)).toBe(true);
  });

  it('listet auf der Maßnahme die genannten Schulen nach Namen und die Schulformen mit ihrer Schulzahl', () => {
    const model = modelOf(mitSchulbezug('schulen: [gym-c, gs-b]\nschulformen: [gymnasium, grundschule]', ''));
    const genannt = genannteSchulen(model, byId(model.massnahmen, 'I-01', 'massnahmen'));
    expect(genannt.schulen.map((s) => s.data.name)).toEqual(['Grundschule B', 'Gymnasium C']);
    expect(genannt.schulformen.map((f) => [f.schulform.id, f.anzahl])).toEqual([['grundschule', 2], ['gymnasium', 1]]);
    expect(genannteSchulen(model, byId(model.massnahmen, 'I-02', 'massnahmen'))).toEqual({ schulen: [], schulformen: [] });
  });
});

describe('Ansprechpartner einer Schule', () => {
  it('nennt die Verantwortlichen ihrer Maßnahmen und die Akteure im Support, die Ansprechpartner für Themen sind', () => {
    const root = mitSchulbezug('schulen: [gs-a]', 'schulformen: [grundschule]');
    edit(root, 'akteure.yaml', '  supportlevel: [2nd-Level]\n', '  supportlevel: [2nd-Level]\n  themen: [Störungen im Schulnetz]\n');
    const model = modelOf(root);
    const kontakte = ansprechpartnerDerSchule(model, 'gs-a');
    expect(kontakte.verantwortlich.map((v) => [v.akteur.id, v.massnahmen.map((m) => m.id)])).toEqual([['schulamt', ['I-01', 'I-02']]]);
    // „schulen“ has a support level but is no contact for a topic: not listed.
    expect(kontakte.support.map((a) => a.id)).toEqual(['it']);
    expect(ansprechpartnerDerSchule(model, 'gym-c').verantwortlich).toEqual([]);
  });

  it('erfindet keine Ansprechpartner, wo der Plan keine nennt', () => {
    const model = modelOf(copyFixture());
    expect(ansprechpartnerDerSchule(model, 'gs-a')).toEqual({ verantwortlich: [], support: [] });
  });
});

describe('Prüfung der Felder schulen und schulformen', () => {
  it('meldet eine unbekannte Schule mit Datei, Feld, Erwartung und Fund', () => {
    const root = mitSchulbezug('schulen: [gs-a, gs-z]', '');
    expect(messages(root)).toEqual([
      'content/massnahmen/i-01.mdx:1, Feld „schulen.1“: erwartet eine vorhandene ID aus „schulen“ (content/daten/schulen.csv); gefunden: „gs-z“, das es dort nicht gibt',
    ]);
  });

  it('meldet eine unbekannte Schulform', () => {
    const root = mitSchulbezug('', 'schulformen: [realschule]');
    expect(messages(root)).toEqual([
      'content/massnahmen/i-02.mdx:1, Feld „schulformen.0“: erwartet eine vorhandene ID aus „schulformen“ (content/schulformen.yaml); gefunden: „realschule“, das es dort nicht gibt',
    ]);
  });

  it('verlangt eine Liste und sagt, wie sie aussieht', () => {
    const root = mitSchulbezug('schulen: gs-a', '');
    const list = messages(root);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatch(/^content\/massnahmen\/i-01\.mdx:1, Feld „schulen“: erwartet eine Liste von Schul-IDs aus daten\/schulen\.csv, z\. B\. \[gs-am-lindenhof\]; gefunden: „gs-a“$/);
  });

  it('hält einen Plan ohne Schuldaten an, dessen Maßnahme eine Schule nennt, und sagt, dass die Daten fehlen', () => {
    const root = mkdtempSync(join(tmpdir(), 'planwerk-'));
    cpSync(join(PROJECT, 'beispiele', 'grossstadt'), join(root, 'content'), { recursive: true });
    const model = modelOf(root);
    expect(model.schulen).toEqual([]);
    const datei = model.massnahmen[0]!.file.split('/').pop()!;
    edit(root, `massnahmen/${datei}`, /^---\n/, '---\nschulen: [gs-am-lindenhof]\n');
    const result = validatePlan(planLocation(join(root, 'content'), root));
    const list = result.problems.map(formatProblem);
    expect(list).toEqual([
      `content/massnahmen/${datei}:1, Feld „schulen.0“: erwartet eine vorhandene ID aus „schulen“ (content/daten/schulen.csv); gefunden: „gs-am-lindenhof“, aber der Plan hat keine Einträge in content/daten/schulen.csv (die Datei fehlt oder ist leer)`,
    ]);
    expect(result.problems[0]!.hinweis).toContain('Den Verweis entfernen');
  });
});

describe('Beispielplan Musterstadt', () => {
  const model = modelOf(PROJECT);

  it('nennt Schulen und Schulformen nur mit IDs, die es gibt, und jede genannte Schule hat die Maßnahme', () => {
    const mitBezug = model.massnahmen.filter((m) => m.data.schulen.length > 0 || m.data.schulformen.length > 0);
    expect(mitBezug.length).toBeGreaterThan(0);
    for (const m of mitBezug) {
      for (const r of m.data.schulen) expect(codes(massnahmenDerSchule(model, r.id)), `${m.id} → ${r.id}`).toContain(m.id);
      for (const r of m.data.schulformen) {
        for (const s of model.schulen.filter((x) => x.data.schulform.id === r.id)) expect(codes(massnahmenDerSchule(model, s.id)), `${m.id} → ${s.id}`).toContain(m.id);
      }
    }
  });
});
