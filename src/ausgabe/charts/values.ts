/** German value formats for chart labels, axis ticks and table cells, and input checks. */
import { precisionFixed } from 'd3';
import { formatDecimal, formatEuro, formatEuroMillions, formatNumber, formatPercent } from '../../plan/format.ts';
import type { ValueFormat } from './types.ts';

/** Shown in a table cell and in the chart where a value is missing. */
export const NO_VALUE = 'keine Angabe';

/**
 * A value as a label in the chart: "12,3 Mio. €", "75,0 %", "1.234". Percentages keep their
 * decimals ("2,0 %", so a column of shares lines up) unless `fixed` is false (targets: "75 %").
 */
export function formatLabel(value: number, format: ValueFormat, digits?: number, fixed = true): string {
  switch (format) {
    case 'euro':
      return formatEuroMillions(value, digits ?? 1);
    case 'percent':
      return formatPercent(value, digits ?? 1, fixed);
    case 'number':
      return fixed ? formatDecimal(value, digits ?? 0) : formatNumber(value, digits ?? 0);
  }
}

/** A value in the data table: full euros, "75,3 %", "1.234"; `fixed` as in `formatLabel`. */
export function formatCell(value: number | null | undefined, format: ValueFormat, digits?: number, fixed = true): string {
  if (value === null || value === undefined) return NO_VALUE;
  switch (format) {
    case 'euro':
      return formatEuro(value);
    case 'percent':
      return formatPercent(value, digits ?? 1, fixed);
    case 'number':
      return fixed ? formatDecimal(value, digits ?? 0) : formatNumber(value, digits ?? 0);
  }
}

/** Axis tick labels for evenly spaced `ticks`; euros in millions (unit in the axis title). */
export function tickFormatter(ticks: number[], format: ValueFormat): (value: number) => string {
  const step = ticks.length > 1 ? Math.abs((ticks[1] ?? 0) - (ticks[0] ?? 0)) : 1;
  switch (format) {
    case 'euro': {
      const digits = precisionFixed(step / 100_000_000 || 1);
      return (v) => formatNumber(v / 100_000_000, digits);
    }
    case 'percent': {
      const digits = precisionFixed(step || 1);
      return (v) => formatPercent(v, digits);
    }
    case 'number': {
      const digits = precisionFixed(step || 1);
      return (v) => formatNumber(v, digits);
    }
  }
}

/** German number with exactly `digits` decimals: 8 → "8,0" (for a row of labels that should line up). */
export function formatFixed(value: number, digits: number): string {
  const text = formatNumber(value, digits);
  if (digits <= 0) return text;
  const [whole, fraction = ''] = text.split(',');
  return `${whole},${fraction.padEnd(digits, '0')}`;
}

/** The default axis title: "Mio. €" for euros, none otherwise (ticks carry "%"). */
export function defaultAxisLabel(format: ValueFormat): string | undefined {
  return format === 'euro' ? 'Mio. €' : undefined;
}

/** Throws a German error naming the chart when a value is not a finite number ≥ 0. */
export function checkValue(chartId: string, what: string, value: number, allowNegative = false): void {
  if (!Number.isFinite(value)) throw new Error(`Diagramm „${chartId}“: ${what} ist keine Zahl (${String(value)})`);
  if (!allowNegative && value < 0) throw new Error(`Diagramm „${chartId}“: ${what} ist negativ (${value}); dieses Diagramm zeigt nur Werte ab 0`);
}

export function checkLength(chartId: string, what: string, length: number, expected: number): void {
  if (length !== expected) throw new Error(`Diagramm „${chartId}“: ${what} hat ${length} Werte, erwartet ${expected} (einen je Kategorie)`);
}

/**
 * Whether a value reaches its target: the caller's judgement where it gives one (`reached`;
 * null: not judged, a target „etwa …“), else value ≥ target; undefined without a target.
 */
export function itemReached(i: { value: number; target?: number; reached?: boolean | null }): boolean | null | undefined {
  if (i.target === undefined) return undefined;
  return i.reached !== undefined ? i.reached : i.value >= i.target;
}
