/**
 * The pages the browser tests visit: one of every page type a sample plan has. A test checks
 * that every route in src/ausgabe/pages is visited in one of the sample plans, so a new page type
 * cannot be forgotten.
 */
import { routen as routenDerSeiten, routeVon as routeDerSeite, type Route } from '../../src/cli/sitepruefung/seiten.ts';
import { seite } from '../../src/plan/urls.ts';
import { suchUrl } from '../../src/ausgabe/suche/urls.ts';
import { seitenDesPlans } from '../../src/ausgabe/seiten.ts';
import type { Beispielplan } from './plaene.ts';

/**
 * One page of every page type the plan has (derived from the plan, so a plan without schools
 * has no school pages here), in the order a reader meets them.
 */
export function seitenFuer(plan: Beispielplan): string[] {
  const model = plan.modell();
  const s = seitenDesPlans(model);
  const erste = <T extends { id: string }>(liste: readonly T[]) => liste[0]?.id;
  const felder = [...model.handlungsfelder].sort((a, b) => a.data.reihenfolge - b.data.reihenfolge);
  const buchstabe = plan.site.allPages().find((p) => /^\/register\/[^/]+\/$/.test(p));
  const bereich = [...s.bereiche][0];
  return [
    seite.start(),
    seite.kapitel(erste(model.kapitel)!),
    seite.handlungsfelder(),
    seite.handlungsfeld(erste(felder)!),
    seite.massnahmen(),
    seite.massnahme(erste(model.massnahmen)!),
    ...(bereich ? [seite.bildungsbereich(bereich)] : []),
    seite.akteure(),
    seite.akteur(erste(model.akteure)!),
    seite.zustaendigkeiten(),
    ...(s.entscheidungen ? [seite.entscheidungen(), seite.entscheidung(erste(model.entscheidungen)!)] : []),
    ...(s.support ? [seite.support()] : []),
    ...(s.formate ? [seite.formate()] : []),
    ...(s.ansprechpartner ? [seite.ansprechpartner()] : []),
    ...(s.schulen ? [seite.schulen(), seite.schule(erste(model.schulen)!)] : []),
    ...(s.erhebungen ? [seite.erhebungen()] : []),
    ...(s.bedarfe ? [seite.bedarfe()] : []),
    ...(s.medienkonzepte ? [seite.medienkonzepte()] : []),
    ...(s.selbsteinschaetzung ? [seite.selbsteinschaetzung()] : []),
    ...(s.finanzen ? [seite.finanzen()] : []),
    ...(s.indikatoren ? [seite.indikatoren()] : []),
    ...(s.meilensteine ? [seite.meilensteine()] : []),
    seite.aenderungen(),
    ...(s.glossar ? [seite.glossar()] : []),
    suchUrl(plan.suchbegriff),
    '/register/',
    ...(buchstabe ? [buchstabe] : []),
    ...(s.daten ? [seite.daten()] : []),
    seite.druckfassung(),
    seite.impressum(),
    seite.datenschutz(),
    seite.barrierefreiheit(),
    '/404.html',
  ];
}

/** Route patterns of src/ausgabe/pages, without the redirect catch-all (as `planwerk pruefen-site` groups pages by them). */
export function routen(): Route[] {
  return routenDerSeiten();
}

/** The route file that builds a page: a fixed route wins over a dynamic one. */
export function routeVon(seite: string): string | undefined {
  return routeDerSeite(seite)?.datei;
}
