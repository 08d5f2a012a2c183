import { describe, expect, it } from 'vitest';
import { addMonths, endOfMonth, monthWeeks, startOfWeek } from './calendarDays';

describe('calendar days', () => {
  it('does month arithmetic on plain days', () => {
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
  });

  it('starts weeks on Monday and covers a month with whole weeks', () => {
    expect(startOfWeek('2026-03-29')).toBe('2026-03-23'); // a Sunday
    expect(startOfWeek('2026-03-23')).toBe('2026-03-23');
    const weeks = monthWeeks('2026-03-10');
    expect(weeks[0]?.[0]).toBe('2026-02-23');
    expect(weeks.at(-1)?.[6]).toBe('2026-04-05');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
  });
});
