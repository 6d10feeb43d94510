/**
 * Old page numbers of adopted Fassungen. Council minutes and schools' Medienkonzepte cite the
 * printed plan („MEP 2021, S. 34“); `seiten` in fassungen.yaml says where the content of such
 * a page stands on the site now. Each mapped page gets a redirect page
 * /fassung/<jahr>/seite/<n>/ (through the redirects of weiterleitungen.ts), and the Fassung's
 * entry on /aenderungen/ lists the pages with their targets.
 *
 * The key in the address is the year of the Fassung's `beschlossen`, as readers cite it. When
 * two Fassungen with `seiten` were adopted in the same year, the year would not tell them
 * apart: both are then addressed by their `id` (/fassung/mep-2021/seite/34/).
 */
import type { Entry, PlanModel } from '../plan/model.ts';
import { jahrVon } from '../plan/datum.ts';
import { massnahmeName } from '../plan/massnahmen.ts';
import { seite } from '../plan/urls.ts';

/** One mapped page of a Fassung. */
export interface Fassungsseite {
  fassung: Entry<'fassungen'>;
  /** The page number as the Fassung prints it. */
  nummer: string;
  /** The redirect page's path: /fassung/2021/seite/34/. */
  von: string;
  /** The target as fassungen.yaml gives it: path with optional anchor. */
  ziel: string;
  /** The target's path and its anchor (decoded), split. */
  pfad: string;
  anker?: string;
  /** The field in fassungen.yaml, for messages: „seiten.34“. */
  feld: string;
}

/** Fassung id → the key of its pages' addresses (its year, or its id where a year is shared). */
export function fassungsschluessel(model: Pick<PlanModel, 'fassungen'>): Map<string, string> {
  const mitSeiten = model.fassungen.filter((f) => Object.keys(f.data.seiten ?? {}).length > 0);
  const jahre = new Map<number, number>();
  for (const f of mitSeiten) jahre.set(jahrVon(f.data.beschlossen), (jahre.get(jahrVon(f.data.beschlossen)) ?? 0) + 1);
  return new Map(mitSeiten.map((f) => [f.id, jahre.get(jahrVon(f.data.beschlossen))! > 1 ? f.id : String(jahrVon(f.data.beschlossen))]));
}

/** The path of a mapped page's redirect page. */
export const fassungsseitenPfad = (schluessel: string, nummer: string) => `/fassung/${schluessel}/seite/${nummer}/`;

/** A target as the site reads it: path and anchor, both decoded (as the link check reads links). */
function zerlege(ziel: string): { pfad: string; anker?: string } {
  const gelesen = new URL(ziel, 'https://planwerk.invalid/');
  const dekodiert = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  return { pfad: dekodiert(gelesen.pathname), anker: gelesen.hash.length > 1 ? dekodiert(gelesen.hash.slice(1)).normalize('NFC') : undefined };
}

/** Every mapped page of every Fassung, in the order of fassungen.yaml and by page number. */
export function fassungsseiten(model: Pick<PlanModel, 'fassungen'>): Fassungsseite[] {
  const schluessel = fassungsschluessel(model);
  return model.fassungen.flatMap((fassung) =>
    Object.entries(fassung.data.seiten ?? {})
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([nummer, ziel]) => ({ fassung, nummer, von: fassungsseitenPfad(schluessel.get(fassung.id)!, nummer), ziel, ...zerlege(ziel), feld: `seiten.${nummer}` })),
  );
}

/** Names of the pages that are the same in every plan. */
const FESTE_SEITEN: Record<string, string> = {
  [seite.start()]: 'Startseite',
  [seite.handlungsfelder()]: 'Handlungsfelder',
  [seite.massnahmen()]: 'Maßnahmen',
  [seite.akteure()]: 'Akteure',
  [seite.zustaendigkeiten()]: 'Zuständigkeiten',
  [seite.formate()]: 'Kooperationsformate',
  [seite.ansprechpartner()]: 'Ansprechpartner',
  [seite.support()]: 'Support',
  [seite.schulen()]: 'Schulen',
  [seite.erhebungen()]: 'Erhebungen',
  [seite.bedarfe()]: 'Bedarfe der Schulen',
  [seite.medienkonzepte()]: 'Medienkonzepte',
  [seite.selbsteinschaetzung()]: 'Selbsteinschätzung der Schulen',
  [seite.glossar()]: 'Glossar',
  [seite.meilensteine()]: 'Meilensteine',
  [seite.indikatoren()]: 'Indikatoren',
  [seite.finanzen()]: 'Finanzen',
  [seite.aenderungen()]: 'Änderungen',
  [seite.daten()]: 'Daten und Quellen',
  [seite.druckfassung()]: 'Druckfassung',
};

/**
 * What a reader finds at a target, as far as the model names it: the page's title and, for a
 * heading of a text, the heading. Where the model has no name (an anchor the templates set),
 * only the page is named; the link still leads to the exact place.
 */
export function zielName(model: PlanModel, pfad: string, anker?: string): string {
  const texte = [
    ...model.kapitel.map((e) => [seite.kapitel(e.id), e.data.titel, e.inhalt?.headings] as const),
    ...model.handlungsfelder.map((e) => [seite.handlungsfeld(e.id), e.data.titel, e.inhalt?.headings] as const),
    ...model.massnahmen.map((e) => [seite.massnahme(e.id), massnahmeName(model, e), e.inhalt?.headings] as const),
  ];
  const text = texte.find(([p]) => p === pfad);
  if (text) {
    const ueberschrift = anker ? text[2]?.find((h) => h.slug === anker)?.text : undefined;
    return ueberschrift ? `${text[1]}, Abschnitt „${ueberschrift}“` : text[1];
  }
  const eintrag = [...model.akteure.map((e) => [seite.akteur(e.id), e.data.name] as const), ...model.schulen.map((e) => [seite.schule(e.id), e.data.name] as const)].find(([p]) => p === pfad);
  return eintrag?.[1] ?? FESTE_SEITEN[pfad] ?? pfad;
}
