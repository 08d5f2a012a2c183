import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '../../common/api-routes.js';
import { startTestApp } from '../test/app.js';

const root = path.resolve(import.meta.dirname, '../../..');
const t = await startTestApp({}, { demo: false });

type Ref = { $ref?: string };
type Response = Ref & { content?: Record<string, { schema?: Ref & { type?: string; format?: string } }> };
type Operation = {
  operationId?: string;
  security?: unknown[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, { format?: string }> } }> };
  responses: Record<string, Response>;
};
type Spec = {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, Response>; schemas: Record<string, unknown> };
};

const spec = (await t.app.inject({ url: apiRoutes.docs.openapi })).json() as Spec;
const operations = Object.entries(spec.paths).flatMap(([url, methods]) =>
  Object.entries(methods).map(([method, op]) => ({
    name: `${method.toUpperCase()} ${url}`,
    method,
    url,
    op,
  })),
);

/** A response, through its reference to components.responses when it has one. */
const resolve = (r: Response): Response =>
  r.$ref ? (spec.components.responses[r.$ref.replace('#/components/responses/', '')] ?? {}) : r;
const ERROR_BODY = '#/components/schemas/ErrorBody';

type Problem = { ruleId: string; severity: string; message: string; location?: { pointer?: string }[] };

/** Redocly's lint of the document with the project's redocly.yaml, offline. */
async function lint(
  document: Spec,
): Promise<{ totals: { errors: number; warnings: number }; problems: Problem[] }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'officina-openapi-'));
  try {
    const file = path.join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document));
    const args = [
      'lint',
      file,
      `--config=${path.join(root, 'redocly.yaml')}`,
      '--format=json',
      '--max-problems=500',
    ];
    // No telemetry and no update check: the lint must not need the network.
    const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
    // Redocly exits 1 when it finds errors; the report on stdout is what matters.
    const stdout = await promisify(execFile)(path.join(root, 'node_modules/.bin/redocly'), args, {
      cwd: root,
      env,
    })
      .then((r) => r.stdout)
      .catch((err: { stdout?: string; stderr?: string }) => {
        if (!err.stdout) throw new Error(`redocly lint failed: ${err.stderr}`);
        return err.stdout;
      });
    return JSON.parse(stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the served OpenAPI document', () => {
  it('passes redocly lint (redocly.yaml) with no error and no warning', async () => {
    const { totals, problems } = await lint(spec);
    const found = problems.map(
      (p) => `${p.severity} ${p.ruleId} ${p.location?.[0]?.pointer ?? ''}: ${p.message}`,
    );
    expect(found).toEqual([]);
    expect(totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 60_000);

  it('gives every operation a unique operationId', () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(operations.filter((o) => !o.op.operationId).map((o) => o.name)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks as public (security: []) exactly the routes the server lets in without a session', () => {
    const open = new Set(
      t.routes.filter((r) => r.public).map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documentedOpen = operations.filter((o) => o.op.security?.length === 0).map((o) => o.name);
    // The SCORM content origin serves packages' files, not the API: its route is left out of the document.
    const api = (r: string) => !r.startsWith('HEAD ') && !r.startsWith('GET /scorm-content/');
    expect(documentedOpen.sort()).toEqual([...open].filter(api).sort());
  });

  it('documents 401 with the error body on every private operation', () => {
    const missing = operations
      .filter((o) => o.op.security === undefined)
      .filter((o) => {
        const answer = o.op.responses['401'];
        return !answer || resolve(answer).content?.['application/json']?.schema?.$ref !== ERROR_BODY;
      })
      .map((o) => o.name);
    expect(missing).toEqual([]);
  });

  it('answers every 4xx of every operation with the one error body', () => {
    const wrong = operations.flatMap((o) =>
      Object.entries(o.op.responses)
        .filter(([status]) => status.startsWith('4'))
        .filter(([, answer]) => resolve(answer).content?.['application/json']?.schema?.$ref !== ERROR_BODY)
        .map(([status]) => `${o.name} ${status}`),
    );
    expect(wrong).toEqual([]);
    expect(operations.filter((o) => !Object.keys(o.op.responses).some((s) => s.startsWith('4')))).toEqual([]);
  });

  it('describes every upload as multipart/form-data with a binary `file`', () => {
    const uploads = operations.filter((o) => o.op.requestBody?.content['multipart/form-data']);
    expect(uploads.map((o) => o.url).sort()).toEqual(
      [
        apiRoutes.users.import,
        apiRoutes.catalogue.editionsImport,
        apiRoutes.framework.import,
        apiRoutes.profiles.import,
        apiRoutes.attendance.webinarReport,
        apiRoutes.fad.scorm,
        apiRoutes.reorgPlans.documents,
        apiRoutes.unitProfiles.populationImport,
      ]
        .map((u) => u.replace(/:(\w+)/g, '{$1}'))
        .sort(),
    );
    for (const o of uploads)
      expect(o.op.requestBody?.content['multipart/form-data']?.schema.properties?.file?.format, o.name).toBe(
        'binary',
      );
  });

  it('gives every file answer its content type and a binary schema', () => {
    const files = operations.filter((o) => /\.(ics|pdf|csv|xlsx|docx|zip|svg)$|\/pdf$|\{file\}$/.test(o.url));
    expect(files.length).toBeGreaterThan(10);
    for (const o of files) {
      const content = o.op.responses['200']?.content ?? {};
      const [type, media] = Object.entries(content)[0] ?? [];
      expect(type, o.name).toMatch(
        /^(text\/(calendar|csv)|application\/(pdf|zip|vnd\.openxml.+)|image\/svg\+xml)$/,
      );
      expect(media?.schema, o.name).toMatchObject({ type: 'string', format: 'binary' });
    }
  });
});
