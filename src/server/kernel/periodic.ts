import type { FastifyBaseLogger } from 'fastify';
import type { Job } from './module.js';

/** A background job that runs one pass every `intervalMs`, and on demand with `runOnce`. */
export type PeriodicJob<T> = Job & {
  stop(): Promise<void>;
  /** One pass now (at `now` when the pass takes an instant); concurrent callers in a process share it. */
  runOnce(now?: Date): Promise<T>;
};

/**
 * The loop every periodic job of a process shares: one pass at a time (a caller arriving while a pass runs
 * gets that pass), a timer that does not keep the process alive, a failed pass logged and retried at the
 * next tick, and `stop` waiting for the pass in flight. What makes a pass safe across several processes
 * (claims, unique keys) belongs to the pass itself.
 */
export function periodicJob<T>(spec: {
  /** Named in the log line of a failed pass: "<name> pass failed". */
  name: string;
  pass: (now?: Date) => Promise<T>;
  intervalMs: number;
  log: FastifyBaseLogger;
  /** Run a first pass when the job starts rather than one interval later. */
  runAtStart?: boolean;
  /** Whether `start` starts the timer (a job with nothing to do in this configuration stays idle). */
  enabled?: boolean;
  /** Run once the last pass has ended, when the job stops. */
  onStop?: () => void;
}): PeriodicJob<T> {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<T> | null = null;

  const runOnce = (now?: Date) => {
    running ??= spec.pass(now).finally(() => {
      running = null;
    });
    return running;
  };
  const tick = () => {
    runOnce().catch((err) => spec.log.error({ err }, `${spec.name} pass failed`));
  };

  return {
    runOnce,
    start() {
      if (timer || spec.enabled === false) return;
      if (spec.runAtStart) tick();
      timer = setInterval(tick, spec.intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
      spec.onStop?.();
    },
  };
}
