/** What decides whether a seat is free: pure, so the rule is tested apart from the database. */
export type SeatState = {
  capacity: number;
  /** Confirmed enrolments per unit (key null = people without a unit). */
  confirmedByUnit: Map<number | null, number>;
  /** Seats reserved for a unit's staff. */
  quotas: Map<number, number>;
};

export function confirmedTotal(s: SeatState): number {
  let n = 0;
  for (const v of s.confirmedByUnit.values()) n += v;
  return n;
}

/**
 * Whether someone of `unitId` can take a seat now. Seats reserved to other units and not yet taken
 * by their staff are out of reach; a unit's own reserve is open to its staff like any general seat.
 */
export function seatAvailableFor(s: SeatState, unitId: number | null): boolean {
  let reservedForOthers = 0;
  for (const [unit, seats] of s.quotas)
    if (unit !== unitId) reservedForOthers += Math.max(0, seats - (s.confirmedByUnit.get(unit) ?? 0));
  return s.capacity - confirmedTotal(s) - reservedForOthers > 0;
}

/** Records one more confirmed seat for the unit (used while promoting several people in a row). */
export function takeSeat(s: SeatState, unitId: number | null) {
  s.confirmedByUnit.set(unitId, (s.confirmedByUnit.get(unitId) ?? 0) + 1);
}
