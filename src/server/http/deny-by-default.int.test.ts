import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../test/app.js';

const t = await startTestApp();

/** A concrete address for a route pattern: every parameter becomes 1. */
const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '1');

describe('deny by default', () => {
  const api = t.routes.filter((r) => r.url.startsWith('/api/'));
  const privateRoutes = api.filter((r) => !r.public);
  const publicRoutes = api.filter((r) => r.public);

  it('knows the whole API: most routes are private, a few are declared public', () => {
    expect(privateRoutes.length).toBeGreaterThan(60);
    expect(publicRoutes.map((r) => `${r.method} ${r.url}`)).toContain('GET /api/v1/public/calendar');
    expect(publicRoutes.map((r) => `${r.method} ${r.url}`)).toContain('POST /api/v1/auth/login');
  });

  it.each(privateRoutes.map((r) => [r.method, r.url] as const))(
    'answers 401 to an anonymous %s %s',
    async (method, url) => {
      const res = await t.app.inject({
        method: method as 'GET',
        url: concrete(url),
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
        ...(method === 'GET' || method === 'HEAD' ? {} : { payload: '{}' }),
      });
      expect(res.statusCode).toBe(401);
      if (method !== 'HEAD')
        expect(res.json()).toEqual({ code: 'UNAUTHENTICATED', message: 'You need to sign in.' });
    },
  );

  it.each(publicRoutes.filter((r) => r.method === 'GET').map((r) => [r.url] as const))(
    'lets an anonymous visitor reach the public GET %s',
    async (url) => {
      const res = await t.app.inject({ method: 'GET', url: concrete(url) });
      expect(res.statusCode).not.toBe(401);
    },
  );

  it('judges by the route matched, not the raw address: an encoded or absolute-form /api address is refused too', async () => {
    for (const url of ['/%61pi/v1/editions/1/seats', '/%61%70%69/v1/me/enrolments'])
      expect((await t.app.inject({ url })).statusCode, url).toBe(401);
    // Absolute-form request targets only travel over a real connection.
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: 'http://x/api/v1/editions/1/seats' }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(401);
  });

  it('refuses a session cookie that does not resolve, like no session at all', async () => {
    const res = await t.app.inject({ url: '/api/v1/users', cookies: { officina_session: 'forged' } });
    expect(res.statusCode).toBe(401);
  });
});
