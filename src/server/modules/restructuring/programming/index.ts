import { defineModule } from '../../../kernel/module.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { MailService } from '../../platform/mail/index.js';
import {
  createProgrammingLookup,
  type ProgrammingLookup,
  type UnitDeadline,
  type UnitOverview,
} from './lookup.js';
import { createProgrammingReminders, type ProgrammingReminders } from './reminders.js';
import { createProgrammingRepository } from './repository.js';
import { programmingRoutes } from './routes.js';
import { createProgrammingService, type ProgrammingService } from './service.js';

export type { ProgrammingLookup, ProgrammingReminders, ProgrammingService, UnitDeadline, UnitOverview };

/**
 * A unit's programming documents (DUP, Nota di aggiornamento, PIAO, PTFP) with the deadlines the
 * reference rules give them; the rules and their moves, kept by national admins; the deadlines list;
 * and the daily reminders of documents due or overdue. Offers `programming` (deadlinesOf, overview)
 * to the national view and the brief.
 */
export const programmingModule = defineModule({
  name: 'programming',
  create: ({ db, clock, config, log }, deps: { audit: AuditService; mail: MailService }) => {
    const repo = createProgrammingRepository();
    return {
      programming: createProgrammingLookup(repo),
      programmingDocs: createProgrammingService({ db, repo, audit: deps.audit, clock }),
      programmingReminders: createProgrammingReminders({ db, repo, mail: deps.mail, config, log, clock }),
    };
  },
  routes: (app, services, { config }) => programmingRoutes(app, { services, config }),
  jobs: ({ programmingReminders }) => [programmingReminders],
});
