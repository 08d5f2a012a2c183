import { apiRoutes } from '../../../../common/api-routes.js';
import {
  campaignIdParams,
  gapCampaignList,
  type Heatmap,
  heatmap,
  heatmapQuery,
  myGaps,
  myGapsQuery,
  type Priorities,
  peopleGaps,
  peopleGapsQuery,
  priorities,
  prioritiesQuery,
} from '../../../../common/gaps.js';
import { fileAnswer } from '../../../http/openapi.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { Lang } from '../../../kernel/errors.js';
import { heatmapSvg, prioritiesSvg } from './charts.js';
import { heatmapCsv, heatmapXlsx, prioritiesCsv, prioritiesXlsx } from './exports.js';
import type { GapsService } from './service.js';

const tags = ['needs assessment: gaps'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The download formats of the heatmap and the priorities. */
const FORMATS = {
  csv: {
    ext: 'csv',
    type: 'text/csv; charset=utf-8',
    produces: 'text/csv',
    summary: "as CSV (';', UTF-8 with BOM; columns in docs/gaps.md)",
    description: 'CSV',
  },
  xlsx: {
    ext: 'xlsx',
    type: XLSX,
    produces: XLSX,
    summary: 'as an Excel workbook (same columns as the CSV)',
    description: 'XLSX workbook',
  },
  svg: {
    ext: 'svg',
    type: 'image/svg+xml; charset=utf-8',
    produces: 'image/svg+xml',
    summary: 'as an accessible SVG image',
    description: 'SVG image',
  },
} as const;

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

  // The heatmap as files: one route per format, the same query and figures as the JSON.
  for (const [url, f, render] of [
    [apiRoutes.gaps.heatmapCsv, FORMATS.csv, (h: Heatmap, l: Lang) => Buffer.from(heatmapCsv(h, l), 'utf8')],
    [apiRoutes.gaps.heatmapXlsx, FORMATS.xlsx, heatmapXlsx],
    [apiRoutes.gaps.heatmapSvg, FORMATS.svg, heatmapSvg],
  ] as const)
    r.get(
      url,
      {
        schema: {
          tags,
          summary: `The heatmap ${f.summary}`,
          params: campaignIdParams,
          querystring: heatmapQuery,
          produces: [f.produces],
          response: { 200: fileAnswer(f.description) },
        },
      },
      async (req, reply) => {
        const h = await gaps.heatmap(req.ctx, req.params.id, req.query);
        download(reply, fileName(h.campaign.id, 'mappa', f.ext), f.type);
        return reply.send(await render(h, req.ctx.lang));
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

  // The priorities as files, likewise.
  for (const [url, f, render] of [
    [
      apiRoutes.gaps.prioritiesCsv,
      FORMATS.csv,
      (p: Priorities, l: Lang) => Buffer.from(prioritiesCsv(p, l), 'utf8'),
    ],
    [apiRoutes.gaps.prioritiesXlsx, FORMATS.xlsx, prioritiesXlsx],
    [apiRoutes.gaps.prioritiesSvg, FORMATS.svg, prioritiesSvg],
  ] as const)
    r.get(
      url,
      {
        schema: {
          tags,
          summary: `The priorities ${f.summary}`,
          params: campaignIdParams,
          querystring: prioritiesQuery,
          produces: [f.produces],
          response: { 200: fileAnswer(f.description) },
        },
      },
      async (req, reply) => {
        const p = await gaps.priorities(req.ctx, req.params.id, req.query);
        download(reply, fileName(p.campaign.id, 'priorita', f.ext), f.type);
        return reply.send(await render(p, req.ctx.lang));
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
