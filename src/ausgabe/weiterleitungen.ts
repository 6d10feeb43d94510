/**
 * Moved pages. A published address must keep working, so every page that moved gets a
 * small German page at its old path that sends the reader on (meta refresh, a link, and a
 * script that carries the #anker along). Sources: content/weiterleitungen.yaml, the
 * former codes of Maßnahmen (`aliase`) and the old page numbers of adopted Fassungen
 * (`seiten` in fassungen.yaml, see fassungsseiten.ts), whose redirects lead to an anchor.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanModel } from '../plan/model.ts';
import type { Problem } from '../plan/problems.ts';
import { seitenDesPlans } from './seiten.ts';
import { seite } from '../plan/urls.ts';
import { massnahmeCode } from '../plan/massnahmen.ts';
import { seitenDateien } from './routen.ts';
import { fassungsseiten } from './fassungsseiten.ts';
import { ankerAusHtml } from './anker.ts';
import { HAUPTANKER } from './seitenanker.ts';

export interface Weiterleitung {
  von: string;
  nach: string;
  /** Why the page moved, shown on the redirect page. */
  hinweis?: string;
  /** Where the redirect is declared, for messages. */
  file: string;
  line?: number;
  /** The field that declares it, where not `von`/`nach` of weiterleitungen.yaml (a Maßnahme's `aliase`). */
  feld?: string;
  /** The anchor on the target page, where the redirect leads to a place on it (a Fassung's page). */
  anker?: string;
  /** For an old page of a Fassung: its name and the page number, for the wording of the redirect page. */
  fassungsseite?: { fassung: string; nummer: string };
}

export function weiterleitungen(model: PlanModel): Weiterleitung[] {
  const liste: Weiterleitung[] = model.weiterleitungen.map((w) => ({
    von: w.data.von,
    nach: w.data.nach,
    hinweis: w.data.hinweis,
    file: w.file,
    line: w.line,
  }));
  for (const m of model.massnahmen) {
    for (const alt of m.data.aliase) {
      liste.push({ von: seite.massnahme(alt), nach: seite.massnahme(m.id), hinweis: massnahmeCode(model, m) ? `Die Maßnahme ${m.id} hatte früher den Code ${alt}.` : `Die Maßnahme „${m.data.titel}“ hatte früher die Adresse ${seite.massnahme(alt)}.`, file: m.file, line: m.line, feld: `aliase.${m.data.aliase.indexOf(alt)}` });
    }
  }
  for (const s of fassungsseiten(model)) {
    liste.push({ von: s.von, nach: s.pfad, anker: s.anker, file: s.fassung.file, line: s.fassung.line, feld: s.feld, fassungsseite: { fassung: s.fassung.data.name, nummer: s.nummer } });
  }
  return liste.sort((a, b) => a.von.localeCompare(b.von));
}

/**
 * Before the build, everything about redirects that follows from the model: a redirect must
 * not start at a path that still has a page of the plan, must not lead to itself or round in
 * a circle, and must lead to a page of the plan where the model decides which pages exist
 * (see `seitenImModell`). validatePlan runs this, so `npm run pruefen` and the build reject
 * the same redirects before any page is written.
 */
export function pruefeWeiterleitungenImModell(model: PlanModel): Problem[] {
  const liste = weiterleitungen(model);
  const seiten = seitenImModell(model);
  // The targets of a Fassung's pages (page and anchor) are checked with the links of the texts (src/pruefung/verweise.ts).
  return [...ueberdeckteSeiten(model, liste), ...pruefeWeiterleitungsziele(liste.filter((w) => !w.fassungsseite), seiten.hat)];
}

/** Former name of `pruefeWeiterleitungenImModell`, which validatePlan still imports. */
export const pruefeUeberdeckteSeiten = pruefeWeiterleitungenImModell;

/** Redirects that start at a path where an entry of the plan still has its page. */
function ueberdeckteSeiten(model: PlanModel, liste: Weiterleitung[]): Problem[] {
  const seiten = new Map<string, string>([
    ...model.kapitel.map((e) => [seite.kapitel(e.id), e.file] as const),
    ...model.handlungsfelder.map((e) => [seite.handlungsfeld(e.id), e.file] as const),
    ...model.massnahmen.map((e) => [seite.massnahme(e.id), e.file] as const),
    ...model.akteure.map((e) => [seite.akteur(e.id), e.file] as const),
    ...model.schulen.map((e) => [seite.schule(e.id), e.file] as const),
  ]);
  return liste
    .filter((w) => seiten.has(w.von))
    .map((w) => ({
      file: w.file,
      line: w.line,
      entry: w.von,
      field: w.feld ?? 'von',
      expected: 'eine Adresse, unter der es keine Seite mehr gibt',
      found: `${w.von}, die Seite aus ${seiten.get(w.von)}`,
      hinweis: w.feld ? 'Den alten Code aus „aliase“ streichen: unter ihm gibt es eine Seite.' : 'Die Weiterleitung löschen, solange es die Seite unter „von“ noch gibt.',
    }));
}

const wo = (w: Weiterleitung) => (w.line ? `${w.file}:${w.line}` : w.file);

/**
 * Redirects that lead to themselves, round in a circle, or to a path where the plan has no
 * page. `hat` says whether a path has a page of the plan: true, false, or undefined where
 * only the build can tell. A redirect may lead to another redirect's old path; the chain is
 * followed, and a circle is reported once, at its first redirect, naming all of it.
 */
export function pruefeWeiterleitungsziele(liste: Weiterleitung[], hat: (pfad: string) => boolean | undefined = () => undefined): Problem[] {
  const problems: Problem[] = [];
  const nachVon = new Map<string, Weiterleitung>();
  for (const w of liste) if (!nachVon.has(w.von)) nachVon.set(w.von, w);
  const feld = (w: Weiterleitung) => w.feld ?? 'nach';
  const imKreis = new Set<Weiterleitung>();
  for (const w of liste) {
    if (w.von === w.nach) {
      problems.push({
        file: w.file,
        line: w.line,
        entry: w.von,
        field: feld(w),
        expected: 'eine andere Adresse als „von“',
        found: `${w.nach}: die Seite leitet auf sich selbst weiter`,
        hinweis: w.feld ? 'Den eigenen Code aus „aliase“ streichen.' : 'Den Eintrag löschen oder unter „nach“ die neue Adresse der Seite eintragen.',
      });
      continue;
    }
    if (imKreis.has(w)) continue;
    // Follow the chain from w; a circle is found when a redirect comes round again.
    const weg: Weiterleitung[] = [w];
    let naechste = nachVon.get(w.nach);
    while (naechste && naechste.von !== naechste.nach && !weg.includes(naechste)) {
      weg.push(naechste);
      naechste = nachVon.get(naechste.nach);
    }
    if (naechste && naechste.von !== naechste.nach) {
      const kreis = weg.slice(weg.indexOf(naechste));
      if (kreis.some((k) => imKreis.has(k))) continue;
      kreis.forEach((k) => imKreis.add(k));
      // Reported at the redirect of the circle that comes first in its file.
      const erste = [...kreis].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0))[0]!;
      const ab = kreis.indexOf(erste);
      const reihe = [...kreis.slice(ab), ...kreis.slice(0, ab)];
      problems.push({
        file: erste.file,
        line: erste.line,
        entry: erste.von,
        field: feld(erste),
        expected: 'eine Weiterleitung, die bei einer Seite ankommt',
        found: `einen Kreis: ${[...reihe.map((k) => k.von), erste.von].join(' → ')} (${reihe.map(wo).join(', ')})`,
        hinweis: 'Eine der Weiterleitungen im Kreis löschen oder auf die Seite richten, auf der der Inhalt jetzt steht.',
      });
    }
  }
  for (const w of liste) {
    if (w.von === w.nach || nachVon.has(w.nach) || hat(w.nach) !== false) continue;
    problems.push({
      file: w.file,
      line: w.line,
      entry: w.von,
      field: feld(w),
      expected: 'eine Seite, die der Plan erzeugt',
      found: `${w.nach} (gibt es nicht)`,
      hinweis: 'Unter „nach“ die Adresse einer vorhandenen Seite eintragen, wie sie in der Adresszeile des Browsers steht (mit / am Anfang und Ende).',
    });
  }
  return problems;
}

/** Top-level folders and pages of src/ausgabe/pages (routen.ts), where this module can see them. */
function routenImProjekt(): Set<string> | undefined {
  try {
    const oben = seitenDateien().map((datei) => datei.split('/')[0]!);
    return new Set(oben.filter((n) => !n.startsWith('[')).map((n) => n.replace(/\.(astro|ts|js)$/, '')));
  } catch {
    return undefined;
  }
}

/** First path segments whose pages follow from the model alone. */
const MODELLIERT = new Set(['kapitel', 'handlungsfelder', 'massnahmen', 'akteure', 'schulen', 'register', 'suche', 'aenderungen', 'impressum', 'datenschutz', 'barrierefreiheit', 'finanzen', 'glossar', 'indikatoren', 'meilensteine', 'entscheidungen', 'daten']);
const REGISTERBUCHSTABE = /^\/register\/(?:[a-z]|0-9)\/$/;

/**
 * Which paths have a page of the plan, as far as the model decides it: pages of entries
 * (drafts are not in the model), the fixed pages and the optional pages
 * the plan has data for. Under a folder the model does not describe (a page added to
 * src/ausgabe/pages later) it answers undefined: only the build can tell there. A path under no
 * folder of src/ausgabe/pages has no page.
 */
export function seitenImModell(model: PlanModel): { hat: (pfad: string) => boolean | undefined; pfade: ReadonlySet<string> } {
  const s = seitenDesPlans(model);
  const pfade = new Set<string>([
    seite.start(),
    seite.handlungsfelder(),
    seite.massnahmen(),
    seite.akteure(),
    seite.zustaendigkeiten(),
    seite.aenderungen(),
    seite.impressum(),
    seite.datenschutz(),
    seite.barrierefreiheit(),
    '/suche/',
    '/register/',
    ...model.kapitel.map((e) => seite.kapitel(e.id)),
    ...model.handlungsfelder.map((e) => seite.handlungsfeld(e.id)),
    ...model.massnahmen.map((e) => seite.massnahme(e.id)),
    ...model.akteure.map((e) => seite.akteur(e.id)),
    ...model.schulen.map((e) => seite.schule(e.id)),
    ...[...s.bereiche].map((id) => seite.bildungsbereich(id)),
    ...(s.schulen ? [seite.schulen()] : []),
    ...(s.erhebungen ? [seite.erhebungen()] : []),
    ...(s.bedarfe ? [seite.bedarfe()] : []),
    ...(s.medienkonzepte ? [seite.medienkonzepte()] : []),
    ...(s.selbsteinschaetzung ? [seite.selbsteinschaetzung()] : []),
    ...(s.finanzen ? [seite.finanzen()] : []),
    ...(s.indikatoren ? [seite.indikatoren()] : []),
    ...(s.meilensteine ? [seite.meilensteine()] : []),
    ...(s.glossar ? [seite.glossar()] : []),
    ...(s.entscheidungen ? [seite.entscheidungen(), ...model.entscheidungen.map((e) => seite.entscheidung(e.id))] : []),
    ...(s.formate ? [seite.formate()] : []),
    ...(s.support ? [seite.support()] : []),
    ...(s.ansprechpartner ? [seite.ansprechpartner()] : []),
    ...(s.daten ? [seite.daten()] : []),
  ]);
  const routen = routenImProjekt();
  const hat = (pfad: string): boolean | undefined => {
    if (pfade.has(pfad) || REGISTERBUCHSTABE.test(pfad)) return true;
    const erstes = pfad.split('/').filter(Boolean)[0];
    if (!erstes || MODELLIERT.has(erstes)) return false;
    if (routen && !routen.has(erstes)) return false;
    return undefined;
  };
  return { hat, pfade };
}

/**
 * Before the build: published pages (the anchor register's paths) that the plan no longer
 * has and no redirect keeps. Only paths the model decides are checked; anchors inside pages
 * and everything else are checked by the build.
 */
export function pruefeVeroeffentlichteSeiten(model: PlanModel, register: Record<string, string[]>, registerDatei: string): Problem[] {
  const { hat } = seitenImModell(model);
  const umgezogen = new Set(weiterleitungen(model).map((w) => w.von));
  return Object.keys(register)
    .filter((seite) => seite.endsWith('/') && !umgezogen.has(seite) && hat(seite) === false)
    .map((seite) => ({
      file: registerDatei,
      entry: seite,
      expected: 'jede veröffentlichte Seite weiterhin',
      found: `${seite}, die der Plan nicht mehr erzeugt`,
      hinweis: `Ist die Seite umgezogen: in weiterleitungen.yaml „- { von: ${seite}, nach: /neuer/pfad/ }“ eintragen; bei einer umbenannten Maßnahme den alten Code unter „aliase“. Soll sie wirklich wegfallen: npm run bauen und danach npm run anker -- --ersetzen.`,
    }));
}

/** The built file of a site path in `dist`. */
const seitenDatei = (dist: string, pfad: string) => join(dist, ...pfad.split('/').filter(Boolean), 'index.html');

/**
 * After the build: every redirect must lead to a page that exists. (A redirect from a path
 * that still has a page is caught before the build for entry pages, by the check above, and
 * for all others as a route collision, which astro.config.mjs makes an error.)
 */
export function pruefeWeiterleitungen(liste: Weiterleitung[], dist: string): Problem[] {
  const problems: Problem[] = [];
  const nachVon = new Map(liste.map((w) => [w.von, w.nach]));
  for (const w of liste) {
    const ort = { file: w.file, line: w.line, entry: w.von, field: w.feld ?? 'nach' };
    // An anchor is on the page at the end of a chain of redirects.
    let ziel = w.nach;
    for (let i = 0; w.anker !== undefined && i < 20 && nachVon.has(ziel); i++) ziel = nachVon.get(ziel)!;
    const datei = seitenDatei(dist, ziel);
    if (!existsSync(datei)) problems.push({ ...ort, expected: 'eine Seite, die der Plan erzeugt', found: `${ziel} (gibt es nicht)` });
    else if (w.anker !== undefined && w.anker !== HAUPTANKER && !ankerAusHtml(readFileSync(datei, 'utf8')).includes(w.anker)) {
      problems.push({ ...ort, expected: `einen Anker, den die Seite ${ziel} hat`, found: `„${w.nach}#${w.anker}“: die Seite hat keinen Anker „${w.anker}“` });
    }
  }
  return problems;
}
