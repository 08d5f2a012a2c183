import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import type { Config } from '../config.js';
import type { Database, Db } from '../db/client.js';
import { withMigrationLock } from '../db/migrate.js';
import { seedNationalCampaign } from '../db/seed/national-campaign.js';
import { seedNationalRestructuring } from '../db/seed/national-restructuring.js';
import { prepareDatabase } from '../db/setup.js';
import { hashPassword } from '../kernel/passwords.js';
import { hashToken, newToken } from '../kernel/tokens.js';
import { createCatalogueRepository } from './catalogue-repository.js';
import { type BenchContext, todayStartOf, workingDaysAround } from './context.js';
import { createEditionsRepository } from './editions-repository.js';
import { createEnrolmentRepository } from './enrolment-repository.js';
import { createFadRepository } from './fad-repository.js';
import { createFixturesRepository } from './fixtures-repository.js';
import { createLedgerRepository } from './ledger-repository.js';
import { sizesFor } from './options.js';
import { createPeopleRepository, STAFF_TAG } from './people-repository.js';
import { createPlatformRepository } from './platform-repository.js';
import { createQuizzesRepository } from './quizzes-repository.js';
import { draws } from './random.js';
import { SEARCH_WORD } from './topics.js';

/** Every person of the dataset signs in with this password (one argon2 hash, shared). */
export const BENCH_PASSWORD = 'Officina-Bench-2026';
/** How long the benchmark's sessions stay valid without use (the app's own idle limit is 8 hours). */
const SESSION_DAYS = 30;

export type SignedIn = { userId: string; sessionToken: string };

export type Fixtures = {
  publicPathSlug: string;
  publicEditionId: number;
  learner: SignedIn;
  officer: SignedIn & { unitId: number };
  feedToken: string;
  burst: { editionId: number; seats: number; users: SignedIn[] };
  calendarSearch: string;
  domainCode: string;
};

export type DatasetResult = { fixtures: Fixtures; counts: Record<string, number>; password: string };

export class DatasetRefused extends Error {}

/**
 * Loads the national dataset into a database: prepares it as the server does at start-up (migrations,
 * reference data, never demo content), then the people, the catalogue, enrolments, the ledger and
 * everything after it, the national survey and restructuring, and the benchmark's signed-in people.
 * The same seed, scale and `today` give the same rows (sign-in sessions and feed aside, which are fresh
 * secrets, and the anonymous survey answers, random by design).
 */
export async function loadDataset(
  database: Database,
  config: Config,
  opts: {
    scale: number;
    seed: number;
    today: string;
    /** The cookie secret, kept where the server reads it when SESSION_SECRET is not set. */
    sessionSecret: string;
    log?: (msg: string) => void;
  },
): Promise<DatasetResult> {
  const log = opts.log ?? (() => {});
  const started = performance.now();
  await prepareDatabase(
    database,
    { ...config, seedDemo: false, adminEmail: undefined },
    pino({ level: 'silent' }),
    undefined,
    { platformCourse: false },
  );
  log(`migrations and reference data: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const fixturesRepo = createFixturesRepository();
  if ((await fixturesRepo.countUsers(database.db)) > 0)
    throw new DatasetRefused('the database already has users: load the dataset into an empty database');
  const sizes = sizesFor(opts.scale);
  const b: BenchContext = {
    seed: opts.seed,
    draw: draws(opts.seed),
    sizes,
    today: opts.today,
    todayStart: todayStartOf(opts.today),
    ...workingDaysAround(opts.today),
    passwordHash: await hashPassword(BENCH_PASSWORD),
  };
  return withMigrationLock(database, async (db) => {
    const step = async (name: string, fn: () => Promise<unknown>) => {
      const t = performance.now();
      await fn();
      log(`${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    };
    const people = createPeopleRepository(b);
    const catalogue = createCatalogueRepository(b);
    const editions = createEditionsRepository(b);
    const ledger = createLedgerRepository(b);
    const platform = createPlatformRepository(b);
    await step('people', async () => {
      await people.insertStaff(db);
      await people.insertNationalStaff(db);
      await people.insertStaffGrants(db);
    });
    await step('catalogue', async () => {
      await catalogue.insertAgreements(db);
      await catalogue.insertPaths(db);
      await editions.prepare(db);
      await editions.insertEditions(db);
    });
    const burstEditionId = await editions.insertBurstEdition(db, sizes.burstSeats);
    await step('enrolments', () => createEnrolmentRepository(b).insertEnrolments(db));
    await step('attendance', () => ledger.insertAttendance(db));
    await step('completion and certificates', async () => {
      await ledger.computeCompletion(db);
      await ledger.insertCertificates(db, config.certIssuer);
      await ledger.insertFeedback(db);
    });
    await step('quizzes', async () => {
      const quizzes = createQuizzesRepository(b);
      await quizzes.insertQuestions(db);
      await quizzes.insertQuizzes(db);
      await quizzes.insertAttempts(db);
    });
    await step('online modules', async () => {
      const fad = createFadRepository(b);
      await fad.insertModules(db);
      await fad.insertScorm(db);
      await fad.linkSessions(db);
      await fad.insertProgress(db);
    });
    await step('restructuring', () =>
      seedNationalRestructuring(db, {
        seed: opts.seed,
        versions: sizes.reorgVersions,
        members: sizes.taskForce,
        interventionsPerUnit: sizes.interventionsPerUnit,
      }),
    );
    let campaignId = 0;
    await step('national survey', async () => {
      campaignId = await seedNationalCampaign(db, {
        respondents: sizes.staff,
        tag: STAFF_TAG,
        people: 'existing',
      });
    });
    await step('platform', async () => {
      await platform.insertAudit(db);
      await platform.insertMail(db);
      await platform.insertFeedsAndLimits(db);
      await platform.insertTrainingPlans(db, campaignId);
    });
    let fixtures: Fixtures | undefined;
    await step('sign-in sessions', async () => {
      fixtures = await signIn(db, b, burstEditionId);
      await fixturesRepo.storeCookieSecret(db, opts.sessionSecret);
    });
    await step('sequences and statistics', async () => {
      await fixturesRepo.resetSequences(db);
      await fixturesRepo.dropScratch(db);
      // As a settled database would be after autovacuum: statistics, and the visibility map for index-only scans.
      await db.execute(sql`vacuum analyze`);
    });
    let counts: Record<string, number> = {};
    await step('counts', async () => {
      counts = await fixturesRepo.counts(db);
    });
    return { fixtures: fixtures as Fixtures, counts, password: BENCH_PASSWORD };
  });
}

/** The benchmark's people, signed in with sessions made as sign-in makes them (a random token, its SHA-256 stored). */
async function signIn(db: Db, b: BenchContext, burstEditionId: number): Promise<Fixtures> {
  const repo = createFixturesRepository();
  const learnerId = await repo.learner(db);
  const officer = await repo.officer(db);
  const burstIds = await repo.burstUsers(db, b.sizes.burstUsers, [learnerId, officer.id]);
  const session = (userId: string) => ({ userId, sessionToken: newToken() });
  const learner = session(learnerId);
  const officerSession = { ...session(officer.id), unitId: officer.unitId };
  const burst = burstIds.map(session);
  const all = [learner, officerSession, ...burst];
  await repo.insertSessions(
    db,
    all.map((s) => ({ userId: s.userId, tokenHash: hashToken(s.sessionToken) })),
    new Date(Date.now() + SESSION_DAYS * 86_400_000),
  );
  const feedToken = newToken();
  await repo.replaceFeed(db, learnerId, feedToken);
  const pub = await repo.publicEdition(db, b.today, burstEditionId);
  return {
    publicPathSlug: pub.slug,
    publicEditionId: pub.id,
    learner,
    officer: officerSession,
    feedToken,
    burst: { editionId: burstEditionId, seats: b.sizes.burstSeats, users: burst },
    calendarSearch: SEARCH_WORD,
    domainCode: pub.domain,
  };
}
