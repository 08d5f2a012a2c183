import { describe, expect, it, vi } from 'vitest';
import { periodicJob } from './periodic.js';

const logger = () =>
  ({ error: vi.fn() }) as unknown as Parameters<typeof periodicJob>[0]['log'] & {
    error: ReturnType<typeof vi.fn>;
  };

/** A pass that waits until released, counting its runs and the instants it was given. */
function gatedPass() {
  const seen: (Date | undefined)[] = [];
  let release: () => void = () => undefined;
  const pass = (now?: Date) => {
    seen.push(now);
    return new Promise<number>((resolve) => {
      release = () => resolve(seen.length);
    });
  };
  return { pass, seen, release: () => release() };
}

describe('periodicJob', () => {
  it('runs one pass at a time: a caller arriving meanwhile shares the pass in flight', async () => {
    const gate = gatedPass();
    const job = periodicJob({ name: 'test', pass: gate.pass, intervalMs: 60_000, log: logger() });
    const at = new Date('2026-12-01T08:00:00Z');
    const first = job.runOnce(at);
    const second = job.runOnce(new Date('2026-12-01T09:00:00Z'));
    expect(second).toBe(first);
    gate.release();
    expect(await first).toBe(1);
    expect(gate.seen).toEqual([at]);
    // Once it has ended, the next call starts a new pass.
    const third = job.runOnce();
    gate.release();
    expect(await third).toBe(2);
  });

  it('ticks on its interval, logs a failed pass and goes on; stop waits for the pass in flight', async () => {
    vi.useFakeTimers();
    try {
      const log = logger();
      let calls = 0;
      let finished = 0;
      const job = periodicJob({
        name: 'flaky',
        pass: async () => {
          calls++;
          if (calls === 1) throw new Error('boom');
          finished++;
          return calls;
        },
        intervalMs: 1000,
        log,
        onStop: () => {
          finished += 100;
        },
      });
      job.start();
      job.start(); // a second start does not add a second timer
      expect(calls).toBe(0);
      await vi.advanceTimersByTimeAsync(1000);
      expect(calls).toBe(1);
      expect(log.error).toHaveBeenCalledWith(
        expect.objectContaining({ err: expect.any(Error) }),
        'flaky pass failed',
      );
      await vi.advanceTimersByTimeAsync(1000);
      expect(calls).toBe(2);
      await job.stop();
      await vi.advanceTimersByTimeAsync(5000);
      expect(calls).toBe(2);
      expect(finished).toBe(101);
    } finally {
      vi.useRealTimers();
    }
  });

  it('runs a first pass at start when asked, and never starts when disabled', async () => {
    const runs: string[] = [];
    const eager = periodicJob({
      name: 'eager',
      pass: async () => runs.push('eager'),
      intervalMs: 60_000,
      log: logger(),
      runAtStart: true,
    });
    const idle = periodicJob({
      name: 'idle',
      pass: async () => runs.push('idle'),
      intervalMs: 1,
      log: logger(),
      enabled: false,
    });
    eager.start();
    idle.start();
    await new Promise((r) => setTimeout(r, 20));
    await eager.stop();
    await idle.stop();
    expect(runs).toEqual(['eager']);
  });
});
