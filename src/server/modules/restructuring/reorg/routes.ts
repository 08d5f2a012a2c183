import { z } from 'zod';
import { apiRoutes } from '../../../../common/api-routes.js';
import { idParams } from '../../../../common/primitives.js';
import {
  compareQuery,
  compareView,
  decisionInput,
  documentParams,
  MAX_DOCUMENT_BYTES,
  proposeInput,
  reorgPlanView,
  statusInput,
  versionParams,
} from '../../../../common/reorg-plans.js';
import { PLAN_DOCUMENT_KINDS } from '../../../../common/restructuring.js';
import { fileAnswer } from '../../../http/openapi.js';
import { multipartField, unreadableMultipart } from '../../../http/text-guard.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import { cleanText } from '../../../kernel/text.js';
import { attachment } from './documents.js';
import * as m from './messages.js';
import type { ReorgService } from './service.js';

const tags = ['restructuring plans'];

export function reorgRoutes(app: App, { services }: RouteDeps<{ reorg: ReorgService }>) {
  const r = typed(app);
  const { reorg } = services;

  r.get(
    apiRoutes.reorgPlans.plan,
    {
      schema: {
        tags,
        summary:
          'The unit’s Piano di riassetto organizzativo: status, current version, pending proposal, history, documents',
        params: idParams,
        response: { 200: reorgPlanView },
      },
    },
    async (req) => reorg.view(req.ctx, req.params.id),
  );

  r.post(
    apiRoutes.reorgPlans.versions,
    {
      schema: {
        tags,
        summary:
          'Propose a new version (the whole content, based on the current version): it waits for the task force',
        params: idParams,
        body: proposeInput,
        response: { 201: reorgPlanView },
      },
    },
    async (req, reply) => reply.status(201).send(await reorg.propose(req.ctx, req.params.id, req.body)),
  );

  r.post(
    apiRoutes.reorgPlans.decision,
    {
      schema: {
        tags,
        summary: 'Validate (it becomes current) or reject (with a note) the pending proposal: the task force',
        params: versionParams,
        body: decisionInput,
        response: { 200: reorgPlanView },
      },
    },
    async (req) => reorg.decide(req.ctx, req.params.id, req.params.number, req.body),
  );

  r.post(
    apiRoutes.reorgPlans.withdraw,
    {
      schema: {
        tags,
        summary: 'Withdraw one’s own proposal while it is pending',
        params: versionParams,
        response: { 200: reorgPlanView },
      },
    },
    async (req) => reorg.withdraw(req.ctx, req.params.id, req.params.number),
  );

  r.post(
    apiRoutes.reorgPlans.status,
    {
      schema: {
        tags,
        summary: 'Move the plan’s workflow status (at the plan’s revision)',
        params: idParams,
        body: statusInput,
        response: { 200: reorgPlanView },
      },
    },
    async (req) => reorg.setStatus(req.ctx, req.params.id, req.body),
  );

  r.get(
    apiRoutes.reorgPlans.compare,
    {
      schema: {
        tags,
        summary: 'Two versions side by side: functions, staffing lines, act and totals before and after',
        params: idParams,
        querystring: compareQuery,
        response: { 200: compareView },
      },
    },
    async (req) => reorg.compare(req.ctx, req.params.id, req.query.from, req.query.to),
  );

  r.post(
    apiRoutes.reorgPlans.documents,
    {
      schema: {
        tags,
        summary:
          'Attach a document (multipart: fields kind and title, then "file"): PDF, P7M, DOCX, ODT, XLSX or ODS up to 10 MB, checked by its content',
        params: idParams,
        consumes: ['multipart/form-data'],
        uploadFields: z.object({ kind: z.enum(PLAN_DOCUMENT_KINDS), title: z.string() }),
        response: { 201: reorgPlanView },
      },
    },
    async (req, reply) => {
      // Access first: a caller who may not upload is refused before the file is read.
      await reorg.assertCanUpload(req.ctx, req.params.id);
      let file: Awaited<ReturnType<typeof req.file>>;
      let buffer: Buffer;
      try {
        file = await req.file({ limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5 } });
        if (!file) throw m.fileRequired();
        buffer = await file.toBuffer();
      } catch (err) {
        if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw m.fileTooLarge();
        throw unreadableMultipart(err);
      }
      const name = cleanText(file.filename);
      const filename = name.ok ? name.value : '';
      if (!name.ok || !filename) throw m.fileTypeRefused('');
      const fields = {
        kind: multipartField(file.fields, 'kind'),
        title: multipartField(file.fields, 'title'),
      };
      return reply.status(201).send(await reorg.upload(req.ctx, req.params.id, { buffer, filename, fields }));
    },
  );

  r.get(
    apiRoutes.reorgPlans.document,
    {
      schema: {
        tags,
        summary: 'Download a document, as stored',
        params: documentParams,
        produces: ['application/octet-stream'],
        response: { 200: fileAnswer<Buffer>('the document') },
      },
    },
    async (req, reply) => {
      const doc = await reorg.download(req.ctx, req.params.id, req.params.documentId);
      return reply
        .type(doc.mediaType)
        .header('content-disposition', attachment(doc.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(doc.content);
    },
  );

  r.delete(
    apiRoutes.reorgPlans.document,
    {
      schema: {
        tags,
        summary: 'Remove a document (kept, hidden, for the history)',
        params: documentParams,
        response: { 200: reorgPlanView },
      },
    },
    async (req) => reorg.removeDocument(req.ctx, req.params.id, req.params.documentId),
  );
}
