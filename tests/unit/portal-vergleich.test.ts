import { describe, expect, it } from 'vitest';
import { STATUS } from '../../src/plan/schemas/vokabular.ts';
import type { Datensatz } from '../../src/portal/typen.ts';
import {
  ausstattungsquotenVergleich,
  datenDerPlaene,
  euroWieVeroeffentlicht,
  finanzVergleich,
  LEER,
  statusVergleich,
  wieVeroeffentlicht,
} from '../../src/portal/vergleich.ts';
import { angaben, BEISPIELE, beispielplan, plain, plan } from '../helpers/vergleichsplaene.ts';

/** Reads a de-DE number back („1.234,5 %“ → 1234.5), to check a shown figure against the published one. */
const zurueck = (text: string) => Number(plain(text).replace(/[ €%]/g, '').replaceAll('.', '').replace(',', '.'));

describe('Zahlen wie veröffentlicht', () => {
  it('zeigt genau die Nachkommastellen der veröffentlichten Zahl', () => {
    expect(wieVeroeffentlicht(31.59)).toBe('31,59');
    expect(wieVeroeffentlicht(100)).toBe('100');
    expect(wieVeroeffentlicht(1234.5)).toBe('1.234,5');
    expect(wieVeroeffentlicht(0.1)).toBe('0,1');
    expect(wieVeroeffentlicht(-2.25)).toBe('-2,25');
    // Shortest form in exponent notation: no rounding to a default number of decimals.
    expect(wieVeroeffentlicht(1e-7)).toBe('0,0000001');
    expect(wieVeroeffentlicht(12345678.125)).toBe('12.345.678,125');
  });
  it('zeigt Euro ganz oder mit Cent, nie gerundet', () => {
    expect(plain(euroWieVeroeffentlicht(212.27))).toBe('212,27 €');
    // 212.30 is written 212.3 in JSON; the plan rounded to whole cents.
    expect(plain(euroWieVeroeffentlicht(212.3))).toBe('212,30 €');
    expect(plain(euroWieVeroeffentlicht(5100160))).toBe('5.100.160 €');
    expect(plain(euroWieVeroeffentlicht(0.125))).toBe('0,125 €');
  });
  it('lehnt etwas ab, das keine veröffentlichte Zahl sein kann', () => {
    expect(() => wieVeroeffentlicht(Number.NaN)).toThrow(RangeError);
    expect(() => euroWieVeroeffentlicht(Infinity)).toThrow(RangeError);
  });
});

describe('Ausstattungsquoten je Schulform', () => {
  const a = plan('a', {
    angaben: angaben('A', { stand: '2026-10' }),
    staende: { ausstattungsquoten: '2026-09-15' },
    tabellen: {
      ausstattungsquoten: [
        { schulform: 'grundschule', name: 'Grundschule', schulen: 10, schueler: 3352, endgeraete: 1059, quote: 31.59, ziel: 25, zielVergleich: 'mindestens', zielJahr: 2027, schulenAmZiel: 8 },
        { schulform: 'gymnasium', name: 'Gymnasium', schulen: 5, schueler: 4707, endgeraete: 4503, quote: 95.67, ziel: 100 },
        { name: 'Alle Schulen', schulen: 15, schueler: 8059, endgeraete: 5562, quote: 69.02 },
      ],
    },
  });
  const b = plan('b', {
    angaben: angaben('B', { stand: '2026-03' }),
    tabellen: {
      ausstattungsquoten: [
        { schulform: 'gymnasium', name: 'Gymnasien', schulen: 2, schueler: 1800, endgeraete: 1800, quote: 100 },
        // Schools of this form, but no pupils published: no quote.
        { schulform: 'grundschule', name: 'Grundschule', schulen: 3 },
        { schulform: 'berufskolleg', name: 'Berufskolleg', schulen: 1, schueler: 2000, endgeraete: 1500, quote: 75, ziel: 80, zielGruppe: 'weiterführende Schulen' },
        { name: 'Alle Schulen', schulen: 6, schueler: 3800, endgeraete: 3300, quote: 86.8 },
      ],
    },
  });
  const c = plan('c', { staende: { ausstattungsquoten: '2024-05' }, tabellen: { ausstattungsquoten: [{ schulform: 'grundschule', name: 'Grundschule', schulen: 4, schueler: 800, endgeraete: 120, quote: 15 }] } });
  const ohneStand = plan('e', { tabellen: { ausstattungsquoten: [{ schulform: 'grundschule', name: 'Grundschule', schulen: 1, schueler: 100, endgeraete: 10, quote: 10 }] } });
  const ohneTabelle = plan('d', { angaben: angaben('D') });
  const v = ausstattungsquotenVergleich([a, b, c, ohneTabelle, ohneStand]);

  it('vergleicht nur Pläne, deren Zahlen einen Stand im selben Jahr haben', () => {
    expect(v.gruppen.map((g) => [g.jahr, g.spalten.map((s) => s.plan)])).toEqual([
      [2026, ['a', 'b']],
      [2024, ['c']],
      [undefined, ['e']],
    ]);
    expect(v.hinweise.join(' ')).toMatch(/nicht miteinander verglichen/);
    expect(v.gruppen[1]!.hinweise.join(' ')).toMatch(/Kein anderer Plan .* Stand 2024/);
    expect(v.gruppen[2]!.hinweise.join(' ')).toMatch(/Stand dieser Zahlen ist nicht bekannt/);
  });
  it('nennt den Stand der Tabelle, sonst den des Plans mit Hinweis', () => {
    const [sa, sb] = v.gruppen[0]!.spalten;
    expect(sa!.stand).toEqual({ text: 'Stand 15.09.2026', wert: '2026-09-15' });
    expect(sb!.stand.text).toBe('Stand März 2026');
    expect(sb!.stand.hinweis).toMatch(/Stand des Plans/);
  });
  it('ordnet Schulformen nach erstem Vorkommen, „Alle Schulen“ zuletzt, und zeigt die Quoten unverändert', () => {
    const g = v.gruppen[0]!;
    expect(g.zeilen.map((z) => z.schulform ?? z.name)).toEqual(['grundschule', 'gymnasium', 'berufskolleg', 'Alle Schulen']);
    expect(g.zeilen[1]!.andereNamen).toEqual(['Gymnasien']);
    // Every published quote of both plans, in its row and column, unchanged.
    [a, b].forEach((p, spalte) => {
      for (const r of p.tabellen.ausstattungsquoten!) {
        const zeile = g.zeilen.find((z) => z.schulform === r.schulform)!;
        const zelle = zeile.zellen[spalte]!;
        if (typeof r.quote === 'number') {
          expect(zelle.wert).toBe(r.quote);
          expect(zurueck(zelle.text)).toBe(r.quote);
          expect(zelle.schueler?.wert).toBe(r.schueler);
          expect(zelle.endgeraete?.wert).toBe(r.endgeraete);
        } else expect(zelle.wert).toBeUndefined();
      }
    });
  });
  it('unterscheidet fehlende Zeile und fehlende Quote, nie eine 0', () => {
    const g = v.gruppen[0]!;
    const berufskolleg = g.zeilen.find((z) => z.schulform === 'berufskolleg')!;
    expect(berufskolleg.zellen[0]).toEqual({ text: LEER });
    expect(v.legende.find((l) => l.zeichen === LEER)?.text).toMatch(/keine Schulen dieser Form oder keine Angaben/);
    const grundschuleB = g.zeilen.find((z) => z.schulform === 'grundschule')!.zellen[1]!;
    expect(grundschuleB.text).toBe('keine Quote veröffentlicht');
    expect(grundschuleB.wert).toBeUndefined();
    expect(grundschuleB.schulen?.wert).toBe(3);
    expect(grundschuleB.schueler).toBeUndefined();
  });
  it('nennt den Zielwert so, wie der Plan ihn angibt', () => {
    const g = v.gruppen[0]!;
    expect(plain(g.zeilen[0]!.zellen[0]!.ziel!.text)).toBe('Ziel mindestens 25 % bis 2027');
    const bk = g.zeilen.find((z) => z.schulform === 'berufskolleg')!.zellen[1]!.ziel!;
    expect(plain(bk.text)).toBe('Ziel 80 %');
    expect(bk.hinweis).toBe('Zielwert für weiterführende Schulen');
    // No target published: no target cell.
    expect(g.zeilen.at(-1)!.zellen[0]!.ziel).toBeUndefined();
  });
  it('zeigt eine doppelt veröffentlichte Schulform einmal, mit Hinweis', () => {
    const doppelt = plan('x', {
      staende: { ausstattungsquoten: '2026' },
      tabellen: { ausstattungsquoten: [{ schulform: 'grundschule', name: 'Grundschule', schulen: 1, quote: 20 }, { schulform: 'grundschule', name: 'Grundschule', schulen: 1, quote: 30 }] },
    });
    const g = ausstattungsquotenVergleich([doppelt]).gruppen[0]!;
    expect(g.zeilen.map((z) => z.zellen.map((c) => c.wert))).toEqual([[20]]);
    expect(g.hinweise.join(' ')).toMatch(/Stadt x veröffentlicht die Schulform „Grundschule“ mehrfach/);
  });
  it('nennt Pläne ohne Ausstattungsquoten mit Grund', () => {
    expect(v.ohne).toEqual([{ plan: 'd', name: 'Stadt d', grund: 'veröffentlicht keine Ausstattungsquoten' }]);
  });
});

describe('Status der Maßnahmen je Handlungsfeld', () => {
  const felderA: Datensatz[] = [
    { id: 'infrastruktur', titel: 'Infrastruktur', reihenfolge: 2 },
    { id: 'qualifizierung', titel: 'Qualifizierung', reihenfolge: 1 },
    { id: 'leer', titel: 'Ohne Maßnahmen', reihenfolge: 3 },
  ];
  const massnahmenA: Datensatz[] = [
    { id: 'I-01', handlungsfeld: 'infrastruktur', handlungsfelder: ['infrastruktur'], status: 'geplant' },
    { id: 'I-02', handlungsfeld: 'infrastruktur', handlungsfelder: ['infrastruktur', 'qualifizierung'], status: 'abgeschlossen' },
    { id: 'I-03', handlungsfeld: 'infrastruktur', handlungsfelder: ['infrastruktur'], status: 'abgeschlossen' },
    { id: 'Q-01', handlungsfeld: 'qualifizierung', handlungsfelder: ['qualifizierung'], status: 'in Umsetzung' },
    { id: 'Q-02', handlungsfeld: 'qualifizierung', handlungsfelder: ['qualifizierung', 'infrastruktur'] },
    { id: 'X-01', handlungsfeld: 'alt', handlungsfelder: ['alt'], status: 'geplant' },
  ];
  const a = plan('a', { angaben: angaben('A', { stand: '2026-10-15' }), tabellen: { massnahmen: massnahmenA, handlungsfelder: felderA } });
  const massnahmenB: Datensatz[] = [
    { id: 'S1', handlungsfeld: 'steuerung', status: 'geplant' },
    { id: 'S2', handlungsfeld: 'steuerung', status: 'zurückgestellt' },
  ];
  const b = plan('b', { angaben: angaben('B', { stand: '2024-05' }), tabellen: { massnahmen: massnahmenB } });
  const c = plan('c', { tabellen: { handlungsfelder: felderA } });
  const v = statusVergleich([a, b, c]);

  it('nimmt die vorkommenden Status in der Reihenfolge des Vokabulars, „ohne Angabe“ zuletzt', () => {
    const vorkommend = new Set([...massnahmenA, ...massnahmenB].map((m) => m.status));
    expect(v.spalten.map((s) => s.titel)).toEqual([...STATUS.filter((s) => vorkommend.has(s)), 'ohne Angabe']);
  });
  it('zählt je Handlungsfeld in der Reihenfolge des Plans, jede Maßnahme in ihrem Hauptfeld', () => {
    const t = v.plaene[0]!;
    expect(t.zeilen.map((z) => z.handlungsfeld)).toEqual(['qualifizierung', 'infrastruktur', 'leer', 'alt']);
    expect(t.zeilen[0]!.titel).toBe('Qualifizierung');
    for (const zeile of t.zeilen) {
      const imFeld = massnahmenA.filter((m) => m.handlungsfeld === zeile.handlungsfeld);
      v.spalten.forEach((s, i) => expect(zeile.zellen[i]!.wert).toBe(imFeld.filter((m) => m.status === s.status).length));
      expect(zeile.zellen.at(-1)!.wert).toBe(imFeld.length);
    }
    expect(t.summen.at(-1)!.wert).toBe(massnahmenA.length);
    expect(t.zeilen.at(-1)!.hinweis).toMatch(/„alt“ steht nicht in den veröffentlichten Handlungsfeldern/);
    expect(t.hinweise.join(' ')).toMatch(/zählt nur in dem, unter dem sie geführt wird/);
    expect(t.hinweise.join(' ')).toMatch(/2 Maßnahmen dienen mehreren Handlungsfeldern/);
  });
  it('führt einen Status außerhalb des Vokabulars (ältere Pläne) nach dem Vokabular, vor „ohne Angabe“', () => {
    const alt = plan('alt', { tabellen: { massnahmen: [{ id: 'A1', handlungsfeld: 'x', status: 'verschoben' }, { id: 'A2', handlungsfeld: 'x' }, { id: 'A3', handlungsfeld: 'x', status: 'geplant' }] } });
    const w = statusVergleich([alt]);
    expect(w.spalten.map((s) => s.titel)).toEqual(['geplant', 'verschoben', 'ohne Angabe']);
    expect(w.plaene[0]!.summen.map((z) => z.wert)).toEqual([1, 1, 1, 3]);
  });
  it('nimmt ohne veröffentlichte Handlungsfelder die Kennungen und sagt es', () => {
    const t = v.plaene[1]!;
    expect(t.zeilen.map((z) => z.titel)).toEqual(['steuerung']);
    expect(t.hinweise.join(' ')).toMatch(/keine Handlungsfelder/);
    expect(t.stand.text).toBe('Stand Mai 2024');
  });
  it('gibt je Plan Summen und den Anteil abgeschlossen, als vom Portal gezählt', () => {
    const [za, zb] = v.uebersicht.zeilen;
    const i = v.spalten.findIndex((s) => s.status === 'abgeschlossen');
    const fertig = massnahmenA.filter((m) => m.status === 'abgeschlossen').length;
    expect(za!.zellen[i]!.wert).toBe(fertig);
    expect(za!.zellen.at(-1)!.wert).toBeCloseTo((fertig / massnahmenA.length) * 100, 10);
    expect(plain(za!.zellen.at(-1)!.text)).toBe(`${new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }).format((fertig / massnahmenA.length) * 100)} %`);
    expect(za!.zellen.at(-1)!.hinweis).toBe(`vom Portal gezählt: ${fertig} von ${massnahmenA.length}`);
    expect(zb!.zellen[i]!.wert).toBe(0);
    expect(v.uebersicht.hinweise.join(' ')).toMatch(/verschiedene Stände/);
    expect(v.ohne).toEqual([{ plan: 'c', name: 'Stadt c', grund: 'veröffentlicht keine Maßnahmen' }]);
  });
});

describe('Bedarf je Schülerin und Schüler', () => {
  const prognose = (werte: [number, number | undefined][]): Datensatz[] => werte.map(([jahr, wert]) => ({ jahr, bedarf: 1000, ...(wert === undefined ? {} : { bedarfJeSchueler: wert }) }));
  const a = plan('a', { staende: { finanzprognose: '2026-06-30' }, tabellen: { finanzprognose: prognose([[2025, 212.27], [2026, 255.8], [2027, 253.34]]) } });
  const b = plan('b', { angaben: angaben('B'), tabellen: { finanzprognose: prognose([[2026, 310], [2027, 299.99], [2028, 301.5], [2029, undefined]]) } });
  const ohneWert = plan('c', { tabellen: { finanzprognose: prognose([[2026, undefined]]) } });
  const ohneTabelle = plan('d');
  const v = finanzVergleich([a, b, ohneWert, ohneTabelle]);

  it('vergleicht nur Jahre, die mindestens zwei Pläne nennen, mit den Werten wie veröffentlicht', () => {
    expect(v.spalten.map((s) => s.plan)).toEqual(['a', 'b']);
    expect(v.zeilen.map((z) => z.jahr)).toEqual([2026, 2027]);
    [a, b].forEach((p, spalte) => {
      for (const z of v.zeilen) {
        const r = p.tabellen.finanzprognose!.find((x) => x.jahr === z.jahr)!;
        expect(z.zellen[spalte]!.wert).toBe(r.bedarfJeSchueler);
        expect(zurueck(z.zellen[spalte]!.text)).toBe(r.bedarfJeSchueler);
      }
    });
    expect(plain(v.zeilen[0]!.zellen[0]!.text)).toBe('255,80 €');
  });
  it('zeigt Jahre nur eines Plans getrennt und sagt, dass sie nicht verglichen werden', () => {
    expect(v.nurEinPlan.map((p) => [p.plan, p.werte.map((w) => w.jahr)])).toEqual([
      ['a', [2025]],
      ['b', [2028]],
    ]);
    expect(v.hinweise).toContain('Nur Stadt a nennt das Jahr 2025; es wird nicht verglichen.');
  });
  it('nennt Pläne ohne Angabe „nicht veröffentlicht“, nie 0', () => {
    expect(v.ohne.map((o) => [o.plan, o.grund])).toEqual([
      ['c', 'nicht veröffentlicht (die Finanzprognose nennt keinen Bedarf je Schülerin und Schüler)'],
      ['d', 'nicht veröffentlicht (keine Finanzprognose)'],
    ]);
  });
  it('sagt, wenn es nichts zu vergleichen gibt', () => {
    expect(finanzVergleich([a, ohneTabelle]).hinweise.join(' ')).toMatch(/Weniger als zwei Pläne/);
    const spaeter = plan('s', { tabellen: { finanzprognose: prognose([[2031, 400]]) } });
    const w = finanzVergleich([plan('f', { tabellen: { finanzprognose: prognose([[2025, 200]]) } }), spaeter]);
    expect(w.zeilen).toEqual([]);
    expect(w.hinweise.join(' ')).toMatch(/kein Jahr kommt in zwei Plänen vor/);
  });
});

describe('Daten der Pläne', () => {
  const a = plan('a', {
    angaben: angaben('A', { stand: '2026-10', fassung: { name: '2. Fortschreibung', nummer: 2 }, beschluss: { datum: '2026-10-15', gremium: 'Rat der Stadt' } }),
    tabellen: { erhebungen: [{ id: '2023-09', titel: 'Erhebung September 2023', stichtag: '2023-09-15' }, { id: '2026-09', titel: 'Erhebung Herbst 2026', stichtag: '2026-09' }, { id: '2025-03', stichtag: '2025-03-01' }] },
  });
  const b = plan('b', { angaben: angaben('B', { stand: '2024', beschluss: { datum: '2024-05' } }) });
  const c = plan('c', { tabellen: { erhebungen: [{ id: 'x', titel: 'ohne Stichtag' }] } });
  const [da, db, dc] = datenDerPlaene([a, b, c]);

  it('zeigt Stand, Fortschreibung und letzte Erhebung so genau, wie der Plan sie angibt', () => {
    expect(da!.stand).toEqual({ text: 'Oktober 2026', wert: '2026-10' });
    expect(da!.fortschreibung).toEqual({ text: '2. Fortschreibung, beschlossen am 15.10.2026', wert: '2026-10-15', hinweis: 'Beschluss: Rat der Stadt' });
    expect(da!.erhebung).toEqual({ text: 'September 2026', wert: '2026-09', hinweis: 'Erhebung Herbst 2026' });
    expect(db!.stand).toEqual({ text: '2024', wert: '2024' });
    expect(db!.fortschreibung).toEqual({ text: 'beschlossen im Mai 2024', wert: '2024-05' });
  });
  it('sagt, was nicht veröffentlicht ist', () => {
    expect(db!.erhebung.text).toBe('veröffentlicht keine Erhebungen');
    expect(dc!.stand.text).toBe('nicht veröffentlicht');
    expect(dc!.fortschreibung.hinweis).toMatch(/keine lesbaren Portalangaben/);
    expect(dc!.erhebung).toEqual({ text: 'kein Stichtag veröffentlicht' });
  });
});

describe('die drei Beispielpläne', () => {
  const plaene = BEISPIELE.map((b) => beispielplan(b.id, b.ordner)).filter((p) => p !== undefined);
  it.skipIf(plaene.length === 0)('zeigt jede veröffentlichte Quote und jeden Bedarf je Schüler unverändert', () => {
    const v = ausstattungsquotenVergleich(plaene);
    let geprueft = 0;
    for (const p of plaene) {
      const gruppe = v.gruppen.find((g) => g.spalten.some((s) => s.plan === p.id));
      if (!p.tabellen.ausstattungsquoten) {
        expect(gruppe).toBeUndefined();
        expect(v.ohne.map((o) => o.plan)).toContain(p.id);
        continue;
      }
      const spalte = gruppe!.spalten.findIndex((s) => s.plan === p.id);
      for (const r of p.tabellen.ausstattungsquoten) {
        const zelle = gruppe!.zeilen.find((z) => z.schulform === r.schulform)!.zellen[spalte]!;
        expect(zelle.wert).toBe(r.quote);
        expect(zurueck(zelle.text)).toBe(r.quote);
        geprueft += 1;
      }
    }
    expect(geprueft).toBe(plaene.reduce((n, p) => n + (p.tabellen.ausstattungsquoten?.length ?? 0), 0));

    const f = finanzVergleich(plaene);
    f.spalten.forEach((s, spalte) => {
      const p = plaene.find((x) => x.id === s.plan)!;
      const werte = [...f.zeilen.map((z) => ({ jahr: z.jahr, zelle: z.zellen[spalte]! })), ...(f.nurEinPlan.find((n) => n.plan === p.id)?.werte ?? [])];
      for (const r of p.tabellen.finanzprognose!) {
        if (typeof r.bedarfJeSchueler !== 'number') continue;
        const w = werte.find((x) => x.jahr === r.jahr)!;
        expect(w.zelle.wert).toBe(r.bedarfJeSchueler);
        expect(zurueck(w.zelle.text)).toBe(r.bedarfJeSchueler);
      }
    });
  });
  it.skipIf(plaene.length === 0)('zählt jede veröffentlichte Maßnahme genau einmal', () => {
    const v = statusVergleich(plaene);
    for (const t of v.plaene) {
      const p = plaene.find((x) => x.id === t.plan)!;
      expect(t.zeilen.reduce((n, z) => n + (z.zellen.at(-1)!.wert as number), 0)).toBe(p.tabellen.massnahmen!.length);
    }
    expect(datenDerPlaene(plaene)).toHaveLength(plaene.length);
  });
});
