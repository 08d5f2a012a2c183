import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Unit, UnitInput } from '../../../../common/units.js';
import { territorialUnits } from '../../../db/schema/index.js';
import { seedReference } from '../../../db/seed/reference.js';
import { startTestApp } from '../../../test/app.js';

const t = await startTestApp();
const ADMIN = 'admin@officina.demo';
// Sign-in is throttled per address (10 a minute): sign each user in once for the whole file.
const admin = await t.as(ADMIN);
const adminEn = await t.as(ADMIN);
adminEn.lang = 'en';
const others = {
  officer: await t.as('referente.cuneo@officina.demo'),
  learner: await t.as('discente.cuneo@officina.demo'),
  taskForce: await t.as('taskforce@officina.demo'),
};

type Page = { items: Unit[]; total: number; page: number; pageSize: number };
const list = async (query: string): Promise<Page> => {
  const res = await t.client().get(`/api/v1/units?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const unitByIstat = async (code: string) => {
  const found = (await list(`q=${code}`)).items.filter((u) => u.istatCode === code);
  expect(found).toHaveLength(1);
  return found[0] as Unit;
};

/** A unit that does not exist in the ISTAT list, so it disturbs no seeded data. */
const draft = (over: Partial<UnitInput> = {}): UnitInput => ({
  istatCode: '901',
  provinceCode: '901',
  name: 'Provincia di Prova',
  sigla: 'ZZ',
  regionCode: '99',
  regionName: 'Regione di Prova',
  unitType: 'provincia',
  regionStatute: 'ordinario',
  programmePhase: 1,
  validFrom: '2020-01-01',
  validTo: null,
  ...over,
});

// Read-only checks first: later tests add units.
describe('the seeded ISTAT units', () => {
  it('lists all 107 units, to anyone, sorted by region then name', async () => {
    const page = await list('pageSize=200');
    expect(page.total).toBe(107);
    expect(page.items).toHaveLength(107);
    expect(new Set(page.items.map((u) => u.istatCode)).size).toBe(107);
    const keys = page.items.map((u) => `${u.regionCode}|${u.name}`);
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(page.items.find((u) => u.istatCode === '004')).toMatchObject({
      name: 'Cuneo',
      sigla: 'CN',
      regionName: 'Piemonte',
      unitType: 'provincia',
      regionStatute: 'ordinario',
      programmePhase: 1,
      inProgramme: true,
      validTo: null,
    });
  });

  it('paginates', async () => {
    const p1 = await list('pageSize=10&page=1');
    const p2 = await list('pageSize=10&page=2');
    const last = await list('pageSize=10&page=11');
    expect([p1.total, p2.total]).toEqual([107, 107]);
    expect(p1.items).toHaveLength(10);
    expect(p2.items).toHaveLength(10);
    expect(last.items).toHaveLength(7);
    const ids = new Set([...p1.items, ...p2.items].map((u) => u.id));
    expect(ids.size).toBe(20);
  });

  it('has 86 units in the programme: 76 in phase 1 and 10 in phase 2', async () => {
    const inProg = await list('inProgramme=true');
    expect(inProg.total).toBe(86);
    expect(inProg.items.every((u) => u.inProgramme && u.programmePhase !== null)).toBe(true);
    expect(inProg.items.filter((u) => u.programmePhase === 1)).toHaveLength(76);
    const phase2 = inProg.items.filter((u) => u.programmePhase === 2);
    expect(phase2).toHaveLength(10);
    // Phase 2 is the islands: Sicily's liberi consorzi and Sardinia's Provinces.
    expect(new Set(phase2.map((u) => u.regionName))).toEqual(new Set(['Sicilia', 'Sardegna']));
    const out = await list('inProgramme=false');
    expect(out.total).toBe(21);
    expect(out.items.every((u) => !u.inProgramme && u.programmePhase === null)).toBe(true);
    expect(out.items.map((u) => u.name)).toEqual(expect.arrayContaining(['Torino', 'Milano', 'Roma']));
  });

  it('finds units by name, sigla or ISTAT code with q', async () => {
    for (const q of ['cuneo', 'CUNEO', 'CN', '004']) {
      const page = await list(`q=${encodeURIComponent(q)}`);
      expect(
        page.items.map((u) => u.name),
        q,
      ).toEqual(['Cuneo']);
    }
    expect((await list('q=monza')).items.map((u) => u.name)).toEqual(['Monza e della Brianza']);
    expect((await list('q=nowhere-at-all')).total).toBe(0);
  });

  it('matches the q text literally: % and _ are not wildcards', async () => {
    expect((await list(`q=${encodeURIComponent('%')}`)).total).toBe(0);
    expect((await list('q=_')).total).toBe(0);
  });

  it('filters by region, whatever the case, and combines filters', async () => {
    const lombardia = await list('region=Lombardia');
    expect(lombardia.total).toBe(12);
    expect(lombardia.items.every((u) => u.regionName === 'Lombardia')).toBe(true);
    expect((await list('region=lombardia')).total).toBe(12);
    const sicilia = await list('region=Sicilia&inProgramme=true');
    expect(sicilia.items.map((u) => u.name).sort()).toEqual([
      'Agrigento',
      'Caltanissetta',
      'Enna',
      'Ragusa',
      'Siracusa',
      'Trapani',
    ]);
    expect(sicilia.items.every((u) => u.unitType === 'libero_consorzio' && u.programmePhase === 2)).toBe(
      true,
    );
    expect((await list(`region=${encodeURIComponent("Valle d'Aosta")}`)).total).toBe(1);
  });

  it('refuses bad list parameters with 400', async () => {
    for (const q of ['inProgramme=yes', 'pageSize=500', 'page=0']) {
      const res = await t.client().get(`/api/v1/units?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().code).toBe('VALIDATION_ERROR');
    }
  });

  it('answers one unit by id, and 404 with a message for an unknown id', async () => {
    const cuneo = await unitByIstat('004');
    const res = await t.client().get(`/api/v1/units/${cuneo.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(cuneo);
    const missing = await t.client().get('/api/v1/units/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ code: 'NOT_FOUND', message: 'Unità territoriale: non trovato.' });
    const c = t.client();
    c.lang = 'en';
    expect((await c.get('/api/v1/units/999999')).json().message).toBe('Territorial unit not found.');
  });
});

describe('GET /api/v1/reference', () => {
  it('lists the 3 domains, the 3 service models and the job profiles, in English on request', async () => {
    const c = t.client();
    c.lang = 'en';
    const res = await c.get('/api/v1/reference');
    expect(res.statusCode).toBe(200);
    const ref = res.json();
    expect(ref.domains).toEqual([
      { code: 'gestionale', name: 'Management' },
      { code: 'giuridico-amministrativo', name: 'Legal and administrative' },
      { code: 'tecnologico', name: 'Technology' },
    ]);
    expect(ref.serviceModels).toEqual([
      { code: 'SAPE', name: 'Shared European policies service' },
      { code: 'SIT', name: 'Innovative territorial services' },
      { code: 'SUA', name: 'Central purchasing body' },
    ]);
    expect(ref.jobProfiles.length).toBeGreaterThanOrEqual(5);
    expect(ref.jobProfiles).toContainEqual({ code: 'dirigente', name: 'Senior manager' });
    expect(ref.jobProfiles).toContainEqual({ code: 'funzionario-informatico', name: 'IT officer' });
  });

  it('answers in Italian by default', async () => {
    const ref = (await t.client().get('/api/v1/reference')).json();
    expect(ref.domains.map((d: { name: string }) => d.name)).toEqual([
      'Gestionale',
      'Giuridico-amministrativo',
      'Tecnologico',
    ]);
    expect(ref.serviceModels).toContainEqual({ code: 'SUA', name: 'Stazione Unica Appaltante' });
    expect(ref.jobProfiles).toContainEqual({ code: 'dirigente', name: 'Dirigente' });
  });
});

describe('managing units', () => {
  it('lets a national admin create a unit (201), recorded in the audit log', async () => {
    const res = await admin.post('/api/v1/units', draft({ programmePhase: 2 }));
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json() as Unit;
    expect(created).toMatchObject({ ...draft({ programmePhase: 2 }), inProgramme: true });
    expect(created.id).toEqual(expect.any(Number));
    expect((await t.client().get(`/api/v1/units/${created.id}`)).json()).toEqual(created);
    expect((await list('q=901')).items.map((u) => u.id)).toEqual([created.id]);

    const audit = (await admin.get(`/api/v1/audit-log?entityType=unit&entityId=${created.id}`)).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      action: 'unit.created',
      actorEmail: ADMIN,
      unitId: created.id,
      details: expect.objectContaining({ istatCode: '901', name: 'Provincia di Prova' }),
    });
  });

  it('derives inProgramme from the programme phase', async () => {
    const res = await admin.post('/api/v1/units', draft({ istatCode: '902', programmePhase: null }));
    expect(res.statusCode, res.body).toBe(201);
    const u = res.json() as Unit;
    expect(u.inProgramme).toBe(false);
    const joined = await admin.patch(`/api/v1/units/${u.id}`, { programmePhase: 1 });
    expect(joined.json()).toMatchObject({ programmePhase: 1, inProgramme: true });
    const left = await admin.patch(`/api/v1/units/${u.id}`, { programmePhase: null });
    expect(left.json()).toMatchObject({ programmePhase: null, inProgramme: false });
    expect((await t.client().get(`/api/v1/units/${u.id}`)).json().inProgramme).toBe(false);
  });

  it('lets a national admin edit a unit, with from/to in the audit log', async () => {
    const biella = await unitByIstat('096');
    const res = await admin.patch(`/api/v1/units/${biella.id}`, { name: 'Provincia di Biella', sigla: 'BI' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ...biella, name: 'Provincia di Biella' });
    expect((await t.client().get(`/api/v1/units/${biella.id}`)).json().name).toBe('Provincia di Biella');

    const audit = await admin.get('/api/v1/audit-log?entityType=unit');
    expect(audit.statusCode).toBe(200);
    const entry = audit.json().items.find((e: { entityId: string }) => e.entityId === String(biella.id));
    expect(entry).toMatchObject({
      action: 'unit.updated',
      entityType: 'unit',
      actorEmail: ADMIN,
      unitId: biella.id,
      // Only what changed: the unchanged sigla is not listed.
      details: { name: { from: 'Biella', to: 'Provincia di Biella' } },
    });
  });

  it.each([
    ['a Province officer', 'officer'],
    ['a learner', 'learner'],
    ['the task force', 'taskForce'],
  ] as const)('refuses %s with 403, changing nothing', async (_who, key) => {
    const c = others[key];
    const cuneo = await unitByIstat('004');
    const post = await c.post('/api/v1/units', draft({ istatCode: '903' }));
    expect(post.statusCode).toBe(403);
    expect(post.json()).toEqual({ code: 'FORBIDDEN', message: 'Non hai i permessi per questa operazione.' });
    const patch = await c.patch(`/api/v1/units/${cuneo.id}`, { name: 'Cuneo hackerata' });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().code).toBe('FORBIDDEN');
    expect((await unitByIstat('004')).name).toBe('Cuneo');
    expect((await list('q=903')).total).toBe(0);
  });

  it('refuses an anonymous client with 401', async () => {
    const c = t.client();
    const cuneo = await unitByIstat('004');
    const post = await c.post('/api/v1/units', draft({ istatCode: '903' }));
    expect(post.statusCode).toBe(401);
    expect(post.json().code).toBe('UNAUTHENTICATED');
    const patch = await c.patch(`/api/v1/units/${cuneo.id}`, { name: 'Cuneo anonima' });
    expect(patch.statusCode).toBe(401);
    expect((await unitByIstat('004')).name).toBe('Cuneo');
  });

  it.each(['12', '1234', 'abc', ''])(
    'refuses the ISTAT code %j with 400 and an Italian message naming the field',
    async (istatCode) => {
      const res = await admin.post('/api/v1/units', draft({ istatCode }));
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'VALIDATION_ERROR',
        message: 'Controlla questi campi: istatCode.',
        details: [expect.objectContaining({ path: 'body.istatCode' })],
      });
    },
  );

  it('refuses an end of validity before its start with 400 INVALID_DATES', async () => {
    const res = await admin.post(
      '/api/v1/units',
      draft({ istatCode: '904', validFrom: '2024-06-01', validTo: '2024-05-31' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'INVALID_DATES',
      message: 'La fine validità precede l’inizio.',
      details: [{ path: 'validTo', message: 'La fine validità precede l’inizio.' }],
    });
    const en = await adminEn.post(
      '/api/v1/units',
      draft({ istatCode: '904', validFrom: '2024-06-01', validTo: '2024-05-31' }),
    );
    expect(en.json().message).toBe('The end of validity is before its start.');
    expect((await list('q=904&includeExpired=true')).total).toBe(0);
  });

  it('checks the dates of an edit against the stored ones', async () => {
    const created = (
      await admin.post('/api/v1/units', draft({ istatCode: '905', validFrom: '2024-01-01' }))
    ).json() as Unit;
    const res = await admin.patch(`/api/v1/units/${created.id}`, { validTo: '2023-12-31' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('INVALID_DATES');
    expect((await t.client().get(`/api/v1/units/${created.id}`)).json().validTo).toBeNull();
  });

  it('refuses a second unit with the same ISTAT code and start of validity with 409', async () => {
    const first = await admin.post('/api/v1/units', draft({ istatCode: '906', validFrom: '2025-01-01' }));
    expect(first.statusCode).toBe(201);
    const again = await admin.post(
      '/api/v1/units',
      draft({ istatCode: '906', validFrom: '2025-01-01', name: 'Doppione' }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({
      code: 'UNIT_EXISTS',
      message: 'Esiste già un’unità con questo codice ISTAT e questa data di inizio validità.',
    });
    // A successor with a later start is a different unit.
    const successor = await admin.post('/api/v1/units', draft({ istatCode: '906', validFrom: '2026-01-01' }));
    expect(successor.statusCode).toBe(201);
    // Moving it onto the first one's start is refused too.
    const clash = await admin.patch(`/api/v1/units/${successor.json().id}`, { validFrom: '2025-01-01' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('UNIT_EXISTS');
  });

  it('refuses a duplicate of a seeded unit, whose start of validity is empty, with 409', async () => {
    const cuneo = await unitByIstat('004');
    expect(cuneo.validFrom).toBeNull();
    const res = await admin.post(
      '/api/v1/units',
      draft({ istatCode: '004', provinceCode: '004', name: 'Cuneo bis', validFrom: null }),
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('UNIT_EXISTS');
    expect((await list('q=004')).total).toBe(1);
    // Nor can an edit turn another unit into a second current Cuneo.
    const other = (await admin.post('/api/v1/units', draft({ istatCode: '910', validFrom: null }))).json();
    const clash = await admin.patch(`/api/v1/units/${other.id}`, { istatCode: '004' });
    expect(clash.statusCode).toBe(409);
    expect((await list('q=004')).total).toBe(1);
    // Saving a unit with its own code and start unchanged is not a clash with itself.
    const same = await admin.patch(`/api/v1/units/${other.id}`, { istatCode: '910', validFrom: null });
    expect(same.statusCode).toBe(200);
  });

  it('answers 404 when editing an unknown unit', async () => {
    const res = await admin.patch('/api/v1/units/999999', { name: 'Nessuna' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'NOT_FOUND', message: 'Unità territoriale: non trovato.' });
  });
});

describe('units that are no longer valid', () => {
  it('are hidden from the list unless includeExpired=true', async () => {
    const expired = (
      await admin.post(
        '/api/v1/units',
        draft({
          istatCode: '907',
          validFrom: '2001-01-01',
          validTo: '2016-12-31',
          name: 'Provincia soppressa',
        }),
      )
    ).json() as Unit;
    const current = (
      await admin.post(
        '/api/v1/units',
        draft({
          istatCode: '908',
          validFrom: '2017-01-01',
          validTo: '2099-12-31',
          name: 'Provincia vigente',
        }),
      )
    ).json() as Unit;

    const visible = (await list('q=Provincia')).items.map((u) => u.id);
    expect(visible).toContain(current.id);
    expect(visible).not.toContain(expired.id);
    expect((await list('q=907')).total).toBe(0);

    const all = await list('q=Provincia&includeExpired=true');
    expect(all.items.map((u) => u.id)).toEqual(expect.arrayContaining([current.id, expired.id]));
    expect((await list('q=907&includeExpired=true')).items).toMatchObject([
      { id: expired.id, validTo: '2016-12-31' },
    ]);
    // Still readable by id, e.g. from old records that point to it.
    expect((await t.client().get(`/api/v1/units/${expired.id}`)).statusCode).toBe(200);
  });

  it('disappear from the list once an admin closes them', async () => {
    const u = (
      await admin.post('/api/v1/units', draft({ istatCode: '909', validFrom: '2010-01-01' }))
    ).json();
    expect((await list('q=909')).total).toBe(1);
    const closed = await admin.patch(`/api/v1/units/${u.id}`, { validTo: '2019-12-31' });
    expect(closed.statusCode).toBe(200);
    expect((await list('q=909')).total).toBe(0);
    expect((await list('q=909&includeExpired=true')).total).toBe(1);
  });
});

describe('seedReference', () => {
  it('is idempotent and keeps the admin’s edits to unit names', async () => {
    const vercelli = await unitByIstat('002');
    const edited = await admin.patch(`/api/v1/units/${vercelli.id}`, { name: 'Provincia di Vercelli' });
    expect(edited.statusCode).toBe(200);
    const before = await list('includeExpired=true');

    const n1 = await seedReference(t.db);
    const n2 = await seedReference(t.db);
    expect(n1).toBe(before.total);
    expect(n2).toBe(before.total);

    const after = await list('includeExpired=true');
    expect(after.total).toBe(before.total);
    expect(after.items).toEqual(before.items);
    expect((await t.client().get(`/api/v1/units/${vercelli.id}`)).json().name).toBe('Provincia di Vercelli');
    const ref = (await t.client().get('/api/v1/reference')).json();
    expect(ref.domains).toHaveLength(3);
    expect(ref.serviceModels).toHaveLength(3);
  });

  it('adds back a seeded unit that is missing, and only that one', async () => {
    const asti = await unitByIstat('005');
    const before = await list('includeExpired=true');
    await t.db.delete(territorialUnits).where(eq(territorialUnits.id, asti.id));
    expect((await list('includeExpired=true')).total).toBe(before.total - 1);

    expect(await seedReference(t.db)).toBe(before.total);
    const after = await list('includeExpired=true');
    expect(after.total).toBe(before.total);
    const restored = await unitByIstat('005');
    const { id: _old, ...expected } = asti;
    expect(restored).toMatchObject(expected);
    const counts = new Map<string, number>();
    for (const u of after.items) counts.set(u.istatCode, (counts.get(u.istatCode) ?? 0) + 1);
    // The file's own test units (9xx) may share a code on purpose; the ISTAT ones never do.
    for (const [code, n] of counts) if (!code.startsWith('9')) expect(n, code).toBe(1);
  });
});
