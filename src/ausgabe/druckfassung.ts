/**
 * The Druckfassung (/druckfassung/): the whole plan in reading order, for paper and the council's
 * PDF. It is put together after the build from the pages the build wrote, so print and website
 * show the same rendered text, tables and charts and can never disagree.
 *
 * - `druckGliederung` decides the parts and their numbers: the chapters in reading order, with
 *   the plan's own section numbers where it has them (else 1, 2, 3 …), then the parts Planwerk
 *   adds (Handlungsfelder, the Schulträger's Entscheidungen, the Maßnahmen as a catalogue, Finanzen, Schulen with the survey pages, Akteure, Indikatoren,
 *   Meilensteine, Glossar, Quellen, and the old page numbers of adopted Fassungen), numbered on (or lettered A, B, C … after a plan's own
 *   numbering, so they never take one of its numbers). Only pages the build wrote are included.
 * - `setzeDruckfassung` takes the `<main>` of each page, on the parsed document (hast):
 *   the website's navigation out; the page's title becomes the part's numbered
 *   heading and the other headings move down below it; every id gets the part's prefix (so two
 *   pages' "ziele" stay apart) and so does every reference to it (aria, href, url(#…) in SVG);
 *   links to pages in the Druckfassung lead to their part and name its number; figures and
 *   tables are numbered through ("Abb. 3", "Tab. 2"). Then the numbered table of contents and
 *   the parts go into the page shell (src/ausgabe/pages/druckfassung/[...seite].astro).
 */
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import type { Element, ElementContent, Root } from 'hast';
import type { Entry, PlanModel } from '../plan/model.ts';
import { kapitelBaum, type KapitelKnoten } from './kapitel.ts';
import { elternnummer, vergleicheNummern } from '../plan/abschnitte.ts';
import { planIndex } from '../plan/indexe.ts';
import { byCode, massnahmeCode } from '../plan/massnahmen.ts';
import { OHNE_CODES } from '../plan/schemas/index.ts';
import { mitBasis, ohneBasis, seite } from '../plan/urls.ts';
import { pruefeAdresse } from '../plan/adressen.ts';
import { SeitenCache } from './seitencache.ts';
import { fassungsseiten, zielName } from './fassungsseiten.ts';
import { formatDatum } from '../plan/datum.ts';

export interface DruckTeil {
  /** Site path of the page the part is taken from; none for a part that only groups others. */
  pfad?: string;
  /** Id of the part in the Druckfassung; the prefix of every id inside it. */
  anker: string;
  /** Its number ("3", "4.2", "B", "B.1") or, for a Maßnahme, its code. */
  nummer?: string;
  titel: string;
  ebene: 1 | 2;
  /** A short line under the heading of a part that only groups others. */
  einleitung?: string;
  /** A part Planwerk assembles from the plan's data, printed after the plan's own parts and marked as an addition. */
  ergaenzung?: boolean;
  /** A part no page of the website holds, written from the model: its `<main>` as HTML (the old page numbers). */
  html?: string;
}

/** The mark of the numbers Planwerk gives its own tables and figures once the plan numbers some of its own. */
export const ERGAENZT = 'E';

/** Where the assembled parts go in the shell page. */
export const PLATZHALTER = 'data-druck-inhalt';

const buchstabe = (n: number) => String.fromCharCode(64 + n);

/** A part before it gets its place and number in the Druckfassung. */
type Vorteil = Omit<DruckTeil, 'ebene'>;

/**
 * Merges parts the plan numbers into a list in the plan's order: each goes before the first
 * numbered entry with a higher number; entries without a number keep their place.
 */
function nachNummer(liste: Vorteil[], einzufuegen: Vorteil[]): Vorteil[] {
  const out = [...liste];
  for (const t of [...einzufuegen].sort((a, b) => vergleicheNummern(a.nummer!, b.nummer!))) {
    const vor = out.findIndex((o) => o.nummer !== undefined && vergleicheNummern(o.nummer, t.nummer!) > 0);
    out.splice(vor < 0 ? out.length : vor, 0, t);
  }
  return out;
}

/**
 * The parts of the Druckfassung in reading order, with numbers; `gebaut` says which pages exist.
 *
 * First the plan's own parts in its order: the chapters, with the Handlungsfelder the plan
 * numbers as sections of a chapter (5.1–5.6 under chapter 5) printed there, in the order of their
 * numbers, and one with a top-level number (7) as a chapter of its own; Handlungsfelder the plan
 * does not place so, the Entscheidungen (entscheidungen.yaml, in its order: the overview, then
 * one part per decision) and the Maßnahmen as a catalogue, follow. Then the additions, marked as such:
 * the pages Planwerk assembles from the plan's data (Finanzen, Schulen, Akteure, Indikatoren,
 * Meilensteine, Glossar, Quellen). Parts without a number of the plan are numbered on, or
 * lettered A, B, C … once the plan numbers its chapters or Handlungsfelder, so that they never
 * take one of its numbers. The Druckfassung has two levels: chapters below a sub-chapter are
 * printed on the second level after it.
 */
export function druckGliederung(model: PlanModel, gebaut: (pfad: string) => boolean): DruckTeil[] {
  const teile: DruckTeil[] = [];
  const felder = planIndex(model).felder;
  const eigene = model.kapitel.some((k) => k.data.nummer) || felder.some((hf) => hf.data.nummer);
  const kapitelTeil = (k: Entry<'kapitel'>): Vorteil => ({ pfad: seite.kapitel(k.id), anker: `kapitel-${k.id}`, nummer: k.data.nummer, titel: k.data.titel });
  const feldTeil = (hf: Entry<'handlungsfelder'>): Vorteil => ({ pfad: seite.handlungsfeld(hf.id), anker: `handlungsfeld-${hf.id}`, nummer: hf.data.nummer, titel: hf.data.titel });
  // Handlungsfelder by the chapter they are numbered under (5.1 → the chapter numbered 5), or
  // top-level ones (7) as chapters of their own.
  const kapitelNummern = new Set(model.kapitel.flatMap((k) => (k.data.nummer ? [k.data.nummer] : [])));
  const gedruckt = felder.filter((hf) => gebaut(seite.handlungsfeld(hf.id)));
  const unterKapitel = (nummer: string | undefined) => gedruckt.filter((hf) => hf.data.nummer && elternnummer(hf.data.nummer) === nummer);
  const baum = kapitelBaum(model.kapitel);
  const oben = nachNummer(
    baum.filter((k) => gebaut(seite.kapitel(k.entry.id))).map((k) => kapitelTeil(k.entry)),
    eigene ? gedruckt.filter((hf) => hf.data.nummer && elternnummer(hf.data.nummer) === undefined && !kapitelNummern.has(hf.data.nummer)).map((hf) => feldTeil(hf)) : [],
  );
  const kinderVon = new Map(baum.map((k) => [`kapitel-${k.entry.id}`, k.kinder]));
  /** The sub-chapters below a chapter, depth first, and the Handlungsfelder numbered under each. */
  const darunter = (kinder: KapitelKnoten[], nummer: string | undefined): Vorteil[] =>
    nachNummer(
      kinder.filter((c) => gebaut(seite.kapitel(c.entry.id))).flatMap((c) => [kapitelTeil(c.entry), ...darunter(c.kinder, c.entry.data.nummer)]),
      nummer ? unterKapitel(nummer).map((hf) => feldTeil(hf)) : [],
    );
  let n = 0;
  for (const o of oben) {
    const nummer = eigene ? o.nummer : String(++n);
    teile.push({ pfad: o.pfad, anker: o.anker, nummer, titel: o.titel, ebene: 1 });
    const unter = o.pfad?.startsWith('/kapitel/') ? darunter(kinderVon.get(o.anker) ?? [], o.nummer) : [];
    unter.forEach((u, i) => teile.push({ ...u, nummer: eigene ? u.nummer : nummer && `${nummer}.${i + 1}`, ebene: 2 }));
  }
  const platziert = new Set(teile.map((t) => t.anker));
  // The other parts: numbered on, or lettered after the plan's own numbering.
  let anhang = 0;
  const naechste = () => (eigene ? buchstabe(++anhang) : String(++n));
  const teil = (t: Omit<DruckTeil, 'nummer' | 'ebene'>, unter: Omit<DruckTeil, 'ebene'>[] = [], codes = false) => {
    const da = unter.filter((u) => u.pfad && gebaut(u.pfad));
    if (t.pfad ? !gebaut(t.pfad) : da.length === 0) return;
    const nummer = naechste();
    teile.push({ ...t, nummer, ebene: 1 });
    da.forEach((u, i) => teile.push({ ...u, nummer: codes ? u.nummer : `${nummer}.${i + 1}`, ebene: 2, ...(t.ergaenzung ? { ergaenzung: true } : {}) }));
  };
  const uebrige = felder.filter((hf) => !platziert.has(`handlungsfeld-${hf.id}`));
  teil({ anker: 'handlungsfelder', titel: 'Handlungsfelder', einleitung: uebrige.length < felder.length ? `Die weiteren Handlungsfelder des Plans mit ihren Zielen und Maßnahmen.` : `Die ${felder.length} Handlungsfelder des Plans mit ihren Zielen und Maßnahmen.` },
    uebrige.map((hf) => feldTeil(hf)));
  // The Schulträger's decisions after the Handlungsfelder, in the order of entscheidungen.yaml.
  if (model.entscheidungen.length > 0) teil({ pfad: seite.entscheidungen(), anker: 'entscheidungen', titel: 'Entscheidungen des Schulträgers' },
    model.entscheidungen.map((e) => ({ pfad: seite.entscheidung(e.id), anker: `entscheidung-${e.id}`, titel: e.data.frage })));
  const massnahmen = [...model.massnahmen].sort(byCode);
  const codes = model.plan.massnahmencodes.form !== OHNE_CODES;
  teil({ anker: 'massnahmen', titel: 'Maßnahmenkatalog', einleitung: codes ? 'Alle Maßnahmen des Plans, nach Code geordnet.' : 'Alle Maßnahmen des Plans, in seiner Reihenfolge.' },
    massnahmen.map((m) => ({ pfad: seite.massnahme(m.id), anker: `massnahme-${m.id.toLowerCase()}`, nummer: massnahmeCode(model, m), titel: m.data.titel })), true);
  // Additions: what Planwerk assembles from the plan's data.
  const ergaenzung = (t: Omit<DruckTeil, 'nummer' | 'ebene' | 'ergaenzung'>, unter: Omit<DruckTeil, 'ebene'>[] = []) => teil({ ...t, ergaenzung: true }, unter);
  ergaenzung({ pfad: seite.finanzen(), anker: 'finanzen', titel: 'Finanz- und Investitionsplanung' });
  // The survey pages: what the council is accounted to, the needs and the Medienkonzepte (where the plan has rounds).
  ergaenzung({ pfad: seite.schulen(), anker: 'schulen', titel: 'Schulen und Ausstattung' }, [
    { pfad: seite.erhebungen(), anker: 'erhebungen', titel: 'Erhebungen an den Schulen' },
    { pfad: seite.bedarfe(), anker: 'bedarfe', titel: 'Bedarfe der Schulen' },
    { pfad: seite.medienkonzepte(), anker: 'medienkonzepte', titel: 'Medienkonzepte der Schulen' },
    { pfad: seite.selbsteinschaetzung(), anker: 'selbsteinschaetzung', titel: 'Selbsteinschätzung der Schulen' },
  ]);
  if (gebaut(seite.akteure())) {
    ergaenzung({ pfad: seite.akteure(), anker: 'akteure', titel: 'Akteure und Zuständigkeiten' });
    if (gebaut(seite.zustaendigkeiten())) teile.push({ pfad: seite.zustaendigkeiten(), anker: 'zustaendigkeiten', nummer: `${teile.at(-1)!.nummer}.1`, titel: 'Zuständigkeiten nach Handlungsfeld', ebene: 2, ergaenzung: true });
  }
  ergaenzung({ pfad: seite.indikatoren(), anker: 'indikatoren', titel: 'Indikatoren' });
  ergaenzung({ pfad: seite.meilensteine(), anker: 'meilensteine', titel: 'Meilensteine' });
  ergaenzung({ pfad: seite.glossar(), anker: 'glossar', titel: 'Glossar' });
  ergaenzung({ pfad: seite.daten(), anker: 'daten', titel: 'Quellen und Datensätze' });
  // Where a page of an adopted Fassung („MEP 2021, S. 34“) stands in this one: links to the parts.
  const seitenHtml = alteSeitenzahlen(model);
  if (seitenHtml) teile.push({ anker: 'fassungsseiten', nummer: naechste(), titel: 'Seitenzahlen früherer Fassungen', ebene: 1, ergaenzung: true, html: seitenHtml });
  return teile;
}

/**
 * The old page numbers of the adopted Fassungen (fassungen.yaml `seiten`), one table per Fassung:
 * each page with the place its content stands now, linked by its site path (the Druckfassung
 * turns such a link into one to its part and adds the part's number). None without such pages.
 */
function alteSeitenzahlen(model: PlanModel): string | undefined {
  const seiten = fassungsseiten(model);
  if (seiten.length === 0) return undefined;
  const fassungen = [...new Map(seiten.map((s) => [s.fassung.id, s.fassung])).values()];
  const beispiel = seiten[0]!;
  // In the frame every table of the site has (Tabelle.astro): a named region that takes keyboard focus.
  const tabellen = fassungen.map((f) => {
    const titel = `${f.data.name} (beschlossen ${formatDatum(f.data.beschlossen)})`;
    return el('div', { className: ['tabelle'], role: 'region', tabIndex: 0, ariaLabel: titel }, [el('table', { dataFassung: f.id }, [
      el('caption', {}, [el('span', { className: ['tabelle-titel'] }, [text(titel)])]),
      el('thead', {}, [el('tr', {}, [el('th', { scope: 'col' }, [text('Seite')]), el('th', { scope: 'col' }, [text('Steht jetzt in')])])]),
      el('tbody', {}, seiten.filter((s) => s.fassung.id === f.id).map((s) =>
        el('tr', { dataSeite: s.nummer }, [
          el('th', { scope: 'row' }, [text(`S. ${s.nummer}`)]),
          el('td', {}, [el('a', { href: mitBasis(s.pfad, model.basis) + (s.anker ? `#${s.anker}` : '') }, [text(zielName(model, s.pfad, s.anker))])]),
        ]))),
    ])]);
  });
  const website = model.plan.website && new URL(mitBasis(beispiel.von, model.basis), new URL(model.plan.website).origin).href;
  const einleitung = el('p', {}, [
    text(`Ratsvorlagen, Protokolle und Medienkonzepte der Schulen zitieren frühere Fassungen mit ihren Seitenzahlen („${beispiel.fassung.data.name}, S. ${beispiel.nummer}“). Die Tabellen nennen für jede solche Seite, wo ihr Inhalt in dieser Fassung steht.`),
    ...(website ? [text(` Auf der Website führt eine feste Adresse je Seite dorthin, etwa ${website}.`)] : []),
  ]);
  return toHtml(el('main', {}, [einleitung, ...tabellen]));
}

/** The built file of a site path. */
const dateiVon = (dist: string, pfad: string) => join(dist, ...pfad.split('/').filter(Boolean), 'index.html');

const el = (tagName: string, properties: Element['properties'], children: ElementContent[] = []): Element => ({ type: 'element', tagName, properties, children });
const text = (value: string): ElementContent => ({ type: 'text', value });

/**
 * What a page has for moving around the website, which the Druckfassung does not need: its
 * navigation (page contents, previous/next, the year selector), the copy-link controls, hints
 * for narrow screens and for the screen only. What the Druckfassung needs on a screen as well
 * (scroll hints of wide tables, the phone variants of charts, the map's view switch) stays: the
 * print styles hide it on paper.
 */
const NUR_AUF_DER_WEBSITE = ['nav', '.anker', '.nur-schmal', '.nur-bildschirm', '.jahreswahl'].join(', ');

/** Properties that hold id references as a list of tokens. */
const ID_LISTEN = ['ariaLabelledBy', 'ariaDescribedBy', 'ariaControls', 'ariaOwns', 'htmlFor', 'headers'];

function entferne(root: Root | Element, selektor: string) {
  const weg = new Set(selectAll(selektor, root));
  const gehe = (node: Root | Element) => {
    node.children = node.children.filter((c) => !(c.type === 'element' && weg.has(c)));
    for (const c of node.children) if (c.type === 'element') gehe(c);
  };
  gehe(root);
}

function alleElemente(node: Root | Element, tun: (el: Element) => void) {
  for (const c of node.children) {
    if (c.type !== 'element') continue;
    tun(c);
    alleElemente(c, tun);
    if (c.tagName === 'template' && c.content) alleElemente(c.content, tun);
  }
}

interface Ziel {
  anker: string;
  nummer?: string;
  massnahme: boolean;
  ids: Set<string>;
}

/**
 * Puts the Druckfassung together in `dist` (see the file comment). Returns the parts, or
 * nothing when the build wrote no shell page (a plan without it).
 *
 * It goes part by part, so that only one page is parsed at a time, in two passes: the first reads
 * each page's ids and counts its figures and tables (links between parts and the running numbers
 * need them), the second fits each part in and writes it out. With the plan's cache folder, both
 * keep their results for the next build: a page unchanged since then, at the same place in the
 * numbering, is not parsed again. Between two parts it lets other work go on: the build makes
 * the search index at the same time (src/integration.ts).
 */
export async function setzeDruckfassung(dist: string, model: PlanModel, cacheDir?: string): Promise<DruckTeil[] | undefined> {
  const schale = dateiVon(dist, seite.druckfassung());
  if (!existsSync(schale)) return undefined;
  const teile = druckGliederung(model, (pfad) => existsSync(dateiVon(dist, pfad)));
  const html = (t: DruckTeil) => (t.pfad ? readFileSync(dateiVon(dist, t.pfad), 'utf8') : (t.html ?? ''));
  const vorlaeufe = new SeitenCache<Vorlauf>(cacheDir, 'druckfassung-seiten');
  const gelesen: Vorlauf[] = [];
  for (const t of teile) {
    const h = html(t);
    gelesen.push(h ? vorlaeufe.hole(h, [t.pfad ?? t.anker], () => vorlauf(h, t.pfad ?? t.anker)) : { ids: [], abb: 0, tab: 0, desPlans: 0 });
    await weiter();
  }
  vorlaeufe.speichere();
  const ziele = new Map<string, Ziel>(teile.flatMap((t, i) => (t.pfad ? [[t.pfad, { anker: t.anker, nummer: t.nummer, massnahme: t.anker.startsWith('massnahme-'), ids: new Set(gelesen[i]!.ids) }] as const] : [])));
  const zieleDigest = JSON.stringify([...ziele].map(([pfad, z]) => [pfad, z.anker, z.nummer, [...z.ids]]));
  const zusatz = gelesen.some((g) => g.desPlans > 0) ? ERGAENZT : '';
  const teilCache = new SeitenCache<GesetzterTeil>(cacheDir, 'druckfassung-teile');
  const zaehler = { abb: 0, tab: 0 };
  const gesetzt: GesetzterTeil[] = [];
  for (const [i, t] of teile.entries()) {
    const h = html(t);
    const start = { ...zaehler };
    zaehler.abb += gelesen[i]!.abb;
    zaehler.tab += gelesen[i]!.tab;
    gesetzt.push(teilCache.hole(h, [JSON.stringify(t), zieleDigest, JSON.stringify(start), zusatz, model.basis, model.plan.website ?? ''], () => setzeTeilAus(t, h, (t.pfad && ziele.get(t.pfad)?.ids) || new Set(), ziele, model, start, zusatz)));
    await weiter();
  }
  teilCache.speichere();
  schreibe(schale, teile, gesetzt);
  return teile;
}

/** Lets other work of the process go on between two parts (the search index is made at the same time). */
const weiter = () => new Promise<void>((fertig) => setImmediate(fertig));

/** Writes the shell with the table of contents and the parts into its placeholder. */
function schreibe(schale: string, teile: DruckTeil[], gesetzt: GesetzterTeil[]): void {
  const dokument = fromHtml(readFileSync(schale, 'utf8'));
  const platz = select(`[${PLATZHALTER}]`, dokument);
  if (!platz) throw new Error(`Druckfassung: kein Element mit ${PLATZHALTER} in ${schale}`);
  const beispiel = gesetzt.find((g) => g.beispiel !== undefined)?.beispiel;
  const verzeichnis = el('nav', { className: ['druck-verzeichnis'], ariaLabelledBy: ['inhaltsverzeichnis'] }, [
    el('h2', { id: 'inhaltsverzeichnis' }, [text('Inhalt')]),
    el('ol', {}, verzeichnisListe(teile)),
    ...(beispiel
      ? [el('p', { className: ['nummern-hinweis'] }, [text(`Tabellen und Abbildungen mit einer Nummer des Plans (etwa „${beispiel}“) tragen sie wie im beschlossenen Plan. Was diese Fassung ergänzt, ist mit „${ERGAENZT}“ nummeriert (etwa „Tab. ${ERGAENZT}1“).`)])]
      : []),
  ]);
  // The parts are written as they were serialised, in the place of a mark in the shell.
  platz.children = [{ type: 'comment', value: MARKE }];
  delete platz.properties[PLATZHALTER.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())];
  const [vor, nach] = toHtml(dokument, HTML_AUSGABE).split(`<!--${MARKE}-->`) as [string, string];
  // The additions follow the plan's own parts under a heading of their own that says what they are.
  const erste = teile.findIndex((t) => t.ergaenzung);
  const datei = openSync(schale, 'w');
  try {
    for (const stueck of [vor, toHtml(verzeichnis, HTML_AUSGABE), ...gesetzt.flatMap((g, i) => (i === erste ? [toHtml(ergaenzungsKopf(), HTML_AUSGABE), g.html] : [g.html])), nach]) writeSync(datei, stueck);
  } finally {
    closeSync(datei);
  }
}

const HTML_AUSGABE = { allowDangerousHtml: true };
/** The mark in the shell where the parts go. */
const MARKE = 'planwerk-druckteile';

/** What the first pass keeps of a page: its ids, how many figures and tables Planwerk numbers, how many the plan numbers. */
interface Vorlauf {
  ids: string[];
  abb: number;
  tab: number;
  desPlans: number;
}

/** A part as written: its HTML, and the first number the plan gives a figure or table in it (for the note in the contents). */
interface GesetzterTeil {
  html: string;
  beispiel?: string;
}

/** A page's main, cleaned, with its ids. */
function leseSeite(html: string, pfad: string): { inhalt: ElementContent[]; ids: Set<string> } {
  const main = select('main', fromHtml(html));
  if (!main) throw new Error(`Druckfassung: ${pfad} hat kein <main>`);
  entferne(main, NUR_AUF_DER_WEBSITE);
  const ids = new Set<string>();
  alleElemente(main, (e) => {
    if (typeof e.properties.id === 'string') ids.add(e.properties.id);
  });
  // An <article> around the page's content is unwrapped: the part is the article.
  const kinder = main.children.length === 1 && main.children[0]?.type === 'element' && main.children[0].tagName === 'article' ? main.children[0].children : main.children;
  return { inhalt: kinder, ids };
}

/** First pass over one page: its ids, and its figures and tables counted as the numbering counts them. */
function vorlauf(html: string, pfad: string): Vorlauf {
  const { inhalt, ids } = leseSeite(html, pfad);
  const zaehler = { abb: 0, tab: 0 };
  const desPlans = nummeriere(el('div', {}, inhalt), zaehler, '');
  return { ids: [...ids], abb: zaehler.abb, tab: zaehler.tab, desPlans: desPlans.length };
}

/** Second pass over one part: fitted in (setzeTeil), numbered on from `start`, serialised. */
function setzeTeilAus(teil: DruckTeil, html: string, ids: Set<string>, ziele: Map<string, Ziel>, model: PlanModel, start: { abb: number; tab: number }, zusatz: string): GesetzterTeil {
  const inhalt = html ? leseSeite(html, teil.pfad ?? teil.anker).inhalt : [];
  const knoten = setzeTeil({ teil, inhalt, ids }, ziele, model);
  const desPlans = nummeriere(knoten, { ...start }, zusatz);
  const beispiel = desPlans[0] ? toString(select('.tab-nummer, .abb-nummer', desPlans[0]) ?? desPlans[0]).replace(/:\s*$/, '') : undefined;
  return { html: toHtml(knoten, HTML_AUSGABE), ...(beispiel !== undefined ? { beispiel } : {}) };
}

/** One part's page as the first pass reads it: its content, cleaned, and its ids. */
interface GeleseneSeite {
  teil: DruckTeil;
  inhalt: ElementContent[];
  ids: Set<string>;
}

/** One part of the Druckfassung: its heading, and its page's content with headings, ids and links fitted in. */
function setzeTeil({ teil, inhalt, ids }: GeleseneSeite, ziele: Map<string, Ziel>, model: PlanModel): Element {
  const ebene = teil.ebene === 1 ? 2 : 3;
  const kopf = el(`h${ebene}`, { id: teil.anker }, [
    ...(teil.nummer ? [el('span', { className: ['teil-nummer'] }, [text(teil.nummer)]), text(' ')] : []),
    text(teil.titel),
  ]);
  const koerper = el('div', {}, inhalt);
  const neueId = (id: string) => `${teil.anker}--${id}`;
  alleElemente(koerper, (e) => {
    const p = e.properties;
    // Headings: the page title gives way to the part's heading, the others move down.
    const h = /^h([1-6])$/.exec(e.tagName);
    if (h && h[1] === '1') {
      e.properties = { className: ['entfernt'] };
      e.children = [];
      return;
    }
    if (h) e.tagName = `h${Math.min(6, Number(h[1]) + ebene - 1)}`;
    if (typeof p.id === 'string') p.id = neueId(p.id);
    for (const name of ID_LISTEN) {
      const wert = p[name];
      if (Array.isArray(wert)) p[name] = wert.map((v) => (ids.has(String(v)) ? neueId(String(v)) : v));
      else if (typeof wert === 'string') p[name] = wert.split(/\s+/).map((v) => (ids.has(v) ? neueId(v) : v)).join(' ');
    }
    for (const [name, wert] of Object.entries(p)) {
      if (typeof wert === 'string' && wert.includes('url(#')) p[name] = wert.replace(/url\(#([^)]+)\)/g, (ganz, id: string) => (ids.has(id) ? `url(#${neueId(id)})` : ganz));
    }
    for (const name of ['href', 'xLinkHref']) verweiseUm(e, name, teil, ids, ziele, model);
  });
  entferne(koerper, '.entfernt');
  return el('section', { className: ['druck-teil', `druck-ebene-${teil.ebene}`], ariaLabelledBy: [teil.anker] }, [
    kopf,
    ...(teil.einleitung ? [el('p', { className: ['lead'] }, [text(teil.einleitung)])] : []),
    ...koerper.children,
  ]);
}

/**
 * A link (`href` or `xLinkHref` of `e`) in the Druckfassung: to an anchor of its own part, to
 * another part (with the target's number where the text lacks it), or to the website.
 */
function verweiseUm(e: Element, name: string, teil: DruckTeil, ids: Set<string>, ziele: Map<string, Ziel>, model: PlanModel): void {
  const p = e.properties;
  const href = p[name];
  if (typeof href !== 'string') return;
  if (href.startsWith('#')) {
    if (ids.has(href.slice(1))) p[name] = `#${teil.anker}--${href.slice(1)}`;
    return;
  }
  // Only a clean site path is the site's own (src/plan/adressen.ts): „/\host“ or „//host“ would become a foreign server.
  if (!href.startsWith('/') || e.tagName !== 'a' || !pruefeAdresse(href, 'seite').ok) return;
  const [pfadMitBasis, fragment] = href.split('#') as [string, string | undefined];
  const pfad = ohneBasis(pfadMitBasis, model.basis);
  const ziel = pfad ? ziele.get(pfad) : undefined;
  if (!ziel) {
    // A page the Druckfassung does not hold (an actor, a school): its address on the website,
    // so that the link also works in the PDF.
    if (model.plan.website) {
      p[name] = new URL(href, new URL(model.plan.website).origin).href;
      p.className = [...((p.className as string[] | undefined) ?? []), 'seitenlink'];
    }
    return;
  }
  p[name] = `#${fragment && ziel.ids.has(fragment) ? `${ziel.anker}--${fragment}` : ziel.anker}`;
  // A cross-reference names its target's number, unless its text already does: the cited
  // section's own number for an <Abschnitt> link (4.2.1 within chapter 4.2), else the part's.
  const linktext = toString(e);
  const nummer = typeof p.dataAbschnitt === 'string' ? p.dataAbschnitt : ziel.nummer;
  if (nummer && !linktext.includes(nummer) && (ziel.anker !== teil.anker || nummer !== ziel.nummer)) {
    e.children.push(el('span', { className: ['querverweis'] }, [text(ziel.massnahme ? ` (${nummer})` : ` (Abschnitt ${nummer})`)]));
  }
}

/**
 * Figures and tables in reading order. Those the plan numbers itself keep its number (set on
 * the website already: data-nummer). The others are numbered through; once the plan numbers
 * any of its own, Planwerk's numbers carry an "E" (Ergänzung: "Tab. E1"), which no number of
 * the plan can have (src/plan/schemas/grundtypen.ts planNummer), so "Tab. 7" always means the
 * plan's Tab. 7. A chart's own data table is not printed where the page's table has the same
 * data (charts.css), so it has no number. The numbers go on from `zaehler` (which counts up),
 * `zusatz` is "E" or nothing, decided over all parts. Returns the figures and tables the plan numbers.
 */
function nummeriere(inhalt: Element, zaehler: { abb: number; tab: number }, zusatz: string): Element[] {
  const ungedruckt = new Set(selectAll('figure[data-daten-in] table', inhalt));
  const desPlans = selectAll('figure.diagramm[data-nummer], table[data-nummer]', inhalt);
  alleElemente(inhalt, (e) => {
    if (e.properties.dataNummer !== undefined) return;
    const klassen = (e.properties.className as string[] | undefined) ?? [];
    if (e.tagName === 'figure' && klassen.includes('diagramm')) {
      zaehler.abb += 1;
      const titel = select('svg > title', e);
      const vorhanden = e.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption');
      const marke = el('span', { className: ['abb-nummer'] }, [text(`Abb. ${zusatz}${zaehler.abb}: `)]);
      if (vorhanden) vorhanden.children.unshift(marke);
      else e.children.unshift(el('figcaption', {}, [marke, text(titel ? toString(titel) : '')]));
    }
    if (e.tagName === 'table' && !ungedruckt.has(e)) {
      zaehler.tab += 1;
      const marke = el('span', { className: ['tab-nummer'] }, [text(`Tab. ${zusatz}${zaehler.tab}: `)]);
      const caption = e.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption');
      if (caption) caption.children.unshift(marke);
      else e.children.unshift(el('caption', {}, [marke]));
    }
  });
  return desPlans;
}

const ERGAENZUNGEN = 'Ergänzungen aus den Daten des Plans';

/** The heading before the additions, and what they are. */
function ergaenzungsKopf(): Element {
  return el('section', { className: ['druck-ergaenzungen'], ariaLabelledBy: ['ergaenzungen'] }, [
    el('h2', { id: 'ergaenzungen' }, [text(ERGAENZUNGEN)]),
    el('p', { className: ['lead'] }, [
      text('Die folgenden Teile stellen Angaben des Plans zusammen, wie die Website sie zeigt: seine Finanzen, Akteure, Indikatoren und weitere Daten. Sie ergänzen den Text des Plans; Tabellen und Abbildungen mit einer Nummer des Plans stehen so auch im Plan selbst.'),
    ]),
  ]);
}

function verzeichnisListe(teile: DruckTeil[]): ElementContent[] {
  const eintrag = (t: DruckTeil, unter: DruckTeil[] = []): Element =>
    el('li', {}, [
      el('a', { href: `#${t.anker}` }, [...(t.nummer ? [el('span', { className: ['teil-nummer'] }, [text(t.nummer)]), text(' ')] : []), text(t.titel)]),
      ...(unter.length > 0 ? [el('ol', {}, unter.map((u) => eintrag(u)))] : []),
    ]);
  const eigene: Element[] = [];
  const ergaenzungen: Element[] = [];
  teile.forEach((t, i) => {
    if (t.ebene !== 1) return;
    const unter: DruckTeil[] = [];
    for (let j = i + 1; j < teile.length && teile[j]!.ebene === 2; j++) unter.push(teile[j]!);
    (t.ergaenzung ? ergaenzungen : eigene).push(eintrag(t, unter));
  });
  if (ergaenzungen.length === 0) return eigene;
  return [...eigene, el('li', { className: ['verzeichnis-ergaenzungen'] }, [el('a', { href: '#ergaenzungen' }, [text(ERGAENZUNGEN)]), el('ol', {}, ergaenzungen)])];
}
