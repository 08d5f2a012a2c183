import { describe, expect, it } from 'vitest';
import { CODE_PATTERN, hoursOf, normaliseCode } from '../../../../common/certificates.js';
import { newCertificateCode } from './code.js';

describe('verification codes', () => {
  it('are four groups of four Crockford base32 characters, and never repeat', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = newCertificateCode();
      expect(code).toMatch(CODE_PATTERN);
      codes.add(code);
    }
    expect(codes.size).toBe(2000);
  });

  it('use the whole alphabet (the bits are not biased towards a few characters)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) for (const c of newCertificateCode().replace(/-/g, '')) seen.add(c);
    expect(seen.size).toBe(32);
  });

  it('are read back whatever the case, spacing and dashes', () => {
    expect(normaliseCode('k7qm-3xtr-9pad-2vhc')).toBe('K7QM-3XTR-9PAD-2VHC');
    expect(normaliseCode('K7QM3XTR9PAD2VHC')).toBe('K7QM-3XTR-9PAD-2VHC');
    expect(normaliseCode(' k7qm 3xtr-9pad 2vhc ')).toBe('K7QM-3XTR-9PAD-2VHC');
  });

  it('read the letters people confuse with digits as the digits (I, L → 1; O → 0)', () => {
    expect(normaliseCode('K7QM-3XTR-9PAD-IVHO')).toBe('K7QM-3XTR-9PAD-1VH0');
    expect(normaliseCode('l7qm-3xtr-9pad-2vhc')).toBe('17QM-3XTR-9PAD-2VHC');
  });

  it('refuse what cannot be a code', () => {
    expect(normaliseCode('')).toBeNull();
    expect(normaliseCode('K7QM-3XTR-9PAD')).toBeNull();
    expect(normaliseCode('K7QM-3XTR-9PAD-2VHCX')).toBeNull();
    expect(normaliseCode('K7QM-3XTR-9PAD-2VHU')).toBeNull();
    expect(normaliseCode("K7QM-3XTR-9PAD-2VH'")).toBeNull();
  });
});

describe('hours from minutes', () => {
  it('keeps one decimal, rounding half up', () => {
    expect(hoursOf(0)).toBe(0);
    expect(hoursOf(90)).toBe(1.5);
    expect(hoursOf(100)).toBe(1.7);
    expect(hoursOf(75)).toBe(1.3);
    expect(hoursOf(2400)).toBe(40);
  });
});
