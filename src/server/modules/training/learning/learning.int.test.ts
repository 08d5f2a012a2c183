import { eq, sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { FeedbackDue, FeedbackSummary, MySession, Transcript } from '../../../../common/learning.js';
import { addDays } from '../../../../common/rome-time.js';
import {
  attendance,
  editions,
  editionTrainers,
  enrolments,
  feedbackResponses,
} from '../../../db/schema/index.js';
import type { RequestContext } from '../../../kernel/principal.js';
import { startTestApp } from '../../../test/app.js';
import { confirmedEnrolment, makeEdition, today, userByEmail } from '../../../test/training.js';
import { romeYear } from './transcript.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const carlo = await t.as('discente.cuneo@officina.demo');
const giulia = await t.as('discente2.cuneo@officina.demo');
const marco = await t.as('discente.bergamo@officina.demo');
const anna = await t.as('discente.sassari@officina.demo');
const system: RequestContext = { actor: null, ip: null, requestId: null, lang: 'it' };

async function enrol(editionId: number, email: string, status: (typeof enrolments.$inferSelect)['status']) {
  const u = await userByEmail(t, email);
  const [row] = await t.db
    .insert(enrolments)
    .values({ editionId, userId: u.id, unitId: u.unitId, status })
    .returning();
  return row as typeof enrolments.$inferSelect;
}

async function attend(enrolment: { id: number; userId: string }, sessionId: number, minutes: number) {
  await t.db
    .insert(attendance)
    .values({ sessionId, userId: enrolment.userId, enrolmentId: enrolment.id, minutes, source: 'register' });
}

const webinar = (day: number) => ({ day, mode: 'webinar' as const, start: '15:00', end: '17:00' });

describe('my training record (libretto formativo)', () => {
  it('sums my ledger per Rome calendar year, edition by edition, against the yearly target', async () => {
    const old = await makeEdition(admin, { sessions: [{ day: -400 }, { day: -399 }] });
    const recent = await makeEdition(admin, { sessions: [{ day: -3 }, { day: -2 }] });
    const dropped = await makeEdition(admin, { sessions: [{ day: -1 }] });
    const a = await confirmedEnrolment(t, old.id, 'discente.cuneo@officina.demo');
    const b = await confirmedEnrolment(t, recent.id, 'discente.cuneo@officina.demo');
    const c = await enrol(dropped.id, 'discente.cuneo@officina.demo', 'cancelled');
    const someoneElse = await confirmedEnrolment(t, recent.id, 'discente2.cuneo@officina.demo');
    const [o1, o2] = old.sessions;
    const [r1, r2] = recent.sessions;
    await attend(a, o1?.id as number, 240);
    await attend(a, o2?.id as number, 200);
    await attend(b, r1?.id as number, 240);
    await attend(b, r2?.id as number, 150);
    await attend(c, dropped.sessions[0]?.id as number, 60);
    await attend(someoneElse, r1?.id as number, 240);
    await t.db
      .update(enrolments)
      .set({ completedOn: addDays(today(), -2), minutesAttended: 390 })
      .where(eq(enrolments.id, b.id));
    await t.db.update(editions).set({ status: 'completed' }).where(eq(editions.id, recent.id));
    const cert = await t.db.transaction((tx) => t.services.certificates.syncEnrolment(tx, system, b.id));

    const res = await carlo.get('/api/v1/me/transcript');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Transcript;
    expect(body.targetHours).toBe(40);

    // The expected totals, by the Rome year each session starts in.
    const expected = new Map<number, Map<number, number>>();
    const add = (startsAt: string, editionId: number, minutes: number) => {
      const year = romeYear(new Date(startsAt));
      const m = expected.get(year) ?? new Map<number, number>();
      m.set(editionId, (m.get(editionId) ?? 0) + minutes);
      expected.set(year, m);
    };
    add(o1?.startsAt as string, old.id, 240);
    add(o2?.startsAt as string, old.id, 200);
    add(r1?.startsAt as string, recent.id, 240);
    add(r2?.startsAt as string, recent.id, 150);
    add(dropped.sessions[0]?.startsAt as string, dropped.id, 60);

    const thisYear = romeYear(new Date());
    expect(body.years[0]?.year).toBe(thisYear);
    for (const [year, byEdition] of expected) {
      const y = body.years.find((x) => x.year === year);
      expect(y, String(year)).toBeTruthy();
      const total = [...byEdition.values()].reduce((s, v) => s + v, 0);
      expect(y?.minutes).toBe(total);
      expect(y?.hours).toBe(Math.round(total / 6) / 10);
      expect(y?.reached).toBe(false);
      expect(Object.fromEntries(y?.editions.map((e) => [e.editionId, e.minutes]) ?? [])).toEqual(
        Object.fromEntries(byEdition),
      );
    }
    const recentRow = body.years.flatMap((y) => y.editions).find((e) => e.editionId === recent.id);
    expect(recentRow).toMatchObject({
      pathTitle: recent.pathTitle,
      editionTitle: recent.title,
      completedOn: addDays(today(), -2),
      certificateCode: cert?.code,
    });
  });

  it('is my own: another learner sees only theirs', async () => {
    const body = (await giulia.get('/api/v1/me/transcript')).json() as Transcript;
    expect(body.years.flatMap((y) => y.editions).map((e) => e.minutes)).toEqual([240]);
  });
});

describe('my sessions', () => {
  it('lists the sessions of my confirmed enrolments with their links, and nothing else', async () => {
    const mine = await makeEdition(admin, { sessions: [webinar(5), webinar(6)] });
    const waiting = await makeEdition(admin, { sessions: [webinar(5)] });
    const pending = await makeEdition(admin, { sessions: [webinar(7)] });
    await confirmedEnrolment(t, mine.id, 'discente.bergamo@officina.demo');
    await enrol(waiting.id, 'discente.bergamo@officina.demo', 'waitlisted');
    await enrol(pending.id, 'discente.bergamo@officina.demo', 'pending');

    const res = await marco.get('/api/v1/me/sessions');
    expect(res.statusCode, res.body).toBe(200);
    const sessions = res.json() as MySession[];
    expect(sessions.map((s) => s.sessionId)).toEqual(mine.sessions.map((s) => s.id));
    expect(sessions[0]).toMatchObject({
      editionId: mine.id,
      pathTitle: mine.pathTitle,
      mode: 'webinar',
      status: 'scheduled',
      onlineUrl: 'https://meet.example.org/officina',
    });
    expect(JSON.stringify((await anna.get('/api/v1/me/sessions')).json())).not.toContain('meet.example.org');

    // A range that ends before the sessions leaves them out; a range backwards is refused.
    const early = await marco.get(`/api/v1/me/sessions?from=${today()}&to=${addDays(today(), 4)}`);
    expect(early.json()).toEqual([]);
    const backwards = await marco.get(`/api/v1/me/sessions?from=${today()}&to=${addDays(today(), -1)}`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().code).toBe('INVALID_RANGE');
  });

  it('puts the sessions of my confirmed enrolments, with their links, in my personal calendar feed', async () => {
    const edition = await makeEdition(admin, { sessions: [webinar(9)] });
    await confirmedEnrolment(t, edition.id, 'discente.sassari@officina.demo');
    const sessionId = edition.sessions[0]?.id as number;
    const feedOf = async (c: typeof anna) => {
      const url = (await c.post('/api/v1/me/calendar-feed')).json().url as string;
      const res = await t.client().get(new URL(url).pathname);
      expect(res.statusCode).toBe(200);
      const cal = new ICAL.Component(ICAL.parse(res.body));
      return cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    };
    const mine = (await feedOf(anna)).find((e) => e.uid.startsWith(`officina-session-${sessionId}@`));
    expect(mine?.description).toContain('Collegamento: https://meet.example.org/officina');
    const theirs = await feedOf(giulia);
    expect(theirs.some((e) => e.uid.startsWith(`officina-session-${sessionId}@`))).toBe(false);
  });
});

const answers = (v: number) => ({
  contents: v,
  trainers: v,
  materials: v,
  organisation: v,
  usefulness: v,
  overall: v,
});

const ended = await makeEdition(admin, { sessions: [{ day: -2 }] });
const running = await makeEdition(admin, { sessions: [{ day: -2 }, { day: 3 }] });
const carloEnded = await confirmedEnrolment(t, ended.id, 'discente.cuneo@officina.demo');
const giuliaEnded = await confirmedEnrolment(t, ended.id, 'discente2.cuneo@officina.demo');
const marcoEnded = await confirmedEnrolment(t, ended.id, 'discente.bergamo@officina.demo');
const annaPending = await enrol(ended.id, 'discente.sassari@officina.demo', 'pending');
const carloRunning = await confirmedEnrolment(t, running.id, 'discente.cuneo@officina.demo');
const summary = async () =>
  (await admin.get(`/api/v1/editions/${ended.id}/feedback`)).json() as FeedbackSummary;

describe('satisfaction questionnaire', () => {
  it('opens when the last session has ended, and only for the holder of a confirmed enrolment', async () => {
    const due = (await carlo.get('/api/v1/me/feedback-due')).json() as FeedbackDue[];
    expect(due.map((d) => d.enrolmentId)).toContain(carloEnded.id);
    expect(due.map((d) => d.enrolmentId)).not.toContain(carloRunning.id);

    const notOpen = await carlo.post(`/api/v1/enrolments/${carloRunning.id}/feedback`, {
      answers: answers(4),
    });
    expect(notOpen.statusCode).toBe(409);
    expect(notOpen.json().code).toBe('FEEDBACK_NOT_OPEN');
    const notMine = await giulia.post(`/api/v1/enrolments/${carloEnded.id}/feedback`, {
      answers: answers(4),
    });
    expect(notMine.statusCode).toBe(404);
    const pending = await anna.post(`/api/v1/enrolments/${annaPending.id}/feedback`, { answers: answers(4) });
    expect(pending.statusCode).toBe(409);
    expect(pending.json().code).toBe('FEEDBACK_NOT_ALLOWED');
    const incomplete = await carlo.post(`/api/v1/enrolments/${carloEnded.id}/feedback`, {
      answers: { ...answers(4), overall: 6 },
    });
    expect(incomplete.statusCode).toBe(400);

    // Marking the edition completed opens it too, whatever the sessions.
    await t.db.update(editions).set({ status: 'completed' }).where(eq(editions.id, running.id));
    const dueNow = (await carlo.get('/api/v1/me/feedback-due')).json() as FeedbackDue[];
    expect(dueNow.map((d) => d.enrolmentId)).toContain(carloRunning.id);
  });

  it('is answered once; the results stay hidden below three answers', async () => {
    const first = await carlo.post(`/api/v1/enrolments/${carloEnded.id}/feedback`, {
      answers: answers(5),
      comment: '  Docente molto chiaro  ',
    });
    expect(first.statusCode, first.body).toBe(201);
    const again = await carlo.post(`/api/v1/enrolments/${carloEnded.id}/feedback`, { answers: answers(1) });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('FEEDBACK_ALREADY_SENT');
    const due = (await carlo.get('/api/v1/me/feedback-due')).json() as FeedbackDue[];
    expect(due.map((d) => d.enrolmentId)).not.toContain(carloEnded.id);

    await giulia.post(`/api/v1/enrolments/${giuliaEnded.id}/feedback`, { answers: answers(3) });
    expect(await summary()).toMatchObject({
      responses: 2,
      confirmed: 3,
      responseRatePct: 67,
      shown: false,
      comments: [],
    });
    expect((await summary()).items.every((i) => i.average === null)).toBe(true);

    await marco.post(`/api/v1/enrolments/${marcoEnded.id}/feedback`, {
      answers: { ...answers(4), materials: 2 },
      comment: 'Materiali da aggiornare',
    });
    const s = await summary();
    expect(s).toMatchObject({ responses: 3, confirmed: 3, responseRatePct: 100, shown: true });
    expect(s.items.find((i) => i.key === 'contents')).toMatchObject({
      average: 4,
      distribution: [0, 0, 1, 1, 1],
    });
    expect(s.items.find((i) => i.key === 'materials')).toMatchObject({
      average: 3.33,
      distribution: [0, 1, 1, 0, 1],
    });
    expect(s.comments.sort()).toEqual(['Docente molto chiaro', 'Materiali da aggiornare']);
  });

  it('keeps the answers apart from who gave them', async () => {
    const columns = await t.db.execute<{ column_name: string }>(
      sql`select column_name from information_schema.columns where table_name = 'feedback_responses' order by column_name`,
    );
    const names = (columns as unknown as { rows: { column_name: string }[] }).rows;
    expect(names.map((c) => c.column_name)).toEqual(['answers', 'comment', 'edition_id', 'id']);
    const stored = await t.db
      .select()
      .from(feedbackResponses)
      .where(eq(feedbackResponses.editionId, ended.id));
    expect(stored).toHaveLength(3);
    const people = [carloEnded, giuliaEnded, marcoEnded];
    const text = JSON.stringify(stored);
    for (const p of people) {
      expect(text).not.toContain(p.userId);
      expect(stored.some((r) => r.id === String(p.id))).toBe(false);
    }
    expect(JSON.stringify(await summary())).not.toMatch(new RegExp(people.map((p) => p.userId).join('|')));
  });

  it('shows results to national admins and the edition’s trainers, not to learners or other trainers', async () => {
    expect((await carlo.get(`/api/v1/editions/${ended.id}/feedback`)).statusCode).toBe(403);
    expect((await admin.get('/api/v1/editions/999999/feedback')).statusCode).toBe(404);
    const trainer = await t.as('formatore@officina.demo');
    // A national grant alone reaches no edition: training it does.
    expect((await trainer.get(`/api/v1/editions/${ended.id}/feedback`)).statusCode).toBe(403);
    const franco = await userByEmail(t, 'formatore@officina.demo');
    await t.db.insert(editionTrainers).values({ editionId: ended.id, userId: franco.id });
    expect((await trainer.get(`/api/v1/editions/${ended.id}/feedback`)).statusCode).toBe(200);
  });
});
