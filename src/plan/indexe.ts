/**
 * Lookups that pages need, built once per plan model in one pass over each collection:
 * per Akteur its Maßnahmen, incoming relations, Gremien, Handlungsfelder and Formate;
 * per Handlungsfeld (every field a Maßnahme names) and per Bildungsbereich its Maßnahmen in
 * code order; per Maßnahme its
 * Meilensteine and its rows in earlier editions. Pages look things up here (or with
 * `byId`) instead of searching whole collections, so a page costs what it shows. The lists
 * are shared by every page of the build: read them, never sort or change them in place.
 */
import type { Entry, PlanModel } from './model.ts';
import type { Data } from './schemas/index.ts';
import { byCode } from './massnahmen.ts';

/**
 * `bilde(model)`, computed once per model object. The cache is process-wide (a WeakMap on
 * globalThis under `Symbol.for('planwerk.<name>')`): the integration (loaded by Node) and
 * the pages (bundled by Vite) are different module instances but share the model.
 */
export function jeModell<T>(name: string, bilde: (model: PlanModel) => T): (model: PlanModel) => T {
  const g = globalThis as Record<symbol, unknown>;
  const cache = (g[Symbol.for(`planwerk.${name}`)] ??= new WeakMap<PlanModel, T>()) as WeakMap<PlanModel, T>;
  return (model) => {
    let wert = cache.get(model);
    if (wert === undefined) {
      wert = bilde(model);
      cache.set(model, wert);
    }
    return wert;
  };
}

/** A relation that another actor has towards this one. */
export interface EingehendeBeziehung {
  typ: string;
  von: Entry<'akteure'>;
  hinweis?: string;
  datum?: string;
  gegenstand?: string;
}

/** What refers to one actor. Every list keeps the order of its collection; Maßnahmen are in code order. */
export interface AkteurBezuege {
  verantwortlich: readonly Entry<'massnahmen'>[];
  partner: readonly Entry<'massnahmen'>[];
  eingehend: readonly EingehendeBeziehung[];
  /** Gremien that have the actor as a member. */
  gremien: readonly Entry<'akteure'>[];
  /** Handlungsfelder that name the actor as responsible. */
  handlungsfelder: readonly Entry<'handlungsfelder'>[];
  /** Formate the actor organises or takes part in. */
  formate: readonly Entry<'formate'>[];
}

export interface PlanIndex {
  /** Handlungsfelder in their order (`reihenfolge`). */
  felder: readonly Entry<'handlungsfelder'>[];
  /** All Maßnahmen in code order. */
  massnahmen: readonly Entry<'massnahmen'>[];
  akteure: Map<string, AkteurBezuege>;
  /** Handlungsfeld id → the Maßnahmen (code order) that name it, as home field or as one of several. */
  imFeld: Map<string, readonly Entry<'massnahmen'>[]>;
  /** Bildungsbereich id → its Maßnahmen in code order. */
  imBereich: Map<string, readonly Entry<'massnahmen'>[]>;
  /** Ziel id → the Maßnahmen (code order) that serve it. */
  fuerZiel: Map<string, readonly Entry<'massnahmen'>[]>;
  /** Maßnahme id → its Meilensteine, in the order of the collection. */
  meilensteine: Map<string, readonly Entry<'meilensteine'>[]>;
  /** Maßnahme id → the Entscheidungen whose choice it carries out, in the order of entscheidungen.yaml. */
  entscheidungen: Map<string, readonly Entry<'entscheidungen'>[]>;
  /** Code → where earlier editions list it: index of the edition in `model.fassungen`, index of the row. */
  fassungen: Map<string, readonly { f: number; i: number }[]>;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** AkteurBezuege while the index is being built. */
type Bezuege = { -readonly [K in keyof AkteurBezuege]: AkteurBezuege[K][number][] };

export const planIndex = jeModell('indexe', (model): PlanIndex => {
  const akteure = new Map<string, Bezuege>(
    model.akteure.map((a) => [a.id, { verantwortlich: [], partner: [], eingehend: [], gremien: [], handlungsfelder: [], formate: [] }]),
  );
  const von = (id: string) => akteure.get(id)!;

  for (const a of model.akteure) {
    for (const b of a.data.beziehungen) von(b.ziel.id).eingehend.push({ typ: b.typ, von: a, hinweis: b.hinweis, datum: b.datum, gegenstand: b.gegenstand });
    for (const id of new Set(a.data.gremium?.mitglieder.map((r) => r.id))) von(id).gremien.push(a);
  }
  for (const h of model.handlungsfelder) for (const id of new Set(h.data.verantwortlich.map((r) => r.id))) von(id).handlungsfelder.push(h);
  for (const f of model.formate) for (const id of new Set([...(f.data.organisator ? [f.data.organisator.id] : []), ...f.data.teilnehmende.map((r) => r.id)])) von(id).formate.push(f);

  const massnahmen = [...model.massnahmen].sort(byCode);
  const imFeld = new Map<string, Entry<'massnahmen'>[]>();
  const imBereich = new Map<string, Entry<'massnahmen'>[]>();
  const fuerZiel = new Map<string, Entry<'massnahmen'>[]>();
  for (const m of massnahmen) {
    for (const id of new Set(m.data.handlungsfelder.map((r) => r.id))) push(imFeld, id, m);
    if (m.data.bildungsbereich) push(imBereich, m.data.bildungsbereich.id, m);
    for (const z of new Set(m.data.ziele)) push(fuerZiel, z, m);
    for (const id of new Set(m.data.verantwortlich.map((r) => r.id))) von(id).verantwortlich.push(m);
    for (const id of new Set(m.data.partner.map((r) => r.id))) von(id).partner.push(m);
  }

  const meilensteine = new Map<string, Entry<'meilensteine'>[]>();
  for (const ms of model.meilensteine) if (ms.data.massnahme) push(meilensteine, ms.data.massnahme.id, ms);

  const entscheidungen = new Map<string, Entry<'entscheidungen'>[]>();
  for (const e of model.entscheidungen) for (const id of new Set(e.data.massnahmen.map((r) => r.id))) push(entscheidungen, id, e);

  const fassungen = new Map<string, { f: number; i: number }[]>();
  model.fassungen.forEach((fassung, f) => fassung.data.massnahmen.forEach((row, i) => push(fassungen, row.id, { f, i })));

  return {
    felder: [...model.handlungsfelder].sort((a, b) => a.data.reihenfolge - b.data.reihenfolge),
    massnahmen,
    akteure,
    imFeld,
    imBereich,
    fuerZiel,
    meilensteine,
    entscheidungen,
    fassungen,
  };
});

const LEER: never[] = [];

/** Everything that refers to an actor (see AkteurBezuege). */
export function bezuegeVon(model: PlanModel, akteur: string): AkteurBezuege {
  const b = planIndex(model).akteure.get(akteur);
  if (!b) throw new Error(`Unbekannte ID „${akteur}“ in der Sammlung „akteure“`);
  return b;
}

/** The Maßnahmen that name a Handlungsfeld (as home field or as one of several), in code order. */
export function massnahmenImFeld(model: PlanModel, handlungsfeld: string): readonly Entry<'massnahmen'>[] {
  return planIndex(model).imFeld.get(handlungsfeld) ?? LEER;
}

/** The Maßnahmen of a Bildungsbereich, in code order. */
export function massnahmenImBereich(model: PlanModel, bereich: string): readonly Entry<'massnahmen'>[] {
  return planIndex(model).imBereich.get(bereich) ?? LEER;
}

/** The Maßnahmen that serve a Ziel, in code order. */
export function massnahmenFuerZiel(model: PlanModel, ziel: string): readonly Entry<'massnahmen'>[] {
  return planIndex(model).fuerZiel.get(ziel) ?? LEER;
}

/** The Entscheidungen whose choice a Maßnahme carries out (entscheidungen.yaml `massnahmen`). */
export function entscheidungenZu(model: PlanModel, massnahme: string): readonly Entry<'entscheidungen'>[] {
  return planIndex(model).entscheidungen.get(massnahme) ?? LEER;
}

/**
 * The Entscheidungen that belong to a Handlungsfeld, in the order of entscheidungen.yaml: those
 * that name it (`handlungsfeld`) and those whose `massnahmen` include a Maßnahme of the field.
 */
export function entscheidungenImFeld(model: PlanModel, handlungsfeld: string): readonly Entry<'entscheidungen'>[] {
  const imFeld = new Set(massnahmenImFeld(model, handlungsfeld).map((m) => m.id));
  return model.entscheidungen.filter((e) => e.data.handlungsfeld?.id === handlungsfeld || e.data.massnahmen.some((r) => imFeld.has(r.id)));
}

/** The Meilensteine that belong to a Maßnahme. */
export function meilensteineVon(model: PlanModel, massnahme: string): readonly Entry<'meilensteine'>[] {
  return planIndex(model).meilensteine.get(massnahme) ?? LEER;
}

/**
 * The earlier editions that list a Maßnahme under its code or one of its former codes,
 * each with only those rows: what `statusChronik` needs, without reading whole editions.
 */
export function fassungenMit(model: PlanModel, m: Entry<'massnahmen'>): Pick<PlanModel, 'fassungen'> {
  const { fassungen } = planIndex(model);
  const stellen = [...new Set([m.id, ...m.data.aliase])].flatMap((code) => fassungen.get(code) ?? LEER).sort((a, b) => a.f - b.f || a.i - b.i);
  // Editions and rows in their original order, one entry per edition.
  const jeFassung = new Map<number, Data<'fassungen'>['massnahmen']>();
  for (const { f, i } of stellen) push(jeFassung, f, model.fassungen[f]!.data.massnahmen[i]!);
  return { fassungen: [...jeFassung].map(([f, massnahmen]) => ({ ...model.fassungen[f]!, data: { ...model.fassungen[f]!.data, massnahmen } })) };
}
