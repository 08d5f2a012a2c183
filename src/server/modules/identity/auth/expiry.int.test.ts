import { desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outbox, sessions, users } from '../../../db/schema/index.js';
import { fixedClock } from '../../../kernel/clock.js';
import { startTestApp } from '../../../test/app.js';
import { LOCK_S, MAX_FAILED_LOGINS, SESSION_IDLE_S, TOUCH_EVERY_MS } from './service.js';

/** The app runs on a fixed clock, moved forward by the tests: links, locks and sessions expire by it. */
const clock = fixedClock('2031-01-15T10:00:00Z');
const t = await startTestApp({ outboxIntervalMs: 3_600_000 }, { clock });
const MIN = 60_000;
const HOUR = 60 * MIN;
const PASSWORD = 'Officina-Demo-2026';

/** The token of the last link e-mailed to an address (read from the outbox). */
async function lastLinkTo(email: string) {
  const [mail] = await t.db
    .select()
    .from(outbox)
    .where(eq(outbox.toAddress, email))
    .orderBy(desc(outbox.id))
    .limit(1);
  const token = /reimposta-password\?token=([\w-]+)/.exec(mail?.textBody ?? '')?.[1];
  if (!token) throw new Error(`no link for ${email}`);
  return token;
}

async function requestReset(email: string) {
  const res = await t.client().post('/api/v1/auth/password-reset', { email });
  expect(res.statusCode).toBe(202);
  return lastLinkTo(email);
}

const confirm = (token: string, password: string) =>
  t.client().post('/api/v1/auth/password-reset/confirm', { token, password });

describe('links, locks and sessions expire by the app clock', () => {
  it('refuses a password-reset link an hour after it was sent', async () => {
    const email = 'discente.bergamo@officina.demo';
    const stale = await requestReset(email);
    clock.advance(HOUR + MIN);
    const refused = await confirm(stale, 'Nuova-Password-Lunga-1');
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().code).toBe('INVALID_TOKEN');

    const fresh = await requestReset(email);
    clock.advance(HOUR - MIN);
    expect((await confirm(fresh, 'Nuova-Password-Lunga-1')).statusCode).toBe(200);
    expect((await t.client().login(email, 'Nuova-Password-Lunga-1')).statusCode).toBe(200);
  });

  it('keeps an invitation link for seven days', async () => {
    const invite = async (email: string) => {
      const admin = await t.as('admin@officina.demo');
      const res = await admin.post('/api/v1/users', { email, name: 'Persona Invitata', unitId: null });
      expect(res.statusCode, res.body).toBe(201);
      return lastLinkTo(email);
    };
    const kept = await invite('invitata.in.tempo@example.org');
    clock.advance(7 * 24 * HOUR - MIN);
    expect((await confirm(kept, 'Password-Invito-Lunga-1')).statusCode).toBe(200);

    const lapsed = await invite('invitata.in.ritardo@example.org');
    clock.advance(7 * 24 * HOUR + MIN);
    const refused = await confirm(lapsed, 'Password-Invito-Lunga-1');
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().code).toBe('INVALID_TOKEN');
  });

  it('locks an account for 15 minutes after repeated failures, then lets the right password in', async () => {
    const email = 'moderatore@officina.demo';
    let address = 0;
    // Each attempt from its own address, clear of the per-address throttle.
    const attempt = (password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: `10.8.0.${++address}`,
        payload: { email, password },
      });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++)
      expect((await attempt('not-the-password')).statusCode).toBe(401);
    const locked = await attempt(PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBe(LOCK_S);
    clock.advance(LOCK_S * 1000 - MIN);
    const still = await attempt(PASSWORD);
    expect(still.statusCode).toBe(429);
    expect(Number(still.headers['retry-after'])).toBe(60);
    clock.advance(2 * MIN);
    expect((await attempt(PASSWORD)).statusCode).toBe(200);
  });

  it('ends a session after 8 idle hours, and extends it while it is used', async () => {
    const c = await t.as('formatore@officina.demo');
    clock.advance(SESSION_IDLE_S * 1000 - MIN);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    clock.advance(SESSION_IDLE_S * 1000 - MIN);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    clock.advance(SESSION_IDLE_S * 1000 + MIN);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('writes the extended expiry when it has moved enough, not on every request', async () => {
    const email = 'discente.sassari@officina.demo';
    const c = await t.as(email);
    const [user] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, email));
    const expiry = async () => {
      const rows = await t.db
        .select({ expiresAt: sessions.expiresAt })
        .from(sessions)
        .where(eq(sessions.userId, user?.id ?? ''));
      // The newest session of the person is the one signed in here.
      return Math.max(...rows.map((r) => r.expiresAt.getTime()));
    };
    const signedIn = await expiry();
    clock.advance(TOUCH_EVERY_MS - MIN);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    expect((await c.get('/api/v1/me/enrolments')).statusCode).toBe(200);
    expect(await expiry()).toBe(signedIn);
    clock.advance(2 * MIN);
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    expect(await expiry()).toBe(clock.now().getTime() + SESSION_IDLE_S * 1000);
  });
});
