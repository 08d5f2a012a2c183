import { describe, expect, it } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../../../common/api-routes.js';
import type { FrameworkSummary, FrameworkTree } from '../../../../common/framework.js';
import type { JobProfileList, ProfileExpectationsView } from '../../../../common/profiles.js';
import { readCsv } from '../../../kernel/csv.js';
import { startTestApp } from '../../../test/app.js';
import type { TestClient } from '../../../test/client.js';

const t = await startTestApp();
// Sign-in is throttled per address: sign each person in once for the whole file.
const admin = await t.as('admin@officina.demo');
const taskforce = await t.as('taskforce@officina.demo');
const cuneoOfficer = await t.as('referente.cuneo@officina.demo');
const bergamoOfficer = await t.as('referente.bergamo@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const trainer = await t.as('formatore@officina.demo');
const anon = t.client();

const unitId = async (code: string) =>
  (await admin.get(`/api/v1/units?q=${code}`)).json().items[0].id as number;
const cuneo = await unitId('004');
const bergamo = await unitId('016');

const PROFILE = 'funzionario-tecnico';
const url = (unit?: number | string, code = PROFILE) =>
  apiUrl(r.profiles.expectations, { code }, { unit: unit as number | undefined });
const view = async (c: TestClient, unit?: number, code = PROFILE) => {
  const res = await c.get(url(unit, code));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ProfileExpectationsView;
};
const competencies = (v: ProfileExpectationsView) =>
  v.domains.flatMap((d) => d.areas.flatMap((a) => a.competencies));
const cell = (v: ProfileExpectationsView, code: string) => {
  const c = competencies(v).find((x) => x.code === code);
  if (!c) throw new Error(`no competency ${code}`);
  return c;
};
const put = (c: TestClient, levels: unknown, unit?: number | string, code = PROFILE) =>
  c.put(url(unit, code), { levels });
const auditOf = async (action: string) =>
  (await admin.get(`/api/v1/audit-log?action=${action}&pageSize=100`)).json().items as {
    entityId: string;
    unitId: number | null;
    details: { changes: { code: string; before: number | null; after: number | null }[] };
  }[];

/** A multipart upload of one file in the "file" field. */
function upload(filename: string, content: string | Buffer) {
  const boundary = '----officinaprofiles';
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.isBuffer(content) ? content : Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const importCsv = (c: TestClient, content: string | Buffer, unit?: number, filename = 'livelli.csv') =>
  c.request(
    'POST',
    apiUrl(r.profiles.import, { code: PROFILE }, { unit }),
    undefined,
    upload(filename, content),
  );

const first = competencies(await view(admin));
// Outside the first area (set whole by a test below), and not yet at the level the tests set.
const firstArea = new Set((await view(admin)).domains[0]?.areas[0]?.competencies.map((c) => c.code));
const [A, B, C] = first.filter((c) => !firstArea.has(c.code) && c.national !== 3).map((c) => c.code);
if (!A || !B || !C) throw new Error('the published framework has too few competencies');

describe('reading a profile', () => {
  it('groups the published framework domain → area with the seeded national levels', async () => {
    const v = await view(admin);
    expect(v.jobProfile).toEqual({
      code: PROFILE,
      name: { it: 'Funzionario tecnico', en: 'Technical officer' },
    });
    expect(v.framework?.version).toBeTruthy();
    expect(v).toMatchObject({ unit: null, canEditNational: true, canEditUnit: false, orphans: [] });
    const all = competencies(v);
    expect(all.length).toBeGreaterThan(10);
    expect(all.some((c) => c.national !== null && c.national > 0)).toBe(true);
    for (const c of all) {
      expect(c.override).toBeNull();
      expect(c.effective).toBe(c.national);
      expect(c.levels.base.it).toBeTruthy();
    }
  });

  it('lists the profiles with their expected competencies, and an officer’s unit overrides', async () => {
    const list = (await admin.get(apiUrl(r.profiles.list))).json() as JobProfileList;
    expect(list.unit).toBeNull();
    const tech = list.items.find((p) => p.code === PROFILE);
    expect(tech?.national).toBe(competencies(await view(admin)).filter((c) => (c.national ?? 0) > 0).length);
    expect(tech?.overrides).toBeNull();
    const mine = (await cuneoOfficer.get(apiUrl(r.profiles.list))).json() as JobProfileList;
    expect(mine.unit?.id).toBe(cuneo);
    expect(mine.items.every((p) => p.overrides === 0)).toBe(true);
  });

  it('is refused to learners, trainers and anonymous callers; an officer reads only their unit', async () => {
    for (const c of [learner, trainer]) {
      expect((await c.get(url())).statusCode).toBe(403);
      expect((await c.get(apiUrl(r.profiles.list))).statusCode).toBe(403);
    }
    expect((await anon.get(url())).statusCode).toBe(401);
    expect((await bergamoOfficer.get(url(cuneo))).statusCode).toBe(403);
    expect((await bergamoOfficer.get(apiUrl(r.profiles.list, {}, { unit: cuneo }))).statusCode).toBe(403);
    expect((await taskforce.get(url(cuneo))).statusCode).toBe(200);
    const national = await view(cuneoOfficer);
    expect(national).toMatchObject({ canEditNational: false, canEditUnit: false });
    expect((await admin.get(url(undefined, 'astronauta'))).statusCode).toBe(404);
    expect((await admin.get(url(999999))).statusCode).toBe(404);
  });

  it('gives the manageProfiles flag to national admins and Province officers', async () => {
    for (const c of [admin, cuneoOfficer, bergamoOfficer])
      expect((await c.get('/api/v1/me')).json().can.manageProfiles).toBe(true);
    for (const c of [taskforce, learner, trainer])
      expect((await c.get('/api/v1/me')).json().can.manageProfiles).toBe(false);
  });
});

describe('setting levels', () => {
  it('lets a national admin set and remove national levels, audited with before and after', async () => {
    const before = cell(await view(admin), A).national;
    const res = await put(admin, [
      { competencyCode: A, level: 3 },
      { competencyCode: B, level: 0 },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as ProfileExpectationsView;
    expect(cell(v, A)).toMatchObject({ national: 3, effective: 3 });
    expect(cell(v, B)).toMatchObject({ national: 0, effective: 0 });
    const removed = (
      await put(admin, [{ competencyCode: B, level: null }])
    ).json() as ProfileExpectationsView;
    expect(cell(removed, B)).toMatchObject({ national: null, effective: null });

    const audit = await auditOf('profiles.levels_set');
    expect(audit[1]).toMatchObject({ entityId: PROFILE, unitId: null });
    expect(audit[1]?.details.changes).toContainEqual({ code: A, before, after: 3 });
    expect(audit[0]?.details.changes).toEqual([{ code: B, before: 0, after: null }]);
    // Saving the same level again changes and audits nothing.
    await put(admin, [{ competencyCode: A, level: 3 }]);
    expect(await auditOf('profiles.levels_set')).toHaveLength(audit.length);
  });

  it('lets the Cuneo officer override for Cuneo only; national levels stay the admins’', async () => {
    const res = await put(cuneoOfficer, [{ competencyCode: A, level: 1 }], cuneo);
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as ProfileExpectationsView;
    expect(v).toMatchObject({ unit: { id: cuneo }, canEditNational: false, canEditUnit: true });
    expect(cell(v, A)).toMatchObject({ national: 3, override: 1, effective: 1 });
    expect(cell(await view(admin), A).national).toBe(3);

    expect((await put(bergamoOfficer, [{ competencyCode: A, level: 2 }], cuneo)).statusCode).toBe(403);
    expect((await put(cuneoOfficer, [{ competencyCode: A, level: 2 }])).statusCode).toBe(403);
    expect((await put(cuneoOfficer, [{ competencyCode: A, level: 2 }], bergamo)).statusCode).toBe(403);
    for (const c of [learner, trainer, taskforce]) {
      expect((await put(c, [{ competencyCode: A, level: 2 }], cuneo)).statusCode).toBe(403);
      expect((await put(c, [{ competencyCode: A, level: 2 }])).statusCode).toBe(403);
    }
    expect(cell(await view(admin, cuneo), A).override).toBe(1);

    // An admin may set a unit's override too; the list counts it for the officer.
    expect((await put(admin, [{ competencyCode: C, level: 2 }], cuneo)).statusCode).toBe(200);
    const list = (await cuneoOfficer.get(apiUrl(r.profiles.list))).json() as JobProfileList;
    expect(list.items.find((p) => p.code === PROFILE)?.overrides).toBe(2);
    const audit = await auditOf('profiles.levels_set');
    expect(audit[1]).toMatchObject({ unitId: cuneo, details: { changes: [{ code: A, after: 1 }] } });
  });

  it('sets a whole area at once', async () => {
    const area = (await view(admin)).domains[0]?.areas[0];
    if (!area) throw new Error('no area');
    const res = await put(
      cuneoOfficer,
      area.competencies.map((c) => ({ competencyCode: c.code, level: 2 })),
      cuneo,
    );
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as ProfileExpectationsView;
    expect(v.domains[0]?.areas[0]?.competencies.every((c) => c.override === 2)).toBe(true);
  });

  it('refuses codes outside the published framework, listing them', async () => {
    const res = await put(admin, [
      { competencyCode: A, level: 2 },
      { competencyCode: 'ZZ-99', level: 1 },
      { competencyCode: 'ZZ-98', level: null },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'UNKNOWN_COMPETENCIES' });
    expect(res.json().message).toContain('ZZ-99, ZZ-98');
    const en = await admin.request(
      'PUT',
      url(),
      { levels: [{ competencyCode: 'ZZ-99', level: 1 }] },
      {
        headers: { 'accept-language': 'en' },
      },
    );
    expect(en.json().message).toBe('Codes not in the published competency framework: ZZ-99.');
    expect(cell(await view(admin), A).national).toBe(3);
  });

  it('answers hostile input with 400, never 500', async () => {
    const bad: unknown[] = [
      [{ competencyCode: A, level: 4 }],
      [{ competencyCode: A, level: -1 }],
      [{ competencyCode: A, level: 1.5 }],
      [{ competencyCode: A, level: '2' }],
      [{ competencyCode: 'GA\u0000CP', level: 1 }],
      [{ competencyCode: A, level: 1, previous: 7 }],
      [{ competencyCode: 42, level: 1 }],
      [],
      [
        { competencyCode: A, level: 1 },
        { competencyCode: A, level: 2 },
      ],
      'tutti',
    ];
    for (const levels of bad) {
      const res = await put(admin, levels);
      expect(res.statusCode, JSON.stringify(levels)).toBe(400);
      expect(res.json().message).toBeTruthy();
    }
    for (const unit of ['2147483648', '99999999999999999999', '-1', '0', '1.5', 'cuneo', '1%00']) {
      expect((await put(admin, [{ competencyCode: A, level: 1 }], unit)).statusCode, unit).toBe(400);
      expect((await admin.get(url(unit))).statusCode, unit).toBe(400);
    }
    for (const code of ['FUNZIONARIO', 'a%00b', 'x'.repeat(61), 'a b'])
      expect((await admin.get(url(undefined, code))).statusCode, code).toBe(400);
    const huge = await put(
      admin,
      Array.from({ length: 1001 }, (_, i) => ({ competencyCode: `X-${i}`, level: 1 })),
    );
    expect(huge.statusCode).toBe(400);
  });
});

describe('two people saving at once', () => {
  it('keeps both changes to different levels and refuses the stale one on the same level', async () => {
    const start = await view(admin, bergamo);
    const seen = cell(start, B).override;
    expect(seen).toBeNull();
    // Both saw no override on B; each sets a different level. Exactly one wins; the other is told.
    const [one, two] = await Promise.all([
      put(admin, [{ competencyCode: B, level: 1, previous: seen }], bergamo),
      put(bergamoOfficer, [{ competencyCode: B, level: 3, previous: seen }], bergamo),
    ]);
    const codes = [one.statusCode, two.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = one.statusCode === 409 ? one : two;
    expect(loser.json()).toMatchObject({ code: 'LEVELS_CHANGED', details: [{ path: B }] });
    const winnerLevel = one.statusCode === 200 ? 1 : 3;
    expect(cell(await view(admin, bergamo), B).override).toBe(winnerLevel);

    // Different cells of the same profile saved at the same moment: both stay.
    const [x, y] = await Promise.all([
      put(admin, [{ competencyCode: A, level: 2, previous: null }], bergamo),
      put(bergamoOfficer, [{ competencyCode: C, level: 0, previous: null }], bergamo),
    ]);
    expect([x.statusCode, y.statusCode]).toEqual([200, 200]);
    const after = await view(admin, bergamo);
    expect(cell(after, A).override).toBe(2);
    expect(cell(after, C).override).toBe(0);
    expect(cell(after, B).override).toBe(winnerLevel);
  });
});

describe('CSV', () => {
  it('exports levels and reads them back; an import applies only a wholly valid file', async () => {
    const res = await admin.get(apiUrl(r.profiles.exportCsv, { code: PROFILE }, { unit: cuneo }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain(`livelli-attesi-${PROFILE}-ente-${cuneo}.csv`);
    const rows = readCsv(res.body);
    const v = await view(admin, cuneo);
    const overrides = competencies(v).filter((c) => c.override !== null);
    expect(rows).toHaveLength(overrides.length);
    expect(rows).toContainEqual({ job_profile: PROFILE, competency_code: A, level: '1' });

    // Round trip: the export imported again changes nothing.
    const same = await importCsv(cuneoOfficer, res.body, cuneo);
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toEqual({ set: 0, removed: 0, unchanged: overrides.length });

    // A file with a wrong row is refused whole, every problem listed by row.
    const wrong = [
      'job_profile;competency_code;level',
      `${PROFILE};${A};3`,
      `${PROFILE};ZZ-1;2`,
      `dirigente;${B};1`,
      `${PROFILE};${C};alto`,
      `${PROFILE};${A};2`,
    ].join('\n');
    const refused = await importCsv(cuneoOfficer, wrong, cuneo);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().code).toBe('INVALID_PROFILE_FILE');
    expect(refused.json().details.map((d: { path: string }) => d.path)).toEqual([
      'rows.3.competency_code',
      'rows.4.job_profile',
      'rows.5.level',
      'rows.6.competency_code',
    ]);
    expect(cell(await view(admin, cuneo), A).override).toBe(1);

    // A good file: set, change, remove (empty level).
    const good = ['job_profile,competency_code,level', `${PROFILE},${A},3`, `${PROFILE},${C},`].join('\r\n');
    const applied = await importCsv(cuneoOfficer, good, cuneo);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toEqual({ set: 1, removed: 1, unchanged: 0 });
    const after = await view(admin, cuneo);
    expect(cell(after, A).override).toBe(3);
    expect(cell(after, C).override).toBeNull();
    const audit = await auditOf('profiles.imported');
    expect(audit[0]).toMatchObject({
      unitId: cuneo,
      details: {
        changes: [
          { code: A, before: 1, after: 3 },
          { code: C, before: 2, after: null },
        ],
      },
    });

    // National levels: exported and imported by admins only.
    const national = await admin.get(apiUrl(r.profiles.exportCsv, { code: PROFILE }));
    expect(readCsv(national.body)).toContainEqual({ job_profile: PROFILE, competency_code: A, level: '3' });
    expect((await importCsv(cuneoOfficer, national.body)).statusCode).toBe(403);
    expect((await importCsv(bergamoOfficer, good, cuneo)).statusCode).toBe(403);
    expect((await importCsv(admin, national.body)).json()).toMatchObject({ set: 0, removed: 0 });
  });

  it('refuses files that are not CSV text', async () => {
    expect((await importCsv(admin, 'x', undefined, 'livelli.xlsx')).json().code).toBe('UNSUPPORTED_FILE');
    expect((await importCsv(admin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]), undefined)).statusCode).toBe(
      400,
    );
    expect((await importCsv(admin, 'a,b\n1,2')).json().code).toBe('INVALID_PROFILE_FILE');
    expect((await importCsv(admin, '"unterminated\n')).statusCode).toBe(400);
  });
});

describe('a new framework version', () => {
  it('carries levels over by code and shows the levels of a dropped code as orphans', async () => {
    const published = (
      (await admin.get(apiUrl(r.framework.versions))).json().items as FrameworkSummary[]
    ).find((v) => v.status === 'published');
    if (!published) throw new Error('no published version');
    const draft = (await admin.post(apiUrl(r.framework.versions), {})).json() as FrameworkTree;
    const dropped = draft.domains
      .flatMap((d) => d.areas.flatMap((a) => a.competencies))
      .find((c) => c.code === A);
    if (!dropped) throw new Error('draft misses A');
    const del = await admin.delete(
      apiUrl(r.framework.competency, { id: draft.id, competencyId: dropped.id }),
    );
    expect(del.statusCode, del.body).toBe(200);
    expect((await admin.post(apiUrl(r.framework.publish, { id: draft.id }))).statusCode).toBe(200);

    const v = await view(admin, cuneo);
    expect(v.framework?.id).toBe(draft.id);
    expect(competencies(v).some((c) => c.code === A)).toBe(false);
    expect(v.orphans).toEqual([
      { competencyCode: A, unitId: null, level: 3 },
      { competencyCode: A, unitId: cuneo, level: 3 },
    ]);
    // Other levels came along by code.
    expect(cell(v, B).national).toBeNull();
    expect(cell(v, first[3]?.code ?? '').national).toBe(first[3]?.national);

    // An orphan cannot take a new level, but may be removed.
    expect((await put(admin, [{ competencyCode: A, level: 2 }])).json().code).toBe('UNKNOWN_COMPETENCIES');
    expect((await put(admin, [{ competencyCode: A, level: null }])).statusCode).toBe(200);
    expect((await put(cuneoOfficer, [{ competencyCode: A, level: null }], cuneo)).statusCode).toBe(200);
    expect((await view(admin, cuneo)).orphans).toEqual([]);
  });
});
