/** Relations and responsibilities of an Akteur, in both directions. */
import type { PlanModel, Entry } from './model.ts';
import { BEZIEHUNGSTYPEN, EBENEN, SUPPORTLEVEL, type Ebene } from './schemas.ts';
import { url } from './urls.ts';
import { byCode } from './massnahmen.ts';

export interface Beziehung {
  typ: string;
  /** The other actor. */
  akteur: Entry<'akteure'>;
  /** "aus": this actor → other; "ein": other → this actor. */
  richtung: 'aus' | 'ein';
  hinweis?: string;
}

export function beziehungen(model: PlanModel, id: string): Beziehung[] {
  const find = (x: string) => model.akteure.find((a) => a.id === x)!;
  const self = find(id);
  const aus = self.data.beziehungen.map((b) => ({ typ: b.typ, akteur: find(b.ziel.id), richtung: 'aus' as const, hinweis: b.hinweis }));
  const ein = model.akteure.flatMap((a) =>
    a.data.beziehungen.filter((b) => b.ziel.id === id).map((b) => ({ typ: b.typ, akteur: a, richtung: 'ein' as const, hinweis: b.hinweis })),
  );
  return [...aus, ...ein];
}

export function zustaendigkeiten(model: PlanModel, id: string) {
  return {
    verantwortlich: model.massnahmen.filter((m) => m.data.verantwortlich.some((r) => r.id === id)).sort(byCode),
    partner: model.massnahmen.filter((m) => m.data.partner.some((r) => r.id === id)).sort(byCode),
    handlungsfelder: model.handlungsfelder.filter((h) => h.data.verantwortlich.some((r) => r.id === id)),
    gremien: model.akteure.filter((a) => a.data.gremium?.mitglieder.some((r) => r.id === id)),
  };
}

/** Actors grouped by Ebene, in the order of EBENEN, empty groups left out. */
export function nachEbene(model: PlanModel) {
  return EBENEN.map((ebene) => ({
    ebene,
    akteure: model.akteure.filter((a) => a.data.ebene === ebene).sort((a, b) => a.data.name.localeCompare(b.data.name, 'de')),
  })).filter((g) => g.akteure.length > 0);
}

/** The three tiers between which relations count as vertical: Land, Kommune, Schule. */
export const STUFE: Record<Ebene, 'Land' | 'Kommune' | 'Schule'> = {
  Land: 'Land',
  Schulaufsicht: 'Land',
  Schulträger: 'Kommune',
  'kommunale Unterstützung': 'Kommune',
  'externe Dienstleister': 'Kommune',
  schulintern: 'Schule',
  Schule: 'Schule',
};

/** Vertical: between Land, Kommune and Schule; horizontal: within one of them. */
export function beziehungsart(von: Ebene, nach: Ebene): 'vertikal' | 'horizontal' {
  return STUFE[von] === STUFE[nach] ? 'horizontal' : 'vertikal';
}

/** The actor map's input: actors by Ebene and every relation as a directed edge. */
export function karteDaten(model: PlanModel) {
  const ebeneVon = new Map(model.akteure.map((a) => [a.id, a.data.ebene]));
  return {
    id: 'akteurslandkarte',
    title: 'Akteurslandkarte',
    desc: `${model.akteure.length} Akteure auf ${nachEbene(model).length} Ebenen und ihre ${model.akteure.reduce((n, a) => n + a.data.beziehungen.length, 0)} Beziehungen. Dieselben Angaben stehen als Listen unter der Karte.`,
    ebenen: nachEbene(model).map((g) => g.ebene),
    knoten: model.akteure.map((a) => ({ id: a.id, name: a.data.name, kurzname: a.data.kurzname, ebene: a.data.ebene, href: url.akteur(a.id) })),
    kanten: model.akteure.flatMap((a) =>
      a.data.beziehungen.map((b) => ({ von: a.id, nach: b.ziel.id, typ: b.typ, art: beziehungsart(a.data.ebene, ebeneVon.get(b.ziel.id)!) })),
    ),
    typen: [...BEZIEHUNGSTYPEN],
  };
}

export interface MatrixZelle {
  /** Maßnahmen of the field that the actor leads. */
  verantwortlich: string[];
  /** Maßnahmen of the field in which the actor is a partner. */
  partner: string[];
  /** The actor is named as responsible for the whole field. */
  handlungsfeld: boolean;
}

/**
 * Zuständigkeitsmatrix: Handlungsfelder × Akteure, from the Maßnahmen (verantwortlich,
 * Partner) and the responsibilities of the fields. Only actors with at least one entry
 * become columns, ordered by Ebene and name.
 */
export function zustaendigkeitsmatrix(model: PlanModel) {
  const felder = [...model.handlungsfelder].sort((a, b) => a.data.reihenfolge - b.data.reihenfolge);
  const zelle = (hf: Entry<'handlungsfelder'>, akteur: string): MatrixZelle => {
    const massnahmen = model.massnahmen.filter((m) => m.data.handlungsfeld.id === hf.id).sort(byCode);
    return {
      verantwortlich: massnahmen.filter((m) => m.data.verantwortlich.some((r) => r.id === akteur)).map((m) => m.id),
      partner: massnahmen.filter((m) => m.data.partner.some((r) => r.id === akteur)).map((m) => m.id),
      handlungsfeld: hf.data.verantwortlich.some((r) => r.id === akteur),
    };
  };
  const leer = (z: MatrixZelle) => z.verantwortlich.length === 0 && z.partner.length === 0 && !z.handlungsfeld;
  const spalten = nachEbene(model)
    .flatMap((g) => g.akteure)
    .filter((a) => felder.some((hf) => !leer(zelle(hf, a.id))));
  return {
    spalten,
    zeilen: felder.map((hf) => ({ handlungsfeld: hf, zellen: spalten.map((a) => zelle(hf, a.id)) })),
  };
}

/** Which actors handle 1st, 2nd and 3rd level support. */
export function supportStufen(model: PlanModel) {
  return SUPPORTLEVEL.map((stufe) => ({ stufe, akteure: model.akteure.filter((a) => a.data.supportlevel.includes(stufe)) }));
}

/** Contacts by topic, from the actors' `themen`, sorted by topic. */
export function ansprechpartner(model: PlanModel) {
  const themen = new Map<string, Entry<'akteure'>[]>();
  for (const a of model.akteure) for (const t of a.data.themen) themen.set(t, [...(themen.get(t) ?? []), a]);
  return [...themen.entries()].sort(([a], [b]) => a.localeCompare(b, 'de')).map(([thema, akteure]) => ({ thema, akteure }));
}

/** Formats an actor takes part in or organises. */
export function formateVon(model: PlanModel, id: string) {
  return model.formate.filter((f) => f.data.organisator.id === id || f.data.teilnehmende.some((r) => r.id === id));
}

/** Actors that nothing refers to: no relation, Maßnahme, Handlungsfeld, Gremium or Format names them. */
export function unreferenzierteAkteure(model: PlanModel): Entry<'akteure'>[] {
  const genannt = new Set<string>();
  for (const a of model.akteure) {
    for (const b of a.data.beziehungen) genannt.add(b.ziel.id);
    for (const r of a.data.gremium?.mitglieder ?? []) genannt.add(r.id);
    if (a.data.gremium?.berichtetAn) genannt.add(a.data.gremium.berichtetAn.id);
  }
  for (const m of model.massnahmen) for (const r of [...m.data.verantwortlich, ...m.data.partner]) genannt.add(r.id);
  for (const h of model.handlungsfelder) for (const r of h.data.verantwortlich) genannt.add(r.id);
  for (const f of model.formate) for (const r of [f.data.organisator, ...f.data.teilnehmende]) genannt.add(r.id);
  return model.akteure.filter((a) => !genannt.has(a.id));
}
