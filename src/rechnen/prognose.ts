/**
 * Finance forecast over the plan's Planungshorizont, computed in whole cents.
 *
 * Rules (stated once here and on the Finanzen page):
 * - Replacement: an inventory line is bought again when its Nutzungsdauer ends, at
 *   Anzahl × Stückpreis, and again after every further cycle. A line with an
 *   `ersatzjahr` is first replaced in that year, then every Nutzungsdauer years.
 * - Prices change by `finanzplanung.preisaenderung` percent a year, compounded from the
 *   Preisbasisjahr; each line's amount is rounded to whole cents once per year.
 * - Running costs (Personal, Dienstleistungen, Lizenzen, Betrieb) come from the data as
 *   they are. Cost types: Investition = replacements; Personal = Personal; Betrieb =
 *   Dienstleistungen + Lizenzen + Betrieb.
 * - Shares are rounded to one decimal by the largest-remainder method, so they add up
 *   to exactly 100 %.
 * - A peak year is a year whose need exceeds the horizon's mean by more than
 *   `finanzplanung.spitzenjahrSchwelle` percent.
 */
import { vergleicheDaten } from '../plan/datum.ts';
import type { PlanModel } from '../plan/model.ts';
import { staendeDerRunde } from './erhebungen.ts';
import { summe } from './ausstattung.ts';
import type { Data } from '../plan/schemas/index.ts';
import { KOSTENARTEN, FOERDERSTATUS, type SUMMEN_TABELLEN } from '../plan/schemas/index.ts';

export type Cents = number;
export const KOSTENTYPEN = ['Investition', 'Betrieb', 'Personal'] as const;
export type Kostentyp = (typeof KOSTENTYPEN)[number];
type Kostenart = (typeof KOSTENARTEN)[number];

export const typVonKostenart: Record<Kostenart, Kostentyp> = {
  Personal: 'Personal',
  Dienstleistungen: 'Betrieb',
  Lizenzen: 'Betrieb',
  Betrieb: 'Betrieb',
};

export interface Ersatzkauf {
  inventar: string;
  produktgruppe: string;
  jahr: number;
  anzahl: number;
  betrag: Cents;
}

type InventarZeile = Pick<Data<'inventar'>, 'produktgruppe' | 'anzahl' | 'stueckpreis' | 'nutzungsdauer' | 'beschaffungsjahr' | 'ersatzjahr'>;

/** The year a line is first bought again: its `ersatzjahr`, else Beschaffungsjahr + Nutzungsdauer. */
export function erstesErsatzjahr(zeile: Pick<InventarZeile, 'nutzungsdauer' | 'beschaffungsjahr' | 'ersatzjahr'>): number {
  return zeile.ersatzjahr ?? zeile.beschaffungsjahr + zeile.nutzungsdauer;
}

/**
 * Whether a line's first replacement lies implausibly far from the horizon [von, bis]: more
 * than one Nutzungsdauer after its end (the devices would be bought only after the horizon)
 * or more than one Nutzungsdauer before its start (a whole cycle overdue). Such a year is
 * almost always a typo (2062 for 2026, 1992 for 2022), and it silently moves or drops the
 * line's replacements.
 */
export function ersatzjahrAusserhalb(zeile: Pick<InventarZeile, 'nutzungsdauer' | 'beschaffungsjahr' | 'ersatzjahr'>, von: number, bis: number): 'danach' | 'davor' | undefined {
  const erstes = erstesErsatzjahr(zeile);
  if (erstes > bis + zeile.nutzungsdauer) return 'danach';
  if (erstes < von - zeile.nutzungsdauer) return 'davor';
  return undefined;
}

/** Years in [von, bis] in which a line is bought again. */
export function ersatzjahre(zeile: Pick<InventarZeile, 'nutzungsdauer' | 'beschaffungsjahr' | 'ersatzjahr'>, von: number, bis: number): number[] {
  const years: number[] = [];
  for (let jahr = erstesErsatzjahr(zeile); jahr <= bis; jahr += zeile.nutzungsdauer) {
    if (jahr >= von) years.push(jahr);
  }
  return years;
}

/** Price of `anzahl × stueckpreis` (in cents) in `jahr`, changed by `rate` percent a year since `basisjahr`, in cents. */
export function preis(anzahl: number, stueckpreis: Cents, jahr: number, basisjahr: number, rate: number): Cents {
  return Math.round(anzahl * stueckpreis * (1 + rate / 100) ** (jahr - basisjahr));
}

export function ersatzkaeufe(inventar: { id: string; data: InventarZeile }[], von: number, bis: number, basisjahr: number, rate: number): Ersatzkauf[] {
  return inventar.flatMap(({ id, data }) =>
    ersatzjahre(data, von, bis).map((jahr) => ({
      inventar: id,
      produktgruppe: data.produktgruppe,
      jahr,
      anzahl: data.anzahl,
      betrag: preis(data.anzahl, data.stueckpreis, jahr, basisjahr, rate),
    })),
  );
}

/**
 * Rounds shares of `values` to `digits` decimals so that they add up to exactly 100
 * (largest-remainder method; ties go to the earlier item).
 */
export function anteile(values: number[], digits = 1): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  if (total <= 0) return values.map(() => 0);
  const unit = 10 ** digits;
  const exact = values.map((v) => (v / total) * 100 * unit);
  const floors = exact.map(Math.floor);
  let rest = 100 * unit - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((v, i) => ({ i, r: v - floors[i]! })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    floors[i]! += 1;
    rest -= 1;
  }
  return floors.map((f) => f / unit);
}

export interface Jahr {
  jahr: number;
  investition: Cents;
  nachProduktgruppe: Record<string, Cents>;
  nachKostenart: Record<Kostenart, Cents>;
  nachTyp: Record<Kostentyp, Cents>;
  bedarf: Cents;
  finanzierung: Cents;
  /** Funding per source: "Haushalt Investition", "Haushalt Betrieb" or a Förderprogramm id. */
  nachQuelle: Record<string, Cents>;
  /** Need covered by the year's funds (and, with `uebertrag`, by funds carried over from earlier years). */
  gedeckt: Cents;
  /** Need left uncovered in the year. */
  luecke: Cents;
  /** Funds of the year beyond its need. */
  ueberschuss: Cents;
  /** Funds carried into the year from earlier years' surpluses (only where the plan allows it). */
  vortrag: Cents;
  /** Share of the year's funding that comes from the city's own budget, in percent. */
  eigenanteil: number | undefined;
  /** Need per pupil (pupil count of the schools dataset), in cents. */
  jeSchueler: Cents | undefined;
  /** Plan or Ist: all values that went into the year. */
  wertarten: ('Plan' | 'Ist')[];
  /** Sources named by the running-cost and funding rows of the year. */
  quellen: { kosten: string[]; finanzierung: string[] };
  spitzenjahr: boolean;
}

export interface Programmstand {
  id: string;
  name: string;
  /** Undefined where the plan names the programme without an allocation. */
  zuweisung: Cents | undefined;
  /** Latest amount per draw-down step, with its Stand; the share of the allocation where there is one. */
  stufen: { status: (typeof FOERDERSTATUS)[number]; betrag: Cents; stand: string; anteil: number | undefined }[];
  /** Amount planned in the funding table over the horizon. */
  eingeplant: Cents;
}

export interface Prognose {
  von: number;
  bis: number;
  preisaenderung: number;
  preisbasisjahr: number;
  spitzenjahrSchwelle: number;
  /** As plan.yaml says (finanzplanung.uebertrag); undefined where the plan is silent, and then no year's surplus covers another year. */
  uebertrag: boolean | undefined;
  jahre: Jahr[];
  ersatzkaeufe: Ersatzkauf[];
  produktgruppen: { name: string; summe: Cents; anteil: number }[];
  quellen: { id: string; titel: string; summe: Cents }[];
  summe: {
    bedarf: Cents;
    investition: Cents;
    nachTyp: Record<Kostentyp, Cents>;
    nachKostenart: Record<Kostenart, Cents>;
    finanzierung: Cents;
    luecke: Cents;
    /** Sum of the years' surpluses (before any carry-over). */
    ueberschuss: Cents;
    eigenanteil: number | undefined;
  };
  mittelwert: Cents;
  spitzenjahre: number[];
  /** Need over the horizon per unit in the inventory and year (total cost of ownership), in cents. */
  jeGeraetUndJahr: Cents | undefined;
  programme: Programmstand[];
}

const HAUSHALT = ['Haushalt Investition', 'Haushalt Betrieb'];

/** The finance forecast over the plan's horizon: replacement purchases, running costs and funding per year, and their totals. */
export function prognose(model: PlanModel): Prognose {
  // A plan without finance data may have no horizon yet (validate.ts requires one as soon as it
  // has such data): then the forecast has no years.
  const { von, bis } = model.plan.planungshorizont ?? { von: 0, bis: -1 };
  const fp = model.plan.finanzplanung;
  const preisbasisjahr = fp.preisbasisjahr ?? von;
  const kaeufe = ersatzkaeufe(model.inventar, von, bis, preisbasisjahr, fp.preisaenderung);
  const gruppen = [...new Set(model.inventar.map((i) => i.data.produktgruppe))];
  const quellen = [...new Set(model.finanzierung.map((f) => f.data.foerderprogramm?.id ?? f.data.art))];
  // Pupils of the latest survey round: the forecast is for the schools as they are now.
  const schueler = summe(staendeDerRunde(model), 'schuelerzahl') ?? 0;
  const jahre: Jahr[] = [];
  for (let jahr = von; jahr <= bis; jahr++) jahre.push(jahrDerPrognose(model, jahr, kaeufe, gruppen, quellen, schueler));
  // Where the plan allows it, what a year does not need is carried forward and covers later
  // shortfalls first; never backwards.
  if (fp.uebertrag === true) trageVor(jahre);

  const bedarf = sum(jahre.map((j) => j.bedarf));
  const mittelwert = jahre.length > 0 ? Math.round(bedarf / jahre.length) : 0;
  const spitzenjahre = jahre.filter((j) => j.bedarf > mittelwert * (1 + fp.spitzenjahrSchwelle / 100)).map((j) => j.jahr);
  for (const j of jahre) j.spitzenjahr = spitzenjahre.includes(j.jahr);
  const gruppenSummen = gruppen.map((g) => sum(jahre.map((j) => j.nachProduktgruppe[g] ?? 0)));
  const gruppenAnteile = anteile(gruppenSummen);
  const geraete = model.inventar.reduce((n, i) => n + i.data.anzahl, 0);
  const titel = (id: string) => {
    const p = model.foerderprogramme.find((f) => f.id === id);
    return p ? (p.data.kurzname ?? p.data.name) : id;
  };
  return {
    von,
    bis,
    preisaenderung: fp.preisaenderung,
    preisbasisjahr,
    spitzenjahrSchwelle: fp.spitzenjahrSchwelle,
    uebertrag: fp.uebertrag,
    jahre,
    ersatzkaeufe: kaeufe,
    produktgruppen: gruppen
      .map((name, i) => ({ name, summe: gruppenSummen[i]!, anteil: gruppenAnteile[i]! }))
      .sort((a, b) => b.summe - a.summe || a.name.localeCompare(b.name, 'de')),
    quellen: quellen.map((id) => ({ id, titel: titel(id), summe: sum(jahre.map((j) => j.nachQuelle[id] ?? 0)) })),
    summe: summeDerJahre(jahre),
    mittelwert,
    spitzenjahre,
    jeGeraetUndJahr: geraete > 0 && jahre.length > 0 ? Math.round(bedarf / (geraete * jahre.length)) : undefined,
    programme: model.foerderprogramme.map((p) => programmstand(p, sum(jahre.map((j) => j.nachQuelle[p.id] ?? 0)))),
  };
}

/** One year of the forecast: its purchases, running costs and funding, by group, kind and source. */
function jahrDerPrognose(model: PlanModel, jahr: number, kaeufe: Ersatzkauf[], gruppen: string[], quellen: string[], schueler: number): Jahr {
  const imJahr = kaeufe.filter((k) => k.jahr === jahr);
  const nachProduktgruppe = Object.fromEntries(gruppen.map((g) => [g, sum(imJahr.filter((k) => k.produktgruppe === g).map((k) => k.betrag))]));
  const kosten = model.laufendeKosten.filter((k) => k.data.jahr === jahr);
  const nachKostenart = Object.fromEntries(KOSTENARTEN.map((a) => [a, sum(kosten.filter((k) => k.data.kostenart === a).map((k) => k.data.betrag))])) as Record<Kostenart, Cents>;
  const investition = sum(imJahr.map((k) => k.betrag));
  const nachTyp = { Investition: investition, Betrieb: 0, Personal: 0 } as Record<Kostentyp, Cents>;
  for (const a of KOSTENARTEN) nachTyp[typVonKostenart[a]] += nachKostenart[a];
  const bedarf = sum(Object.values(nachTyp));
  const mittel = model.finanzierung.filter((f) => f.data.jahr === jahr);
  const nachQuelle = Object.fromEntries(quellen.map((q) => [q, sum(mittel.filter((f) => (f.data.foerderprogramm?.id ?? f.data.art) === q).map((f) => f.data.betrag))]));
  const finanzierung = sum(Object.values(nachQuelle));
  const haushalt = sum(HAUSHALT.map((q) => nachQuelle[q] ?? 0));
  // The replacement forecast is a Plan value; running costs and funding carry their own.
  const wertarten = [...new Set([...(investition > 0 ? ['Plan' as const] : []), ...kosten.map((k) => k.data.wertart), ...mittel.map((m) => m.data.wertart)])].sort();
  return {
    jahr,
    investition,
    nachProduktgruppe,
    nachKostenart,
    nachTyp,
    bedarf,
    finanzierung,
    nachQuelle,
    gedeckt: Math.min(bedarf, finanzierung),
    luecke: Math.max(bedarf - finanzierung, 0),
    ueberschuss: Math.max(finanzierung - bedarf, 0),
    vortrag: 0,
    eigenanteil: finanzierung > 0 ? (haushalt / finanzierung) * 100 : undefined,
    jeSchueler: schueler > 0 ? Math.round(bedarf / schueler) : undefined,
    wertarten,
    quellen: { kosten: distinct(kosten.map((k) => k.data.quelle)), finanzierung: distinct(mittel.map((m) => m.data.quelle)) },
    spitzenjahr: false,
  };
}

/** Carries what a year does not need forward, to cover later shortfalls first (never backwards). */
function trageVor(jahre: Jahr[]): void {
  let saldo = 0;
  for (const j of jahre) {
    j.vortrag = saldo;
    const verfuegbar = j.finanzierung + saldo;
    j.gedeckt = Math.min(j.bedarf, verfuegbar);
    j.luecke = Math.max(j.bedarf - verfuegbar, 0);
    saldo = Math.max(verfuegbar - j.bedarf, 0);
  }
}

/** The totals over the horizon. */
function summeDerJahre(jahre: Jahr[]): Prognose['summe'] {
  const finanzierungSumme = sum(jahre.map((j) => j.finanzierung));
  const haushaltSumme = sum(jahre.map((j) => sum(HAUSHALT.map((q) => j.nachQuelle[q] ?? 0))));
  return {
    bedarf: sum(jahre.map((j) => j.bedarf)),
    investition: sum(jahre.map((j) => j.investition)),
    nachTyp: Object.fromEntries(KOSTENTYPEN.map((t) => [t, sum(jahre.map((j) => j.nachTyp[t]))])) as Record<Kostentyp, Cents>,
    nachKostenart: Object.fromEntries(KOSTENARTEN.map((a) => [a, sum(jahre.map((j) => j.nachKostenart[a]))])) as Record<Kostenart, Cents>,
    finanzierung: finanzierungSumme,
    luecke: sum(jahre.map((j) => j.luecke)),
    ueberschuss: sum(jahre.map((j) => j.ueberschuss)),
    eigenanteil: finanzierungSumme > 0 ? (haushaltSumme / finanzierungSumme) * 100 : undefined,
  };
}

function programmstand(p: { id: string; data: Data<'foerderprogramme'> }, eingeplant: Cents): Programmstand {
  const { zuweisung } = p.data;
  const stufen = FOERDERSTATUS.flatMap((status) => {
    const latest = p.data.abruf.filter((a) => a.status === status).sort((a, b) => vergleicheDaten(a.stand, b.stand)).at(-1);
    return latest ? [{ status, betrag: latest.betrag, stand: latest.stand, anteil: zuweisung ? (latest.betrag / zuweisung) * 100 : undefined }] : [];
  });
  return { id: p.id, name: p.data.name, zuweisung, stufen, eingeplant };
}

function distinct(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => Boolean(v)))];
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** The computed yearly sum that a stated sum refers to, in cents; undefined outside the horizon. */
export function berechneteSumme(p: Prognose, tabelle: (typeof SUMMEN_TABELLEN)[number], jahr: number): Cents | undefined {
  const j = p.jahre.find((x) => x.jahr === jahr);
  if (!j) return undefined;
  switch (tabelle) {
    case 'Bedarf':
      return j.bedarf;
    case 'Investitionen':
      return j.investition;
    case 'Laufende Kosten':
      return j.nachTyp.Betrieb + j.nachTyp.Personal;
    case 'Finanzierung':
      return j.finanzierung;
  }
}

/**
 * Compares a sum stated in a council document with the computed one. A difference up
 * to half the stated precision is rounding; anything more is returned.
 */
export function pruefeSumme(p: Prognose, angabe: Pick<Data<'summen'>, 'tabelle' | 'jahr' | 'angegeben' | 'genauigkeit'>): { berechnet: Cents | undefined } | undefined {
  const berechnet = berechneteSumme(p, angabe.tabelle, angabe.jahr);
  if (berechnet === undefined) return { berechnet };
  return Math.abs(angabe.angegeben - berechnet) * 2 > angabe.genauigkeit ? { berechnet } : undefined;
}

/** Purchase value of the inventory per line and in total (Anzahl × Stückpreis), in cents. */
export function inventarWerte(inventar: { id: string; data: Pick<Data<'inventar'>, 'anzahl' | 'stueckpreis'> }[]) {
  const zeilen = inventar.map((i) => ({ id: i.id, wert: i.data.anzahl * i.data.stueckpreis }));
  return { zeilen, gesamt: sum(zeilen.map((z) => z.wert)) };
}
