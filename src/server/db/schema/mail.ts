import { bigserial, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { OUTBOX_STATUSES } from '../../../common/admin.js';
import { oneOf } from '../checks.js';

/** Transactional outbox: every e-mail is written here in the same transaction as its cause. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    /** pending → sent, or failed after the last retry. */
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outbox_due').on(t.status, t.nextAttemptAt), oneOf(t.status, OUTBOX_STATUSES)],
);
