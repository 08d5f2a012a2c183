import { describe, expect, it } from 'vitest';
import { startTestApp } from './test/app.js';
import { registeredRoutes } from './test/routes.js';
import { VERSION } from './version.js';

const t = await startTestApp();

const KNOWN_API_PATHS = [
  '/api/v1/auth/login',
  '/api/v1/auth/logout',
  '/api/v1/auth/csrf',
  '/api/v1/auth/password-reset',
  '/api/v1/auth/password-reset/confirm',
  '/api/v1/me',
  '/api/v1/me/password',
  '/api/v1/users',
  '/api/v1/users/{id}',
  '/api/v1/users/import',
  '/api/v1/users/{id}/roles',
  '/api/v1/users/{id}/roles/{grantId}',
  '/api/v1/users/{id}/invitation',
  '/api/v1/units',
  '/api/v1/units/{id}',
  '/api/v1/reference',
  '/api/v1/audit-log',
  '/api/v1/outbox',
  '/api/health',
];

describe('health', () => {
  it('answers 200 with the database driver in use and the package version', async () => {
    const res = await t.client().get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toEqual({ status: 'ok', database: t.database.driver, version: VERSION });
    expect(['pglite', 'postgres']).toContain(res.json().database);
    expect(res.json().version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('API documentation', () => {
  it('serves an OpenAPI 3 document describing the Officina API', async () => {
    const res = await t.client().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(spec.info).toMatchObject({ title: 'Officina API', version: VERSION });
    expect(spec.components.securitySchemes.session).toMatchObject({ in: 'cookie', name: 'officina_session' });
  });

  it('documents every /api route the app registers, and only those', async () => {
    const spec = (await t.client().get('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { summary?: string; responses?: object }>>;
    };
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries(spec.paths))
      for (const [method, op] of Object.entries(ops)) {
        if (path.startsWith('/api/')) documented.add(`${method.toUpperCase()} ${path}`);
        // A route without a summary or responses is not really documented.
        expect(op.summary, `${method} ${path}`).toBeTruthy();
        expect(Object.keys(op.responses ?? {}).length, `${method} ${path}`).toBeGreaterThan(0);
      }

    const registered = new Set<string>();
    for (const r of registeredRoutes(t.app)) {
      if (!r.path.startsWith('/api/')) continue;
      // The documentation itself is not part of the API it documents.
      if (r.path.startsWith('/api/docs') || r.path === '/api/openapi.json') continue;
      const path = r.path.replace(/:(\w+)/g, '{$1}');
      for (const m of r.methods) if (m !== 'HEAD') registered.add(`${m} ${path}`);
    }
    expect(registered.size).toBeGreaterThanOrEqual(KNOWN_API_PATHS.length);
    expect([...registered].sort()).toEqual([...documented].sort());

    const paths = Object.keys(spec.paths);
    for (const known of KNOWN_API_PATHS) expect(paths).toContain(known);
  });

  it('serves the human documentation at /api/docs as HTML', async () => {
    let res = await t.client().get('/api/docs');
    for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 3; hops++) {
      const location = new URL(String(res.headers.location), 'http://localhost/api/docs');
      res = await t.client().get(location.pathname + location.search);
    }
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
    expect(res.body).toMatch(/swagger/i);
    // Served over plain http here: the page must not ask the browser to switch to https.
    expect(String(res.headers['content-security-policy'])).not.toContain('upgrade-insecure-requests');
  });
});

describe('request ids', () => {
  it('gives every response an x-request-id, a new one per request', async () => {
    const c = t.client();
    const a = await c.get('/api/health');
    const b = await c.get('/api/health');
    const missing = await c.get('/api/v1/does-not-exist');
    for (const res of [a, b, missing]) expect(res.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('echoes the x-request-id set by a load balancer, also on errors', async () => {
    const ok = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'lb-4711-abc' } });
    expect(ok.headers['x-request-id']).toBe('lb-4711-abc');
    const denied = await t.app.inject({ url: '/api/v1/outbox', headers: { 'x-request-id': 'lb-4712-def' } });
    expect(denied.statusCode).toBe(401);
    expect(denied.headers['x-request-id']).toBe('lb-4712-def');
  });

  it('replaces an x-request-id that does not look like one (it is logged and audited)', async () => {
    for (const given of ['a'.repeat(101), 'id with spaces', 'x\u202ey', 'a/b']) {
      const res = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': given } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['x-request-id']).not.toBe(given);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('security headers', () => {
  it.each(['/api/health', '/api/v1/units?pageSize=1', '/api/v1/nowhere'])('are sent on %s', async (url) => {
    const res = await t.client().get(url);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // Plain http here (PUBLIC_URL is http://localhost): no HSTS, no forced upgrade.
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(csp).not.toContain('upgrade-insecure-requests');
  });
});

describe('errors', () => {
  it('answers an unknown /api path with 404 JSON, in Italian by default and in English on request', async () => {
    const c = t.client();
    const it1 = await c.get('/api/v1/nothing-here');
    expect(it1.statusCode).toBe(404);
    expect(it1.headers['content-type']).toMatch(/^application\/json/);
    expect(it1.json()).toEqual({
      code: 'NOT_FOUND',
      message: 'Indirizzo inesistente: GET /api/v1/nothing-here',
    });
    c.lang = 'en';
    const en = await c.request('DELETE', '/api/v2/units', undefined, {
      headers: { accept: 'text/html' },
    });
    expect(en.statusCode).toBe(404);
    expect(en.json()).toEqual({ code: 'NOT_FOUND', message: 'No such address: DELETE /api/v2/units' });
  });

  it('answers a browser asking for an unknown /api page with JSON, not the web app', async () => {
    const res = await t.app.inject({ url: '/api/v1/nope', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });

  it('refuses a body that is not valid JSON with 400 INVALID_JSON', async () => {
    const send = (lang: string, url = '/api/v1/auth/login') =>
      t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/json', 'accept-language': lang },
        payload: '{"istatCode": "999",',
      });
    const it1 = await send('it-IT,it;q=0.9');
    expect(it1.statusCode).toBe(400);
    expect(it1.json()).toEqual({
      code: 'INVALID_JSON',
      message: 'Il corpo della richiesta non è un JSON valido.',
    });
    const en = await send('en-GB,en;q=0.9');
    expect(en.statusCode).toBe(400);
    expect(en.json()).toEqual({ code: 'INVALID_JSON', message: 'The request body is not valid JSON.' });
    // A private route turns an anonymous caller away before reading the body.
    expect((await send('it', '/api/v1/units')).statusCode).toBe(401);
  });

  it('answers in English when Accept-Language asks for it', async () => {
    const c = t.client();
    c.lang = 'en';
    const res = await c.get('/api/v1/me');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ code: 'UNAUTHENTICATED', message: 'You need to sign in.' });
    const it1 = await t.client().get('/api/v1/me');
    expect(it1.json()).toEqual({ code: 'UNAUTHENTICATED', message: 'Accesso richiesto: effettua il login.' });
  });

  it('refuses a body over the 1 MB limit with 413', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10) });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: big,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: 'The request is too large.' });
    const small = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1000) }),
    });
    expect(small.statusCode).not.toBe(413);
  });

  it('refuses a non-numeric unitId filter with 400 VALIDATION_ERROR naming the field', async () => {
    const admin = await t.as('admin@officina.demo');
    const res = await admin.get('/api/v1/users?unitId=abc');
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_ERROR');
    expect(body.message).toBe('Controlla questi campi: unitId.');
    expect(body.details.map((d: { path: string }) => d.path)).toEqual(['querystring.unitId']);
    expect(body.details[0].message).toMatch(/^Input non valido/);
    admin.lang = 'en';
    const en = await admin.get('/api/v1/users?unitId=abc');
    expect(en.json().message).toBe('Check these fields: unitId.');
    expect(en.json().details[0].message).toMatch(/^Invalid input/);
    const ok = await admin.get('/api/v1/users?unitId=1');
    expect(ok.statusCode).toBe(200);
  });
});
