import { describe, expect, it } from 'vitest';
import { formatDate, formatDateLong, formatEuro, formatEuroMillions, formatNumber, formatPercent, formatZeitraum } from '../../src/plan/format.ts';

// Intl separates number and unit with a no-break space; compare with plain spaces.
const plain = (s: string) => s.replaceAll('\u00a0', ' ').replaceAll('\u202f', ' ');

describe('deutsche Formate', () => {
  it('formatiert Zahlen mit Tausenderpunkt und Dezimalkomma', () => {
    expect(formatNumber(1234.5, 1)).toBe('1.234,5');
    expect(formatNumber(1234567)).toBe('1.234.567');
    expect(formatNumber(0.25, 2)).toBe('0,25');
  });
  it('formatiert Euro ohne und mit Cent und in Millionen', () => {
    // Money is kept in cents until it is formatted.
    expect(plain(formatEuro(123_456_700))).toBe('1.234.567 €');
    expect(plain(formatEuro(123_450, true))).toBe('1.234,50 €');
    expect(plain(formatEuroMillions(1_234_567_800))).toBe('12,3 Mio. €');
  });
  it('formatiert Prozentpunkte mit einer Nachkommastelle', () => {
    expect(plain(formatPercent(75.25))).toBe('75,3 %');
    expect(plain(formatPercent(30))).toBe('30 %');
    expect(plain(formatPercent(2, 1, true))).toBe('2,0 %');
  });
  it('formatiert Daten als TT.MM.JJJJ, unabhängig von der Zeitzone', () => {
    expect(formatDate('2026-11-23')).toBe('23.11.2026');
    expect(formatDate('2026-01-01')).toBe('01.01.2026');
    expect(formatDateLong('2026-03-05')).toBe('5. März 2026');
  });
  it('formatiert Zeiträume aus Jahren und Monaten', () => {
    expect(formatZeitraum({ von: 2025, bis: 2026 })).toBe('2025–2026');
    expect(formatZeitraum({ von: '2025-09' })).toBe('ab 09/2025');
    expect(formatZeitraum({ von: 2025, bis: 2025 })).toBe('2025');
  });
});
