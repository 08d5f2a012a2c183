import { describe, expect, it } from 'vitest';
import { centsToTyped, formatEuro, parseEuroCents } from './money';

describe('euro amounts', () => {
  it('reads Italian amounts into exact cents', () => {
    expect(parseEuroCents('1.234.567,89')).toBe(123_456_789);
    expect(parseEuroCents('1234567,89')).toBe(123_456_789);
    expect(parseEuroCents('0,1')).toBe(10);
    expect(parseEuroCents('0,29')).toBe(29);
    expect(parseEuroCents('€ 1.000')).toBe(100_000);
    expect(parseEuroCents('12')).toBe(1200);
    // 0.29 * 100 is 28.999… in floating point: never used.
    expect(parseEuroCents('4.000.000,29')).toBe(400_000_029);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1,234', '-5', '1.23,00', '12.5', '1,2,3', '1.2345', '999999999999,00'])
      expect(parseEuroCents(bad), bad).toBeNull();
  });

  it('writes cents back the same way', () => {
    expect(centsToTyped(123_456_789)).toBe('1.234.567,89');
    expect(centsToTyped(5)).toBe('0,05');
    expect(formatEuro(100_000)).toBe('€ 1.000,00');
    expect(parseEuroCents(centsToTyped(987_654_321_01))).toBe(987_654_321_01);
  });
});
