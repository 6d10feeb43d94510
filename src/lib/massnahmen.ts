/** Totals of Maßnahmen per Handlungsfeld and Status. */
import { STATUS, type Status } from './schemas.ts';
import type { PlanModel } from './model.ts';

export interface StatusTabelle {
  zeilen: { handlungsfeld: string; titel: string; anzahl: Record<Status, number>; summe: number }[];
  summe: Record<Status, number>;
  gesamt: number;
}

const zero = (): Record<Status, number> => Object.fromEntries(STATUS.map((s) => [s, 0])) as Record<Status, number>;

export function statusNachHandlungsfeld(model: Pick<PlanModel, 'handlungsfelder' | 'massnahmen'>): StatusTabelle {
  const summe = zero();
  const zeilen = [...model.handlungsfelder]
    .sort((a, b) => a.data.reihenfolge - b.data.reihenfolge)
    .map((hf) => {
      const anzahl = zero();
      for (const m of model.massnahmen) {
        if (m.data.handlungsfeld.id !== hf.id) continue;
        anzahl[m.data.status] += 1;
        summe[m.data.status] += 1;
      }
      return { handlungsfeld: hf.id, titel: hf.data.titel, anzahl, summe: STATUS.reduce((n, s) => n + anzahl[s], 0) };
    });
  return { zeilen, summe, gesamt: STATUS.reduce((n, s) => n + summe[s], 0) };
}

/** CSS class of a status badge: "in Umsetzung" → "status-in-umsetzung". */
export function statusClass(status: Status): string {
  return `status-${status.toLowerCase().replaceAll('ü', 'ue').replaceAll(' ', '-')}`;
}

/** Maßnahmen in code order (I-01, I-02, …, I-10). */
export function byCode<T extends { id: string }>(a: T, b: T): number {
  return a.id.localeCompare(b.id, 'de', { numeric: true });
}
