import { describe, expect, it } from 'vitest';
import { romeToday } from '../../../../common/rome-time.js';
import { weekOf } from './week.js';

describe('the week of a day', () => {
  it('runs Monday to Sunday', () => {
    expect(weekOf('2026-11-25')).toEqual({ weekStart: '2026-11-23', weekEnd: '2026-11-29' });
    expect(weekOf('2026-11-23')).toEqual({ weekStart: '2026-11-23', weekEnd: '2026-11-29' });
    expect(weekOf('2026-11-29')).toEqual({ weekStart: '2026-11-23', weekEnd: '2026-11-29' });
  });

  it('crosses months and years', () => {
    expect(weekOf('2027-01-01')).toEqual({ weekStart: '2026-12-28', weekEnd: '2027-01-03' });
    expect(weekOf('2028-03-01')).toEqual({ weekStart: '2028-02-28', weekEnd: '2028-03-05' });
  });

  it('takes the Rome day: Sunday 23:30 UTC is already Monday in Rome', () => {
    const today = romeToday(new Date('2026-11-29T23:30:00Z'));
    expect(today).toBe('2026-11-30');
    expect(weekOf(today).weekStart).toBe('2026-11-30');
  });
});
