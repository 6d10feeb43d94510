/**
 * Relations and responsibilities of an Akteur, in both directions, and the overviews built
 * from them (map, Zuständigkeitsmatrix, support levels, contacts). What refers to an actor
 * comes from the per-model index (indexe.ts), so one actor's page costs what it shows.
 */
import { byId, type PlanModel, type Entry } from './model.ts';
import { BEZIEHUNGSTYPEN, EBENEN, SUPPORTLEVEL, type Ebene } from './schemas.ts';
import { url } from './urls.ts';
import { bezuegeVon, planIndex } from './indexe.ts';
import { byCode } from './massnahmen.ts';

export interface Beziehung {
  typ: string;
  /** The other actor. */
  akteur: Entry<'akteure'>;
  /** "aus": this actor → other; "ein": other → this actor. */
  richtung: 'aus' | 'ein';
  hinweis?: string;
}

/** The actor's own relations ("aus"), then those of other actors towards it ("ein"), from the index. */
export function beziehungen(model: PlanModel, id: string): Beziehung[] {
  const self = byId(model.akteure, id, 'akteure');
  const aus = self.data.beziehungen.map((b) => ({ typ: b.typ, akteur: byId(model.akteure, b.ziel.id, 'akteure'), richtung: 'aus' as const, hinweis: b.hinweis }));
  const ein = bezuegeVon(model, id).eingehend.map((b) => ({ typ: b.typ, akteur: b.von, richtung: 'ein' as const, hinweis: b.hinweis }));
  return [...aus, ...ein];
}

/** Maßnahmen (code order) the actor leads or supports, Handlungsfelder it is responsible for, Gremien it sits in. */
export function zustaendigkeiten(model: PlanModel, id: string) {
  const { verantwortlich, partner, handlungsfelder, gremien } = bezuegeVon(model, id);
  return { verantwortlich, partner, handlungsfelder, gremien };
}

/** The actor's roles in a Maßnahme. */
export type Rolle = 'verantwortlich' | 'Partner';

/** The actor's Maßnahmen grouped by Handlungsfeld (in the fields' order), each group in code order with the actor's roles. */
export function massnahmenNachFeld(model: PlanModel, id: string) {
  const { verantwortlich, partner } = bezuegeVon(model, id);
  const rollen = new Map<Entry<'massnahmen'>, Rolle[]>();
  for (const m of verantwortlich) rollen.set(m, ['verantwortlich']);
  for (const m of partner) rollen.set(m, [...(rollen.get(m) ?? []), 'Partner']);
  const nachFeld = new Map<string, { massnahme: Entry<'massnahmen'>; rollen: Rolle[] }[]>();
  for (const m of [...rollen.keys()].sort(byCode)) {
    const liste = nachFeld.get(m.data.handlungsfeld.id) ?? [];
    liste.push({ massnahme: m, rollen: rollen.get(m)! });
    nachFeld.set(m.data.handlungsfeld.id, liste);
  }
  return planIndex(model)
    .felder.filter((hf) => nachFeld.has(hf.id))
    .map((hf) => ({ handlungsfeld: hf, massnahmen: nachFeld.get(hf.id)! }));
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
  const ebenen = nachEbene(model).map((g) => g.ebene);
  return {
    id: 'akteurslandkarte',
    title: 'Akteurslandkarte',
    desc: `${model.akteure.length} Akteure auf ${ebenen.length} Ebenen und ihre ${model.akteure.reduce((n, a) => n + a.data.beziehungen.length, 0)} Beziehungen. Dieselben Angaben stehen als Listen unter der Karte.`,
    ebenen,
    knoten: model.akteure.map((a) => ({ id: a.id, name: a.data.name, kurzname: a.data.kurzname, ebene: a.data.ebene, href: url.akteur(a.id) })),
    kanten: model.akteure.flatMap((a) =>
      a.data.beziehungen.map((b) => ({ von: a.id, nach: b.ziel.id, typ: b.typ, art: beziehungsart(a.data.ebene, ebeneVon.get(b.ziel.id)!) })),
    ),
    typen: [...BEZIEHUNGSTYPEN],
  };
}

export interface MatrixZelle {
  /** Maßnahmen of the field that the actor leads, in code order. */
  verantwortlich: string[];
  /** Maßnahmen of the field in which the actor is a partner, in code order. */
  partner: string[];
  /** The actor is named as responsible for the whole field. */
  handlungsfeld: boolean;
}

export interface Zustaendigkeitsmatrix {
  /** The columns: Handlungsfelder in their order. */
  spalten: readonly Entry<'handlungsfelder'>[];
  /** The rows: actors with at least one entry, grouped by Ebene (in the order of EBENEN) and sorted by name; one cell per column. */
  gruppen: { ebene: Ebene; zeilen: { akteur: Entry<'akteure'>; zellen: MatrixZelle[] }[] }[];
}

/**
 * Zuständigkeitsmatrix: Akteure × Handlungsfelder, from the Maßnahmen (verantwortlich,
 * Partner) and the responsibilities of the fields, in one pass over the Maßnahmen.
 * Only actors with at least one entry become rows.
 */
export function zustaendigkeitsmatrix(model: PlanModel): Zustaendigkeitsmatrix {
  const { felder, massnahmen } = planIndex(model);
  const spalte = new Map(felder.map((hf, i) => [hf.id, i]));
  const zellen = new Map<string, MatrixZelle[]>();
  const zelle = (akteur: string, feld: string): MatrixZelle => {
    let z = zellen.get(akteur);
    if (!z) {
      z = felder.map(() => ({ verantwortlich: [], partner: [], handlungsfeld: false }));
      zellen.set(akteur, z);
    }
    return z[spalte.get(feld)!]!;
  };
  for (const hf of felder) for (const r of hf.data.verantwortlich) zelle(r.id, hf.id).handlungsfeld = true;
  for (const m of massnahmen) {
    for (const id of new Set(m.data.verantwortlich.map((r) => r.id))) zelle(id, m.data.handlungsfeld.id).verantwortlich.push(m.id);
    for (const id of new Set(m.data.partner.map((r) => r.id))) zelle(id, m.data.handlungsfeld.id).partner.push(m.id);
  }
  return {
    spalten: felder,
    gruppen: nachEbene(model)
      .map((g) => ({ ebene: g.ebene, zeilen: g.akteure.filter((a) => zellen.has(a.id)).map((a) => ({ akteur: a, zellen: zellen.get(a.id)! })) }))
      .filter((g) => g.zeilen.length > 0),
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
  return bezuegeVon(model, id).formate;
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
