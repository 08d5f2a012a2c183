import type { FastifyBaseLogger } from 'fastify';
import type { Transporter } from 'nodemailer';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { lazy } from '../../../kernel/lazy.js';
import { periodicJob } from '../../../kernel/periodic.js';
import type { OutboxRepository } from './repository.js';

/** Retry schedule after a failed delivery: 1 min, 5 min, 30 min, 2 h, 6 h; then the message fails. */
export const RETRY_DELAYS_S = [60, 300, 1800, 7200, 21600];

export type OutboxWorker = {
  /** Delivers every due message once; returns how many were sent. */
  runOnce: () => Promise<number>;
  start: () => void;
  stop: () => Promise<void>;
};

export function createOutboxWorker(deps: {
  db: Db;
  repo: OutboxRepository;
  smtpUrl: string | undefined;
  from: string;
  intervalMs: number;
  log: FastifyBaseLogger;
  clock: Clock;
}): OutboxWorker {
  const { smtpUrl } = deps;
  // The SMTP library is read on the first delivery pass, not at start-up (SMTP_URL is checked by config.ts).
  let transport: Transporter | undefined;
  const connect = smtpUrl
    ? lazy(async () => {
        transport = (await import('nodemailer')).default.createTransport(smtpUrl);
        return transport;
      })
    : null;

  async function deliverDue(): Promise<number> {
    if (!connect) return 0;
    const smtp = await connect();
    let sent = 0;
    for (;;) {
      const batch = await deps.repo.claimDue(deps.db, 20, 120);
      if (!batch.length) return sent;
      for (const msg of batch) {
        try {
          await smtp.sendMail({
            from: deps.from,
            to: msg.toAddress,
            subject: msg.subject,
            text: msg.textBody,
            ...(msg.htmlBody ? { html: msg.htmlBody } : {}),
          });
          await deps.repo.markSent(deps.db, msg.id);
          sent++;
        } catch (err) {
          const delay = RETRY_DELAYS_S[msg.attempts];
          const retryAt = delay === undefined ? null : new Date(deps.clock.now().getTime() + delay * 1000);
          deps.log.warn({ err, outboxId: msg.id, retryAt }, 'mail delivery failed');
          await deps.repo.markFailed(deps.db, msg.id, String((err as Error).message ?? err), retryAt);
        }
      }
    }
  }

  // One delivery pass at a time per process; callers share the pass in flight.
  return periodicJob({
    name: 'outbox',
    pass: deliverDue,
    intervalMs: deps.intervalMs,
    log: deps.log,
    enabled: connect !== null,
    onStop: () => transport?.close(),
  });
}
