import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../../../common/api-routes.js';
import type { FadModuleSummary, FadModuleView, FadPage, FadProgress, MyFad } from '../../../../common/fad.js';
import { attendance, enrolments } from '../../../db/schema/index.js';
import { fixedClock } from '../../../kernel/clock.js';
import { startTestApp } from '../../../test/app.js';
import type { TestClient } from '../../../test/client.js';
import { confirmedEnrolment, makeEdition, userByEmail } from '../../../test/training.js';

const clock = fixedClock(new Date());
const t = await startTestApp({}, { clock });
const admin = await t.as('admin@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const other = await t.as('discente.bergamo@officina.demo');
const officer = await t.as('referente.cuneo@officina.demo');
const learnerId = (await userByEmail(t, 'discente.cuneo@officina.demo')).id;

/** A path whose edition has one online session of two hours (today), linked to nothing yet. */
async function onlineEdition(minAttendancePct = 75) {
  const edition = await makeEdition(admin, {
    sessions: [{ day: 0, start: '00:00', end: '02:00', mode: 'online', title: 'Modulo online' }],
    minAttendancePct,
    closesInDays: 1,
  });
  const sessions = (await admin.get(apiUrl(r.fad.pathSessions, { pathId: edition.pathId }))).json().items;
  return { edition, sessionId: sessions[0].sessionId as number };
}

async function moduleWithPages(pathId: number, over: Record<string, unknown> = {}) {
  const res = await admin.post(apiUrl(r.fad.pathModules, { pathId }), {
    titleIt: 'Il nuovo codice dei contratti',
    summaryIt: 'Le regole essenziali.',
    minMinutes: 5,
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  const mod = res.json() as FadModuleSummary;
  const pages: FadPage[] = [];
  for (const n of [1, 2]) {
    const p = await admin.post(apiUrl(r.fad.pages, { id: mod.id }), {
      titleIt: `Pagina ${n}`,
      bodyIt: `<p>Testo ${n}</p>`,
    });
    expect(p.statusCode, p.body).toBe(201);
    pages.push(p.json());
  }
  return { mod, pages };
}

async function publish(id: number) {
  const current = (await admin.get(apiUrl(r.fad.module, { id }))).json() as FadModuleView;
  const res = await admin.put(apiUrl(r.fad.module, { id }), {
    titleIt: current.titleIt,
    summaryIt: current.summaryIt,
    minMinutes: current.minMinutes,
    requireAllPages: current.requireAllPages,
    prerequisiteIds: current.prerequisiteIds,
    status: 'published',
    revision: current.revision,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as FadModuleSummary;
}

const beat = (c: TestClient, id: number, body: { visit: string; seconds: number; pageId: number }) =>
  c.post(apiUrl(r.fad.progress, { id }), body);

async function ledgerMinutes(sessionId: number) {
  const [row] = await t.db
    .select()
    .from(attendance)
    .where(and(eq(attendance.sessionId, sessionId), eq(attendance.userId, learnerId)));
  return row;
}

describe('online modules', () => {
  it('are built from sanitised pages, with videos only from allowed hosts, and published once they have pages', async () => {
    const { edition } = await onlineEdition();
    const res = await admin.post(apiUrl(r.fad.pathModules, { pathId: edition.pathId }), {
      titleIt: 'Modulo',
      status: 'published',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('FAD_MODULE_EMPTY');
    const mod = (
      await admin.post(apiUrl(r.fad.pathModules, { pathId: edition.pathId }), { titleIt: 'Modulo' })
    ).json() as FadModuleSummary;

    const page = await admin.post(apiUrl(r.fad.pages, { id: mod.id }), {
      titleIt: 'Introduzione',
      bodyIt:
        '<p onclick="steal()">Ciao <strong>a tutti</strong><script>alert(1)</script></p><img src="javascript:alert(1)"><a href="javascript:x()">x</a><iframe src="https://evil.example"></iframe><img src="https://example.org/a.png">',
      videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      materials: [{ label: 'Slide', url: 'https://example.org/slide.pdf' }],
    });
    expect(page.statusCode, page.body).toBe(201);
    const p = page.json() as FadPage;
    expect(p.bodyIt).toContain('<strong>a tutti</strong>');
    expect(p.bodyIt).not.toMatch(/script|onclick|javascript|iframe/i);
    expect(p.bodyIt).toContain('<img alt="" src="https://example.org/a.png" />');
    expect(p.bodyIt.match(/<img/g)).toHaveLength(1);
    expect(p.embedUrl).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');

    const badVideo = await admin.post(apiUrl(r.fad.pages, { id: mod.id }), {
      titleIt: 'Video',
      videoUrl: 'https://evil.example/video',
    });
    expect(badVideo.statusCode).toBe(400);
    expect(badVideo.json().code).toBe('VIDEO_HOST_NOT_ALLOWED');
    expect((await publish(mod.id)).status).toBe('published');
  });

  it('are edited by catalogue managers only, at the revision seen', async () => {
    const { edition } = await onlineEdition();
    const { mod } = await moduleWithPages(edition.pathId);
    for (const c of [learner, officer]) {
      expect(
        (await c.post(apiUrl(r.fad.pathModules, { pathId: edition.pathId }), { titleIt: 'X' })).statusCode,
      ).toBe(403);
      expect((await c.get(apiUrl(r.fad.pathModules, { pathId: edition.pathId }))).statusCode).toBe(403);
      expect((await c.post(apiUrl(r.fad.pages, { id: mod.id }), { titleIt: 'X' })).statusCode).toBe(403);
    }
    const stale = await admin.put(apiUrl(r.fad.module, { id: mod.id }), {
      titleIt: 'Nuovo titolo',
      revision: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('FAD_MODULE_STALE');
  });

  it('open only to people enrolled in an edition of the path, once published', async () => {
    const { edition } = await onlineEdition();
    const { mod } = await moduleWithPages(edition.pathId);
    await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
    expect((await learner.get(apiUrl(r.fad.module, { id: mod.id }))).statusCode).toBe(404);
    await publish(mod.id);
    const view = (await learner.get(apiUrl(r.fad.module, { id: mod.id }))).json() as FadModuleView;
    expect(view).toMatchObject({ canEdit: false, lockedBy: [], progress: { activeMinutes: 0 } });
    expect(view.pages).toHaveLength(2);
    expect((await other.get(apiUrl(r.fad.module, { id: mod.id }))).statusCode).toBe(404);
    expect(
      (
        await other.post(apiUrl(r.fad.progress, { id: mod.id }), {
          visit: randomUUID(),
          seconds: 10,
          pageId: view.pages[0]?.id,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('count active time once per visit, never more than the time since it began, and resume on the last page', async () => {
    const { edition } = await onlineEdition();
    const { mod, pages } = await moduleWithPages(edition.pathId);
    await publish(mod.id);
    await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
    const visit = randomUUID();
    const [p1, p2] = pages as [FadPage, FadPage];
    expect((await beat(learner, mod.id, { visit, seconds: 0, pageId: p1.id })).statusCode).toBe(200);
    clock.advance(90_000);
    // A claim beyond the time since the visit began counts only up to it (plus 30 s of slack).
    const capped = (
      await beat(learner, mod.id, { visit, seconds: 3600, pageId: p1.id })
    ).json() as FadProgress;
    expect(capped.activeMinutes).toBe(2);
    // The same report again, or an older one arriving late, changes nothing.
    const again = (await beat(learner, mod.id, { visit, seconds: 60, pageId: p2.id })).json() as FadProgress;
    expect(again.activeMinutes).toBe(2);
    expect(again.lastPageId).toBe(p2.id);
    expect(again.viewedPageIds.sort()).toEqual([p1.id, p2.id].sort());
    // Another device resumes on the last page.
    const view = (await learner.get(apiUrl(r.fad.module, { id: mod.id }))).json() as FadModuleView;
    expect(view.progress?.lastPageId).toBe(p2.id);
    // Someone else's visit is not theirs to extend.
    await confirmedEnrolment(t, edition.id, 'discente.bergamo@officina.demo');
    const stolen = await beat(other, mod.id, { visit, seconds: 100, pageId: p1.id });
    expect(stolen.statusCode).toBe(409);
  });

  it('counts a burst of the same report once', async () => {
    const { edition } = await onlineEdition();
    const { mod, pages } = await moduleWithPages(edition.pathId, { minMinutes: 60 });
    await publish(mod.id);
    await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
    const visit = randomUUID();
    const pageId = (pages[0] as FadPage).id;
    await beat(learner, mod.id, { visit, seconds: 0, pageId });
    clock.advance(10 * 60_000);
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => beat(learner, mod.id, { visit, seconds: 540, pageId })),
    );
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    const view = (await learner.get(apiUrl(r.fad.module, { id: mod.id }))).json() as FadModuleView;
    expect(view.progress?.activeMinutes).toBe(9);
  });

  it('write the time to the ledger of the linked online session, and the whole session at completion', async () => {
    const { edition, sessionId } = await onlineEdition();
    const { mod, pages } = await moduleWithPages(edition.pathId, { minMinutes: 5 });
    await publish(mod.id);
    const enrolment = await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
    // Only a session of the module's path, online, and by someone who manages the edition.
    expect(
      (await learner.put(apiUrl(r.fad.sessionModule, { sessionId }), { moduleId: mod.id })).statusCode,
    ).toBe(403);
    const link = await admin.put(apiUrl(r.fad.sessionModule, { sessionId }), { moduleId: mod.id });
    expect(link.statusCode, link.body).toBe(200);
    const sessions = (await admin.get(apiUrl(r.fad.pathSessions, { pathId: edition.pathId }))).json().items;
    expect(sessions[0]).toMatchObject({ sessionId, moduleId: mod.id, canLink: true });

    const [p1, p2] = pages as [FadPage, FadPage];
    const visit = randomUUID();
    await beat(learner, mod.id, { visit, seconds: 0, pageId: p1.id });
    clock.advance(3 * 60_000);
    await beat(learner, mod.id, { visit, seconds: 180, pageId: p1.id });
    expect((await ledgerMinutes(sessionId))?.minutes).toBe(3);
    // Within the same five-minute step the ledger is not rewritten.
    clock.advance(60_000);
    await beat(learner, mod.id, { visit, seconds: 240, pageId: p1.id });
    expect((await ledgerMinutes(sessionId))?.minutes).toBe(3);
    // Five minutes and every page: complete, and the session counts whole.
    clock.advance(60_000);
    const done = (await beat(learner, mod.id, { visit, seconds: 300, pageId: p2.id })).json() as FadProgress;
    expect(done.completedAt).not.toBeNull();
    const row = await ledgerMinutes(sessionId);
    expect(row).toMatchObject({ minutes: 120, source: 'online' });
    const [e] = await t.db.select().from(enrolments).where(eq(enrolments.id, enrolment.id));
    expect(e?.minutesAttended).toBe(120);
    expect(e?.completedOn).not.toBeNull();

    const mine = (await learner.get(r.fad.mine)).json() as MyFad;
    expect(mine.modules.find((x) => x.id === mod.id)).toMatchObject({
      viewedPages: 2,
      activeMinutes: 5,
      locked: false,
    });
    // A module someone followed is never deleted with their progress.
    const del = await admin.delete(apiUrl(r.fad.module, { id: mod.id }));
    expect(del.statusCode).toBe(409);
    expect(del.json().code).toBe('FAD_MODULE_FOLLOWED');
  });

  it('open a module only after its prerequisites are completed, and refuse circles', async () => {
    const { edition } = await onlineEdition();
    const first = await moduleWithPages(edition.pathId, { minMinutes: 0 });
    const second = await moduleWithPages(edition.pathId, {
      titleIt: 'Secondo modulo',
      minMinutes: 0,
      prerequisiteIds: [first.mod.id],
    });
    const circle = await admin.put(apiUrl(r.fad.module, { id: first.mod.id }), {
      titleIt: first.mod.titleIt,
      prerequisiteIds: [second.mod.id],
      revision: first.mod.revision + 2,
    });
    expect(circle.statusCode).toBe(400);
    expect(circle.json().code).toBe('FAD_PREREQUISITE_CYCLE');
    await publish(first.mod.id);
    await publish(second.mod.id);
    await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
    const locked = (await learner.get(apiUrl(r.fad.module, { id: second.mod.id }))).json() as FadModuleView;
    expect(locked.lockedBy).toEqual([first.mod.titleIt]);
    const refused = await beat(learner, second.mod.id, {
      visit: randomUUID(),
      seconds: 0,
      pageId: (second.pages[0] as FadPage).id,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('FAD_MODULE_LOCKED');
    const visit = randomUUID();
    for (const p of first.pages) await beat(learner, first.mod.id, { visit, seconds: 0, pageId: p.id });
    const open = (await learner.get(apiUrl(r.fad.module, { id: second.mod.id }))).json() as FadModuleView;
    expect(open.lockedBy).toEqual([]);
  });

  it('wait for the module’s quiz to be passed when it has one, a quiz of the same path only', async () => {
    const { edition } = await onlineEdition();
    const { mod, pages } = await moduleWithPages(edition.pathId, { minMinutes: 0 });
    const tx = (it: string) => ({ it, en: null });
    const q = await admin.post(`/api/v1/training-paths/${edition.pathId}/questions`, {
      text: tx('Il modulo è chiaro?'),
      content: { kind: 'true_false', correct: true },
      feedback: null,
      points: 1,
      tags: [],
    });
    expect(q.statusCode, q.body).toBe(201);
    const quiz = await admin.post(`/api/v1/training-paths/${edition.pathId}/quizzes`, {
      title: 'Verifica del modulo',
      questionCount: 1,
      tags: [],
      shuffleOptions: false,
      timeLimitMinutes: null,
      passingPct: 100,
      maxAttempts: null,
      feedback: 'full',
      isFinalTest: false,
      active: true,
    });
    expect(quiz.statusCode, quiz.body).toBe(201);
    const quizId = quiz.json().id as number;
    const other = await onlineEdition();
    const foreign = await admin.put(apiUrl(r.fad.module, { id: mod.id }), {
      titleIt: mod.titleIt,
      quizId: (
        await admin.post(`/api/v1/training-paths/${other.edition.pathId}/quizzes`, {
          ...(quiz.json() as Record<string, unknown>),
          id: undefined,
          title: 'Altro',
        })
      ).json().id,
      revision: mod.revision + 2,
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().code).toBe('FAD_OTHER_PATH_QUIZ');
    const set = await admin.put(apiUrl(r.fad.module, { id: mod.id }), {
      titleIt: mod.titleIt,
      quizId,
      status: 'published',
      revision: mod.revision + 2,
    });
    expect(set.statusCode, set.body).toBe(200);
    await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
    const visit = randomUUID();
    for (const p of pages) await beat(learner, mod.id, { visit, seconds: 0, pageId: p.id });
    const before = (
      await beat(learner, mod.id, { visit, seconds: 0, pageId: (pages[0] as FadPage).id })
    ).json();
    expect(before.completedAt).toBeNull();
    const attempt = (await learner.post(`/api/v1/quizzes/${quizId}/attempts`)).json();
    const questionId = attempt.questions[0].id as number;
    const saved = await learner.put(`/api/v1/attempts/${attempt.id}/answers`, {
      answers: [{ questionId, answer: { kind: 'true_false', value: true } }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const submitted = await learner.post(`/api/v1/attempts/${attempt.id}/submit`, { answers: [] });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().result.passed).toBe(true);
    const after = (
      await beat(learner, mod.id, { visit, seconds: 0, pageId: (pages[0] as FadPage).id })
    ).json();
    expect(after.completedAt).not.toBeNull();
  });

  it('reorder pages only with every page once', async () => {
    const { edition } = await onlineEdition();
    const { mod, pages } = await moduleWithPages(edition.pathId);
    const [p1, p2] = pages as [FadPage, FadPage];
    expect((await admin.put(apiUrl(r.fad.pageOrder, { id: mod.id }), { pageIds: [p1.id] })).statusCode).toBe(
      400,
    );
    const res = await admin.put(apiUrl(r.fad.pageOrder, { id: mod.id }), { pageIds: [p2.id, p1.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as FadPage[]).map((p) => p.id)).toEqual([p2.id, p1.id]);
  });
});
