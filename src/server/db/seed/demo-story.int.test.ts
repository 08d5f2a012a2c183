import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { isWorkingDay } from '../../../common/holidays.js';
import { addDays, romeDate } from '../../../common/rome-time.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { fixedClock } from '../../kernel/clock.js';
import { TestClient } from '../../test/client.js';
import { openTestDatabase } from '../../test/db.js';
import { editionSessions, editions, pathModules, territorialUnits, trainingPaths } from '../schema/index.js';
import { DEMO_PASSWORD, seedDemo } from './demo.js';
import { demoRegisterDay, italianMonth } from './demo-schedule.js';

/**
 * The demo tells a coherent story whatever the day it is loaded: seeded at chosen instants (a week with
 * Easter Monday, the days around Christmas, a Saturday, a holiday just after midnight in Rome), each
 * edition is named after its place and month, held in its Province, as long as its path, on working
 * days; and each role finds work waiting on the first sign-in.
 */
const INSTANTS = [
  // Wednesday before Easter 2027: five days on is Easter Monday (29 March).
  '2027-03-24T09:00:00Z',
  // Ten days before Christmas 2026 (a Friday; the 26th is a Saturday).
  '2026-12-15T09:00:00Z',
  // Christmas Day 2026 itself.
  '2026-12-25T10:00:00Z',
  // A Saturday.
  '2026-11-28T10:00:00Z',
  // Half past midnight on 1 May 2027 in Rome (a Saturday and a holiday), still 30 April in UTC.
  '2027-04-30T22:30:00Z',
];

type Item = {
  startsAt: string;
  editionTitle: string;
  editionStatus: string;
  enrolled: number;
  recorded: number;
};

describe.each(INSTANTS)('the demo loaded at %s', async (instant) => {
  const now = new Date(instant);
  const today = romeDate(now);
  const database = await openTestDatabase();
  const db = database.db;
  await seedDemo(db, { history: true, now });
  const config = loadConfig({ LOG_LEVEL: 'silent', SESSION_SECRET: 'test-secret-test-secret-test-secret!' });
  const { app } = await buildApp({ config, database, clock: fixedClock(now) });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await database.close();
  });
  const as = async (email: string) => {
    const c = new TestClient(app);
    await c.login(email, DEMO_PASSWORD);
    return c;
  };

  const rows = await db
    .select({ edition: editions, path: trainingPaths, unitName: territorialUnits.name })
    .from(editions)
    .innerJoin(trainingPaths, eq(trainingPaths.id, editions.pathId))
    .leftJoin(territorialUnits, eq(territorialUnits.id, editions.venueUnitId));
  const sessions = await db.select().from(editionSessions);
  const sessionsOf = (editionId: number) =>
    sessions.filter((s) => s.editionId === editionId).sort((a, b) => +a.startsAt - +b.startsAt);

  it('names each edition after its number, its place and the month of its first session', () => {
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const { edition, unitName } of rows) {
      const own = sessionsOf(edition.id);
      const first = romeDate(own[0]?.startsAt as Date);
      const last = romeDate(own[own.length - 1]?.startsAt as Date);
      expect([edition.startsOn, edition.endsOn], edition.title).toEqual([first, last]);
      const place = edition.online ? 'online' : unitName;
      expect(edition.title).toMatch(/^Edizione \d+ – /);
      expect(edition.title.endsWith(` – ${place}, ${italianMonth(first)}`), edition.title).toBe(true);
    }
    // Numbers follow the dates within a path, with no repeats.
    const byPath = new Map<number, typeof rows>();
    for (const r of rows) byPath.set(r.path.id, [...(byPath.get(r.path.id) ?? []), r]);
    for (const list of byPath.values()) {
      const numbers = list
        .sort((a, b) => a.edition.startsOn.localeCompare(b.edition.startsOn))
        .map((r) => Number(/^Edizione (\d+)/.exec(r.edition.title)?.[1]));
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
      expect(new Set(numbers).size).toBe(numbers.length);
    }
  });

  it('holds each classroom edition in the Province its venue names', () => {
    for (const { edition, unitName } of rows) {
      if (edition.online) {
        expect(edition.venueUnitId, edition.title).toBeNull();
        continue;
      }
      expect(unitName, edition.title).toBeTruthy();
      expect(edition.venueName, edition.title).toContain(`Provincia di ${unitName}`);
      expect(edition.venueAddress, edition.title).toContain(unitName as string);
    }
  });

  it("gives each edition's sessions the path's declared hours, as its modules do", async () => {
    const modules = await db.select().from(pathModules);
    for (const { edition, path } of rows) {
      const minutes = sessionsOf(edition.id).reduce((n, s) => n + (+s.endsAt - +s.startsAt) / 60_000, 0);
      expect(minutes, edition.title).toBe(path.totalHours * 60);
      const declared = modules.filter((m) => m.pathId === path.id).reduce((n, m) => n + m.hours, 0);
      expect(declared, path.title).toBe(path.totalHours);
    }
  });

  it('holds no session on a weekend or a public holiday', () => {
    expect(sessions.length).toBeGreaterThan(10);
    for (const s of sessions) expect(isWorkingDay(romeDate(s.startsAt)), romeDate(s.startsAt)).toBe(true);
  });

  it('gives the trainer a register to fill today (or on the last working day) and a past edition', async () => {
    const trainer = await as('formatore@officina.demo');
    const items = (await trainer.get('/api/v1/me/teaching')).json().items as Item[];
    const registerDay = demoRegisterDay(today);
    if (isWorkingDay(today)) expect(registerDay).toBe(today);
    else expect(registerDay < today && addDays(today, -4) <= registerDay).toBe(true);
    const due = items.filter((i) => romeDate(i.startsAt) === registerDay);
    expect(due.length).toBeGreaterThan(0);
    expect(due.some((i) => i.enrolled > 0 && i.recorded === 0)).toBe(true);
    // In the default period of "Le mie docenze" there is a completed edition too.
    expect(items.some((i) => i.editionStatus === 'completed')).toBe(true);
    const awaiting = (await trainer.get('/api/v1/logbook/awaiting')).json().items;
    expect(awaiting.some((e: { awaitingAs: string[] }) => e.awaitingAs.includes('coach'))).toBe(true);
  });

  it('gives the Cuneo officer requests to approve and a logbook day to sign', async () => {
    const officer = await as('referente.cuneo@officina.demo');
    const pending = (await officer.get('/api/v1/enrolments?status=pending')).json();
    expect(pending.total).toBeGreaterThanOrEqual(2);
    expect(pending.items.every((e: { unitName: string }) => e.unitName === 'Cuneo')).toBe(true);
    const awaiting = (await officer.get('/api/v1/logbook/awaiting')).json().items;
    expect(awaiting.some((e: { awaitingAs: string[] }) => e.awaitingAs.includes('officer'))).toBe(true);
  });

  it('gives the admin signatures to give', async () => {
    const admin = await as('admin@officina.demo');
    expect((await admin.get('/api/v1/logbook/awaiting')).json().items.length).toBeGreaterThan(0);
  });

  it('gives the learner an enrolment ahead and a completed course with its attestato', async () => {
    const carlo = await as('discente.cuneo@officina.demo');
    const certs = (await carlo.get('/api/v1/me/certificates')).json();
    expect(certs.map((c: { status: string }) => c.status)).toEqual(['valid']);
    const mine = (await carlo.get('/api/v1/me/enrolments')).json().items as {
      status: string;
      endsOn: string;
      editionStatus: string;
    }[];
    expect(
      mine.some((e) => e.status === 'confirmed' && e.editionStatus !== 'completed' && e.endsOn > today),
    ).toBe(true);
  });
});
