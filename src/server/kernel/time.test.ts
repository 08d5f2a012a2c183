import { describe, expect, it } from 'vitest';
import { addDays, romeDate, romeInstant } from './time.js';

describe('Rome wall-clock times', () => {
  it('uses +01:00 in winter and +02:00 in summer', () => {
    expect(romeInstant('2026-01-15', '09:00').toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(romeInstant('2026-07-15', '09:00').toISOString()).toBe('2026-07-15T07:00:00.000Z');
  });

  it('handles the nights the clocks change (29 March and 25 October 2026)', () => {
    expect(romeInstant('2026-03-29', '09:00').toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(romeInstant('2026-03-28', '09:00').toISOString()).toBe('2026-03-28T08:00:00.000Z');
    expect(romeInstant('2026-10-25', '09:00').toISOString()).toBe('2026-10-25T08:00:00.000Z');
    expect(romeInstant('2026-10-24', '09:00').toISOString()).toBe('2026-10-24T07:00:00.000Z');
    expect(() => romeInstant('2026-03-29', '02:30')).toThrow(RangeError);
  });

  it('gives the Rome date of an instant near midnight', () => {
    expect(romeDate(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(romeDate(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
  });
});
