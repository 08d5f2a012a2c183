import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, TransactionRollbackError } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { OUTBOX_STATUSES } from '../../common/admin.js';
import {
  CAMPAIGN_STATUSES,
  GAP_GRAINS,
  PARTICIPANT_STATUSES,
  PLAN_ITEM_ORIGINS,
  PLAN_STATUSES,
  QUESTION_KINDS,
} from '../../common/assessment.js';
import { ATTENDANCE_SOURCES } from '../../common/attendance.js';
import { LOCALES, TOKEN_PURPOSES } from '../../common/auth.js';
import {
  DELIVERY_MODES,
  EDITION_CHANGE_KINDS,
  EDITION_STATUSES,
  ELIGIBILITY,
  LEVELS,
  PATH_STATUSES,
  SESSION_STATUSES,
} from '../../common/catalogue.js';
import { ENROLMENT_NOTICE_MODES, ENROLMENT_STATUSES } from '../../common/enrolment.js';
import { FAD_MODULE_KINDS, FAD_MODULE_STATUSES, SCORM_VERSIONS } from '../../common/fad.js';
import { FRAMEWORK_STATUSES } from '../../common/framework.js';
import {
  ATTEMPT_STATUSES,
  QUIZ_FEEDBACK,
  QUESTION_KINDS as QUIZ_QUESTION_KINDS,
} from '../../common/quizzes.js';
import {
  DEADLINE_KINDS,
  INTERVENTION_KINDS,
  ISSUE_KINDS,
  ISSUE_SEVERITIES,
  ISSUE_STATES,
  PLAN_DOCUMENT_KINDS,
  PROGRAMMING_KINDS,
  REORG_STATUSES,
  VERSION_STATES,
} from '../../common/restructuring.js';
import { ROLES } from '../../common/roles.js';
import { REGION_STATUTES, UNIT_TYPES } from '../../common/units.js';
import { openTestDatabase } from '../test/db.js';
import type { Db } from './client.js';
import { migrationsFolder, runMigrations } from './migrate.js';
import { seedDemo } from './seed/demo.js';
import { seedReference } from './seed/reference.js';

/** Every closed-vocabulary column, with the shared list its CHECK constraint is built from. */
const VOCABULARIES: { table: string; column: string; values: readonly string[]; array?: true }[] = [
  { table: 'users', column: 'locale', values: LOCALES },
  { table: 'role_grants', column: 'role', values: ROLES },
  { table: 'user_tokens', column: 'purpose', values: TOKEN_PURPOSES },
  { table: 'territorial_units', column: 'unit_type', values: UNIT_TYPES },
  { table: 'territorial_units', column: 'region_statute', values: REGION_STATUTES },
  { table: 'outbox', column: 'status', values: OUTBOX_STATUSES },
  { table: 'training_paths', column: 'level', values: LEVELS },
  { table: 'training_paths', column: 'delivery_modes', values: DELIVERY_MODES, array: true },
  { table: 'training_paths', column: 'eligibility', values: ELIGIBILITY },
  { table: 'training_paths', column: 'status', values: PATH_STATUSES },
  { table: 'path_modules', column: 'mode', values: DELIVERY_MODES },
  { table: 'editions', column: 'status', values: EDITION_STATUSES },
  { table: 'edition_sessions', column: 'mode', values: DELIVERY_MODES },
  { table: 'edition_sessions', column: 'status', values: SESSION_STATUSES },
  { table: 'edition_changes', column: 'kind', values: EDITION_CHANGE_KINDS },
  { table: 'enrolments', column: 'status', values: ENROLMENT_STATUSES },
  { table: 'officer_notice_preferences', column: 'mode', values: ENROLMENT_NOTICE_MODES },
  { table: 'attendance', column: 'source', values: ATTENDANCE_SOURCES },
  { table: 'competency_frameworks', column: 'status', values: FRAMEWORK_STATUSES },
  { table: 'campaigns', column: 'status', values: CAMPAIGN_STATUSES },
  { table: 'campaign_questions', column: 'kind', values: QUESTION_KINDS },
  { table: 'campaign_participants', column: 'status', values: PARTICIPANT_STATUSES },
  { table: 'training_plans', column: 'status', values: PLAN_STATUSES },
  { table: 'training_plan_items', column: 'delivery_mode', values: DELIVERY_MODES },
  { table: 'training_plan_items', column: 'origin', values: PLAN_ITEM_ORIGINS },
  { table: 'campaign_gap_cells', column: 'grain', values: GAP_GRAINS },
  { table: 'reorg_plans', column: 'status', values: REORG_STATUSES },
  { table: 'reorg_plan_versions', column: 'state', values: VERSION_STATES },
  { table: 'reorg_plan_documents', column: 'kind', values: PLAN_DOCUMENT_KINDS },
  { table: 'capacity_thresholds', column: 'unit_type', values: UNIT_TYPES },
  { table: 'deadline_rules', column: 'kind', values: DEADLINE_KINDS },
  { table: 'deadline_moves', column: 'kind', values: DEADLINE_KINDS },
  { table: 'programming_documents', column: 'kind', values: PROGRAMMING_KINDS },
  { table: 'interventions', column: 'kind', values: INTERVENTION_KINDS },
  { table: 'taskforce_issues', column: 'kind', values: ISSUE_KINDS },
  { table: 'taskforce_issues', column: 'severity', values: ISSUE_SEVERITIES },
  { table: 'taskforce_issues', column: 'state', values: ISSUE_STATES },
  { table: 'fad_modules', column: 'status', values: FAD_MODULE_STATUSES },
  { table: 'fad_modules', column: 'kind', values: FAD_MODULE_KINDS },
  { table: 'scorm_packages', column: 'version', values: SCORM_VERSIONS },
  { table: 'quiz_questions', column: 'kind', values: QUIZ_QUESTION_KINDS },
  { table: 'quizzes', column: 'feedback', values: QUIZ_FEEDBACK },
  { table: 'quiz_attempts', column: 'status', values: ATTEMPT_STATUSES },
];

/** The other CHECK constraints (ranges and rules across columns), each with an update that breaks it. */
const RULES: { name: string; breaking: string }[] = [
  { name: 'profile_expectations_level_check', breaking: 'update profile_expectations set level = 4' },
  {
    name: 'campaigns_min_group_size_check',
    breaking: 'update campaigns set anonymous = false, min_group_size = 1',
  },
  { name: 'campaigns_period_check', breaking: 'update campaigns set closes_on = opens_on - 1' },
  {
    name: 'campaigns_anonymous_group_check',
    breaking: 'update campaigns set anonymous = true, manager_assessment = false, min_group_size = 4',
  },
  { name: 'campaign_expectations_level_check', breaking: 'update campaign_expectations set level = 4' },
  {
    name: 'campaigns_manager_named_check',
    breaking: 'update campaigns set anonymous = true, manager_assessment = true',
  },
  {
    name: 'campaign_response_levels_self_level_check',
    breaking: 'update campaign_response_levels set self_level = 4',
  },
  {
    name: 'campaign_response_levels_manager_level_check',
    breaking: 'update campaign_response_levels set manager_level = -1',
  },
  {
    name: 'training_plan_items_participants_check',
    breaking: 'update training_plan_items set participants = -1',
  },
  {
    name: 'training_plan_items_hours_per_participant_check',
    breaking: 'update training_plan_items set hours_per_participant = -0.5',
  },
  {
    name: 'training_plan_items_quarter_check',
    breaking: "update training_plan_items set quarter = '2027-Q1'",
  },
  { name: 'unit_populations_year_check', breaking: 'update unit_populations set year = 1899' },
  { name: 'unit_populations_population_check', breaking: 'update unit_populations set population = -1' },
  {
    name: 'capacity_thresholds_threshold_bp_check',
    breaking: 'update capacity_thresholds set threshold_bp = 10001',
  },
  { name: 'hiring_capacity_year_check', breaking: 'update hiring_capacity set year = 1999' },
  { name: 'deadline_rules_month_check', breaking: 'update deadline_rules set month = 13' },
  { name: 'deadline_rules_day_check', breaking: 'update deadline_rules set day = 0' },
  { name: 'programming_documents_year_check', breaking: 'update programming_documents set year = 3000' },
  { name: 'fad_modules_min_minutes_check', breaking: 'update fad_modules set min_minutes = 6001' },
  { name: 'quiz_questions_points_check', breaking: 'update quiz_questions set points = 0' },
  { name: 'quizzes_question_count_check', breaking: 'update quizzes set question_count = 101' },
  { name: 'quizzes_passing_pct_check', breaking: 'update quizzes set passing_pct = 101' },
  { name: 'quizzes_time_limit_minutes_check', breaking: 'update quizzes set time_limit_minutes = 0' },
  { name: 'quizzes_max_attempts_check', breaking: 'update quizzes set max_attempts = 0' },
];
const TABLES = [...new Set(VOCABULARIES.map((v) => v.table))];
const CHECK_VIOLATION = '23514';

const quote = (v: string) => `'${v.replaceAll("'", "''")}'`;
const valueSql = (v: { array?: true }, value: string) =>
  v.array ? `array['webinar', ${quote(value)}]::text[]` : quote(value);

async function rows<T>(db: Pick<Db, 'execute'>, text: string): Promise<T[]> {
  const res = await db.execute(sql.raw(text));
  return (res as unknown as { rows: T[] }).rows;
}

/** The SQLSTATE of a failed query, whichever driver (and Drizzle wrapper) reported it. */
async function failure(run: Promise<unknown>) {
  try {
    await run;
  } catch (err) {
    const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
    return { code: e.cause?.code ?? e.code, message: e.cause?.message ?? e.message ?? '' };
  }
  return null;
}

async function checkConstraints(db: Db) {
  return rows<{ name: string; validated: boolean }>(
    db,
    `select conname as name, convalidated as validated from pg_constraint
     where contype = 'c' and connamespace = 'public'::regnamespace`,
  ).then((r) => r.sort((a, b) => a.name.localeCompare(b.name)));
}

async function rowCounts(db: Db) {
  const tables = await rows<{ name: string }>(
    db,
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables)
    counts[name] = Number((await rows<{ n: string }>(db, `select count(*) as n from "${name}"`))[0]?.n);
  return counts;
}

/** Rows the demo seed does not make: queued e-mails, single-use links, change-log entries, one per value. */
async function addRepresentativeRows(db: Db) {
  for (const status of OUTBOX_STATUSES)
    await rows(
      db,
      `insert into outbox (to_address, subject, text_body, status) values ('x@example.org', 'Oggetto', 'Testo', ${quote(status)})`,
    );
  for (const purpose of TOKEN_PURPOSES)
    await rows(
      db,
      `insert into user_tokens (token_hash, user_id, purpose, expires_at)
       select ${quote(`hash-${purpose}`)}, id, ${quote(purpose)}, now() + interval '1 hour' from users order by email limit 1`,
    );
  for (const kind of EDITION_CHANGE_KINDS)
    await rows(
      db,
      `insert into edition_changes (edition_id, kind, changes)
       select id, ${quote(kind)}, '{}'::jsonb from editions order by id limit 1`,
    );
}

/** One row of each needs-assessment vocabulary value the demo campaign does not already hold. */
/**
 * The restructuring rows the demo has none of (a plan's document, a moved deadline); its pending
 * proposals are decided, so any version may take any state without meeting the one-pending index.
 */
async function addRestructuringRows(db: Db) {
  await rows(db, `update reorg_plan_versions set state = 'respinta' where state = 'proposta'`);
  await rows(
    db,
    `insert into reorg_plan_documents (plan_id, kind, title, file_name, media_type, size_bytes, sha256, content,
       uploaded_by)
     select min(p.id), 'piano', 'Piano', 'piano.pdf', 'application/pdf', 5, 'x', '\\x255044462d'::bytea,
       (select id from users limit 1)
     from reorg_plans p`,
  );
  await rows(
    db,
    `insert into deadline_moves (kind, year, due, source) values ('bilancio', 2027, '2027-02-28', 'DM')`,
  );
}

async function addAssessmentRows(db: Db) {
  await rows(
    db,
    `insert into profile_expectations (job_profile_code, competency_code, level)
     select code, 'X.01', 2 from job_profiles order by code limit 1`,
  );
  for (const status of CAMPAIGN_STATUSES)
    await rows(
      db,
      `insert into campaigns (title_it, title_en, framework_id, status, opens_on, closes_on)
       select 'Rilevazione', 'Survey', id, ${quote(status)}, '2027-01-01', '2027-01-31'
       from competency_frameworks where status = 'published'`,
    );
  const campaign = `(select min(id) from campaigns)`;
  for (const [i, kind] of QUESTION_KINDS.entries())
    await rows(
      db,
      `insert into campaign_questions (campaign_id, position, kind, prompt_it, prompt_en)
       values (${campaign}, ${i}, ${quote(kind)}, 'Domanda', 'Question')`,
    );
  for (const [i, status] of PARTICIPANT_STATUSES.entries())
    await rows(
      db,
      `insert into campaign_participants (campaign_id, user_id, status)
       select ${campaign}, id, ${quote(status)} from users order by email offset ${i} limit 1`,
    );
  await rows(
    db,
    `insert into campaign_expectations (campaign_id, job_profile_code, competency_code, unit_id, level)
     values (${campaign}, 'dirigente', 'X.01', 0, 2)`,
  );
  for (const grain of GAP_GRAINS)
    await rows(
      db,
      `insert into campaign_gap_cells (campaign_id, unit_id, job_profile_code, grain, code, respondents,
         observations, total_gap, affected)
       select ${campaign}, min(id), 'dirigente', ${quote(grain)}, ${quote(grain)}, 5, 5, 1, 1 from territorial_units`,
    );
  for (const [i, status] of PLAN_STATUSES.entries())
    await rows(
      db,
      `insert into training_plans (campaign_id, unit_id, status, year)
       select ${campaign}, id, ${quote(status)}, 2027 from territorial_units order by id offset ${i} limit 1`,
    );
  for (const origin of PLAN_ITEM_ORIGINS)
    for (const mode of DELIVERY_MODES)
      await rows(
        db,
        `insert into training_plan_items (plan_id, title_it, title_en, participants, hours_per_participant,
           delivery_mode, quarter, origin, position)
         values ((select min(id) from training_plans), 'Percorso', 'Path', 10, 8, ${quote(mode)}, '2027-T1',
           ${quote(origin)}, 0)`,
      );
}

/** Online learning: a module of each status, a question of each kind, a quiz of each feedback, an attempt of each status. */
async function addOnlineLearningRows(db: Db) {
  const path = `(select min(id) from training_paths)`;
  for (const [i, status] of FAD_MODULE_STATUSES.entries())
    await rows(
      db,
      `insert into fad_modules (path_id, position, title_it, status) values (${path}, ${i + 1}, 'Modulo', ${quote(status)})`,
    );
  // A package of each version, each on its own module (one package per module).
  for (const [i, version] of SCORM_VERSIONS.entries())
    await rows(
      db,
      `insert into scorm_packages (module_id, version, title, launch_href, manifest_identifier, file_count, total_bytes)
       select id, ${quote(version)}, 'Pacchetto', 'index.html', 'MANIFEST', 1, 10 from fad_modules order by id offset ${i} limit 1`,
    );
  for (const kind of QUIZ_QUESTION_KINDS)
    await rows(
      db,
      `insert into quiz_questions (path_id, kind, text, content, points)
       values (${path}, ${quote(kind)}, '{"it": "Domanda", "en": null}', '{}', 1)`,
    );
  for (const feedback of QUIZ_FEEDBACK)
    await rows(
      db,
      `insert into quizzes (path_id, title, question_count, passing_pct, feedback)
       values (${path}, 'Test', 1, 60, ${quote(feedback)})`,
    );
  for (const [i, status] of ATTEMPT_STATUSES.entries())
    await rows(
      db,
      `insert into quiz_attempts (quiz_id, user_id, enrolment_id, number, status, seed, questions, started_at)
       select (select min(id) from quizzes), user_id, id, 1, ${quote(status)}, 1, '[]', now()
       from enrolments order by id offset ${i} limit 1`,
    );
}

describe('closed vocabularies', async () => {
  const database = await openTestDatabase();
  afterAll(() => database.close());
  const db = database.db;
  await seedDemo(db, { history: true });
  await addRepresentativeRows(db);
  // An officer's choice of a daily summary (the demo officers keep the default, one e-mail each).
  await rows(
    db,
    `insert into officer_notice_preferences (user_id, mode) select id, 'digest' from users order by email limit 1`,
  );
  await addAssessmentRows(db);
  await addRestructuringRows(db);
  await addOnlineLearningRows(db);

  it('have one CHECK constraint per column, named <table>_<column>_check, and the listed rules', async () => {
    expect((await checkConstraints(db)).map((c) => c.name)).toEqual(
      [...VOCABULARIES.map((v) => `${v.table}_${v.column}_check`), ...RULES.map((r) => r.name)].sort((a, b) =>
        a.localeCompare(b),
      ),
    );
  });

  it.each(RULES)('$name refuses what breaks it', async ({ name, breaking }) => {
    const err = await failure(rows(db, breaking));
    expect(err?.code).toBe(CHECK_VIOLATION);
    expect(err?.message).toContain(name);
  });

  describe.each(VOCABULARIES.map((v) => ({ ...v, name: `${v.table}.${v.column}` })))('$name', (v) => {
    it('refuses a value outside the list, on update and on insert', async () => {
      const [{ n } = { n: '0' }] = await rows<{ n: string }>(db, `select count(*) as n from "${v.table}"`);
      expect(Number(n), 'the table needs rows for the update to prove anything').toBeGreaterThan(0);
      const update = await failure(
        rows(db, `update "${v.table}" set "${v.column}" = ${valueSql(v, 'not-in-the-list')}`),
      );
      expect(update?.code).toBe(CHECK_VIOLATION);
      expect(update?.message).toContain(`${v.table}_${v.column}_check`);

      // The same row copied with the bad value: the CHECK is evaluated before any unique index.
      const columns = (
        await rows<{ name: string }>(
          db,
          `select column_name as name from information_schema.columns
           where table_schema = 'public' and table_name = ${quote(v.table)} and column_name <> ${quote(v.column)}
             and is_generated = 'NEVER' and identity_generation is null`,
        )
      ).map((c) => `"${c.name}"`);
      const insert = await failure(
        rows(
          db,
          `insert into "${v.table}" (${columns.join(', ')}, "${v.column}")
           select ${columns.join(', ')}, ${valueSql(v, 'Not-In-The-List')} from "${v.table}" limit 1`,
        ),
      );
      expect(insert?.code).toBe(CHECK_VIOLATION);
    });

    it('accepts every value of the shared list', async () => {
      // Inside a transaction that is rolled back, so the demo data stays as it was.
      await db
        .transaction(async (tx) => {
          for (const value of v.values)
            await rows(
              tx,
              `update "${v.table}" set "${v.column}" = ${valueSql(v, value)}
               where ctid = (select ctid from "${v.table}" limit 1)`,
            );
          tx.rollback();
        })
        .catch((err) => {
          if (!(err instanceof TransactionRollbackError)) throw err;
        });
    });
  });
});

describe('the enum_checks migration on a database in use', () => {
  it('applies on data made by the previous migrations and keeps every row', async () => {
    // The migrations folder as it was before enum_checks: the same files, the journal cut before it.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'officina-before-checks-'));
    const database = await openTestDatabase({ empty: true });
    try {
      cpSync(migrationsFolder, dir, { recursive: true });
      const journalFile = path.join(dir, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
      const at = journal.entries.findIndex((e) => e.tag.endsWith('_enum_checks'));
      expect(at).toBeGreaterThan(0);
      journal.entries = journal.entries.slice(0, at);
      writeFileSync(journalFile, JSON.stringify(journal));

      const db = database.db;
      await runMigrations(database, dir);
      expect(await checkConstraints(db)).toEqual([]);
      // The competency framework's tables come after enum_checks.
      await seedReference(db, { framework: false });
      await seedDemo(db, { history: true, framework: false });
      await addRepresentativeRows(db);
      const before = await rowCounts(db);
      const older = TABLES.filter((table) => table in before);
      for (const table of older) expect(before[table], table).toBeGreaterThan(0);

      await runMigrations(database);

      const after = await rowCounts(db);
      expect(Object.fromEntries(Object.keys(before).map((table) => [table, after[table]]))).toEqual(before);
      const checks = await checkConstraints(db);
      expect(checks).toHaveLength(VOCABULARIES.length + RULES.length);
      expect(checks.every((c) => c.validated)).toBe(true);
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
