import { describe, expect, it } from 'vitest';
import { createBatches, type Settled } from './batches.js';

/** A run that records each batch and answers each item doubled, refusing negative ones alone. */
function recorder() {
  const batches: { key: number; items: number[] }[] = [];
  let release: () => void = () => undefined;
  const run = async (key: number, items: number[]): Promise<Settled<number>[]> => {
    batches.push({ key, items });
    await new Promise<void>((r) => {
      release = r;
      setTimeout(r, 5);
    });
    return items.map((i) =>
      i < 0 ? { ok: false, error: new Error(`refused ${i}`) } : { ok: true, value: i * 2 },
    );
  };
  return { batches, run, release: () => release() };
}

describe('per-key batches', () => {
  it('runs the first arrival alone, then everything that queued meanwhile, in arrival order', async () => {
    const r = recorder();
    const b = createBatches(r.run, { maxBatch: 100 });
    const out = await Promise.all([1, 2, 3, 4].map((i) => b.submit(7, i)));
    expect(out).toEqual([2, 4, 6, 8]);
    expect(r.batches).toEqual([
      { key: 7, items: [1] },
      { key: 7, items: [2, 3, 4] },
    ]);
  });

  it('keeps keys apart, caps a batch, and refuses only the item its run refuses', async () => {
    const r = recorder();
    const b = createBatches(r.run, { maxBatch: 2 });
    const settled = await Promise.allSettled([
      b.submit(1, 1),
      b.submit(2, 5),
      b.submit(1, -2),
      b.submit(1, 3),
      b.submit(1, 4),
    ]);
    expect(settled.map((s) => (s.status === 'fulfilled' ? s.value : (s.reason as Error).message))).toEqual([
      2,
      10,
      'refused -2',
      6,
      8,
    ]);
    expect(r.batches.filter((x) => x.key === 1).map((x) => x.items)).toEqual([[1], [-2, 3], [4]]);
    expect(r.batches.filter((x) => x.key === 2).map((x) => x.items)).toEqual([[5]]);
  });

  it('refuses every item of a batch whose run throws, and carries on with the next', async () => {
    let calls = 0;
    const b = createBatches(
      async (_key, items: number[]) => {
        calls++;
        await new Promise((r) => setTimeout(r, 5));
        if (calls === 2) throw new Error('database gone');
        return items.map((i) => ({ ok: true as const, value: i }));
      },
      { maxBatch: 10 },
    );
    const first = b.submit(1, 1);
    const second = [b.submit(1, 2), b.submit(1, 3)];
    expect(await first).toBe(1);
    await expect(Promise.all(second)).rejects.toThrow('database gone');
    expect(await b.submit(1, 4)).toBe(4);
  });
});
