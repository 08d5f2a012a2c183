import type { FastifyInstance } from 'fastify';

/**
 * Nothing is kept by a browser or a proxy unless its route says how. Every answer without its own
 * Cache-Control — a session, /me, lists of people, a personal feed, any error — gets `no-store`, so
 * personal data never lingers in a shared cache or the back-button history of a shared computer.
 * Routes meant to be cached set the header themselves (the public calendar, its iCalendar feed, the
 * public paths and the anonymous answer of a public edition — see http/public-cache.ts — and the
 * static web app). An error is never cacheable, whatever its route had set before failing.
 */
export function registerNoStore(app: FastifyInstance) {
  app.addHook('onSend', async (_req, reply) => {
    if (reply.statusCode >= 400 || !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });
}
