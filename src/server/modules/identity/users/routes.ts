import { z } from 'zod';
import { okBody, paged } from '../../../../common/api.js';
import { apiRoutes } from '../../../../common/api-routes.js';
import { roleGrant } from '../../../../common/auth.js';
import { dbIdParam } from '../../../../common/primitives.js';
import {
  grantBody,
  importReport,
  inviteBody,
  userListQuery,
  userSummary,
  userUpdateBody,
} from '../../../../common/users.js';
import { signedIn } from '../../../http/session.js';
import { multipartField, uploadOf } from '../../../http/text-guard.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import { errors } from '../../../kernel/errors.js';
import { peopleScope } from '../../../kernel/principal.js';
import type { UsersImport } from './import.js';
import { canManageUsers } from './policy.js';
import type { UsersService } from './service.js';

const tags = ['users'];
const idParams = z.object({ id: z.string().uuid() });

export function usersRoutes(
  app: App,
  { services }: RouteDeps<{ users: UsersService; importUsers: UsersImport }>,
) {
  const r = typed(app);
  const { users } = services;

  r.get(
    apiRoutes.users.list,
    {
      schema: {
        tags,
        summary: 'People the caller may see (national: all; Province officer: own unit)',
        querystring: userListQuery,
        response: { 200: paged(userSummary) },
      },
    },
    async (req) => {
      const p = signedIn(req);
      const scope = peopleScope(p);
      if (!scope.all && !scope.unitIds.length) throw errors.forbidden();
      return users.list(req.ctx, req.query);
    },
  );

  r.get(
    apiRoutes.users.byId,
    {
      schema: { tags, summary: 'One person', params: idParams, response: { 200: userSummary } },
    },
    async (req) => {
      return users.get(req.ctx, req.params.id);
    },
  );

  r.post(
    apiRoutes.users.list,
    {
      schema: {
        tags,
        summary: 'Invite a person: creates the account and e-mails an activation link',
        body: inviteBody,
        response: { 201: userSummary },
      },
    },
    async (req, reply) => {
      if (!canManageUsers(signedIn(req))) throw errors.forbidden();
      return reply.status(201).send(await users.invite(req.ctx, req.body));
    },
  );

  r.post(
    apiRoutes.users.import,
    {
      schema: {
        tags,
        summary:
          'Invite people from a CSV file (multipart field "file"; header email,name,unit_istat_code,job_profile_code)',
        consumes: ['multipart/form-data'],
        uploadFields: z.object({
          unitId: z
            .number()
            .int()
            .optional()
            .describe('The unit of the rows that leave unit_istat_code empty'),
        }),
        response: { 200: importReport },
      },
    },
    async (req) => {
      if (!canManageUsers(signedIn(req))) throw errors.forbidden();
      const file = await uploadOf(req);
      const text = file.buffer.toString('utf8');
      const unitField = multipartField(file.fields, 'unitId');
      const unitId = unitField ? dbIdParam.safeParse(unitField) : null;
      if (unitId && !unitId.success)
        throw errors.badRequest('VALIDATION_ERROR', { it: 'Unità non valida.', en: 'Invalid unit.' }, [
          'unitId',
        ]);
      return services.importUsers(req.ctx, text, unitId?.data ?? null);
    },
  );

  r.patch(
    apiRoutes.users.byId,
    {
      schema: {
        tags,
        summary: 'Edit a person (name, unit, job profile, active)',
        params: idParams,
        body: userUpdateBody,
        response: { 200: userSummary },
      },
    },
    async (req) => {
      return users.update(req.ctx, req.params.id, req.body);
    },
  );

  r.post(
    apiRoutes.users.invitation,
    {
      schema: { tags, summary: 'Send the invitation again', params: idParams, response: { 202: okBody } },
    },
    async (req, reply) => {
      await users.resendInvitation(req.ctx, req.params.id);
      return reply.status(202).send({ ok: true as const });
    },
  );

  r.post(
    apiRoutes.users.roles,
    {
      schema: {
        tags,
        summary: 'Grant a role, globally (unitId null) or for one unit',
        params: idParams,
        body: grantBody,
        response: { 201: roleGrant },
      },
    },
    async (req, reply) => {
      return reply
        .status(201)
        .send(await users.grant(req.ctx, req.params.id, req.body.role, req.body.unitId));
    },
  );

  r.delete(
    apiRoutes.users.role,
    {
      schema: {
        tags,
        summary: 'Revoke a role',
        params: z.object({ id: z.string().uuid(), grantId: dbIdParam }),
        response: { 200: okBody },
      },
    },
    async (req) => {
      await users.revoke(req.ctx, req.params.id, req.params.grantId);
      return { ok: true as const };
    },
  );
}
