import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Enrolment } from '../../../../common/enrolment.js';
import { enrolments, users } from '../../../db/schema/index.js';
import type { RequestContext } from '../../../kernel/principal.js';
import { startTestApp } from '../../../test/app.js';
import { makeEdition } from '../../../test/training.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const cuneo = (await admin.get('/api/v1/units?q=004')).json().items[0].id as number;

/** A learner as the service sees them once signed in. */
const ctxOf = (u: { id: string; email: string; name: string; unitId: number | null }): RequestContext => ({
  actor: { ...u, grants: [{ id: 0, role: 'learner', unitId: u.unitId, unitName: null }] },
  ip: null,
  requestId: null,
  lang: 'it',
});

async function makeLearners(n: number, tag: string) {
  return t.db
    .insert(users)
    .values(
      Array.from({ length: n }, (_, i) => ({
        email: `corsa.${tag}.${i}@officina.test`,
        name: `Corsa ${tag} ${String(i).padStart(3, '0')}`,
        unitId: cuneo,
      })),
    )
    .returning({ id: users.id, email: users.email, name: users.name, unitId: users.unitId });
}

/** Every enrolment of an edition as officers are shown it, by id. */
async function shown(editionId: number) {
  const byId = new Map<number, Enrolment>();
  for (let page = 1; ; page++) {
    const res = (
      await admin.get(`/api/v1/enrolments?editionId=${editionId}&pageSize=200&page=${page}`)
    ).json() as { items: Enrolment[]; total: number };
    for (const e of res.items) byId.set(e.id, e);
    if (!res.items.length || byId.size >= res.total) return byId;
  }
}

/**
 * The time officers are shown is the order that decides: along the queue (every enrolment of the
 * edition by queue number, whatever its status), `queuedAt` never goes back, so every pair of
 * enrolments is in the same order by both (ties only within a millisecond).
 */
async function expectShownOrderDecides(editionId: number) {
  const queue = await rows(editionId);
  const view = await shown(editionId);
  expect(view.size).toBe(queue.length);
  const at = (id: number) => new Date(view.get(id)?.queuedAt ?? Number.NaN).getTime();
  const late = queue.flatMap((r, i) => {
    const before = queue[i - 1];
    return before && !(at(before.id) <= at(r.id)) ? [[before.id, r.id]] : [];
  });
  expect(late, 'pairs whose queuedAt disagrees with the queue').toEqual([]);
}

async function rows(editionId: number) {
  return t.db
    .select()
    .from(enrolments)
    .where(eq(enrolments.editionId, editionId))
    .orderBy(asc(enrolments.queueNo));
}

describe('500 people enrolling at once in 30 seats', () => {
  it('confirms exactly 30, waitlists 470 in arrival order, and promotions stay exact under cancellations', async () => {
    const edition = await makeEdition(admin, { capacity: 30 });
    const people = await makeLearners(500, 'a');
    const outcomes = await Promise.allSettled(
      people.map((p) => t.services.enrolment.enrol(ctxOf(p), edition.id)),
    );
    const failed = outcomes.filter((o) => o.status === 'rejected');
    expect(failed, String((failed[0] as PromiseRejectedResult | undefined)?.reason)).toHaveLength(0);

    let all = await rows(edition.id);
    expect(all).toHaveLength(500);
    expect(new Set(all.map((r) => r.userId)).size).toBe(500);
    const confirmed = all.filter((r) => r.status === 'confirmed');
    const waiting = all.filter((r) => r.status === 'waitlisted');
    expect(confirmed).toHaveLength(30);
    expect(waiting).toHaveLength(470);
    // First come, first served: every confirmed person arrived before every waitlisted one.
    expect(Math.max(...confirmed.map((r) => r.queueNo))).toBeLessThan(
      Math.min(...waiting.map((r) => r.queueNo)),
    );
    const seats = (await admin.get(`/api/v1/editions/${edition.id}/seats`)).json();
    expect(seats).toMatchObject({ capacity: 30, confirmed: 30, waitlisted: 470, seatsLeft: 0 });
    const list = (
      await admin.get(`/api/v1/enrolments?editionId=${edition.id}&status=waitlisted&pageSize=200`)
    ).json();
    expect(list.items.map((e: { waitlistPosition: number }) => e.waitlistPosition)).toEqual(
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
    await expectShownOrderDecides(edition.id);

    // 10 confirmed and 5 waitlisted people cancel while 20 more people enrol, all at once.
    const byUser = new Map(people.map((p) => [p.id, p]));
    // The waitlisted leavers are far down the list, so none of them is promoted before leaving.
    const leaving = [...confirmed.slice(0, 10), ...waiting.slice(400, 405)];
    const late = await makeLearners(20, 'b');
    const second = await Promise.allSettled([
      ...leaving.map((r) => {
        const p = byUser.get(r.userId);
        if (!p) throw new Error('unknown person');
        return t.services.enrolment.cancel(ctxOf(p), r.id, null);
      }),
      ...late.map((p) => t.services.enrolment.enrol(ctxOf(p), edition.id)),
    ]);
    const failed2 = second.filter((o) => o.status === 'rejected');
    expect(failed2, String((failed2[0] as PromiseRejectedResult | undefined)?.reason)).toHaveLength(0);

    all = await rows(edition.id);
    const nowConfirmed = all.filter((r) => r.status === 'confirmed');
    const nowWaiting = all.filter((r) => r.status === 'waitlisted');
    expect(nowConfirmed).toHaveLength(30);
    expect(nowWaiting).toHaveLength(470 - 5 - 10 + 20);
    expect(all.filter((r) => r.status === 'cancelled')).toHaveLength(15);
    // Exactly the first ten still waiting were promoted: nobody skipped, no late arrival jumped ahead.
    const stillWaiting = waiting.filter((w) => !leaving.some((l) => l.id === w.id));
    const promotedIds = stillWaiting
      .slice(0, 10)
      .map((r) => r.id)
      .sort();
    const newlyConfirmed = nowConfirmed
      .filter((r) => !confirmed.some((c) => c.id === r.id))
      .map((r) => r.id)
      .sort();
    expect(newlyConfirmed).toEqual(promotedIds);
    expect(Math.max(...nowConfirmed.map((r) => r.queueNo))).toBeLessThan(
      Math.min(...nowWaiting.map((r) => r.queueNo)),
    );
    const lateIds = new Set(late.map((p) => p.id));
    expect(nowWaiting.filter((r) => lateIds.has(r.userId))).toHaveLength(20);
    await expectShownOrderDecides(edition.id);

    // Every promotion and cancellation reached the outbox and the audit log.
    const promoted = await t.db.execute(
      "select count(*)::int as n from audit_log where action = 'enrolment.promoted'" as never,
    );
    expect((promoted as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(10);
  }, 180_000);
});

describe('one person, one active enrolment', () => {
  it('refuses the same person enrolling twice at once', async () => {
    const edition = await makeEdition(admin, { capacity: 5 });
    const [p] = await makeLearners(1, 'c');
    if (!p) throw new Error('no learner');
    const res = await Promise.allSettled(
      Array.from({ length: 8 }, () => t.services.enrolment.enrol(ctxOf(p), edition.id)),
    );
    expect(res.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of res.filter((x) => x.status === 'rejected'))
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: 'ALREADY_ENROLLED',
        statusCode: 409,
      });
    const mine = await t.db
      .select()
      .from(enrolments)
      .where(and(eq(enrolments.editionId, edition.id), eq(enrolments.userId, p.id)));
    expect(mine).toHaveLength(1);
  });
});

describe('approved requests', () => {
  it('join the waitlist when approved, in the order the times shown to officers give', async () => {
    const edition = await makeEdition(admin, { capacity: 1, approvalRequired: true });
    const [nominee, ...people] = await makeLearners(5, 'd');
    if (!nominee) throw new Error('no learner');
    const requests = [];
    for (const p of people) requests.push(await t.services.enrolment.enrol(ctxOf(p), edition.id));
    expect(requests.map((r) => r.status)).toEqual(['pending', 'pending', 'pending', 'pending']);
    // Approved in another order than requested, two of them at once, with a nomination in between.
    const [first, second, third, fourth] = requests as [Enrolment, Enrolment, Enrolment, Enrolment];
    const approve = (e: Enrolment) =>
      admin.post(`/api/v1/enrolments/${e.id}/decision`, { decision: 'approve' });
    expect((await approve(fourth)).json().status).toBe('confirmed');
    const nominated = await admin.post('/api/v1/enrolments/nominations', {
      editionId: edition.id,
      userIds: [nominee.id],
    });
    expect(nominated.json().results[0]).toMatchObject({ status: 'waitlisted' });
    await Promise.all([approve(second), approve(first)]);
    await approve(third);
    const list = (
      await admin.get(`/api/v1/enrolments?editionId=${edition.id}&status=waitlisted&pageSize=10`)
    ).json().items as Enrolment[];
    expect(list.map((e) => e.waitlistPosition)).toEqual([1, 2, 3, 4]);
    expect(list[0]?.userId).toBe(nominee.id);
    expect(list.at(-1)?.id).toBe(third.id);
    // An approved request shows its approval, a nomination its request: the stamps that placed them.
    for (const e of list) expect(e.queuedAt).toBe(e.decidedAt ?? e.requestedAt);
    await expectShownOrderDecides(edition.id);
  });
});
