/** German (de-DE) formatting of numbers, money, percentages and dates, via Intl. */
import { formatDatum, formatDatumLang } from './datum.ts';

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat('de-DE', options);
    cache.set(key, format);
  }
  return format;
}

/** 1234.5 → "1.234,5" (with at most `digits` decimals). */
export function formatNumber(value: number, digits = 0): string {
  return numberFormat(`n${digits}`, { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/** A number with exactly `digits` decimals, as published tables write it: 4.3 → "4,3", 12 → "12,0". */
export function formatDecimal(value: number, digits: number): string {
  return numberFormat(`d${digits}`, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
}

/** Percentage points: 75.25 → "75,3 %"; with `fixed`, 2 → "2,0 %" (for columns of shares). */
export function formatPercent(value: number, digits = 1, fixed = false): string {
  return numberFormat(`p${digits}${fixed}`, { style: 'unit', unit: 'percent', maximumFractionDigits: digits, minimumFractionDigits: fixed ? digits : 0 }).format(value);
}

/** Money, given in cents: 123456700 → "1.234.567 €"; with cents when asked: "1.234,56 €". */
export function formatEuro(cents: number, mitCent = false): string {
  const digits = mitCent ? 2 : 0;
  return numberFormat(`e${digits}`, { style: 'currency', currency: 'EUR', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(cents / 100);
}

/** Money in millions of euros, given in cents: 1234567800 → "12,3 Mio. €". */
export function formatEuroMillions(cents: number, digits = 1): string {
  return `${formatNumber(cents / 100_000_000, digits)}\u00a0Mio.\u00a0€`;
}

/**
 * A plan date as readers see it (src/plan/datum.ts): "2026-11-23" → "23.11.2026"; a month or year
 * stays one ("2026-11" → "November 2026", "2026" → "2026"), never a made-up day.
 */
export function formatDate(datum: string): string {
  return formatDatum(datum);
}

/** "2026-11-23" → "23. November 2026"; a month or year as in formatDate. */
export function formatDateLong(datum: string): string {
  return formatDatumLang(datum);
}

/** A Zeitraum of years, year-months or school years: 2025–2026, 03/2025–12/2026, ab 2025, Schuljahr 2025/26–2027/28. */
export function formatZeitraum(z: { von: number | string; bis?: number | string | undefined }): string {
  const one = (v: number | string) => (typeof v === 'number' ? String(v) : v.includes('/') ? v : `${v.slice(5, 7)}/${v.slice(0, 4)}`);
  const schuljahr = String(z.von).includes('/') || String(z.bis ?? '').includes('/');
  if (schuljahr) {
    if (z.bis === undefined) return `ab Schuljahr ${one(z.von)}`;
    return String(z.bis) === String(z.von) ? `Schuljahr ${one(z.von)}` : `Schuljahre ${one(z.von)} bis ${one(z.bis)}`;
  }
  if (z.bis === undefined) return `ab ${one(z.von)}`;
  if (String(z.bis) === String(z.von)) return one(z.von);
  return `${one(z.von)}–${one(z.bis)}`;
}

/** "1 Ziel", "3 Ziele", "1.200 Schulen". */
export function anzahl(n: number, singular: string, plural: string): string {
  return `${formatNumber(n)} ${n === 1 ? singular : plural}`;
}
