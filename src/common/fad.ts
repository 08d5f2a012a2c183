import { z } from 'zod';
import { dbId, dbIdParam, httpUrl, idParams, text, wholeNumber } from './primitives.js';

/** Online learning (formazione a distanza): self-paced modules made of pages, followed inside the platform. */

export const FAD_MODULE_STATUSES = ['draft', 'published'] as const;
export type FadModuleStatus = (typeof FAD_MODULE_STATUSES)[number];

/** A module is made of pages written here, or is a SCORM package uploaded whole. */
export const FAD_MODULE_KINDS = ['pages', 'scorm'] as const;
export type FadModuleKind = (typeof FAD_MODULE_KINDS)[number];

export const SCORM_VERSIONS = ['1.2', '2004'] as const;
export type ScormVersion = (typeof SCORM_VERSIONS)[number];

/** What a SCORM package may weigh: the upload, its unpacked files, how many entries. */
export const SCORM_LIMITS = {
  uploadBytes: 100 * 1024 * 1024,
  unpackedBytes: 300 * 1024 * 1024,
  entries: 5000,
  /** The JSON of the CMI data a commit may carry. */
  cmiChars: 200_000,
  /** SCORM's data model nests a few levels (cmi.interactions.n.correct_responses.n.pattern). */
  cmiDepth: 12,
} as const;

/**
 * Hosts whose players a page may embed. A video address from any other host is refused, so a page
 * never frames an arbitrary site.
 */
export const VIDEO_HOSTS = [
  'www.youtube-nocookie.com',
  'www.youtube.com',
  'youtube.com',
  'youtu.be',
  'player.vimeo.com',
  'vimeo.com',
  'www.vimeo.com',
] as const;

/** The most active time one visit may claim beyond the wall-clock time since it began (seconds). */
export const VISIT_SLACK_SECONDS = 30;
/** How often the player reports active time (seconds); the browser stops counting after this idle time. */
export const BEAT_SECONDS = 30;
export const IDLE_SECONDS = 120;
/** The ledger is written when the minutes counted reach a new step, and at completion. */
export const LEDGER_STEP_MINUTES = 5;

export const fadPathParams = z.object({ pathId: dbIdParam });
export const fadPageParams = z.object({ pageId: dbIdParam });
export const fadSessionParams = z.object({ sessionId: dbIdParam });
export { idParams as fadModuleParams };

const title = text(200).min(1);

export const fadModuleInput = z.object({
  titleIt: title,
  titleEn: text(200).default(''),
  summaryIt: text(2000).default(''),
  summaryEn: text(2000).default(''),
  /** Completion conditions: every page viewed, and at least this many minutes of active time. */
  requireAllPages: z.boolean().default(true),
  minMinutes: wholeNumber(0, 6000).default(0),
  /** A quiz of the same path to pass, or null. */
  quizId: dbId.nullable().default(null),
  /** Modules of the same path to complete first. */
  prerequisiteIds: z.array(dbId).max(50).default([]),
  status: z.enum(FAD_MODULE_STATUSES).default('draft'),
});
export type FadModuleInput = z.infer<typeof fadModuleInput>;
/** What a client sends: the fields with defaults may be left out. */
export type FadModuleBody = z.input<typeof fadModuleInput>;

/** A new module also says its kind, which never changes afterwards. */
export const fadModuleCreate = fadModuleInput.extend({ kind: z.enum(FAD_MODULE_KINDS).default('pages') });
export type FadModuleCreate = z.infer<typeof fadModuleCreate>;
export type FadModuleCreateBody = z.input<typeof fadModuleCreate>;

export const fadModuleUpdate = fadModuleInput.extend({ revision: wholeNumber(1, 2_147_483_647) });
export type FadModuleUpdate = z.infer<typeof fadModuleUpdate>;
export type FadModuleUpdateBody = z.input<typeof fadModuleUpdate>;

export const fadMaterial = z.object({ label: text(200).min(1), url: httpUrl });
export type FadMaterial = z.infer<typeof fadMaterial>;

export const fadPageInput = z.object({
  titleIt: title,
  titleEn: text(200).default(''),
  /** Rich text (HTML); sanitised on the server, what is kept is returned. */
  bodyIt: z.string().max(100_000).default(''),
  bodyEn: z.string().max(100_000).default(''),
  /** A video to embed, from one of VIDEO_HOSTS. */
  videoUrl: httpUrl.nullable().default(null),
  materials: z.array(fadMaterial).max(30).default([]),
});
export type FadPageInput = z.infer<typeof fadPageInput>;
export type FadPageBody = z.input<typeof fadPageInput>;

export const fadPageOrder = z.object({ pageIds: z.array(dbId).min(1).max(500) });

export const fadPage = z.object({
  id: z.number().int(),
  moduleId: z.number().int(),
  position: z.number().int(),
  titleIt: z.string(),
  titleEn: z.string(),
  bodyIt: z.string(),
  bodyEn: z.string(),
  /** The embeddable player address derived from videoUrl, or null. */
  videoUrl: z.string().nullable(),
  embedUrl: z.string().nullable(),
  materials: z.array(fadMaterial),
});
export type FadPage = z.infer<typeof fadPage>;

export const fadProgress = z.object({
  viewedPageIds: z.array(z.number().int()),
  lastPageId: z.number().int().nullable(),
  activeMinutes: z.number().int(),
  completedAt: z.string().nullable(),
});
export type FadProgress = z.infer<typeof fadProgress>;

export const fadModuleSummary = z.object({
  id: z.number().int(),
  pathId: z.number().int(),
  pathTitle: z.string(),
  position: z.number().int(),
  titleIt: z.string(),
  titleEn: z.string(),
  summaryIt: z.string(),
  summaryEn: z.string(),
  status: z.enum(FAD_MODULE_STATUSES),
  kind: z.enum(FAD_MODULE_KINDS),
  requireAllPages: z.boolean(),
  minMinutes: z.number().int(),
  quizId: z.number().int().nullable(),
  prerequisiteIds: z.array(z.number().int()),
  pageCount: z.number().int(),
  revision: z.number().int(),
  /** The package of a SCORM module, once uploaded. */
  scorm: z
    .object({
      version: z.enum(SCORM_VERSIONS),
      title: z.string(),
      launch: z.string(),
      fileCount: z.number().int(),
      totalBytes: z.number().int(),
      uploadedAt: z.string(),
    })
    .nullable(),
});
export type FadModuleSummary = z.infer<typeof fadModuleSummary>;

export const fadModuleList = z.object({ items: z.array(fadModuleSummary) });

/** A module as its reader gets it: pages, and for a learner their progress and what still locks it. */
export const fadModuleView = fadModuleSummary.extend({
  pages: z.array(fadPage),
  progress: fadProgress.nullable(),
  /** Titles of the prerequisite modules not completed yet; the module opens when this is empty. */
  lockedBy: z.array(z.string()),
  canEdit: z.boolean(),
});
export type FadModuleView = z.infer<typeof fadModuleView>;

/** A beat of the player: the visit's whole active time so far, and the page on screen. */
export const fadBeat = z.object({
  visit: z.uuid(),
  seconds: wholeNumber(0, 86_400),
  pageId: dbId,
});
export type FadBeat = z.infer<typeof fadBeat>;

export const fadSessionLink = z.object({ moduleId: dbId.nullable() });

export const fadOnlineSession = z.object({
  sessionId: z.number().int(),
  editionId: z.number().int(),
  editionTitle: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  moduleId: z.number().int().nullable(),
  canLink: z.boolean(),
});
export const fadOnlineSessions = z.object({ items: z.array(fadOnlineSession) });
export type FadOnlineSession = z.infer<typeof fadOnlineSession>;

/** The learner's "Formazione a distanza" page. */
export const myFadModule = z.object({
  id: z.number().int(),
  kind: z.enum(FAD_MODULE_KINDS),
  pathId: z.number().int(),
  pathTitle: z.string(),
  titleIt: z.string(),
  titleEn: z.string(),
  pageCount: z.number().int(),
  minMinutes: z.number().int(),
  viewedPages: z.number().int(),
  activeMinutes: z.number().int(),
  completedAt: z.string().nullable(),
  locked: z.boolean(),
  /** The last day the learner's edition is open (Rome), when one is. */
  availableUntil: z.string().nullable(),
});
export type MyFadModule = z.infer<typeof myFadModule>;
export const myFad = z.object({ modules: z.array(myFadModule) });
export type MyFad = z.infer<typeof myFad>;

/** What the learner's page needs to open a SCORM module: the player's address and the data saved. */
export const scormLaunch = z.object({
  version: z.enum(SCORM_VERSIONS),
  /** The player page on the content origin (a signed address valid for a few hours). */
  playerUrl: z.string(),
  /** The content origin, to which messages are sent and from which they are accepted. */
  contentOrigin: z.string(),
  /** The CMI data saved at the last commit (empty at the first launch). */
  cmi: z.record(z.string(), z.unknown()),
  /** The last commit's sequence number: the next commits go on from here. */
  seq: z.number().int(),
  /** This opening of the package (a visit): commits carry it, so that each visit's time counts once. */
  visit: z.uuid(),
});
export type ScormLaunch = z.infer<typeof scormLaunch>;

/** A commit of the SCORM runtime, sent on by the learner's page. */
export const scormCommit = z.object({
  seq: wholeNumber(1, 2_147_483_647),
  visit: z.uuid(),
  cmi: z.record(z.string().max(200), z.unknown()),
});
export type ScormCommit = z.infer<typeof scormCommit>;

export const scormCommitResult = z.object({
  /** Whether this commit changed what is kept (false for an older or repeated sequence number). */
  saved: z.boolean(),
  seq: z.number().int(),
  status: z.string(),
  complete: z.boolean(),
  totalSeconds: z.number().int(),
});
export type ScormCommitResult = z.infer<typeof scormCommitResult>;
