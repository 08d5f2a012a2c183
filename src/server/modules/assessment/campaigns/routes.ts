import { errorBody, okBody } from '../../../../common/api.js';
import { apiRoutes } from '../../../../common/api-routes.js';
import {
  answersInput,
  assessedList,
  assessmentDetail,
  assessmentInput,
  assessmentParams,
  campaignDetail,
  campaignInput,
  campaignList,
  campaignListQuery,
  campaignProgress,
  draftSaved,
  myCampaignList,
  progressQuery,
  questionList,
  questionnaire,
  questionsInput,
  reminderInput,
  reminderResult,
  submitInput,
  submitted,
} from '../../../../common/campaigns.js';
import { idParams } from '../../../../common/primitives.js';
import { type App, type RouteDeps, typed } from '../../../http/types.js';
import type { FollowService } from './follow-service.js';
import type { RespondService } from './respond-service.js';
import type { CampaignsService } from './service.js';

const tags = ['survey campaigns'];
const mineTags = ['my surveys'];
/** Answers are small: a questionnaire of a few hundred competencies fits well within this. */
const ANSWERS_LIMIT = 256 * 1024;

export function campaignsRoutes(
  app: App,
  {
    services,
  }: RouteDeps<{
    campaigns: CampaignsService;
    campaignFollow: FollowService;
    campaignAnswers: RespondService;
  }>,
) {
  const r = typed(app);
  const { campaigns, campaignFollow: follow, campaignAnswers: answers } = services;

  r.get(
    apiRoutes.campaigns.list,
    {
      schema: {
        tags,
        summary:
          'Campaigns the caller manages or follows (national admins: all; officers: those of their unit)',
        querystring: campaignListQuery,
        response: { 200: campaignList },
      },
    },
    async (req) => campaigns.list(req.ctx, req.query),
  );

  r.post(
    apiRoutes.campaigns.list,
    {
      schema: {
        tags,
        summary: 'New draft campaign (national admin; a Province officer for their own unit only)',
        body: campaignInput,
        response: { 201: campaignDetail },
      },
    },
    async (req, reply) => reply.status(201).send(await campaigns.create(req.ctx, req.body)),
  );

  r.get(
    apiRoutes.campaigns.campaign,
    {
      schema: {
        tags,
        summary: 'One campaign, with its target and questions',
        params: idParams,
        response: { 200: campaignDetail },
      },
    },
    async (req) => campaigns.get(req.ctx, req.params.id),
  );

  r.put(
    apiRoutes.campaigns.campaign,
    {
      schema: {
        tags,
        summary: 'Change a draft campaign (its framework version never changes)',
        params: idParams,
        body: campaignInput,
        response: { 200: campaignDetail },
      },
    },
    async (req) => campaigns.update(req.ctx, req.params.id, req.body),
  );

  r.delete(
    apiRoutes.campaigns.campaign,
    { schema: { tags, summary: 'Delete a draft campaign', params: idParams, response: { 200: okBody } } },
    async (req) => campaigns.remove(req.ctx, req.params.id),
  );

  r.get(
    apiRoutes.campaigns.questions,
    {
      schema: {
        tags,
        summary: 'The custom questions of a campaign',
        params: idParams,
        response: { 200: questionList },
      },
    },
    async (req) => campaigns.questions(req.ctx, req.params.id),
  );

  r.put(
    apiRoutes.campaigns.questions,
    {
      schema: {
        tags,
        summary: 'Set the custom questions of a draft campaign, in order (replaces the list)',
        params: idParams,
        body: questionsInput,
        response: { 200: questionList },
      },
    },
    async (req) => campaigns.setQuestions(req.ctx, req.params.id, req.body),
  );

  r.post(
    apiRoutes.campaigns.open,
    {
      schema: {
        tags,
        summary: 'Open a draft: invite the target and queue an invitation e-mail to each person',
        params: idParams,
        response: { 200: campaignDetail },
      },
    },
    async (req) => campaigns.open(req.ctx, req.params.id),
  );

  r.post(
    apiRoutes.campaigns.close,
    {
      schema: {
        tags,
        summary: 'Close an open campaign',
        params: idParams,
        response: { 200: campaignDetail },
      },
    },
    async (req) => campaigns.close(req.ctx, req.params.id),
  );

  r.get(
    apiRoutes.campaigns.progress,
    {
      schema: {
        tags,
        summary:
          'Response rates per unit, live (officers: their unit; admins: all with totals). Names of who has not answered only for named campaigns, one unit at a time.',
        params: idParams,
        querystring: progressQuery,
        response: { 200: campaignProgress },
      },
    },
    async (req) => follow.progress(req.ctx, req.params.id, req.query.unitId),
  );

  r.post(
    apiRoutes.campaigns.reminders,
    {
      schema: {
        tags,
        summary:
          'Remind everyone not yet submitted in the caller’s scope (admins: all or one unit); nobody twice within 24 hours (429)',
        params: idParams,
        body: reminderInput,
        response: { 200: reminderResult, 429: errorBody },
      },
    },
    async (req) => follow.remind(req.ctx, req.params.id, req.body.unitId),
  );

  r.get(
    apiRoutes.campaigns.assessments,
    {
      schema: {
        tags,
        summary: 'Submitted respondents of the officer’s unit, for the manager assessment (named campaigns)',
        params: idParams,
        response: { 200: assessedList },
      },
    },
    async (req) => follow.assessments(req.ctx, req.params.id),
  );

  r.get(
    apiRoutes.campaigns.assessment,
    {
      schema: {
        tags,
        summary: 'One respondent’s self-assessed and manager levels (the officer of their unit)',
        params: assessmentParams,
        response: { 200: assessmentDetail },
      },
    },
    async (req) => follow.assessment(req.ctx, req.params.id, req.params.participantId),
  );

  r.put(
    apiRoutes.campaigns.assessment,
    {
      schema: {
        tags,
        summary: 'Set the manager’s level (0..3, or null) per competency of one respondent',
        params: assessmentParams,
        body: assessmentInput,
        response: { 200: assessmentDetail },
      },
    },
    async (req) => follow.assess(req.ctx, req.params.id, req.params.participantId, req.body),
  );

  r.get(
    apiRoutes.campaigns.mine,
    {
      schema: {
        tags: mineTags,
        summary: 'The surveys the caller is invited to',
        response: { 200: myCampaignList },
      },
    },
    async (req) => answers.list(req.ctx),
  );

  r.get(
    apiRoutes.campaigns.myCampaign,
    {
      schema: {
        tags: mineTags,
        summary: 'The questionnaire (competencies by domain and area, custom questions) and the saved draft',
        params: idParams,
        response: { 200: questionnaire },
      },
    },
    async (req) => answers.questionnaire(req.ctx, req.params.id),
  );

  r.put(
    apiRoutes.campaigns.draft,
    {
      bodyLimit: ANSWERS_LIMIT,
      schema: {
        tags: mineTags,
        summary: 'Autosave: merge the answers sent into the saved draft (partial answers allowed)',
        params: idParams,
        body: answersInput,
        response: { 200: draftSaved },
      },
    },
    async (req) => answers.saveDraft(req.ctx, req.params.id, req.body),
  );

  r.post(
    apiRoutes.campaigns.submit,
    {
      bodyLimit: ANSWERS_LIMIT,
      schema: {
        tags: mineTags,
        summary:
          'Submit: the saved draft with the answers sent must be complete; once only (409 after); 409 ANSWERS_CHANGED when draftSavedAt is older than the saved draft',
        params: idParams,
        body: submitInput,
        response: { 200: submitted },
      },
    },
    async (req) => answers.submit(req.ctx, req.params.id, req.body),
  );
}
