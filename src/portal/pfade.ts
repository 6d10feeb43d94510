/**
 * The portal's own addresses, with its base path (from portal.yaml's `website`), and the
 * addresses of pages on a plan's site.
 */
import { portaldaten } from './aktuell.ts';
import type { GelesenerPlan } from './typen.ts';

/** The portal's base path: `/` or `/pfad/` from its website. */
export function portalBasis(): string {
  const website = portaldaten().konfiguration.website;
  const pfad = website ? new URL(website).pathname : '/';
  return pfad.endsWith('/') ? pfad : `${pfad}/`;
}

/** A path of the portal (`suche/`, `akteure/x/`) with the base path. */
export const portalPfad = (pfad = ''): string => `${portalBasis()}${pfad.replace(/^\//, '')}`;

export const PORTAL_SEITEN = {
  start: () => portalPfad(),
  suche: () => portalPfad('suche/'),
  vergleich: (anker?: string) => portalPfad(`vergleich/${anker ? `#${anker}` : ''}`),
  akteure: () => portalPfad('akteure/'),
  akteur: (id: string) => portalPfad(`akteure/${id}/`),
  impressum: () => portalPfad('impressum/'),
  datenschutz: () => portalPfad('datenschutz/'),
  barrierefreiheit: () => portalPfad('barrierefreiheit/'),
  datei: (name: string) => portalPfad(name),
  /** The copied search index of a plan. */
  suchindex: (id: string) => portalPfad(`plaene/${id}/pagefind/`),
};

/**
 * The address of a page on a plan's site from a pattern of its Portalangaben (`akteure/{id}/`),
 * or undefined when the plan publishes no Portalangaben or the address would leave its site.
 */
export function planSeite(plan: GelesenerPlan, muster: 'massnahme' | 'akteur' | 'daten' | 'start', id = ''): string | undefined {
  const angaben = plan.angaben;
  if (!angaben) return muster === 'start' ? plan.adresse : undefined;
  const url = new URL(angaben.seiten[muster].replaceAll('{id}', encodeURIComponent(id)), plan.adresse);
  return url.href.startsWith(plan.adresse) ? url.href : undefined;
}
