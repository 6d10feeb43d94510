/**
 * Seeded generator of complete Planwerk plans for the benchmark (`npm run bench`) and the portal
 * (`npm run bench:portal`, tests/helpers/portalplaene.ts).
 *
 * `generatePlan(root, { massnahmen: N, seed })` writes `<root>/content/` with the same
 * files and schemas as the sample plan in content/: N Maßnahmen (about 600 words each),
 * N/4 schools, N/20 actors with relations, 6–10 Handlungsfelder, ten years of finance
 * data and the small YAML collections. The same N and seed always give the same files.
 *
 * `form` gives plans of other shapes, as Schulträger of one Kreis write them (`kommune` names each):
 * - `voll` (default): the above; the same files as before there were shapes.
 * - `erhebungen`: like `voll`, but the schools' figures come from two survey rounds
 *   (daten/erhebungen.yaml and daten/erhebungen/<runde>.csv), as in content/ (Musterstadt).
 * - `finanztabellen`: no schools, inventory or computed finance; published finance tables instead
 *   (finanzen.yaml and daten/finanzen/<tabelle>.csv), as in beispiele/kleinstadt.
 * - `minimal`: plan.yaml, Handlungsfelder, Maßnahmen and a few actors, nothing else.
 * With `kreis` (default for every shape but `voll`) a plan names the actors a Kreis shares
 * (Kreismedienzentrum, Kreisrechenzentrum, the Schulaufsicht under one of two names linked by
 * `auchBekanntAls`) and one Maßnahme whose title has the word „Kreisfachtag“ and the plan's own name.
 *
 * Run on its own: `node bench/generator.ts <N> [seed] [folder] [form] [kommune]`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { createRandom, hash, type Random } from './random.ts';
import { HEADINGS, THEMES, kennzahlSentence, list, paragraph, table, wordCount, type KennzahlContext, type Theme } from './text.ts';

/** The shapes of plan the generator writes (see the module comment). */
export const PLANFORMEN = ['voll', 'erhebungen', 'finanztabellen', 'minimal'] as const;
export type Planform = (typeof PLANFORMEN)[number];

/** The two names of the lower school authority in a Kreis: „Untere Schulaufsicht“ (also known as the other) or „Schulamt für den Kreis“. */
export type Schulaufsicht = 'untere-schulaufsicht' | 'schulamt';

export interface GenerateOptions {
  massnahmen: number;
  seed?: number;
  /** The Schulträger (plan.yaml `kommune`), default „Stadt Benchhausen“; addresses and names follow it. */
  kommune?: string;
  /** The plan's shape, default `voll`. */
  form?: Planform;
  /** plan.yaml `website` (with a base path, if any); default `https://mep.<ort>.example`. */
  website?: string;
  /** Name the actors a Kreis shares and a „Kreisfachtag“ Maßnahme; default: every shape but `voll`. */
  kreis?: boolean;
  /** Which name the Schulaufsicht has (with `kreis`); default: `untere-schulaufsicht` for `voll` and `erhebungen`, else `schulamt`. */
  schulaufsicht?: Schulaufsicht;
  /** Give shared actors the field `kennung` (an optional actor field newer than this generator's plans); default false. */
  kennungen?: boolean;
}

/** A shared actor of the Kreis as the plan names it. */
export interface Kreisakteur {
  id: string;
  name: string;
  auchBekanntAls: string[];
  kennung?: string;
}

export interface GeneratedPlan {
  /** The plan's content folder (`<root>/content`). */
  contentDir: string;
  form: Planform;
  kommune: string;
  counts: { massnahmen: number; schulen: number; akteure: number; handlungsfelder: number };
  /** Every Maßnahme with its file, relative to the content folder. */
  massnahmen: { id: string; file: string; handlungsfeld: string }[];
  /** With `kreis`: the Maßnahme whose title has „Kreisfachtag“ and the plan's own name. */
  kreisfachtag?: { id: string; titel: string };
  /** With `kreis`: the actors the Kreis shares, as this plan names them. */
  kreisakteure: Kreisakteur[];
  /** The survey rounds written (`erhebungen`), oldest first. */
  erhebungen: string[];
  /** The published finance tables written (`finanztabellen`), by id. */
  finanztabellen: string[];
}

/** The word every Kreis plan has in the title of one Maßnahme (a query that finds one Maßnahme per plan). */
export const KREISFACHTAG = 'Kreisfachtag';

/** How many schools and actors a plan with n Maßnahmen gets: n/4 and n/20 (at least 1 and 4). */
export function planCounts(n: number) {
  return { schulen: Math.max(1, Math.round(n / 4)), akteure: Math.max(4, Math.round(n / 20)) };
}

const HORIZONT = { von: 2025, bis: 2034 };
const STAND = '2026-10-15';
const BEZIRKE = ['Mitte', 'Nord', 'Süd', 'Ost', 'West', 'Hafen', 'Auenfeld', 'Bergheim', 'Lindenau', 'Feldmark', 'Altstadt', 'Neustadt'];
const SCHULNAMEN = ['Am Lindenhof', 'Kastanienweg', 'Sonnenberg', 'Mühlenbach', 'An der Aue', 'Regenbogen', 'Hafenviertel', 'Eichendorff', 'Wiesengrund', 'St. Martin', 'Am Stadtpark', 'Theodor Heuss', 'Marie Curie', 'Goethe', 'Geschwister Scholl', 'Am Rosengarten', 'Lessing', 'Humboldt', 'Am Wasserturm', 'Birkenhain'];

const SCHULFORMEN = [
  { id: 'grundschule', name: 'Grundschule', kurzname: 'GS', gewicht: 45, schueler: [150, 450], proLehrkraft: 18, quote: [0.15, 0.5] },
  { id: 'hauptschule', name: 'Hauptschule', kurzname: 'HS', gewicht: 5, schueler: [300, 600], proLehrkraft: 13, quote: [0.6, 1.05] },
  { id: 'realschule', name: 'Realschule', kurzname: 'RS', gewicht: 8, schueler: [500, 800], proLehrkraft: 13, quote: [0.6, 1.05] },
  { id: 'sekundarschule', name: 'Sekundarschule', kurzname: 'SK', gewicht: 6, schueler: [500, 750], proLehrkraft: 13, quote: [0.6, 1.05] },
  { id: 'gesamtschule', name: 'Gesamtschule', kurzname: 'GE', gewicht: 10, schueler: [900, 1400], proLehrkraft: 13, quote: [0.6, 1.05] },
  { id: 'gymnasium', name: 'Gymnasium', kurzname: 'GY', gewicht: 12, schueler: [700, 1200], proLehrkraft: 14, quote: [0.6, 1.05] },
  { id: 'foerderschule', name: 'Förderschule', kurzname: 'FÖ', gewicht: 7, schueler: [80, 200], proLehrkraft: 6, quote: [0.6, 1.05] },
  { id: 'berufskolleg', name: 'Berufskolleg', kurzname: 'BK', gewicht: 7, schueler: [1500, 3500], proLehrkraft: 25, quote: [0.5, 1.0] },
] as const;
const ZIELQUOTE: Record<string, number> = { grundschule: 25, berufskolleg: 75 };

const BILDUNGSBEREICHE = [
  { id: 'schulisch', code: 'S', name: 'Schulische Bildung (allgemeinbildend)' },
  { id: 'berufsbildend', code: 'B', name: 'Berufliche Bildung' },
  { id: 'fruehkindlich', code: 'K', name: 'Frühkindliche Bildung' },
  { id: 'jugendfoerderung', code: 'J', name: 'Jugendförderung' },
  { id: 'weiterbildung', code: 'W', name: 'Weiterbildung' },
  { id: 'bibliothek', code: 'L', name: 'Stadtbibliothek' },
  { id: 'musikschule', code: 'M', name: 'Musikschule' },
];

const FOERDERPROGRAMME = [
  { id: 'digitalpakt-2', name: 'DigitalPakt Schule 2.0 – Budget der Stadt', kurzname: 'DigitalPakt 2.0', geber: 'Bund und Land', von: 2026, bis: 2030, jeSchule: 190_000 },
  { id: 'landesprogramm-lernmittel', name: 'Landesprogramm Digitale Lernmittel und Endgeräte', kurzname: 'Landesprogramm Lernmittel', geber: 'Land', von: 2025, bis: 2027, jeSchule: 115_000 },
  { id: 'gigabit-schulen', name: 'Bundesförderprogramm Gigabitanbindung von Schulen', kurzname: 'Gigabit Schulen', geber: 'Bund, Kofinanzierung durch das Land', von: 2025, bis: 2026, jeSchule: 76_000 },
];

const PRODUKTGRUPPEN: { kurz: string; name: string; bezeichnung: string; preis: [number, number]; dauer: number; jeSchule: number }[] = [
  { kurz: 'tab', name: 'Schüler-Tablets', bezeichnung: 'Tablets für Schülerinnen und Schüler', preis: [389, 479], dauer: 5, jeSchule: 100 },
  { kurz: 'ifp', name: 'Interaktive Displays', bezeichnung: 'Interaktive Displays mit Wandhalterung', preis: [2980, 3490], dauer: 8, jeSchule: 8 },
  { kurz: 'lk', name: 'Lehrkräfte-Endgeräte', bezeichnung: 'Dienstliche Endgeräte für Lehrkräfte', preis: [529, 579], dauer: 5, jeSchule: 40 },
  { kurz: 'nb', name: 'Notebooks', bezeichnung: 'Notebooks für Fachklassen', preis: [749, 812], dauer: 5, jeSchule: 15 },
  { kurz: 'pc', name: 'Stationäre PCs', bezeichnung: 'PCs für Informatik- und Computerräume', preis: [689, 1845], dauer: 6, jeSchule: 20 },
  { kurz: 'dr', name: 'Drucker', bezeichnung: 'Netzwerk-Multifunktionsgeräte', preis: [389, 389], dauer: 6, jeSchule: 5 },
  { kurz: 'ap', name: 'Netzwerk (LAN/WLAN)', bezeichnung: 'WLAN-Access-Points, zentral verwaltet', preis: [465, 465], dauer: 8, jeSchule: 45 },
];

// ---------------------------------------------------------------------------
// Small helpers

const de = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });
const deEuro = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const date = (r: Random, from: number, to: number) => `${r.int(from, to)}-${pad(r.int(1, 12))}-${pad(r.int(1, 28))}`;

export function slug(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function writeFile(path: string, text: string) {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
}

const yaml = (data: unknown) => stringify(data, { lineWidth: 0 });

/** The Schulträger and what its names and addresses are made of. */
interface Ort {
  /** „Stadt Benchhausen“ */
  kommune: string;
  /** „Benchhausen“: the name without „Stadt“, „Gemeinde“ …, for addresses. */
  name: string;
  /** „benchhausen“, for `*.example` addresses. */
  domain: string;
  /** The council that decides: „Rat der Stadt Benchhausen“, for a Kreis „Kreistag Talheim“. */
  rat: string;
  website: string;
  titel: string;
}

function ort(kommune: string, form: Planform, website?: string): Ort {
  const name = kommune.replace(/^(Stadt|Gemeinde|Markt|Samtgemeinde|Landkreis|Kreis)\s+/, '');
  const domain = slug(name);
  const kreis = /^(Landkreis|Kreis)\s/.test(kommune);
  return {
    kommune,
    name,
    domain,
    rat: kreis ? `Kreistag ${name}` : `Rat der ${kommune}`,
    website: website ?? `https://mep.${domain}.example`,
    // the benchmark's plan keeps its title; the Kreis plans are told apart by it on a portal
    titel: form === 'voll' ? 'Medienentwicklungsplan – Lastprobe' : `Medienentwicklungsplan ${kommune}`,
  };
}
const csv = (header: string[], rows: (string | number)[][]) => [header, ...rows].map((r) => r.join(';')).join('\n') + '\n';
const mdx = (frontmatter: Record<string, unknown>, body: string) => `---\n${yaml(frontmatter)}---\n\n${body.trim()}\n`;

// ---------------------------------------------------------------------------
// Actors

interface Akteur {
  id: string;
  name: string;
  ebene: string;
  zustaendigkeit: string;
  beschreibung: string;
  supportlevel?: string[];
  auchBekanntAls?: string[];
  kennung?: string;
}

const KERNAKTEURE: Akteur[] = [
  { id: 'schulverwaltungsamt', name: 'Amt für Schule und Bildung (Schulverwaltungsamt)', ebene: 'Schulträger', zustaendigkeit: 'organisatorisch', beschreibung: 'Verantwortet als Schulträger die Ausstattung der Schulen.', supportlevel: ['2nd-Level'] },
  { id: 'it-dienstleister', name: 'Kommunaler IT-Dienstleister', ebene: 'kommunale Unterstützung', zustaendigkeit: 'technisch', beschreibung: 'Betreibt Netze, Server und die Geräteverwaltung der Schulen.', supportlevel: ['2nd-Level'] },
  { id: 'medienzentrum', name: 'Medienzentrum', ebene: 'kommunale Unterstützung', zustaendigkeit: 'pädagogisch und technisch', beschreibung: 'Berät die Schulen zum Unterricht mit digitalen Medien.' },
  { id: 'schulamt', name: 'Schulamt – untere Schulaufsicht', ebene: 'Schulaufsicht', zustaendigkeit: 'pädagogisch', beschreibung: 'Schulaufsicht über Grund-, Haupt- und Förderschulen.' },
  { id: 'ministerium', name: 'Ministerium für Schule und Bildung des Landes', ebene: 'Land', zustaendigkeit: 'pädagogisch', beschreibung: 'Oberste Schulaufsicht; verteilt Landes- und Bundesmittel.' },
  { id: 'gebaeudemanagement', name: 'Städtisches Gebäudemanagement', ebene: 'Schulträger', zustaendigkeit: 'technisch', beschreibung: 'Plant und baut Verkabelung und Technikräume.' },
  { id: 'steuerungsgruppe', name: 'Steuerungsgruppe Medienentwicklungsplan', ebene: 'Schulträger', zustaendigkeit: 'organisatorisch', beschreibung: 'Stimmt Prioritäten ab und verfolgt die Umsetzung.' },
  { id: 'medienbeauftragte', name: 'Medienbeauftragte der Schulen', ebene: 'schulintern', zustaendigkeit: 'pädagogisch und technisch', beschreibung: 'Erste Anlaufstelle in der Schule.', supportlevel: ['1st-Level'] },
  { id: 'systemhaus', name: 'Systemhaus aus dem Rahmenvertrag', ebene: 'externe Dienstleister', zustaendigkeit: 'technisch', beschreibung: 'Liefert, richtet ein und repariert Geräte.', supportlevel: ['2nd-Level', '3rd-Level'] },
  { id: 'rat', name: 'Rat der Stadt', ebene: 'Schulträger', zustaendigkeit: 'organisatorisch', beschreibung: 'Beschließt den Plan und die Haushaltsmittel.' },
  { id: 'kompetenzteam', name: 'Kompetenzteam für Lehrerfortbildung', ebene: 'kommunale Unterstützung', zustaendigkeit: 'pädagogisch', beschreibung: 'Bietet Fortbildungen zur Medienbildung an.' },
  { id: 'schulleitungen', name: 'Schulleitungen', ebene: 'schulintern', zustaendigkeit: 'organisatorisch', beschreibung: 'Verantworten die Schulentwicklung.' },
];

const WEITERE_AKTEURE: { muster: string; ebene: string; zustaendigkeit: string; beschreibung: string }[] = [
  { muster: 'Schulverbund', ebene: 'Schule', zustaendigkeit: 'pädagogisch', beschreibung: 'Schulen eines Stadtbezirks, die Ausstattung und Fortbildung gemeinsam planen.' },
  { muster: 'Medienberatung', ebene: 'kommunale Unterstützung', zustaendigkeit: 'pädagogisch und technisch', beschreibung: 'Berät die Schulen eines Bezirks bei ihren Medienkonzepten.' },
  { muster: 'Arbeitsgruppe Medienkonzept', ebene: 'schulintern', zustaendigkeit: 'pädagogisch', beschreibung: 'Schreibt die Medienkonzepte der beteiligten Schulen fort.' },
  { muster: 'Bezirksvertretung', ebene: 'Schulträger', zustaendigkeit: 'organisatorisch', beschreibung: 'Berät Vorhaben an den Schulen des Bezirks.' },
  { muster: 'Servicepartner', ebene: 'externe Dienstleister', zustaendigkeit: 'technisch', beschreibung: 'Übernimmt Vor-Ort-Service an den Schulen des Bezirks.' },
  { muster: 'Bildungsbüro', ebene: 'kommunale Unterstützung', zustaendigkeit: 'organisatorisch', beschreibung: 'Vernetzt Schulen mit außerschulischen Lernorten.' },
];

function makeActors(count: number): Akteur[] {
  const actors = KERNAKTEURE.slice(0, count);
  for (let i = 0; actors.length < count; i += 1) {
    const art = WEITERE_AKTEURE[i % WEITERE_AKTEURE.length]!;
    const runde = Math.floor(i / WEITERE_AKTEURE.length);
    const bezirk = BEZIRKE[runde % BEZIRKE.length]!;
    const nummer = Math.floor(runde / BEZIRKE.length);
    const name = `${art.muster} ${bezirk}${nummer > 0 ? ` ${nummer + 1}` : ''}`;
    actors.push({ id: slug(name), name, ebene: art.ebene, zustaendigkeit: art.zustaendigkeit, beschreibung: art.beschreibung });
  }
  return actors;
}

/**
 * The actors a Kreis shares, in place of the town's own ones (by the id they replace): the
 * Kreismedienzentrum and the Kreisrechenzentrum under the same name in every plan, the
 * Schulaufsicht under one of two names that each plan links with `auchBekanntAls`.
 */
function kreisakteure(schulaufsicht: Schulaufsicht, kennungen: boolean): Record<string, Akteur> {
  const aufsicht =
    schulaufsicht === 'untere-schulaufsicht'
      ? { id: 'untere-schulaufsicht', name: 'Untere Schulaufsicht', auchBekanntAls: ['Schulamt für den Kreis'] }
      : { id: 'schulamt-kreis', name: 'Schulamt für den Kreis', auchBekanntAls: [] };
  return {
    medienzentrum: {
      id: 'kreismedienzentrum',
      name: 'Kreismedienzentrum',
      ...(kennungen ? { kennung: 'kreismedienzentrum' } : {}),
      auchBekanntAls: ['Medienzentrum des Kreises'],
      ebene: 'kommunale Unterstützung',
      zustaendigkeit: 'pädagogisch und technisch',
      beschreibung: 'Berät die Schulen aller Schulträger des Kreises zum Unterricht mit digitalen Medien und verleiht Medien.',
    },
    schulamt: { ...aufsicht, ebene: 'Schulaufsicht', zustaendigkeit: 'pädagogisch', beschreibung: 'Schulaufsicht des Landes über die Grund-, Haupt- und Förderschulen im Kreis.' },
    'it-dienstleister': {
      id: 'kreisrechenzentrum',
      name: 'Kreisrechenzentrum',
      ebene: 'kommunale Unterstützung',
      zustaendigkeit: 'technisch',
      beschreibung: 'Betreibt für die Schulträger des Kreises Netze, Server und die Geräteverwaltung.',
      supportlevel: ['2nd-Level'],
    },
  };
}

const BEZIEHUNGSTYPEN = ['beaufsichtigt', 'berät', 'unterstützt', 'beauftragt', 'finanziert', 'koordiniert', 'berichtet an', 'arbeitet zusammen mit'];

/** akteure.yaml: every actor is the target of at least one relation (a ring plus random extras). */
function akteureYaml(r: Random, actors: Akteur[]) {
  return actors.map((a, i) => {
    const ziele = new Set([actors[(i + 1) % actors.length]!.id]);
    for (let k = r.int(0, 2); k > 0; k -= 1) ziele.add(r.pick(actors).id);
    ziele.delete(a.id);
    const entry: Record<string, unknown> = {
      id: a.id,
      name: a.name,
      ...(a.kennung ? { kennung: a.kennung } : {}),
      ...(a.auchBekanntAls?.length ? { auchBekanntAls: a.auchBekanntAls } : {}),
      ebene: a.ebene,
      beschreibung: a.beschreibung,
      aufgaben: ['Maßnahmen des Plans mit umsetzen', 'Bedarfe sammeln und melden', 'An den Abstimmungsrunden teilnehmen'].slice(0, r.int(1, 3)),
      zustaendigkeit: a.zustaendigkeit,
    };
    if (a.supportlevel) entry.supportlevel = a.supportlevel;
    if (r.chance(0.3)) entry.themen = [`Fragen zu ${r.pick(THEMES).titel}`];
    if (a.id === 'steuerungsgruppe') {
      entry.gremium = {
        mitglieder: actors.filter((x) => x.id !== a.id).slice(0, 6).map((x) => x.id),
        turnus: 'zweimal jährlich',
        ...(actors.some((x) => x.id === 'rat') ? { berichtetAn: 'rat' } : {}),
      };
    }
    entry.beziehungen = [...ziele].map((ziel) => ({ typ: r.pick(BEZIEHUNGSTYPEN), ziel }));
    return entry;
  });
}

function formateYaml(r: Random, actors: Akteur[]) {
  const ids = actors.map((a) => a.id);
  return [
    { id: 'runder-tisch', name: 'Runder Tisch Digitale Bildung', art: 'Runder Tisch', ziel: 'Die Beteiligten stimmen die Richtung der Planung ab.', ausrichtung: 'strategisch', rhythmus: 'halbjährlich', bindung: 'informell', organisator: ids[0], teilnehmende: r.sample(ids, Math.min(6, ids.length)) },
    { id: 'schul-it-arbeitstreffen', name: 'Schul-IT-Arbeitstreffen', art: 'Arbeitstreffen', ziel: 'Betriebliche Fragen klären und Rollouts planen.', ausrichtung: 'operativ', rhythmus: 'monatlich', bindung: 'informell', organisator: ids[1], teilnehmende: r.sample(ids, Math.min(4, ids.length)) },
    { id: 'sprechstunde', name: 'Offene Sprechstunde Medienberatung', art: 'Sprechstunde', ziel: 'Lehrkräfte zum Einsatz der Geräte beraten.', ausrichtung: 'operativ', rhythmus: 'wöchentlich', bindung: 'informell', organisator: ids[2], teilnehmende: r.sample(ids, Math.min(3, ids.length)) },
  ];
}

// ---------------------------------------------------------------------------
// Schools and finance data

function schulenCsv(r: Random, count: number, domain: string) {
  const rows: (string | number)[][] = [];
  for (let i = 0; i < count; i += 1) {
    const form = r.weighted(SCHULFORMEN.map((f) => [f, f.gewicht] as const));
    const name = `${form.name} ${SCHULNAMEN[i % SCHULNAMEN.length]}${i >= SCHULNAMEN.length ? ` ${Math.floor(i / SCHULNAMEN.length) + 1}` : ''}`;
    const schueler = r.int(form.schueler[0], form.schueler[1]);
    const lehrkraefte = Math.max(1, Math.round(schueler / form.proLehrkraft));
    const raeume = Math.max(4, Math.round(schueler / 22));
    const stand = r.chance(0.1) ? '' : date(r, 2021, 2026).replace(/^2026-(1[0-2])/, '2026-09');
    rows.push([
      `${form.kurzname === 'FÖ' ? 'fs' : form.kurzname.toLowerCase()}-${pad(i + 1, 4)}`,
      name,
      form.id,
      r.pick(BEZIRKE),
      de.format(schueler),
      de.format(lehrkraefte),
      de.format(Math.round(schueler * (form.quote[0] + r.next() * (form.quote[1] - form.quote[0])))),
      de.format(Math.round(lehrkraefte * (0.85 + r.next() * 0.15))),
      de.format(raeume),
      de.format(Math.round(raeume * (0.5 + r.next() * 0.5))),
      de.format(r.int(120, 200) / 2),
      de.format(r.pick([250, 500, 1000, 1000, 1000, 10000])),
      stand,
      stand ? `https://schulen.${domain}.example/${slug(name)}/medienkonzept.pdf` : '',
    ]);
  }
  return csv(['id', 'name', 'schulform', 'stadtbezirk', 'schuelerzahl', 'lehrkraefte', 'endgeraete_schueler', 'endgeraete_lehrkraefte', 'unterrichtsraeume', 'praesentationsmedien', 'wlan_abdeckung', 'breitband_mbit', 'medienkonzept_stand', 'medienkonzept_url'], rows);
}

function inventarCsv(r: Random, schulen: number) {
  const rows: (string | number)[][] = [];
  for (const g of PRODUKTGRUPPEN) {
    for (const jahr of r.sample([2019, 2020, 2021, 2022, 2023, 2024, 2025], r.int(2, 4)).sort()) {
      const preis = r.int(g.preis[0], g.preis[1]);
      rows.push([`${g.kurz}-${jahr}`, g.name, `${g.bezeichnung}, Beschaffung ${jahr}`, de.format(Math.max(1, Math.round((g.jeSchule * schulen * r.int(20, 40)) / 100))), deEuro.format(preis), g.dauer, jahr, r.chance(0.8) ? jahr + g.dauer : '', 'Ist', 'Inventardatenbank']);
    }
  }
  return csv(['id', 'produktgruppe', 'bezeichnung', 'anzahl', 'stueckpreis', 'nutzungsdauer', 'beschaffungsjahr', 'ersatzjahr', 'wertart', 'quelle'], rows);
}

const jahre = () => Array.from({ length: HORIZONT.bis - HORIZONT.von + 1 }, (_, i) => HORIZONT.von + i);
const runde100 = (n: number) => Math.round(n / 100) * 100;

function laufendeKostenCsv(r: Random, schulen: number) {
  const basis = { Personal: 46_000, Dienstleistungen: 30_000, Lizenzen: 18_000, Betrieb: 12_000 };
  const rows = jahre().flatMap((jahr, i) =>
    Object.entries(basis).map(([art, jeSchule]) => [jahr, art, de.format(runde100(jeSchule * schulen * 1.05 ** i * (0.95 + r.next() * 0.1))), jahr === 2025 ? 'Ist' : 'Plan', jahr === 2025 ? 'Jahresabschluss 2025' : 'Finanzplanung']),
  );
  return csv(['jahr', 'kostenart', 'betrag', 'wertart', 'quelle'], rows);
}

function finanzierungCsv(r: Random, schulen: number) {
  const rows: (string | number)[][] = [];
  for (const jahr of jahre()) {
    const wertart = jahr === 2025 ? 'Ist' : 'Plan';
    rows.push([jahr, 'Haushalt Investition', '', de.format(runde100(schulen * r.int(10_000, 70_000))), wertart, 'Investitionsprogramm']);
    rows.push([jahr, 'Haushalt Betrieb', '', de.format(runde100(schulen * 106_000 * 1.05 ** (jahr - HORIZONT.von))), wertart, 'Haushaltsplan']);
    for (const p of FOERDERPROGRAMME) {
      if (jahr < p.von || jahr > p.bis) continue;
      rows.push([jahr, 'Förderprogramm', p.id, de.format(runde100((p.jeSchule * schulen) / (p.bis - p.von + 1))), wertart, 'Zuwendungsbescheid']);
    }
  }
  return csv(['jahr', 'art', 'foerderprogramm', 'betrag', 'wertart', 'quelle'], rows);
}

// ---------------------------------------------------------------------------
// The small YAML collections

function planYaml(seed: number, ort: Ort) {
  return {
    kommune: ort.kommune,
    titel: ort.titel,
    untertitel: `Erzeugter Plan für Messungen (Startwert ${seed})`,
    fassung: { name: 'Erzeugte Fassung', nummer: 1 },
    planungszeitraum: { von: 2025, bis: 2026 },
    planungshorizont: HORIZONT,
    finanzplanung: { preisaenderung: 2, preisbasisjahr: 2025, spitzenjahrSchwelle: 20 },
    beschluss: { datum: '2025-03-27', gremium: ort.rat, vorlage: 'V/2025/0001' },
    stand: STAND,
    website: ort.website,
    herausgeber: { name: ort.kommune, dienststelle: 'Amt für Schule und Bildung', anschrift: ['Rathausplatz 1', `12345 ${ort.name}`], email: `schule@${ort.domain}.example`, url: `https://www.${ort.domain}.example` },
    kontakt: { name: 'Geschäftsstelle Medienentwicklungsplan', email: `mep@${ort.domain}.example` },
    lizenz: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.de' },
    quelltext: {
      repository: `https://git.${ort.domain}.example/mep`,
      bearbeiten: `https://git.${ort.domain}.example/mep/edit/main/{pfad}`,
      verlauf: `https://git.${ort.domain}.example/mep/commits/main/{pfad}`,
      ordner: `https://git.${ort.domain}.example/mep/tree/main/{pfad}`,
    },
    impressum: { verantwortlich: `${ort.kommune}, Rathausplatz 1, 12345 ${ort.name}`, hinweise: ['Erzeugte Inhalte für Leistungsmessungen.'] },
    datenschutz: {
      verantwortlicher: ort.kommune,
      datenschutzbeauftragter: { name: 'Datenschutzbeauftragte der Stadt', email: `datenschutz@${ort.domain}.example` },
      hosting: 'Statische Website ohne Cookies und ohne Anfragen an Dritte.',
      aufsichtsbehoerde: { name: 'Landesbeauftragte für Datenschutz', url: 'https://www.ldi.land.example' },
    },
    barrierefreiheit: {
      stand: '2026-09-30',
      status: 'teilweise vereinbar',
      pruefmethode: 'Selbstbewertung nach BITV 2.0.',
      nichtBarrierefrei: [{ was: 'Medienkonzepte der Schulen als PDF', warum: 'Die Dokumente erstellen die Schulen selbst.' }],
      kontakt: { name: 'Geschäftsstelle Medienentwicklungsplan', email: `barrierefreiheit@${ort.domain}.example` },
      schlichtungsstelle: { name: 'Ombudsstelle für barrierefreie IT', url: 'https://www.ombudsstelle.land.example' },
    },
    leichteSprache: { text: ['Die Stadt sorgt für Computer in den Schulen.', 'Dieser Plan sagt, was die Stadt dafür macht.'] },
  };
}

function foerderprogrammeYaml(schulen: number) {
  return FOERDERPROGRAMME.map((p) => {
    const zuweisung = runde100(p.jeSchule * schulen);
    return {
      id: p.id,
      name: p.name,
      kurzname: p.kurzname,
      geber: p.geber,
      laufzeit: { von: p.von, bis: p.bis },
      zuweisung,
      abruf: [
        { status: 'beantragt', betrag: runde100(zuweisung * 0.8), stand: '2026-06-30' },
        { status: 'bewilligt', betrag: runde100(zuweisung * 0.7), stand: '2026-08-14' },
        { status: 'abgerufen', betrag: runde100(zuweisung * 0.4), stand: '2026-09-30' },
        { status: 'ausgezahlt', betrag: runde100(zuweisung * 0.3), stand: '2026-09-30' },
      ],
    };
  });
}

const INDIKATOREN = [
  {
    id: 'ausstattungsquote',
    titel: 'Ausstattungsquote mit mobilen Schülerendgeräten',
    einheit: '%',
    kennzahl: 'ausstattungsquote',
    zielwerte: [...SCHULFORMEN.map((f) => ({ wert: ZIELQUOTE[f.id] ?? 100, schulform: f.id })), { wert: 75 }],
    messwerte: [2021, 2022, 2023, 2024, 2025].map((jahr, i) => ({ jahr, wert: 40 + i * 8.5 })),
  },
  { id: 'gigabit-anbindung', titel: 'Schulen mit Gigabit-Anschluss', einheit: '%', zielwerte: [{ wert: 100, jahr: 2027 }], messwerte: [{ jahr: 2024, wert: 63.3 }, { jahr: 2025, wert: 76.7 }] },
  { id: 'ticket-loesungszeit', titel: 'Lösungszeit von Störungsmeldungen', einheit: 'Arbeitstage', zielwerte: [{ wert: 2, jahr: 2026 }], messwerte: [{ jahr: 2024, wert: 3.1 }, { jahr: 2025, wert: 2.6 }] },
  { id: 'fortbildung', titel: 'Lehrkräfte mit Fortbildung zur Medienbildung', einheit: '%', zielwerte: [{ wert: 60, jahr: 2026 }], messwerte: [{ jahr: 2024, wert: 52 }, { jahr: 2025, wert: 55 }] },
];

const GLOSSAR: [string, string, string, string[]][] = [
  ['schultraeger', 'Schulträger', 'Die Körperschaft, die eine Schule errichtet und unterhält und für ihre sächliche Ausstattung sorgt.', ['schulaufsicht']],
  ['schulaufsicht', 'Schulaufsicht', 'Die Aufsicht des Landes über Unterricht und Erziehung, gestuft in oberste, obere und untere Ebene.', ['schultraeger']],
  ['medienkonzept', 'Medienkonzept', 'Das pädagogische Konzept einer Schule zur Medienbildung und zur Ausstattung, die sie dafür braucht.', ['mep']],
  ['mep', 'Medienentwicklungsplan', 'Die Planung des Schulträgers für Ausstattung, Betrieb und Finanzierung der Schul-IT.', ['medienkonzept', 'fortschreibung']],
  ['fortschreibung', 'Fortschreibung', 'Die planmäßige Überarbeitung eines beschlossenen Plans im Rhythmus des Haushalts.', []],
  ['digitalpakt', 'DigitalPakt Schule', 'Förderprogramm von Bund und Ländern für die digitale Bildungsinfrastruktur.', []],
  ['medienbeauftragte', 'Medienbeauftragte', 'Lehrkräfte, die an ihrer Schule Ansprechpersonen für digitale Medien sind.', ['support-level']],
  ['support-level', '1st-, 2nd- und 3rd-Level-Support', 'Die Stufen der technischen Unterstützung von der Schule über den Schulträger bis zum Hersteller.', []],
  ['ausstattungsquote', 'Ausstattungsquote', 'Mobile Schülerendgeräte je 100 Schülerinnen und Schüler.', []],
  ['nutzungsdauer', 'Nutzungsdauer', 'Die Zahl der Jahre, die ein Gerät planmäßig im Einsatz bleibt.', ['wiederbeschaffung']],
  ['wiederbeschaffung', 'Wiederbeschaffung', 'Der Ersatz von Geräten am Ende ihrer Nutzungsdauer.', ['nutzungsdauer']],
  ['jahresbilanzgespraech', 'Jahresbilanzgespräch', 'Jährliches Gespräch zwischen Schulträger und Schule über Ausstattung, Support und Fortbildung.', []],
  ['byod', 'Bring Your Own Device', 'Ein Modell, bei dem Schülerinnen und Schüler eigene Geräte nutzen.', []],
  ['mdm', 'Mobile-Device-Management', 'Software, mit der Endgeräte zentral eingerichtet und verwaltet werden.', []],
  ['lms', 'Lernmanagementsystem', 'Plattform für Kurse, Material und Aufgaben.', ['schulplattform']],
  ['oer', 'Offene Bildungsmaterialien', 'Lehr- und Lernmaterialien unter freier Lizenz.', []],
  ['schulplattform', 'Schulplattform', 'Die zentrale Online-Umgebung einer Schule.', ['lms']],
];

const DATENSAETZE = [
  { id: 'schulen', titel: 'Schulen, Schülerzahlen und Ausstattung', stand: '2026-09-15', quelle: 'Amtliche Schuldaten und Ausstattungsabfrage', wertart: 'Ist' },
  { id: 'inventar', titel: 'Geräte- und Komponentenbestand', stand: '2026-06-30', quelle: 'Inventardatenbank', wertart: 'Ist' },
  { id: 'laufendeKosten', titel: 'Laufende Kosten der Schul-IT', stand: '2026-05-31', quelle: 'Haushaltsplan und Finanzplanung', wertart: 'Plan' },
  { id: 'finanzierung', titel: 'Finanzierung nach Jahren und Mittelherkunft', stand: '2026-05-31', quelle: 'Kämmerei', wertart: 'Plan' },
  { id: 'foerderprogramme', titel: 'Förderprogramme und Mittelabruf', stand: '2026-09-30', quelle: 'Fördermittelcontrolling', wertart: 'Ist' },
  { id: 'indikatoren', titel: 'Indikatoren und Zielwerte', stand: '2026-03-31', quelle: 'Jahresbericht Schul-IT', wertart: 'Ist' },
];

// ---------------------------------------------------------------------------
// The shapes' own data: survey rounds and published finance tables

/** A German number as the generator writes it („1.234“, „47,5“). */
const zahl = (text: string) => Number(text.replaceAll('.', '').replace(',', '.'));

/** The survey rounds of the shape `erhebungen`: two, the later one with the figures of `voll`. */
const RUNDEN = [
  { id: '2024-09', stichtag: '2024-09-15', methode: 'Fragebogen (Tabellenvorlage) an alle Schulleitungen, ergänzt um die amtlichen Schülerzahlen', quelle: 'Amt für Schule und Bildung, Erstabfrage' },
  { id: '2026-09', stichtag: '2026-09-15', methode: 'Online-Fragebogen an alle Schulleitungen mit Abgleich gegen das Inventar', quelle: 'Amt für Schule und Bildung, zweite Abfrage' },
];
const ERHEBUNGSBEDARFE = [
  { id: 'wlan', name: 'WLAN in allen Unterrichtsräumen', art: 'beschaffung' },
  { id: 'fortbildung-tablets', name: 'Fortbildung zum Unterricht mit Tablets', art: 'fortbildung' },
];
const PRIORITAETEN = ['hoch', 'mittel', 'gering', 'kein'];
/** The self-evaluation of the shape `erhebungen`: asked in the later round only, published only for groups of schools. */
const SELBSTEINSCHAETZUNG = {
  veroeffentlichen: 'nur-gesamt',
  stufen: [
    { id: 'einstieg', name: 'Einstieg', beschreibung: 'Erste Schritte, getragen von Einzelnen.' },
    { id: 'aufbau', name: 'Aufbau', beschreibung: 'Planvoll unterwegs, noch nicht in der Breite.' },
    { id: 'vorreiter', name: 'Vorreiter', beschreibung: 'Im Alltag verankert und Vorbild für andere Schulen.' },
  ],
  bereiche: [
    { id: 'ausstattung', name: 'Ausstattung' },
    { id: 'fortbildung', name: 'Fortbildung', stufen: { einstieg: 'Einzelne Lehrkräfte bilden sich fort.' } },
  ],
};

/**
 * Writes the schools as content/ (Musterstadt) has them: master data in daten/schulen.csv, the
 * figures in two rounds (daten/erhebungen.yaml, daten/erhebungen/<runde>.csv). The later round has
 * the figures `voll` writes into daten/schulen.csv, the earlier one less equipment; a concept dated
 * after a round's Stichtag is not in that round. Returns the rounds' ids.
 */
function schreibeErhebungen(put: (file: string, text: string) => void, schulenText: string, r: Random, stufenZufall: Random): string[] {
  const [kopf, ...zeilen] = schulenText.trim().split('\n').map((z) => z.split(';'));
  const spalte = (name: string) => kopf!.indexOf(name);
  put('daten/schulen.csv', csv(['id', 'name', 'schulform', 'stadtbezirk'], zeilen.map((z) => z.slice(0, 4))));
  const werte = ['schuelerzahl', 'lehrkraefte', 'endgeraete_schueler', 'endgeraete_lehrkraefte', 'unterrichtsraeume', 'praesentationsmedien', 'wlan_abdeckung', 'breitband_mbit', 'medienkonzept_stand', 'medienkonzept_url'];
  // how much of each figure of the later round the earlier one had
  const frueher: Record<string, number> = { schuelerzahl: 0.97, lehrkraefte: 0.97, endgeraete_schueler: 0.55, endgeraete_lehrkraefte: 0.6, unterrichtsraeume: 1, praesentationsmedien: 0.7, wlan_abdeckung: 0.7, breitband_mbit: 1 };
  RUNDEN.forEach((runde, k) => {
    const spaeterRunde = k === RUNDEN.length - 1;
    const rows = zeilen.map((z) => {
      const zellen = werte.map((name) => {
        const text = z[spalte(name)]!;
        if (name === 'medienkonzept_stand' || name === 'medienkonzept_url') {
          const stand = z[spalte('medienkonzept_stand')]!;
          return stand && stand <= runde.stichtag ? text : '';
        }
        if (spaeterRunde || text === '') return text;
        const x = zahl(text) * frueher[name]!;
        return name === 'wlan_abdeckung' ? de.format(Math.round(x * 2) / 2) : de.format(Math.round(x));
      });
      const bedarfe = ERHEBUNGSBEDARFE.map(() => r.pick(spaeterRunde ? PRIORITAETEN.slice(1) : PRIORITAETEN.slice(0, 3)));
      // Levels of the self-evaluation (later round only); now and then a school gives none.
      const stufen = spaeterRunde ? SELBSTEINSCHAETZUNG.bereiche.map(() => stufenZufall.pick(['', ...SELBSTEINSCHAETZUNG.stufen.map((st) => st.id)])) : [];
      return [z[0]!, ...zellen, ...bedarfe, ...stufen];
    });
    const stufenSpalten = spaeterRunde ? SELBSTEINSCHAETZUNG.bereiche.map((b) => `stufe_${b.id}`) : [];
    put(`daten/erhebungen/${runde.id}.csv`, csv(['schule', ...werte, ...ERHEBUNGSBEDARFE.map((b) => `bedarf_${b.id}`), ...stufenSpalten], rows));
  });
  put(
    'daten/erhebungen.yaml',
    `# Zwei Bestands- und Bedarfsabfragen bei allen Schulen; die Antworten stehen in daten/erhebungen/<id>.csv.\n${yaml({ mindestgruppe: 5, bedarfe: ERHEBUNGSBEDARFE, selbsteinschaetzung: SELBSTEINSCHAETZUNG, runden: RUNDEN })}`,
  );
  return RUNDEN.map((runde) => runde.id);
}

/**
 * Writes the published finance tables of the shape `finanztabellen`, as beispiele/kleinstadt has
 * them (finanzen.yaml, daten/finanzen/<tabelle>.csv): the financing in Tsd. € with two funding
 * programmes that end, and the licences in €, each with its sum column and Summe row. Returns the
 * tables' ids.
 */
function schreibeFinanztabellen(put: (file: string, text: string) => void, o: Ort, schulen: number, r: Random): string[] {
  const finanzierungsjahre = [2025, 2026, 2027, 2028, 2029];
  const programm = (id: string) => FOERDERPROGRAMME.find((p) => p.id === id)!;
  const digitalpakt = programm('digitalpakt-2');
  const land = programm('landesprogramm-lernmittel');
  const zeilenFinanzierung = finanzierungsjahre.map((jahr) => {
    const investiv = schulen * r.int(20, 60);
    const konsumtiv = schulen * r.int(15, 30);
    const dp = jahr >= digitalpakt.von && jahr <= digitalpakt.bis ? Math.round((digitalpakt.jeSchule * schulen) / (digitalpakt.bis - digitalpakt.von + 1) / 1000) : undefined;
    const lp = jahr >= land.von && jahr <= land.bis ? Math.round((land.jeSchule * schulen) / (land.bis - land.von + 1) / 1000) : undefined;
    return [jahr, investiv, konsumtiv, dp, lp] as const;
  });
  const zeilenLizenzen = [2025, 2026, 2027].map((jahr, i) => [jahr, schulen * r.int(900, 1100) + i * 120, schulen * r.int(500, 700), schulen * r.int(300, 400)] as const);
  /** Rows with a sum column and a Summe row; empty cells stay empty. */
  const mitSummen = (zeilen: readonly (readonly (number | undefined)[])[]) => {
    const zeile = (label: string | number, werte: readonly (number | undefined)[]) => [label, ...werte.map((w) => (w === undefined ? '' : de.format(w))), de.format(werte.reduce<number>((a, w) => a + (w ?? 0), 0))];
    const spalten = zeilen[0]!.length - 1;
    const summen = Array.from({ length: spalten }, (_, k) => zeilen.reduce<number>((a, z) => a + (z[k + 1] ?? 0), 0));
    return [...zeilen.map((z) => zeile(z[0]!, z.slice(1))), zeile('Summe', summen)];
  };
  put('daten/finanzen/schul-it-finanzierung.csv', csv(['jahr', 'investiv', 'konsumtiv', 'digitalpakt', 'landesprogramm', 'summe'], mitSummen(zeilenFinanzierung)));
  put('daten/finanzen/lizenzen.csv', csv(['jahr', 'lernplattform', 'geraeteverwaltung', 'jugendschutz', 'summe'], mitSummen(zeilenLizenzen)));
  const quelle = `Medienentwicklungsplan ${o.kommune}, Kapitel Finanzen`;
  put(
    'finanzen.yaml',
    `# Die Finanztabellen des Plans, wie der Rat sie beschlossen hat; die Werte stehen in daten/finanzen/<tabelle>.csv.\n${yaml([
      {
        id: 'schul-it',
        titel: 'Schul-IT der Schulen in eigener Trägerschaft',
        beschreibung: 'Ausstattung, Betrieb und Lizenzen der Schul-IT, wie der Plan sie ausweist.',
        tabellen: [
          {
            id: 'schul-it-finanzierung',
            titel: `Finanzierung der Schul-IT ${finanzierungsjahre[0]}–${finanzierungsjahre.at(-1)}`,
            nummer: 'Tab. 5',
            abbildung: 'Abb. 2',
            einheit: 'Tsd. €',
            genauigkeit: 1,
            quelle,
            stand: '2026-09',
            wertart: 'Plan',
            beschreibung: 'Die Förderprogramme enden; für die Jahre danach weist der Plan keine Fördermittel aus, die Felder bleiben leer.',
            spalten: [
              { id: 'investiv', titel: 'Haushalt investiv', art: 'finanzierung' },
              { id: 'konsumtiv', titel: 'Haushalt konsumtiv', art: 'finanzierung' },
              { id: 'digitalpakt', titel: digitalpakt.kurzname, art: 'finanzierung', foerderprogramm: digitalpakt.id },
              { id: 'landesprogramm', titel: land.kurzname, art: 'finanzierung', foerderprogramm: land.id },
              { id: 'summe', titel: 'Summe', art: 'summe' },
            ],
          },
          {
            id: 'lizenzen',
            titel: 'Lizenzen und Dienste der Schul-IT 2025–2027',
            nummer: 'Tab. 6',
            einheit: '€',
            quelle: `${quelle}; Leistungsscheine des Kreisrechenzentrums`,
            stand: '2026-06',
            wertart: 'Plan',
            spalten: [
              { id: 'lernplattform', titel: 'Lernplattform', art: 'bedarf' },
              { id: 'geraeteverwaltung', titel: 'Geräteverwaltung', art: 'bedarf' },
              { id: 'jugendschutz', titel: 'Jugendschutzfilter und Firewall', art: 'bedarf' },
              { id: 'summe', titel: 'Summe', art: 'summe' },
            ],
          },
        ],
      },
    ])}`,
  );
  return ['schul-it-finanzierung', 'lizenzen'];
}

// ---------------------------------------------------------------------------
// Maßnahmen

const STATUS: [string, number][] = [['geplant', 4], ['in Umsetzung', 4], ['abgeschlossen', 2], ['zurückgestellt', 1]];
const titleSuffix = (r: Random) => r.pick([` – Stadtbezirk ${r.pick(BEZIRKE)}`, `, Stufe ${r.int(1, 4)}`, ` an den ${r.pick(['Grundschulen', 'Berufskollegs', 'Gymnasien', 'Förderschulen', 'weiterführenden Schulen'])}`, '', ` ${r.int(2025, 2030)}`]);

interface Handlungsfeld {
  theme: Theme;
  ziele: string[];
  verantwortlich: string[];
}

/** The body of one Maßnahme: an introduction, three or four sections, about `target` words. */
function massnahmeBody(r: Random, hf: Handlungsfeld, ctx: KennzahlContext, beteiligte: string[], target: number): string {
  const headings = r.sample(HEADINGS, r.int(3, 4)).sort((a, b) => HEADINGS.indexOf(a) - HEADINGS.indexOf(b));
  const sections = headings.map((h) => ({ heading: h, blocks: [paragraph(r, hf.theme)] }));
  const extra = r.pick(sections);
  if (r.chance(0.4)) extra.blocks.push(list(r, hf.theme));
  else if (r.chance(0.4)) extra.blocks.push(table(r, beteiligte));
  if (r.chance(0.4)) {
    const s = r.pick(sections);
    s.blocks[0] = `${s.blocks[0]} ${kennzahlSentence(r, ctx)}`;
  }
  if (r.chance(0.2)) r.pick(sections).heading += ` {#${slug(r.pick(headings))}-${r.int(1, 9)}}`;
  const intro = [paragraph(r, hf.theme)];
  const render = () => [intro.join('\n\n'), ...sections.map((s) => `## ${s.heading}\n\n${s.blocks.join('\n\n')}`)].join('\n\n');
  while (wordCount(render()) < target) r.pick(sections).blocks.push(paragraph(r, hf.theme));
  return render();
}

function massnahmeFrontmatter(r: Random, code: string, hf: Handlungsfeld, actorIds: string[], rat: string) {
  const verantwortlich = r.sample(actorIds, r.int(1, 2));
  const partner = r.sample(actorIds.filter((a) => !verantwortlich.includes(a)), r.int(0, 3));
  const von = r.int(2024, 2029);
  const status = r.weighted(STATUS);
  const fm: Record<string, unknown> = {
    id: code,
    titel: `${r.pick(hf.theme.stichworte)}${titleSuffix(r)}`,
    handlungsfeld: hf.theme.id,
    ziele: r.sample(hf.ziele, r.int(1, 2)),
  };
  if (r.chance(0.6)) fm.bildungsbereich = r.pick(BILDUNGSBEREICHE).id;
  Object.assign(fm, { verantwortlich, partner, zeitraum: r.chance(0.8) ? { von, bis: von + r.int(0, 3) } : { von }, status, prioritaet: r.pick(['hoch', 'mittel', 'niedrig']) });
  if (r.chance(0.6)) fm.kosten = { betrag: r.int(5, 900) * 1000, art: r.pick(['investiv', 'konsumtiv', 'gemischt']) };
  if (r.chance(0.3)) fm.beschluss = { nummer: `V/${von - 1}/${pad(r.int(1, 999), 4)}`, gremium: rat, datum: date(r, von - 1, von - 1) };
  if (r.chance(0.2)) fm.statusverlauf = [{ datum: date(r, 2024, 2024), status: 'geplant' }, { datum: date(r, 2025, 2025), status }];
  return fm;
}

// ---------------------------------------------------------------------------

const CHAPTERS = [
  ['vorwort', 'Vorwort'],
  ['praeambel', 'Präambel'],
  ['ausgangslage', 'Ausgangslage'],
  ['fortschreibungsprozess', 'Der Fortschreibungsprozess'],
  ['ausblick', 'Ausblick'],
] as const;

/** Writes a complete plan to `<root>/content` (replacing what is there) and describes it. */
export function generatePlan(root: string, options: GenerateOptions): GeneratedPlan {
  const n = options.massnahmen;
  const seed = options.seed ?? 1;
  const form = options.form ?? 'voll';
  const kreis = options.kreis ?? form !== 'voll';
  const o = ort(options.kommune ?? 'Stadt Benchhausen', form, options.website);
  // Every shape draws the same random numbers as `voll` (the shapes only leave files out or write
  // them differently), so that `voll` stays what it was; what only a shape has draws from its own stream.
  const r = createRandom(hash(`planwerk-bench:${seed}:${n}`));
  const { schulen: schulCount, akteure: actorCount } = planCounts(n);
  const content = resolve(root, 'content');
  rmSync(content, { recursive: true, force: true });
  const put = (file: string, text: string) => writeFile(join(content, file), text);
  const mitSchulen = form === 'voll' || form === 'erhebungen';
  const mitDaten = form !== 'minimal';

  // Actors, schools and data
  const ersetzt = kreis ? kreisakteure(options.schulaufsicht ?? (form === 'voll' || form === 'erhebungen' ? 'untere-schulaufsicht' : 'schulamt'), options.kennungen ?? false) : {};
  const actors = makeActors(actorCount).map((a) => ersetzt[a.id] ?? a);
  const actorIds = actors.map((a) => a.id);
  const kreisIds = new Set(Object.values(ersetzt).map((a) => a.id));
  const kreisakteureListe: Kreisakteur[] = actors
    .filter((a) => kreisIds.has(a.id))
    .map((a) => ({ id: a.id, name: a.name, auchBekanntAls: a.auchBekanntAls ?? [], ...(a.kennung ? { kennung: a.kennung } : {}) }));
  put('akteure.yaml', `# Erzeugte Akteure (Startwert ${seed}).\n${yaml(akteureYaml(r, actors))}`);
  const formate = yaml(formateYaml(r, actors));
  if (mitDaten) {
    put('formate.yaml', formate);
    put('schulformen.yaml', yaml(SCHULFORMEN.map((f, i) => ({ id: f.id, name: f.name, kurzname: f.kurzname, reihenfolge: i + 1 }))));
    put('bildungsbereiche.yaml', yaml(BILDUNGSBEREICHE));
  }
  const schulenText = schulenCsv(r, schulCount, o.domain);
  const inventar = inventarCsv(r, schulCount);
  const laufendeKosten = laufendeKostenCsv(r, schulCount);
  const finanzierung = finanzierungCsv(r, schulCount);
  const erhebungen: string[] = [];
  const finanztabellen: string[] = [];
  if (form === 'voll') put('daten/schulen.csv', schulenText);
  if (form === 'erhebungen') erhebungen.push(...schreibeErhebungen(put, schulenText, createRandom(hash(`planwerk-bench:${seed}:${n}:erhebungen`)), createRandom(hash(`planwerk-bench:${seed}:${n}:stufen`))));
  if (mitSchulen) {
    put('daten/inventar.csv', inventar);
    put('daten/laufende-kosten.csv', laufendeKosten);
    put('daten/finanzierung.csv', finanzierung);
    put('daten/datensaetze.yaml', yaml(DATENSAETZE));
  }
  if (form === 'finanztabellen') {
    finanztabellen.push(...schreibeFinanztabellen(put, o, schulCount, createRandom(hash(`planwerk-bench:${seed}:${n}:finanztabellen`))));
    put('daten/datensaetze.yaml', yaml(DATENSAETZE.filter((d) => d.id === 'foerderprogramme' || d.id === 'indikatoren')));
  }
  const plan: Record<string, unknown> = planYaml(seed, o);
  if (!mitSchulen) delete plan.finanzplanung;
  put('plan.yaml', yaml(plan));
  if (mitDaten) {
    put('foerderprogramme.yaml', yaml(foerderprogrammeYaml(schulCount)));
    // without schools the Ausstattungsquote is not computed: its Messwerte stay, its Kennzahl goes
    put('indikatoren.yaml', yaml(mitSchulen ? INDIKATOREN : INDIKATOREN.map(({ kennzahl: _, ...i }: { kennzahl?: string }) => i)));
    put('glossar.yaml', yaml(GLOSSAR.map(([id, begriff, definition, siehe]) => ({ id, begriff, definition, ...(siehe.length ? { siehe } : {}) }))));
  }

  // Handlungsfelder: 6–10, more when needed so that no field exceeds 999 Maßnahmen codes
  const hfCount = Math.min(THEMES.length, Math.max(r.int(6, 10), Math.ceil(n / 900)));
  const themes = r.sample(THEMES, hfCount).sort((a, b) => THEMES.indexOf(a) - THEMES.indexOf(b));
  const felder: Handlungsfeld[] = themes.map((theme) => ({
    theme,
    ziele: theme.ziele.map((_, i) => `${theme.kuerzel.toLowerCase()}-z${i + 1}`),
    verantwortlich: r.sample(actorIds, r.int(1, 3)),
  }));
  const presentForms = [...new Set(schulenText.split('\n').slice(1, -1).map((line) => line.split(';')[2]!))];
  const ctxFor = (hf: Handlungsfeld): KennzahlContext => ({
    handlungsfeld: hf.theme.id,
    schulformen: SCHULFORMEN.filter((f) => presentForms.includes(f.id)),
    jahre: jahre(),
    foerderprogramme: FOERDERPROGRAMME.map((p) => p.id),
    ...(mitSchulen ? {} : { nurMassnahmen: true }),
    ...(erhebungen.length > 1 ? { erhebung: erhebungen.at(-1) } : {}),
  });
  const indikatorFor: Record<string, string> = { infrastruktur: 'ausstattungsquote', betrieb: 'ticket-loesungszeit', fortbildung: 'fortbildung' };
  felder.forEach((hf, i) => {
    const fm = {
      titel: hf.theme.titel,
      kurzbeschreibung: hf.theme.kurzbeschreibung,
      reihenfolge: i + 1,
      kuerzel: hf.theme.kuerzel,
      art: hf.theme.art,
      ziele: hf.theme.ziele.map((text, k) => ({ id: hf.ziele[k], text, ...(k === 0 && indikatorFor[hf.theme.id] && mitDaten ? { indikator: indikatorFor[hf.theme.id] } : {}) })),
      verantwortlich: hf.verantwortlich,
    };
    const body = [`## Stand {#stand}`, `${paragraph(r, hf.theme)} ${kennzahlSentence(r, ctxFor(hf))}`, '## Schwerpunkte', paragraph(r, hf.theme), paragraph(r, hf.theme)].join('\n\n');
    put(`handlungsfelder/${hf.theme.id}.mdx`, mdx(fm, body));
  });

  // Maßnahmen, spread over the fields with uneven weights
  const weights = felder.map(() => 0.6 + r.next());
  const used = felder.map(() => 0);
  const massnahmen: GeneratedPlan['massnahmen'] = [];
  let kreisfachtag: GeneratedPlan['kreisfachtag'];
  for (let i = 0; i < n; i += 1) {
    let f = r.weighted(felder.map((_, k) => [k, weights[k]!] as const));
    while (used[f]! >= 999) f = (f + 1) % felder.length;
    used[f]! += 1;
    const hf = felder[f]!;
    const code = `${hf.theme.kuerzel}-${pad(used[f]!)}`;
    const mr = createRandom(hash(`${seed}:massnahme:${i}`));
    const fm = massnahmeFrontmatter(mr, code, hf, actorIds, o.rat);
    if (!mitDaten) delete fm.bildungsbereich;
    if (kreis && i === 0) {
      fm.titel = `${KREISFACHTAG} Medienbildung – ${o.kommune}`;
      kreisfachtag = { id: code, titel: fm.titel as string };
    }
    const beteiligte = [...(fm.verantwortlich as string[]), ...(fm.partner as string[])].map((id) => actors.find((a) => a.id === id)!.name);
    const file = `massnahmen/${code.toLowerCase()}.mdx`;
    put(file, mdx(fm, massnahmeBody(mr, hf, ctxFor(hf), beteiligte, mr.int(560, 640))));
    massnahmen.push({ id: code, file, handlungsfeld: hf.theme.id });
  }

  // Chapters and milestones
  CHAPTERS.forEach(([id, titel], i) => {
    const theme = r.pick(themes);
    const hf = felder.find((h) => h.theme === theme)!;
    const body = [paragraph(r, theme), `## Überblick`, `${paragraph(r, theme)} ${kennzahlSentence(r, ctxFor(hf))} ${kennzahlSentence(r, ctxFor(hf))}`, '## Einordnung', paragraph(r, theme)].join('\n\n');
    // a plan needs at least one chapter (content/kapitel/); the minimal one has only the first
    if (mitDaten || i === 0) put(`kapitel/${id}.mdx`, mdx({ titel, reihenfolge: i + 1, beschreibung: `${titel} des erzeugten Plans.` }, body));
  });
  const meilensteine = r.sample(massnahmen, Math.min(8, n)).map((m, i) => ({
    id: `meilenstein-${i + 1}`,
    datum: date(r, 2019, 2026).replace(/^2026-(1[0-2])/, '2026-09'),
    titel: `Etappe ${i + 1} erreicht`,
    text: 'Ein wichtiger Schritt der Umsetzung ist abgeschlossen.',
    link: `/massnahmen/${m.id.toLowerCase()}/`,
    massnahme: m.id,
  }));
  if (mitDaten) put('meilensteine.yaml', yaml(meilensteine.sort((a, b) => a.datum.localeCompare(b.datum))));

  return {
    contentDir: content,
    form,
    kommune: o.kommune,
    counts: { massnahmen: n, schulen: mitSchulen ? schulCount : 0, akteure: actorCount, handlungsfelder: felder.length },
    massnahmen,
    ...(kreisfachtag ? { kreisfachtag } : {}),
    kreisakteure: kreisakteureListe,
    erhebungen,
    finanztabellen,
  };
}

if (import.meta.main) {
  const [n = '100', seed = '1', folder = `.tmp/bench/plan-${n}`, form = 'voll', kommune] = process.argv.slice(2);
  if (!(PLANFORMEN as readonly string[]).includes(form)) throw new Error(`Unbekannte Form „${form}“: ${PLANFORMEN.join(', ')}`);
  const plan = generatePlan(folder, { massnahmen: Number(n), seed: Number(seed), form: form as Planform, ...(kommune ? { kommune } : {}) });
  console.log(`${plan.contentDir}: ${JSON.stringify(plan.counts)}`);
}
