/**
 * The external links as the /daten/ page lists them: each address with the pages that cite it and
 * what the register (links.json, `planwerk links`) knows — the day it was last found live, or that
 * it has not been checked. Computed from the plan and the register; nothing is requested.
 */
import type { ExternerLink, Fundstelle, PlanModel } from '../plan/model.ts';
import { byId } from '../plan/model.ts';
import { massnahmeName } from '../plan/massnahmen.ts';
import { seite } from '../plan/urls.ts';
import { seitenDesPlans } from './seiten.ts';

/** Where a link stands, as a reader sees it: the page (a site path without base) and its title, or the file alone. */
export interface Verwendung {
  titel: string;
  pfad?: string;
}

/** Where the site shows an address of plan.yaml, by its field. */
const ANGABEN_DES_PLANS: Record<string, Verwendung> = {
  herausgeber: { titel: 'Impressum', pfad: seite.impressum() },
  datenschutz: { titel: 'Datenschutzerklärung', pfad: seite.datenschutz() },
  barrierefreiheit: { titel: 'Erklärung zur Barrierefreiheit', pfad: seite.barrierefreiheit() },
  lizenz: { titel: 'Lizenz des Plans' },
  beschluss: { titel: 'Beschluss des Plans' },
  quelltext: { titel: 'Quelltext des Plans' },
};

/** The page of an entry that cites a link, where the entry has one; else its file. */
export function verwendung(model: PlanModel, f: Fundstelle): Verwendung {
  const seiten = seitenDesPlans(model);
  switch (f.sammlung) {
    case 'plan':
      return ANGABEN_DES_PLANS[f.feld ?? ''] ?? { titel: 'Angaben zum Plan' };
    case 'kapitel':
      return { titel: byId(model.kapitel, f.id, 'kapitel').data.titel, pfad: seite.kapitel(f.id) };
    case 'handlungsfelder':
      return { titel: byId(model.handlungsfelder, f.id, 'handlungsfelder').data.titel, pfad: seite.handlungsfeld(f.id) };
    case 'massnahmen':
      return { titel: massnahmeName(model, byId(model.massnahmen, f.id, 'massnahmen')), pfad: seite.massnahme(f.id) };
    case 'akteure':
      return { titel: byId(model.akteure, f.id, 'akteure').data.name, pfad: seite.akteur(f.id) };
    case 'schulen':
      return { titel: byId(model.schulen, f.id, 'schulen').data.name, pfad: seiten.schulen ? seite.schule(f.id) : undefined };
    case 'foerderprogramme':
      return { titel: byId(model.foerderprogramme, f.id, 'foerderprogramme').data.name, pfad: seiten.finanzen ? `${seite.finanzen()}#programm-info-${f.id}` : undefined };
    case 'meilensteine':
      return { titel: byId(model.meilensteine, f.id, 'meilensteine').data.titel, pfad: seiten.meilensteine ? `${seite.meilensteine()}#${f.id}` : undefined };
    case 'erhebungswerte': {
      // A school's row of a survey round (the entry `<runde>/<schule>`): the school, whose page shows the address.
      const schule = f.id.slice(f.id.indexOf('/') + 1);
      return { titel: model.schulen.find((s) => s.id === schule)?.data.name ?? schule, pfad: seiten.schulen ? seite.schule(schule) : undefined };
    }
    default:
      return { titel: f.datei };
  }
}

/** Where a link stands, each page once: a school's address from several survey rounds is one use. */
export function verwendungen(model: PlanModel, link: ExternerLink): Verwendung[] {
  const alle = link.fundstellen.map((f) => verwendung(model, f));
  return alle.filter((v, i) => alle.findIndex((w) => w.titel === v.titel && w.pfad === v.pfad) === i);
}

/** The plan's external links (empty when it has none or the loader did not set them). */
export const linksDesPlans = (model: PlanModel): ExternerLink[] => model.links ?? [];

/** The register's entry for an address the plan cites, where `planwerk links` has seen it. */
export function linkEintrag(model: PlanModel, url: string): ExternerLink['register'] {
  return linksDesPlans(model).find((l) => l.url === url)?.register;
}
