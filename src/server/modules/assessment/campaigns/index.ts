import { defineModule } from '../../../kernel/module.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { MailService } from '../../platform/mail/index.js';
import type { FrameworkService } from '../framework/index.js';
import { createCampaignCloser } from './closer.js';
import { createFollowService, type FollowService } from './follow-service.js';
import { canAnswerCampaigns, canManageCampaigns } from './policy.js';
import { createCampaignsRepository } from './repository.js';
import { createRespondService, type RespondService } from './respond-service.js';
import { createResponsesRepository } from './responses-repository.js';
import { campaignsRoutes } from './routes.js';
import { type CampaignsService, createCampaignsService } from './service.js';

import './events.js';

export type { CampaignsService, FollowService, RespondService };
export { canManageCampaigns };

/** How often open campaigns past their last day are closed. */
const CLOSER_INTERVAL_MS = 5 * 60_000;

/**
 * Survey campaigns (rilevazioni dei fabbisogni): preparation, opening (participants and invitations),
 * the respondent's questionnaire with autosave and a single submission, live progress, reminders,
 * the manager's assessment, and closing (by hand, or after the last day by a job).
 */
export const campaignsModule = defineModule({
  name: 'campaigns',
  create: (
    { db, clock, config, log, events },
    deps: { audit: AuditService; mail: MailService; framework: FrameworkService },
  ) => {
    const repo = createCampaignsRepository();
    const responses = createResponsesRepository();
    const campaigns = createCampaignsService({ db, repo, clock, config, events, ...deps });
    return {
      campaigns,
      campaignFollow: createFollowService({ db, repo, responses, campaigns, clock, config, events, ...deps }),
      campaignAnswers: createRespondService({ db, repo, responses, clock, framework: deps.framework }),
      campaignCloser: createCampaignCloser({ campaigns, log, intervalMs: CLOSER_INTERVAL_MS }),
    };
  },
  routes: (app, services, { config }) => campaignsRoutes(app, { services, config }),
  can: (p) => ({ manageCampaigns: canManageCampaigns(p), answerCampaigns: canAnswerCampaigns(p) }),
  jobs: ({ campaignCloser }) => [campaignCloser],
});
