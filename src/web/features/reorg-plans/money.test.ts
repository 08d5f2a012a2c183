import { describe, expect, it } from 'vitest';
import { centsToEuro, euroToCents } from './money';

describe('euro amounts', () => {
  it('reads Italian euro exactly, in cents', () => {
    expect(euroToCents('1.234,56')).toBe(123_456);
    expect(euroToCents('1234,5')).toBe(123_450);
    expect(euroToCents('0,29')).toBe(29);
    expect(euroToCents('12')).toBe(1200);
    expect(euroToCents('€ 1.000.000,01')).toBe(100_000_001);
  });

  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '1,234', '12.34', '1.23,4', '-5', '1,2,3'])
      expect(euroToCents(bad), bad).toBeNull();
  });

  it('writes cents as euro', () => {
    expect(centsToEuro(123_456)).toBe('1.234,56');
    expect(centsToEuro(5)).toBe('0,05');
    expect(centsToEuro(100_000_001)).toBe('1.000.000,01');
  });
});
