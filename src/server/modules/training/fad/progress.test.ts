import { describe, expect, it } from 'vitest';
import { ledgerMinutes, ledgerStepReached, moduleComplete, visitSeconds } from './progress.js';

const start = new Date('2026-12-01T09:00:00Z');
const secondsIn = (s: number) => new Date(start.getTime() + s * 1000);

describe('online module progress', () => {
  it('keeps the highest figure a visit reported, never more than its time plus 30 s', () => {
    expect(visitSeconds({ stored: 0, claimed: 60, startedAt: start, now: secondsIn(60) })).toBe(60);
    expect(visitSeconds({ stored: 0, claimed: 3600, startedAt: start, now: secondsIn(60) })).toBe(90);
    expect(visitSeconds({ stored: 120, claimed: 60, startedAt: start, now: secondsIn(300) })).toBe(120);
    expect(visitSeconds({ stored: 0, claimed: 10, startedAt: start, now: start })).toBe(10);
    expect(visitSeconds({ stored: 0, claimed: 60, startedAt: secondsIn(10), now: start })).toBe(30);
  });

  it('completes a module when every page is viewed and the minimum time is reached', () => {
    const rule = { requireAllPages: true, minMinutes: 10, quizId: null };
    const pages = [1, 2, 3];
    expect(
      moduleComplete(rule, {
        pageIds: pages,
        viewedPageIds: new Set([1, 2, 3]),
        activeSeconds: 600,
        quizPassed: false,
      }),
    ).toBe(true);
    expect(
      moduleComplete(rule, {
        pageIds: pages,
        viewedPageIds: new Set([1, 2]),
        activeSeconds: 6000,
        quizPassed: false,
      }),
    ).toBe(false);
    expect(
      moduleComplete(rule, {
        pageIds: pages,
        viewedPageIds: new Set([1, 2, 3]),
        activeSeconds: 599,
        quizPassed: false,
      }),
    ).toBe(false);
    expect(
      moduleComplete(
        { requireAllPages: false, minMinutes: 0, quizId: null },
        { pageIds: pages, viewedPageIds: new Set(), activeSeconds: 0, quizPassed: false },
      ),
    ).toBe(true);
    expect(
      moduleComplete(rule, { pageIds: [], viewedPageIds: new Set(), activeSeconds: 6000, quizPassed: false }),
    ).toBe(false);
    // A module with a quiz waits for it to be passed.
    const all = { pageIds: pages, viewedPageIds: new Set([1, 2, 3]), activeSeconds: 600 };
    expect(moduleComplete({ ...rule, quizId: 7 }, { ...all, quizPassed: false })).toBe(false);
    expect(moduleComplete({ ...rule, quizId: 7 }, { ...all, quizPassed: true })).toBe(true);
  });

  it('writes the active minutes to the ledger in five-minute steps, capped by the session, whole at completion', () => {
    expect(ledgerMinutes(125, false, 120)).toBe(2);
    expect(ledgerMinutes(99_999, false, 120)).toBe(120);
    expect(ledgerMinutes(60, true, 120)).toBe(120);
    expect(ledgerStepReached(null, 0, false)).toBe(false);
    expect(ledgerStepReached(null, 1, false)).toBe(true);
    expect(ledgerStepReached(1, 4, false)).toBe(false);
    expect(ledgerStepReached(4, 5, false)).toBe(true);
    expect(ledgerStepReached(5, 9, false)).toBe(false);
    expect(ledgerStepReached(9, 120, true)).toBe(true);
    expect(ledgerStepReached(120, 120, true)).toBe(false);
    expect(ledgerStepReached(30, 20, false)).toBe(false);
  });
});
