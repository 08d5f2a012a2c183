import { parse } from 'csv-parse/sync';
import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiUrl } from '../../../../common/api-routes.js';
import type { DeadlineRulesView, DeadlinesView, ProgrammingView } from '../../../../common/programming.js';
import { romeInstant } from '../../../../common/rome-time.js';
import { auditLog, outbox, taskforceAssignments, territorialUnits, users } from '../../../db/schema/index.js';
import { fixedClock } from '../../../kernel/clock.js';
import { startTestApp } from '../../../test/app.js';
import { createProgrammingReminders } from './reminders.js';
import { createProgrammingRepository } from './repository.js';

/** 29 November 2026: the DUP and the Nota 2027 are past, the PIAO 2027 is due on 31 January. */
const clock = fixedClock('2026-11-29T10:00:00Z');
const t = await startTestApp({ outboxIntervalMs: 3_600_000 }, { clock });
const admin = await t.as('admin@officina.demo');
const officer = await t.as('referente.cuneo@officina.demo');
const taskForce = await t.as('taskforce@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');

const unitOf = async (istat: string) => {
  const [u] = await t.db.select().from(territorialUnits).where(eq(territorialUnits.istatCode, istat));
  if (!u) throw new Error(`no unit ${istat}`);
  return u;
};
const cuneo = await unitOf('004');
const bergamo = await unitOf('016');

const page = (unitId: number, year?: number) =>
  apiUrl('/api/v1/restructuring/units/:id/programming', { id: unitId }, { year });
const doc = (unitId: number, year: number, kind: string) =>
  apiUrl('/api/v1/restructuring/units/:id/programming/:year/:kind', { id: unitId, year, kind });

const record = (revision: number, over: Record<string, unknown> = {}) => ({
  revision,
  adoptedOn: '2026-07-28',
  actType: 'Delibera di Consiglio',
  actNumber: '41',
  actDate: '2026-07-28',
  url: 'https://www.provincia.cuneo.it/dup-2027',
  simplified: false,
  personnelMoney: [],
  notes: '',
  ...over,
});

const dueOf = (v: ProgrammingView, kind: string) => v.documents.find((d) => d.kind === kind);

describe('deadlines from the rules', () => {
  it('opens on the year due next and computes every deadline', async () => {
    const res = await officer.get(page(cuneo.id));
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as ProgrammingView;
    expect(v.year).toBe(2027);
    expect(v.defaultYear).toBe(2027);
    expect(dueOf(v, 'dup')?.deadline).toMatchObject({ due: '2026-07-31', basis: 'rule', daysLeft: -121 });
    expect(dueOf(v, 'nadup')?.deadline?.due).toBe('2026-11-15');
    expect(dueOf(v, 'piao')?.deadline).toMatchObject({ due: '2027-01-31', basis: 'rule', daysLeft: 63 });
    expect(dueOf(v, 'ptfp')?.deadline?.due).toBe('2027-01-31');
    expect(dueOf(v, 'dup')?.state).toBe('overdue');
    expect(dueOf(v, 'piao')?.state).toBe('due');
    expect(v.canEdit).toBe(true);
  });

  it('moves the PIAO to 30 days after a moved budget deadline, and back when the move goes', async () => {
    const created = await admin.post(apiUrl('/api/v1/restructuring/deadline-moves'), {
      kind: 'bilancio',
      year: 2027,
      due: '2027-02-28',
      source: 'DM Interno 24 dicembre 2026',
    });
    expect(created.statusCode, created.body).toBe(201);
    const move = (created.json() as DeadlineRulesView).moves.find(
      (m) => m.kind === 'bilancio' && m.year === 2027,
    );
    const v = (await officer.get(page(cuneo.id, 2027))).json() as ProgrammingView;
    expect(dueOf(v, 'piao')?.deadline).toMatchObject({ due: '2027-03-30', basis: 'budget' });
    expect(dueOf(v, 'piao')?.deadline?.source).toContain('DM Interno 24 dicembre 2026');
    expect(dueOf(v, 'dup')?.deadline?.basis).toBe('rule');
    // The same move twice is refused; removed, the rule applies again.
    const again = await admin.post(apiUrl('/api/v1/restructuring/deadline-moves'), {
      kind: 'bilancio',
      year: 2027,
      due: '2027-03-31',
      source: 'altro',
    });
    expect(again.statusCode).toBe(409);
    const gone = await admin.delete(
      apiUrl('/api/v1/restructuring/deadline-moves/:id', { id: move?.id ?? 0 }),
    );
    expect(gone.statusCode, gone.body).toBe(200);
    const after = (await officer.get(page(cuneo.id, 2027))).json() as ProgrammingView;
    expect(dueOf(after, 'piao')?.deadline).toMatchObject({ due: '2027-01-31', basis: 'rule' });
    const trail = await t.db.select().from(auditLog).where(eq(auditLog.entityType, 'deadline_move'));
    expect(trail.map((a) => a.action)).toEqual(['deadline_move.created', 'deadline_move.deleted']);
  });
});

describe('recording a document', () => {
  it('saves, reads back, and refuses a stale revision', async () => {
    const money = [
      { year: 2027, cents: 1_234_567_89 },
      { year: 2028, cents: 1_250_000_00 },
      { year: 2029, cents: 1_250_000_01 },
    ];
    const saved = await officer.put(doc(cuneo.id, 2027, 'dup'), record(0, { personnelMoney: money }));
    expect(saved.statusCode, saved.body).toBe(200);
    const d = dueOf(saved.json() as ProgrammingView, 'dup');
    expect(d).toMatchObject({ state: 'presented', revision: 1, adoptedOn: '2026-07-28', actNumber: '41' });
    expect(d?.personnelMoney).toEqual(money);
    const read = dueOf((await taskForce.get(page(cuneo.id, 2027))).json() as ProgrammingView, 'dup');
    expect(read?.url).toBe('https://www.provincia.cuneo.it/dup-2027');
    expect(read?.updatedBy).toBeTruthy();

    // Someone recorded it already: revision 0 and revision 5 are both stale.
    expect((await taskForce.put(doc(cuneo.id, 2027, 'dup'), record(0))).statusCode).toBe(409);
    expect((await taskForce.put(doc(cuneo.id, 2027, 'dup'), record(5))).statusCode).toBe(409);

    // Two editors at the same revision: one wins.
    const race = await Promise.all([
      officer.put(doc(cuneo.id, 2027, 'dup'), record(1, { notes: 'prima' })),
      taskForce.put(doc(cuneo.id, 2027, 'dup'), record(1, { notes: 'seconda' })),
      admin.put(doc(cuneo.id, 2027, 'dup'), record(1, { notes: 'terza' })),
    ]);
    expect(race.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    const trail = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'programming_document'), eq(auditLog.unitId, cuneo.id)));
    expect(trail.map((a) => a.action)).toEqual([
      'programming_document.created',
      'programming_document.updated',
    ]);
  });

  it('answers 400 to bad input', async () => {
    const bad = [
      record(0, { url: 'javascript:alert(1)' }),
      record(0, { adoptedOn: '2026-02-30' }),
      record(0, { personnelMoney: [{ year: 2027, cents: 1.5 }] }),
      record(0, { personnelMoney: [{ year: 2031, cents: 100 }] }),
      record(0, { simplified: true }),
      record(0, { actDate: null }),
    ];
    for (const body of bad) {
      const res = await officer.put(doc(cuneo.id, 2028, 'dup'), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const nota = await officer.put(
      doc(cuneo.id, 2028, 'nadup'),
      record(0, { personnelMoney: [{ year: 2028, cents: 1 }] }),
    );
    expect(nota.statusCode).toBe(400);
    const piao = await officer.put(doc(cuneo.id, 2028, 'piao'), record(0, { simplified: true }));
    expect(piao.statusCode, piao.body).toBe(200);
    expect((await officer.put(doc(cuneo.id, 2028, 'bilancio'), record(0))).statusCode).toBe(400);
  });

  it('keeps officers to their own unit and the other roles out', async () => {
    expect((await officer.get(page(bergamo.id))).statusCode).toBe(404);
    expect((await officer.put(doc(bergamo.id, 2027, 'dup'), record(0))).statusCode).toBe(404);
    expect((await officer.get(page(999_999))).statusCode).toBe(404);
    expect((await learner.get(page(cuneo.id))).statusCode).toBe(403);
    expect((await t.client().get(page(cuneo.id))).statusCode).toBe(401);
    expect((await taskForce.get(page(bergamo.id))).statusCode).toBe(200);
  });
});

describe('deadline rules', () => {
  const rule = {
    kind: 'bilancio',
    month: 2,
    day: 29,
    yearOffset: 0,
    afterBudgetDays: null,
    validFromYear: 2090,
    validToYear: 2091,
    source: 'Regola di prova',
  };

  it('lets national admins keep the rules, with a source and days that exist', async () => {
    const list = (
      await officer.get(apiUrl('/api/v1/restructuring/deadline-rules'))
    ).json() as DeadlineRulesView;
    expect(list.rules.some((r) => r.kind === 'piao' && r.afterBudgetDays === 30)).toBe(true);
    expect(list.canEdit).toBe(false);
    expect((await officer.post(apiUrl('/api/v1/restructuring/deadline-rules'), rule)).statusCode).toBe(403);
    expect((await taskForce.post(apiUrl('/api/v1/restructuring/deadline-rules'), rule)).statusCode).toBe(403);
    expect((await learner.get(apiUrl('/api/v1/restructuring/deadline-rules'))).statusCode).toBe(403);

    for (const bad of [
      { ...rule, day: 30 },
      { ...rule, month: 4, day: 31 },
      { ...rule, source: '  ' },
      { ...rule, validToYear: 2089 },
    ])
      expect((await admin.post(apiUrl('/api/v1/restructuring/deadline-rules'), bad)).statusCode).toBe(400);

    // The budget's rule in force covers every year from 2015: it is closed first, as when the law changes.
    const seeded = list.rules.find((r) => r.kind === 'bilancio');
    if (!seeded) throw new Error('no budget rule');
    const { id: seededId, updatedAt: _, ...fields } = seeded;
    const closed = await admin.put(apiUrl('/api/v1/restructuring/deadline-rules/:id', { id: seededId }), {
      ...fields,
      validToYear: 2089,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const created = await admin.post(apiUrl('/api/v1/restructuring/deadline-rules'), rule);
    expect(created.statusCode, created.body).toBe(201);
    const mine = (created.json() as DeadlineRulesView).rules.find((r) => r.validFromYear === 2090);
    expect(mine).toMatchObject({ month: 2, day: 29 });
    // Overlapping years for the same document are refused.
    const overlap = await admin.post(apiUrl('/api/v1/restructuring/deadline-rules'), {
      ...rule,
      validFromYear: 2091,
      validToYear: null,
    });
    expect(overlap.statusCode).toBe(409);

    const id = mine?.id ?? 0;
    const changed = await admin.put(apiUrl('/api/v1/restructuring/deadline-rules/:id', { id }), {
      ...rule,
      day: 28,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((changed.json() as DeadlineRulesView).rules.find((r) => r.id === id)?.day).toBe(28);
    expect((await admin.delete(apiUrl('/api/v1/restructuring/deadline-rules/:id', { id }))).statusCode).toBe(
      200,
    );
    expect((await admin.delete(apiUrl('/api/v1/restructuring/deadline-rules/:id', { id }))).statusCode).toBe(
      404,
    );
    const trail = await t.db.select().from(auditLog).where(eq(auditLog.entityType, 'deadline_rule'));
    expect(trail.map((a) => a.action)).toEqual([
      'deadline_rule.updated',
      'deadline_rule.created',
      'deadline_rule.updated',
      'deadline_rule.deleted',
    ]);
  });
});

describe('deadline rules under a race', () => {
  it('keeps one of two overlapping rules written at once', async () => {
    const body = (from: number) => ({
      kind: 'nadup',
      month: 11,
      day: 30,
      yearOffset: -1,
      afterBudgetDays: null,
      validFromYear: from,
      validToYear: 2010,
      source: 'Regola storica di prova',
    });
    const answers = await Promise.all(
      [2001, 2002, 2003].map((y) => admin.post(apiUrl('/api/v1/restructuring/deadline-rules'), body(y))),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
  });
});

describe('deadlines list', () => {
  it('shows an officer their unit and the task force every unit, filtered and as CSV', async () => {
    const mine = (await officer.get(apiUrl('/api/v1/restructuring/deadlines'))).json() as DeadlinesView;
    expect(mine.items.length).toBeGreaterThan(0);
    expect(new Set(mine.items.map((i) => i.unit.id))).toEqual(new Set([cuneo.id]));
    // The DUP 2027 was recorded above; the Nota 2027 is overdue, the PIAO 2027 not yet within 30 days.
    expect(mine.items.find((i) => i.kind === 'dup' && i.year === 2027)).toBeUndefined();
    expect(mine.items.find((i) => i.kind === 'nadup' && i.year === 2027)).toMatchObject({
      state: 'overdue',
      daysLeft: -14,
    });
    expect(mine.items.find((i) => i.kind === 'piao' && i.year === 2027)).toBeUndefined();

    const all = (
      await taskForce.get(apiUrl('/api/v1/restructuring/deadlines', {}, { kind: 'dup' }))
    ).json() as DeadlinesView;
    expect(all.items.every((i) => i.kind === 'dup')).toBe(true);
    expect(all.items.some((i) => i.unit.id === bergamo.id && i.year === 2027)).toBe(true);
    const lombardy = (
      await taskForce.get(
        apiUrl('/api/v1/restructuring/deadlines', {}, { region: bergamo.regionCode, sort: 'unit' }),
      )
    ).json() as DeadlinesView;
    expect(lombardy.items.every((i) => i.unit.regionCode === bergamo.regionCode)).toBe(true);
    const names = lombardy.items.map((i) => i.unit.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'it')));

    const csv = await officer.get(apiUrl('/api/v1/restructuring/deadlines.csv'));
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parse(csv.body.replace(/^\uFEFF/, ''), { columns: true, delimiter: ';' }) as Record<
      string,
      string
    >[];
    expect(rows).toHaveLength(mine.items.length);
    expect(
      rows.find((r) => r.documento === 'Nota di aggiornamento al DUP' && r.anno === '2027'),
    ).toMatchObject({
      ente: cuneo.name,
      scadenza: '2026-11-15',
      giorni: '-14',
      stato: 'scaduto',
    });

    expect((await learner.get(apiUrl('/api/v1/restructuring/deadlines'))).statusCode).toBe(403);
    expect((await t.client().get(apiUrl('/api/v1/restructuring/deadlines.csv'))).statusCode).toBe(401);
  });

  it('gives the other modules each unit’s next deadline and overdue count', async () => {
    const overview = await t.db.transaction((tx) => t.services.programming.overview(tx, '2026-11-29'));
    const c = overview.find((o) => o.unitId === cuneo.id);
    expect(c?.next).toMatchObject({ kind: 'piao', year: 2027, due: '2027-01-31' });
    expect(c?.overdue).toBeGreaterThan(0);
    const b = overview.find((o) => o.unitId === bergamo.id);
    expect((b?.overdue ?? 0) > (c?.overdue ?? 0)).toBe(true);
    const dl = await t.services.programming.deadlinesOf(t.db, cuneo.id, 2027, '2026-11-29');
    expect(dl.find((d) => d.kind === 'dup')).toMatchObject({ state: 'presented', due: '2026-07-31' });
  });
});

describe('reminders', () => {
  it('queues each reminder once, even with two processes at once', async () => {
    const [tf] = await t.db.select().from(users).where(eq(users.email, 'taskforce@officina.demo'));
    await t.db.insert(taskforceAssignments).values({ unitId: cuneo.id, userId: tf?.id ?? '', lead: true });
    // Someone still assigned whose task force role has gone hears nothing.
    const [former] = await t.db.select().from(users).where(eq(users.email, 'discente2.cuneo@officina.demo'));
    await t.db.insert(taskforceAssignments).values({ unitId: cuneo.id, userId: former?.id ?? '' });
    const make = () =>
      createProgrammingReminders({
        db: t.db,
        repo: createProgrammingRepository(),
        mail: t.services.mail,
        config: t.config,
        log: t.app.log,
        clock,
      });
    const one = make();
    const two = make();
    const mails = (email: string, subject: string) =>
      t.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.toAddress, email), like(outbox.subject, `%${subject}%`)));

    // 1 January 2027: the PIAO 2027 is due in 30 days.
    const newYear = romeInstant('2027-01-01', '06:00');
    await Promise.all([one.runOnce(newYear), two.runOnce(newYear)]);
    await one.runOnce(newYear);
    const piao = await mails(
      'referente.cuneo@officina.demo',
      'Piano integrato di attività e organizzazione (PIAO) 2027–2029',
    );
    expect(piao).toHaveLength(1);
    expect(piao[0]?.subject).toContain('31 gen 2027');
    expect(piao[0]?.textBody).toContain('tra 30 giorni');
    expect(piao[0]?.textBody).toContain(`/riassetto/unita/${cuneo.id}/programmazione?anno=2027`);
    expect(
      await mails('taskforce@officina.demo', 'Piano integrato di attività e organizzazione (PIAO) 2027–2029'),
    ).toHaveLength(1);
    expect(await mails('discente2.cuneo@officina.demo', 'PIAO')).toHaveLength(0);
    // Overdue once: the Nota 2027; the DUP 2027 is recorded and gets none.
    expect(
      await mails('referente.cuneo@officina.demo', 'Scaduto: Nota di aggiornamento al DUP 2027'),
    ).toHaveLength(1);
    expect(
      await mails('referente.cuneo@officina.demo', 'Documento unico di programmazione (DUP) 2027'),
    ).toHaveLength(0);

    // A week before, the second reminder; the day after, the overdue one; each once.
    const weekBefore = romeInstant('2027-01-25', '06:00');
    await Promise.all([one.runOnce(weekBefore), two.runOnce(weekBefore)]);
    await Promise.all([one.runOnce(romeInstant('2027-01-26')), two.runOnce(romeInstant('2027-01-26'))]);
    const later = await mails(
      'referente.cuneo@officina.demo',
      'Piano integrato di attività e organizzazione (PIAO) 2027–2029',
    );
    expect(later).toHaveLength(2);
    expect(later[1]?.textBody).toContain('tra 6 giorni');
    const feb = romeInstant('2027-02-01', '06:00');
    await Promise.all([one.runOnce(feb), two.runOnce(feb)]);
    await one.runOnce(romeInstant('2027-02-10'));
    expect(
      await mails(
        'referente.cuneo@officina.demo',
        'Scaduto: Piano integrato di attività e organizzazione (PIAO) 2027–2029',
      ),
    ).toHaveLength(1);
  });
});
