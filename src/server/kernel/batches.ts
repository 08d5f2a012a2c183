/** One item's outcome in a batch: its value, or the error that refuses it alone. */
export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

type Waiting<I, R> = { item: I; resolve: (value: R) => void; reject: (error: unknown) => void };

/**
 * Per-key group commit: work for one key (an edition) runs one batch at a time in this process, and
 * whatever arrives while a batch runs waits in memory, in arrival order, for the next one. The first
 * arrival runs at once (alone), so a quiet system adds no delay; under a burst each batch takes every
 * item that queued meanwhile, up to `maxBatch`. `run` answers one outcome per item, in order; if it
 * throws, every item of that batch is refused with the error.
 */
export function createBatches<I, R>(
  run: (key: number, items: I[]) => Promise<Settled<R>[]>,
  opts: { maxBatch: number },
) {
  const queues = new Map<number, Waiting<I, R>[]>();

  async function drain(key: number, queue: Waiting<I, R>[]) {
    while (queue.length) {
      const batch = queue.splice(0, opts.maxBatch);
      try {
        const out = await run(
          key,
          batch.map((w) => w.item),
        );
        batch.forEach((w, i) => {
          const o = out[i];
          if (!o) w.reject(new Error('batch answered fewer outcomes than items'));
          else if (o.ok) w.resolve(o.value);
          else w.reject(o.error);
        });
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    queues.delete(key);
  }

  return {
    submit(key: number, item: I): Promise<R> {
      return new Promise<R>((resolve, reject) => {
        const queue = queues.get(key);
        if (queue) {
          queue.push({ item, resolve, reject });
          return;
        }
        const fresh: Waiting<I, R>[] = [{ item, resolve, reject }];
        queues.set(key, fresh);
        void drain(key, fresh);
      });
    },
  };
}
