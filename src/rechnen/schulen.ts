/**
 * What a school page answers: which Maßnahmen concern the school and whom to ask.
 *
 * A Maßnahme concerns a school only where the plan says so: it names the school in `schulen`
 * or the school's Schulform in `schulformen`. Nothing is read from the text. Contacts come
 * from the actors the plan names: those who lead the school's Maßnahmen (`verantwortlich`),
 * and those with a support level who are also contacts for topics (`supportlevel` and
 * `themen`), the people a school turns to with a fault or a question about its equipment.
 */
import { byId, type Entry, type PlanModel } from '../plan/model.ts';
import { jeModell, planIndex } from '../plan/indexe.ts';
import { SUPPORTLEVEL } from '../plan/schemas/index.ts';

/** A Maßnahme that concerns a school, and why: the school is named, its Schulform is, or both. */
export interface SchulMassnahme {
  massnahme: Entry<'massnahmen'>;
  /** The Maßnahme names the school itself in `schulen`. */
  direkt: boolean;
  /** The Maßnahme names the school's Schulform in `schulformen`. */
  schulform: boolean;
}

/** School id → its Maßnahmen in code order, built once per model. */
const jeSchule = jeModell('schulmassnahmen', (model: PlanModel): Map<string, readonly SchulMassnahme[]> => {
  const out = new Map<string, SchulMassnahme[]>(model.schulen.map((s) => [s.id, []]));
  for (const m of planIndex(model).massnahmen) {
    const schulen = new Set(m.data.schulen.map((r) => r.id));
    const formen = new Set(m.data.schulformen.map((r) => r.id));
    if (schulen.size === 0 && formen.size === 0) continue;
    for (const s of model.schulen) {
      const direkt = schulen.has(s.id);
      const schulform = formen.has(s.data.schulform.id);
      if (direkt || schulform) out.get(s.id)!.push({ massnahme: m, direkt, schulform });
    }
  }
  return out;
});

/** The Maßnahmen (code order) that name the school or its Schulform. */
export function massnahmenDerSchule(model: PlanModel, schulId: string): readonly SchulMassnahme[] {
  byId(model.schulen, schulId, 'schulen');
  return jeSchule(model).get(schulId) ?? [];
}

/** Whether the plan has Maßnahmen that name no school and no Schulform (they stand on the Maßnahmen page). */
export function massnahmenOhneSchulbezug(model: PlanModel): boolean {
  return model.massnahmen.some((m) => m.data.schulen.length === 0 && m.data.schulformen.length === 0);
}

/** The schools and Schulformen a Maßnahme names, as its page lists them. */
export interface GenannteSchulen {
  /** Schools named directly, by name. */
  schulen: Entry<'schulen'>[];
  /** Schulformen named, in the plan's order, each with the number of its schools in the plan's data. */
  schulformen: { schulform: Entry<'schulformen'>; anzahl: number }[];
}

export function genannteSchulen(model: PlanModel, massnahme: Entry<'massnahmen'>): GenannteSchulen {
  const ids = new Set(massnahme.data.schulen.map((r) => r.id));
  const formen = new Set(massnahme.data.schulformen.map((r) => r.id));
  return {
    schulen: model.schulen.filter((s) => ids.has(s.id)).sort((a, b) => a.data.name.localeCompare(b.data.name, 'de')),
    schulformen: model.schulformen
      .filter((f) => formen.has(f.id))
      .sort((a, b) => a.data.reihenfolge - b.data.reihenfolge)
      .map((schulform) => ({ schulform, anzahl: model.schulen.filter((s) => s.data.schulform.id === schulform.id).length })),
  };
}

/** Contacts of a school, from the data the plan has. */
export interface AnsprechpartnerDerSchule {
  /** Actors who lead at least one of the school's Maßnahmen, with those Maßnahmen (code order); actors in the order of their first Maßnahme. */
  verantwortlich: { akteur: Entry<'akteure'>; massnahmen: Entry<'massnahmen'>[] }[];
  /** Actors with a support level who are contacts for topics, lowest level first (1st-Level before 2nd-Level). */
  support: Entry<'akteure'>[];
}

export function ansprechpartnerDerSchule(model: PlanModel, schulId: string): AnsprechpartnerDerSchule {
  const verantwortlich = new Map<string, { akteur: Entry<'akteure'>; massnahmen: Entry<'massnahmen'>[] }>();
  for (const { massnahme } of massnahmenDerSchule(model, schulId)) {
    for (const r of new Set(massnahme.data.verantwortlich.map((v) => v.id))) {
      const eintrag = verantwortlich.get(r) ?? { akteur: byId(model.akteure, r, 'akteure'), massnahmen: [] };
      eintrag.massnahmen.push(massnahme);
      verantwortlich.set(r, eintrag);
    }
  }
  const stufe = (a: Entry<'akteure'>) => Math.min(...a.data.supportlevel.map((l) => SUPPORTLEVEL.indexOf(l)));
  const support = model.akteure
    .filter((a) => a.data.supportlevel.length > 0 && a.data.themen.length > 0)
    .map((a, i) => ({ a, i }))
    .sort((x, y) => stufe(x.a) - stufe(y.a) || x.i - y.i)
    .map(({ a }) => a);
  return { verantwortlich: [...verantwortlich.values()], support };
}
