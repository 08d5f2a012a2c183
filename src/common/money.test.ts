import { describe, expect, it } from 'vitest';
import { euroInput, formatEuro, formatPercent, formatRatio, parseEuro, parsePercent } from './money.js';

describe('euro amounts in integer cents', () => {
  it('reads Italian amounts exactly', () => {
    expect(parseEuro('1.234.567,89')).toBe(123_456_789);
    expect(parseEuro('1234567,89')).toBe(123_456_789);
    expect(parseEuro('€ 1.234.567')).toBe(123_456_700);
    expect(parseEuro('0,1')).toBe(10);
    expect(parseEuro('0,29')).toBe(29); // 0.29 * 100 is 28.999… as a float
    expect(parseEuro('1.005,35')).toBe(100_535);
    expect(parseEuro('99.999.999.999,99')).toBe(9_999_999_999_999);
    expect(parseEuro('100.000.000.000,00')).toBe(10_000_000_000_000);
    expect(parseEuro('')).toBeNull();
    expect(parseEuro('  ')).toBeNull();
  });

  it('refuses what is not an amount', () => {
    for (const bad of [
      '1,234',
      '12,345',
      '1.23',
      '1234.56',
      '-5',
      'abc',
      '1.2345,00',
      '1,,2',
      '1,2,3',
      '1e9',
      '100.000.000.000,01',
    ])
      expect(parseEuro(bad), bad).toBe('invalid');
  });

  it('writes amounts back the same way, negatives included', () => {
    expect(euroInput(123_456_789)).toBe('1.234.567,89');
    expect(euroInput(5)).toBe('0,05');
    expect(euroInput(null)).toBe('');
    expect(parseEuro(euroInput(9_876_543_210_987))).toBe(9_876_543_210_987);
    expect(formatEuro(123_456_789, 'it')).toBe('1.234.567,89 €');
    expect(formatEuro(-137_700_000, 'it')).toBe('−1.377.000,00 €');
    expect(formatEuro(123_456_789, 'en')).toBe('€1,234,567.89');
    expect(formatEuro(null, 'it')).toBe('—');
  });

  it('reads and writes percents in hundredths', () => {
    expect(parsePercent('20,80')).toBe(2080);
    expect(parsePercent('19,1')).toBe(1910);
    expect(parsePercent('100')).toBe(10_000);
    expect(parsePercent('100,01')).toBe('invalid');
    expect(parsePercent('abc')).toBe('invalid');
    expect(formatPercent(1390, 'it')).toBe('13,90%');
    expect(formatPercent(1390, 'en')).toBe('13.90%');
    expect(formatRatio(16.95, 'it')).toBe('16,95%');
  });
});
