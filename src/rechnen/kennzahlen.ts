/**
 * Named figures that prose may cite (`<Kennzahl name="…" />`). Each is computed from
 * the data at build time, so text, tables and charts show the same number.
 */
import type { PlanModel } from '../plan/model.ts';
import { STATUS, type CollectionName } from '../plan/schemas/index.ts';
import { akteursgruppen, hatGruppen } from './akteure.ts';
import { sourcePath } from '../plan/sources.ts';
import { finanztabellenVon, mitEinheit, SUMMENZEILE, type Finanztabelle } from './finanztabellen.ts';
import { anteil, ausstattungsquote, schulenAmZiel, sum, summe, wlanAbdeckung, zielwert } from './ausstattung.ts';
import { geltung, messwerteSortiert, messzeit, zielBis, zielwertText } from './indikatoren.ts';
import { formatDatum } from '../plan/datum.ts';
import { erhebungsdaten, medienkonzeptLage, runde, staendeDerRunde, type Stand, type Zahlfeld } from './erhebungen.ts';
import { formatDate, formatEuro, formatEuroMillions, formatNumber, formatPercent } from '../plan/format.ts';
import { inventarWerte, prognose, type Prognose } from './prognose.ts';
import { jeModell } from '../plan/indexe.ts';

export type Einheit = 'Anzahl' | 'Prozent' | 'Prozentpunkte' | 'Euro' | 'Text';
export type Param = 'schulform' | 'schule' | 'erhebung' | 'seit' | 'status' | 'handlungsfeld' | 'ebene' | 'produktgruppe' | 'jahr' | 'foerderprogramm' | 'format' | 'tabelle' | 'zeile' | 'spalte' | 'indikator';
export type Params = Partial<Record<Param, string>>;

interface Definition {
  beschreibung: string;
  einheit: Einheit;
  params: Param[];
  /** Datasets (ids in datensaetze.yaml) whose Stand applies to this figure. */
  datensaetze?: string[];
  /** Collections the figure is computed from; without entries in any of them it cannot be cited. */
  braucht?: CollectionName[];
  compute(model: PlanModel, params: Params): number | string | undefined;
  /** The figure as text, where the unit's usual format does not fit (e.g. a table's own precision). */
  text?(model: PlanModel, params: Params, value: number): string;
  /** A school figure: computed from one survey round, `erhebung` names it and `seit` an earlier one to compare with. */
  runden?: boolean;
  /** Where the figure's value comes from, if not from a dataset (e.g. a published table). */
  quelle?(model: PlanModel, params: Params): string | undefined;
}

/** The answers of the round a figure names (`erhebung`, else the latest), for the Schulform or school named. */
function staende(model: PlanModel, p: Params): readonly Stand[] {
  return staendeDerRunde(model, p.erhebung).filter((s) => (!p.schulform || s.schulform === p.schulform) && (!p.schule || s.schule === p.schule));
}

function massnahmenFiltered(model: PlanModel, p: Params) {
  return model.massnahmen
    .filter((m) => !p.status || m.data.status === p.status)
    .filter((m) => !p.handlungsfeld || m.data.handlungsfelder.some((h) => h.id === p.handlungsfeld))
    .map((m) => m.data);
}

function inventarFiltered(model: PlanModel, p: Params) {
  return model.inventar.filter((i) => !p.produktgruppe || i.data.produktgruppe === p.produktgruppe);
}

/** School figures cite a survey round and may give the change since an earlier one. */
const schulParams: Param[] = ['schulform', 'schule', 'erhebung', 'seit'];
const schulformParams: Param[] = ['schulform', 'erhebung', 'seit'];
/** The round a school figure comes from, for its title: "Erhebung September 2026, Stichtag 15.09.2026". */
const rundenQuelle = (m: PlanModel, p: Params) => {
  const r = runde(m, p.erhebung);
  if (!r?.explizit) return undefined;
  const seit = p.seit ? runde(m, p.seit) : undefined;
  return `${r.titel}, Stichtag ${formatDate(r.stichtag)}${seit ? `; Veränderung seit ${seit.titel} (Stichtag ${formatDate(seit.stichtag)})` : ''}`;
};
const schulSum = (beschreibung: string, feld: Zahlfeld): Definition => ({
  beschreibung,
  einheit: 'Anzahl',
  params: schulParams,
  datensaetze: ['schulen'],
  runden: true,
  compute: (m, p) => summe(staende(m, p), feld),
});

const PLANKENNZAHLEN: Record<string, Definition> = {
  schulen: {
    beschreibung: 'Zahl der Schulen in Trägerschaft der Kommune',
    einheit: 'Anzahl',
    params: schulformParams,
    datensaetze: ['schulen'],
    runden: true,
    compute: (m, p) => staende(m, p).length,
  },
  schueler: schulSum('Schülerinnen und Schüler', 'schuelerzahl'),
  lehrkraefte: schulSum('Lehrkräfte', 'lehrkraefte'),
  'endgeraete-schueler': schulSum('Mobile Endgeräte für Schülerinnen und Schüler', 'endgeraete_schueler'),
  'endgeraete-lehrkraefte': schulSum('Dienstliche Endgeräte für Lehrkräfte', 'endgeraete_lehrkraefte'),
  praesentationsmedien: schulSum('Unterrichtsräume mit digitaler Präsentationstechnik', 'praesentationsmedien'),
  unterrichtsraeume: schulSum('Unterrichtsräume', 'unterrichtsraeume'),
  ausstattungsquote: {
    beschreibung: 'Mobile Schülerendgeräte je 100 Schülerinnen und Schüler',
    einheit: 'Prozent',
    params: schulParams,
    datensaetze: ['schulen'],
    runden: true,
    compute: (m, p) => ausstattungsquote(staende(m, p)),
  },
  'ausstattungsquote-ziel': {
    beschreibung: 'Zielwert der Ausstattungsquote',
    einheit: 'Prozent',
    params: ['schulform'],
    datensaetze: ['indikatoren'],
    compute: (m, p) => zielwert(m, p.schulform)?.wert,
    // As the plan states it: „mindestens 100 %“; for whom and by when in the title.
    text: (m, p, v) => zielwertText({ wert: v, vergleich: zielwert(m, p.schulform)?.vergleich }, (x) => formatPercent(x)),
    quelle: (m, p) => {
      const ziel = zielwert(m, p.schulform);
      if (!ziel) return undefined;
      const fuer = geltung(ziel, (id) => m.schulformen.find((s) => s.id === id)?.data.name ?? id);
      return `gilt für ${fuer ?? 'alle Schulen'}${zielBis(ziel)}`;
    },
  },
  'schulen-am-ziel': {
    beschreibung: 'Schulen, deren Ausstattungsquote den Zielwert ihrer Schulform erreicht',
    einheit: 'Anzahl',
    params: schulformParams,
    datensaetze: ['schulen'],
    runden: true,
    compute: (m, p) => schulenAmZiel(m, staende(m, p)),
  },
  'lehrkraefte-quote': {
    beschreibung: 'Dienstliche Endgeräte je 100 Lehrkräfte',
    einheit: 'Prozent',
    params: schulParams,
    datensaetze: ['schulen'],
    runden: true,
    compute: (m, p) => anteil(staende(m, p), 'endgeraete_lehrkraefte', 'lehrkraefte'),
  },
  praesentationsquote: {
    beschreibung: 'Anteil der Unterrichtsräume mit digitaler Präsentationstechnik',
    einheit: 'Prozent',
    params: schulParams,
    datensaetze: ['schulen'],
    runden: true,
    compute: (m, p) => anteil(staende(m, p), 'praesentationsmedien', 'unterrichtsraeume'),
  },
  'wlan-abdeckung': {
    beschreibung: 'WLAN-Abdeckung der Unterrichtsräume, gewichtet nach Zahl der Räume',
    einheit: 'Prozent',
    params: schulParams,
    datensaetze: ['schulen'],
    runden: true,
    compute: (m, p) => wlanAbdeckung(staende(m, p)),
  },
  'medienkonzepte-aktuell': {
    beschreibung: 'Schulen, deren Medienkonzept zum Stand des Plans aktuell ist (nächste Fortschreibung nicht überschritten, ohne Termin höchstens drei Jahre alt)',
    einheit: 'Anzahl',
    params: schulformParams,
    datensaetze: ['schulen'],
    runden: true,
    compute: (m, p) => {
      const r = runde(m, p.erhebung);
      if (!r || !r.gefragt.has('medienkonzept_stand')) return undefined;
      return staende(m, p).filter((s) => medienkonzeptLage(s, m.plan.stand) === 'aktuell').length;
    },
  },
  massnahmen: {
    beschreibung: 'Maßnahmen des Plans',
    einheit: 'Anzahl',
    params: ['status', 'handlungsfeld'],
    compute: (m, p) => massnahmenFiltered(m, p).length,
  },
  'massnahmen-kosten': {
    beschreibung: 'Summe der bezifferten Kosten der Maßnahmen',
    einheit: 'Euro',
    params: ['status', 'handlungsfeld'],
    compute: (m, p) => sum(massnahmenFiltered(m, p).map((x) => x.kosten?.betrag ?? 0)),
  },
  akteure: {
    beschreibung: 'Beteiligte Akteure',
    einheit: 'Anzahl',
    params: ['ebene'],
    compute: (m, p) => m.akteure.filter((a) => !p.ebene || a.data.ebene === p.ebene).length,
  },
  handlungsfelder: {
    beschreibung: 'Handlungsfelder und strategische Themen',
    einheit: 'Anzahl',
    params: [],
    compute: (m) => m.handlungsfelder.length,
  },
  'inventar-geraete': {
    beschreibung: 'Geräte und Komponenten im Bestand',
    einheit: 'Anzahl',
    params: ['produktgruppe'],
    datensaetze: ['inventar'],
    compute: (m, p) => sum(inventarFiltered(m, p).map((i) => i.data.anzahl)),
  },
  'inventar-wert': {
    beschreibung: 'Anschaffungswert des Bestands (Anzahl × Stückpreis)',
    einheit: 'Euro',
    params: ['produktgruppe'],
    datensaetze: ['inventar'],
    compute: (m, p) => inventarWerte(inventarFiltered(m, p)).gesamt,
  },
};

/** The forecast of a model, computed once per process (shared by the integration and the pages). */
export const prognoseVon = jeModell('prognose', prognose);

/** The forecast years a figure covers: the one named by `jahr`, else the whole horizon. */
const jahreVon = (m: PlanModel, p: Params) => {
  const { jahre } = prognoseVon(m);
  return p.jahr ? jahre.filter((j) => j.jahr === Number(p.jahr)) : jahre;
};
const jahrOderHorizont = (m: PlanModel, p: Params, pick: (j: Prognose['jahre'][number]) => number) => sum(jahreVon(m, p).map(pick));
const geldParams: Param[] = ['jahr', 'format'];
const geld = (beschreibung: string, pick: (j: Prognose['jahre'][number]) => number): Definition => ({
  beschreibung,
  einheit: 'Euro',
  params: geldParams,
  datensaetze: ['inventar', 'laufendeKosten', 'finanzierung'],
  compute: (m, p) => jahrOderHorizont(m, p, pick),
});
const programm = (m: PlanModel, p: Params) => prognoseVon(m).programme.find((x) => x.id === p.foerderprogramm) ?? prognoseVon(m).programme[0];
const stufe = (m: PlanModel, p: Params, status: string) => programm(m, p)?.stufen.find((s) => s.status === status);

const FINANZKENNZAHLEN: Record<string, Definition> = {
  planungshorizont: {
    beschreibung: 'Planungshorizont der Finanzprognose',
    einheit: 'Text',
    params: [],
    compute: (m) => (m.plan.planungshorizont ? `${m.plan.planungshorizont.von}–${m.plan.planungshorizont.bis}` : undefined),
  },
  bedarf: geld('Finanzbedarf (Ersatzbeschaffungen und laufende Kosten)', (j) => j.bedarf),
  investitionen: geld('Investitionsbedarf für Ersatzbeschaffungen', (j) => j.investition),
  'laufende-kosten': geld('Laufende Kosten (Personal, Dienstleistungen, Lizenzen, Betrieb)', (j) => j.nachTyp.Betrieb + j.nachTyp.Personal),
  finanzierung: geld('Eingeplante Finanzierung (Haushalt und Förderprogramme)', (j) => j.finanzierung),
  finanzierungsluecke: geld('Finanzierungslücke (Bedarf, der nicht durch eingeplante Mittel gedeckt ist)', (j) => j.luecke),
  eigenanteil: {
    beschreibung: 'Anteil städtischer Haushaltsmittel an der Finanzierung',
    einheit: 'Prozent',
    params: ['jahr'],
    datensaetze: ['finanzierung'],
    compute: (m, p) => (p.jahr ? prognoseVon(m).jahre.find((j) => j.jahr === Number(p.jahr))?.eigenanteil : prognoseVon(m).summe.eigenanteil),
  },
  'anteil-produktgruppe': {
    beschreibung: 'Anteil einer Produktgruppe am Investitionsbedarf des Planungshorizonts',
    einheit: 'Prozent',
    params: ['produktgruppe'],
    datensaetze: ['inventar'],
    compute: (m, p) => prognoseVon(m).produktgruppen.find((g) => g.name === (p.produktgruppe ?? prognoseVon(m).produktgruppen[0]?.name))?.anteil,
  },
  spitzenjahre: {
    beschreibung: 'Jahre, deren Finanzbedarf deutlich über dem Mittel liegt',
    einheit: 'Text',
    params: [],
    datensaetze: ['inventar'],
    compute: (m) => aufzaehlung(prognoseVon(m).spitzenjahre.map(String)) || 'keine',
  },
  'kosten-je-schueler': {
    beschreibung: 'Finanzbedarf je Schülerin und Schüler und Jahr',
    einheit: 'Euro',
    params: ['jahr'],
    datensaetze: ['schulen'],
    compute: (m, p) => {
      const jahre = jahreVon(m, p);
      const schueler = summe(staendeDerRunde(m), 'schuelerzahl');
      return jahre.length && schueler ? Math.round(sum(jahre.map((j) => j.bedarf)) / (schueler * jahre.length)) : undefined;
    },
  },
  'kosten-je-geraet': {
    beschreibung: 'Finanzbedarf je Gerät oder Komponente im Bestand und Jahr (Gesamtkosten des Betriebs)',
    einheit: 'Euro',
    params: [],
    datensaetze: ['inventar'],
    compute: (m) => {
      const v = prognoseVon(m).jeGeraetUndJahr;
      return v === undefined ? undefined : Math.round(v);
    },
  },
  'foerderung-zuweisung': {
    beschreibung: 'Zugewiesene Fördermittel eines Programms',
    einheit: 'Euro',
    params: ['foerderprogramm', 'format'],
    datensaetze: ['foerderprogramme'],
    compute: (m, p) => programm(m, p)?.zuweisung,
  },
  'foerderung-ausgezahlt': {
    beschreibung: 'Ausgezahlte Fördermittel eines Programms',
    einheit: 'Euro',
    params: ['foerderprogramm', 'format'],
    datensaetze: ['foerderprogramme'],
    compute: (m, p) => stufe(m, p, 'ausgezahlt')?.betrag ?? 0,
  },
  'foerderung-beantragt-anteil': {
    beschreibung: 'Anteil der Zuweisung, der beantragt ist',
    einheit: 'Prozent',
    params: ['foerderprogramm'],
    datensaetze: ['foerderprogramme'],
    compute: (m, p) => (programm(m, p)?.zuweisung ? (stufe(m, p, 'beantragt')?.anteil ?? 0) : undefined),
  },
  'foerderung-ausgezahlt-anteil': {
    beschreibung: 'Anteil der Zuweisung, der ausgezahlt ist',
    einheit: 'Prozent',
    params: ['foerderprogramm'],
    datensaetze: ['foerderprogramme'],
    compute: (m, p) => (programm(m, p)?.zuweisung ? (stufe(m, p, 'ausgezahlt')?.anteil ?? 0) : undefined),
  },
};

/** The published table and column a figure cites, or a KennzahlError that says what exists. */
function tabellenspalte(m: PlanModel, p: Params): { t: Finanztabelle; spalte: string } {
  const t = finanztabellenVon(m).tabellen.find((x) => x.id === p.tabelle);
  if (!t) throw new KennzahlError('unbekannte Tabelle', 'tabelle="…" mit der ID einer Tabelle aus finanzen.yaml', `„${p.tabelle ?? ''}“`);
  const summen = t.meta.spalten.filter((s) => s.art === 'summe');
  const spalte = p.spalte ?? (t.meta.spalten.length === 1 ? t.meta.spalten[0]!.id : summen.length === 1 ? summen[0]!.id : undefined);
  if (!spalte || !t.meta.spalten.some((s) => s.id === spalte)) {
    throw new KennzahlError('unbekannte Spalte', `spalte="…" mit einer Spalte der Tabelle „${t.id}“: ${t.meta.spalten.map((s) => `„${s.id}“`).join(', ')}`, `„${p.spalte ?? ''}“`);
  }
  return { t, spalte };
}

/**
 * The cell a figure cites, as the table states it: a blank cell, or a Summe row the plan does not
 * have, is an error, never a sum made up here (that is the computed figure `spaltensumme`).
 */
function tabellenzelle(m: PlanModel, p: Params): { t: Finanztabelle; wert: number } {
  const { t, spalte } = tabellenspalte(m, p);
  const zeile = p.zeile ?? 'Summe';
  const summenzeile = SUMMENZEILE.test(zeile);
  const z = summenzeile ? t.summenzeile : t.zeilen.find((x) => x.beschriftung === zeile);
  const wert = z?.werte[spalte];
  if (wert === undefined) {
    const mitWert = [...t.zeilen, ...(t.summenzeile ? [t.summenzeile] : [])].filter((x) => x.werte[spalte] !== undefined).map((x) => `„${x.beschriftung}“`);
    throw new KennzahlError(
      'keine solche Zelle',
      `zeile="…" mit einer Zeile der Tabelle „${t.id}“, die in Spalte „${spalte}“ einen Wert hat: ${mitWert.join(', ')}`,
      z
        ? `„${zeile}“, deren Zelle in Spalte „${spalte}“ leer ist`
        : summenzeile
          ? `„${zeile}“, aber die Tabelle nennt keine Summenzeile (die von Planwerk berechnete Summe der Spalte zitiert <Kennzahl name="spaltensumme" …/>)`
          : `„${zeile}“`,
    );
  }
  return { t, wert };
}

/** The latest value an indicator's plan states itself (without Schulform, or for the one given). */
function angegebenerWert(m: PlanModel, p: Params) {
  const i = m.indikatoren.find((x) => x.id === p.indikator) ?? m.indikatoren[0];
  const werte = messwerteSortiert((i?.data.messwerte ?? []).filter((w) => (p.schulform ? w.schulform?.id === p.schulform : !w.schulform)));
  return i && werte.length ? { i, w: werte.at(-1)! } : undefined;
}

const TABELLENKENNZAHLEN: Record<string, Definition> = {
  tabellenwert: {
    beschreibung: 'Wert aus einer veröffentlichten Finanztabelle des Plans',
    einheit: 'Euro',
    params: ['tabelle', 'zeile', 'spalte'],
    braucht: ['finanzbereiche'],
    compute: (m, p) => tabellenzelle(m, p).wert,
    text: (m, p, v) => mitEinheit(tabellenzelle(m, p).t, v),
    quelle: (m, p) => {
      const { t } = tabellenzelle(m, p);
      return `${t.meta.titel}; Quelle: ${t.meta.quelle}${t.meta.stand ? `, Stand ${formatDatum(t.meta.stand)}` : ''}`;
    },
  },
  spaltensumme: {
    beschreibung: 'Summe einer Spalte einer veröffentlichten Finanztabelle über alle Zeilen, von Planwerk berechnet (keine Angabe des Plans)',
    einheit: 'Euro',
    params: ['tabelle', 'spalte'],
    braucht: ['finanzbereiche'],
    compute: (m, p) => {
      const { t, spalte } = tabellenspalte(m, p);
      // A blank cell is not a 0: a column with one has no sum that could be said without it.
      const leer = t.zeilen.filter((z) => z.werte[spalte] === undefined).map((z) => `„${z.beschriftung}“`);
      if (leer.length > 0) throw new KennzahlError('leere Zellen', `eine Spalte, in der jede Zeile einen Wert hat (eine leere Zelle ist keine 0)`, `leere Zellen in Spalte „${spalte}“: ${leer.join(', ')}`);
      return t.spaltensummen[spalte];
    },
    text: (m, p, v) => mitEinheit(tabellenspalte(m, p).t, v),
    quelle: (m, p) => `berechnet aus ${tabellenspalte(m, p).t.meta.titel}`,
  },
  indikator: {
    beschreibung: 'Wert eines Indikators, wie der Plan ihn angibt',
    einheit: 'Text',
    params: ['indikator', 'schulform'],
    braucht: ['indikatoren'],
    datensaetze: ['indikatoren'],
    compute: (m, p) => {
      const a = angegebenerWert(m, p);
      if (!a) return undefined;
      return a.i.data.einheit === '%' ? formatPercent(a.w.wert) : `${formatNumber(a.w.wert, 2)} ${a.i.data.einheit}`;
    },
    quelle: (m, p) => {
      const a = angegebenerWert(m, p);
      return a ? `${a.i.data.titel} ${formatDatum(messzeit(a.w))}${a.w.quelle ? `; Quelle: ${a.w.quelle}` : ''}` : undefined;
    },
  },
};

/** Every figure prose may cite, by name. */
export const KENNZAHLEN: Record<string, Definition> = { ...PLANKENNZAHLEN, ...FINANZKENNZAHLEN, ...TABELLENKENNZAHLEN };

// What each figure is computed from: school figures from the schools, forecast figures from
// the inventory, running costs and funding, programme figures from the programmes.
const BRAUCHT: [string[], CollectionName[]][] = [
  [['schulen', 'schueler', 'lehrkraefte', 'endgeraete-schueler', 'endgeraete-lehrkraefte', 'praesentationsmedien', 'unterrichtsraeume', 'ausstattungsquote', 'schulen-am-ziel', 'lehrkraefte-quote', 'praesentationsquote', 'wlan-abdeckung', 'medienkonzepte-aktuell', 'kosten-je-schueler'], ['schulen']],
  [['ausstattungsquote-ziel'], ['indikatoren']],
  [['inventar-geraete', 'inventar-wert', 'anteil-produktgruppe', 'spitzenjahre', 'kosten-je-geraet'], ['inventar']],
  [['bedarf', 'investitionen'], ['inventar', 'laufendeKosten']],
  [['laufende-kosten'], ['laufendeKosten']],
  [['finanzierung', 'eigenanteil'], ['finanzierung']],
  [['finanzierungsluecke'], ['inventar', 'laufendeKosten', 'finanzierung']],
  [['foerderung-zuweisung', 'foerderung-ausgezahlt', 'foerderung-beantragt-anteil', 'foerderung-ausgezahlt-anteil'], ['foerderprogramme']],
];
for (const [namen, braucht] of BRAUCHT) for (const n of namen) KENNZAHLEN[n]!.braucht = braucht;

/** "2027", "2027 und 2031", "2027, 2029 und 2031". */
export function aufzaehlung(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} und ${items.at(-1)}`;
}

export class KennzahlError extends Error {
  readonly expected: string;
  readonly found: string;
  constructor(message: string, expected: string, found: string) {
    super(message);
    this.name = 'KennzahlError';
    this.expected = expected;
    this.found = found;
  }
}

export interface KennzahlWert {
  name: string;
  value: number | string;
  einheit: Einheit;
  text: string;
  beschreibung: string;
  /** Where the value comes from, when not from a dataset. */
  quelle?: string;
  datensaetze: { id: string; titel: string; stand: string }[];
}

/** Checks a parameter's value against the plan's data; returns an error text or undefined. */
function checkParam(model: PlanModel, param: Param, value: string): string | undefined {
  const known: Record<Param, () => string[]> = {
    schulform: () => model.schulformen.map((s) => s.id),
    schule: () => model.schulen.map((s) => s.id),
    status: () => [...STATUS],
    handlungsfeld: () => model.handlungsfelder.map((h) => h.id),
    ebene: () => akteursgruppen(model.plan).map((g) => g.name),
    produktgruppe: () => [...new Set(model.inventar.map((i) => i.data.produktgruppe))],
    jahr: () => prognoseVon(model).jahre.map((j) => String(j.jahr)),
    foerderprogramm: () => model.foerderprogramme.map((f) => f.id),
    format: () => ['mio'],
    tabelle: () => finanztabellenVon(model).tabellen.map((t) => t.id),
    zeile: () => [],
    spalte: () => [],
    indikator: () => model.indikatoren.map((i) => i.id),
    erhebung: () => erhebungsdaten(model).runden.filter((r) => r.explizit).map((r) => r.id),
    seit: () => erhebungsdaten(model).runden.filter((r) => r.explizit).map((r) => r.id),
  };
  // A plan that assigns no actor to a group has none to count by: a 0 would read as its figure.
  if (param === 'ebene' && !hatGruppen(model)) return 'keinen Wert: der Plan ordnet keinen Akteur einer Ebene oder Gruppe zu (Feld „ebene“ in akteure.yaml)';
  const values = known[param]();
  return values.includes(value) ? undefined : `einen der Werte ${values.map((v) => `„${v}“`).join(', ')}`;
}

/** Computes a named figure; throws KennzahlError for unknown names, parameters or values. */
export function kennzahl(model: PlanModel, name: string, params: Params = {}): KennzahlWert {
  const def = KENNZAHLEN[name];
  if (!def) {
    throw new KennzahlError(`Unbekannte Kennzahl „${name}“`, `eine bekannte Kennzahl (${Object.keys(KENNZAHLEN).join(', ')})`, `„${name}“`);
  }
  for (const [param, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (!def.params.includes(param as Param)) {
      const allowed = def.params.length ? def.params.map((p) => `„${p}“`).join(', ') : 'keine';
      throw new KennzahlError(`Kennzahl „${name}“ kennt den Parameter „${param}“ nicht`, `die Parameter ${allowed}`, `„${param}“`);
    }
    if (param === 'zeile' || param === 'spalte') continue; // checked against the table itself
    const error = checkParam(model, param as Param, value);
    if (error) throw new KennzahlError(`Kennzahl „${name}“: ${param}="${value}" gibt es nicht`, `für ${param} ${error}`, `„${value}“`);
  }
  // A figure whose data the plan does not have cannot be cited; say which file would supply it.
  const leer = (def.braucht ?? []).filter((c) => model[c as Exclude<CollectionName, 'plan'>].length === 0);
  if (def.braucht && leer.length === def.braucht.length) {
    throw new KennzahlError(
      `Kennzahl „${name}“ hat keine Daten`,
      `Daten in ${leer.map((c) => sourcePath(model.ort, c)).join(' oder ')}, aus denen „${name}“ berechnet wird (oder die Kennzahl aus dem Text nehmen)`,
      'keine Einträge (die Datei fehlt oder ist leer)',
    );
  }
  const keineDaten = () => {
    const r = def.runden ? runde(model, params.erhebung) : undefined;
    return new KennzahlError(`Kennzahl „${name}“ hat für diese Auswahl keine Daten`, `eine Auswahl, zu der es Daten gibt${r?.explizit ? ` (in der ${r.titel} nicht erhoben oder ohne Angaben?)` : ''}`, JSON.stringify(params));
  };
  if (params.seit !== undefined && params.erhebung === undefined) {
    throw new KennzahlError(`Kennzahl „${name}“: seit="${params.seit}" ohne erhebung`, 'auch erhebung="…", die Erhebung, deren Stand mit der früheren verglichen wird', 'nur seit');
  }
  if (params.seit !== undefined && params.erhebung !== undefined && runde(model, params.seit)!.stichtag >= runde(model, params.erhebung)!.stichtag) {
    throw new KennzahlError(`Kennzahl „${name}“: seit="${params.seit}" ist nicht früher als erhebung="${params.erhebung}"`, 'bei seit eine frühere Erhebung als bei erhebung', `„${params.seit}“`);
  }
  const jetzt = def.compute(model, { ...params, seit: undefined });
  if (jetzt === undefined) throw keineDaten();
  let value = jetzt;
  let einheit = def.einheit;
  if (params.seit !== undefined) {
    const vorher = def.compute(model, { ...params, erhebung: params.seit, seit: undefined });
    if (typeof vorher !== 'number' || typeof jetzt !== 'number') throw keineDaten();
    value = jetzt - vorher;
    if (einheit === 'Prozent') einheit = 'Prozentpunkte';
  }
  const datasets = (def.datensaetze ?? []).flatMap((id) => model.datensaetze.filter((d) => d.id === id));
  return {
    name,
    value,
    einheit,
    text: typeof value === 'string' ? value : params.seit !== undefined ? formatVeraenderung(value, einheit) : def.text ? def.text(model, params, value) : formatKennzahl(value, einheit, params.format),
    beschreibung: params.seit !== undefined ? `Veränderung: ${def.beschreibung}` : def.beschreibung,
    quelle: def.runden ? rundenQuelle(model, params) : def.quelle?.(model, params),
    datensaetze: datasets.map((d) => ({ id: d.id, titel: d.data.titel, stand: d.data.stand })),
  };
}

/** The value for machines (`<data value>`): money in euros with two decimals, everything else as it is. */
export function maschinenwert(wert: Pick<KennzahlWert, 'value' | 'einheit'>): string {
  return wert.einheit === 'Euro' && typeof wert.value === 'number' ? (wert.value / 100).toFixed(2) : String(wert.value);
}

/** A change between two rounds, always with its sign: "+12,5 Prozentpunkte", "−3", "±0". */
export function formatVeraenderung(value: number, einheit: Einheit): string {
  const gerundet = einheit === 'Prozentpunkte' ? Math.round(value * 10) / 10 : Math.round(value);
  const vorzeichen = gerundet > 0 ? '+' : gerundet < 0 ? '−' : '±';
  const betrag = einheit === 'Prozentpunkte' ? `${formatNumber(Math.abs(gerundet), 1)} Prozentpunkte` : formatNumber(Math.abs(gerundet));
  return vorzeichen + betrag;
}

/**
 * Once a plan has more than one survey round, a school figure in prose names its round: a new
 * survey must not silently change a text the council adopted. Returns the KennzahlError, if any.
 */
export function fehlenderRundenbezug(model: PlanModel, name: string, params: Params): KennzahlError | undefined {
  const def = KENNZAHLEN[name];
  const runden = erhebungsdaten(model).runden.filter((r) => r.explizit);
  if (!def?.runden || runden.length < 2 || params.erhebung !== undefined) return undefined;
  return new KennzahlError(
    `Kennzahl „${name}“ nennt keine Erhebung`,
    `erhebung="…" mit der Erhebung, aus der die Zahl stammt (${runden.map((r) => `„${r.id}“`).join(', ')}), weil der Plan mehrere Erhebungen hat und eine neue sonst den beschlossenen Text ändern würde`,
    'keine Angabe',
  );
}

export function formatKennzahl(value: number, einheit: Einheit, format?: string): string {
  switch (einheit) {
    case 'Prozent':
      return formatPercent(value);
    case 'Euro':
      // Money is in cents; small amounts keep their cents ("12,50 €"), large ones are whole euros.
      if (format === 'mio') return formatEuroMillions(value);
      return Math.abs(value) < 100_000 && value % 100 !== 0 ? formatEuro(value, true) : formatEuro(value);
    default:
      return formatNumber(value);
  }
}
