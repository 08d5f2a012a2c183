import { describe, expect, it } from 'vitest';
import { statusMessage, statusTone } from './status';

const deadline = (daysLeft: number) => ({ due: '2027-01-31', basis: 'rule' as const, source: 'x', daysLeft });

describe('document status', () => {
  it('says plainly where a document stands', () => {
    expect(statusMessage({ state: 'presented', adoptedOn: '2026-07-28', deadline: deadline(-3) })).toEqual({
      key: 'presented',
      date: '2026-07-28',
    });
    expect(statusMessage({ state: 'overdue', adoptedOn: null, deadline: deadline(-3) })).toEqual({
      key: 'overdue',
      count: 3,
    });
    expect(statusMessage({ state: 'due', adoptedOn: null, deadline: deadline(0) })).toEqual({
      key: 'dueToday',
    });
    expect(statusMessage({ state: 'due', adoptedOn: null, deadline: deadline(12) })).toEqual({
      key: 'dueIn',
      count: 12,
    });
    expect(statusMessage({ state: 'noRule', adoptedOn: null, deadline: null })).toEqual({ key: 'noRule' });
  });

  it('colours what is overdue or close', () => {
    expect(statusTone({ state: 'overdue', deadline: deadline(-1) })).toBe('danger');
    expect(statusTone({ state: 'due', deadline: deadline(7) })).toBe('warning');
    expect(statusTone({ state: 'due', deadline: deadline(90) })).toBe('secondary');
    expect(statusTone({ state: 'presented', deadline: deadline(-1) })).toBe('success');
  });
});
