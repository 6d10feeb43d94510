/** German sentences for a chart's <desc>: what the reader should take away, with the numbers. */
import { fsum } from 'd3';
import type { ValueFormat } from './types.ts';
import { formatLabel } from './values.ts';

/**
 * "Gesamtkosten von 2025 bis 2034: zwischen 3,1 Mio. € (2027) und 11,8 Mio. € (2031), zusammen 72,4 Mio. €."
 * `total` adds the sum (not for percentages); the first category wins a tie.
 */
export function describeValues(o: {
  subject: string;
  categories: (string | number)[];
  values: number[];
  format?: ValueFormat;
  digits?: number;
  total?: boolean;
}): string {
  const format = o.format ?? 'number';
  const label = (v: number) => formatLabel(v, format, o.digits);
  const categories = o.categories.map(String);
  if (o.values.length === 0 || categories.length === 0) return `${o.subject}: keine Werte.`;
  let lo = 0;
  let hi = 0;
  o.values.forEach((v, i) => {
    if (v < (o.values[lo] ?? v)) lo = i;
    if (v > (o.values[hi] ?? v)) hi = i;
  });
  const span = categories.length > 1 ? ` von ${categories[0]} bis ${categories[categories.length - 1]}` : ` ${categories[0]}`;
  const range =
    o.values.length === 1 || o.values[lo] === o.values[hi]
      ? `${o.values.length === 1 ? '' : 'jeweils '}${label(o.values[0] ?? 0)}`
      : `zwischen ${label(o.values[lo] ?? 0)} (${categories[lo]}) und ${label(o.values[hi] ?? 0)} (${categories[hi]})`;
  const total = o.total && format !== 'percent' && o.values.length > 1 ? `, zusammen ${label(fsum(o.values))}` : '';
  return `${o.subject}${span}: ${range}${total}.`;
}

/**
 * "5 von 8 Schulformen erreichen ihren Zielwert. Noch nicht erreicht: Grundschule (20 % von 25 %), …."
 * Items without a target are not counted.
 */
export function describeTargets(o: {
  /** Plural noun of the items: "Schulformen". */
  subject: string;
  items: { label: string; value: number; target?: number }[];
  format?: ValueFormat;
  digits?: number;
}): string {
  const format = o.format ?? 'percent';
  const label = (v: number) => formatLabel(v, format, o.digits);
  const targetLabel = (v: number) => formatLabel(v, format, o.digits, false);
  const withTarget = o.items.filter((i): i is { label: string; value: number; target: number } => i.target !== undefined);
  const missed = withTarget.filter((i) => i.value < i.target);
  const reached = withTarget.length - missed.length;
  const verb = reached === 1 ? 'erreicht' : 'erreichen';
  let sentence = `${reached} von ${withTarget.length} ${o.subject} ${verb} ihren Zielwert.`;
  if (missed.length > 0 && missed.length < withTarget.length) {
    sentence += ` Noch nicht erreicht: ${missed.map((i) => `${i.label} (${label(i.value)} von ${targetLabel(i.target)})`).join(', ')}.`;
  }
  return sentence;
}
