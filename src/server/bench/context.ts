import { isWorkingDay } from '../../common/holidays.js';
import { addDays, romeInstant } from '../../common/rome-time.js';
import type { Sizes } from './options.js';
import type { Draw } from './random.js';

/** What every step of the load shares: the seed's draws, the day the data is laid out around, the sizes. */
export type BenchContext = {
  seed: number;
  draw: Draw;
  sizes: Sizes;
  /** Rome date the data is anchored on. */
  today: string;
  /** Rome midnight starting `today`, as an ISO instant: sessions before it are past. */
  todayStart: string;
  /** Working days (no weekend, no national holiday) around today, in order. */
  workingDays: string[];
  /** Index in `workingDays` of the first working day from today. */
  todayIndex: number;
  /** The one password hash every person shares. */
  passwordHash: string;
};

/** ~14 months of working days before today and ~10 after: editions and their sessions land on them. */
export function workingDaysAround(today: string) {
  const days: string[] = [];
  let todayIndex = -1;
  for (let d = addDays(today, -430); d <= addDays(today, 300); d = addDays(d, 1)) {
    if (!isWorkingDay(d)) continue;
    if (todayIndex < 0 && d >= today) todayIndex = days.length;
    days.push(d);
  }
  return { workingDays: days, todayIndex };
}

export function todayStartOf(today: string): string {
  return romeInstant(today).toISOString();
}
