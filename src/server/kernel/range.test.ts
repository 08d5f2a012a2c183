import { describe, expect, it } from 'vitest';
import { AppError } from './errors.js';
import { romeDayRange } from './range.js';

const refusal = (from: string, to: string) => {
  try {
    romeDayRange(from, to, 400);
  } catch (err) {
    return err instanceof AppError ? { status: err.statusCode, code: err.code, fields: err.fields } : err;
  }
  return null;
};

describe('romeDayRange', () => {
  it('gives the instants from the first midnight to the midnight after the last day (Rome)', () => {
    const { fromInstant, toInstant } = romeDayRange('2026-03-28', '2026-03-29', 400);
    expect(fromInstant.toISOString()).toBe('2026-03-27T23:00:00.000Z');
    expect(toInstant.toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it.each([
    ['2026-02-30', '2026-03-01', 'from'],
    ['2026-02-01', '2026-13-01', 'to'],
    ['0000-00-00', '2026-01-01', 'from'],
    ['2026-1-1', '2026-01-02', 'from'],
  ])('refuses a day that does not exist (%s … %s) with 400 INVALID_DATE', (from, to, field) => {
    expect(refusal(from, to)).toEqual({ status: 400, code: 'INVALID_DATE', fields: [field] });
  });

  it('refuses an inverted or too long range', () => {
    expect(refusal('2026-03-02', '2026-03-01')).toMatchObject({ code: 'INVALID_RANGE' });
    expect(refusal('2026-01-01', '2028-01-01')).toMatchObject({ code: 'RANGE_TOO_LONG' });
  });
});
