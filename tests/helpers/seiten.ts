/**
 * The pages the browser tests visit: one of every page type a sample plan has. A test checks
 * that every route in src/ausgabe/pages is visited in one of the sample plans, so a new page type
 * cannot be forgotten.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { PROJECT } from './fixture.ts';
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
    ...(s.support ? [seite.support()] : []),
    ...(s.formate ? [seite.formate()] : []),
    ...(s.ansprechpartner ? [seite.ansprechpartner()] : []),
    ...(s.schulen ? [seite.schulen(), seite.schule(erste(model.schulen)!)] : []),
    ...(s.erhebungen ? [seite.erhebungen()] : []),
    ...(s.bedarfe ? [seite.bedarfe()] : []),
    ...(s.medienkonzepte ? [seite.medienkonzepte()] : []),
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

/** Route patterns of src/ausgabe/pages (the injected pages) as regular expressions, without the redirect catch-all. */
export function routen(): { datei: string; muster: RegExp; dynamisch: boolean }[] {
  const pages = join(PROJECT, 'src', 'ausgabe', 'pages');
  const dateien: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.astro')) dateien.push(relative(pages, join(dir, e.name)).split(sep).join('/'));
    }
  };
  walk(pages);
  return dateien
    .filter((d) => !d.includes('[...weiterleitung]'))
    .map((datei) => {
      // An optional page (`schulen/[...seite].astro`) has its folder's address when the plan has it.
      const pfad = datei.replace(/\.astro$/, '').replace(/(^|\/)(index|\[\.\.\.seite\])$/, '');
      const muster =
        pfad === '404'
          ? '/404\\.html'
          : `/${pfad.split('/').filter(Boolean).map((s) => (s.startsWith('[') ? '[^/]+' : s)).map((s) => `${s}/`).join('')}`;
      return { datei, muster: new RegExp(`^${muster}(\\?.*)?$`), dynamisch: datei.includes('[') && !datei.includes('[...seite]') };
    });
}

/** The route file that builds a page: a fixed route wins over a dynamic one. */
export function routeVon(seite: string): string | undefined {
  const passend = routen().filter((r) => r.muster.test(seite));
  return (passend.find((r) => !r.dynamisch) ?? passend[0])?.datei;
}
