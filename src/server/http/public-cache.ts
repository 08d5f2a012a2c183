import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ZodType, z } from 'zod';
import type { CachedAnswer, PublicCache } from '../kernel/public-cache.js';
import { pickEncoding } from './web.js';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Public, anonymous GET answers served through the public cache. The key is the route with its
 * validated (so normalised, defaults filled in) parameters and query, and the caller's language.
 * A JSON answer is checked against the route's response contract once, when it is computed, as the
 * serialiser would do for every request, so cached bodies are exactly what the contract allows.
 */
export function publicReads(cache: PublicCache) {
  /** Texts (JSON answers) follow the caller's language; a feed is the same in every language. */
  function key(req: FastifyRequest, byLanguage: boolean): string {
    return [
      req.routeOptions.url,
      JSON.stringify(req.params ?? {}),
      JSON.stringify(req.query ?? {}),
      byLanguage ? req.ctx.lang : '',
    ].join('\u0000');
  }
  return {
    async json<S extends ZodType>(
      req: FastifyRequest,
      reply: FastifyReply,
      opts: { maxAge: number; schema: S },
      compute: () => Promise<{ body: z.output<S>; lastModified?: Date | null }>,
    ) {
      // Texts (eligibility, reference names) follow the caller's language: shared caches must keep them apart.
      varyOn(reply, 'accept-language');
      const answer = await cache.get(key(req, true), opts.maxAge * 1000, async () => {
        const { body, lastModified } = await compute();
        return { body: JSON.stringify(z.encode(opts.schema, body)), contentType: JSON_TYPE, lastModified };
      });
      return sendCached(req, reply, answer, opts.maxAge, cache.ageSeconds(answer));
    },

    async text(
      req: FastifyRequest,
      reply: FastifyReply,
      opts: { maxAge: number; contentType: string },
      compute: () => Promise<string>,
    ) {
      const answer = await cache.get(key(req, false), opts.maxAge * 1000, async () => ({
        body: await compute(),
        contentType: opts.contentType,
      }));
      return sendCached(req, reply, answer, opts.maxAge, cache.ageSeconds(answer));
    },
  };
}

export type PublicReads = ReturnType<typeof publicReads>;

/**
 * Sends a cached answer with its validators, `Cache-Control: public, max-age` and its `Age`, so that
 * a browser or proxy keeping it counts the time it already spent here: whoever shows it, an answer is
 * never older than its max-age. The ETag is set
 * here, so @fastify/etag (where registered) hashes nothing. If-None-Match answers 304; If-Modified-Since
 * does not, because Last-Modified is the newest edit of the rows while seats left change with every
 * enrolment: only the ETag tells a changed answer.
 */
export function sendCached(
  req: FastifyRequest,
  reply: FastifyReply,
  answer: CachedAnswer,
  maxAgeSeconds: number,
  ageSeconds: number,
) {
  varyOn(reply, 'accept-encoding');
  reply
    .header('cache-control', `public, max-age=${maxAgeSeconds}`)
    .header('age', String(Math.min(ageSeconds, maxAgeSeconds)))
    .header('etag', answer.etag)
    .type(answer.contentType);
  if (answer.lastModified) reply.header('last-modified', answer.lastModified);
  const inm = req.headers['if-none-match'];
  if (inm !== undefined && etagMatches(inm, answer.etag)) return reply.code(304).send('');
  // Sent gzipped to a client that takes it (browsers, calendar apps): the feed is a tenth of its size.
  if (answer.gzip && pickEncoding(req.headers['accept-encoding'], ['gzip']))
    return reply.header('content-encoding', 'gzip').send(answer.gzip);
  return reply.send(answer.body);
}

function varyOn(reply: FastifyReply, header: string) {
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${vary}, ${header}` : header);
}

function etagMatches(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === '*' || t === etag);
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every change request of a signed-in person that succeeds on this instance empties the public cache
 * as its answer goes out — after its transaction committed, before the caller can read the answer and
 * ask again — so the next public read on this instance shows the change. A few changes touch no
 * public data (a profile edit); emptying the cache for them too costs one recomputation of each public
 * answer and keeps the rule simple enough to trust. Anonymous requests change no public data (sign-in,
 * sign-out, password reset), so they cannot empty it: nobody can force the national feed to be
 * recomputed at will.
 */
export function registerPublicCacheInvalidation(app: FastifyInstance, cache: PublicCache) {
  app.addHook('onSend', async (req, reply) => {
    if (!READS.has(req.method) && reply.statusCode < 400 && req.ctx?.actor) cache.invalidate();
  });
}
