/**
 * Entscheidungen (entscheidungen.yaml) in the model: a choice and an open decision as the plan
 * writes them, the Maßnahmen that carry a choice out, their place in the Druckfassung (after
 * the Handlungsfelder, in the file's order) and their open-data table with every column documented.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, messages, modelOf, write } from '../helpers/fixture.ts';
import { ENTSCHEIDUNG } from '../helpers/meldungskorpus.ts';
import { entscheidungenZu } from '../../src/plan/indexe.ts';
import { folgenDerOption, gewaehlteOption } from '../../src/rechnen/entscheidungen.ts';
import { druckGliederung } from '../../src/ausgabe/druckfassung.ts';
import { offeneTabellen } from '../../src/ausgabe/offenedaten/index.ts';
import { seitenDesPlans } from '../../src/ausgabe/seiten.ts';
import { seitenanker } from '../../src/ausgabe/seitenanker.ts';

const OFFEN = [
  '- id: geraete',
  '  frage: Kaufen oder leasen?',
  '  optionen:',
  '    - id: kauf',
  '      titel: Kauf',
  '      folgen: { kosten: Hohe Ausgaben im ersten Jahr., abhaengigkeit: Keine. }',
  '    - { id: leasing, titel: Leasing }',
  '  massnahmen: [I-02]',
  '',
].join('\n');

/** The minimal fixture without its entscheidungen.yaml. */
function ohneEntscheidungen() {
  const root = copyFixture();
  rmSync(join(root, 'content', 'entscheidungen.yaml'));
  return modelOf(root);
}

function planMitEntscheidungen() {
  const root = copyFixture();
  write(root, 'entscheidungen.yaml', OFFEN + ENTSCHEIDUNG);
  expect(messages(root)).toEqual([]);
  return modelOf(root);
}

describe('Entscheidungen', () => {
  it('liest eine getroffene und eine offene Entscheidung, ohne eine Wahl zu ergänzen', () => {
    const model = planMitEntscheidungen();
    const [offen, netz] = model.entscheidungen;
    expect(model.entscheidungen.map((e) => e.id)).toEqual(['geraete', 'netz']);
    expect(gewaehlteOption(offen!)).toBeUndefined();
    expect(offen!.data.datum).toBeUndefined();
    expect(gewaehlteOption(netz!)?.titel).toBe('Ein IT-Dienstleister');
    // Only the consequences the plan names, in a fixed order.
    expect(folgenDerOption(offen!.data.optionen[0]!).map((f) => f.label)).toEqual(['Kosten', 'Abhängigkeit']);
    expect(folgenDerOption(offen!.data.optionen[1]!)).toEqual([]);
  });

  it('ordnet jeder genannten Maßnahme ihre Entscheidungen zu', () => {
    const model = planMitEntscheidungen();
    expect(entscheidungenZu(model, 'I-01').map((e) => e.id)).toEqual(['netz']);
    expect(entscheidungenZu(model, 'I-02').map((e) => e.id)).toEqual(['geraete']);
    expect(seitenanker(model).get('/massnahmen/i-01/')?.has('entscheidungen')).toBe(true);
  });

  it('hat Seiten nur, wenn der Plan Entscheidungen hat', () => {
    expect(seitenDesPlans(ohneEntscheidungen()).entscheidungen).toBe(false);
    const model = planMitEntscheidungen();
    expect(seitenDesPlans(model).entscheidungen).toBe(true);
    expect([...(seitenanker(model).get('/entscheidungen/netz/') ?? [])]).toEqual(['optionen', 'option-eigenbetrieb', 'option-dienstleister', 'begruendung', 'massnahmen']);
  });

  it('steht in der Druckfassung nach den Handlungsfeldern und vor dem Maßnahmenkatalog, in der Reihenfolge der Datei', () => {
    const teile = druckGliederung(planMitEntscheidungen(), () => true);
    const anker = teile.map((t) => t.anker);
    const hier = anker.indexOf('entscheidungen');
    expect(hier).toBeGreaterThan(anker.indexOf('handlungsfelder'));
    expect(anker.slice(hier, hier + 4)).toEqual(['entscheidungen', 'entscheidung-geraete', 'entscheidung-netz', 'massnahmen']);
    const teil = teile[hier]!;
    expect(teile[hier + 1]).toMatchObject({ ebene: 2, nummer: `${teil.nummer}.1`, titel: 'Kaufen oder leasen?' });
    expect(teil.ergaenzung).toBeUndefined();
    // Without decisions, no part.
    expect(druckGliederung(ohneEntscheidungen(), () => true).some((t) => t.anker.startsWith('entscheidung'))).toBe(false);
  });

  it('veröffentlicht jede Entscheidung als offene Daten, jede Spalte beschrieben, die offene mit leerer Wahl', () => {
    const tabelle = offeneTabellen(planMitEntscheidungen()).find((t) => t.name === 'entscheidungen')!;
    expect(tabelle.datensaetze.map((d) => d.id)).toEqual(['geraete', 'netz']);
    expect(tabelle.datensaetze[0]!.wahl).toBeUndefined();
    expect(tabelle.datensaetze[1]!.wahl).toBe('dienstleister');
    expect(tabelle.doku.every((d) => d.bedeutung.length > 0)).toBe(true);
    expect(tabelle.doku.map((d) => d.muster)).toEqual(expect.arrayContaining(['frage', 'wahl', 'optionen.N.folgen.kosten', 'massnahmen.N']));
  });
});
