import { describe, expect, it } from 'vitest';
import { attendedMinutes, clip, mergeIntervals, totalMinutes } from './intervals.js';

const M = 60_000;
const iv = (from: number, to: number) => ({ start: from * M, end: to * M });

describe('clip', () => {
  it('keeps the part inside the window', () => {
    expect(clip(iv(-10, 30), iv(0, 60))).toEqual(iv(0, 30));
    expect(clip(iv(50, 90), iv(0, 60))).toEqual(iv(50, 60));
    expect(clip(iv(10, 20), iv(0, 60))).toEqual(iv(10, 20));
  });
  it('drops an interval entirely before or after the window, or only touching it', () => {
    expect(clip(iv(-30, -5), iv(0, 60))).toBeNull();
    expect(clip(iv(60, 70), iv(0, 60))).toBeNull();
    expect(clip(iv(-10, 0), iv(0, 60))).toBeNull();
  });
});

describe('mergeIntervals', () => {
  it('merges overlapping intervals in any order', () => {
    expect(mergeIntervals([iv(30, 50), iv(0, 40)])).toEqual([iv(0, 50)]);
  });
  it('merges touching intervals (left and rejoined at the same minute)', () => {
    expect(mergeIntervals([iv(0, 20), iv(20, 35)])).toEqual([iv(0, 35)]);
  });
  it('keeps separate intervals apart and sorted', () => {
    expect(mergeIntervals([iv(40, 50), iv(0, 10)])).toEqual([iv(0, 10), iv(40, 50)]);
  });
  it('absorbs an interval contained in another', () => {
    expect(mergeIntervals([iv(0, 60), iv(10, 20), iv(55, 58)])).toEqual([iv(0, 60)]);
  });
  it('ignores empty or reversed intervals and does not change its input', () => {
    const input = [iv(10, 10), iv(30, 20), iv(0, 5)];
    expect(mergeIntervals(input)).toEqual([iv(0, 5)]);
    expect(input[0]).toEqual(iv(10, 10));
  });
  it('returns nothing for nothing', () => {
    expect(mergeIntervals([])).toEqual([]);
  });
});

describe('minutes', () => {
  it('floors the total of merged intervals', () => {
    expect(totalMinutes([{ start: 0, end: 59_999 }])).toBe(0);
    expect(
      totalMinutes([
        { start: 0, end: 90_000 },
        { start: 200_000, end: 230_000 },
      ]),
    ).toBe(2);
  });
  it('clips, merges and counts a person connected twice at once', () => {
    // Joined 10 minutes early on a laptop, then on a phone too; left 5 minutes after the end.
    const r = attendedMinutes([iv(-10, 40), iv(30, 65), iv(100, 120)], iv(0, 60));
    expect(r.intervals).toEqual([iv(0, 60)]);
    expect(r.minutes).toBe(60);
  });
});
