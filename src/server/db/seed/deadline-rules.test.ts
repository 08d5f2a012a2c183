import { describe, expect, it } from 'vitest';
import { type DeadlineMove, daysUntil, deadlineFor } from '../../../common/deadlines.js';
import { DEADLINE_RULES } from './restructuring-rules.js';

const due = (kind: Parameters<typeof deadlineFor>[0], year: number, moves: DeadlineMove[] = []) =>
  deadlineFor(kind, year, DEADLINE_RULES, moves);

describe('programming deadlines', () => {
  it('puts the DUP on 31 July and its Nota on 15 November of the year before the period', () => {
    expect(due('dup', 2027)).toMatchObject({ due: '2026-07-31', basis: 'rule' });
    expect(due('nadup', 2027)).toMatchObject({ due: '2026-11-15', basis: 'rule' });
  });

  it('puts the PIAO and its staff-needs plan on 31 January of the first year', () => {
    expect(due('piao', 2027)).toMatchObject({ due: '2027-01-31', basis: 'rule' });
    expect(due('ptfp', 2027)).toMatchObject({ due: '2027-01-31', basis: 'rule' });
  });

  it('moves the PIAO to 30 days after the budget when the budget deadline moves', () => {
    const moves: DeadlineMove[] = [{ kind: 'bilancio', year: 2027, due: '2027-02-28', source: 'DM Interno' }];
    const piao = due('piao', 2027, moves);
    expect(piao).toMatchObject({ due: '2027-03-30', basis: 'budget' });
    expect(piao?.source).toContain('DM Interno');
    // Another year's move changes nothing, and a leap year counts its 29 February.
    expect(due('piao', 2028, moves)).toMatchObject({ due: '2028-01-31', basis: 'rule' });
    const leap: DeadlineMove[] = [{ kind: 'bilancio', year: 2028, due: '2028-02-28', source: 'x' }];
    expect(due('piao', 2028, leap)).toMatchObject({ due: '2028-03-29' });
  });

  it('never brings the PIAO forward when the budget deadline moves earlier', () => {
    const moves: DeadlineMove[] = [{ kind: 'bilancio', year: 2027, due: '2026-12-15', source: 'x' }];
    expect(due('piao', 2027, moves)).toMatchObject({ due: '2027-01-31', basis: 'rule' });
  });

  it('follows a move of the document itself before any rule', () => {
    const moves: DeadlineMove[] = [
      { kind: 'dup', year: 2027, due: '2026-09-30', source: 'DL proroga' },
      { kind: 'bilancio', year: 2027, due: '2027-02-28', source: 'y' },
      { kind: 'piao', year: 2027, due: '2027-04-30', source: 'z' },
    ];
    expect(due('dup', 2027, moves)).toMatchObject({
      due: '2026-09-30',
      basis: 'moved',
      source: 'DL proroga',
    });
    expect(due('piao', 2027, moves)).toMatchObject({ due: '2027-04-30', basis: 'moved' });
  });

  it('has no deadline for a year no rule covers, and takes the 28th for a 29 February in a common year', () => {
    expect(due('piao', 2021)).toBeNull();
    const rules = [{ ...DEADLINE_RULES[0], kind: 'dup' as const, month: 2, day: 29, yearOffset: 0 }];
    expect(deadlineFor('dup', 2027, rules as typeof DEADLINE_RULES, [])?.due).toBe('2027-02-28');
    expect(deadlineFor('dup', 2028, rules as typeof DEADLINE_RULES, [])?.due).toBe('2028-02-29');
  });

  it('counts the days left, negative once overdue', () => {
    expect(daysUntil('2026-07-01', '2026-07-31')).toBe(30);
    expect(daysUntil('2026-08-02', '2026-07-31')).toBe(-2);
    expect(daysUntil('2026-03-28', '2026-03-30')).toBe(2);
  });
});
