import { Writable } from 'node:stream';
import { count, eq, sql } from 'drizzle-orm';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../common/api-routes.js';
import { auditLog, outbox, users } from '../db/schema/index.js';
import { startTestApp } from '../test/app.js';
import { registerErrorHandler } from './error-handler.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const anon = t.client();

type Res = { statusCode: number; json(): { code: string; message: string; details?: { path: string }[] } };

/** A 4xx with the usual error body: a code, a message, and the place of each problem when known. */
function expectRefused(res: Res, code: string, path?: string, status = 400) {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  const body = res.json();
  expect(body.code).toBe(code);
  expect(body.message).toBeTruthy();
  if (path) expect(body.details?.map((d) => d.path)).toContain(path);
}

const rows = async (table: typeof users | typeof auditLog | typeof outbox) =>
  (await t.db.select({ n: count() }).from(table))[0]?.n ?? 0;

const NUL = 'mario\u0000@officina.demo';
const SURROGATE = 'mario\uD800@officina.demo';
const BIDI = 'mario\u202E@officina.demo';

describe('numbers and days a column cannot hold are a 400, never a 500', () => {
  it('refuses ids past the 32-bit columns, negative, fractional or not numbers, in paths and queries', async () => {
    for (const id of ['2147483648', '-2147483649', '0', '-1', '1.5', 'NaN', 'Infinity', '1e400', 'abc'])
      expectRefused(await anon.get(`/api/v1/public/editions/${id}`), 'VALIDATION_ERROR', 'params.id');
    expectRefused(
      await anon.get('/api/v1/public/calendar?unit=99999999999'),
      'VALIDATION_ERROR',
      'querystring.unit',
    );
    expectRefused(
      await admin.get('/api/v1/agreements?unitId=2147483648'),
      'VALIDATION_ERROR',
      'querystring.unitId',
    );
    expectRefused(
      await admin.get('/api/v1/enrolments?unitId=-2147483649'),
      'VALIDATION_ERROR',
      'querystring.unitId',
    );
    expectRefused(
      await admin.patch(apiUrl(r.catalogue.session, { id: 1, sessionId: '2147483648' }), {}),
      'VALIDATION_ERROR',
      'params.sessionId',
    );
  });

  it('reads a number in an address only in plain decimal digits, so one object has one address', async () => {
    for (const id of ['0x10', '0b11', '0o7', '1e1', '+5', '%2012', '12%20', '010', '12.0'])
      expectRefused(await anon.get(`/api/v1/public/editions/${id}`), 'VALIDATION_ERROR', 'params.id');
    for (const q of ['page=0x2', 'page=%201', 'pageSize=1e1', 'unit=+4'])
      expectRefused(await anon.get(`/api/v1/public/calendar?${q}`), 'VALIDATION_ERROR');
  });

  it('refuses pages that are not small positive whole numbers', async () => {
    for (const q of [
      'page=0',
      'page=-1',
      'page=1.5',
      'page=NaN',
      'page=1e10',
      'pageSize=0',
      'pageSize=100000',
    ])
      expectRefused(await anon.get(`/api/v1/public/calendar?${q}`), 'VALIDATION_ERROR');
  });

  it('refuses ids in JSON bodies that are too large, fractional, strings or non-finite', async () => {
    for (const editionId of [2147483648, -2147483649, 1.5, '12', 0])
      expectRefused(
        await learner.post(apiUrl(r.enrolment.list), { editionId }),
        'VALIDATION_ERROR',
        'body.editionId',
      );
    const infinite = await learner.request('POST', apiUrl(r.enrolment.list), undefined, {
      payload: '{"editionId":1e400}',
      headers: { 'content-type': 'application/json' },
    });
    expectRefused(infinite, 'VALIDATION_ERROR', 'body.editionId');
    const before = await rows(users);
    expectRefused(
      await admin.post(apiUrl(r.users.list), { email: 'big@x.it', name: 'Mario Rossi', unitId: 2147483648 }),
      'VALIDATION_ERROR',
      'body.unitId',
    );
    expect(await rows(users)).toBe(before);
  });

  it('refuses days that do not exist, in queries and bodies', async () => {
    expectRefused(await anon.get('/calendar.ics?from=2026-02-30'), 'VALIDATION_ERROR', 'querystring.from');
    expectRefused(
      await anon.get('/api/v1/public/calendar?to=2026-13-01'),
      'VALIDATION_ERROR',
      'querystring.to',
    );
    expectRefused(
      await admin.get('/api/v1/editions?from=2026-13-01'),
      'VALIDATION_ERROR',
      'querystring.from',
    );
    expectRefused(
      await learner.get('/api/v1/me/sessions?from=2026-02-29'),
      'VALIDATION_ERROR',
      'querystring.from',
    );
    expectRefused(
      await admin.get('/api/v1/audit-log?from=2026-02-30T10:00:00Z'),
      'VALIDATION_ERROR',
      'querystring.from',
    );
    expectRefused(
      await admin.get('/api/v1/audit-log?from=0000-01-01T00:00:00Z'),
      'VALIDATION_ERROR',
      'querystring.from',
    );
    const en = await anon.request('GET', '/api/v1/public/calendar?from=2026-02-30', undefined, {
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().details[0].message).toBe('not a real day');
    expect((await anon.get('/api/v1/public/calendar?from=2028-02-29')).statusCode).toBe(200);
  });
});

describe('text the platform cannot store or print faithfully is a 400', () => {
  it('refuses NUL, a lone surrogate and a bidirectional control in the e-mail at sign-in', async () => {
    for (const email of [NUL, SURROGATE, BIDI])
      expectRefused(
        await anon.post(apiUrl(r.auth.login), { email, password: 'x' }),
        'INVALID_TEXT',
        'body.email',
      );
  });

  it('refuses them at password reset, and sends nothing', async () => {
    const before = await rows(outbox);
    for (const email of [NUL, SURROGATE, BIDI, 'admin@officina.demo\u0000'])
      expectRefused(await anon.post(apiUrl(r.auth.passwordReset), { email }), 'INVALID_TEXT', 'body.email');
    expect(await rows(outbox)).toBe(before);
  });

  it('refuses a lone surrogate in an audited change, and changes nothing', async () => {
    const audits = await rows(auditLog);
    const name = async () => (await learner.get(apiUrl(r.auth.me))).json().name;
    const was = await name();
    expectRefused(
      await learner.patch(apiUrl(r.auth.me), { name: '\uDFFFabcd' }),
      'INVALID_TEXT',
      'body.name',
    );
    expect(await name()).toBe(was);
    expect(await rows(auditLog)).toBe(audits);
  });

  it('refuses a bidirectional control in a person’s name, and creates nobody and mails nobody', async () => {
    const before = await rows(users);
    const mails = await rows(outbox);
    const res = await admin.post(apiUrl(r.users.list), {
      email: 'bidi@officina.demo',
      name: 'Mario \u202ERossi',
      unitId: null,
    });
    expectRefused(res, 'INVALID_TEXT', 'body.name');
    expect(res.json().message).toContain('name');
    expectRefused(
      await admin.post(apiUrl(r.users.list), {
        email: 'iso@officina.demo',
        name: '\u2066abcd\u2069',
        unitId: null,
      }),
      'INVALID_TEXT',
      'body.name',
    );
    expectRefused(
      await learner.patch(apiUrl(r.auth.me), { name: '\u2066Mario\u2069' }),
      'INVALID_TEXT',
      'body.name',
    );
    expect(await rows(users)).toBe(before);
    expect(await rows(outbox)).toBe(mails);
  });

  it('refuses them in query strings and route parameters, encoded or not', async () => {
    expectRefused(await admin.get('/api/v1/units?q=ab%00cd'), 'INVALID_TEXT', 'querystring.q');
    expectRefused(await admin.get('/api/v1/outbox?to=a%E2%80%AEb'), 'INVALID_TEXT', 'querystring.to');
    expectRefused(
      await anon.get('/api/v1/public/paths?domain=ab%00cd'),
      'INVALID_TEXT',
      'querystring.domain',
    );
    expectRefused(await anon.get('/api/v1/public/paths/a%00b'), 'INVALID_TEXT', 'params.slug');
    expectRefused(await anon.get('/api/v1/public/certificates/a%E2%81%A7b'), 'INVALID_TEXT', 'params.code');
  });

  it('refuses a link that is not http or https', async () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,x'])
      expectRefused(
        await admin.post(apiUrl(r.catalogue.paths), { materials: [{ title: 'Slide', url }] }),
        'VALIDATION_ERROR',
        'body.materials.0.url',
      );
  });

  it('answers an address it cannot decode or route with the usual error body', async () => {
    expectRefused(await anon.get('/api/v1/public/paths/a%ED%A0%80b'), 'INVALID_URL');
    expectRefused(await anon.get(`/api/v1/public/paths/${'a'.repeat(500)}`), 'URL_TOO_LONG', undefined, 414);
  });

  it('refuses a bad key as well as a bad value, and a body nested beyond reason', async () => {
    expectRefused(
      await learner.put(apiUrl(r.campaigns.draft, { id: 1 }), { levels: { '1\u0000': 1 } }),
      'INVALID_TEXT',
      'body.levels.1\u0000',
    );
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const res = await admin.request('POST', apiUrl(r.users.list), undefined, {
      payload: deep,
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_ERROR');
  });

  it('leaves passwords exactly as sent: a decomposed letter is not composed', async () => {
    const email = 'discente2.cuneo@officina.demo';
    const me = await t.as(email);
    const decomposed = 'Perche\u0301-non-cambia-2026';
    const res = await me.post(apiUrl(r.auth.myPassword), {
      currentPassword: 'Officina-Demo-2026',
      newPassword: decomposed,
    });
    expect(res.statusCode).toBe(200);
    const login = async (password: string) =>
      (await t.client().post(apiUrl(r.auth.login), { email, password })).statusCode;
    expect(await login(decomposed.normalize('NFC'))).toBe(401);
    expect(await login(decomposed)).toBe(200);
  });
});

describe('text is stored in one form (NFC)', () => {
  it('stores a decomposed "è" composed, and drops invisible direction marks', async () => {
    const res = await admin.post(apiUrl(r.users.list), {
      email: 'nfc@officina.demo',
      name: '\u200FNicolo\u0300 Perre\u0300',
      unitId: null,
    });
    expect(res.statusCode).toBe(201);
    const [row] = await t.db
      .select({ name: users.name })
      .from(users)
      .where(eq(users.email, 'nfc@officina.demo'));
    expect(row?.name).toBe('Nicolò Perrè');
    expect(row?.name).toBe(row?.name.normalize('NFC'));
  });
});

describe('uploaded files and multipart fields follow the same rule', () => {
  function upload(csv: string, fields: Record<string, string> = {}, filename = 'filename="staff.csv"') {
    const boundary = '----officinahostile';
    const parts = Object.entries(fields).map(
      ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    );
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; ${filename}\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n`,
    );
    return {
      payload: `${parts.join('')}--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    };
  }
  const header = 'email,name,unit_istat_code,job_profile_code';

  it('refuses a CSV row with a bidirectional control, naming its row and column, and imports nothing', async () => {
    const before = await rows(users);
    const csv = `${header}\nuno@officina.demo,Uno Bianchi,,\ndue@officina.demo,Due \u202EVerdi,,\n`;
    const res = await admin.request('POST', apiUrl(r.users.import), undefined, upload(csv));
    expectRefused(res, 'INVALID_TEXT', 'rows.3.name');
    expect(await rows(users)).toBe(before);
  });

  it('refuses a multipart field with a NUL or an id past int32', async () => {
    const csv = `${header}\ntre@officina.demo,Tre Neri,,\n`;
    expectRefused(
      await admin.request('POST', apiUrl(r.users.import), undefined, upload(csv, { unitId: '1\u0000' })),
      'INVALID_TEXT',
      'body.unitId',
    );
    expectRefused(
      await admin.request('POST', apiUrl(r.users.import), undefined, upload(csv, { unitId: '2147483648' })),
      'VALIDATION_ERROR',
      'unitId',
    );
  });
  it('refuses a file name with a bidirectional control or a NUL, on every upload, and writes nothing', async () => {
    const csv = `${header}\nquattro@officina.demo,Quattro Neri,,\n`;
    const routes = [
      apiUrl(r.users.import),
      apiUrl(r.catalogue.editionsImport),
      apiUrl(r.attendance.webinarReport, { id: 1 }),
      apiUrl(r.framework.import),
      apiUrl(r.profiles.import, { code: 'istruttore-amministrativo' }),
    ];
    const [people, audited] = [await rows(users), await rows(auditLog)];
    for (const url of routes)
      for (const name of ["filename*=UTF-8''livelli%E2%80%AE.csv", "filename*=UTF-8''livelli%00.csv"])
        expectRefused(
          await admin.request('POST', url, undefined, upload(csv, {}, name)),
          'INVALID_TEXT',
          'file.filename',
        );
    expect([await rows(users), await rows(auditLog)]).toEqual([people, audited]);
  });

  it('still answers FILE_REQUIRED when nothing is attached', async () => {
    const boundary = '----officinaempty';
    const res = await admin.request('POST', apiUrl(r.users.import), undefined, {
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="unitId"\r\n\r\n1\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expectRefused(res, 'FILE_REQUIRED', 'file');
  });
});

describe('the database’s own refusals of data (the safety net)', () => {
  async function netApp() {
    const lines: string[] = [];
    const logger = pino(
      { level: 'warn' },
      new Writable({
        write(chunk, _enc, done) {
          lines.push(String(chunk));
          done();
        },
      }),
    );
    const app = Fastify({ loggerInstance: logger as FastifyBaseLogger });
    registerErrorHandler(app);
    app.get('/int', async () => t.db.execute(sql`select ${'2147483648'}::int as n`));
    app.get('/date', async () => t.db.execute(sql`select ${'2026-02-30'}::date as d`));
    app.get('/nul', async () => t.db.execute(sql`select ${'a\u0000b'}::text as s`));
    app.get('/bug', async () => t.db.execute(sql`select * from no_such_table`));
    app.get('/divide', async () => t.db.execute(sql`select 1 / ${0}::int as n`));
    await app.ready();
    return { app, lines };
  }

  it('answers a data exception (SQLSTATE class 22) with 400 INVALID_INPUT, logged at warn with its SQLSTATE', async () => {
    const { app, lines } = await netApp();
    for (const url of ['/int', '/date', '/nul']) {
      const res = await app.inject({ url, headers: { 'accept-language': 'en' } });
      expectRefused(res as unknown as Res, 'INVALID_INPUT');
      expect(res.json().message).toMatch(/not valid/);
    }
    const warned = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'data refused by the database');
    expect(warned.length).toBe(3);
    for (const w of warned) {
      expect(w.level).toBe(40);
      expect(w.sqlstate).toMatch(/^22/);
    }
    // Anything else is still a bug: a 500, logged as an error.
    expect((await app.inject({ url: '/bug' })).statusCode).toBe(500);
    // So is a data exception no input value causes (division by zero, class 22 too).
    expect((await app.inject({ url: '/divide' })).statusCode).toBe(500);
    await app.close();
  });
});
