/**
 * Which pages a plan has, and how pages name its chapters and fields.
 *
 * Only plan.yaml, the actors, chapters, Handlungsfelder and Maßnahmen are required; every
 * other collection may be absent (see the spec of optional files). A page for absent data is
 * neither built nor linked: each optional page returns no path from its getStaticPaths when its
 * flag here is false, and the navigation, the footer and the start page ask here before they
 * link. One function decides for all of them, so a page and its links cannot disagree.
 */
import type { Entry, PlanModel } from '../plan/model.ts';
import { jeModell, planIndex } from '../plan/indexe.ts';
import { KENNZAHLEN } from '../rechnen/kennzahlen.ts';
import { offeneTabellen } from './offenedaten/index.ts';
import { hatBedarfsseite, letzteRunde } from '../rechnen/erhebungen.ts';
import { rundenMitStufen } from '../rechnen/selbsteinschaetzung.ts';

export interface SeitenDesPlans {
  /** /schulen/ and one page per school. */
  schulen: boolean;
  /** /schulen/erhebungen/: the survey rounds and what changed between them (a plan with named rounds). */
  erhebungen: boolean;
  /** /schulen/bedarfe/: the needs the schools named, the plan's answers and groups of schools (rounds with needs). */
  bedarfe: boolean;
  /** /schulen/medienkonzepte/: the state of the schools' Medienkonzepte (a round that asked for them). */
  medienkonzepte: boolean;
  /** /schulen/selbsteinschaetzung/: the schools' self-evaluation (a grid, and a round that asked for levels). */
  selbsteinschaetzung: boolean;
  /** /finanzen/: inventory, running costs, funding, programmes or published finance tables. */
  finanzen: boolean;
  /** /indikatoren/ */
  indikatoren: boolean;
  /** /meilensteine/ */
  meilensteine: boolean;
  /** /glossar/ */
  glossar: boolean;
  /** /entscheidungen/ and one page per decision (entscheidungen.yaml). */
  entscheidungen: boolean;
  /** /akteure/formate/ */
  formate: boolean;
  /** /akteure/support/: some actor has a support level. */
  support: boolean;
  /** /akteure/ansprechpartner/: some actor is a contact for a topic (`themen`). */
  ansprechpartner: boolean;
  /** /daten/: the plan describes its datasets (daten/datensaetze.yaml) or has open data (src/ausgabe/offenedaten/index.ts). */
  daten: boolean;
  /** Bildungsbereiche with at least one Maßnahme: each has /massnahmen/bereich/<id>/. */
  bereiche: ReadonlySet<string>;
}

/** The optional pages of a plan, decided once per model. */
export const seitenDesPlans = jeModell('seiten', (model: PlanModel): SeitenDesPlans => ({
  schulen: model.schulen.length > 0,
  erhebungen: model.erhebungen.length > 0,
  bedarfe: hatBedarfsseite(model),
  medienkonzepte: letzteRunde(model)?.gefragt.has('medienkonzept_stand') ?? false,
  selbsteinschaetzung: rundenMitStufen(model).length > 0,
  finanzen: [model.inventar, model.laufendeKosten, model.finanzierung, model.foerderprogramme, model.finanzbereiche].some((c) => c.length > 0),
  indikatoren: model.indikatoren.length > 0,
  meilensteine: model.meilensteine.length > 0,
  glossar: model.glossar.length > 0,
  entscheidungen: model.entscheidungen.length > 0,
  formate: model.formate.length > 0,
  support: model.akteure.some((a) => a.data.supportlevel.length > 0),
  ansprechpartner: model.akteure.some((a) => a.data.themen.length > 0),
  daten: model.datensaetze.length > 0 || offeneTabellen(model).length > 0,
  bereiche: new Set(planIndex(model).imBereich.keys()),
}));

/**
 * What an optional page's getStaticPaths returns: the page at its own address (a rest
 * parameter left undefined) when the plan has it, else nothing, so Astro does not build it.
 */
export function seiteWenn(vorhanden: boolean): { params: { seite: undefined } }[] {
  return vorhanden ? [{ params: { seite: undefined } }] : [];
}

/** A chapter's title with the plan's own section number in front, where it has one: "4.2 Zielsetzungen Schule". */
export function kapitelTitel(k: Pick<Entry<'kapitel'>, 'data'>): string {
  return k.data.nummer ? `${k.data.nummer} ${k.data.titel}` : k.data.titel;
}

/** What kind of short code `feldKuerzel` gives for a plan's fields (for the words around it). */
export type KuerzelArt = 'Kürzel' | 'Nummer' | 'Kurztitel';

/**
 * The short code of a Handlungsfeld as a column or label: its Kürzel, else its number in the
 * plan, else the first word of its title. Nothing is made up that the plan does not say.
 */
export function feldKuerzel(hf: Pick<Entry<'handlungsfelder'>, 'data'>): { text: string; art: KuerzelArt } {
  if (hf.data.kuerzel) return { text: hf.data.kuerzel, art: 'Kürzel' };
  if (hf.data.nummer) return { text: hf.data.nummer, art: 'Nummer' };
  return { text: hf.data.titel.split(/\s+/u)[0] ?? hf.data.titel, art: 'Kurztitel' };
}

/**
 * Which of the optional facts of a Maßnahme the plan gives at all. Where a plan gives a fact for
 * some Maßnahmen, a Maßnahme without it says "nicht festgelegt"; where the plan never gives it
 * (a catalogue without priorities), pages leave it out instead of repeating "nicht festgelegt".
 */
export interface AngabenDesPlans {
  status: boolean;
  prioritaet: boolean;
  zeitraum: boolean;
  verantwortlich: boolean;
}

export const angabenDesPlans = jeModell('angaben', (model: PlanModel): AngabenDesPlans => ({
  status: model.massnahmen.some((m) => m.data.status !== undefined),
  prioritaet: model.massnahmen.some((m) => m.data.prioritaet !== undefined),
  zeitraum: model.massnahmen.some((m) => m.data.zeitraum !== undefined),
  verantwortlich: model.massnahmen.some((m) => m.data.verantwortlich.length > 0),
}));

/**
 * Whether the plan has the data a named figure is computed from (KENNZAHLEN `braucht`): a page
 * asks before it calls `kennzahl()`, which throws a KennzahlError for a figure without data.
 */
export function kennzahlHatDaten(model: PlanModel, name: string): boolean {
  const braucht = KENNZAHLEN[name]?.braucht;
  return !braucht || braucht.some((c) => c !== 'plan' && model[c].length > 0);
}
