import type { FastifyBaseLogger } from 'fastify';
import type { Job } from '../../../kernel/module.js';
import type { CampaignsService } from './service.js';

/** Every few minutes, closes the open campaigns whose last day (Europe/Rome) has ended. */
export function createCampaignCloser(deps: {
  campaigns: CampaignsService;
  log: FastifyBaseLogger;
  intervalMs: number;
}): Job & { runOnce(): Promise<number> } {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;
  const runOnce = () => {
    running ??= deps.campaigns.closeDue().finally(() => {
      running = null;
    });
    return running;
  };
  return {
    runOnce,
    start() {
      if (timer) return;
      const tick = () => {
        runOnce().catch((err) => deps.log.error({ err }, 'campaign closer pass failed'));
      };
      tick();
      timer = setInterval(tick, deps.intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running?.catch(() => undefined);
    },
  };
}
