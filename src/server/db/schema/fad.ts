import {
  boolean,
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
import { FAD_MODULE_STATUSES, type FadMaterial } from '../../../common/fad.js';
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
