import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../http/session.js';
import { cookiePairs, sessionCookie } from './cookie.js';

const secret = 'a-session-secret-of-at-least-32-characters';

/** A server that reads the session cookie the way http/session.ts does. */
async function reader() {
  const app = Fastify();
  await app.register(fastifyCookie, { secret });
  app.get('/', async (req) => {
    const raw = req.cookies[SESSION_COOKIE];
    return raw ? req.unsignCookie(raw) : null;
  });
  return app;
}

describe('sessionCookie', () => {
  it('is read back by @fastify/cookie as the valid raw token', async () => {
    const app = await reader();
    const token = 'tok_en-with/special+chars=';
    const res = await app.inject({ url: '/', headers: { cookie: sessionCookie(token, secret) } });
    expect(res.json()).toEqual({ valid: true, renew: false, value: token });
  });

  it('signed with another secret is not valid', async () => {
    const app = await reader();
    const res = await app.inject({
      url: '/',
      headers: { cookie: sessionCookie('token', 'another-secret-of-at-least-32-characters!') },
    });
    expect(res.json()).toMatchObject({ valid: false });
  });
});

describe('cookiePairs', () => {
  it('keeps the name=value of each Set-Cookie header', () => {
    expect(
      cookiePairs(['officina_csrf=abc.def; Path=/; HttpOnly; SameSite=Lax', 'x=1', 'garbage; Path=/']),
    ).toEqual(['officina_csrf=abc.def', 'x=1']);
  });
});
