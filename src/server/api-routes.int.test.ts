import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../common/api-routes.js';
import { startTestApp } from './test/app.js';
import { registeredRoutes } from './test/routes.js';

const t = await startTestApp({}, { demo: false });

const table: string[] = Object.values(apiRoutes).flatMap((group) => Object.values(group));
const routes = registeredRoutes(t.app);
const registered = new Set(routes.map((r) => r.path));

/** What @fastify/swagger-ui serves around the documentation page (its assets, the spec it reads). */
const docsInternals = (path: string) => path.startsWith(`${apiRoutes.docs.ui}/`);

describe('the API route table (src/common/api-routes.ts)', () => {
  it('the route tree was read', () => {
    expect(routes.length).toBeGreaterThanOrEqual(table.length);
  });

  it.each(table)('%s is registered by the server', (path) => {
    expect(registered).toContain(path);
  });

  it('holds every /api route the server registers', () => {
    const missing = [...registered].filter(
      (p) => p.startsWith('/api/') && !docsInternals(p) && !table.includes(p),
    );
    expect(missing).toEqual([]);
  });

  it('holds every route the OpenAPI document describes, /api or not', async () => {
    const spec = (await t.client().get(apiRoutes.docs.openapi)).json() as { paths: Record<string, object> };
    const documented = Object.keys(spec.paths).map((p) => p.replace(/\{(\w+)\}/g, ':$1'));
    expect(documented.length).toBeGreaterThan(0);
    expect(documented.filter((p) => !table.includes(p))).toEqual([]);
  });
});

describe('the web app', () => {
  it('writes no API address by hand: each one comes from the table through apiUrl()', () => {
    const root = path.resolve(import.meta.dirname, '../web');
    const handWritten = /['"`](\/api\/|\/calendar\.ics|\/calendar\/feed\/)/;
    const found: string[] = [];
    for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
      if (!/\.(ts|tsx|html)$/.test(file)) continue;
      readFileSync(path.join(root, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (handWritten.test(line)) found.push(`src/web/${file}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(found).toEqual([]);
  });
});
