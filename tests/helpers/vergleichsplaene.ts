/** Read plans (GelesenerPlan) for the tests of the portal's comparison and actor map, built in the test. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PORTALANGABEN_FORMAT, PORTALANGABEN_VERSION, portalangabenSchema, type Portalangaben } from '../../src/ausgabe/offenedaten/portalformat.ts';
import { GELESENE_TABELLEN, type Datensatz, type GelesenerPlan } from '../../src/portal/typen.ts';

/** Intl separates number and unit with a no-break space; compare with plain spaces. */
export const plain = (s: string) => s.replaceAll('\u00a0', ' ').replaceAll('\u202f', ' ');

/** Portalangaben as a plan site publishes them, checked against the contract. */
export function angaben(kommune: string, extra: Partial<Portalangaben> = {}): Portalangaben {
  return portalangabenSchema.parse({
    format: PORTALANGABEN_FORMAT,
    version: PORTALANGABEN_VERSION,
    planwerk: '0.2.0',
    kommune,
    titel: `Medienentwicklungsplan ${kommune}`,
    stand: '2026-09-15',
    seiten: { start: '', massnahme: 'massnahmen/{id}/', akteur: 'akteure/{id}/', daten: 'daten/' },
    tabellen: [],
    ...extra,
  });
}

export function plan(id: string, teile: Partial<GelesenerPlan> = {}): GelesenerPlan {
  return { id, name: `Stadt ${id}`, adresse: `https://mep.${id}.example/`, tabellen: {}, staende: {}, suche: false, hinweise: [], ...teile };
}

/** The three sample plans as built in the main checkout (Musterstadt, Großstadt, Kleinstadt); those not built are missing. */
export const BEISPIELE = [
  { id: 'musterstadt', ordner: '/work/main/dist' },
  { id: 'grossstadt', ordner: '/work/main/.tmp/dist-grossstadt' },
  { id: 'kleinstadt', ordner: '/work/main/.tmp/dist-kleinstadt' },
];

/** A built sample plan read from its folder as the portal would read it (its published JSON tables). */
export function beispielplan(id: string, ordner: string): GelesenerPlan | undefined {
  if (!existsSync(path.join(ordner, 'daten', 'massnahmen.json'))) return undefined;
  const tabellen: GelesenerPlan['tabellen'] = {};
  for (const name of GELESENE_TABELLEN) {
    const datei = path.join(ordner, 'daten', `${name}.json`);
    if (existsSync(datei)) tabellen[name] = JSON.parse(readFileSync(datei, 'utf8')) as Datensatz[];
  }
  return plan(id, { name: id, tabellen });
}
