/** Review dates of pages: which are overdue on a given day. */
import type { PlanModel } from './model.ts';
import { istVerstrichen } from './datum.ts';

/** Today's date as YYYY-MM-DD (UTC), the reference for overdue reviews. */
export function heute(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Whether a review date has passed on `stichtag` (an ISO day). A review due in a month or year
 * („2026-09“) is due at the end of it: overdue from 1 October 2026 on.
 */
export function istUeberfaellig(naechstePruefung: string, stichtag: string): boolean {
  return istVerstrichen(naechstePruefung, stichtag);
}

/** Chapters, Handlungsfelder and Maßnahmen whose review date has passed. */
export function ueberfaelligeSeiten(model: Pick<PlanModel, 'kapitel' | 'handlungsfelder' | 'massnahmen'>, stichtag: string) {
  return [...model.kapitel, ...model.handlungsfelder, ...model.massnahmen].flatMap((e) =>
    e.data.pflege && istUeberfaellig(e.data.pflege.naechstePruefung, stichtag) ? [{ file: e.file, id: e.id, pflege: e.data.pflege }] : [],
  );
}
