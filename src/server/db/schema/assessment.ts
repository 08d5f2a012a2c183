import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  index,
  integer,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { MAX_LEVEL, MIN_LEVEL } from '../../../common/assessment.js';
import { FRAMEWORK_STATUSES } from '../../../common/framework.js';
import { inRange, oneOf } from '../checks.js';
import { trainingPaths } from './catalogue.js';
import { users } from './identity.js';
import { domains, jobProfiles, territorialUnits } from './reference.js';

/**
 * A version of the competency framework. A published version is frozen: survey campaigns will refer
 * to it by id, so it is never edited or deleted; a change is a new draft copied from it, and
 * publishing the draft retires it.
 */
export const competencyFrameworks = pgTable(
  'competency_frameworks',
  {
    id: serial('id').primaryKey(),
    version: text('version').notNull().unique(),
    titleIt: text('title_it').notNull(),
    titleEn: text('title_en').notNull(),
    sourceIt: text('source_it').notNull(),
    sourceEn: text('source_en').notNull(),
    status: text('status', { enum: FRAMEWORK_STATUSES }).notNull().default('draft'),
    basedOnId: integer('based_on_id').references((): AnyPgColumn => competencyFrameworks.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    oneOf(t.status, FRAMEWORK_STATUSES),
    // One version in force and one draft at a time, whatever the races.
    uniqueIndex('competency_frameworks_one_published').on(t.status).where(sql`${t.status} = 'published'`),
    uniqueIndex('competency_frameworks_one_draft').on(t.status).where(sql`${t.status} = 'draft'`),
  ],
);

/** An area of a framework version, within one of the reference domains (ambiti). */
export const frameworkAreas = pgTable(
  'framework_areas',
  {
    id: serial('id').primaryKey(),
    frameworkId: integer('framework_id')
      .notNull()
      .references(() => competencyFrameworks.id, { onDelete: 'cascade' }),
    domainCode: text('domain_code')
      .notNull()
      .references(() => domains.code),
    code: text('code').notNull(),
    nameIt: text('name_it').notNull(),
    nameEn: text('name_en').notNull(),
    /** Order within the version (domains follow the order of their first area). */
    position: integer('position').notNull(),
  },
  (t) => [uniqueIndex('framework_areas_code').on(t.frameworkId, t.code)],
);

/** A competency of a framework version, with what it means at each level. */
export const frameworkCompetencies = pgTable(
  'framework_competencies',
  {
    id: serial('id').primaryKey(),
    frameworkId: integer('framework_id')
      .notNull()
      .references(() => competencyFrameworks.id, { onDelete: 'cascade' }),
    areaId: integer('area_id')
      .notNull()
      .references(() => frameworkAreas.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    nameIt: text('name_it').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionIt: text('description_it').notNull(),
    descriptionEn: text('description_en').notNull(),
    keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
    levelBaseIt: text('level_base_it').notNull(),
    levelBaseEn: text('level_base_en').notNull(),
    levelIntermedioIt: text('level_intermedio_it').notNull(),
    levelIntermedioEn: text('level_intermedio_en').notNull(),
    levelAvanzatoIt: text('level_avanzato_it').notNull(),
    levelAvanzatoEn: text('level_avanzato_en').notNull(),
    /** Order within the area. */
    position: integer('position').notNull(),
  },
  (t) => [
    uniqueIndex('framework_competencies_code').on(t.frameworkId, t.code),
    index('framework_competencies_area').on(t.areaId),
  ],
);

/**
 * A training path linked to a competency of the published framework. The catalogue's free-text
 * `training_paths.competencies` stays as it is; `source_text` is the free-text entry a link stands
 * for, when it came from one.
 */
export const pathCompetencies = pgTable(
  'path_competencies',
  {
    pathId: integer('path_id')
      .notNull()
      .references(() => trainingPaths.id, { onDelete: 'cascade' }),
    competencyId: integer('competency_id')
      .notNull()
      .references(() => frameworkCompetencies.id),
    sourceText: text('source_text'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.pathId, t.competencyId] }),
    index('path_competencies_competency').on(t.competencyId),
  ],
);

/**
 * The level a job profile is expected to hold on a competency: national (unit_id null) or a unit's
 * override for its own restructuring plan. Keyed by the competency's code, which stays the same
 * across framework versions, so a new version keeps the profiles; level 0 in an override says the
 * competency is not expected in that unit.
 */
export const profileExpectations = pgTable(
  'profile_expectations',
  {
    id: serial('id').primaryKey(),
    jobProfileCode: text('job_profile_code')
      .notNull()
      .references(() => jobProfiles.code),
    competencyCode: text('competency_code').notNull(),
    unitId: integer('unit_id').references(() => territorialUnits.id),
    level: smallint('level').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('profile_expectations_key').on(
      t.jobProfileCode,
      t.competencyCode,
      sql`coalesce(${t.unitId}, 0)`,
    ),
    index('profile_expectations_unit').on(t.unitId),
    inRange(t.level, MIN_LEVEL, MAX_LEVEL),
  ],
);
