import { describe, expect, it } from 'vitest';
import { fixedClock } from './clock.js';
import { createPublicCache } from './public-cache.js';

const limits = { maxEntries: 3, maxBytes: 1000 };
const fill = (body: string) => async () => ({ body, contentType: 'text/plain' });

describe('the public cache', () => {
  it('answers from memory until max-age, then computes again', async () => {
    const clock = fixedClock('2026-05-04T10:00:00Z');
    const cache = createPublicCache(clock, limits);
    let n = 0;
    const compute = async () => ({
      body: `v${++n}`,
      contentType: 'text/plain',
      lastModified: new Date('2026-05-01T08:00:00Z'),
    });
    const first = await cache.get('k', 60_000, compute);
    expect(first.body.toString()).toBe('v1');
    expect(first.lastModified).toBe('Fri, 01 May 2026 08:00:00 GMT');
    expect(first.etag).toMatch(/^"[\w+/=]+"$/);
    clock.advance(59_999);
    expect((await cache.get('k', 60_000, compute)).body.toString()).toBe('v1');
    clock.advance(1);
    expect((await cache.get('k', 60_000, compute)).body.toString()).toBe('v2');
  });

  it('forgets everything at once when invalidated', async () => {
    const cache = createPublicCache(fixedClock('2026-05-04T10:00:00Z'), limits);
    await cache.get('a', 60_000, fill('a1'));
    await cache.get('b', 60_000, fill('b1'));
    cache.invalidate();
    expect(cache.stats()).toMatchObject({ entries: 0, bytes: 0 });
    expect((await cache.get('a', 60_000, fill('a2'))).body.toString()).toBe('a2');
  });

  it('computes once for concurrent misses, and keeps nothing read before an invalidation', async () => {
    const cache = createPublicCache(fixedClock('2026-05-04T10:00:00Z'), limits);
    let calls = 0;
    let release: (v: string) => void = () => {};
    const slow = () => {
      calls++;
      return new Promise<{ body: string; contentType: string }>((resolve) => {
        release = (body) => resolve({ body, contentType: 'text/plain' });
      });
    };
    const waiting = [cache.get('k', 60_000, slow), cache.get('k', 60_000, slow)];
    expect(calls).toBe(1);
    cache.invalidate();
    // A request after the change does not join the computation that started before it.
    const afterChange = cache.get('k', 60_000, fill('new'));
    release('old');
    expect((await Promise.all(waiting)).map((a) => a.body.toString())).toEqual(['old', 'old']);
    expect((await afterChange).body.toString()).toBe('new');
    expect((await cache.get('k', 60_000, fill('never'))).body.toString()).toBe('new');
  });

  it('does not keep a failure', async () => {
    const cache = createPublicCache(fixedClock('2026-05-04T10:00:00Z'), limits);
    await expect(cache.get('k', 60_000, async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(cache.stats().entries).toBe(0);
    expect((await cache.get('k', 60_000, fill('ok'))).body.toString()).toBe('ok');
  });

  it('stays within its entry count and byte budget, least recently used out first', async () => {
    const cache = createPublicCache(fixedClock('2026-05-04T10:00:00Z'), limits);
    await cache.get('a', 60_000, fill('a'.repeat(100)));
    await cache.get('b', 60_000, fill('b'.repeat(100)));
    await cache.get('c', 60_000, fill('c'.repeat(100)));
    await cache.get('a', 60_000, fill('recomputed'));
    await cache.get('d', 60_000, fill('d'.repeat(100)));
    expect(cache.stats()).toMatchObject({ entries: 3, bytes: 300 });
    // b was the least recently used: gone; a was read again: kept.
    expect((await cache.get('a', 60_000, fill('x'))).body.toString()).toBe('a'.repeat(100));
    expect((await cache.get('b', 60_000, fill('b2'))).body.toString()).toBe('b2');
    await cache.get('big', 60_000, fill('z'.repeat(900)));
    expect(cache.stats().bytes).toBeLessThanOrEqual(1000);
    // An answer larger than the whole budget is served, not kept.
    expect((await cache.get('huge', 60_000, fill('h'.repeat(2000)))).body.length).toBe(2000);
    expect(cache.stats().bytes).toBeLessThanOrEqual(1000);
    const off = createPublicCache(fixedClock('2026-05-04T10:00:00Z'), { maxEntries: 10, maxBytes: 0 });
    await off.get('k', 60_000, fill('v'));
    expect(off.stats().entries).toBe(0);
  });
});
