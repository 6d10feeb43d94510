/**
 * Finance as plans publish it: finished tables per finance area (finanzen.yaml), their
 * values in daten/finanzen/<table>.csv, in the unit and rounding the plan uses.
 *
 * - Money is kept in cents, shares in ten-thousandths of a percent, so every sum is exact.
 * - A stated sum (a `summe` column, or a last row labelled "Summe") is compared with the sum
 *   of its parts. When the parts and the sum are each rounded to the table's `genauigkeit` g,
 *   each of the n parts and the stated sum can be off by g/2, so the two may differ by up to
 *   (n + 1) · g/2. Tables without `genauigkeit` are exact and must match to the cent.
 * - Published shares (columns of `art: anteil`) are shown as published, with their real total;
 *   they are checked against 100 % with the tolerance n · g/2 of their n rounded parts.
 */
import type { Entry, PlanModel } from '../plan/model.ts';
import type { Data, Tabelleneinheit } from '../plan/schemas/index.ts';
import { TABELLENEINHEITEN } from '../plan/schemas/index.ts';
import { displayDir } from '../plan/sources.ts';
import type { Problem } from '../plan/problems.ts';
import { formatDecimal } from '../plan/format.ts';
import { jeModell } from '../plan/indexe.ts';

type Meta = Data<'finanzbereiche'>['tabellen'][number];
export type Spalte = Meta['spalten'][number];

/** Labels of the row that states column totals (also how prose cites the column total). */
export const SUMMENZEILE = /^(summe|gesamt|insgesamt)$/i;

export interface Zeile {
  beschriftung: string;
  /** Values per column id in base units (cents, or 1/10 000 %); undefined for an empty cell. */
  werte: Record<string, number | undefined>;
  line?: number;
}

export interface Summenpruefung {
  /** Where the stated sum stands: a row's sum column, or the Summe row's cell of a column. */
  zeile: string;
  spalte: string;
  angegeben: number;
  berechnet: number;
  teile: number;
  /** Allowed difference in base units: (teile + 1) · g/2, or teile · g/2 for shares against 100 %. */
  toleranz: number;
  ok: boolean;
  line?: number;
}

export interface Finanztabelle {
  id: string;
  bereich: Entry<'finanzbereiche'>;
  meta: Meta;
  /** The CSV file, as messages name it. */
  datei: string;
  einheit: Tabelleneinheit;
  geld: boolean;
  /** Base units per unit of the table (cents per Mio. €, …). */
  faktor: number;
  /** Rounding step in base units; 0 for exact tables. */
  schritt: number;
  /** Decimals the table's figures are written with. */
  stellen: number;
  /** The rows are years (the first column is headed "jahr"). */
  jahre: boolean;
  kopf: string;
  zeilen: Zeile[];
  /** The row that states column totals, if the table has one. */
  summenzeile?: Zeile;
  /** Column totals over the rows, computed. */
  spaltensummen: Record<string, number>;
  pruefungen: Summenpruefung[];
}

const dezimalen = (n: number) => (String(n).split('.')[1] ?? '').length;

/** The parts a `summe` column adds up: its `von`, else every column that is not itself a sum. */
export function teileVon(meta: Meta, summe: Spalte): Spalte[] {
  return summe.von ? meta.spalten.filter((s) => summe.von!.includes(s.id)) : meta.spalten.filter((s) => s.art !== 'summe');
}

/** Every published table of the plan, with what is wrong in their descriptions and values. */
function baue(model: PlanModel): { tabellen: Finanztabelle[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const tabellen: Finanztabelle[] = [];
  const dir = `${displayDir(model.ort)}/daten/finanzen`;
  const zeilenJeTabelle = new Map<string, Entry<'finanzwerte'>[]>();
  for (const z of model.finanzwerte) zeilenJeTabelle.set(z.data.tabelle, [...(zeilenJeTabelle.get(z.data.tabelle) ?? []), z]);
  const bekannt = new Set<string>();
  for (const bereich of model.finanzbereiche) {
    bereich.data.tabellen.forEach((meta, index) => {
      const at = { file: bereich.file, line: bereich.line, entry: bereich.id };
      if (bekannt.has(meta.id)) {
        problems.push({ ...at, field: `tabellen.${index}.id`, expected: 'eine Tabellen-ID, die im Plan nur einmal vorkommt', found: `„${meta.id}“` });
        return;
      }
      bekannt.add(meta.id);
      const datei = `${dir}/${meta.id}.csv`;
      const roh = zeilenJeTabelle.get(meta.id);
      if (!roh) {
        problems.push({ ...at, field: `tabellen.${index}.id`, expected: `die Werte der Tabelle in ${datei}`, found: 'keine solche Datei' });
        return;
      }
      const tabelle = baueTabelle(bereich, index, datei, roh, problems);
      if (tabelle) tabellen.push(tabelle);
    });
  }
  for (const [id, zeilen] of zeilenJeTabelle) {
    if (!bekannt.has(id)) {
      problems.push({ file: zeilen[0]!.file, expected: `eine Tabelle mit id „${id}“ in ${displayDir(model.ort)}/finanzen.yaml, die diese Werte beschreibt`, found: 'keine' });
    }
  }
  return { tabellen, problems };
}

/** One published table from its description (`index` in its area's `tabellen`) and its CSV rows `roh`. */
function baueTabelle(bereich: Entry<'finanzbereiche'>, index: number, datei: string, roh: Entry<'finanzwerte'>[], problems: Problem[]): Finanztabelle | undefined {
  const meta = bereich.data.tabellen[index]!;
  const feld = (f: string) => `tabellen.${index}.${f}`;
  const at = { file: bereich.file, line: bereich.line, entry: bereich.id };
  const einheit = meta.einheit;
  const geld = einheit !== '%';
  const faktor = TABELLENEINHEITEN[einheit] ?? 10_000;
  if (meta.genauigkeit === undefined && einheit !== '€') {
    problems.push({ ...at, field: feld('genauigkeit'), expected: `die Rundungsstufe der Angaben in ${einheit} (z. B. 0,1)`, found: 'nichts; Angaben in dieser Einheit sind immer gerundet' });
    return undefined;
  }
  const schritt = meta.genauigkeit === undefined ? 0 : Math.round(meta.genauigkeit * faktor);
  pruefeSpaltenDerTabelle(bereich, index, roh, problems);
  const kopf = roh[0]!.data.kopf;
  const jahre = kopf.toLowerCase() === 'jahr';
  const { zeilen, summenzeile, stellen } = leseTabellenzeilen(bereich, meta, roh, { faktor, geld, jahre, kopf }, problems);
  const spaltensummen = Object.fromEntries(meta.spalten.map((s) => [s.id, zeilen.reduce((n, z) => n + (z.werte[s.id] ?? 0), 0)]));
  const pruefungen = summenpruefungen(meta, zeilen, summenzeile, schritt, faktor);
  const tabelle: Finanztabelle = { id: meta.id, bereich, meta, datei, einheit, geld, faktor, schritt, stellen, jahre, kopf, zeilen, summenzeile, spaltensummen, pruefungen };
  for (const p of pruefungen.filter((x) => !x.ok)) problems.push(summenProblem(tabelle, p));
  // The plan's figure number belongs to the chart drawn of the table: a table without one would lose it unseen.
  if (meta.abbildung && !diagrammForm(tabelle)) {
    problems.push({
      ...at,
      field: feld('abbildung'),
      expected: 'eine Abbildungsnummer nur bei einer Tabelle, die als Diagramm erscheint: Jahre als Zeilen (erste Spalte „jahr“, mindestens zwei) mit Spalten der Art finanzierung, bedarf oder wert, oder eine Spalte der Art anteil',
      found: `„${meta.abbildung}“ bei einer Tabelle ohne Diagramm`,
    });
  }
  return tabelle;
}

/** The columns: every `von` names a column of the table, and the CSV has exactly the columns finanzen.yaml names. */
function pruefeSpaltenDerTabelle(bereich: Entry<'finanzbereiche'>, index: number, roh: Entry<'finanzwerte'>[], problems: Problem[]): void {
  const meta = bereich.data.tabellen[index]!;
  const at = { file: bereich.file, line: bereich.line, entry: bereich.id };
  const ids = new Set(meta.spalten.map((s) => s.id));
  for (const s of meta.spalten) {
    for (const v of s.von ?? []) {
      if (!ids.has(v)) problems.push({ ...at, field: `tabellen.${index}.spalten.${meta.spalten.indexOf(s)}.von`, expected: `Spalten dieser Tabelle (${[...ids].join(', ')})`, found: `„${v}“` });
    }
  }
  const spaltenImCsv = Object.keys(roh[0]!.data.werte);
  for (const s of spaltenImCsv.filter((c) => !ids.has(c))) {
    problems.push({ file: roh[0]!.file, line: 1, field: s, expected: `nur Spalten, die ${bereich.file} für „${meta.id}“ nennt (${[...ids].join(', ')})`, found: `die Spalte „${s}“` });
  }
  for (const s of meta.spalten.filter((c) => !spaltenImCsv.includes(c.id))) {
    problems.push({ file: roh[0]!.file, line: 1, field: s.id, expected: `eine Spalte „${s.id}“ (${s.titel}), wie ${bereich.file} sie nennt`, found: 'keine' });
  }
}

/**
 * The rows in base units, the Summe row apart, and the decimals the figures are written with;
 * reports figures more precise than the table's rounding, labels that are not years in a table
 * of years, and a Summe row that is not the last.
 */
function leseTabellenzeilen(
  bereich: Entry<'finanzbereiche'>,
  meta: Meta,
  roh: Entry<'finanzwerte'>[],
  { faktor, geld, jahre, kopf }: { faktor: number; geld: boolean; jahre: boolean; kopf: string },
  problems: Problem[],
): { zeilen: Zeile[]; summenzeile?: Zeile; stellen: number } {
  const stellenErlaubt = meta.genauigkeit === undefined ? (geld ? dezimalen(faktor / 100) + 2 : 4) : dezimalen(meta.genauigkeit);
  let stellen = meta.genauigkeit === undefined ? 0 : stellenErlaubt;
  const zeilen: Zeile[] = [];
  let summenzeile: Zeile | undefined;
  for (const r of roh) {
    const werte: Record<string, number | undefined> = {};
    for (const s of meta.spalten) {
      const v = r.data.werte[s.id];
      if (v === undefined) continue;
      if (dezimalen(v) > stellenErlaubt) {
        problems.push({
          file: r.file,
          line: r.line,
          entry: r.data.zeile,
          field: s.id,
          expected: `höchstens ${stellenErlaubt} Nachkommastellen (${meta.genauigkeit === undefined ? 'auf den Cent' : `Rundung ${formatDecimal(meta.genauigkeit, stellenErlaubt)} ${meta.einheit}`}, ${bereich.file})`,
          found: String(v).replace('.', ','),
        });
      }
      if (meta.genauigkeit === undefined) stellen = Math.max(stellen, dezimalen(v));
      werte[s.id] = Math.round(v * faktor);
    }
    const zeile = { beschriftung: r.data.zeile, werte, line: r.line };
    if (SUMMENZEILE.test(r.data.zeile)) summenzeile = zeile;
    else {
      if (jahre && !/^\d{4}$/.test(r.data.zeile)) {
        problems.push({ file: r.file, line: r.line, field: kopf, expected: 'ein Jahr (die erste Spalte heißt „jahr“) oder „Summe“', found: `„${r.data.zeile}“` });
      }
      zeilen.push(zeile);
    }
  }
  if (summenzeile && roh.at(-1)!.data.zeile !== summenzeile.beschriftung) {
    problems.push({ file: roh[0]!.file, line: summenzeile.line, field: kopf, expected: 'die Summenzeile als letzte Zeile der Tabelle', found: 'weitere Zeilen danach' });
  }
  if (geld && meta.genauigkeit === undefined && stellen > 0) stellen = 2;
  return { zeilen, summenzeile, stellen };
}

/** Every stated sum of the table against its parts: sum columns, the Summe row, shares against 100 %. */
function summenpruefungen(meta: Meta, zeilen: Zeile[], summenzeile: Zeile | undefined, schritt: number, faktor: number): Summenpruefung[] {
  const pruefungen: Summenpruefung[] = [];
  const pruefe = (zeile: string, spalte: string, angegeben: number, teile: number[], line: number | undefined, gegen100 = false) => {
    const berechnet = teile.reduce((a, b) => a + b, 0);
    const toleranz = ((gegen100 ? teile.length : teile.length + 1) * schritt) / 2;
    pruefungen.push({ zeile, spalte, angegeben, berechnet, teile: teile.length, toleranz, ok: Math.abs(berechnet - angegeben) <= toleranz, line });
  };
  for (const summe of meta.spalten.filter((s) => s.art === 'summe')) {
    const teile = teileVon(meta, summe);
    for (const z of [...zeilen, ...(summenzeile ? [summenzeile] : [])]) {
      const angegeben = z.werte[summe.id];
      const werte = teile.map((t) => z.werte[t.id]).filter((v): v is number => v !== undefined);
      if (angegeben !== undefined && werte.length > 0) pruefe(z.beschriftung, summe.id, angegeben, werte, z.line);
    }
  }
  if (summenzeile) {
    for (const s of meta.spalten) {
      const angegeben = summenzeile.werte[s.id];
      const werte = zeilen.map((z) => z.werte[s.id]).filter((v): v is number => v !== undefined);
      if (angegeben !== undefined && werte.length > 0) pruefe(summenzeile.beschriftung, s.id, angegeben, werte, summenzeile.line);
    }
  }
  for (const s of meta.spalten.filter((c) => c.art === 'anteil')) {
    if (summenzeile?.werte[s.id] !== undefined) continue;
    const werte = zeilen.map((z) => z.werte[s.id]).filter((v): v is number => v !== undefined);
    if (werte.length > 0) pruefe('(alle Zeilen)', s.id, 100 * faktor, werte, undefined, true);
  }
  return pruefungen;
}

/** Why a stated sum fails, with the tolerance and how it follows from the rounding. */
function summenProblem(t: Finanztabelle, p: Summenpruefung): Problem {
  const mit = (v: number) => mitEinheit(t, v);
  const titel = t.meta.spalten.find((s) => s.id === p.spalte)?.titel ?? p.spalte;
  const herleitung =
    t.schritt === 0
      ? 'genau, weil die Tabelle keine Rundung angibt (genauigkeit)'
      : p.zeile === '(alle Zeilen)'
        ? `bis auf ± ${mit(p.toleranz)}: jeder der ${p.teile} auf ${mit(t.schritt)} gerundeten Anteile kann um die Hälfte davon abweichen, ${p.teile} × ${mit(t.schritt / 2)}`
        : `bis auf ± ${mit(p.toleranz)}: jeder der ${p.teile} auf ${mit(t.schritt)} gerundeten Teile und die Summe selbst können um die Hälfte davon abweichen, (${p.teile} + 1) × ${mit(t.schritt / 2)}`;
  return {
    file: t.datei,
    line: p.line,
    entry: p.zeile === '(alle Zeilen)' ? undefined : p.zeile,
    field: p.spalte,
    expected:
      p.zeile === '(alle Zeilen)'
        ? `Anteile „${titel}“, die zusammen 100 % ergeben, ${herleitung}`
        : `die Summe der Teile ${mit(p.berechnet)} (${titel}), ${herleitung}`,
    // Shares are checked against 100 %: what was found is their real total, not the 100 % expected.
    found:
      p.zeile === '(alle Zeilen)'
        ? `zusammen ${mit(p.berechnet)}, Abweichung ${mit(Math.abs(p.angegeben - p.berechnet))}`
        : `${mit(p.angegeben)}, Abweichung ${mit(Math.abs(p.angegeben - p.berechnet))}`,
  };
}

/**
 * The chart a published table has, if its shape has one: one column of shares as bars, or years
 * as stacked bars of its funding sources (a single need column then as a line over them), else
 * of its need or value columns. Undefined where the table alone says it.
 */
export function diagrammForm(t: Pick<Finanztabelle, 'meta' | 'jahre' | 'zeilen'>): { art: 'anteile'; spalte: Spalte } | { art: 'jahre'; balken: Spalte[]; linie?: Spalte } | undefined {
  const anteile = t.meta.spalten.filter((s) => s.art === 'anteil');
  if (anteile.length === 1 && !t.jahre) return { art: 'anteile', spalte: anteile[0]! };
  if (!t.jahre || t.zeilen.length < 2) return undefined;
  const teile = t.meta.spalten.filter((s) => s.art === 'finanzierung');
  const bedarf = t.meta.spalten.filter((s) => s.art === 'bedarf');
  const balken = teile.length > 0 ? teile : t.meta.spalten.filter((s) => s.art === 'bedarf' || s.art === 'wert');
  if (balken.length === 0) return undefined;
  return { art: 'jahre', balken, linie: teile.length > 0 && bedarf.length === 1 ? bedarf[0] : undefined };
}

/** The published tables of a model with their checks, computed once per model. */
export const finanztabellenVon = jeModell('finanztabellen', baue);

/** A value of a table as a number in the table's unit and precision: "4,3" (Mio. €), "12.345" (€). */
export function tabellenzahl(t: Pick<Finanztabelle, 'faktor' | 'stellen'>, wert: number): string {
  return formatDecimal(wert / t.faktor, t.stellen);
}

/** A value with its unit: "4,3 Mio. €", "12.345 €", "18,25 %". */
export function mitEinheit(t: Pick<Finanztabelle, 'faktor' | 'stellen' | 'einheit'>, wert: number): string {
  const zahl = formatDecimal(wert / t.faktor, Math.max(t.stellen, wert % (t.faktor / 10 ** t.stellen) === 0 ? 0 : t.stellen + 1));
  return `${zahl}\u00a0${t.einheit.replace(' ', '\u00a0')}`;
}

/** Published tables of one finance area, in the area's order. */
export function tabellenVon(model: PlanModel, bereich: string): Finanztabelle[] {
  return finanztabellenVon(model).tabellen.filter((t) => t.bereich.id === bereich);
}
