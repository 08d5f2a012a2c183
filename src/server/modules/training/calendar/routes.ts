import fastifyEtag from '@fastify/etag';
import { z } from 'zod';
import { okBody, paged } from '../../../../common/api.js';
import { apiRoutes } from '../../../../common/api-routes.js';
import {
  calendarPage,
  calendarQuery,
  publicEdition,
  publicPath,
  publicPathListQuery,
  publicPathSummary,
} from '../../../../common/catalogue.js';
import { idParams } from '../../../../common/primitives.js';
import { fileAnswer } from '../../../http/openapi.js';
import type { PublicReads } from '../../../http/public-cache.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { CalendarService } from './service.js';

const tags = ['public calendar'];
const feedBody = z.object({ url: z.string().nullable() });
const ics = fileAnswer<string>('iCalendar (RFC 5545)');

/** How long public answers may be kept, by browsers, proxies and this server's public cache (seconds). */
const JSON_MAX_AGE = 60;
const ICS_MAX_AGE = 300;

export async function calendarRoutes(
  app: App,
  { services, reads }: RouteDeps<{ calendar: CalendarService }> & { reads: PublicReads },
) {
  const { calendar } = services;

  // Public, cacheable answers, served from the public cache (see ARCHITECTURE.md): ETag
  // (If-None-Match → 304), Last-Modified where the rows tell it, and Cache-Control max-age.
  await app.register(async (pub) => {
    await pub.register(fastifyEtag);
    const r = typed(pub);

    r.get(
      apiRoutes.calendar.public,
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'Public calendar: sessions of published editions, by start time',
          querystring: calendarQuery,
          response: { 200: calendarPage },
        },
      },
      async (req, reply) =>
        reads.json(req, reply, { maxAge: JSON_MAX_AGE, schema: calendarPage }, () =>
          calendar.calendar(req.query),
        ),
    );

    r.get(
      apiRoutes.calendar.ics,
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'The public calendar as iCalendar (RFC 5545), same filters as the JSON calendar',
          querystring: calendarQuery,
          produces: ['text/calendar'],
          response: { 200: ics },
        },
      },
      async (req, reply) => {
        reply.header('content-disposition', 'inline; filename="officina.ics"');
        return reads.text(
          req,
          reply,
          { maxAge: ICS_MAX_AGE, contentType: 'text/calendar; charset=utf-8' },
          () => calendar.calendarIcs(req.query),
        );
      },
    );

    r.get(
      apiRoutes.calendar.publicPaths,
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'Published training paths, with the number of editions still to come',
          querystring: publicPathListQuery,
          response: { 200: paged(publicPathSummary) },
        },
      },
      async (req, reply) =>
        reads.json(req, reply, { maxAge: JSON_MAX_AGE, schema: paged(publicPathSummary) }, async () => ({
          body: await calendar.publicPaths(req.query, req.ctx.lang),
        })),
    );

    r.get(
      apiRoutes.calendar.publicPath,
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'A published path with its eligibility and editions',
          params: z.object({ slug: z.string().max(120) }),
          response: { 200: publicPath },
        },
      },
      async (req, reply) =>
        reads.json(req, reply, { maxAge: JSON_MAX_AGE, schema: publicPath }, async () => ({
          body: await calendar.publicPath(req.params.slug, req.ctx.lang),
        })),
    );

    r.get(
      apiRoutes.calendar.publicEdition,
      {
        config: { public: true },
        schema: {
          tags,
          summary:
            'A public edition with its sessions (no online links); for a signed-in person, whether they may enrol',
          params: idParams,
          response: { 200: publicEdition },
        },
      },
      async (req, reply) => {
        // The answer differs for a signed-in person (whether they may enrol): it is computed for them
        // every time and kept by no cache; only the anonymous answer is shared.
        reply.header('vary', 'cookie');
        if (req.ctx.actor) {
          reply.header('cache-control', 'private, no-store');
          return calendar.publicEdition(req.params.id, req.ctx.lang, req.ctx);
        }
        return reads.json(req, reply, { maxAge: JSON_MAX_AGE, schema: publicEdition }, async () => ({
          body: await calendar.publicEdition(req.params.id, req.ctx.lang),
        }));
      },
    );
  });

  const r = typed(app);
  r.get(
    apiRoutes.calendar.personalFeed,
    {
      config: { public: true },
      schema: {
        tags: ['personal calendar'],
        summary: 'A personal secret feed (<token>.ics)',
        params: z.object({ file: z.string().regex(/^[\w-]{20,100}\.ics$/) }),
        produces: ['text/calendar'],
        response: { 200: ics },
      },
    },
    async (req, reply) => {
      const body = await calendar.personalIcs(req.params.file.replace(/\.ics$/, ''));
      // Personal data (online links, one person's sessions): stored by no cache on the way.
      reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, no-store');
      return body;
    },
  );

  r.get(
    apiRoutes.calendar.myFeed,
    {
      schema: {
        tags: ['personal calendar'],
        summary: 'The address of my personal calendar feed, if any',
        response: { 200: feedBody },
      },
    },
    async (req) => {
      return calendar.feedUrl(req.ctx);
    },
  );

  r.post(
    apiRoutes.calendar.myFeed,
    {
      schema: {
        tags: ['personal calendar'],
        summary: 'Create or regenerate my feed (the old address stops working)',
        response: { 200: feedBody },
      },
    },
    async (req) => {
      return calendar.createFeed(req.ctx);
    },
  );

  r.delete(
    apiRoutes.calendar.myFeed,
    {
      schema: { tags: ['personal calendar'], summary: 'Revoke my feed', response: { 200: okBody } },
    },
    async (req) => {
      await calendar.deleteFeed(req.ctx);
      return { ok: true as const };
    },
  );
}
