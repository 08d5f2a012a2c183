import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { Edition, Session } from '../../../../common/catalogue.js';
import { addDays, romeDate, romeInstant } from '../../../../common/rome-time.js';
import { buildApp } from '../../../app.js';
import { editionSessions } from '../../../db/schema/index.js';
import { fixedClock } from '../../../kernel/clock.js';
import { startTestApp } from '../../../test/app.js';
import { TestClient } from '../../../test/client.js';

/**
 * The public reads are served from each instance's public cache: a change made through the API shows
 * at once on the instance that made it; anything else (another instance, a direct write) within the
 * max-age the route announces. The app runs on a clock the test moves.
 */
const clock = fixedClock(new Date());
const t = await startTestApp({}, { clock });
const admin = await t.as('admin@officina.demo');
const anon = t.client();

// A second instance on the same database, with its own cache (as two processes behind a balancer).
const other = await buildApp({ config: t.config, database: t.database, clock });
await other.app.ready();
afterAll(() => other.app.close());
const anonOther = new TestClient(other.app);

const APPALTI = 'appalti-pubblici-nuovo-codice';
const today = romeDate(new Date());
const at = (day: number, time: string) => romeInstant(addDays(today, day), time).toISOString();
const appaltiId = (await anon.get(`/api/v1/public/paths/${APPALTI}`)).json().id as number;

async function publishedEdition(day: number) {
  const res = await admin.post('/api/v1/editions', {
    pathId: appaltiId,
    title: `Edizione di prova ${day}`,
    startsOn: addDays(today, day),
    endsOn: addDays(today, day),
    capacity: 20,
    enrolmentOpensAt: at(-1, '09:00'),
    enrolmentClosesAt: at(day - 1, '18:00'),
    online: true,
    venueName: null,
    venueAddress: null,
    venueUnitId: null,
    trainerIds: [],
  });
  expect(res.statusCode, res.body).toBe(201);
  const edition = res.json() as Edition;
  const s = await admin.post(`/api/v1/editions/${edition.id}/sessions`, {
    title: 'Incontro iniziale',
    startsAt: at(day, '10:00'),
    endsAt: at(day, '12:00'),
    mode: 'webinar',
  });
  expect(s.statusCode, s.body).toBe(201);
  const published = await admin.post(`/api/v1/editions/${edition.id}/status`, { status: 'published' });
  expect(published.statusCode, published.body).toBe(200);
  return { edition, session: s.json() as Session };
}

/** An iCalendar body with its folded lines joined again. */
const unfold = (body: string) => body.replace(/\r\n /g, '');

const renameSession = async (e: { edition: Edition; session: Session }, title: string) => {
  const res = await admin.patch(`/api/v1/editions/${e.edition.id}/sessions/${e.session.id}`, {
    title,
    startsAt: e.session.startsAt,
    endsAt: e.session.endsAt,
    mode: e.session.mode,
  });
  expect(res.statusCode, res.body).toBe(200);
};

const e1 = await publishedEdition(20);
const urls = {
  calendar: '/api/v1/public/calendar',
  ics: '/calendar.ics',
  paths: '/api/v1/public/paths',
  path: `/api/v1/public/paths/${APPALTI}`,
  edition: `/api/v1/public/editions/${e1.edition.id}`,
};

describe('public reads from the public cache', () => {
  it('answers again from the cache, with the same ETag, a 304 to If-None-Match and Last-Modified', async () => {
    for (const url of Object.values(urls)) {
      const first = await anon.get(url);
      expect(first.statusCode, url).toBe(200);
      expect(first.headers['cache-control'], url).toMatch(/^public, max-age=(60|300)$/);
      const etag = first.headers.etag as string;
      expect(etag, url).toMatch(/^"[\w+/=]+"$/);
      const again = await anon.get(url);
      expect(again.body, url).toBe(first.body);
      expect(again.headers.etag, url).toBe(etag);
      const revalidated = await anon.request('GET', url, undefined, { headers: { 'if-none-match': etag } });
      expect(revalidated.statusCode, url).toBe(304);
      expect(revalidated.body, url).toBe('');
      const changed = await anon.request('GET', url, undefined, { headers: { 'if-none-match': '"other"' } });
      expect(changed.statusCode, url).toBe(200);
    }
    const cal = await anon.get(urls.calendar);
    expect(new Date(cal.headers['last-modified'] as string).getTime()).toBeGreaterThan(0);
    expect(cal.headers['content-type']).toBe('application/json; charset=utf-8');
    expect((await anon.get(urls.ics)).headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(t.publicCache.stats().entries).toBeGreaterThanOrEqual(5);
  });

  it('sends a large answer gzipped to a client that takes it, the same bytes once unzipped', async () => {
    for (const url of [urls.calendar, urls.ics, urls.paths]) {
      const plain = await anon.get(url);
      expect(plain.headers['content-encoding'], url).toBeUndefined();
      expect(String(plain.headers.vary), url).toContain('accept-encoding');
      const zipped = await anon.request('GET', url, undefined, {
        headers: { 'accept-encoding': 'gzip, br' },
      });
      expect(zipped.statusCode, url).toBe(200);
      expect(zipped.headers['content-encoding'], url).toBe('gzip');
      expect(zipped.headers.etag, url).toBe(plain.headers.etag);
      expect(gunzipSync(zipped.rawPayload).toString('utf8'), url).toBe(plain.body);
      expect(zipped.rawPayload.length, url).toBeLessThan(plain.rawPayload.length);
      // A client that refuses gzip gets the plain body.
      const refused = await anon.request('GET', url, undefined, {
        headers: { 'accept-encoding': 'gzip;q=0, identity' },
      });
      expect(refused.headers['content-encoding'], url).toBeUndefined();
      expect(refused.body, url).toBe(plain.body);
    }
  });

  it('shows a change made through the API on this instance at once, in every public answer', async () => {
    for (const url of Object.values(urls)) expect((await anon.get(url)).statusCode).toBe(200);
    await renameSession(e1, 'Incontro rinominato subito');
    expect((await anon.get(urls.calendar)).body).toContain('Incontro rinominato subito');
    expect(unfold((await anon.get(urls.ics)).body)).toContain('Incontro rinominato subito');
    expect((await anon.get(urls.edition)).body).toContain('Incontro rinominato subito');

    const before = {
      upcoming: (await anon.get(urls.paths)).json().items.find((p: { slug: string }) => p.slug === APPALTI)
        .upcomingEditions as number,
      editions: (await anon.get(urls.path)).json().editions.length as number,
    };
    await publishedEdition(21);
    const paths = (await anon.get(urls.paths)).json();
    expect(paths.items.find((p: { slug: string }) => p.slug === APPALTI).upcomingEditions).toBe(
      before.upcoming + 1,
    );
    expect((await anon.get(urls.path)).json().editions).toHaveLength(before.editions + 1);
  });

  it('serves a change made elsewhere no later than max-age: 60 s for JSON, 300 s for the iCalendar feed', async () => {
    for (const url of Object.values(urls)) expect((await anon.get(url)).statusCode).toBe(200);
    // As another instance or a background job would: straight to the database, nothing on this instance.
    await t.db
      .update(editionSessions)
      .set({ title: 'Titolo scritto altrove' })
      .where(eq(editionSessions.id, e1.session.id));
    expect((await anon.get(urls.calendar)).body).not.toContain('Titolo scritto altrove');
    expect(unfold((await anon.get(urls.ics)).body)).not.toContain('Titolo scritto altrove');
    clock.advance(59_000);
    expect((await anon.get(urls.edition)).body).not.toContain('Titolo scritto altrove');
    clock.advance(2_000);
    expect((await anon.get(urls.calendar)).body).toContain('Titolo scritto altrove');
    expect((await anon.get(urls.edition)).body).toContain('Titolo scritto altrove');
    expect(unfold((await anon.get(urls.ics)).body)).not.toContain('Titolo scritto altrove');
    clock.advance(240_000);
    expect(unfold((await anon.get(urls.ics)).body)).toContain('Titolo scritto altrove');
  });

  it('never mixes the anonymous edition answer with a signed-in one, and keeps no signed-in answer', async () => {
    const learner = await t.as('discente.cuneo@officina.demo');
    const anonymous = await anon.get(urls.edition);
    expect(anonymous.json().enrolment).toBeUndefined();
    const kept = t.publicCache.stats().entries;
    for (let i = 0; i < 2; i++) {
      const mine = await learner.get(urls.edition);
      expect(mine.statusCode).toBe(200);
      expect(mine.headers['cache-control']).toBe('private, no-store');
      expect(mine.json().enrolment).toBeDefined();
      expect(t.publicCache.stats().entries).toBe(kept);
      const again = await anon.get(urls.edition);
      expect(again.json().enrolment).toBeUndefined();
      expect(again.headers['cache-control']).toBe('public, max-age=60');
      expect(again.headers.vary).toBe('cookie, accept-language, accept-encoding');
    }
  });

  it('keeps another instance on the same database within max-age of a change made on the first', async () => {
    await anonOther.get(urls.calendar);
    await anonOther.get(urls.edition);
    await renameSession(e1, 'Incontro rinominato sulla prima istanza');
    expect((await anon.get(urls.calendar)).body).toContain('Incontro rinominato sulla prima istanza');
    // The other instance may still answer from its cache, but no longer than the announced max-age.
    expect((await anonOther.get(urls.calendar)).body).not.toContain(
      'Incontro rinominato sulla prima istanza',
    );
    clock.advance(60_001);
    expect((await anonOther.get(urls.calendar)).body).toContain('Incontro rinominato sulla prima istanza');
    expect((await anonOther.get(urls.edition)).body).toContain('Incontro rinominato sulla prima istanza');
  });

  it('does not keep an error, and grows no further than its budget', async () => {
    const kept = t.publicCache.stats().entries;
    const missing = await anon.get('/api/v1/public/editions/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(t.publicCache.stats().entries).toBe(kept);
    const budget = await startTestApp({ publicCacheBytes: 20_000 }, { clock, demo: true });
    const c = budget.client();
    for (let page = 1; page <= 30; page++)
      expect((await c.get(`/api/v1/public/calendar?pageSize=1&page=${page}`)).statusCode).toBe(200);
    for (let i = 0; i < 8; i++)
      expect((await c.get(`/calendar.ics?from=${addDays(today, i)}`)).statusCode).toBe(200);
    const { entries, bytes } = budget.publicCache.stats();
    expect(bytes).toBeLessThanOrEqual(20_000);
    expect(entries).toBeGreaterThan(0);
    expect(entries).toBeLessThan(38);
  });
});
