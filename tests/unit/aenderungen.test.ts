/**
 * Two editions by hand: the fixture's current Maßnahmen are I-01 (in Umsetzung) and I-02
 * (abgeschlossen, formerly S-02).
 */
import { describe, expect, it } from 'vitest';
import { fixtureModel } from '../helpers/fixture.ts';
import { vergleiche, statusChronik } from '../../src/rechnen/aenderungen.ts';
import type { Entry } from '../../src/plan/model.ts';

const model = fixtureModel();
const fassung = (massnahmen: { id: string; titel: string; status: 'geplant' | 'in Umsetzung' | 'abgeschlossen' | 'zurückgestellt' }[]): Entry<'fassungen'> => ({
  id: 'alt',
  file: 'content/fassungen.yaml',
  data: { id: 'alt', name: 'Erstfassung 2023', nummer: 1, beschlossen: '2023-03-01', massnahmen, finanzen: { von: 2023, bis: 2027, bedarf: 50_000_000, finanzierung: 40_000_000 } },
});

describe('Änderungen zwischen zwei Fassungen', () => {
  it('findet neue, abgeschlossene, umbenannte und entfallene Maßnahmen', () => {
    const v = vergleiche(model, fassung([
      { id: 'S-02', titel: 'Displays', status: 'in Umsetzung' },
      { id: 'X-09', titel: 'Faxgeräte ersetzen', status: 'geplant' },
    ]));
    expect(v.neu).toEqual([{ id: 'I-01', titel: 'WLAN ausbauen', status: 'in Umsetzung' }]);
    expect(v.abgeschlossen).toEqual([{ id: 'I-02', titel: 'Displays beschaffen', vorher: 'in Umsetzung' }]);
    expect(v.umbenannt).toEqual([{ vorher: 'S-02', jetzt: 'I-02' }]);
    expect(v.statusGeaendert).toEqual([]);
    expect(v.entfallen).toEqual([{ id: 'X-09', titel: 'Faxgeräte ersetzen', vorher: 'geplant' }]);
  });

  it('findet geänderte Status und vergleicht die Finanzsummen', () => {
    const v = vergleiche(
      model,
      fassung([
        { id: 'I-01', titel: 'WLAN ausbauen', status: 'geplant' },
        { id: 'I-02', titel: 'Displays beschaffen', status: 'abgeschlossen' },
      ]),
      { von: 2025, bis: 2027, summe: { bedarf: 65_655_030, finanzierung: 8_000_050 } as never },
    );
    expect(v.neu).toEqual([]);
    expect(v.abgeschlossen).toEqual([]);
    expect(v.statusGeaendert).toEqual([{ id: 'I-01', titel: 'WLAN ausbauen', vorher: 'geplant', jetzt: 'in Umsetzung' }]);
    expect(v.entfallen).toEqual([]);
    expect(v.finanzen).toEqual({
      vorher: { von: 2023, bis: 2027, bedarf: 50_000_000, finanzierung: 40_000_000 },
      jetzt: { von: 2025, bis: 2027, bedarf: 65_655_030, finanzierung: 8_000_050 },
    });
  });

  it('zeigt den Status einer Maßnahme über die Fassungen', () => {
    const m = model.massnahmen.find((x) => x.id === 'I-02')!;
    const alt = fassung([{ id: 'S-02', titel: 'Displays', status: 'geplant' }]);
    expect(statusChronik({ fassungen: [alt] }, m)).toEqual([{ datum: '2023-03-01', status: 'geplant', quelle: 'Erstfassung 2023' }]);
  });
});
