import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../../../common/api-routes.js';
import type { MembersView, UnitWork, WeekView } from '../../../../common/taskforce.js';
import { auditLog, roleGrants, taskforceAssignments, users } from '../../../db/schema/index.js';
import { fixedClock } from '../../../kernel/clock.js';
import { startTestApp } from '../../../test/app.js';
import { unitId } from '../../../test/campaigns.js';
import type { TestClient } from '../../../test/client.js';
import { userByEmail } from '../../../test/training.js';

/** The app runs on Wednesday 12 March 2031 (Rome): its week is Monday 10 to Sunday 16. */
const clock = fixedClock('2031-03-12T10:00:00Z');
const t = await startTestApp({}, { clock });

const TF = 'taskforce@officina.demo';
const OFFICER = 'referente.cuneo@officina.demo';

let cuneo: number;
let bergamo: number;
let tf: TestClient;
let admin: TestClient;
let officer: TestClient;
let tfId: string;
let second: { id: string };
const extra: string[] = [];

/** Another task force member, written straight into the tables (no sign-in needed). */
async function member(name: string) {
  const [u] = await t.db
    .insert(users)
    .values({ email: `${name.toLowerCase()}@tf.test`, name })
    .returning({ id: users.id });
  if (!u) throw new Error('no user');
  await t.db.insert(roleGrants).values({ userId: u.id, role: 'task_force' });
  extra.push(u.id);
  return u;
}

const unitWork = async (c: TestClient, id: number) => {
  const res = await c.get(apiUrl(r.taskforce.unit, { id }));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as UnitWork;
};

beforeAll(async () => {
  cuneo = await unitId(t.db, '004');
  bergamo = await unitId(t.db, '016');
  tf = await t.as(TF);
  admin = await t.as('admin@officina.demo');
  officer = await t.as(OFFICER);
  tfId = (await userByEmail(t, TF)).id;
  second = await member('Seconda Persona');
});

describe('members and assignments', () => {
  it('lists the task force members and lets the task force assign them, with one lead per unit', async () => {
    let res = await tf.post(apiUrl(r.taskforce.unitMembers, { id: cuneo }), { userId: tfId, lead: true });
    expect(res.statusCode, res.body).toBe(200);
    res = await admin.post(apiUrl(r.taskforce.unitMembers, { id: cuneo }), { userId: second.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().members).toEqual([
      expect.objectContaining({ userId: tfId, lead: true }),
      expect.objectContaining({ userId: second.id, lead: false }),
    ]);

    // A new lead clears the old one.
    res = await tf.put(apiUrl(r.taskforce.lead, { id: cuneo }), { userId: second.id });
    expect(res.statusCode, res.body).toBe(200);
    const leads = res.json().members.filter((m: { lead: boolean }) => m.lead);
    expect(leads).toEqual([expect.objectContaining({ userId: second.id })]);

    const view = (await tf.get(apiUrl(r.taskforce.members))).json() as MembersView;
    const me = view.members.find((m) => m.id === tfId);
    expect(me?.count).toBe(1);
    expect(me?.units).toEqual([expect.objectContaining({ id: cuneo, lead: false })]);
    expect(view.units.find((u) => u.id === cuneo)?.members).toHaveLength(2);

    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'taskforce.lead_set'));
    expect(audit.length).toBeGreaterThan(0);
  });

  it('refuses people outside the task force, and non-members of the task force writing', async () => {
    const learner = await userByEmail(t, 'discente.cuneo@officina.demo');
    const res = await tf.post(apiUrl(r.taskforce.unitMembers, { id: cuneo }), { userId: learner.id });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('NOT_TASK_FORCE_MEMBER');

    const asOfficer = await officer.post(apiUrl(r.taskforce.unitMembers, { id: cuneo }), { userId: tfId });
    expect(asOfficer.statusCode).toBe(403);
    expect((await officer.get(apiUrl(r.taskforce.members))).statusCode).toBe(403);
    expect((await t.client().get(apiUrl(r.taskforce.members))).statusCode).toBe(401);
  });

  it('leaves exactly one lead when lead changes race', async () => {
    const people = [second, await member('Terza Persona'), await member('Quarta Persona')];
    const answers = await Promise.all(
      [...people, ...people].map((p, i) =>
        (i % 2 ? tf : admin).put(apiUrl(r.taskforce.lead, { id: bergamo }), { userId: p.id }),
      ),
    );
    for (const a of answers) expect([200, 409], a.body).toContain(a.statusCode);
    const leads = await t.db
      .select()
      .from(taskforceAssignments)
      .where(and(eq(taskforceAssignments.unitId, bergamo), eq(taskforceAssignments.lead, true)));
    expect(leads).toHaveLength(1);
  });

  it('removes a member from a unit', async () => {
    const res = await tf.delete(apiUrl(r.taskforce.unitMember, { id: cuneo, userId: second.id }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().members.map((m: { userId: string }) => m.userId)).toEqual([tfId]);
    const again = await tf.delete(apiUrl(r.taskforce.unitMember, { id: cuneo, userId: second.id }));
    expect(again.statusCode).toBe(404);
  });
});

describe('interventions', () => {
  it('are logged, listed newest first, edited and deleted by the task force', async () => {
    const add = (heldOn: string, extraFields: object = {}) =>
      tf.post(apiUrl(r.taskforce.interventions, { id: cuneo }), {
        kind: 'riunione',
        heldOn,
        participants: 'Segretario generale',
        outcome: 'Bozza condivisa',
        nextSteps: 'Rivedere la dotazione',
        ...extraFields,
      });
    const first = await add('2031-02-01');
    expect(first.statusCode, first.body).toBe(201);
    const later = await add('2031-03-01', { followUpOn: '2031-03-14' });
    expect(later.statusCode, later.body).toBe(201);

    let view = await unitWork(tf, cuneo);
    expect(view.interventions.map((i) => i.heldOn)).toEqual(['2031-03-01', '2031-02-01']);
    expect(view.canWrite).toBe(true);

    const id = first.json().id as number;
    const edit = await tf.put(apiUrl(r.taskforce.intervention, { id }), {
      kind: 'formazione',
      heldOn: '2031-02-02',
      outcome: 'Fatto',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ kind: 'formazione', heldOn: '2031-02-02', followUpOn: null });

    const del = await tf.delete(apiUrl(r.taskforce.intervention, { id }));
    expect(del.statusCode, del.body).toBe(204);
    view = await unitWork(tf, cuneo);
    expect(view.interventions.map((i) => i.id)).not.toContain(id);

    const actions = (await t.db.select({ a: auditLog.action }).from(auditLog)).map((x) => x.a);
    expect(actions).toEqual(
      expect.arrayContaining([
        'taskforce.intervention_added',
        'taskforce.intervention_updated',
        'taskforce.intervention_deleted',
      ]),
    );
  });

  it('refuses days that do not exist and a follow-up before the intervention', async () => {
    const url = apiUrl(r.taskforce.interventions, { id: cuneo });
    const bad = await tf.post(url, { kind: 'riunione', heldOn: '2031-02-30' });
    expect(bad.statusCode).toBe(400);
    const before = await tf.post(url, { kind: 'riunione', heldOn: '2031-03-10', followUpOn: '2031-03-09' });
    expect(before.statusCode).toBe(400);
    expect(before.body).toContain('followUpOn');
    const kind = await tf.post(url, { kind: 'pranzo', heldOn: '2031-03-10' });
    expect(kind.statusCode).toBe(400);
  });

  it("are read by the unit's officers, not changed; another unit is 404 to them", async () => {
    const view = await unitWork(officer, cuneo);
    expect(view.canWrite).toBe(false);
    expect(view.interventions.length).toBeGreaterThan(0);
    const id = view.interventions[0]?.id as number;
    expect(
      (
        await officer.put(apiUrl(r.taskforce.intervention, { id }), {
          kind: 'riunione',
          heldOn: '2031-03-01',
        })
      ).statusCode,
    ).toBe(403);
    expect((await officer.delete(apiUrl(r.taskforce.intervention, { id }))).statusCode).toBe(403);
    expect((await officer.get(apiUrl(r.taskforce.unit, { id: bergamo }))).statusCode).toBe(404);
    const learner = await t.as('discente.cuneo@officina.demo');
    expect((await learner.get(apiUrl(r.taskforce.unit, { id: cuneo }))).statusCode).toBe(403);
  });
});

describe('risks and open issues', () => {
  it('are the task force only: recorded, closed and reopened; 403 to the officer, 404 for another unit', async () => {
    const add = await tf.post(apiUrl(r.taskforce.issues, { id: cuneo }), {
      kind: 'rischio',
      title: 'Dotazione insufficiente',
      severity: 'alta',
      ownerId: tfId,
      dueOn: '2031-04-30',
    });
    expect(add.statusCode, add.body).toBe(201);
    const created = add.json();
    expect(created).toMatchObject({ state: 'aperta', owner: { id: tfId }, closedAt: null });

    const close = await tf.put(apiUrl(r.taskforce.issue, { id: created.id }), {
      kind: 'rischio',
      title: 'Dotazione insufficiente',
      severity: 'alta',
      ownerId: tfId,
      dueOn: '2031-04-30',
      state: 'chiusa',
    });
    expect(close.statusCode, close.body).toBe(200);
    expect(close.json()).toMatchObject({ state: 'chiusa', closedAt: clock.now().toISOString() });

    const reopen = await tf.put(apiUrl(r.taskforce.issue, { id: created.id }), {
      kind: 'rischio',
      title: 'Dotazione insufficiente',
      severity: 'alta',
      state: 'aperta',
    });
    expect(reopen.json()).toMatchObject({ state: 'aperta', closedAt: null, owner: null });

    const list = await tf.get(apiUrl(r.taskforce.issues, { id: cuneo }));
    expect(list.json().items).toHaveLength(1);

    expect((await officer.get(apiUrl(r.taskforce.issues, { id: cuneo }))).statusCode).toBe(403);
    expect((await officer.get(apiUrl(r.taskforce.issues, { id: bergamo }))).statusCode).toBe(404);
    const officerAdd = await officer.post(apiUrl(r.taskforce.issues, { id: cuneo }), {
      kind: 'criticita',
      title: 'x',
      severity: 'bassa',
    });
    expect(officerAdd.statusCode).toBe(403);

    const actions = (await t.db.select({ a: auditLog.action }).from(auditLog)).map((x) => x.a);
    expect(actions).toEqual(expect.arrayContaining(['taskforce.issue_closed', 'taskforce.issue_reopened']));
  });

  it('refuses an owner outside the task force and an empty title', async () => {
    const learner = await userByEmail(t, 'discente.cuneo@officina.demo');
    const url = apiUrl(r.taskforce.issues, { id: cuneo });
    const owner = await tf.post(url, { kind: 'rischio', title: 'T', severity: 'media', ownerId: learner.id });
    expect(owner.statusCode).toBe(400);
    const empty = await tf.post(url, { kind: 'rischio', title: '   ', severity: 'media' });
    expect(empty.statusCode).toBe(400);
  });
});

describe('milestones', () => {
  it('are added, marked done, and marked overdue when past due and not done', async () => {
    const url = apiUrl(r.taskforce.milestones, { id: cuneo });
    const past = await tf.post(url, { title: 'Approvazione in giunta', dueOn: '2031-03-05' });
    expect(past.statusCode, past.body).toBe(201);
    expect(past.json()).toMatchObject({ overdue: true, doneOn: null });
    const soon = await tf.post(url, { title: 'Invio del piano', dueOn: '2031-03-15' });
    expect(soon.json()).toMatchObject({ overdue: false });

    const done = await tf.put(apiUrl(r.taskforce.milestone, { id: soon.json().id }), {
      title: 'Invio del piano',
      dueOn: '2031-03-15',
      doneOn: '2031-03-11',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ doneOn: '2031-03-11', overdue: false });

    const view = await unitWork(officer, cuneo);
    expect(view.milestones.map((m) => [m.title, m.overdue])).toEqual([
      ['Approvazione in giunta', true],
      ['Invio del piano', false],
    ]);
    expect((await officer.post(url, { title: 'x', dueOn: '2031-03-20' })).statusCode).toBe(403);
    expect((await tf.post(url, { title: 'x', dueOn: '2031-02-29' })).statusCode).toBe(400);
  });
});

describe('my week', () => {
  it("shows the member's units and what falls due this week (Rome), overdue included", async () => {
    // Cuneo: the task force member is assigned (earlier test); add an overdue follow-up and a next-week one.
    const url = apiUrl(r.taskforce.interventions, { id: cuneo });
    await tf.post(url, { kind: 'supporto_remoto', heldOn: '2031-02-20', followUpOn: '2031-03-03' });
    await tf.post(url, { kind: 'supporto_remoto', heldOn: '2031-03-11', followUpOn: '2031-03-20' });
    await tf.post(url, {
      kind: 'riunione',
      heldOn: '2031-03-11',
      followUpOn: '2031-03-12',
      followUpDone: true,
    });
    await tf.post(apiUrl(r.taskforce.milestones, { id: cuneo }), {
      title: 'Oltre la settimana',
      dueOn: '2031-03-17',
    });

    const res = await tf.get(apiUrl(r.taskforce.week));
    expect(res.statusCode, res.body).toBe(200);
    const week = res.json() as WeekView;
    expect(week).toMatchObject({ today: '2031-03-12', weekStart: '2031-03-10', weekEnd: '2031-03-16' });
    expect(week.units.map((u) => u.id)).toContain(cuneo);
    expect(week.followUps.map((f) => [f.followUpOn, f.overdue])).toEqual([
      ['2031-03-03', true],
      ['2031-03-14', false],
    ]);
    expect(week.milestones.map((m) => [m.title, m.overdue])).toEqual([['Approvazione in giunta', true]]);
    expect(week.risks.map((x) => x.title)).toEqual(['Dotazione insufficiente']);
  });

  it('follows the Rome calendar: late Sunday UTC is already next week', async () => {
    clock.set('2031-03-16T23:30:00Z');
    const week = (await (await t.as(TF)).get(apiUrl(r.taskforce.week))).json() as WeekView;
    expect(week).toMatchObject({ today: '2031-03-17', weekStart: '2031-03-17', weekEnd: '2031-03-23' });
    expect(week.followUps.map((f) => f.followUpOn)).toEqual(['2031-03-03', '2031-03-14', '2031-03-20']);
    clock.set('2031-03-12T10:00:00Z');
  });

  it('is empty for a member with no units, and refused to officers', async () => {
    const res = await admin.get(apiUrl(r.taskforce.week));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ units: [], followUps: [], milestones: [], risks: [] });
    expect((await officer.get(apiUrl(r.taskforce.week))).statusCode).toBe(403);
  });
});

describe('what the national view reads', () => {
  it('summarises each unit and counts interventions per month', async () => {
    const summaries = await t.services.taskforce.unitSummaries(t.db);
    const c = summaries.find((s) => s.unitId === cuneo);
    expect(c).toMatchObject({
      leadName: null,
      members: 1,
      lastInterventionOn: '2031-03-11',
      openIssues: { bassa: 0, media: 0, alta: 1 },
      nextMilestone: { title: 'Approvazione in giunta', dueOn: '2031-03-05' },
    });
    const b = summaries.find((s) => s.unitId === bergamo);
    expect(b?.leadName).not.toBeNull();

    const months = await t.services.taskforce.activityByMonth(t.db);
    const march = months.find((m) => m.month === '2031-03');
    expect(march?.interventions).toBeGreaterThanOrEqual(3);
    expect(months.map((m) => m.month)).toEqual([...months.map((m) => m.month)].sort());
  });
});
