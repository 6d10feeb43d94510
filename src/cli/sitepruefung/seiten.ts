/**
 * The built site as the checks read it: every HTML page of the output folder, parsed once
 * (htmlparser2, which decodes character references as a browser does) into its ids, the
 * addresses it links or loads, and, for a redirect page, where it leads. And the page types:
 * the route files in src/ausgabe/pages that the integration injects, each as a pattern of
 * site paths, so that every built page belongs to the route that built it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Parser } from 'htmlparser2';
import { adressenDesAttributs } from '../../ausgabe/ausgabeadressen.ts';
import { SEITEN, seitenDateien } from '../../ausgabe/routen.ts';

/** One address a page links or loads, and where it stands: `<a href>`. */
export interface Verweis {
  adresse: string;
  wo: string;
}

export interface GebauteSeite {
  /** The site path, without the base path: „/massnahmen/i-01/“, „/404.html“. */
  pfad: string;
  datei: string;
  /** The size of its HTML. */
  bytes: number;
  /** Every id on the page, and the names of <a name> (a fragment may name either). */
  ids: Set<string>;
  verweise: Verweis[];
  /** The address a redirect page (meta refresh) leads to. */
  weiterleitung?: string;
}

/** Folders of the output that hold no pages of the plan (Astro's assets, the search index). */
const OHNE_SEITEN = new Set(['_astro', 'pagefind']);

/** Ids, addresses and the redirect target of one page's HTML. */
export function liesSeite(html: string): Pick<GebauteSeite, 'ids' | 'verweise' | 'weiterleitung'> {
  const ids = new Set<string>();
  const verweise: Verweis[] = [];
  let weiterleitung: string | undefined;
  const parser = new Parser(
    {
      onopentag(tag, attribute) {
        if (attribute.id) ids.add(attribute.id);
        if (tag === 'a' && attribute.name) ids.add(attribute.name);
        const refresh = tag === 'meta' && (attribute['http-equiv'] ?? '').toLowerCase() === 'refresh';
        for (const [name, wert] of Object.entries(attribute)) {
          for (const adresse of adressenDesAttributs(tag, name, wert, attribute)) {
            verweise.push({ adresse, wo: `<${tag} ${name}>` });
            if (refresh) weiterleitung = adresse;
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true, lowerCaseTags: true },
  );
  parser.end(html);
  return { ids, verweise, weiterleitung };
}

/** The site path of a file in the output folder: „massnahmen/i-01/index.html“ → „/massnahmen/i-01/“. */
export function seitenpfad(dist: string, datei: string): string {
  const rel = `/${relative(dist, datei).split(sep).join('/')}`;
  return rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
}

/** Every HTML page of the output folder, parsed, sorted by site path. */
export function gebauteSeiten(dist: string): GebauteSeite[] {
  const dateien = (readdirSync(dist, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile() && e.name.endsWith('.html') && !OHNE_SEITEN.has(relative(dist, e.parentPath).split(sep)[0]!))
    .map((e) => join(e.parentPath, e.name));
  return dateien
    .map((datei) => {
      const html = readFileSync(datei, 'utf8');
      return { pfad: seitenpfad(dist, datei), datei, bytes: html.length, ...liesSeite(html) };
    })
    .sort((a, b) => (a.pfad < b.pfad ? -1 : a.pfad > b.pfad ? 1 : 0));
}

/** The folder of the route files the integration injects. */
export const SEITENORDNER = fileURLToPath(SEITEN);

/** A route file and the site paths it builds. */
export interface Route {
  /** The file, relative to src/ausgabe/pages: „massnahmen/[id].astro“. */
  datei: string;
  muster: RegExp;
  /** Has a parameter that names one of many pages (`[id]`); an optional page (`[...seite]`) is one page. */
  dynamisch: boolean;
}

/** The pattern of one route file, or undefined for one that builds no page (redirects, files). */
export function routeAusDatei(datei: string): Route | undefined {
  if (!datei.endsWith('.astro') || datei.includes('[...weiterleitung]')) return undefined;
  // An optional page (`schulen/[...seite].astro`) has its folder's address when the plan has it.
  const pfad = datei.replace(/\.astro$/, '').replace(/(^|\/)(index|\[\.\.\.seite\])$/, '');
  const muster =
    pfad === '404'
      ? '/404\\.html'
      : `/${pfad.split('/').filter(Boolean).map((s) => (s.startsWith('[') ? '[^/]+' : s)).map((s) => `${s}/`).join('')}`;
  return { datei, muster: new RegExp(`^${muster}(\\?.*)?$`), dynamisch: datei.includes('[') && !datei.includes('[...seite]') };
}

/** The page routes of the route files under `ordner` (by default the package's own). */
export function routen(ordner: URL = SEITEN): Route[] {
  return seitenDateien(ordner).flatMap((d) => routeAusDatei(d) ?? []);
}

/** The route that builds a page: a fixed route wins over a dynamic one. */
export function routeVon(pfad: string, alle: readonly Route[] = routen()): Route | undefined {
  const passend = alle.filter((r) => r.muster.test(pfad));
  return passend.find((r) => !r.dynamisch) ?? passend[0];
}

/**
 * The page types of a built site: for each route that built a page, its pages in order. Redirect
 * pages are left out (they are one template, not the plan's); a page no route builds is its own type.
 */
export function seitentypen(seiten: readonly Pick<GebauteSeite, 'pfad' | 'weiterleitung'>[], alle: readonly Route[] = routen()): Map<string, string[]> {
  const typen = new Map<string, string[]>();
  for (const s of seiten) {
    if (s.weiterleitung !== undefined) continue;
    const typ = routeVon(s.pfad, alle)?.datei ?? s.pfad;
    typen.set(typ, [...(typen.get(typ) ?? []), s.pfad]);
  }
  return typen;
}
