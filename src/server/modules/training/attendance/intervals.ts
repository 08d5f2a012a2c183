/** A span of time in epoch milliseconds, start included, end excluded. */
export type Interval = { start: number; end: number };

/** The part of an interval inside a window; null when they do not overlap. */
export function clip(i: Interval, window: Interval): Interval | null {
  const start = Math.max(i.start, window.start);
  const end = Math.min(i.end, window.end);
  return end > start ? { start, end } : null;
}

/**
 * Merges overlapping and touching intervals, so a person who joined a webinar twice from two devices,
 * or dropped and rejoined, is not counted twice.
 */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = list.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const i of sorted) {
    const last = merged[merged.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
  }
  return merged;
}

/** Whole minutes covered by intervals that do not overlap (merge them first). */
export function totalMinutes(list: readonly Interval[]): number {
  return Math.floor(list.reduce((sum, i) => sum + (i.end - i.start), 0) / 60_000);
}

/** Clips each interval to the window, merges them and counts the whole minutes. */
export function attendedMinutes(list: readonly Interval[], window: Interval) {
  const merged = mergeIntervals(list.map((i) => clip(i, window)).filter((i): i is Interval => i !== null));
  return { intervals: merged, minutes: totalMinutes(merged) };
}
