import { describe, expect, it } from 'vitest';
import { startTestApp } from '../../../test/app.js';
import { MAX_FAILED_LOGINS } from './service.js';

const t = await startTestApp();
const PASSWORD = 'Officina-Demo-2026';

describe('sign in and sessions', () => {
  it('signs in, sets an httpOnly SameSite=Lax session cookie and answers /me', async () => {
    const c = t.client();
    const res = await c.post('/api/v1/auth/login', { email: 'ADMIN@officina.demo', password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((k) => k.name === 'officina_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const me = await c.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      email: 'admin@officina.demo',
      can: { manageUsers: true, viewAudit: true },
    });
    const audit = (await c.get('/api/v1/audit-log?action=auth.login&actor=admin@officina.demo')).json();
    expect(audit.items[0]).toMatchObject({
      entityType: 'user',
      actorEmail: 'admin@officina.demo',
      ip: c.remoteAddress,
    });
  });

  it('refuses wrong credentials with 401 and a message in Italian or English', async () => {
    const c = t.client();
    const it1 = await c.post('/api/v1/auth/login', {
      email: 'formatore@officina.demo',
      password: 'wrong-password-123',
    });
    expect(it1.statusCode).toBe(401);
    expect(it1.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: 'E-mail o password non corretti.' });
    c.lang = 'en';
    const unknown = await c.post('/api/v1/auth/login', {
      email: 'nobody@officina.demo',
      password: 'whatever-123456',
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().message).toBe('Wrong e-mail or password.');
  });

  it('rejects a malformed body with 400 and field details', async () => {
    const res = await t.client().post('/api/v1/auth/login', { email: '' });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_ERROR');
    expect(body.message).toMatch(/Controlla questi campi/);
    expect(body.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['body.email', 'body.password']),
    );
  });

  it('tells pages whether someone is signed in, without a 401', async () => {
    const anon = await t.client().get('/api/v1/auth/session');
    expect(anon.statusCode).toBe(200);
    expect(anon.json()).toEqual({ me: null });
    const c = await t.as('formatore@officina.demo');
    expect((await c.get('/api/v1/auth/session')).json().me).toMatchObject({
      email: 'formatore@officina.demo',
      roles: [{ role: 'trainer' }],
    });
  });

  it('answers 401 on /me without a session and after logout', async () => {
    const c = await t.as('discente.cuneo@officina.demo');
    expect((await c.get('/api/v1/me')).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(200);
    const after = await c.get('/api/v1/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('UNAUTHENTICATED');
  });

  it('locks the account after repeated failures, with 429 even for the right password', async () => {
    const email = 'moderatore@officina.demo';
    // Each attempt from its own address, so that the per-address throttle does not interfere.
    const attempt = (password: string, i: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: `10.9.0.${i}`,
        payload: { email, password },
      });
    for (let i = 0; i < MAX_FAILED_LOGINS; i++)
      expect((await attempt('not-the-password', i)).statusCode).toBe(401);
    const locked = await attempt(PASSWORD, 99);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    const admin = await t.as('admin@officina.demo');
    const audit = (await admin.get('/api/v1/audit-log?action=auth.locked')).json();
    expect(audit.items[0]).toMatchObject({
      entityType: 'user',
      details: { failedLogins: MAX_FAILED_LOGINS },
    });
  });

  it('throttles sign-in attempts from one address with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.8.0.1',
        payload: { email: `x${i}@example.org`, password: 'whatever-123456' },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated mutation without the CSRF token', async () => {
    const c = await t.as('discente2.cuneo@officina.demo');
    c.forgetCsrf();
    const res = await c.patch('/api/v1/me', { name: 'Hacked Name' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_INVALID');
    c.setCsrf('forged-token');
    expect((await c.patch('/api/v1/me', { name: 'Hacked Name' })).statusCode).toBe(403);
    await c.refreshCsrf();
    const ok = await c.patch('/api/v1/me', { name: 'Giulia Discente Rossi' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().name).toBe('Giulia Discente Rossi');
  });
});

describe('password change', () => {
  it('checks the current password and the policy, then signs out the other sessions', async () => {
    const email = 'discente.bergamo@officina.demo';
    const here = await t.as(email);
    const elsewhere = await t.as(email);
    const wrong = await here.post('/api/v1/me/password', {
      currentPassword: 'nope-nope-nope',
      newPassword: 'Una-Nuova-Password-42',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('WRONG_PASSWORD');
    const weak = await here.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({
      code: 'WEAK_PASSWORD',
      message: expect.stringContaining('almeno 12 caratteri'),
    });
    const ok = await here.post('/api/v1/me/password', {
      currentPassword: PASSWORD,
      newPassword: 'Una-Nuova-Password-42',
    });
    expect(ok.statusCode).toBe(200);
    expect((await here.get('/api/v1/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).statusCode).toBe(401);
    const relogin = await t.client().post('/api/v1/auth/login', { email, password: 'Una-Nuova-Password-42' });
    expect(relogin.statusCode).toBe(200);
  });
});
