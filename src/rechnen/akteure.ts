/**
 * Relations and responsibilities of an Akteur, in both directions, and the overviews built
 * from them (map, Zuständigkeitsmatrix, support levels, contacts). What refers to an actor
 * comes from the per-model index (indexe.ts), so one actor's page costs what it shows.
 */
import { byId, type PlanModel, type Entry } from '../plan/model.ts';
import { BEZIEHUNGSTYPEN, EBENEN, SUPPORTLEVEL, type Data, type Ebene } from '../plan/schemas/index.ts';
import { url } from '../plan/urls.ts';
import { bezuegeVon, planIndex } from '../plan/indexe.ts';
import { byCode } from '../plan/massnahmen.ts';
// Types only: the map's module (and d3) stays out of what `npm run pruefen` loads.
import GithubSlugger from 'github-slugger';

export interface Beziehung {
  typ: string;
  /** The other actor. */
  akteur: Entry<'akteure'>;
  /** "aus": this actor → other; "ein": other → this actor. */
  richtung: 'aus' | 'ein';
  hinweis?: string;
  /** When (e.g. a Kooperationsvereinbarung was signed) and about what, where the plan says. */
  datum?: string;
  gegenstand?: string;
}

/** The actor's own relations ("aus"), then those of other actors towards it ("ein"), from the index. */
export function beziehungen(model: PlanModel, id: string): Beziehung[] {
  const self = byId(model.akteure, id, 'akteure');
  const aus = self.data.beziehungen.map((b) => ({ typ: b.typ, akteur: byId(model.akteure, b.ziel.id, 'akteure'), richtung: 'aus' as const, hinweis: b.hinweis, datum: b.datum, gegenstand: b.gegenstand }));
  const ein = bezuegeVon(model, id).eingehend.map((b) => ({ typ: b.typ, akteur: b.von, richtung: 'ein' as const, hinweis: b.hinweis, datum: b.datum, gegenstand: b.gegenstand }));
  return [...aus, ...ein];
}

/** Maßnahmen (code order) the actor leads or supports, Handlungsfelder it is responsible for, Gremien it sits in. */
export function zustaendigkeiten(model: PlanModel, id: string) {
  const { verantwortlich, partner, handlungsfelder, gremien } = bezuegeVon(model, id);
  return { verantwortlich, partner, handlungsfelder, gremien };
}

/** The actor's roles in a Maßnahme. */
export type Rolle = 'verantwortlich' | 'Partner';

/** The actor's Maßnahmen grouped by their first (home) Handlungsfeld (in the fields' order), each group in code order with the actor's roles. */
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

/** A group of actors: one of the plan's `akteursgruppen`, or one of the default EBENEN. */
export interface Akteursgruppe {
  name: Ebene;
  /** Relations between groups of different Stufe are vertical, within one Stufe horizontal. */
  stufe: string;
  beschreibung?: string;
}

/** How Planwerk classifies a relation between two grouped actors. */
export type Beziehungsart = 'vertikal' | 'horizontal';

/** The three tiers of the default EBENEN between which relations count as vertical: Land, Kommune, Schule. */
export const STUFE: Record<Ebene, 'Land' | 'Kommune' | 'Schule'> = {
  Land: 'Land',
  Schulaufsicht: 'Land',
  Schulträger: 'Kommune',
  'kommunale Unterstützung': 'Kommune',
  'externe Dienstleister': 'Kommune',
  schulintern: 'Schule',
  Schule: 'Schule',
};

type MitGruppen = Pick<Data<'plan'>, 'akteursgruppen'> | undefined;

/**
 * The groups an actor may belong to, in their order: the plan's own `akteursgruppen` (a group
 * without `stufe` is its own Stufe), else the default EBENEN with their tiers (STUFE). Whether
 * the plan uses any of them is up to its actors (`ebene` is optional).
 */
export function akteursgruppen(plan: MitGruppen): Akteursgruppe[] {
  if (plan?.akteursgruppen) return plan.akteursgruppen.map((g) => ({ name: g.name, stufe: g.stufe ?? g.name, beschreibung: g.beschreibung }));
  return EBENEN.map((name) => ({ name, stufe: STUFE[name] ?? name }));
}

/** How pages name a group: "Ebene" for the default EBENEN, "Gruppe" for the plan's own groups. */
export function gruppenWort(plan: MitGruppen): { einzahl: 'Ebene' | 'Gruppe'; mehrzahl: 'Ebenen' | 'Gruppen' } {
  return plan?.akteursgruppen ? { einzahl: 'Gruppe', mehrzahl: 'Gruppen' } : { einzahl: 'Ebene', mehrzahl: 'Ebenen' };
}

/** Does the plan assign any actor to a group (an Ebene or one of its `akteursgruppen`)? */
export function hatGruppen(model: Pick<PlanModel, 'akteure'>): boolean {
  return model.akteure.some((a) => a.data.ebene !== undefined);
}

/**
 * The anchor of each group's section on /akteure/ ("ebene-schulträger"; "ohne-zuordnung" for the
 * actors the plan assigns to no group); none where the plan groups no actor (no group headings).
 */
export function gruppenAnker(model: Pick<PlanModel, 'plan' | 'akteure'>, gruppen: AkteureEinerGruppe[] = nachEbene(model)): Map<AkteureEinerGruppe, string> {
  if (!hatGruppen(model)) return new Map();
  const slugger = new GithubSlugger();
  return new Map(gruppen.map((g) => [g, g.ebene === undefined ? 'ohne-zuordnung' : `ebene-${slugger.slug(g.ebene)}`]));
}

/** Actors of one group, or (without `ebene`) the actors the plan assigns to no group. */
export type AkteureEinerGruppe =
  | { ebene: Ebene; gruppe: Akteursgruppe; akteure: Entry<'akteure'>[] }
  | { ebene?: undefined; gruppe?: undefined; akteure: Entry<'akteure'>[] };

const nachName = (a: Entry<'akteure'>, b: Entry<'akteure'>) => a.data.name.localeCompare(b.data.name, 'de');

/**
 * Actors grouped by Ebene (or the plan's groups), in the order of the groups, empty groups left
 * out, each sorted by name; the actors without a group last, as one entry without `ebene` (the
 * only entry when the plan groups no actor).
 */
export function nachEbene(model: Pick<PlanModel, 'plan' | 'akteure'>): AkteureEinerGruppe[] {
  const gruppen = akteursgruppen(model.plan);
  const bekannt = new Set(gruppen.map((g) => g.name));
  // Validation allows only the plan's groups; any other name would still be listed, after them.
  const uebrige = [...new Set(model.akteure.flatMap((a) => (a.data.ebene === undefined || bekannt.has(a.data.ebene) ? [] : [a.data.ebene])))].map((name) => ({
    name,
    stufe: name,
    beschreibung: undefined,
  }));
  const mitGruppe: AkteureEinerGruppe[] = [...gruppen, ...uebrige]
    .map((gruppe) => ({ ebene: gruppe.name, gruppe, akteure: model.akteure.filter((a) => a.data.ebene === gruppe.name).sort(nachName) }))
    .filter((g) => g.akteure.length > 0);
  const ohne = model.akteure.filter((a) => a.data.ebene === undefined).sort(nachName);
  return ohne.length > 0 ? [...mitGruppe, { akteure: ohne }] : mitGruppe;
}

/**
 * Vertical: between groups of different Stufe (by default between Land, Kommune and Schule);
 * horizontal: within one Stufe. Without `plan`, the default EBENEN are meant. A relation with an
 * actor the plan assigns to no group is neither: undefined.
 */
export function beziehungsart(von: Ebene | undefined, nach: Ebene | undefined, plan?: MitGruppen): Beziehungsart | undefined {
  if (von === undefined || nach === undefined) return undefined;
  const stufen = new Map(akteursgruppen(plan).map((g) => [g.name, g.stufe]));
  const stufe = (e: Ebene) => stufen.get(e) ?? e;
  return stufe(von) === stufe(nach) ? 'horizontal' : 'vertikal';
}

/** The actor map's input (drawn by src/ausgabe/charts/akteurslandkarte.ts). */
export interface KartenKnoten {
  id: string;
  name: string;
  kurzname?: string;
  /** One of `ebenen`; left out for an actor the plan assigns to none. */
  ebene?: string;
  href: string;
}
export interface KartenKante {
  von: string;
  nach: string;
  typ: string;
  /** Between Ebenen of different tiers or within one; left out where an end has no Ebene. */
  art?: 'vertikal' | 'horizontal';
}
export interface KartenInput {
  /** Prefix for all ids in the SVG. */
  id: string;
  title: string;
  desc: string;
  /** The order of the bands, top to bottom (the band of actors without an Ebene comes last). */
  ebenen: string[];
  knoten: KartenKnoten[];
  kanten: KartenKante[];
  /** All relation types, in legend order. */
  typen: string[];
}

/** The actor map's input: actors by Ebene (those without one in no band of their own) and every relation as a directed edge. */
export function karteDaten(model: PlanModel): KartenInput {
  const ebeneVon = new Map(model.akteure.map((a) => [a.id, a.data.ebene]));
  const ebenen = nachEbene(model).flatMap((g) => (g.ebene === undefined ? [] : [g.ebene]));
  const ohne = model.akteure.filter((a) => a.data.ebene === undefined).length;
  const beziehungen = model.akteure.reduce((n, a) => n + a.data.beziehungen.length, 0);
  const { mehrzahl } = gruppenWort(model.plan);
  const verteilung =
    ebenen.length === 0
      ? `${model.akteure.length} Akteure`
      : ohne === 0
        ? `${model.akteure.length} Akteure ${model.plan.akteursgruppen ? 'in' : 'auf'} ${ebenen.length} ${mehrzahl}`
        : `${model.akteure.length} Akteure, ${model.akteure.length - ohne} davon ${model.plan.akteursgruppen ? 'in' : 'auf'} ${ebenen.length} ${mehrzahl} und ${ohne} ohne Zuordnung im Plan,`;
  return {
    id: 'akteurslandkarte',
    title: 'Akteurslandkarte',
    desc: `${verteilung} und ihre ${beziehungen} Beziehungen. Dieselben Angaben stehen als Listen unter der Karte.`,
    ebenen,
    knoten: model.akteure.map((a) => ({ id: a.id, name: a.data.name, kurzname: a.data.kurzname, ebene: a.data.ebene, href: url.akteur(a.id) })),
    kanten: model.akteure.flatMap((a) =>
      a.data.beziehungen.map((b) => {
        const art = beziehungsart(a.data.ebene, ebeneVon.get(b.ziel.id), model.plan);
        return { von: a.id, nach: b.ziel.id, typ: b.typ, ...(art && { art }) };
      }),
    ),
    typen: [...BEZIEHUNGSTYPEN],
  };
}

export interface MatrixZelle {
  /** Maßnahmen naming the field that the actor leads, in code order. */
  verantwortlich: string[];
  /** Maßnahmen naming the field in which the actor is a partner, in code order. */
  partner: string[];
  /** The actor is named as responsible for the whole field. */
  handlungsfeld: boolean;
}

export interface Zustaendigkeitsmatrix {
  /** The columns: Handlungsfelder in their order. */
  spalten: readonly Entry<'handlungsfelder'>[];
  /**
   * The rows: actors with at least one entry, grouped by Ebene (in the order of the plan's
   * groups, else EBENEN; actors without a group last, in a group without `ebene`) and sorted by
   * name; one cell per column.
   */
  gruppen: { ebene?: Ebene; zeilen: { akteur: Entry<'akteure'>; zellen: MatrixZelle[] }[] }[];
}

/**
 * Zuständigkeitsmatrix: Akteure × Handlungsfelder, from the Maßnahmen (verantwortlich,
 * Partner; in every Handlungsfeld a Maßnahme names) and the responsibilities of the fields, in
 * one pass over the Maßnahmen.
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
    // A Maßnahme with several Handlungsfelder counts in each of their columns.
    for (const feld of new Set(m.data.handlungsfelder.map((r) => r.id))) {
      for (const id of new Set(m.data.verantwortlich.map((r) => r.id))) zelle(id, feld).verantwortlich.push(m.id);
      for (const id of new Set(m.data.partner.map((r) => r.id))) zelle(id, feld).partner.push(m.id);
    }
  }
  return {
    spalten: felder,
    gruppen: nachEbene(model)
      .map((g) => ({ ...(g.ebene !== undefined && { ebene: g.ebene }), zeilen: g.akteure.filter((a) => zellen.has(a.id)).map((a) => ({ akteur: a, zellen: zellen.get(a.id)! })) }))
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
  for (const f of model.formate) for (const r of [...(f.data.organisator ? [f.data.organisator] : []), ...f.data.teilnehmende]) genannt.add(r.id);
  return model.akteure.filter((a) => !genannt.has(a.id));
}
