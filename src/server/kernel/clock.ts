/**
 * The time source of every rule that depends on "now" (deadlines, windows, expiries, reminders).
 * Services receive it from the kernel instead of reading the system clock, so a test can set the hour.
 */
export type Clock = {
  /** The current instant. */
  now(): Date;
};

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stays where it is set: for tests of time rules. */
export function fixedClock(start: Date | string) {
  let at = new Date(start);
  return {
    now: () => new Date(at),
    set(instant: Date | string) {
      at = new Date(instant);
    },
    advance(ms: number) {
      at = new Date(at.getTime() + ms);
    },
  };
}
