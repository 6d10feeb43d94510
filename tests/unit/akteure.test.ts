/**
 * Actors in the minimal fixture: schulamt (Schulträger) beauftragt it (kommunale
 * Unterstützung); schulen (Schule) arbeitet zusammen mit it. Handlungsfeld infrastruktur:
 * verantwortlich schulamt; I-01 verantwortlich schulamt, Partner it; I-02 verantwortlich schulamt.
 */
import { describe, expect, it } from 'vitest';
import { fixtureModel } from '../helpers/fixture.ts';
import { ansprechpartner, beziehungen, beziehungsart, formateVon, karteDaten, supportStufen, unreferenzierteAkteure, zustaendigkeitsmatrix } from '../../src/lib/akteure.ts';

const model = fixtureModel();

describe('Zuständigkeitsmatrix', () => {
  it('ergibt sich aus Maßnahmen und Zuständigkeiten der Handlungsfelder', () => {
    const m = zustaendigkeitsmatrix(model);
    expect(m.spalten.map((a) => a.id)).toEqual(['schulamt', 'it']); // schulen has no entry; Schulträger before kommunale Unterstützung
    expect(m.zeilen.map((z) => [z.handlungsfeld.id, z.zellen])).toEqual([
      [
        'infrastruktur',
        [
          { verantwortlich: ['I-01', 'I-02'], partner: [], handlungsfeld: true },
          { verantwortlich: [], partner: ['I-01'], handlungsfeld: false },
        ],
      ],
    ]);
  });
});

describe('Beziehungen', () => {
  it('zeigt jede Beziehung bei beiden Akteuren, einmal in jeder Richtung', () => {
    expect(beziehungen(model, 'it').map((b) => [b.richtung, b.typ, b.akteur.id])).toEqual([
      ['ein', 'beauftragt', 'schulamt'],
      ['ein', 'arbeitet zusammen mit', 'schulen'],
    ]);
    expect(beziehungen(model, 'schulamt').map((b) => [b.richtung, b.typ, b.akteur.id])).toEqual([['aus', 'beauftragt', 'it']]);
  });

  it('unterscheidet vertikale und horizontale Beziehungen', () => {
    expect(beziehungsart('Schulträger', 'kommunale Unterstützung')).toBe('horizontal');
    expect(beziehungsart('Schule', 'kommunale Unterstützung')).toBe('vertikal');
    expect(beziehungsart('Schulaufsicht', 'Land')).toBe('horizontal');
    expect(karteDaten(model).kanten).toEqual([
      { von: 'schulamt', nach: 'it', typ: 'beauftragt', art: 'horizontal' },
      { von: 'schulen', nach: 'it', typ: 'arbeitet zusammen mit', art: 'vertikal' },
    ]);
  });
});

describe('Übersichten', () => {
  it('ordnet Support-Stufen, Formate und Ansprechpartner zu', () => {
    expect(supportStufen(model).map((s) => [s.stufe, s.akteure.map((a) => a.id)])).toEqual([
      ['1st-Level', ['schulen']],
      ['2nd-Level', ['it']],
      ['3rd-Level', []],
    ]);
    expect(formateVon(model, 'schulamt').map((f) => f.id)).toEqual(['treffen']);
    expect(formateVon(model, 'schulen')).toEqual([]);
    expect(ansprechpartner(model)).toEqual([]);
  });

  it('findet Akteure, die nirgends genannt werden', () => {
    expect(unreferenzierteAkteure(model).map((a) => a.id)).toEqual(['schulen']);
  });
});
