import { describe, expect, it } from 'vitest';
import { dbId, dbIdParam, httpUrl, instant, isoDate, page, pageSize } from './primitives.js';

const ok = (schema: { safeParse(v: unknown): { success: boolean } }, v: unknown) =>
  schema.safeParse(v).success;

describe('input primitives', () => {
  it('take a database id only as a positive int32; from text in paths and queries', () => {
    for (const v of [1, 2147483647]) expect(ok(dbId, v)).toBe(true);
    for (const v of [0, -1, 1.5, 2147483648, Number.NaN, Number.POSITIVE_INFINITY, '12', null, true])
      expect(ok(dbId, v), String(v)).toBe(false);
    expect(dbIdParam.parse('42')).toBe(42);
    for (const v of ['2147483648', '-2147483649', '0', '1.5', 'NaN', 'Infinity', '1e400', 'abc', ''])
      expect(ok(dbIdParam, v), v).toBe(false);
    // One spelling per number: no hexadecimal, binary, octal, exponent, sign, spaces or leading zeros.
    for (const v of ['0x10', '0b11', '0o7', '1e3', '+5', ' 12', '12 ', '\t7\n', '12.0', '012', '99999999999'])
      expect(ok(dbIdParam, v), JSON.stringify(v)).toBe(false);
  });

  it('take a calendar day only when it exists, within four-digit years', () => {
    for (const v of ['2026-03-29', '2028-02-29', '1900-01-01', '2999-12-31'])
      expect(ok(isoDate, v), v).toBe(true);
    for (const v of [
      '2026-02-30',
      '2026-02-29',
      '2026-13-01',
      '2026-04-31',
      '0000-01-01',
      '1899-12-31',
      '3000-01-01',
      '2026-1-1',
      '',
    ])
      expect(ok(isoDate, v), v).toBe(false);
    expect(isoDate.safeParse('2026-02-30').error?.issues.map((i) => i.message)).toEqual(['not a real day']);
  });

  it('take an instant only with an offset, on a real day, within the same years', () => {
    for (const v of ['2026-03-29T09:00:00+02:00', '2026-03-29T07:00:00Z'])
      expect(ok(instant, v), v).toBe(true);
    for (const v of [
      '2026-02-30T09:00:00+01:00',
      '2026-03-29T09:00:00',
      '0000-01-01T00:00:00Z',
      '3000-01-01T00:00:00Z',
    ])
      expect(ok(instant, v), v).toBe(false);
  });

  it('bound pages', () => {
    expect(page.parse(undefined)).toBe(1);
    for (const v of ['0', '-1', '1.5', '100001', 'NaN']) expect(ok(page, v), v).toBe(false);
    expect(ok(pageSize(200, 25), '201')).toBe(false);
  });

  it('take only http and https links', () => {
    for (const v of ['https://meet.example.it/x', 'http://localhost:3000/a'])
      expect(ok(httpUrl, v), v).toBe(true);
    for (const v of ['javascript:alert(1)', 'data:text/html,x', 'ftp://x.it', 'not a url'])
      expect(ok(httpUrl, v), v).toBe(false);
  });
});
