import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../test/app.js';
import { isPageRequest } from './web.js';

// A stand-in for the built web app (dist/web), so these tests do not depend on a build.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'officina-web-'));
fs.mkdirSync(path.join(root, 'assets'));
fs.writeFileSync(
  path.join(root, 'index.html'),
  '<!doctype html><html lang="it"><head><title>Officina</title><meta name="description" content="x"></head><body><div id="root"></div></body></html>',
);
fs.writeFileSync(path.join(root, 'assets', 'app-123.js'), 'console.log(1);');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const t = await startTestApp({}, { webRoot: root });

describe('pages without an Accept: text/html header', () => {
  it('serve the home page to curl and load balancer probes', async () => {
    for (const headers of [{}, { accept: '*/*' }, { 'user-agent': 'curl/8.5.0', accept: '*/*' }]) {
      const res = await t.app.inject({ url: '/', headers });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('<div id="root">');
      // The security headers and the no-cache of the shell are those a browser gets.
      expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serve every page address the web app routes, with its query', async () => {
    for (const url of ['/formazione', '/formazione?q=appalti', '/la-mia-formazione', '/amministrazione']) {
      const res = await t.app.inject({ url, headers: { accept: '*/*' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
    }
  });

  it('answer HEAD like GET, without a body', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toBe('');
  });

  it('leave unknown /api addresses a JSON 404', async () => {
    for (const url of ['/api/v1/nope', '/api', '/api/v1/nope?x=1']) {
      const res = await t.app.inject({ url, headers: { accept: '*/*' } });
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type'], url).toMatch(/^application\/json/);
      expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('serve static files as they are, and a missing file is a 404', async () => {
    const js = await t.app.inject({ url: '/assets/app-123.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toContain('immutable');
    const missing = await t.app.inject({ url: '/assets/app-old.js', headers: { accept: '*/*' } });
    expect(missing.statusCode).toBe(404);
    // They are not API routes: the authorisation matrix and the route table leave them out.
    expect(t.routes.filter((r) => r.url.startsWith('/assets') || r.url === '/index.html')).toEqual([]);
  });

  it('refuse other methods on a page with the JSON 404', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/formazione', payload: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });
});

describe('isPageRequest', () => {
  it('tells pages from the API and from missing files', () => {
    expect(isPageRequest('/', undefined)).toBe(true);
    expect(isPageRequest('/provincia/iscrizioni', '*/*')).toBe(true);
    expect(isPageRequest('/verifica/ABCD2345EFGH6789', 'application/json')).toBe(true);
    expect(isPageRequest('/api', 'text/html')).toBe(false);
    expect(isPageRequest('/api/v1/me', 'text/html')).toBe(false);
    expect(isPageRequest('/favicon.png', '*/*')).toBe(false);
    expect(isPageRequest('/favicon.png', 'text/html,*/*')).toBe(true);
  });
});
