import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../../../common/api-routes.js';
import type { FadModuleSummary, FadModuleView, ScormLaunch } from '../../../../common/fad.js';
import { attendance, fadProgress, scormFiles, scormPackages } from '../../../db/schema/index.js';
import { fixedClock } from '../../../kernel/clock.js';
import { startTestApp } from '../../../test/app.js';
import type { TestClient } from '../../../test/client.js';
import { confirmedEnrolment, makeEdition, userByEmail } from '../../../test/training.js';
import { MANIFEST_12, MANIFEST_2004 } from './scorm/test-manifests.js';

const clock = fixedClock(new Date());
// No SESSION_SECRET: the content key comes from the secret kept in the database, as on a default install.
const t = await startTestApp({ sessionSecret: undefined }, { clock });
const admin = await t.as('admin@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const other = await t.as('discente.bergamo@officina.demo');
const learnerId = (await userByEmail(t, 'discente.cuneo@officina.demo')).id;
const CONTENT_HOST = new URL(t.config.scormContentUrl as string).host;

const enc = (s: string) => new TextEncoder().encode(s);
const zip12 = (extra: Record<string, Uint8Array> = {}) =>
  zipSync({
    'imsmanifest.xml': enc(MANIFEST_12),
    'Playing/Playing.html': enc('<!doctype html><title>SCO</title><script src="../shared/sco.js"></script>'),
    'shared/style.css': enc('body{}'),
    'shared/sco.js': enc('/* sco */'),
    ...extra,
  });
const unzipped = (zip: Uint8Array) => unzipSync(zip);
const zip2004 = () =>
  zipSync({
    'imsmanifest.xml': enc(MANIFEST_2004),
    'content/etiquette/index.html': enc('<p>2004</p>'),
    'content/other.html': enc('<p>other</p>'),
  });

function multipart(content: Uint8Array, filename = 'pacchetto.zip') {
  const boundary = '----scorm-test';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/zip\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (c: TestClient, id: number, content: Uint8Array, filename?: string) =>
  c.request('POST', apiUrl(r.fad.scorm, { id }), undefined, multipart(content, filename));

/** A path with an edition holding a two-hour online session, a SCORM module linked to it, the learner enrolled. */
async function scormModule(minMinutes = 0) {
  const edition = await makeEdition(admin, {
    sessions: [{ day: 0, start: '00:00', end: '02:00', mode: 'online', title: 'Modulo SCORM' }],
    closesInDays: 1,
  });
  const sessions = (await admin.get(apiUrl(r.fad.pathSessions, { pathId: edition.pathId }))).json().items;
  const res = await admin.post(apiUrl(r.fad.pathModules, { pathId: edition.pathId }), {
    titleIt: 'Modulo SCORM',
    kind: 'scorm',
    minMinutes,
  });
  expect(res.statusCode, res.body).toBe(201);
  const mod = res.json() as FadModuleSummary;
  await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
  const sessionId = sessions[0].sessionId as number;
  expect((await admin.put(apiUrl(r.fad.sessionModule, { sessionId }), { moduleId: mod.id })).statusCode).toBe(
    200,
  );
  return { mod, edition, sessionId };
}

async function publish(id: number) {
  const m = (await admin.get(apiUrl(r.fad.module, { id }))).json() as FadModuleView;
  return admin.put(apiUrl(r.fad.module, { id }), {
    titleIt: m.titleIt,
    minMinutes: m.minMinutes,
    status: 'published',
    revision: m.revision,
  });
}

const content = (url: string, host = CONTENT_HOST) =>
  t.app.inject({ method: 'GET', url: new URL(url).pathname, headers: { host } });

describe('SCORM modules', () => {
  it('take a good 1.2 package, replace it with a 2004 one atomically, and refuse broken ones leaving the old in place', async () => {
    const { mod } = await scormModule();
    expect((await publish(mod.id)).json().code).toBe('FAD_MODULE_EMPTY');
    // A pages module takes no package; a SCORM module takes no pages; only catalogue managers upload.
    expect((await admin.post(apiUrl(r.fad.pages, { id: mod.id }), { titleIt: 'x' })).json().code).toBe(
      'FAD_NOT_PAGES',
    );
    expect((await upload(learner, mod.id, zip12())).statusCode).toBe(403);

    const first = await upload(admin, mod.id, zip12());
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().scorm).toMatchObject({
      version: '1.2',
      launch: 'Playing/Playing.html?lesson=1',
      fileCount: 4,
    });
    const [pkg] = await t.db.select().from(scormPackages).where(eq(scormPackages.moduleId, mod.id));

    const broken: [string, Uint8Array, RegExp][] = [
      ['not a zip', enc('%PDF-1.4 not a zip at all'), /not a zip archive/],
      ['zip-slip', zipSync({ 'imsmanifest.xml': enc(MANIFEST_12), '../evil.html': enc('x') }), /climbs/],
      ['no manifest', zipSync({ 'index.html': enc('x') }), /imsmanifest.xml is missing/],
      ['missing launch', zipSync({ 'imsmanifest.xml': enc(MANIFEST_12) }), /launch file/],
    ];
    for (const [name, zip, message] of broken) {
      const res = await admin.request('POST', apiUrl(r.fad.scorm, { id: mod.id }), undefined, {
        ...multipart(zip, `${name}.zip`),
        headers: { ...multipart(zip).headers, 'accept-language': 'en' },
      });
      expect(res.statusCode, name).toBe(400);
      expect(res.json().code, name).toBe('SCORM_PACKAGE_INVALID');
      expect(res.json().message, name).toMatch(message);
    }
    // Nothing half-installed: the first package and its files are as they were.
    const files = await t.db
      .select({ path: scormFiles.path })
      .from(scormFiles)
      .where(eq(scormFiles.packageId, pkg?.id ?? 0));
    expect(files.map((f) => f.path).sort()).toEqual([
      'Playing/Playing.html',
      'imsmanifest.xml',
      'shared/sco.js',
      'shared/style.css',
    ]);

    const second = await upload(admin, mod.id, zip2004());
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().scorm).toMatchObject({
      version: '2004',
      launch: 'content/etiquette/index.html#start',
    });
    const after = await t.db
      .select({ path: scormFiles.path })
      .from(scormFiles)
      .where(eq(scormFiles.packageId, pkg?.id ?? 0));
    expect(after.map((f) => f.path).sort()).toEqual([
      'content/etiquette/index.html',
      'content/other.html',
      'imsmanifest.xml',
    ]);
    expect((await publish(mod.id)).statusCode).toBe(200);
  });

  it('take a package larger than the 5 MB of other uploads', async () => {
    const { mod } = await scormModule();
    const big = zipSync(
      { ...unzipped(zip12()), 'media/video.mp4': new Uint8Array(6 * 1024 * 1024) },
      { level: 0 },
    );
    expect(big.length).toBeGreaterThan(6 * 1024 * 1024);
    const res = await upload(admin, mod.id, big);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json().scorm.totalBytes).toBeGreaterThan(6 * 1024 * 1024);
  });

  it('serve a package only on the content origin, with a valid token, and safe headers', async () => {
    const { mod } = await scormModule();
    await upload(admin, mod.id, zip12());
    await publish(mod.id);
    // Only enrolled people launch.
    expect((await other.get(apiUrl(r.fad.scormLaunch, { id: mod.id }))).statusCode).toBe(404);
    const launch = (await learner.get(apiUrl(r.fad.scormLaunch, { id: mod.id }))).json() as ScormLaunch;
    expect(launch).toMatchObject({
      version: '1.2',
      contentOrigin: t.config.scormContentUrl,
      seq: 0,
      cmi: {},
    });
    const base = launch.playerUrl.replace(/__officina\/player\.html$/, '');

    const player = await content(launch.playerUrl);
    expect(player.statusCode).toBe(200);
    expect(player.headers['content-security-policy']).toMatch(/frame-ancestors http:\/\/localhost:3000(;|$)/);
    expect(player.headers['x-frame-options']).toBeUndefined();
    expect(player.body).toContain('data-launch="Playing/Playing.html?lesson=1"');
    expect((await content(`${base}__officina/scorm-again.min.js`)).body).toContain('Scorm12API');

    const sco = await content(`${base}Playing/Playing.html?lesson=1`);
    expect(sco.statusCode).toBe(200);
    expect(sco.headers).toMatchObject({
      'content-type': 'text/html; charset=utf-8',
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=300',
    });
    expect(sco.headers['set-cookie']).toBeUndefined();
    expect(sco.headers['content-security-policy']).toMatch(/frame-ancestors http:\/\/localhost:3000 'self'/);
    expect((await content(`${base}shared/sco.js`)).headers['content-type']).toBe(
      'text/javascript; charset=utf-8',
    );

    // The app's host never serves it; a forged or foreign token, a path leaving the package: 404.
    expect((await content(`${base}Playing/Playing.html`, 'localhost:3000')).statusCode).toBe(404);
    expect(
      (await content(`${base.replace(/\.[\w-]{43}\/$/, `.${'A'.repeat(43)}/`)}Playing/Playing.html`))
        .statusCode,
    ).toBe(404);
    expect((await content(`${base}..%2Fimsmanifest.xml`)).statusCode).toBe(404);
    expect((await content(`${base}nothing.html`)).statusCode).toBe(404);
    // The app's own pages now allow the content origin in frames.
    const app = await learner.get('/api/v1/me');
    expect(app.headers['content-security-policy']).toContain(`frame-src ${t.config.scormContentUrl}`);
  });

  it('keep the highest commit, count each visit once, and write the ledger at completion', async () => {
    const { mod, sessionId } = await scormModule(0);
    await upload(admin, mod.id, zip12());
    await publish(mod.id);
    const launch = (await learner.get(apiUrl(r.fad.scormLaunch, { id: mod.id }))).json() as ScormLaunch;
    const commit = (seq: number, cmi: Record<string, unknown>, visit = launch.visit) =>
      learner.post(apiUrl(r.fad.scormCommit, { id: mod.id }), { seq, visit, cmi });
    const core = (status: string, session: string) => ({
      suspend_data: 'pagina=2',
      core: {
        lesson_status: status,
        lesson_location: 'p2',
        session_time: session,
        exit: 'suspend',
        score: { raw: '70', max: '100' },
      },
    });

    clock.advance(7 * 60_000);
    const one = (await commit(1, core('incomplete', '00:07:00'))).json();
    expect(one).toMatchObject({
      saved: true,
      seq: 1,
      status: 'incomplete',
      complete: false,
      totalSeconds: 420,
    });
    expect((await ledgerRow(sessionId))?.minutes).toBe(7);
    // The same seq again, and an older one: nothing changes.
    expect((await commit(1, core('completed', '00:07:00'))).json()).toMatchObject({
      saved: false,
      status: 'incomplete',
    });
    // A race of the same seq: one is kept.
    const race = await Promise.all([
      commit(2, core('incomplete', '00:07:00')),
      commit(2, core('incomplete', '00:07:00')),
    ]);
    expect(race.map((x) => x.json().saved).sort()).toEqual([false, true]);
    // A session time beyond the time since the visit began is capped.
    const capped = (await commit(3, core('incomplete', '05:00:00'))).json();
    expect(capped.totalSeconds).toBe(420 + 30);

    // A second visit resumes with the saved data, and its time adds to the first's once.
    const again = (await learner.get(apiUrl(r.fad.scormLaunch, { id: mod.id }))).json() as ScormLaunch;
    expect(again.seq).toBe(3);
    expect(again.cmi).toMatchObject({
      suspend_data: 'pagina=2',
      core: { entry: 'resume', total_time: '0000:07:30' },
    });
    clock.advance(3 * 60_000);
    const done = (await commit(4, core('completed', '00:03:00'), again.visit)).json();
    expect(done).toMatchObject({ saved: true, complete: true, totalSeconds: 450 + 180 });
    expect((await ledgerRow(sessionId))?.minutes).toBe(120);
    const [p] = await t.db
      .select()
      .from(fadProgress)
      .where(and(eq(fadProgress.userId, learnerId), eq(fadProgress.moduleId, mod.id)));
    expect(p?.completedAt).not.toBeNull();
    // A late commit of the first visit, repeated: no time counted twice.
    expect((await commit(4, core('completed', '00:07:30'))).json().saved).toBe(false);
    expect((await commit(5, core('completed', '00:07:30'))).json().totalSeconds).toBe(450 + 180);
    // A visit id that is not the learner's is refused.
    expect((await commit(6, core('completed', '00:01:00'), randomUUID())).statusCode).toBe(409);
  });

  it('complete a 2004 package on completion_status', async () => {
    const { mod, sessionId } = await scormModule(0);
    await upload(admin, mod.id, zip2004());
    await publish(mod.id);
    const launch = (await learner.get(apiUrl(r.fad.scormLaunch, { id: mod.id }))).json() as ScormLaunch;
    clock.advance(60_000);
    const res = await learner.post(apiUrl(r.fad.scormCommit, { id: mod.id }), {
      seq: 1,
      visit: launch.visit,
      cmi: { completion_status: 'completed', success_status: 'unknown', session_time: 'PT1M' },
    });
    expect(res.json()).toMatchObject({ saved: true, complete: true, totalSeconds: 60 });
    expect((await ledgerRow(sessionId))?.minutes).toBe(120);
  });
});

async function ledgerRow(sessionId: number) {
  const [row] = await t.db
    .select()
    .from(attendance)
    .where(and(eq(attendance.sessionId, sessionId), eq(attendance.userId, learnerId)));
  return row;
}
