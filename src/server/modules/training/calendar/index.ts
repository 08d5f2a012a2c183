import { publicReads } from '../../../http/public-cache.js';
import { defineModule } from '../../../kernel/module.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { EditionsService, PathsService } from '../catalogue/index.js';
import type { EnrolmentService } from '../enrolment/index.js';
import { createCalendarRepository } from './repository.js';
import { calendarRoutes } from './routes.js';
import { type CalendarService, createCalendarService } from './service.js';

export type { CalendarService };

/**
 * The public calendar (JSON and iCal, no links or people), public path and edition pages, and the
 * personal secret feeds (with online links).
 */
export const calendarModule = defineModule({
  name: 'calendar',
  create: (
    { db, config, clock },
    deps: {
      audit: AuditService;
      editions: EditionsService;
      paths: PathsService;
      enrolment: EnrolmentService;
    },
  ) => ({
    calendar: createCalendarService({
      db,
      repo: createCalendarRepository(clock),
      editions: deps.editions,
      paths: deps.paths,
      enrolment: deps.enrolment,
      audit: deps.audit,
      config,
      clock,
    }),
  }),
  routes: (app, services, { config, publicCache }) =>
    calendarRoutes(app, { services, config, reads: publicReads(publicCache) }),
  pageMeta:
    ({ calendar }) =>
    (pathname) =>
      calendar.pageMeta(pathname),
});
