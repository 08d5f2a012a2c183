import { z } from 'zod';
import { pageQuery } from './api.js';
import { instant } from './primitives.js';

/** An outbox message: pending → sent, or failed after the last retry. */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  unitId: z.number().int().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export const auditQuery = pageQuery.extend({
  actor: z.string().trim().max(254).optional(),
  action: z.string().trim().max(100).optional(),
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
  from: instant.optional(),
  to: instant.optional(),
});

export const outboxMessage = z.object({
  id: z.number().int(),
  toAddress: z.string(),
  subject: z.string(),
  textBody: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const outboxQuery = pageQuery.extend({
  status: z.enum(OUTBOX_STATUSES).optional(),
  to: z.string().trim().max(254).optional(),
});
