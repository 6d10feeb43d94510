/**
 * Every link within the site that a text of the plan sets (a Markdown link, a link
 * definition, an `<a href>`) or a milestone's `link`, checked before anything is built: the page must be one the
 * plan produces (or a redirect from weiterleitungen.yaml, or a file the site publishes),
 * the anchor one that page will have, and neither may belong to a draft, which is not
 * published. The links and their lines come from the cached rendering of each text
 * (src/plan/mdx/render.ts), the pages from the model (seitenImModell), the anchors from the
 * model's prediction (src/ausgabe/seitenanker.ts) and from the plan's anchor register, whose
 * every id the build guarantees. validatePlan runs this, so `npm run pruefen` and the build
 * report a broken link alike, with file and line.
 *
 * The old pages of adopted Fassungen (`seiten` in fassungen.yaml) are checked the same way:
 * each target must be a page of the plan with the anchor it names.
 *
 * A path under a folder the model does not describe (the Druckfassung, pages added to
 * src/ausgabe/pages later) is left to the build; everything else is decided here.
 */
import { join } from 'node:path';
import type { Entry, PlanModel } from '../plan/model.ts';
import type { Problem } from '../plan/problems.ts';
import type { RawEntry } from '../plan/sources.ts';
import type { MdxErgebnis } from '../plan/mdx/render.ts';
import type { LinkFund } from '../plan/mdx/inhaltsregeln.ts';
import { massnahmeAnker, seite } from '../plan/urls.ts';
import { seitenImModell, weiterleitungen } from '../ausgabe/weiterleitungen.ts';
import { HAUPTANKER, seitenanker } from '../ausgabe/seitenanker.ts';
import { leseRegister, REGISTER_DATEI, type AnkerRegister } from '../ausgabe/anker.ts';
import { medienDateien } from '../plan/medien.ts';
import { offeneDateien } from '../ausgabe/offenedaten/index.ts';
import { fassungsseiten } from '../ausgabe/fassungsseiten.ts';

const FELD: Record<LinkFund['art'], string> = { markdown: '[…](…)', definition: '[…]: …', html: '<a href>' };

/** The page a text of a chapter, Handlungsfeld or Maßnahme is shown on. */
export function seiteDesTexts(collection: 'kapitel' | 'handlungsfelder' | 'massnahmen', id: string): string {
  return collection === 'kapitel' ? seite.kapitel(id) : collection === 'handlungsfelder' ? seite.handlungsfeld(id) : seite.massnahme(id);
}

/** A link as the site reads it on the page `auf`: its path and its fragment, both decoded. */
export function linkziel(url: string, auf: string): { pfad: string; anker?: string } {
  const aufgeloest = new URL(url.trim(), `https://planwerk.invalid${auf}`);
  const dekodiert = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  const anker = aufgeloest.hash.length > 1 ? dekodiert(aufgeloest.hash.slice(1)).normalize('NFC') : undefined;
  return { pfad: dekodiert(aufgeloest.pathname), anker };
}

/** What the check knows about the site's link targets. */
interface Ziele {
  /** Pages the plan produces and the model knows. */
  seiten: ReadonlySet<string>;
  /** true, false, or undefined where only the build can tell (see seitenImModell). */
  hat: (pfad: string) => boolean | undefined;
  /** Redirects: old path → new path. */
  umleitung: ReadonlyMap<string, string>;
  /** Files the site publishes (open data, the feed, the plan's media). */
  datei: (pfad: string) => boolean;
  /** The anchors of a page: predicted from the model, the main element's id, and the register's. */
  anker: (pfad: string) => ReadonlySet<string>;
  /** Draft entries by the page or anchor they would have: path (or path#anchor) → the draft. */
  entwurf: ReadonlyMap<string, RawEntry>;
}

function zieleDesPlans(model: PlanModel, entwuerfe: Iterable<RawEntry>, register: AnkerRegister | undefined): Ziele {
  const { pfade, hat } = seitenImModell(model);
  const umleitung = new Map(weiterleitungen(model).map((w) => [w.von, w.nach]));
  const vorhergesagt = seitenanker(model);
  let dateien: Set<string> | undefined;
  const datei = (pfad: string) => {
    dateien ??= new Set([
      ...medienDateien(model.ort).map((p) => seite.medium(p)),
      ...(model.plan.website ? ['/aenderungen/atom.xml'] : []),
      ...offeneDateien(model).map((d) => seite.datenDatei(d.name)),
    ]);
    return dateien.has(pfad);
  };
  const jeSeite = new Map<string, ReadonlySet<string>>();
  const anker = (pfad: string) => {
    let ids = jeSeite.get(pfad);
    if (!ids) jeSeite.set(pfad, (ids = new Set([HAUPTANKER, ...(vorhergesagt.get(pfad) ?? []), ...(register?.[pfad] ?? [])])));
    return ids;
  };
  const entwurf = new Map<string, RawEntry>();
  for (const raw of entwuerfe) {
    if (raw.collection === 'kapitel') entwurf.set(seite.kapitel(raw.id), raw);
    if (raw.collection === 'handlungsfelder') entwurf.set(seite.handlungsfeld(raw.id), raw);
    if (raw.collection === 'akteure') entwurf.set(seite.akteur(raw.id), raw).set(`${seite.akteure()}#${raw.id}`, raw);
    if (raw.collection === 'glossar') entwurf.set(`${seite.glossar()}#${raw.id}`, raw);
    if (raw.collection === 'massnahmen') {
      entwurf.set(seite.massnahme(raw.id), raw).set(`${seite.massnahmen()}#${massnahmeAnker(raw.id)}`, raw);
      const felder = [raw.data.handlungsfeld, ...(Array.isArray(raw.data.handlungsfelder) ? raw.data.handlungsfelder : [])];
      for (const hf of felder) if (typeof hf === 'string') entwurf.set(`${seite.handlungsfeld(hf)}#${massnahmeAnker(raw.id)}`, raw);
    }
  }
  return { seiten: pfade, hat, umleitung, datei, anker, entwurf };
}

/** Up to `n` entries of a list, in German quotes, with „…“ when there are more. */
function auswahl(liste: string[], n = 8): string {
  return `${liste.slice(0, n).map((x) => `„${x}“`).join(', ')}${liste.length > n ? ' …' : ''}`;
}

/** Pages near a path that does not exist: the same page with or without base path or final slash, else pages in the same folder. */
function naheSeiten(pfad: string, ziele: Ziele, basis: string): string[] {
  const alle = [...ziele.seiten, ...ziele.umleitung.keys()];
  const genau = [pfad.endsWith('/') ? pfad : `${pfad}/`, basis !== '/' && pfad.startsWith(basis) ? pfad.slice(basis.length - 1) : undefined, pfad.toLowerCase()];
  const treffer = genau.filter((p): p is string => p !== undefined && p !== pfad && alle.includes(p));
  if (treffer.length > 0) return [...new Set(treffer)];
  const ordner = pfad.split('/').filter(Boolean)[0];
  if (ordner === undefined) return [];
  const erstes = (p: string) => p.split('/').filter(Boolean)[0] ?? '';
  const imOrdner = alle.filter((p) => erstes(p) === ordner && p !== pfad);
  // A typo in the folder itself ("/glosar/"): the pages of folders that begin alike.
  const aehnlich = imOrdner.length > 0 ? imOrdner : alle.filter((p) => ordner.length >= 3 && erstes(p).slice(0, 3).toLowerCase() === ordner.slice(0, 3).toLowerCase());
  return aehnlich.sort((a, b) => a.split('/').length - b.split('/').length || a.localeCompare(b));
}

/** Anchors near one that a page does not have: those that share its beginning, else the page's first ones. */
function naheAnker(anker: string, vorhanden: ReadonlySet<string>): string[] {
  const liste = [...vorhanden].filter((a) => a !== HAUPTANKER).sort();
  const anfang = anker.slice(0, 3).toLowerCase();
  const aehnlich = liste.filter((a) => a.toLowerCase().startsWith(anfang) || a.toLowerCase().includes(anker.toLowerCase()) || anker.toLowerCase().includes(a.toLowerCase()));
  return aehnlich.length > 0 ? aehnlich : liste;
}

/**
 * Checks the links of every text in the model. `ergebnisse` are the renderings by file,
 * `entwuerfe` the drafts (left out of the model) by `collection/id`. `ungewiss` names link
 * targets that cannot be judged because the part of the plan they come from is broken (and
 * already reported): a missing page or anchor there is not reported again. `feldZeile` gives
 * the line of a field of a YAML entry (collection, id, dotted field), where the reader knows it.
 */
export function pruefeVerweise(
  model: PlanModel,
  ergebnisse: ReadonlyMap<string, MdxErgebnis>,
  entwuerfe: ReadonlyMap<string, RawEntry> = new Map(),
  ungewiss: (pfad: string, anker?: string) => boolean = () => false,
  feldZeile: (collection: 'fassungen', id: string, feld: string) => number | undefined = () => undefined,
): Problem[] {
  let register: AnkerRegister | undefined;
  try {
    register = leseRegister(join(model.ort.contentDir, REGISTER_DATEI));
  } catch {
    // An unreadable register is reported by pruefen and the build; links are then checked without it.
  }
  let ziele: Ziele | undefined;
  const problems: Problem[] = [];
  const texte: (readonly [Pick<Entry<'kapitel'>, 'id' | 'file' | 'bodyLine'>, 'kapitel' | 'handlungsfelder' | 'massnahmen'])[] = [
    ...model.kapitel.map((e) => [e, 'kapitel'] as const),
    ...model.handlungsfelder.map((e) => [e, 'handlungsfelder'] as const),
    ...model.massnahmen.map((e) => [e, 'massnahmen'] as const),
  ];
  // A milestone's `link` to a page of this site (src/plan/adressen.ts allows https there too): the same check as a link in a text.
  for (const m of model.meilensteine ?? []) {
    const link = m.data.link;
    if (!link || /^[a-z][a-z0-9+.-]*:/i.test(link)) continue;
    ziele ??= zieleDesPlans(model, entwuerfe.values(), register);
    const fehler = pruefeLink(link, seite.meilensteine(), ziele, model.basis);
    if (fehler) problems.push({ file: m.file, line: m.line, entry: m.id, field: 'link', ...fehler });
  }
  // An old page of an adopted Fassung leads to a page of the plan and a place on it.
  for (const s of fassungsseiten(model)) {
    ziele ??= zieleDesPlans(model, entwuerfe.values(), register);
    const fehler = pruefeLink(s.ziel, seite.aenderungen(), ziele, model.basis, ungewiss);
    if (fehler) problems.push({ file: s.fassung.file, line: feldZeile('fassungen', s.fassung.id, s.feld) ?? s.fassung.line, entry: s.fassung.id, field: s.feld, ...fehler });
  }
  for (const [entry, collection] of texte) {
    const links = ergebnisse.get(entry.file)?.links ?? [];
    if (links.length === 0) continue;
    ziele ??= zieleDesPlans(model, entwuerfe.values(), register);
    const hier = seiteDesTexts(collection, entry.id);
    for (const link of links) {
      const fehler = pruefeLink(link.url, hier, ziele, model.basis, ungewiss);
      if (!fehler) continue;
      problems.push({ file: entry.file, line: link.line === undefined ? undefined : (entry.bodyLine ?? 1) + link.line - 1, field: FELD[link.art], ...fehler });
    }
  }
  return problems;
}

/** What is wrong with one link on the page `hier`, or undefined. */
function pruefeLink(url: string, hier: string, ziele: Ziele, basis: string, ungewiss: (pfad: string, anker?: string) => boolean = () => false): Pick<Problem, 'expected' | 'found' | 'hinweis'> | undefined {
  const wie = `„${url}“`;
  let gelesen: { pfad: string; anker?: string };
  try {
    gelesen = linkziel(url, hier);
  } catch {
    return { expected: 'eine gültige Adresse einer Seite dieser Website, z. B. /glossar/', found: wie };
  }
  const { pfad, anker } = gelesen;
  const entwurf = ziele.entwurf.get(pfad) ?? (anker ? ziele.entwurf.get(`${pfad}#${anker}`) : undefined);
  if (entwurf) {
    return {
      expected: 'einen Link auf eine veröffentlichte Seite',
      found: `${wie}: verweist auf einen Entwurf („${entwurf.id}“ in ${entwurf.file}), der nicht veröffentlicht wird`,
      hinweis: 'Den Entwurf fertigstellen (dann „entwurf: true“ entfernen) oder den Link entfernen, bis er veröffentlicht ist.',
    };
  }
  // A redirect keeps its old path working and carries the anchor to its target.
  let ziel = pfad;
  for (let i = 0; i < 20 && ziele.umleitung.has(ziel); i++) ziel = ziele.umleitung.get(ziel)!;
  if (!ziele.seiten.has(ziel) && ziele.hat(ziel) !== true) {
    if (ziele.datei(pfad)) return anker ? { expected: 'einen Link ohne Anker auf eine Datei', found: `${wie} (${pfad} ist eine Datei, keine Seite)` } : undefined;
    // Only the build knows these pages; the media folder the model knows file by file.
    if (ziele.hat(ziel) === undefined && !pfad.startsWith('/medien/')) return undefined;
    if (ungewiss(ziel)) return undefined;
    const nahe = naheSeiten(pfad, ziele, basis);
    return {
      expected: `einen Pfad einer Seite, die der Plan erzeugt${nahe.length > 0 ? ` (etwa ${auswahl(nahe, 6)})` : ''}`,
      found: `${wie}: die Seite ${pfad} gibt es nicht`,
      hinweis: basis !== '/' && pfad.startsWith(basis)
        ? `Links innerhalb der Website ohne den Basispfad ${basis.slice(0, -1)} schreiben; Planwerk setzt ihn selbst davor.`
        : 'Den Pfad so schreiben, wie er in der Adresszeile der Website steht (mit / am Anfang und am Ende, ohne die Adresse der Website davor).',
    };
  }
  if (!anker) return undefined;
  const vorhanden = ziele.anker(ziel);
  if (vorhanden.has(anker) || ungewiss(ziel, anker)) return undefined;
  const nahe = naheAnker(anker, vorhanden);
  return {
    expected: `einen Anker, den die Seite ${ziel} hat${nahe.length > 0 ? ` (etwa ${auswahl(nahe)})` : ' (vor dem Bauen ist auf dieser Seite kein Anker bekannt; Anker, die sie schon veröffentlicht hat, stehen in anker.json)'}`,
    found: `${wie}: die Seite hat keinen Anker „${anker}“`,
    hinweis: 'Den Anker prüfen: Überschriften haben ihre ID aus dem Text oder aus {#…}; Ziele, Maßnahmen, Glossarbegriffe, Indikatoren und Meilensteine die ID aus ihren Daten.',
  };
}
