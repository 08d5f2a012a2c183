import { z } from 'zod';
import { apiRoutes } from '../../../../common/api-routes.js';
import {
  campaignIdParams,
  gapCampaignList,
  heatmap,
  heatmapQuery,
  myGaps,
  myGapsQuery,
  peopleGaps,
  peopleGapsQuery,
  priorities,
  prioritiesQuery,
} from '../../../../common/gaps.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import { heatmapSvg, prioritiesSvg } from './charts.js';
import { heatmapCsv, heatmapXlsx, prioritiesCsv, prioritiesXlsx } from './exports.js';
import type { GapsService } from './service.js';

const tags = ['needs assessment: gaps'];
const file = (description: string) => z.custom<Buffer | string>().meta({ description, type: 'string' });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file name from the campaign id and what the file holds: letters, digits and dashes only. */
const fileName = (id: number, what: string, ext: string) => `fabbisogni-${id}-${what}.${ext}`;

export function gapsRoutes(app: App, { services }: RouteDeps<{ gaps: GapsService }>) {
  const r = typed(app);
  const { gaps } = services;

  const download = (
    reply: { header(k: string, v: string): unknown; type(t: string): unknown },
    name: string,
    type: string,
  ) => {
    reply.type(type);
    reply.header('content-disposition', `attachment; filename="${name}"`);
    reply.header('cache-control', 'private, no-store');
  };

  r.get(
    apiRoutes.gaps.campaigns,
    {
      schema: {
        tags,
        summary: 'Campaigns with results (open or closed) the caller may open',
        response: { 200: gapCampaignList },
      },
    },
    async (req) => gaps.campaigns(req.ctx),
  );

  r.get(
    apiRoutes.gaps.heatmap,
    {
      schema: {
        tags,
        summary:
          'Heatmap of mean gaps: units, job profiles or regions × domains, areas or competencies (suppressed)',
        params: campaignIdParams,
        querystring: heatmapQuery,
        response: { 200: heatmap },
      },
    },
    async (req) => gaps.heatmap(req.ctx, req.params.id, req.query),
  );

  r.get(
    apiRoutes.gaps.heatmapCsv,
    {
      schema: {
        tags,
        summary: "The heatmap as CSV (';', UTF-8 with BOM; columns in docs/gaps.md)",
        params: campaignIdParams,
        querystring: heatmapQuery,
        produces: ['text/csv'],
        response: { 200: file('CSV, one line per cell and margin') },
      },
    },
    async (req, reply) => {
      const h = await gaps.heatmap(req.ctx, req.params.id, req.query);
      download(reply, fileName(h.campaign.id, 'mappa', 'csv'), 'text/csv; charset=utf-8');
      return reply.send(Buffer.from(heatmapCsv(h, req.ctx.lang), 'utf8'));
    },
  );

  r.get(
    apiRoutes.gaps.heatmapXlsx,
    {
      schema: {
        tags,
        summary: 'The heatmap as an Excel workbook (same columns as the CSV)',
        params: campaignIdParams,
        querystring: heatmapQuery,
        produces: [XLSX],
        response: { 200: file('XLSX workbook') },
      },
    },
    async (req, reply) => {
      const h = await gaps.heatmap(req.ctx, req.params.id, req.query);
      download(reply, fileName(h.campaign.id, 'mappa', 'xlsx'), XLSX);
      return reply.send(await heatmapXlsx(h, req.ctx.lang));
    },
  );

  r.get(
    apiRoutes.gaps.heatmapSvg,
    {
      schema: {
        tags,
        summary: 'The heatmap as an accessible SVG image',
        params: campaignIdParams,
        querystring: heatmapQuery,
        produces: ['image/svg+xml'],
        response: { 200: file('SVG image') },
      },
    },
    async (req, reply) => {
      const h = await gaps.heatmap(req.ctx, req.params.id, req.query);
      download(reply, fileName(h.campaign.id, 'mappa', 'svg'), 'image/svg+xml; charset=utf-8');
      return reply.send(heatmapSvg(h, req.ctx.lang));
    },
  );

  r.get(
    apiRoutes.gaps.priorities,
    {
      schema: {
        tags,
        summary:
          'Training priorities: groups ranked by mean gap × people affected (suppressed groups left out)',
        params: campaignIdParams,
        querystring: prioritiesQuery,
        response: { 200: priorities },
      },
    },
    async (req) => gaps.priorities(req.ctx, req.params.id, req.query),
  );

  r.get(
    apiRoutes.gaps.prioritiesCsv,
    {
      schema: {
        tags,
        summary: "The priorities as CSV (';', UTF-8 with BOM; columns in docs/gaps.md)",
        params: campaignIdParams,
        querystring: prioritiesQuery,
        produces: ['text/csv'],
        response: { 200: file('CSV, one line per group') },
      },
    },
    async (req, reply) => {
      const p = await gaps.priorities(req.ctx, req.params.id, req.query);
      download(reply, fileName(p.campaign.id, 'priorita', 'csv'), 'text/csv; charset=utf-8');
      return reply.send(Buffer.from(prioritiesCsv(p, req.ctx.lang), 'utf8'));
    },
  );

  r.get(
    apiRoutes.gaps.prioritiesXlsx,
    {
      schema: {
        tags,
        summary: 'The priorities as an Excel workbook (same columns as the CSV)',
        params: campaignIdParams,
        querystring: prioritiesQuery,
        produces: [XLSX],
        response: { 200: file('XLSX workbook') },
      },
    },
    async (req, reply) => {
      const p = await gaps.priorities(req.ctx, req.params.id, req.query);
      download(reply, fileName(p.campaign.id, 'priorita', 'xlsx'), XLSX);
      return reply.send(await prioritiesXlsx(p, req.ctx.lang));
    },
  );

  r.get(
    apiRoutes.gaps.prioritiesSvg,
    {
      schema: {
        tags,
        summary: 'The priorities as an accessible SVG bar chart',
        params: campaignIdParams,
        querystring: prioritiesQuery,
        produces: ['image/svg+xml'],
        response: { 200: file('SVG image') },
      },
    },
    async (req, reply) => {
      const p = await gaps.priorities(req.ctx, req.params.id, req.query);
      download(reply, fileName(p.campaign.id, 'priorita', 'svg'), 'image/svg+xml; charset=utf-8');
      return reply.send(prioritiesSvg(p, req.ctx.lang));
    },
  );

  r.get(
    apiRoutes.gaps.people,
    {
      schema: {
        tags,
        summary: "Named campaigns only: each person's gaps in a unit (its officers, admins, task force)",
        params: campaignIdParams,
        querystring: peopleGapsQuery,
        response: { 200: peopleGaps },
      },
    },
    async (req) => gaps.people(req.ctx, req.params.id, req.query.unit),
  );

  r.get(
    apiRoutes.gaps.mine,
    {
      schema: {
        tags,
        summary: 'My own gaps in the named campaigns I answered',
        querystring: myGapsQuery,
        response: { 200: myGaps },
      },
    },
    async (req) => gaps.mine(req.ctx, req.query.campaign),
  );
}
