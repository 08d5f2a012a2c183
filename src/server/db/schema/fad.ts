import {
  bigint,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  FAD_MODULE_KINDS,
  FAD_MODULE_STATUSES,
  type FadMaterial,
  SCORM_VERSIONS,
} from '../../../common/fad.js';
import { inRange, oneOf } from '../checks.js';
import { editionSessions, trainingPaths } from './catalogue.js';
import { users } from './identity.js';
import { quizzes } from './quizzes.js';

/** A self-paced online module of a path: ordered pages and the conditions that complete it. */
export const fadModules = pgTable(
  'fad_modules',
  {
    id: serial('id').primaryKey(),
    pathId: integer('path_id')
      .notNull()
      .references(() => trainingPaths.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    titleIt: text('title_it').notNull(),
    titleEn: text('title_en').notNull().default(''),
    summaryIt: text('summary_it').notNull().default(''),
    summaryEn: text('summary_en').notNull().default(''),
    status: text('status', { enum: FAD_MODULE_STATUSES }).notNull().default('draft'),
    kind: text('kind', { enum: FAD_MODULE_KINDS }).notNull().default('pages'),
    requireAllPages: boolean('require_all_pages').notNull().default(true),
    minMinutes: integer('min_minutes').notNull().default(0),
    /** A quiz of the path the learner must pass to complete the module. */
    quizId: integer('quiz_id').references(() => quizzes.id, { onDelete: 'set null' }),
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('fad_modules_path').on(t.pathId, t.position),
    oneOf(t.status, FAD_MODULE_STATUSES),
    oneOf(t.kind, FAD_MODULE_KINDS),
    inRange(t.minMinutes, 0, 6000),
  ],
);

/** A module opens once the modules it requires are completed. */
export const fadModulePrerequisites = pgTable(
  'fad_module_prerequisites',
  {
    moduleId: integer('module_id')
      .notNull()
      .references(() => fadModules.id, { onDelete: 'cascade' }),
    requiresId: integer('requires_id')
      .notNull()
      .references(() => fadModules.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.moduleId, t.requiresId] }),
    index('fad_prerequisites_requires').on(t.requiresId),
  ],
);

export const fadPages = pgTable(
  'fad_pages',
  {
    id: serial('id').primaryKey(),
    moduleId: integer('module_id')
      .notNull()
      .references(() => fadModules.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    titleIt: text('title_it').notNull(),
    titleEn: text('title_en').notNull().default(''),
    /** Sanitised HTML. */
    bodyIt: text('body_it').notNull().default(''),
    bodyEn: text('body_en').notNull().default(''),
    videoUrl: text('video_url'),
    materials: jsonb('materials').$type<FadMaterial[]>().notNull().default([]),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fad_pages_module').on(t.moduleId, t.position)],
);

/** Which module an edition's online session delivers: progress in it goes to the ledger for that session. */
export const fadSessionModules = pgTable(
  'fad_session_modules',
  {
    sessionId: integer('session_id')
      .primaryKey()
      .references(() => editionSessions.id, { onDelete: 'cascade' }),
    moduleId: integer('module_id')
      .notNull()
      .references(() => fadModules.id, { onDelete: 'cascade' }),
  },
  (t) => [index('fad_session_modules_module').on(t.moduleId)],
);

/** A person's progress in a module, whatever the device: active time, resume point, completion. */
export const fadProgress = pgTable(
  'fad_progress',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    moduleId: integer('module_id')
      .notNull()
      .references(() => fadModules.id, { onDelete: 'cascade' }),
    activeSeconds: integer('active_seconds').notNull().default(0),
    lastPageId: integer('last_page_id').references(() => fadPages.id, { onDelete: 'set null' }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.moduleId] }), index('fad_progress_module').on(t.moduleId)],
);

export const fadPageViews = pgTable(
  'fad_page_views',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    pageId: integer('page_id')
      .notNull()
      .references(() => fadPages.id, { onDelete: 'cascade' }),
    viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.pageId] }), index('fad_page_views_page').on(t.pageId)],
);

/**
 * One opening of a module in a browser tab. The player reports the visit's whole active time, so a
 * repeated or late report (a retry, the keepalive request sent when the tab closes) changes nothing:
 * the visit keeps the highest figure, never more than the time since it began.
 */
export const fadVisits = pgTable(
  'fad_visits',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    moduleId: integer('module_id')
      .notNull()
      .references(() => fadModules.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    seconds: integer('seconds').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('fad_visits_person').on(t.userId, t.moduleId)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** The SCORM package of a module of kind `scorm` (one per module: a new upload replaces it). */
export const scormPackages = pgTable(
  'scorm_packages',
  {
    id: serial('id').primaryKey(),
    moduleId: integer('module_id')
      .notNull()
      .unique()
      .references(() => fadModules.id, { onDelete: 'cascade' }),
    version: text('version', { enum: SCORM_VERSIONS }).notNull(),
    title: text('title').notNull(),
    /** The SCO's address inside the package, with its parameters. */
    launchHref: text('launch_href').notNull(),
    manifestIdentifier: text('manifest_identifier').notNull(),
    fileCount: integer('file_count').notNull(),
    totalBytes: bigint('total_bytes', { mode: 'number' }).notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [oneOf(t.version, SCORM_VERSIONS)],
);

/** The files of a package, served only on the content origin. */
export const scormFiles = pgTable(
  'scorm_files',
  {
    packageId: integer('package_id')
      .notNull()
      .references(() => scormPackages.id, { onDelete: 'cascade' }),
    path: text('path').notNull(),
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    sha256: text('sha256').notNull(),
  },
  (t) => [primaryKey({ columns: [t.packageId, t.path] })],
);

/**
 * A person's data in a package (the CMI the runtime keeps), with what is derived from it. `seq` is the
 * highest commit kept: an older or repeated one changes nothing. Time: each visit (one opening of the
 * player, a row of `fad_visits`) counts once, with the highest session time it reported.
 */
export const scormAttempts = pgTable(
  'scorm_attempts',
  {
    packageId: integer('package_id')
      .notNull()
      .references(() => scormPackages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    cmi: jsonb('cmi').$type<Record<string, unknown>>().notNull().default({}),
    lessonStatus: text('lesson_status').notNull().default('not attempted'),
    successStatus: text('success_status').notNull().default('unknown'),
    scoreScaled: doublePrecision('score_scaled'),
    scoreRaw: doublePrecision('score_raw'),
    location: text('location').notNull().default(''),
    suspendData: text('suspend_data').notNull().default(''),
    /** The sum of the visits' time (`fad_visits`, one per opening of the player). */
    totalSeconds: integer('total_seconds').notNull().default(0),
    seq: integer('seq').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.packageId, t.userId] }), index('scorm_attempts_user').on(t.userId)],
);
