import { describe, expect, it } from 'vitest';
import { changedFields } from './changes.js';

describe('changedFields', () => {
  it('lists only the fields whose value changed, comparing dates by instant', () => {
    const before = { name: 'Cuneo', phase: 1, at: new Date('2026-01-01T00:00:00Z'), untouched: 'x' };
    const after = { name: 'Cuneo', phase: 2, at: new Date('2026-01-01T00:00:00Z') };
    expect(changedFields(before, after)).toEqual({ phase: { from: 1, to: 2 } });
    expect(changedFields(before, { at: new Date('2026-01-02T00:00:00Z') })).toEqual({
      at: { from: before.at, to: new Date('2026-01-02T00:00:00Z') },
    });
  });
});
