/**
 * Links and anchors of the built site, checked from the files alone, with no request to any
 * server: every address of every page that points into the site (a path, or the plan's own
 * `website` address) must name a file of the output folder, under the base path, and its
 * #fragment an id on that page. Addresses are resolved with the WHATWG URL parser against the
 * address the page will have. External addresses are not fetched and not checked here (the
 * build's address rule checks their form, src/ausgabe/ausgabeadressen.ts).
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { mitBasis, ohneBasis } from '../../plan/urls.ts';
import { anzahl, type Befund } from './befunde.ts';
import type { GebauteSeite } from './seiten.ts';

/** Where the site is published: the origin of plan.yaml's `website` (or a stand-in) and the base path. */
export interface Adresse {
  ursprung: string;
  basis: string;
}

/** The stand-in origin for a plan without `website`: no address of the plan can have it. */
export const OHNE_WEBSITE = 'https://planwerk.invalid';

export function adresseDerSite(website: string | undefined, basis: string): Adresse {
  return { ursprung: website && URL.canParse(website) ? new URL(website).origin : OHNE_WEBSITE, basis };
}

/** Fragments that need no id: the top of the page, and text fragments. */
const OHNE_ZIEL = (fragment: string) => fragment === '' || fragment.toLowerCase() === 'top' || fragment.startsWith(':~:');

/** What an address of a page names inside the site, or undefined for one that points elsewhere. */
export function internesZiel(adresse: string, seite: string, site: Adresse): { pfad?: string; fragment: string; ausserhalb?: string } | undefined {
  const basis = new URL(mitBasis(seite, site.basis), site.ursprung);
  if (!URL.canParse(adresse, basis)) return undefined;
  const ziel = new URL(adresse, basis);
  if (ziel.origin !== site.ursprung) return undefined;
  const roh = ziel.hash.slice(1);
  let fragment = roh;
  try {
    fragment = decodeURIComponent(roh);
  } catch {
    // a malformed escape stays as it is, and then names no id
  }
  let pfad = ziel.pathname;
  try {
    pfad = decodeURIComponent(pfad);
  } catch {
    return { fragment, ausserhalb: ziel.pathname };
  }
  const ohne = ohneBasis(pfad, site.basis);
  if (ohne === undefined) {
    // The plan's own address with another path belongs to another site on the same host; a path does not.
    return /^[a-z][a-z0-9+.-]*:/i.test(adresse) ? undefined : { fragment, ausserhalb: pfad };
  }
  return { pfad: ohne, fragment };
}

type Datei = 'datei' | 'ordner' | 'fehlt';

/**
 * Checks every address of every page. `seiten` are all pages of the output `dist` (see
 * gebauteSeiten); the findings name the page, the element and the address.
 */
export function pruefeLinks(dist: string, seiten: readonly GebauteSeite[], site: Adresse): { befunde: Befund[]; links: number } {
  const nachPfad = new Map(seiten.map((s) => [s.pfad, s]));
  const dateien = new Map<string, Datei>();
  const art = (pfad: string): Datei => {
    let a = dateien.get(pfad);
    if (!a) {
      const datei = join(dist, ...pfad.split('/').filter(Boolean), ...(pfad.endsWith('/') ? ['index.html'] : []));
      a = existsSync(datei) ? (statSync(datei).isDirectory() ? (existsSync(join(datei, 'index.html')) ? 'ordner' : 'fehlt') : 'datei') : 'fehlt';
      dateien.set(pfad, a);
    }
    return a;
  };
  const befunde: Befund[] = [];
  let links = 0;
  for (const seite of seiten) {
    for (const { adresse, wo } of seite.verweise) {
      const ziel = internesZiel(adresse, seite.pfad, site);
      if (!ziel) continue;
      links += 1;
      const fehler = pruefeZiel(ziel, seite.pfad, { art, nachPfad, site });
      if (fehler) befunde.push({ seite: seite.pfad, befund: `${wo} „${adresse}“ ${fehler}` });
    }
  }
  return { befunde, links };
}

/** What is wrong with one internal address, or undefined if it resolves. */
function pruefeZiel(
  ziel: NonNullable<ReturnType<typeof internesZiel>>,
  von: string,
  { art, nachPfad, site }: { art: (pfad: string) => Datei; nachPfad: Map<string, GebauteSeite>; site: Adresse },
): string | undefined {
  if (ziel.ausserhalb !== undefined) return `liegt außerhalb des Basispfads der Website (${ziel.ausserhalb})`;
  const pfad = ziel.pfad!;
  const a = art(pfad);
  if (a === 'fehlt') return `führt ins Leere: die Ausgabe hat keine Datei für ${pfad}`;
  if (a === 'ordner') return `führt über eine Weiterleitung: die Seite heißt ${pfad}/ (mit Schrägstrich am Ende)`;
  if (OHNE_ZIEL(ziel.fragment)) return undefined;
  let seite = nachPfad.get(pfad);
  if (!seite) return undefined; // a file that is no page (PDF, CSV …): its fragment is the reader's business
  // A redirect page keeps the fragment (weiterleitung.js): the anchor must exist where it leads.
  if (seite.weiterleitung !== undefined) {
    const weiter = internesZiel(seite.weiterleitung, pfad, site);
    seite = weiter?.pfad ? nachPfad.get(weiter.pfad) : undefined;
    if (!seite) return undefined; // the redirect page's own link is checked on that page
  }
  if (seite.ids.has(ziel.fragment)) return undefined;
  return `führt zu einem Anker, den es nicht gibt: ${seite.pfad} hat keine id „${ziel.fragment}“${seite.pfad === von ? ' (auf derselben Seite)' : ''}`;
}

/** The summary of the check's scope: „157 Seiten, 6.210 interne Links“. */
export const linkUmfang = (seiten: number, links: number) => `${anzahl(seiten, 'Seite', 'Seiten')}, ${anzahl(links, 'interner Link', 'interne Links')}`;
