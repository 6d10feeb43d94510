import { describe, expect, it } from 'vitest';
import { parseGermanNumber, germanNumber, dateSchema } from '../../src/plan/schemas/index.ts';

describe('Zahlen in deutscher Schreibweise', () => {
  it.each([
    ['1.234,56', 1234.56],
    ['1234,5', 1234.5],
    ['1.000', 1000],
    ['12.345.678', 12345678],
    ['87,5', 87.5],
    ['-3,25', -3.25],
    [' 42 ', 42],
  ])('liest %s als %d', (text, value) => {
    expect(parseGermanNumber(text)).toBe(value);
  });

  it.each(['1.5', '1,234.56', '12.34', '1 000', '1.2345', 'abc', '', '1,2,3', '1.234.5'])('weist „%s“ zurück statt zu raten', (text) => {
    expect(parseGermanNumber(text)).toBeUndefined();
  });

  it('meldet im Schema, was erwartet wurde', () => {
    const result = germanNumber({ integer: true }).safeParse('12,5');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain('ganze Zahl');
  });

  it('nimmt echte Zahlen aus YAML unverändert', () => {
    expect(germanNumber().parse(1234.56)).toBe(1234.56);
  });
});

describe('Datumsangaben', () => {
  it('nimmt ISO-Daten als Text oder Date', () => {
    expect(dateSchema.parse('2026-11-23')).toBe('2026-11-23');
    expect(dateSchema.parse(new Date('2026-11-23T00:00:00Z'))).toBe('2026-11-23');
  });
  it.each(['2025-02-30', '23.11.2026', '2026-1-5', 'morgen'])('weist „%s“ zurück', (text) => {
    expect(dateSchema.safeParse(text).success).toBe(false);
  });
});
