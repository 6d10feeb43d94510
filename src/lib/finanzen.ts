/**
 * Finance tables as given in the data: running costs and funding per year. Sums are
 * computed in whole cents, so they never drift by rounding. (The replacement forecast
 * over the Planungshorizont builds on these.)
 */
import type { PlanModel } from './model.ts';
import { KOSTENARTEN } from './schemas.ts';

export const toCents = (euro: number) => Math.round(euro * 100);
export const toEuro = (cents: number) => cents / 100;

export interface JahresTabelle {
  spalten: { id: string; titel: string }[];
  zeilen: { jahr: number; werte: Record<string, number>; summe: number; wertarten: string[] }[];
  spaltenSummen: Record<string, number>;
  gesamt: number;
}

function pivot(rows: { jahr: number; spalte: string; betrag: number; wertart: string }[], spalten: { id: string; titel: string }[]): JahresTabelle {
  const jahre = [...new Set(rows.map((r) => r.jahr))].sort((a, b) => a - b);
  const spaltenSummen: Record<string, number> = Object.fromEntries(spalten.map((s) => [s.id, 0]));
  const zeilen = jahre.map((jahr) => {
    const werte: Record<string, number> = Object.fromEntries(spalten.map((s) => [s.id, 0]));
    const imJahr = rows.filter((r) => r.jahr === jahr);
    for (const r of imJahr) {
      werte[r.spalte] = (werte[r.spalte] ?? 0) + toCents(r.betrag);
      spaltenSummen[r.spalte] = (spaltenSummen[r.spalte] ?? 0) + toCents(r.betrag);
    }
    const summe = Object.values(werte).reduce((a, b) => a + b, 0);
    return { jahr, werte: mapValues(werte, toEuro), summe: toEuro(summe), wertarten: [...new Set(imJahr.map((r) => r.wertart))] };
  });
  const gesamtCents = Object.values(spaltenSummen).reduce((a, b) => a + b, 0);
  return { spalten, zeilen, spaltenSummen: mapValues(spaltenSummen, toEuro), gesamt: toEuro(gesamtCents) };
}

function mapValues(record: Record<string, number>, fn: (n: number) => number): Record<string, number> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fn(v)]));
}

export function laufendeKostenNachJahr(model: Pick<PlanModel, 'laufendeKosten'>): JahresTabelle {
  return pivot(
    model.laufendeKosten.map((r) => ({ jahr: r.data.jahr, spalte: r.data.kostenart, betrag: r.data.betrag, wertart: r.data.wertart })),
    KOSTENARTEN.map((k) => ({ id: k, titel: k })),
  );
}

export function finanzierungNachJahr(model: Pick<PlanModel, 'finanzierung' | 'foerderprogramme'>): JahresTabelle {
  const spalte = (r: PlanModel['finanzierung'][number]) => r.data.foerderprogramm?.id ?? r.data.art;
  const ids = [...new Set(model.finanzierung.map(spalte))];
  const titel = (id: string) => {
    const p = model.foerderprogramme.find((f) => f.id === id);
    return p ? (p.data.kurzname ?? p.data.name) : id;
  };
  return pivot(
    model.finanzierung.map((r) => ({ jahr: r.data.jahr, spalte: spalte(r), betrag: r.data.betrag, wertart: r.data.wertart })),
    ids.map((id) => ({ id, titel: titel(id) })),
  );
}

/** Inventory value per line and in total (Anzahl × Stückpreis, in cents). */
export function inventarWerte(model: Pick<PlanModel, 'inventar'>) {
  const zeilen = model.inventar.map((i) => ({ entry: i, wert: toEuro(i.data.anzahl * toCents(i.data.stueckpreis)) }));
  return { zeilen, gesamt: toEuro(zeilen.reduce((n, z) => n + toCents(z.wert), 0)) };
}
