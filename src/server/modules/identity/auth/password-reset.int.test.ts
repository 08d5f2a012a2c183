import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { userTokens } from '../../../db/schema/index.js';
import { hashToken } from '../../../kernel/tokens.js';
import { startTestApp } from '../../../test/app.js';
import { decodeQuotedPrintable, startSmtp } from '../../../test/smtp.js';

const smtp = await startSmtp();
afterAll(smtp.close);
const t = await startTestApp({ smtpUrl: smtp.url });

let requests = 0;

/** Asks for a reset, lets the outbox deliver it, and returns the token from the e-mail that arrived. */
async function requestReset(email: string): Promise<string> {
  const before = smtp.received.length;
  const client = t.client();
  client.remoteAddress = `10.7.0.${++requests}`; // clear of the per-address throttle
  const res = await client.post('/api/v1/auth/password-reset', { email });
  expect(res.statusCode).toBe(202);
  await t.services.worker.runOnce();
  const mail = smtp.received.slice(before).find((m) => m.to.includes(email));
  if (!mail) throw new Error(`no e-mail reached ${email}`);
  const token = /reimposta-password\?token=([\w-]+)/.exec(decodeQuotedPrintable(mail.raw))?.[1];
  if (!token) throw new Error('no link in the e-mail');
  return token;
}

describe('password reset by e-mail', () => {
  it('delivers a link over SMTP; the link sets a new password once and signs out every session', async () => {
    const email = 'discente.cuneo@officina.demo';
    const session = await t.as(email);
    const token = await requestReset(email);
    const last = smtp.received.at(-1);
    expect(last?.raw).toContain('Subject: Officina: reimposta la password');

    const anon = t.client();
    const ok = await anon.post('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'Nuova-Password-Lunga-1',
    });
    expect(ok.statusCode).toBe(200);
    expect((await session.get('/api/v1/me')).statusCode).toBe(401);
    expect(
      (await anon.post('/api/v1/auth/login', { email, password: 'Nuova-Password-Lunga-1' })).statusCode,
    ).toBe(200);
    expect(
      (await t.client().post('/api/v1/auth/login', { email, password: 'Officina-Demo-2026' })).statusCode,
    ).toBe(401);

    const reuse = await anon.post('/api/v1/auth/password-reset/confirm', {
      token,
      password: 'Altra-Password-Lunga-2',
    });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json()).toMatchObject({
      code: 'INVALID_TOKEN',
      message: expect.stringContaining('già stato usato'),
    });
  });

  it('answers the same for an unknown address and sends nothing', async () => {
    const before = smtp.received.length;
    const res = await t.client().post('/api/v1/auth/password-reset', { email: 'nessuno@example.org' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ ok: true });
    await t.services.worker.runOnce();
    expect(smtp.received.length).toBe(before);
  });

  it('refuses an expired link, and a weak password without using up the link', async () => {
    const token = await requestReset('formatore@officina.demo');
    const weak = await t
      .client()
      .post('/api/v1/auth/password-reset/confirm', { token, password: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('WEAK_PASSWORD');
    await t.db
      .update(userTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(userTokens.tokenHash, hashToken(token)));
    const expired = await t
      .client()
      .post('/api/v1/auth/password-reset/confirm', { token, password: 'Valida-Ma-Tardi-99' });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().code).toBe('INVALID_TOKEN');
  });

  it('a newer link replaces the older one', async () => {
    const first = await requestReset('helpdesk@officina.demo');
    const second = await requestReset('helpdesk@officina.demo');
    const old = await t
      .client()
      .post('/api/v1/auth/password-reset/confirm', { token: first, password: 'Prima-Password-Lunga' });
    expect(old.statusCode).toBe(400);
    const fresh = await t
      .client()
      .post('/api/v1/auth/password-reset/confirm', { token: second, password: 'Seconda-Password-Lunga' });
    expect(fresh.statusCode).toBe(200);
  });

  it('lets only one of two simultaneous uses of the same link succeed', async () => {
    const token = await requestReset('referente.sassari@officina.demo');
    const results = await Promise.all(
      ['Password-Concorrente-A', 'Password-Concorrente-B'].map((password) =>
        t.client().post('/api/v1/auth/password-reset/confirm', { token, password }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 400]);
  });
});

describe('throttling', () => {
  it('answers 429 after five reset requests a minute from one address', async () => {
    const c = t.client();
    c.remoteAddress = '10.6.0.1';
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await c.post('/api/v1/auth/password-reset', { email: `x${i}@example.org` })).statusCode);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
  });
});
