/** Totals of Maßnahmen per Handlungsfeld and Status; code order; the address of a Bildungsbereich's list. */
import { STATUS, type Status } from './schemas.ts';
import type { PlanModel } from './model.ts';

export interface StatusTabelle {
  zeilen: { handlungsfeld: string; titel: string; anzahl: Record<Status, number>; summe: number }[];
  summe: Record<Status, number>;
  gesamt: number;
}

const zero = (): Record<Status, number> => Object.fromEntries(STATUS.map((s) => [s, 0])) as Record<Status, number>;

/** One pass over the Maßnahmen; rows in the order of the Handlungsfelder. */
export function statusNachHandlungsfeld(model: Pick<PlanModel, 'handlungsfelder' | 'massnahmen'>): StatusTabelle {
  const summe = zero();
  const jeFeld = new Map(model.handlungsfelder.map((hf) => [hf.id, zero()]));
  for (const m of model.massnahmen) {
    const anzahl = jeFeld.get(m.data.handlungsfeld.id);
    if (!anzahl) continue;
    anzahl[m.data.status] += 1;
    summe[m.data.status] += 1;
  }
  const zeilen = [...model.handlungsfelder]
    .sort((a, b) => a.data.reihenfolge - b.data.reihenfolge)
    .map((hf) => {
      const anzahl = jeFeld.get(hf.id)!;
      return { handlungsfeld: hf.id, titel: hf.data.titel, anzahl, summe: STATUS.reduce((n, s) => n + anzahl[s], 0) };
    });
  return { zeilen, summe, gesamt: STATUS.reduce((n, s) => n + summe[s], 0) };
}

/** CSS class of a status badge: "in Umsetzung" → "status-in-umsetzung". */
export function statusClass(status: Status): string {
  return `status-${status.toLowerCase().replaceAll('ü', 'ue').replaceAll(' ', '-')}`;
}

const codeOrder = new Intl.Collator('de', { numeric: true });

/** Maßnahmen in code order (I-01, I-02, …, I-10); one collator for all comparisons. */
export function byCode<T extends { id: string }>(a: T, b: T): number {
  return codeOrder.compare(a.id, b.id);
}
