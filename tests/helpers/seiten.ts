/**
 * One page of every page type, for the tests in a real browser. A test checks that every
 * route in src/pages has a page here, so a new page type cannot be forgotten.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PROJECT } from './fixture.ts';

export const SEITEN = [
  '/',
  '/kapitel/ausgangslage/',
  '/handlungsfelder/',
  '/handlungsfelder/infrastruktur/',
  '/massnahmen/',
  '/massnahmen/i-01/',
  '/massnahmen/bereich/schulisch/',
  '/akteure/',
  '/akteure/it-dienstleister/',
  '/akteure/zustaendigkeiten/',
  '/akteure/support/',
  '/akteure/formate/',
  '/akteure/ansprechpartner/',
  '/schulen/',
  '/schulen/gs-am-lindenhof/',
  '/finanzen/',
  '/indikatoren/',
  '/meilensteine/',
  '/aenderungen/',
  '/glossar/',
  '/suche/?q=Endger%C3%A4te',
  '/register/',
  '/register/m/',
  '/daten/',
  '/impressum/',
  '/datenschutz/',
  '/barrierefreiheit/',
  '/404.html',
];

/** Route patterns of src/pages as regular expressions, without the redirect catch-all. */
export function routen(): { datei: string; muster: RegExp; dynamisch: boolean }[] {
  const pages = join(PROJECT, 'src', 'pages');
  const dateien: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.astro')) dateien.push(relative(pages, join(dir, e.name)).split(sep).join('/'));
    }
  };
  walk(pages);
  return dateien
    .filter((d) => !d.includes('[...'))
    .map((datei) => {
      const pfad = datei.replace(/\.astro$/, '').replace(/(^|\/)index$/, '');
      const muster =
        pfad === '404'
          ? '/404\\.html'
          : `/${pfad.split('/').filter(Boolean).map((s) => (s.startsWith('[') ? '[^/]+' : s)).map((s) => `${s}/`).join('')}`;
      return { datei, muster: new RegExp(`^${muster}(\\?.*)?$`), dynamisch: datei.includes('[') };
    });
}

/** The route file that builds a page: a fixed route wins over a dynamic one. */
export function routeVon(seite: string): string | undefined {
  const passend = routen().filter((r) => r.muster.test(seite));
  return (passend.find((r) => !r.dynamisch) ?? passend[0])?.datei;
}
