import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { DeliveryMode, Edition, TrainingPath } from '../../common/catalogue.js';
import { addDays, romeDate, romeInstant } from '../../common/rome-time.js';
import { enrolments, users } from '../db/schema/index.js';
import type { TestContext } from './app.js';
import type { TestClient } from './client.js';

/** Training fixtures for integration tests: a published edition with sessions, and enrolments. */

export const today = () => romeDate(new Date());
/** An instant at a Rome wall-clock time, as the API expects it. */
export const at = (day: string, time: string) => romeInstant(day, time).toISOString();

let counter = 0;

export type SessionSpec = { day: number; start?: string; end?: string; mode?: DeliveryMode; title?: string };

export type EditionSpec = {
  capacity?: number;
  /** Days from today (Rome) of each session; negative = in the past. */
  sessions?: SessionSpec[];
  approvalRequired?: boolean;
  minAttendancePct?: number;
  finalTestRequired?: boolean;
  /** Enrolment window, in days from now; default open from yesterday until the first session. */
  opensInDays?: number;
  closesInDays?: number;
  cancellationClosesAt?: string | null;
  trainerIds?: string[];
  /** Path rule: default open to all. */
  path?: Record<string, unknown>;
  publish?: boolean;
  /** The instant the session days and the enrolment window count from: the real now by default. */
  now?: Date;
};

/** Creates a path and a published edition through the API, as a catalogue manager. */
export async function makeEdition(admin: TestClient, spec: EditionSpec = {}): Promise<Edition> {
  counter++;
  const sessions = spec.sessions ?? [{ day: 10 }, { day: 11 }];
  const days = sessions.map((s) => s.day);
  const first = Math.min(...days);
  const last = Math.max(...days);
  const now = spec.now?.getTime() ?? Date.now();
  const base = romeDate(new Date(now));
  const path = await admin.post('/api/v1/training-paths', {
    title: `Percorso di prova ${counter} ${Math.random().toString(36).slice(2, 8)}`,
    summary: 'Un percorso per le prove di iscrizione, presenze e attestati.',
    domainCode: 'gestionale',
    serviceModelCode: null,
    level: 'base',
    totalHours: 8,
    deliveryModes: ['aula', 'webinar'],
    modules: [{ title: 'Modulo unico', hours: 8, mode: 'aula' }],
    ...spec.path,
  });
  expect(path.statusCode, path.body).toBe(201);
  const p = path.json() as TrainingPath;
  expect(
    (await admin.post(`/api/v1/training-paths/${p.id}/status`, { status: 'published' })).statusCode,
  ).toBe(200);
  const opens = new Date(now + (spec.opensInDays ?? -1) * 86_400_000);
  const closes = new Date(now + (spec.closesInDays ?? Math.max(first, 1)) * 86_400_000);
  const firstDay = addDays(base, first);
  const res = await admin.post('/api/v1/editions', {
    pathId: p.id,
    title: `Edizione di prova ${counter}`,
    startsOn: firstDay,
    endsOn: addDays(base, last),
    capacity: spec.capacity ?? 30,
    // An edition must open before it starts: for editions already started, open a day earlier.
    enrolmentOpensAt: (opens < romeInstant(firstDay)
      ? opens
      : new Date(romeInstant(firstDay).getTime() - 86_400_000)
    ).toISOString(),
    enrolmentClosesAt: closes.toISOString(),
    online: false,
    venueName: 'Sede di prova',
    venueAddress: 'Via Roma 1',
    venueUnitId: null,
    trainerIds: spec.trainerIds ?? [],
    approvalRequired: spec.approvalRequired ?? false,
    minAttendancePct: spec.minAttendancePct ?? 75,
    finalTestRequired: spec.finalTestRequired ?? false,
    cancellationClosesAt: spec.cancellationClosesAt ?? null,
  });
  expect(res.statusCode, res.body).toBe(201);
  const edition = res.json() as Edition;
  for (const [i, s] of sessions.entries()) {
    const day = addDays(base, s.day);
    const r = await admin.post(`/api/v1/editions/${edition.id}/sessions`, {
      title: s.title ?? `Sessione ${i + 1}`,
      startsAt: at(day, s.start ?? '09:00'),
      endsAt: at(day, s.end ?? '13:00'),
      mode: s.mode ?? 'aula',
      room: null,
      onlineUrl: s.mode === 'webinar' ? 'https://meet.example.org/officina' : null,
      trainerId: null,
    });
    expect(r.statusCode, r.body).toBe(201);
  }
  if (spec.publish !== false) {
    const r = await admin.post(`/api/v1/editions/${edition.id}/status`, { status: 'published' });
    expect(r.statusCode, r.body).toBe(200);
  }
  const fresh = await admin.get(`/api/v1/editions/${edition.id}`);
  return fresh.json() as Edition;
}

export async function userByEmail(t: TestContext, email: string) {
  const [u] = await t.db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  if (!u) throw new Error(`no user ${email}`);
  return u;
}

/**
 * A confirmed enrolment written straight into the table, bypassing the enrolment window: for tests
 * of what happens after enrolment (attendance, completion, certificates).
 */
export async function confirmedEnrolment(t: TestContext, editionId: number, email: string) {
  const u = await userByEmail(t, email);
  const [row] = await t.db
    .insert(enrolments)
    .values({ editionId, userId: u.id, unitId: u.unitId, status: 'confirmed', confirmedAt: new Date() })
    .returning();
  if (!row) throw new Error('enrolment not inserted');
  return row;
}

export async function enrolmentById(t: TestContext, id: number) {
  const [row] = await t.db.select().from(enrolments).where(eq(enrolments.id, id));
  return row;
}

/** The body of PATCH /api/v1/editions/:id from an edition as read, with some fields changed. */
export function editionUpdate(e: Edition, over: Partial<Edition> = {}) {
  const {
    id: _i,
    status: _s,
    cancelReason: _c,
    pathTitle: _p,
    pathSlug: _ps,
    venueUnitName: _v,
    trainers: _t,
    sessions: _se,
    seatsLeft: _sl,
    updatedAt: _u,
    pathId: _pi,
    ...body
  } = { ...e, ...over };
  return body;
}
