import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Clock } from './clock.js';

/** A public answer as sent: the body encoded in UTF-8, its ETag and Last-Modified, computed once. */
export type CachedAnswer = {
  body: Buffer;
  /** The body gzipped once, for the clients that accept it; null for a body too small to gain. */
  gzip: Buffer | null;
  contentType: string;
  etag: string;
  /** An HTTP date, or null when the answer has no Last-Modified. */
  lastModified: string | null;
  /** When it was computed (ms on the cache's clock): its `Age` when sent again. */
  filledAt: number;
};

/** Bodies from this size on are also kept gzipped (off the event loop, once per computation). */
const GZIP_FROM_BYTES = 1024;
const gzipAsync = promisify(zlib.gzip);

type Entry = CachedAnswer & { generation: number; expiresAt: number; bytes: number };

export type PublicCacheLimits = {
  /** Most answers kept at once. */
  maxEntries: number;
  /** Most bytes of bodies kept at once; 0 keeps nothing. */
  maxBytes: number;
};

/** What a cache miss produces: the value to send and how to serialise it (validated by the route's contract). */
export type Fill = { body: string; contentType: string; lastModified?: Date | null };

export type PublicCache = ReturnType<typeof createPublicCache>;

/**
 * The in-process cache of public, anonymous GET answers (public calendar, its iCalendar feed, public
 * paths and editions). Its bound is honest:
 * - an entry lives at most `ttlMs`, the `max-age` its route announces, so a change committed on
 *   another instance (or by a background job) shows here no later than a client's own cache expires;
 * - `invalidate()` drops every entry at once: the app calls it after each successful change request,
 *   so the instance that made a change answers with it at once;
 * - concurrent misses of one key share one computation (single flight), and a computation that
 *   started before an invalidation is neither stored nor shared with requests that came after it;
 * - memory is bounded by an entry count and a byte budget, least recently used first out.
 * Time comes from the app's Clock, so tests can move it.
 */
export function createPublicCache(clock: Clock, limits: PublicCacheLimits) {
  let generation = 0;
  let bytes = 0;
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<CachedAnswer>>();

  function drop(key: string) {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    bytes -= e.bytes;
  }

  function store(key: string, e: Entry) {
    drop(key);
    // An answer larger than the whole budget is served but not kept.
    if (e.bytes > limits.maxBytes) return;
    entries.set(key, e);
    bytes += e.bytes;
    for (const oldest of entries.keys()) {
      if (entries.size <= limits.maxEntries && bytes <= limits.maxBytes) break;
      drop(oldest);
    }
  }

  return {
    /** Forgets every answer: called once a change is committed on this instance. */
    invalidate() {
      generation++;
      entries.clear();
      bytes = 0;
    },

    /** The answer for `key`, from the cache while younger than `ttlMs`, else from `fill` (once for concurrent callers). */
    async get(key: string, ttlMs: number, fill: () => Promise<Fill>): Promise<CachedAnswer> {
      const now = clock.now().getTime();
      const hit = entries.get(key);
      if (hit && hit.generation === generation && hit.expiresAt > now) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      drop(key);
      const flightKey = `${generation}\u0000${key}`;
      const pending = inFlight.get(flightKey);
      if (pending) return pending;
      const started = generation;
      const run = (async () => {
        try {
          const f = await fill();
          // Encoded once: a hit sends these bytes as they are, with no serialising or hashing.
          const body = Buffer.from(f.body, 'utf8');
          const gzip = body.length >= GZIP_FROM_BYTES ? await gzipAsync(body) : null;
          const answer: CachedAnswer = {
            body,
            gzip,
            contentType: f.contentType,
            etag: `"${createHash('sha1').update(body).digest('base64')}"`,
            lastModified: f.lastModified ? f.lastModified.toUTCString() : null,
            filledAt: now,
          };
          // Read before a change committed meanwhile: good for the callers that were waiting, not for later ones.
          if (started === generation)
            store(key, {
              ...answer,
              generation,
              expiresAt: now + ttlMs,
              bytes: body.length + (gzip?.length ?? 0),
            });
          return answer;
        } finally {
          inFlight.delete(flightKey);
        }
      })();
      inFlight.set(flightKey, run);
      return run;
    },

    /** Whole seconds since the answer was computed, for its `Age` header. */
    ageSeconds(answer: CachedAnswer): number {
      return Math.max(0, Math.floor((clock.now().getTime() - answer.filledAt) / 1000));
    },

    /** How much is kept now: for tests and operators. */
    stats() {
      return { entries: entries.size, bytes, generation };
    },
  };
}
