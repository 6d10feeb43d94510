/** Totals of Maßnahmen per Handlungsfeld and Status; code order; the address of a Bildungsbereich's list. */
import { OHNE_CODES, STATUS, type Status } from './schemas/index.ts';
import type { PlanModel } from './model.ts';

/** What pages show where a Maßnahme has no status, priority or period: the plan does not say. */
export const NICHT_FESTGELEGT = 'nicht festgelegt';

/**
 * Counts per status; Maßnahmen without a status (the plan does not give one) are counted apart
 * in `ohneStatus`. Each Maßnahme counts once, in its first (home) Handlungsfeld, so the rows add
 * up to the total.
 */
export interface StatusTabelle {
  zeilen: { handlungsfeld: string; titel: string; anzahl: Record<Status, number>; ohneStatus: number; summe: number }[];
  summe: Record<Status, number>;
  ohneStatus: number;
  gesamt: number;
}

const zero = (): Record<Status, number> => Object.fromEntries(STATUS.map((s) => [s, 0])) as Record<Status, number>;

/** One pass over the Maßnahmen; rows in the order of the Handlungsfelder. */
export function statusNachHandlungsfeld(model: Pick<PlanModel, 'handlungsfelder' | 'massnahmen'>): StatusTabelle {
  const summe = zero();
  let ohneStatus = 0;
  const jeFeld = new Map(model.handlungsfelder.map((hf) => [hf.id, { anzahl: zero(), ohneStatus: 0 }]));
  for (const m of model.massnahmen) {
    const feld = jeFeld.get(m.data.handlungsfeld.id);
    if (!feld) continue;
    const { status } = m.data;
    if (status) {
      feld.anzahl[status] += 1;
      summe[status] += 1;
    } else {
      feld.ohneStatus += 1;
      ohneStatus += 1;
    }
  }
  const zeilen = [...model.handlungsfelder]
    .sort((a, b) => a.data.reihenfolge - b.data.reihenfolge)
    .map((hf) => {
      const { anzahl, ohneStatus: offen } = jeFeld.get(hf.id)!;
      return { handlungsfeld: hf.id, titel: hf.data.titel, anzahl, ohneStatus: offen, summe: STATUS.reduce((n, s) => n + anzahl[s], offen) };
    });
  return { zeilen, summe, ohneStatus, gesamt: STATUS.reduce((n, s) => n + summe[s], ohneStatus) };
}

/** CSS class of a status badge: "in Umsetzung" → "status-in-umsetzung". */
export function statusClass(status: Status): string {
  return `status-${status.toLowerCase().replaceAll('ü', 'ue').replaceAll(' ', '-')}`;
}

const codeOrder = new Intl.Collator('de', { numeric: true });

/**
 * Maßnahmen in the plan's order: by `reihenfolge` where the plan gives one (a catalogue without
 * codes), else in code order (I-01, I-02, …, I-10); one collator for all comparisons.
 */
export function byCode<T extends { id: string; data?: { reihenfolge?: number | undefined } }>(a: T, b: T): number {
  return (a.data?.reihenfolge ?? Infinity) - (b.data?.reihenfolge ?? Infinity) || codeOrder.compare(a.id, b.id);
}

/**
 * A Maßnahme's code as the plan writes it ("I-03"), or nothing where the plan gives its Maßnahmen
 * no codes (plan.yaml `massnahmencodes.form: keine`): its id is then only its address.
 */
export function massnahmeCode(model: Pick<PlanModel, 'plan'>, m: { id: string }): string | undefined {
  return model.plan.massnahmencodes.form === OHNE_CODES ? undefined : m.id;
}

/** A Maßnahme named briefly beside others: "I-03", or its title in quotes in a plan without codes. */
export function massnahmeKurzname(model: Pick<PlanModel, 'plan'>, m: { id: string; data: { titel: string } }): string {
  return massnahmeCode(model, m) ?? `„${m.data.titel}“`;
}

/** "I-03 Glasfaser für alle Schulen", or just the title in a plan without codes. */
export function massnahmeName(model: Pick<PlanModel, 'plan'>, m: { id: string; data: { titel: string } }): string {
  const code = massnahmeCode(model, m);
  return code ? `${code} ${m.data.titel}` : m.data.titel;
}
