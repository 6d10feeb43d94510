/**
 * CSV as German spreadsheets open it with a double click: UTF-8 with BOM, `;` between cells,
 * a comma before decimals, CRLF line ends, cells quoted only where needed (a `;`, a quote or a
 * line break in the text). Nested records are flattened by one rule:
 * - a field of a nested object gets a dotted column name: `zeitraum.von`, `kosten.betrag`;
 * - a list gets one numbered column per entry, from 1: `verantwortlich.1`, `verantwortlich.2` …;
 *   a list of objects one per entry and field: `ziele.1.id`, `ziele.1.text`, `ziele.2.id` …;
 *   a file has as many numbered columns as its longest list needs; shorter lists leave cells empty;
 * - a reference is the referenced id (already so in the published record).
 * Cells: numbers without thousands separators and with a decimal comma (`1234,5`), amounts in euros
 * always with two decimals (`1234,50`), dates as the plan gives them (JJJJ-MM-TT, JJJJ-MM, JJJJ), yes/no as „ja“/„nein“, nothing as an
 * empty cell.
 */
import { stringify } from 'csv-stringify/sync';
import type { Feld, Werttyp } from './schema.ts';

export interface Spalte {
  /** Column name in the CSV header: `ziele.2.text`. */
  name: string;
  /** Path to the value in the published record (list entries by index from 0). */
  pfad: (string | number)[];
  typ: Werttyp;
  werte?: string[];
  /** The column's field with lists marked by N (`ziele.N.text`): what the documentation names. */
  muster: string;
  /** The field's path without list positions (`ziele.text`): where its meaning is found. */
  feldpfad: string;
}

/** The CSV columns of records under `feld`: lists as wide as the longest list of any record. */
export function csvSpalten(feld: Feld, datensaetze: readonly unknown[]): Spalte[] {
  const spalten: Spalte[] = [];
  const gehe = (f: Feld, werte: unknown[], pfad: (string | number)[], muster: string[], feldpfad: string[]) => {
    switch (f.art) {
      case 'objekt':
        for (const { name, feld: kind } of f.felder) {
          gehe(kind, werte.map((w) => (w as Record<string, unknown> | undefined)?.[name]), [...pfad, name], [...muster, name], [...feldpfad, name]);
        }
        return;
      case 'liste': {
        const laenge = Math.max(0, ...werte.map((w) => (Array.isArray(w) ? w.length : 0)));
        for (let i = 0; i < laenge; i++) {
          gehe(f.element, werte.map((w) => (Array.isArray(w) ? w[i] : undefined)), [...pfad, i], [...muster, 'N'], feldpfad);
        }
        return;
      }
      case 'wert':
        spalten.push({
          name: pfad.map((p) => (typeof p === 'number' ? String(p + 1) : p)).join('.'),
          pfad,
          typ: f.typ,
          werte: f.werte,
          muster: muster.join('.'),
          feldpfad: feldpfad.join('.'),
        });
    }
  };
  gehe(feld, [...datensaetze], [], [], []);
  return spalten;
}

/** A number as German spreadsheets read it: `1234,5` (no thousands separators). */
export function zahlText(n: number, stellen?: number): string {
  const text = stellen === undefined ? String(n) : n.toFixed(stellen);
  if (/e/i.test(text)) return zahlText(Number(n.toFixed(12)), stellen);
  return text.replace('.', ',');
}

/** The text of one CSV cell. */
export function zelle(typ: Werttyp, wert: unknown): string {
  if (wert === undefined || wert === null) return '';
  switch (typ) {
    case 'euro':
      return zahlText(wert as number, 2);
    case 'ganzzahl':
    case 'zahl':
      return zahlText(wert as number);
    case 'wahrheitswert':
      return wert ? 'ja' : 'nein';
    default:
      return typeof wert === 'number' ? zahlText(wert) : String(wert);
  }
}

function wertAn(datensatz: unknown, pfad: (string | number)[]): unknown {
  let wert = datensatz;
  for (const p of pfad) {
    if (wert === undefined || wert === null) return undefined;
    wert = (wert as Record<string | number, unknown>)[p];
  }
  return wert;
}

/** The whole CSV file: BOM, header row, one row per record. */
export function csvText(spalten: readonly Spalte[], datensaetze: readonly unknown[]): string {
  const zeilen = datensaetze.map((d) => spalten.map((s) => zelle(s.typ, wertAn(d, s.pfad))));
  return stringify([spalten.map((s) => s.name), ...zeilen], { delimiter: ';', bom: true, record_delimiter: 'windows', quoted_match: /^\s|\s$/ });
}
