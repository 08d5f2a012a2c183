import { apiRoutes } from '../../../../common/api-routes.js';
import { overviewQuery, overviewView, trendsView } from '../../../../common/overview.js';
import { idParams } from '../../../../common/primitives.js';
import { fileAnswer } from '../../../http/openapi.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import { renderBriefPdf } from './brief-pdf.js';
import { overviewCsv, overviewXlsx } from './exports.js';
import type { OverviewService } from './service.js';

const tags = ['restructuring: national view'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function overviewRoutes(app: App, { services }: RouteDeps<{ overview: OverviewService }>) {
  const r = typed(app);
  const { overview } = services;

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
    apiRoutes.overview.list,
    {
      schema: {
        tags,
        summary:
          'Every unit in scope with its plan status, population, hiring capacity, deadlines and task force follow-up (an officer: their own unit)',
        querystring: overviewQuery,
        response: { 200: overviewView },
      },
    },
    async (req) => overview.list(req.ctx, req.query),
  );

  for (const [url, ext, type, render] of [
    [apiRoutes.overview.csv, 'csv', 'text/csv; charset=utf-8', overviewCsv],
    [apiRoutes.overview.xlsx, 'xlsx', XLSX, overviewXlsx],
  ] as const)
    r.get(
      url,
      {
        schema: {
          tags,
          summary: `The national view's table ${ext === 'csv' ? "as CSV (';', UTF-8 with BOM)" : 'as an Excel workbook'}, filters applied`,
          querystring: overviewQuery,
          produces: [ext === 'csv' ? 'text/csv' : XLSX],
          response: { 200: fileAnswer(ext.toUpperCase()) },
        },
      },
      async (req, reply) => {
        const view = await overview.list(req.ctx, req.query);
        download(reply, `vista-nazionale-${view.today}.${ext}`, type);
        return reply.send(await render(view, req.ctx.lang));
      },
    );

  r.get(
    apiRoutes.overview.trends,
    {
      schema: {
        tags,
        summary: 'Plan statuses at the end of each of the last 24 months, and interventions per month',
        response: { 200: trendsView },
      },
    },
    async (req) => overview.trends(req.ctx),
  );

  r.get(
    apiRoutes.overview.brief,
    {
      schema: {
        tags,
        summary: "A unit's one-page brief (A4 PDF): plan, hiring capacity, deadlines, the task force's work",
        params: idParams,
        produces: ['application/pdf'],
        response: { 200: fileAnswer<Buffer>('PDF') },
      },
    },
    async (req, reply) => {
      const brief = await overview.brief(req.ctx, req.params.id);
      download(reply, `scheda-${brief.row.sigla.toLowerCase()}-${brief.today}.pdf`, 'application/pdf');
      return reply.send(await renderBriefPdf(brief, req.ctx.lang));
    },
  );
}
