import {
  type AnswersInput,
  answersInput,
  type MyCampaign,
  type Questionnaire,
  type SubmitInput,
} from '../../../../common/campaigns.js';
import { romeDate } from '../../../../common/rome-time.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import type { FrameworkService } from '../framework/index.js';
import { type AnswerSheet, checkAnswers, toRows } from './answers.js';
import { alreadyClosed, alreadySubmitted, CAMPAIGN, notStarted, staleAnswers } from './messages.js';
import type { CampaignRow, CampaignsRepository, ParticipantRow } from './repository.js';
import type { ResponsesRepository } from './responses-repository.js';
import { toQuestion } from './service.js';

/** What was saved, read back safely (a draft is always written validated; anything else reads as empty). */
function savedDraft(p: ParticipantRow): AnswersInput | null {
  if (!p.draft) return null;
  const parsed = answersInput.safeParse(p.draft);
  return parsed.success ? parsed.data : null;
}

/** A saved draft and newer answers: the newer win, nothing saved is lost. */
function merge(saved: AnswersInput | null, input: AnswersInput): AnswersInput {
  return {
    levels: { ...(saved?.levels ?? {}), ...input.levels },
    answers: { ...(saved?.answers ?? {}), ...input.answers },
  };
}

const invalidAnswers = (problems: ReturnType<typeof checkAnswers>, complete: boolean) =>
  errors.invalid(
    complete ? 'ANSWERS_INCOMPLETE' : 'ANSWERS_INVALID',
    complete
      ? {
          it: 'Il questionario non è completo: rispondi alle domande segnalate.',
          en: 'The questionnaire is not complete: answer the questions listed.',
        }
      : {
          it: 'Alcune risposte non sono valide: correggi quelle segnalate.',
          en: 'Some answers are not valid: correct the ones listed.',
        },
    problems,
  );

/**
 * The respondent's side: their campaigns, the questionnaire with what they saved, autosave and
 * submission. Submission writes the response and marks the participant in one transaction under the
 * participant's row lock, so a double submit gives exactly one response; an anonymous campaign's
 * response carries neither the participant nor a time.
 */
export function createRespondService(deps: {
  db: Db;
  repo: CampaignsRepository;
  responses: ResponsesRepository;
  framework: FrameworkService;
  clock: Clock;
}) {
  const { db, repo, responses, clock } = deps;

  /** The campaign and the caller's participation; 404 for whoever is not invited. */
  async function invitation(ctx: RequestContext, id: number) {
    const actor = requireActor(ctx);
    const participant = await repo.participant(db, id, actor.id);
    const row = participant && (await repo.get(db, id));
    if (!participant || !row || row.status === 'draft') throw errors.notFound(CAMPAIGN);
    return { row, participant };
  }

  /** Refuses answers outside the campaign's open period (Europe/Rome days, by the kernel's clock). */
  function checkAnswerable(row: CampaignRow) {
    const today = romeDate(clock.now());
    if (row.status === 'closed' || row.closesOn < today) throw alreadyClosed();
    if (row.status !== 'open') throw alreadyClosed();
    if (row.opensOn > today) throw notStarted(row.opensOn);
  }

  /** The competencies asked (the campaign's framework version, its domains only), grouped domain → area. */
  async function content(ctx: RequestContext, row: CampaignRow) {
    const tree = await deps.framework.get(ctx, row.frameworkId);
    const domains = tree.domains
      .filter((d) => !row.domainCodes.length || row.domainCodes.includes(d.code))
      .map((d) => ({
        code: d.code,
        name: d.name,
        areas: d.areas
          .filter((a) => a.competencies.length)
          .map((a) => ({
            id: a.id,
            code: a.code,
            name: a.name,
            competencies: a.competencies.map((c) => ({
              id: c.id,
              code: c.code,
              name: c.name,
              description: c.description,
              levels: c.levels,
            })),
          })),
      }))
      .filter((d) => d.areas.length);
    const questions = (await repo.questions(db, row.id)).map(toQuestion);
    const sheet: AnswerSheet = {
      competencyIds: new Set(domains.flatMap((d) => d.areas.flatMap((a) => a.competencies.map((c) => c.id)))),
      questions: questions.map((q) => ({
        id: q.id,
        kind: q.kind,
        optionCount: q.options.length,
        required: q.required,
      })),
    };
    return { domains, questions, sheet };
  }

  const mine = (row: CampaignRow, p: ParticipantRow): MyCampaign => ({
    id: row.id,
    title: { it: row.titleIt, en: row.titleEn },
    description: { it: row.descriptionIt, en: row.descriptionEn },
    status: row.status === 'open' && row.closesOn < romeDate(clock.now()) ? 'closed' : row.status,
    anonymous: row.anonymous,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    participantStatus: p.status,
    draftSavedAt: p.draftSavedAt?.toISOString() ?? null,
    submittedAt: p.submittedAt?.toISOString() ?? null,
  });

  return {
    async list(ctx: RequestContext) {
      const rows = await repo.mine(db, requireActor(ctx).id);
      return {
        items: rows.filter((r) => r.campaign.status !== 'draft').map((r) => mine(r.campaign, r.participant)),
      };
    },

    async questionnaire(ctx: RequestContext, id: number): Promise<Questionnaire> {
      const { row, participant } = await invitation(ctx, id);
      const { domains, questions } = await content(ctx, row);
      return { ...mine(row, participant), domains, questions, draft: savedDraft(participant) };
    },

    /** Autosave: checks what is sent against the questionnaire and merges it into the saved draft. */
    async saveDraft(ctx: RequestContext, id: number, input: AnswersInput) {
      const { row } = await invitation(ctx, id);
      checkAnswerable(row);
      const { sheet } = await content(ctx, row);
      const problems = checkAnswers(sheet, input, false);
      if (problems.length) throw invalidAnswers(problems, false);
      return db.transaction(async (tx) => {
        const current = await repo.get(tx, id, 'share');
        if (!current) throw errors.notFound(CAMPAIGN);
        checkAnswerable(current);
        const p = await repo.participant(tx, id, requireActor(ctx).id, true);
        if (!p) throw errors.notFound(CAMPAIGN);
        if (p.status === 'submitted') throw alreadySubmitted();
        const now = clock.now();
        await repo.saveDraft(tx, p.id, merge(savedDraft(p), input), now);
        return { savedAt: now.toISOString(), participantStatus: 'in_progress' as const };
      });
    },

    /**
     * Submission: the saved draft with the answers sent, complete, written once. Refused (409) when
     * the draft was saved after the one the client knows (another device changed the answers).
     */
    async submit(ctx: RequestContext, id: number, body: SubmitInput) {
      const { draftSavedAt: seen, ...input } = body;
      const { row } = await invitation(ctx, id);
      checkAnswerable(row);
      const { sheet } = await content(ctx, row);
      const wrong = checkAnswers(sheet, input, false);
      if (wrong.length) throw invalidAnswers(wrong, false);
      return db.transaction(async (tx) => {
        // Closing takes the campaign row for update: a submission either lands before or is refused.
        const current = await repo.get(tx, id, 'share');
        if (!current) throw errors.notFound(CAMPAIGN);
        checkAnswerable(current);
        const p = await repo.participant(tx, id, requireActor(ctx).id, true);
        if (!p) throw errors.notFound(CAMPAIGN);
        if (p.status === 'submitted') throw alreadySubmitted();
        if (seen !== undefined && p.draftSavedAt && (seen === null || new Date(seen) < p.draftSavedAt))
          throw staleAnswers();
        const answers = merge(savedDraft(p), input);
        const problems = checkAnswers(sheet, answers, true);
        if (problems.length) throw invalidAnswers(problems, true);
        const { levels, answers: values } = toRows(answers);
        await responses.insert(tx, {
          campaignId: id,
          unitId: p.unitId,
          jobProfileCode: p.jobProfileCode,
          participantId: current.anonymous ? null : p.id,
          levels,
          answers: values,
        });
        const now = clock.now();
        // An anonymous campaign keeps no time of submission: it would match the response's.
        await repo.markSubmitted(tx, p.id, current.anonymous ? null : now);
        return { submittedAt: now.toISOString() };
      });
    },
  };
}

export type RespondService = ReturnType<typeof createRespondService>;
