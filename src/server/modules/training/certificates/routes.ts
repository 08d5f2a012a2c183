import type { Readable } from 'node:stream';
import { z } from 'zod';
import { apiRoutes } from '../../../../common/api-routes.js';
import {
  certificate,
  editionCertificates,
  publicCertificate,
  revokeBody,
} from '../../../../common/certificates.js';
import { idParams } from '../../../../common/primitives.js';
import { fileAnswer } from '../../../http/openapi.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { CertificatesService } from './service.js';

const tags = ['certificates'];

/** RFC 6266 attachment with an ASCII name (ours always are: slug and code). */
const attachment = (fileName: string) => `attachment; filename="${fileName}"`;

export function certificatesRoutes(app: App, { services }: RouteDeps<{ certificates: CertificatesService }>) {
  const r = typed(app);
  const { certificates } = services;

  r.get(
    apiRoutes.certificates.verify,
    {
      schema: {
        tags,
        summary:
          'Check a certificate’s verification code (no sign-in; case and dashes do not matter). Throttled per address.',
        params: z.object({ code: z.string().max(64) }),
        response: { 200: publicCertificate },
      },
      // Codes are 80 random bits, and a slow pace keeps anyone from even trying to list them.
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return certificates.verify(req.params.code, req.ctx.lang);
    },
  );

  r.get(
    apiRoutes.certificates.mine,
    {
      schema: {
        tags,
        summary: 'My certificates, valid and revoked, newest first',
        response: { 200: z.array(certificate) },
      },
    },
    async (req) => {
      return certificates.mine(req.ctx);
    },
  );

  r.get(
    apiRoutes.certificates.ofEdition,
    {
      schema: {
        tags,
        summary:
          'An edition’s certificates, each flagged when outdated, and its completed enrolments still without one (catalogue managers, task force, the edition’s trainers)',
        params: idParams,
        response: { 200: editionCertificates },
      },
    },
    async (req) => {
      return certificates.listEdition(req.ctx, req.params.id);
    },
  );

  r.get(
    apiRoutes.certificates.editionZip,
    {
      schema: {
        tags,
        summary: 'All valid certificates of an edition as a ZIP of PDFs (catalogue managers, task force)',
        params: idParams,
        produces: ['application/zip'],
        response: {
          200: fileAnswer<Readable>('ZIP archive, one attestato-<name>-<code>.pdf per valid certificate'),
        },
      },
    },
    async (req, reply) => {
      const { fileName, body } = await certificates.editionZip(req.ctx, req.params.id);
      return reply
        .type('application/zip')
        .header('content-disposition', attachment(fileName))
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );

  r.get(
    apiRoutes.certificates.pdf,
    {
      schema: {
        tags,
        summary:
          'A certificate as PDF (its holder, catalogue managers, task force, the Province officer of the holder’s unit); a revoked one is marked REVOCATO',
        params: idParams,
        produces: ['application/pdf'],
        response: { 200: fileAnswer<Buffer>('PDF document (A4)') },
      },
    },
    async (req, reply) => {
      const { fileName, body } = await certificates.pdf(req.ctx, req.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', attachment(fileName))
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );

  r.post(
    apiRoutes.certificates.revoke,
    {
      schema: {
        tags,
        summary: 'Revoke a certificate, with a reason (catalogue managers)',
        params: idParams,
        body: revokeBody,
        response: { 200: certificate },
      },
    },
    async (req) => {
      return certificates.revoke(req.ctx, req.params.id, req.body.reason);
    },
  );

  r.post(
    apiRoutes.certificates.reissue,
    {
      schema: {
        tags,
        summary:
          'Reissue a certificate from the enrolment’s current data after a correction: the old one is revoked (catalogue managers)',
        params: idParams,
        response: { 201: certificate },
      },
    },
    async (req, reply) => {
      return reply.status(201).send(await certificates.reissue(req.ctx, req.params.id));
    },
  );
}
