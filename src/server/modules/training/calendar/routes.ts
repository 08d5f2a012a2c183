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
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { CalendarService } from './service.js';

const tags = ['public calendar'];
const feedBody = z.object({ url: z.string().nullable() });
const ics = fileAnswer<string>('iCalendar (RFC 5545)');

export async function calendarRoutes(app: App, { services }: RouteDeps<{ calendar: CalendarService }>) {
  const { calendar } = services;

  // Public, cacheable answers: ETag (If-None-Match → 304) and Last-Modified.
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
      async (req, reply) => {
        const { body, lastModified } = await calendar.calendar(req.query);
        if (lastModified) reply.header('last-modified', lastModified.toUTCString());
        reply.header('cache-control', 'public, max-age=60');
        return body;
      },
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
        reply.type('text/calendar; charset=utf-8').header('cache-control', 'public, max-age=300');
        reply.header('content-disposition', 'inline; filename="officina.ics"');
        return calendar.calendarIcs(req.query);
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
      async (req) => calendar.publicPaths(req.query, req.ctx.lang),
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
      async (req) => calendar.publicPath(req.params.slug, req.ctx.lang),
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
        // The answer differs for a signed-in person (whether they may enrol): no shared cache may keep it.
        reply.header('vary', 'cookie');
        if (req.ctx.actor) reply.header('cache-control', 'private, no-store');
        return calendar.publicEdition(req.params.id, req.ctx.lang, req.ctx);
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
