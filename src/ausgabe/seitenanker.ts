/**
 * The anchors (element ids) each page of a plan will have, as far as the model tells before
 * anything is built: the ids in the MDX texts (headings, their former ids, footnotes), the
 * ids the page templates derive from data (goals and their former ids on Handlungsfeld
 * pages, Maßnahmen on the overview and their fields' pages, glossary entries, indicators,
 * milestones, actors, formats, schools, finance rows …) and the fixed ids of sections the
 * templates show for this plan. The link check (src/pruefung/verweise.ts) reads them, so
 * `npm run pruefen` knows a link's target anchor without the built site.
 *
 * The list predicts, it never guesses: every id in it is on the page once it is built. A
 * site test compares it with the built pages of both sample plans, so it cannot drift from
 * the templates. Where a template's id depends on more than the model shows simply, it is
 * left out; the plan's anchor register (anker.json) still names every id it has published.
 */
import type { PlanModel } from '../plan/model.ts';
import { jeModell, massnahmenImFeld, meilensteineVon, fassungenMit, entscheidungenZu, entscheidungenImFeld } from '../plan/indexe.ts';
import { optionAnker } from '../rechnen/entscheidungen.ts';
import { kapitelBaum } from './kapitel.ts';
import { massnahmeAnker, seite } from '../plan/urls.ts';
import { seitenDesPlans } from './seiten.ts';
import { statusChronik } from '../rechnen/aenderungen.ts';
import { beziehungen, formateVon, gruppenAnker, massnahmenNachFeld, nachEbene, zustaendigkeiten } from '../rechnen/akteure.ts';
import { massnahmenZurSeite } from '../plan/abschnitte.ts';
import { aenderungshinweise } from '../rechnen/aenderungen.ts';
import { tabellenVon } from '../rechnen/finanztabellen.ts';
import { offeneTabellen } from './offenedaten/index.ts';
import { hatInhaltsverzeichnis } from './inhaltsverzeichnis.ts';

/** Page path → the ids the page will have. */
export type Seitenanker = ReadonlyMap<string, ReadonlySet<string>>;

/** The id of <main> on every page (the target of the skip link). */
export const HAUPTANKER = 'inhalt';

/** The ids of every page of the model that has some (pages not listed have only the main id). */
export const seitenanker = jeModell('seitenanker', (model: PlanModel): Seitenanker => {
  const anker = new Map<string, Set<string>>();
  const auf: Auf = (pfad, ...ids) => {
    let liste = anker.get(pfad);
    if (!liste) anker.set(pfad, (liste = new Set()));
    for (const id of ids) if (id) liste.add(id);
  };
  const seiten = seitenDesPlans(model);
  ankerDerTexte(model, auf);
  ankerDerMassnahmen(model, auf);
  ankerDerAkteure(model, auf);
  ankerDerVerzeichnisse(model, seiten, auf);
  ankerDerPflichtseiten(model, auf);
  return anker;
});

/** Adds ids to a page's list; `false` and undefined stand for an id the page does not have. */
type Auf = (pfad: string, ...ids: (string | false | undefined)[]) => void;

/** Chapters and Handlungsfelder: the ids of their texts, their tables of contents and the sections below. */
function ankerDerTexte(model: PlanModel, auf: Auf): void {
  for (const k of model.kapitel) {
    const pfad = seite.kapitel(k.id);
    const headings = k.inhalt?.headings ?? [];
    auf(pfad, ...(k.inhalt?.anker ?? []), hatInhaltsverzeichnis(headings) && 'toc-titel');
    auf(pfad, kapitelBaum(model.kapitel, k.id).length > 0 && 'unterkapitel', massnahmenZurSeite(model, 'kapitel', k.id).length > 0 && 'massnahmen-zum-abschnitt');
  }

  for (const hf of model.handlungsfelder) {
    const pfad = seite.handlungsfeld(hf.id);
    // The table of contents lists the text's headings and the sections below: Ziele (where the field
    // has goals), Entscheidungen (where decisions belong to it) and Maßnahmen.
    const ziele = hf.data.ziele.length > 0;
    const entscheidungen = entscheidungenImFeld(model, hf.id).length > 0;
    const abschnitte = [...(hf.inhalt?.headings ?? []), ...(ziele ? [{ depth: 2 }] : []), ...(entscheidungen ? [{ depth: 2 }] : []), { depth: 2 }];
    auf(pfad, ...(hf.inhalt?.anker ?? []), hatInhaltsverzeichnis(abschnitte) && 'toc-titel', ziele && 'ziele', entscheidungen && 'entscheidungen', 'massnahmen');
    for (const ziel of hf.data.ziele) auf(pfad, ziel.id, ...ziel.aliase);
    for (const m of massnahmenImFeld(model, hf.id)) auf(pfad, massnahmeAnker(m.id), ...m.data.aliase.map(massnahmeAnker));
  }
}

/** The overviews of Handlungsfelder and Maßnahmen, and each Maßnahme's page. */
function ankerDerMassnahmen(model: PlanModel, auf: Auf): void {
  for (const art of ['Handlungsfeld', 'Strategisches Thema'] as const) {
    if (model.handlungsfelder.some((hf) => hf.data.art === art)) auf(seite.handlungsfelder(), art === 'Handlungsfeld' ? 'gruppe-handlungsfelder' : 'gruppe-themen');
  }
  auf(seite.massnahmen(), 'status-uebersicht', ...model.handlungsfelder.map((hf) => `hf-${hf.id}`));
  for (const m of model.massnahmen) {
    // On the overview each Maßnahme keeps its anchor (and its former codes) under its home field.
    auf(seite.massnahmen(), massnahmeAnker(m.id), ...m.data.aliase.map(massnahmeAnker));
    auf(
      seite.massnahme(m.id),
      ...(m.inhalt?.anker ?? []),
      'beschreibung',
      m.data.zielsetzungen.length > 0 && 'zielsetzungen',
      m.data.abschnitte.length > 0 && 'abschnitte',
      m.data.ziele.length > 0 && 'ziele',
      entscheidungenZu(model, m.id).length > 0 && 'entscheidungen',
      statusChronik(fassungenMit(model, m), m).length > 0 && 'statusverlauf',
      meilensteineVon(model, m.id).length > 0 && 'meilensteine',
    );
  }
  if (model.bildungsbereiche.length > 0) auf(seite.massnahmen(), 'bildungsbereiche', ...model.bildungsbereiche.map((b) => `bereich-${b.id}`));
}

/** The actors' overview, each actor's page and the Zuständigkeiten. */
function ankerDerAkteure(model: PlanModel, auf: Auf): void {
  const gruppen = nachEbene(model);
  const gruppenIds = gruppenAnker(model, gruppen);
  for (const g of gruppen) auf(seite.akteure(), gruppenIds.get(g), ...g.akteure.map((a) => a.id));
  for (const a of model.akteure) {
    const zu = zustaendigkeiten(model, a.id);
    auf(
      seite.akteur(a.id),
      a.data.aufgaben.length > 0 && 'aufgaben',
      a.data.gremium && 'gremium',
      beziehungen(model, a.id).length > 0 && 'beziehungen',
      formateVon(model, a.id).length > 0 && 'formate',
      zu.gremien.length > 0 && 'mitglied',
      zu.handlungsfelder.length > 0 && 'handlungsfelder',
      massnahmenNachFeld(model, a.id).length > 0 && 'massnahmen',
    );
  }
  auf(seite.zustaendigkeiten(), 'matrix');
}

/** The pages that list entries of one collection: formats, glossary, indicators, milestones, schools, data, finance. */
function ankerDerVerzeichnisse(model: PlanModel, seiten: ReturnType<typeof seitenDesPlans>, auf: Auf): void {
  if (seiten.formate) auf(seite.formate(), 'formate-uebersicht', ...model.formate.map((f) => f.id), ...[...new Set(model.formate.map((f) => f.data.ausrichtung ?? 'weitere'))].map((a) => `formate-${a}`));
  if (seiten.glossar) auf(seite.glossar(), ...model.glossar.map((g) => g.id));
  if (seiten.indikatoren) auf(seite.indikatoren(), ...model.indikatoren.flatMap((i) => [i.id, i.data.messwerte.length > 0 && `messwerte-${i.id}`]));
  if (seiten.meilensteine) auf(seite.meilensteine(), ...model.meilensteine.map((m) => m.id));
  if (seiten.entscheidungen) auf(seite.entscheidungen(), ...model.entscheidungen.map((e) => e.id));
  for (const e of model.entscheidungen) {
    auf(seite.entscheidung(e.id), 'optionen', ...e.data.optionen.map((o) => optionAnker(o.id)), e.data.begruendung && 'begruendung', e.data.massnahmen.length > 0 && 'massnahmen');
  }
  if (seiten.schulen) auf(seite.schulen(), 'alle-schulen', 'schulliste', ...model.schulen.map((s) => s.id));
  if (seiten.daten && model.datensaetze.length > 0) auf(seite.daten(), 'stand-und-herkunft', ...model.datensaetze.map((d) => d.id));
  if (seiten.daten && (model.links ?? []).length > 0) auf(seite.daten(), 'externe-links');
  const tabellen = offeneTabellen(model);
  if (seiten.daten && tabellen.length > 0) auf(seite.daten(), 'offene-daten', ...tabellen.map((t) => `datei-${t.name}`));
  if (seiten.finanzen) {
    auf(
      seite.finanzen(),
      ...model.finanzbereiche.flatMap((b) => [`bereich-${b.id}`, ...tabellenVon(model, b.id).flatMap((t) => [`tabelle-${t.id}`, `werte-${t.id}`])]),
      ...(model.foerderprogramme.length > 0 ? ['foerderprogramme', ...model.foerderprogramme.map((f) => `programm-info-${f.id}`)] : []),
      ...(model.summen.length > 0 ? ['gepruefte-summen', ...model.summen.map((s) => `summe-${s.id}`)] : []),
      ...(model.inventar.length > 0 ? ['bestand', ...model.inventar.map((i) => `inventar-${i.id}`)] : []),
    );
  }
}

/** Änderungen and the pages every public site must have: Impressum, Datenschutz, Barrierefreiheit. */
function ankerDerPflichtseiten(model: PlanModel, auf: Auf): void {
  auf(seite.aenderungen(), ...model.fassungen.map((f) => `seit-${f.id}`), aenderungshinweise(model).length > 0 && 'hinweise');
  const { plan } = model;
  auf(seite.impressum(), plan.herausgeber && 'herausgeber', plan.impressum && 'verantwortlich', plan.kontakt && 'kontakt', (plan.lizenz || plan.quelltext) && 'lizenz');
  if (plan.datenschutz) auf(seite.datenschutz(), 'verantwortlicher', 'datenschutzbeauftragte', 'was-wir-erheben', 'rechte');
  const b = plan.barrierefreiheit;
  if (b) auf(seite.barrierefreiheit(), 'stand-der-vereinbarkeit', 'pruefung', b.nichtBarrierefrei.length > 0 && 'nicht-barrierefrei', 'feedback', 'schlichtung');
}
