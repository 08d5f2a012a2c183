import { z } from 'zod';
import { pageQuery } from './api.js';
import { AUDIT_ENTITY_TYPES } from './audit.js';
import { instant } from './primitives.js';

/** An outbox message: pending → sent, or failed after the last retry. */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;

export const auditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  /** The actor's name now (null when the account is gone or the change was the system's). */
  actorName: z.string().nullable(),
  // Plain strings: rows written before a code was renamed still read back.
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** The object's name or title when it is a person, a unit, a training path or an edition. */
  entityName: z.string().nullable(),
  unitId: z.number().int().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export const auditQuery = pageQuery.extend({
  /** Part of the actor's name or e-mail. */
  actor: z.string().trim().max(254).optional(),
  /** One action code, or a prefix ending in a dot ("user.") for every action of that family. */
  action: z.string().trim().max(100).optional(),
  entityType: z.enum(AUDIT_ENTITY_TYPES).optional(),
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
