import { describe, expect, it } from 'vitest';
import { confirmedTotal, type SeatState, seatAvailableFor, takeSeat } from './seats.js';

const state = (capacity: number, confirmed: [number | null, number][], quotas: [number, number][] = []) =>
  ({ capacity, confirmedByUnit: new Map(confirmed), quotas: new Map(quotas) }) as SeatState;

describe('seats', () => {
  it('is free while confirmed enrolments are below capacity', () => {
    expect(seatAvailableFor(state(2, [[1, 1]]), 5)).toBe(true);
    expect(seatAvailableFor(state(2, [[1, 2]]), 5)).toBe(false);
    expect(seatAvailableFor(state(0, []), null)).toBe(false);
  });

  it('keeps the unfilled seats reserved to a unit away from the others', () => {
    // 10 seats, 3 reserved to unit 7; 7 general seats already taken by unit 1.
    const s = state(10, [[1, 7]], [[7, 3]]);
    expect(seatAvailableFor(s, 1)).toBe(false);
    expect(seatAvailableFor(s, null)).toBe(false);
    expect(seatAvailableFor(s, 7)).toBe(true);
  });

  it('lets a unit use general seats once its reserve is full', () => {
    const s = state(10, [[7, 3]], [[7, 3]]);
    expect(seatAvailableFor(s, 7)).toBe(true);
    expect(seatAvailableFor(s, 1)).toBe(true);
  });

  it('counts seats taken one after the other', () => {
    const s = state(2, [], [[7, 1]]);
    expect(seatAvailableFor(s, 1)).toBe(true);
    takeSeat(s, 1);
    expect(seatAvailableFor(s, 1)).toBe(false);
    expect(seatAvailableFor(s, 7)).toBe(true);
    takeSeat(s, 7);
    expect(confirmedTotal(s)).toBe(2);
    expect(seatAvailableFor(s, 7)).toBe(false);
  });
});
