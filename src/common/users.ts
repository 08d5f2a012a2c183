import { z } from 'zod';
import { pageQuery } from './api.js';
import { roleGrant } from './auth.js';
import { dbId, dbIdParam } from './primitives.js';
import { ROLES } from './roles.js';

export const userSummary = z.object({
  id: z.string().uuid(),
  email: z.string(),
  name: z.string(),
  active: z.boolean(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  jobProfileCode: z.string().nullable(),
  /** False while an invited user has not yet chosen a password. */
  activated: z.boolean(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(roleGrant),
});
export type UserSummary = z.infer<typeof userSummary>;

export const userListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  unitId: dbIdParam.optional(),
  role: z.enum(ROLES).optional(),
  active: z.enum(['true', 'false']).optional(),
});

const email = z.string().trim().toLowerCase().pipe(z.email().max(254));

export const inviteBody = z.object({
  email,
  name: z.string().trim().min(2).max(200),
  unitId: dbId.nullable(),
  jobProfileCode: z.string().trim().min(1).max(50).nullable().optional(),
});
export type InviteInput = z.infer<typeof inviteBody>;

export const userUpdateBody = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  unitId: dbId.nullable().optional(),
  jobProfileCode: z.string().trim().min(1).max(50).nullable().optional(),
  active: z.boolean().optional(),
});

export const grantBody = z.object({ role: z.enum(ROLES), unitId: dbId.nullable() });

export const importRowError = z.object({
  row: z.number().int().describe('Line number in the file, the header being line 1'),
  email: z.string().nullable(),
  messages: z.array(z.string()),
});
export const importReport = z.object({
  created: z.number().int(),
  failed: z.number().int(),
  errors: z.array(importRowError),
});
export type ImportReport = z.infer<typeof importReport>;
