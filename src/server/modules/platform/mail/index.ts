import { defineModule } from '../../../kernel/module.js';
import { canViewOutbox } from './policy.js';
import { createOutboxRepository } from './repository.js';
import { mailRoutes } from './routes.js';
import { createMailService, type MailService } from './service.js';
import { createOutboxWorker } from './worker.js';

export type { Mail } from './templates.js';
export { signature } from './templates.js';
export type { MailService };

/** The outbox: e-mail queued in the transaction of a change and delivered by a worker in every process. */
export const mailModule = defineModule({
  name: 'mail',
  create: ({ db, config, log, clock }) => {
    const repo = createOutboxRepository(clock);
    const worker = createOutboxWorker({
      db,
      repo,
      smtpUrl: config.smtpUrl,
      from: config.mailFrom,
      intervalMs: config.outboxIntervalMs,
      log,
      clock,
    });
    return { mail: createMailService({ db, repo, worker }), worker };
  },
  routes: (app, services, { config }) => mailRoutes(app, { services, config }),
  can: (p) => ({ viewOutbox: canViewOutbox(p) }),
  jobs: ({ worker }) => [worker],
});
