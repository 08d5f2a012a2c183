import { z } from 'zod';
import {
  CAMPAIGN_STATUSES,
  DEFAULT_MIN_GROUP_SIZE,
  MAX_LEVEL,
  MIN_LEVEL,
  PARTICIPANT_STATUSES,
  QUESTION_KINDS,
} from './assessment.js';
import { dbId, dbIdParam, instant, isoDate, MAX_INT32, text } from './primitives.js';

/**
 * Survey campaigns (rilevazioni dei fabbisogni): what national admins and Province officers send to
 * prepare, open, follow and close a campaign, and what a respondent reads and sends to answer it.
 * The questionnaire asks, for each competency of the campaign's framework version, a level 0..3 or
 * "not applicable", then the campaign's own questions.
 */

// ---- Pieces ------------------------------------------------------------------------------------

export const bilingualText = (max: number, min = 1) =>
  z.object({ it: text(max).min(min, 'required'), en: text(max).min(min, 'required') });

export const campaignStatus = z.enum(CAMPAIGN_STATUSES);
export const participantStatus = z.enum(PARTICIPANT_STATUSES);
export const questionKind = z.enum(QUESTION_KINDS);

/** The 1..5 range of 'scale' questions. */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;
export const MAX_QUESTIONS = 50;
export const MAX_OPTIONS = 20;
export const MAX_TEXT_ANSWER = 4000;
/** The smallest minimum group of an anonymous campaign (the database's campaigns_anonymous_group_check). */
export const ANONYMOUS_MIN_GROUP = DEFAULT_MIN_GROUP_SIZE;
/** "Not applicable": the competency is not part of the person's work; it has no level row. */
export const NOT_APPLICABLE = 'na';

// ---- Custom questions --------------------------------------------------------------------------

export const questionInput = z
  .object({
    kind: questionKind,
    prompt: bilingualText(500),
    /** The choices of 'single' and 'multiple' questions (2..20); empty for the others. */
    options: z.array(bilingualText(200)).max(MAX_OPTIONS, `at most ${MAX_OPTIONS} options`).default([]),
    required: z.boolean().default(false),
  })
  .superRefine((q, ctx) => {
    const choice = q.kind === 'single' || q.kind === 'multiple';
    if (choice && q.options.length < 2)
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'a choice question needs at least 2 options',
      });
    if (!choice && q.options.length > 0)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'only choice questions have options' });
  });
export type QuestionInput = z.input<typeof questionInput>;

/** The whole list of a draft campaign's questions, in order (replaces the previous list). */
export const questionsInput = z.object({
  questions: z.array(questionInput).max(MAX_QUESTIONS, `at most ${MAX_QUESTIONS} questions`),
});

export const campaignQuestion = z.object({
  id: z.number().int(),
  position: z.number().int(),
  kind: questionKind,
  prompt: z.object({ it: z.string(), en: z.string() }),
  options: z.array(z.object({ it: z.string(), en: z.string() })),
  required: z.boolean(),
});
export type CampaignQuestion = z.infer<typeof campaignQuestion>;
export const questionList = z.object({ items: z.array(campaignQuestion) });

// ---- Campaigns (national admins; Province officers for their own unit) -------------------------

const jobProfileCode = text(60).min(1);
const domainCode = text(60).min(1);

/**
 * A campaign being prepared. The framework version defaults to the published one and never changes
 * once the campaign exists. National = every unit (unitIds empty); otherwise the chosen units. No job
 * profile = every profile. People chosen by name are invited in addition to the target. A Province
 * officer may only send national=false with unitIds=[their unit].
 */
export const campaignInput = z
  .object({
    title: bilingualText(200),
    description: bilingualText(4000, 0).default({ it: '', en: '' }),
    /** Only on creation; ignored on update. */
    frameworkId: dbId.optional(),
    domainCodes: z.array(domainCode).max(20).default([]),
    opensOn: isoDate,
    closesOn: isoDate,
    national: z.boolean(),
    unitIds: z.array(dbId).max(200).default([]),
    jobProfileCodes: z.array(jobProfileCode).max(50).default([]),
    userIds: z.array(z.uuid('not a valid person id')).max(5000).default([]),
    anonymous: z.boolean(),
    managerAssessment: z.boolean().default(false),
    minGroupSize: z.number().int().min(2).max(1000).default(DEFAULT_MIN_GROUP_SIZE),
  })
  .superRefine((c, ctx) => {
    if (c.closesOn < c.opensOn)
      ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'must not be before opensOn' });
    if (c.anonymous && c.managerAssessment)
      ctx.addIssue({
        code: 'custom',
        path: ['managerAssessment'],
        message: 'an anonymous campaign has no manager assessment',
      });
    if (c.anonymous && c.minGroupSize < ANONYMOUS_MIN_GROUP)
      ctx.addIssue({
        code: 'custom',
        path: ['minGroupSize'],
        message: `an anonymous campaign needs a minimum group of at least ${ANONYMOUS_MIN_GROUP} people`,
        params: {
          it: `una rilevazione anonima richiede un gruppo minimo di almeno ${ANONYMOUS_MIN_GROUP} persone`,
        },
      });
    if (c.national && c.unitIds.length)
      ctx.addIssue({ code: 'custom', path: ['unitIds'], message: 'a national campaign lists no units' });
    if (!c.national && !c.unitIds.length && !c.userIds.length)
      ctx.addIssue({ code: 'custom', path: ['unitIds'], message: 'choose at least one unit or person' });
  });
export type CampaignInput = z.input<typeof campaignInput>;

export const campaignListQuery = z.object({ status: campaignStatus.optional() });

export const unitRef = z.object({ id: z.number().int(), name: z.string() });

/** What the caller may do with the campaign now (the server decides again on each request). */
export const campaignActions = z.object({
  edit: z.boolean(),
  open: z.boolean(),
  close: z.boolean(),
  remind: z.boolean(),
  assess: z.boolean(),
  delete: z.boolean(),
});

export const campaignSummary = z.object({
  id: z.number().int(),
  title: z.object({ it: z.string(), en: z.string() }),
  status: campaignStatus,
  anonymous: z.boolean(),
  managerAssessment: z.boolean(),
  national: z.boolean(),
  opensOn: z.string(),
  closesOn: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  units: z.array(unitRef),
  /** People invited and people who answered, in the caller's scope (0 before opening). */
  invited: z.number().int(),
  submitted: z.number().int(),
});
export type CampaignSummary = z.infer<typeof campaignSummary>;
export const campaignList = z.object({ items: z.array(campaignSummary) });

export const campaignDetail = campaignSummary.extend({
  description: z.object({ it: z.string(), en: z.string() }),
  frameworkId: z.number().int(),
  frameworkVersion: z.string(),
  domainCodes: z.array(z.string()),
  jobProfileCodes: z.array(z.string()),
  /** People chosen by name: for a Province officer, only those of their own units… */
  people: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
  /** …and how many were chosen in other units (0 for national admins). */
  otherPeople: z.number().int(),
  minGroupSize: z.number().int(),
  questions: z.array(campaignQuestion),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: campaignActions,
});
export type CampaignDetail = z.infer<typeof campaignDetail>;

// ---- Progress and reminders --------------------------------------------------------------------

export const progressQuery = z.object({ unitId: dbIdParam.optional() });

export const progressRow = z.object({
  unitId: z.number().int().nullable(),
  unitName: z.string(),
  invited: z.number().int(),
  inProgress: z.number().int(),
  submitted: z.number().int(),
  /** submitted / invited, 0..1 (0 when nobody is invited). */
  rate: z.number(),
});
export type ProgressRow = z.infer<typeof progressRow>;

/**
 * Response rates per unit, live. Officers get their unit's row only, national admins every row and
 * the totals. `pending` names who has not answered yet: named campaigns only, and only when the
 * answer is about one unit (an officer, or an admin asking with unitId); null otherwise.
 */
export const campaignProgress = z.object({
  campaignId: z.number().int(),
  status: campaignStatus,
  anonymous: z.boolean(),
  rows: z.array(progressRow),
  totals: progressRow.omit({ unitId: true, unitName: true }).nullable(),
  pending: z
    .array(
      z.object({
        userId: z.string(),
        name: z.string(),
        email: z.string(),
        unitId: z.number().int().nullable(),
        status: participantStatus,
        reminders: z.number().int(),
        lastRemindedAt: z.string().nullable(),
      }),
    )
    .nullable(),
});
export type CampaignProgress = z.infer<typeof campaignProgress>;

/** A reminder to everyone not yet submitted in the caller's scope (admins: all, or one unit). */
export const reminderInput = z.object({ unitId: dbId.optional() });
export const reminderResult = z.object({
  /** Reminders written to the outbox. */
  sent: z.number().int(),
  /** People skipped because they were reminded less than 24 hours ago. */
  skipped: z.number().int(),
});
/** No person is reminded twice within this many hours. */
export const REMINDER_GAP_HOURS = 24;

// ---- Manager assessment (named campaigns with manager_assessment) ------------------------------

export const assessmentParams = z.object({ id: dbIdParam, participantId: dbIdParam });

export const assessedPerson = z.object({
  participantId: z.number().int(),
  name: z.string(),
  email: z.string(),
  unitId: z.number().int().nullable(),
  jobProfileCode: z.string().nullable(),
  /** Competencies with a self level, and how many of them have the manager's level. */
  competencies: z.number().int(),
  assessed: z.number().int(),
});
export const assessedList = z.object({ items: z.array(assessedPerson) });

export const assessmentDetail = assessedPerson.extend({
  levels: z.array(
    z.object({
      competencyId: z.number().int(),
      code: z.string(),
      name: z.object({ it: z.string(), en: z.string() }),
      selfLevel: z.number().int(),
      managerLevel: z.number().int().nullable(),
    }),
  ),
});
export type AssessmentDetail = z.infer<typeof assessmentDetail>;

const level = z.number().int('must be a whole number').min(MIN_LEVEL).max(MAX_LEVEL);

/** The manager's level per competency (null clears it); competencies without a self level are refused. */
export const assessmentInput = z.object({
  levels: z.array(z.object({ competencyId: dbId, managerLevel: level.nullable() })).max(1000),
});

// ---- The respondent's side ---------------------------------------------------------------------

const idKey = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'not an id')
  .refine((k) => Number(k) <= MAX_INT32, 'not an id');

/** A competency's answer: a level 0..3, or "na" (not applicable). */
export const levelAnswer = z.union([level, z.literal(NOT_APPLICABLE)]);
/** A custom question's answer: text, an option index (single) or several (multiple), or 1..5 (scale). */
export const questionAnswer = z.union([
  text(MAX_TEXT_ANSWER),
  z.number().int().min(0).max(MAX_OPTIONS),
  z.array(z.number().int().min(0).max(MAX_OPTIONS)).max(MAX_OPTIONS),
]);

/**
 * The answers, keyed by competency id and by question id. A draft may be partial; a submission must
 * answer every competency (a level or "na") and every required question.
 */
export const answersInput = z.object({
  levels: z
    .record(idKey, levelAnswer)
    .refine((r) => Object.keys(r).length <= 2000, 'too many answers')
    .default({}),
  answers: z
    .record(idKey, questionAnswer)
    .refine((r) => Object.keys(r).length <= MAX_QUESTIONS, 'too many answers')
    .default({}),
});
export type AnswersInput = z.infer<typeof answersInput>;

/**
 * A submission: every answer on screen, and when the draft the client last saved (or loaded) was
 * saved. A newer draft on the server (another device saved since) is refused with 409
 * ANSWERS_CHANGED; null = the client has seen no saved draft; absent = no check.
 */
export const submitInput = answersInput.extend({
  draftSavedAt: instant.nullable().optional(),
});
export type SubmitInput = z.infer<typeof submitInput>;

export const myCampaign = z.object({
  id: z.number().int(),
  title: z.object({ it: z.string(), en: z.string() }),
  description: z.object({ it: z.string(), en: z.string() }),
  status: campaignStatus,
  anonymous: z.boolean(),
  opensOn: z.string(),
  closesOn: z.string(),
  participantStatus,
  draftSavedAt: z.string().nullable(),
  /** When the person submitted; always null for an anonymous campaign (no time is kept). */
  submittedAt: z.string().nullable(),
});
export type MyCampaign = z.infer<typeof myCampaign>;
export const myCampaignList = z.object({ items: z.array(myCampaign) });

const bi = z.object({ it: z.string(), en: z.string() });
export const questionnaireCompetency = z.object({
  id: z.number().int(),
  code: z.string(),
  name: bi,
  description: bi,
  levels: z.object({ base: bi, intermedio: bi, avanzato: bi }),
});
export const questionnaire = myCampaign.extend({
  domains: z.array(
    z.object({
      code: z.string(),
      name: bi,
      areas: z.array(
        z.object({
          id: z.number().int(),
          code: z.string(),
          name: bi,
          competencies: z.array(questionnaireCompetency),
        }),
      ),
    }),
  ),
  questions: z.array(campaignQuestion),
  /** What was saved (null when nothing was, or after submission). */
  draft: answersInput.nullable(),
});
export type Questionnaire = z.infer<typeof questionnaire>;

export const draftSaved = z.object({ savedAt: z.string(), participantStatus });
export const submitted = z.object({ submittedAt: z.string() });
