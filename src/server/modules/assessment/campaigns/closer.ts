import type { FastifyBaseLogger } from 'fastify';
import { type PeriodicJob, periodicJob } from '../../../kernel/periodic.js';
import type { CampaignsService } from './service.js';

/** Every few minutes, closes the open campaigns whose last day (Europe/Rome) has ended. */
export function createCampaignCloser(deps: {
  campaigns: CampaignsService;
  log: FastifyBaseLogger;
  intervalMs: number;
}): PeriodicJob<number> {
  return periodicJob({
    name: 'campaign closer',
    pass: () => deps.campaigns.closeDue(),
    intervalMs: deps.intervalMs,
    log: deps.log,
    runAtStart: true,
  });
}
