import { describe, expect, it } from 'vitest';
import { activeFilterCount, nextPeriod, readFilters, writeFilters } from './filters';

describe('calendar filters', () => {
  it('counts the filters that narrow the results, not the view, its date or the page', () => {
    expect(activeFilterCount(readFilters(new URLSearchParams('view=month&date=2026-12-01&page=3')))).toBe(0);
    expect(
      activeFilterCount(
        readFilters(
          new URLSearchParams('q=appalti&domain=tecnologico&mode=aula&available=true&from=2026-12-01'),
        ),
      ),
    ).toBe(5);
    // An invalid value is dropped, so it is not counted either.
    expect(activeFilterCount(readFilters(new URLSearchParams('mode=teletrasporto&unit=abc')))).toBe(0);
  });

  it('goes to the period of the next session with the same filters', () => {
    const month = readFilters(new URLSearchParams('view=month&date=2025-11-10&domain=tecnologico'));
    expect(writeFilters(nextPeriod(month, '2026-02-17'))).toEqual({
      view: 'month',
      date: '2026-02-17',
      domain: 'tecnologico',
    });
    const list = readFilters(new URLSearchParams('from=2026-01-01&to=2026-01-31&page=2&q=fondi'));
    expect(writeFilters(nextPeriod(list, '2026-03-04'))).toEqual({ q: 'fondi', from: '2026-03-04' });
  });
});
