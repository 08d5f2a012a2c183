import { describe, expect, it } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../../../common/api-routes.js';
import type { FrameworkFile, FrameworkSummary, FrameworkTree } from '../../../../common/framework.js';
import { seedReference } from '../../../db/seed/reference.js';
import { startTestApp } from '../../../test/app.js';
import type { TestClient } from '../../../test/client.js';
import { CSV_COLUMNS } from './file-format.js';

const t = await startTestApp();
// Sign-in is throttled per address: sign each person in once for the whole file.
const admin = await t.as('admin@officina.demo');
const taskforce = await t.as('taskforce@officina.demo');
const officer = await t.as('referente.cuneo@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const trainer = await t.as('formatore@officina.demo');
const anon = t.client();

const versions = async (c: TestClient = admin) => {
  const res = await c.get(apiUrl(r.framework.versions));
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as FrameworkSummary[];
};
const published = async () => {
  const found = (await versions()).find((v) => v.status === 'published');
  if (!found) throw new Error('no published version');
  return found;
};
const tree = async (id: number, c: TestClient = admin) => {
  const res = await c.get(apiUrl(r.framework.version, { id }));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as FrameworkTree;
};
const exportJson = async (id: number) => {
  const res = await admin.get(apiUrl(r.framework.exportJson, { id }));
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as FrameworkFile;
};
const newDraft = async (body: Record<string, unknown> = {}) => {
  const res = await admin.post(apiUrl(r.framework.versions), body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as FrameworkTree;
};
const deleteDraft = async (id: number) =>
  expect((await admin.delete(apiUrl(r.framework.version, { id }))).statusCode).toBe(200);

/** A multipart upload of one file in the "file" field. */
function upload(filename: string, content: string | Buffer, type = 'application/octet-stream') {
  const boundary = '----officinaframework';
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`,
      ),
      Buffer.isBuffer(content) ? content : Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const importFile = (filename: string, content: string | Buffer, c: TestClient = admin, version?: string) =>
  c.request('POST', apiUrl(r.framework.import, {}, { version }), undefined, upload(filename, content));

/** The content of a file without its label, to compare versions. */
const content = (f: FrameworkFile) => ({ ...f, version: undefined });

describe('the default framework', () => {
  it('is loaded published, once, with domains, areas and competencies at three levels', async () => {
    const list = await versions(learner);
    expect(list).toHaveLength(1);
    const v = list[0] as FrameworkSummary;
    expect(v).toMatchObject({ status: 'published', retiredAt: null });
    expect(v.publishedAt).not.toBeNull();
    expect(v.competencies).toBeGreaterThan(0);

    const tr = await tree(v.id, officer);
    expect(tr.domains.map((d) => d.code).sort()).toEqual([
      'gestionale',
      'giuridico-amministrativo',
      'tecnologico',
    ]);
    expect(tr.domains.find((d) => d.code === 'tecnologico')?.name).toEqual({
      it: 'Tecnologico',
      en: 'Technology',
    });
    const c = tr.domains[0]?.areas[0]?.competencies[0];
    expect(c?.levels.base.it).toBeTruthy();
    expect(c?.levels.avanzato.en).toBeTruthy();
    expect(tr.competencies).toBe(tr.domains.flatMap((d) => d.areas.flatMap((a) => a.competencies)).length);

    // Start-up runs the reference seed again: nothing is added.
    await seedReference(t.db);
    expect(await versions()).toHaveLength(1);
    const audit = (await admin.get('/api/v1/audit-log?action=framework.seeded')).json();
    expect(audit.total).toBe(1);
  });

  it('gives the manageFramework flag to national admins only', async () => {
    expect((await admin.get('/api/v1/me')).json().can.manageFramework).toBe(true);
    for (const c of [taskforce, officer, learner, trainer])
      expect((await c.get('/api/v1/me')).json().can.manageFramework).toBe(false);
  });
});

describe('a new version: draft, edit, publish', () => {
  it('copies the version in force, is edited, and retires it when published', async () => {
    const before = await published();
    const draft = await newDraft();
    expect(draft).toMatchObject({ status: 'draft', basedOnId: before.id, publishedAt: null });
    expect(draft.version).not.toBe(before.version);
    expect(content(await exportJson(draft.id))).toEqual(content(await exportJson(before.id)));
    expect((await admin.post(apiUrl(r.framework.versions), {})).json().code).toBe('DRAFT_EXISTS');

    // Label, title, an area, a competency; a change, a move, a removal.
    let tr = (
      await admin.patch(apiUrl(r.framework.version, { id: draft.id }), {
        version: 'prova-2',
        title: { it: 'Quadro di prova', en: 'Test framework' },
      })
    ).json() as FrameworkTree;
    expect(tr).toMatchObject({ version: 'prova-2', title: { it: 'Quadro di prova' } });
    const added = await admin.post(apiUrl(r.framework.areas, { id: draft.id }), {
      domainCode: 'gestionale',
      code: 'GE.9',
      name: { it: 'Benessere organizzativo', en: 'Workplace wellbeing' },
    });
    expect(added.statusCode, added.body).toBe(201);
    tr = added.json();
    const area = tr.domains.flatMap((d) => d.areas).find((a) => a.code === 'GE.9');
    if (!area) throw new Error('area missing');
    const dup = await admin.post(apiUrl(r.framework.areas, { id: draft.id }), {
      domainCode: 'tecnologico',
      code: 'ge.9',
      name: { it: 'x', en: 'x' },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'CODE_TAKEN', details: [{ path: 'code' }] });
    const bad = await admin.post(apiUrl(r.framework.areas, { id: draft.id }), {
      domainCode: 'sanitario',
      code: 'SA.1',
      name: { it: 'x', en: 'x' },
    });
    expect(bad.json()).toMatchObject({ code: 'UNKNOWN_DOMAIN', details: [{ path: 'domainCode' }] });

    const levels = {
      base: { it: 'Riconosce i segnali di stress.', en: 'Recognises signs of stress.' },
      intermedio: { it: 'Propone azioni.', en: 'Proposes actions.' },
      avanzato: { it: 'Guida un piano.', en: 'Leads a plan.' },
    };
    const comp = await admin.post(apiUrl(r.framework.competencies, { id: draft.id }), {
      areaId: area.id,
      code: 'GE.9.1',
      name: { it: 'Benessere', en: 'Wellbeing' },
      description: { it: 'Prevenire lo stress lavoro-correlato.', en: 'Preventing work-related stress.' },
      levels,
    });
    expect(comp.statusCode, comp.body).toBe(201);
    tr = comp.json();
    const wellbeing = tr.domains
      .flatMap((d) => d.areas.flatMap((a) => a.competencies))
      .find((c) => c.code === 'GE.9.1');
    expect(wellbeing).toMatchObject({ areaId: area.id, keywords: [], position: 0, levels });
    const invalid = await admin.post(apiUrl(r.framework.competencies, { id: draft.id }), {
      areaId: area.id,
      code: 'GE 9',
      name: { it: 'x', en: '' },
      description: { it: 'x', en: 'x' },
      levels,
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().code).toBe('VALIDATION_ERROR');

    const first = tr.domains[0]?.areas[0]?.competencies[0];
    if (!first || !wellbeing) throw new Error('competencies missing');
    tr = (
      await admin.patch(apiUrl(r.framework.competency, { id: draft.id, competencyId: first.id }), {
        keywords: ['nuova parola'],
        areaId: area.id,
      })
    ).json();
    const moved = tr.domains.flatMap((d) => d.areas).find((a) => a.id === area.id);
    expect(moved?.competencies.map((c) => c.code)).toEqual(['GE.9.1', first.code]);
    expect(moved?.competencies[1]?.keywords).toEqual(['nuova parola']);

    // The whole order: the new area first, its two competencies swapped.
    const areas = tr.domains.flatMap((d) => d.areas);
    const order = [moved, ...areas.filter((a) => a.id !== area.id)].map((a) => ({
      id: a?.id as number,
      competencyIds: (a?.competencies ?? []).map((c) => c.id).reverse(),
    }));
    const incomplete = await admin.put(apiUrl(r.framework.order, { id: draft.id }), {
      areas: order.slice(1),
    });
    expect(incomplete.json().code).toBe('INCOMPLETE_ORDER');
    tr = (await admin.put(apiUrl(r.framework.order, { id: draft.id }), { areas: order })).json();
    expect(tr.domains[0]?.code).toBe('gestionale');
    expect(tr.domains[0]?.areas[0]?.competencies.map((c) => c.code)).toEqual([first.code, 'GE.9.1']);

    tr = (
      await admin.delete(apiUrl(r.framework.competency, { id: draft.id, competencyId: wellbeing.id }))
    ).json();
    expect(tr.competencies).toBe(before.competencies);

    const pub = await admin.post(apiUrl(r.framework.publish, { id: draft.id }));
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'published', version: 'prova-2' });
    const list = await versions(learner);
    expect(list.map((v) => [v.version, v.status])).toEqual([
      ['prova-2', 'published'],
      [before.version, 'retired'],
    ]);
    expect(list[1]?.retiredAt).not.toBeNull();
    // The retired version is read as it was.
    expect((await tree(before.id, learner)).competencies).toBe(before.competencies);
    const actions = (await admin.get(`/api/v1/audit-log?action=framework.&entityId=${draft.id}`)).json();
    expect(actions.items.map((e: { action: string }) => e.action).sort()).toEqual([
      'framework.area_added',
      'framework.competency_added',
      'framework.competency_removed',
      'framework.competency_updated',
      'framework.draft_created',
      'framework.draft_updated',
      'framework.published',
      'framework.reordered',
    ]);
  });

  it('never changes a published or retired version: 409', async () => {
    const all = await versions();
    expect(all.map((v) => v.status).sort()).toEqual(['published', 'retired']);
    for (const v of all) {
      const id = v.id;
      const full = await tree(id);
      const area = full.domains[0]?.areas[0];
      const comp = area?.competencies[0];
      if (!area || !comp) throw new Error('empty version');
      const attempts = [
        await admin.patch(apiUrl(r.framework.version, { id }), { version: 'x' }),
        await admin.delete(apiUrl(r.framework.version, { id })),
        await admin.post(apiUrl(r.framework.publish, { id })),
        await admin.post(apiUrl(r.framework.areas, { id }), {
          domainCode: 'gestionale',
          code: 'Z',
          name: { it: 'z', en: 'z' },
        }),
        await admin.patch(apiUrl(r.framework.area, { id, areaId: area.id }), { code: 'Z' }),
        await admin.delete(apiUrl(r.framework.area, { id, areaId: area.id })),
        await admin.patch(apiUrl(r.framework.competency, { id, competencyId: comp.id }), { keywords: [] }),
        await admin.delete(apiUrl(r.framework.competency, { id, competencyId: comp.id })),
        await admin.put(apiUrl(r.framework.order, { id }), { areas: [] }),
      ];
      for (const res of attempts) {
        expect(res.statusCode, res.body).toBe(409);
        expect(res.json().code).toBe('FRAMEWORK_FROZEN');
      }
      expect(await tree(id)).toEqual(full);
    }
  });

  it('keeps one draft at a time, however many admins ask at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => admin.post(apiUrl(r.framework.versions), {})),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const made = answers.find((a) => a.statusCode === 201)?.json() as FrameworkTree;
    expect((await versions()).filter((v) => v.status === 'draft').map((v) => v.id)).toEqual([made.id]);
    await deleteDraft(made.id);
  });

  it('refuses to publish an empty draft, and deletes a draft', async () => {
    const draft = await newDraft({ version: 'vuota' });
    let tr = draft;
    for (const a of draft.domains.flatMap((d) => d.areas))
      tr = (await admin.delete(apiUrl(r.framework.area, { id: draft.id, areaId: a.id }))).json();
    expect(tr).toMatchObject({ areas: 0, competencies: 0, domains: [] });
    const res = await admin.post(apiUrl(r.framework.publish, { id: draft.id }));
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('FRAMEWORK_EMPTY');
    await deleteDraft(draft.id);
    expect((await admin.get(apiUrl(r.framework.version, { id: draft.id }))).statusCode).toBe(404);
    const taken = await admin.post(apiUrl(r.framework.versions), { version: 'PROVA-2' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'VERSION_TAKEN', details: [{ path: 'version' }] });
  });
});

describe('export and import', () => {
  it('exports JSON and CSV that import back as a draft with the same content', async () => {
    const v = await published();
    const json = await admin.get(apiUrl(r.framework.exportJson, { id: v.id }));
    expect(json.headers['content-disposition']).toBe('attachment; filename="quadro-competenze-prova-2.json"');
    const file = json.json() as FrameworkFile;
    const csv = await learner.get(apiUrl(r.framework.exportCsv, { id: v.id }));
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(v.competencies + 1);

    const fromJson = await importFile('quadro.json', json.body);
    expect(fromJson.statusCode, fromJson.body).toBe(201);
    const draft = fromJson.json() as FrameworkTree;
    expect(draft).toMatchObject({ status: 'draft', version: 'prova-3', basedOnId: v.id });
    expect(content(await exportJson(draft.id))).toEqual(content(file));
    await deleteDraft(draft.id);

    const fromCsv = await importFile('quadro.csv', csv.rawPayload, admin, '2027.1');
    expect(fromCsv.statusCode, fromCsv.body).toBe(201);
    const csvDraft = fromCsv.json() as FrameworkTree;
    expect(csvDraft.version).toBe('2027.1');
    expect(await exportJson(csvDraft.id)).toEqual({ ...file, version: '2027.1' });
    const again = await importFile('quadro.json', json.body);
    expect(again.json().code).toBe('DRAFT_EXISTS');
    await deleteDraft(csvDraft.id);
    const audit = (await admin.get('/api/v1/audit-log?action=framework.imported')).json();
    expect(audit.items.map((e: { details: { format: string } }) => e.details.format).sort()).toEqual([
      'csv',
      'json',
    ]);
  });

  it('refuses bad files with each problem in the reader’s language', async () => {
    const rows = [
      CSV_COLUMNS.join(','),
      CSV_COLUMNS.map((c) => (c === 'domain' ? 'gestionale' : c.endsWith('code') ? 'A.1' : 'x')).join(','),
      CSV_COLUMNS.map((c) =>
        c === 'domain'
          ? 'ambiente'
          : c === 'competency_code'
            ? 'A.2'
            : c === 'area_code'
              ? 'A.1'
              : c === 'level_base_en'
                ? ''
                : 'x',
      ).join(','),
    ].join('\n');
    const res = await importFile('quadro.csv', rows);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'INVALID_FRAMEWORK_FILE',
      message: 'Il file non è valido (2 problemi): correggilo e riprova.',
      details: [
        {
          path: 'rows.3.domain',
          message: expect.stringMatching(/^Riga 3, colonna domain: ambito sconosciuto "ambiente"/),
        },
        { path: 'rows.3.level_base_en', message: 'Riga 3, colonna level_base_en: obbligatorio' },
      ],
    });
    admin.lang = 'en';
    try {
      const en = await importFile('quadro.csv', rows);
      expect(en.json().details[1]).toEqual({
        path: 'rows.3.level_base_en',
        message: 'Row 3, column level_base_en: required',
      });
      const json = await importFile('quadro.json', JSON.stringify({ version: 'x', title: { it: 'a' } }));
      expect(json.json().details.map((d: { path: string }) => d.path)).toEqual([
        'title.en',
        'source',
        'domains',
      ]);
      const lying = await importFile('quadro.json', rows);
      expect(lying.json()).toMatchObject({
        code: 'FILE_TYPE_MISMATCH',
        message: 'The file "quadro.json" is named .json but its content is CSV.',
      });
      const pdf = await importFile(
        'quadro.csv',
        Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10)]),
      );
      expect(pdf.json().code).toBe('FILE_TYPE_MISMATCH');
      expect((await importFile('quadro.xlsx', rows)).json().code).toBe('UNSUPPORTED_FILE');
      const big = await importFile('quadro.csv', `${rows}\n${'x'.repeat(5 * 1024 * 1024)}`);
      expect(big.statusCode).toBe(413);
      const none = await admin.request('POST', apiUrl(r.framework.import), { a: 1 });
      expect(none.statusCode).toBe(406);
    } finally {
      admin.lang = 'it';
    }
    expect((await versions()).filter((v) => v.status === 'draft')).toEqual([]);
  });
});

describe('who may do what', () => {
  it('lets every signed-in person read published and retired versions, and only admins see drafts', async () => {
    const draft = await newDraft({ version: 'riservata' });
    for (const c of [taskforce, officer, learner, trainer]) {
      const list = await versions(c);
      expect(list.map((v) => v.status).sort()).toEqual(['published', 'retired']);
      expect((await c.get(apiUrl(r.framework.version, { id: draft.id }))).statusCode).toBe(404);
      expect((await c.get(apiUrl(r.framework.exportCsv, { id: draft.id }))).statusCode).toBe(404);
      expect(
        (await c.get(apiUrl(r.framework.exportJson, { id: (list[0] as FrameworkSummary).id }))).statusCode,
      ).toBe(200);
    }
    expect((await versions()).map((v) => v.status)).toContain('draft');
    await deleteDraft(draft.id);
  });

  it('keeps editing, import, publication and path mapping to national admins (403), and everything to signed-in people (401)', async () => {
    const v = await published();
    const area = (await tree(v.id)).domains[0]?.areas[0];
    for (const c of [taskforce, officer, learner, trainer]) {
      const attempts = [
        await c.post(apiUrl(r.framework.versions), {}),
        await importFile('quadro.json', '{}', c),
        await c.patch(apiUrl(r.framework.version, { id: v.id }), { version: 'x' }),
        await c.delete(apiUrl(r.framework.version, { id: v.id })),
        await c.post(apiUrl(r.framework.publish, { id: v.id })),
        await c.post(apiUrl(r.framework.areas, { id: v.id }), {
          domainCode: 'gestionale',
          code: 'Z',
          name: { it: 'z', en: 'z' },
        }),
        await c.delete(apiUrl(r.framework.area, { id: v.id, areaId: area?.id ?? 0 })),
        await c.put(apiUrl(r.framework.order, { id: v.id }), { areas: [] }),
        await c.get(apiUrl(r.framework.pathLinks)),
        await c.get(apiUrl(r.framework.pathLink, { pathId: 1 })),
        await c.put(apiUrl(r.framework.pathLink, { pathId: 1 }), { links: [] }),
      ];
      for (const res of attempts) expect(res.statusCode, res.body).toBe(403);
    }
    expect((await anon.get(apiUrl(r.framework.versions))).statusCode).toBe(401);
    expect((await anon.get(apiUrl(r.framework.exportCsv, { id: v.id }))).statusCode).toBe(401);
    expect((await versions()).filter((x) => x.status === 'draft')).toEqual([]);
  });
});
