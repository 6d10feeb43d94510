/** German sentences for a chart's <desc>: what the reader should take away, with the numbers. */
import { fsum } from 'd3';
import type { ValueFormat } from './types.ts';
import { formatLabel, itemReached } from './values.ts';

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
 * Items without a target are not counted; items whose target the caller does not judge
 * (`reached: null`, a target „etwa …“) are named apart, with both values. A target keeps the
 * word the plan puts before it („mindestens 100 %“).
 */
export function describeTargets(o: {
  /** Plural noun of the items: "Schulformen". */
  subject: string;
  items: { label: string; value: number; target?: number; targetQualifier?: string; reached?: boolean | null }[];
  format?: ValueFormat;
  digits?: number;
}): string {
  const format = o.format ?? 'percent';
  const label = (v: number) => formatLabel(v, format, o.digits);
  type Item = (typeof o.items)[number] & { target: number };
  const targetLabel = (i: Item) => `${i.targetQualifier ? `${i.targetQualifier} ` : ''}${formatLabel(i.target, format, o.digits, false)}`;
  const withTarget = o.items.filter((i): i is Item => i.target !== undefined);
  const state = itemReached;
  const judged = withTarget.filter((i) => state(i) !== null);
  const open = withTarget.filter((i) => state(i) === null);
  const missed = judged.filter((i) => state(i) === false);
  const reached = judged.length - missed.length;
  const verb = reached === 1 ? 'erreicht' : 'erreichen';
  let sentence = judged.length > 0 ? `${reached} von ${judged.length} ${o.subject} ${verb} ihren Zielwert.` : '';
  if (missed.length > 0 && missed.length < judged.length) {
    sentence += ` Noch nicht erreicht: ${missed.map((i) => `${i.label} (${label(i.value)} von ${targetLabel(i)})`).join(', ')}.`;
  }
  if (open.length > 0) {
    sentence += ` Nicht bewertet, weil der Plan einen ungefähren Zielwert nennt: ${open.map((i) => `${i.label} (${label(i.value)}, Ziel ${targetLabel(i)})`).join(', ')}.`;
  }
  return sentence.trim();
}
