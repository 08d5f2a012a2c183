// Totals at the k boundary and the differencing guard, including the "unit without one profile" attack.
import { describe, expect, it } from 'vitest';
import {
  checkFilter,
  differencingRisk,
  nestedDifferenceSafe,
  type PopulationFilter,
  safeTotal,
} from './differencing.js';

const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const filter = (id: string, ...groups: string[][]): PopulationFilter => ({
  id,
  members: new Set(groups.flat()),
});

describe('safeTotal', () => {
  it('hides a total of k − 1 people and publishes k and k + 1', () => {
    expect(safeTotal({ n: 4, value: 1.25 })).toEqual({ n: null, value: null, suppressed: 'primary' });
    expect(safeTotal({ n: 5, value: 1.25 })).toEqual({ n: 5, value: 1.25, suppressed: null });
    expect(safeTotal({ n: 6, value: 1.25 })).toEqual({ n: 6, value: 1.25, suppressed: null });
  });

  it('publishes a total of nobody (nothing to protect) and follows another k', () => {
    expect(safeTotal({ n: 0, value: 0 })).toEqual({ n: 0, value: 0, suppressed: null });
    expect(safeTotal({ n: 1, value: 2 }).suppressed).toBe('primary');
    expect(safeTotal({ n: 9, value: 2 }, { minGroupSize: 10 }).suppressed).toBe('primary');
    expect(safeTotal({ n: 10, value: 2 }, { minGroupSize: 10 }).suppressed).toBeNull();
  });
});

describe('the differencing guard', () => {
  // Unit 12: 20 people of profile A, and `x` people of profile X.
  const unit12 = (x: number) => filter('unit-12', people('a', 20), people('x', x));
  const withoutX = filter('unit-12-not-X', people('a', 20));

  it.each([1, 2, 3, 4])('refuses "unit 12 without profile X" when X has %i people', (x) => {
    expect(checkFilter(withoutX, [unit12(x)])).toEqual({
      publish: false,
      reason: 'differencing',
      conflictsWith: ['unit-12'],
    });
    // The same guard, the other way round: the wider filter asked after the narrower one.
    expect(checkFilter(unit12(x), [withoutX])).toMatchObject({ publish: false, reason: 'differencing' });
  });

  it('allows it when X has k or more people, or none at all (the same population again)', () => {
    expect(checkFilter(withoutX, [unit12(5)])).toEqual({ publish: true });
    expect(checkFilter(withoutX, [unit12(6)])).toEqual({ publish: true });
    expect(checkFilter(withoutX, [unit12(0)])).toEqual({ publish: true });
  });

  it('refuses a filter that is itself too small before comparing it', () => {
    expect(checkFilter(filter('x', people('x', 4)), [])).toEqual({ publish: false, reason: 'too-small' });
    expect(checkFilter(filter('x', people('x', 5)), [])).toEqual({ publish: true });
  });

  it('catches the complement of a small group against the campaign total', () => {
    const campaign = filter('campaign', people('a', 40), people('b', 3));
    expect(checkFilter(filter('all-but-b', people('a', 40)), [campaign])).toMatchObject({
      reason: 'differencing',
      conflictsWith: ['campaign'],
    });
  });

  it('holds both sides of overlapping filters to k, and lists every conflict', () => {
    // Requested = A ∪ {2 people}, published P = A ∪ {10 people}: T(R) − T(P) mixes the two, and
    // publishing the 10 elsewhere would single out the 2, so it is refused.
    const a = people('a', 20);
    const requested = filter('r', a, people('s', 2));
    const published = [filter('p', a, people('t', 10)), filter('q', a), filter('far', people('z', 30))];
    expect(checkFilter(requested, published)).toEqual({
      publish: false,
      reason: 'differencing',
      conflictsWith: ['p', 'q'],
    });
    expect(differencingRisk(new Set(a), new Set(people('z', 30)))).toBe(false); // disjoint, both large
  });

  it('only returns ids, never the size of a difference', () => {
    const d = checkFilter(withoutX, [unit12(2)]);
    expect(Object.keys(d).sort()).toEqual(['conflictsWith', 'publish', 'reason']);
  });

  it('is pairwise: three filters can still combine (a documented limit)', () => {
    // A = B ∪ C ∪ {x}: every pair differs by 5 or more, yet T(A) − T(B) − T(C) = x.
    const b = filter('b', people('b', 10));
    const c = filter('c', people('c', 10));
    const a = filter('a', people('b', 10), people('c', 10), ['x']);
    expect(checkFilter(a, [b, c])).toEqual({ publish: true });
  });
});

describe('nestedDifferenceSafe', () => {
  it('allows nested totals that differ by 0 or at least k people', () => {
    expect(nestedDifferenceSafe(25, 25)).toBe(true);
    expect(nestedDifferenceSafe(25, 24)).toBe(false);
    expect(nestedDifferenceSafe(25, 21)).toBe(false);
    expect(nestedDifferenceSafe(25, 20)).toBe(true);
    expect(nestedDifferenceSafe(25, 19)).toBe(true);
    expect(nestedDifferenceSafe(25, 22, { minGroupSize: 3 })).toBe(true);
    expect(() => nestedDifferenceSafe(5, 6)).toThrow(RangeError);
  });
});
