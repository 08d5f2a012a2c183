import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../../scripts/vite-precompress.js';
import { startTestApp } from '../test/app.js';
import { isPageRequest, pickEncoding } from './web.js';

// A stand-in for the built web app (dist/web), so these tests do not depend on a build.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'officina-web-'));
fs.mkdirSync(path.join(root, 'assets'));
fs.writeFileSync(
  path.join(root, 'index.html'),
  '<!doctype html><html lang="it"><head><title>Officina</title><meta name="description" content="x"></head><body><div id="root"></div></body></html>',
);
fs.writeFileSync(path.join(root, 'assets', 'app-123.js'), 'console.log(1);');
// A stylesheet and a script big enough to be worth compressing, and a font, which is compressed already.
const css = '.officina-a{color:red}\n'.repeat(400);
const js = 'export const texts = {"calendar.title":"Calendario"};\n'.repeat(100);
fs.writeFileSync(path.join(root, 'assets', 'index-abc.css'), css);
fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), js);
fs.writeFileSync(path.join(root, 'assets', 'font-abc.woff2'), Buffer.alloc(2000, 7));
// What the production build does after writing the files (vite.config.ts).
await precompressDir(root);
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

  it('serve the shell by its own name, /index.html, to a probe', async () => {
    const res = await t.app.inject({ url: '/index.html', headers: { accept: '*/*' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
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

describe('compression of the web app', () => {
  it('writes a brotli and a gzip copy of text files at build time, not of fonts or tiny files', () => {
    const assets = fs.readdirSync(path.join(root, 'assets')).sort();
    expect(assets).toEqual([
      'app-123.js',
      'font-abc.woff2',
      'index-abc.css',
      'index-abc.css.br',
      'index-abc.css.gz',
      'index-abc.js',
      'index-abc.js.br',
      'index-abc.js.gz',
    ]);
    const br = fs.readFileSync(path.join(root, 'assets', 'index-abc.css.br'));
    expect(zlib.brotliDecompressSync(br).toString()).toBe(css);
    expect(br.length).toBeLessThan(css.length / 10);
  });

  it('sends hashed assets precompressed, cached for a year, varying on Accept-Encoding', async () => {
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br, zstd', 'br', zlib.brotliDecompressSync],
      ['gzip, deflate', 'gzip', zlib.gunzipSync],
    ] as const) {
      for (const [file, body, type] of [
        ['index-abc.css', css, /^text\/css/],
        ['index-abc.js', js, /javascript/],
      ] as const) {
        const res = await t.app.inject({ url: `/assets/${file}`, headers: { 'accept-encoding': accept } });
        expect(res.statusCode, file).toBe(200);
        expect(res.headers['content-encoding'], file).toBe(encoding);
        expect(res.headers['content-type'], file).toMatch(type);
        expect(res.headers.vary, file).toMatch(/accept-encoding/i);
        expect(res.headers['cache-control'], file).toBe('public, max-age=31536000, immutable');
        expect(decode(res.rawPayload).toString(), file).toBe(body);
      }
    }
  });

  it('sends the file as it is to a client that accepts no compression, and fonts as they are', async () => {
    const plain = await t.app.inject({
      url: '/assets/index-abc.css',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(css);
    const font = await t.app.inject({
      url: '/assets/font-abc.woff2',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(font.statusCode).toBe(200);
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.headers['cache-control']).toContain('immutable');
  });

  it('sends the page shell compressed and never cached without revalidation', async () => {
    for (const [accept, encoding, decode] of [
      ['br, gzip', 'br', zlib.brotliDecompressSync],
      ['gzip', 'gzip', zlib.gunzipSync],
    ] as const) {
      for (const url of ['/', '/formazione']) {
        const res = await t.app.inject({ url, headers: { accept: 'text/html', 'accept-encoding': accept } });
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['content-encoding'], url).toBe(encoding);
        expect(res.headers.vary, url).toMatch(/accept-encoding/i);
        expect(res.headers['cache-control'], url).toBe('no-cache');
        expect(decode(res.rawPayload).toString(), url).toContain('<div id="root">');
      }
    }
    const plain = await t.app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toContain('<div id="root">');
  });
});

describe('pickEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(pickEncoding('*')).toBe('gzip');
    expect(pickEncoding('gzip;q=0, *')).toBeNull();
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
    expect(pickEncoding('GZIP')).toBe('gzip');
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
