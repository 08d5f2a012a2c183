import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiUrl, apiRoutes as r } from '../../../../common/api-routes.js';
import type { CompareView, ProposeInput, ReorgPlanView } from '../../../../common/reorg-plans.js';
import type { PlanContent } from '../../../../common/restructuring.js';
import { auditLog, territorialUnits } from '../../../db/schema/index.js';
import { startTestApp } from '../../../test/app.js';
import type { TestClient } from '../../../test/client.js';
import { reorgLookup } from './lookup.js';
import { reorgPlanSummaries } from './summaries.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const taskforce = await t.as('taskforce@officina.demo');
const cuneo = await t.as('referente.cuneo@officina.demo');
const bergamo = await t.as('referente.bergamo@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const trainer = await t.as('formatore@officina.demo');
const helpdesk = await t.as('helpdesk@officina.demo');
const moderator = await t.as('moderatore@officina.demo');
const anon = t.client();

const units = Object.fromEntries(
  (
    await t.db
      .select({ id: territorialUnits.id, code: territorialUnits.istatCode })
      .from(territorialUnits)
      .where(inArray(territorialUnits.istatCode, ['004', '016', '090']))
  ).map((u) => [u.code, u.id]),
) as Record<'004' | '016' | '090', number>;
const CN = units['004'];
const BG = units['016'];
const SS = units['090'];

const plan = (c: TestClient, id = CN) => c.get(apiUrl(r.reorgPlans.plan, { id }));
const view = async (c: TestClient, id = CN) => {
  const res = await plan(c, id);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as ReorgPlanView;
};
const propose = (c: TestClient, body: ProposeInput, id = CN) =>
  c.post(apiUrl(r.reorgPlans.versions, { id }), body);
const decide = (c: TestClient, number: number, decision: 'validata' | 'respinta', note = '', id = CN) =>
  c.post(apiUrl(r.reorgPlans.decision, { id, number }), { decision, note });
const move = (c: TestClient, to: string, revision: number, id = CN, note = '') =>
  c.post(apiUrl(r.reorgPlans.status, { id }), { to, revision, note });

const content = (over: Partial<PlanContent> = {}): PlanContent => ({
  act: null,
  functions: [
    { key: 'viabilita', name: 'Viabilità', kind: 'fondamentale', description: '' },
    { key: 'turismo', name: 'Turismo', kind: 'delegata', description: '' },
  ],
  staffing: [
    {
      functionKey: 'viabilita',
      jobProfileCode: 'funzionario-tecnico',
      planned: 10,
      covered: 7,
      annualCostCents: 45_000_000,
    },
    {
      functionKey: 'turismo',
      jobProfileCode: 'operatore',
      planned: 2,
      covered: 2,
      annualCostCents: 6_000_050,
    },
  ],
  notes: '',
  ...over,
});
const ACT = { type: 'decreto_presidenziale', number: '45', date: '2026-05-12' } as const;

/** A multipart upload: the form fields first, then the file. */
function upload(filename: string, content: Buffer | string, fields: Record<string, string> = {}) {
  const boundary = '----officinariassetto';
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  return {
    payload: Buffer.concat([
      Buffer.from(parts.join('')),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(content) ? content : Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const send = (
  c: TestClient,
  filename: string,
  body: Buffer | string,
  fields?: Record<string, string>,
  id = CN,
) => c.request('POST', apiUrl(r.reorgPlans.documents, { id }), undefined, upload(filename, body, fields));
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('who reaches a unit’s plan', () => {
  it('answers 401 signed out, 403 to learners, trainers, helpdesk and moderators', async () => {
    expect((await plan(anon)).statusCode).toBe(401);
    for (const c of [learner, trainer, helpdesk, moderator]) expect((await plan(c)).statusCode).toBe(403);
  });

  it('hides another unit from an officer (404), and an unknown unit from anyone', async () => {
    expect((await plan(bergamo, CN)).statusCode).toBe(404);
    expect((await propose(bergamo, { basedOn: 0, summary: 'x', content: content() }, CN)).statusCode).toBe(
      404,
    );
    expect((await plan(admin, 999_999)).statusCode).toBe(404);
  });
});

describe('a plan from its first proposal to its adoption', () => {
  it('is made lazily, not started and with no versions', async () => {
    expect(await reorgLookup.statusOf(t.db, CN)).toBe('non_avviato');
    const v = await view(cuneo);
    expect(v).toMatchObject({
      status: 'non_avviato',
      currentVersion: 0,
      current: null,
      pending: null,
      versions: [],
    });
    expect(v.allowed).toMatchObject({ propose: true, decide: false, statuses: ['in_predisposizione'] });
    expect((await view(taskforce)).unit.id).toBe(CN);
  });

  it('takes a proposal from the officer, which starts the preparation', async () => {
    const res = await propose(cuneo, { basedOn: 0, summary: 'Prima stesura', content: content() });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json() as ReorgPlanView;
    expect(v.status).toBe('in_predisposizione');
    expect(v.pending).toMatchObject({ number: 1, state: 'proposta', summary: 'Prima stesura' });
    expect(v.pending?.totals).toMatchObject({
      planned: 12,
      covered: 9,
      vacant: 3,
      annualCostCents: 51_000_050,
    });
    expect(v.events.map((e) => e.kind)).toEqual(['status', 'proposed']);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.action, 'reorg_plan.proposed'));
    expect(audits).toHaveLength(1);
  });

  it('keeps one proposal at a time, with a clear 409', async () => {
    const res = await propose(taskforce, { basedOn: 0, summary: 'Altra', content: content() });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('REORG_PROPOSAL_PENDING');
  });

  it('refuses decisions from officers', async () => {
    expect((await decide(cuneo, 1, 'validata')).statusCode).toBe(403);
  });

  it('wants a note to reject', async () => {
    expect((await decide(taskforce, 1, 'respinta')).statusCode).toBe(400);
  });

  it('lets exactly one of two simultaneous decisions win', async () => {
    const answers = await Promise.all([
      decide(taskforce, 1, 'validata'),
      decide(admin, 1, 'respinta', 'Manca la dotazione della polizia provinciale'),
      decide(taskforce, 1, 'validata'),
    ]);
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(2);
    const v = await view(taskforce);
    expect(v.pending).toBeNull();
    expect(v.versions).toHaveLength(1);
  });

  it('makes a validated proposal current, and refuses one based on a stale version', async () => {
    let v = await view(cuneo);
    if (v.versions[0]?.state === 'respinta') {
      // The rejection won the race: propose again and validate.
      expect((await propose(cuneo, { basedOn: 0, summary: 'Di nuovo', content: content() })).statusCode).toBe(
        201,
      );
      expect((await decide(taskforce, 2, 'validata')).statusCode).toBe(200);
      v = await view(cuneo);
    }
    expect(v.current?.state).toBe('validata');
    expect(v.currentVersion).toBe(v.current?.number);
    const stale = await propose(cuneo, { basedOn: 0, summary: 'Vecchia base', content: content() });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('REORG_VERSION_STALE');
  });

  it('records a rejection with its note and leaves the current version', async () => {
    const before = await view(cuneo);
    const res = await propose(cuneo, {
      basedOn: before.currentVersion,
      summary: 'Riduzione',
      content: content({ notes: 'bozza' }),
    });
    const n = (res.json() as ReorgPlanView).pending?.number as number;
    const rejected = await decide(taskforce, n, 'respinta', 'Importi non coerenti con il bilancio');
    expect(rejected.statusCode, rejected.body).toBe(200);
    const v = rejected.json() as ReorgPlanView;
    expect(v.currentVersion).toBe(before.currentVersion);
    expect(v.versions.find((x) => x.number === n)).toMatchObject({
      state: 'respinta',
      decisionNote: 'Importi non coerenti con il bilancio',
    });
    expect(v.events[0]).toMatchObject({ kind: 'rejected', note: 'Importi non coerenti con il bilancio' });
  });

  it('refuses adoption without an act in the current version', async () => {
    const v = await view(cuneo);
    const res = await move(cuneo, 'adottato', v.revision);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('REORG_ACT_REQUIRED');
  });

  it('adopts once a version with the act is validated; officers cannot verify', async () => {
    let v = await view(cuneo);
    await propose(cuneo, { basedOn: v.currentVersion, summary: 'Con atto', content: content({ act: ACT }) });
    v = await view(taskforce);
    expect((await decide(taskforce, v.pending?.number as number, 'validata')).statusCode).toBe(200);
    v = await view(cuneo);
    expect(v.allowed.statuses).toEqual(['adottato']);
    const adopted = await move(cuneo, 'adottato', v.revision, CN, 'Decreto firmato');
    expect(adopted.statusCode, adopted.body).toBe(200);
    v = adopted.json() as ReorgPlanView;
    expect((await move(cuneo, 'trasmesso', v.revision)).statusCode).toBe(200);
    v = await view(cuneo);
    expect((await move(cuneo, 'verificato', v.revision)).statusCode).toBe(403);
    expect((await move(cuneo, 'non_avviato', v.revision)).statusCode).toBe(409);
    const verified = await move(taskforce, 'verificato', v.revision);
    expect(verified.statusCode).toBe(200);
    expect(await reorgLookup.statusOf(t.db, CN)).toBe('verificato');
  });

  it('lets only the task force ask for an update; back to adopted needs a new act', async () => {
    let v = await view(cuneo);
    expect((await move(cuneo, 'da_aggiornare', v.revision)).statusCode).toBe(403);
    expect(
      (await move(taskforce, 'da_aggiornare', v.revision, CN, 'Nuove funzioni regionali')).statusCode,
    ).toBe(200);
    v = await view(cuneo);
    const again = await move(cuneo, 'adottato', v.revision);
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('REORG_NEW_ACT_REQUIRED');
    await propose(cuneo, {
      basedOn: v.currentVersion,
      summary: 'Nuovo atto',
      content: content({ act: { ...ACT, number: '60', date: '2026-09-01' } }),
    });
    v = await view(taskforce);
    await decide(taskforce, v.pending?.number as number, 'validata');
    v = await view(cuneo);
    expect((await move(cuneo, 'adottato', v.revision)).statusCode).toBe(200);
    const history = (await reorgPlanSummaries.statusHistory(t.db)).filter((h) => h.unitId === CN);
    expect(history.map((h) => h.to)).toEqual([
      'in_predisposizione',
      'adottato',
      'trasmesso',
      'verificato',
      'da_aggiornare',
      'adottato',
    ]);
  });

  it('applies only one of two simultaneous status changes at the same revision', async () => {
    const v = await view(taskforce);
    const answers = await Promise.all([
      move(taskforce, 'da_aggiornare', v.revision),
      move(cuneo, 'trasmesso', v.revision),
      move(admin, 'da_aggiornare', v.revision),
    ]);
    expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.statusCode === 409)).toHaveLength(2);
    expect((await view(taskforce)).revision).toBe(v.revision + 1);
  });

  it('sums up each unit for the national view', async () => {
    const s = await reorgPlanSummaries.summaryOf(t.db, CN);
    expect(s).toMatchObject({ unitId: CN, act: { number: '60' }, pendingProposal: false });
    expect(s?.totals).toMatchObject({ functions: { fondamentale: 1, delegata: 1 }, vacant: 3 });
    expect((await reorgPlanSummaries.summaries(t.db)).some((x) => x.unitId === CN)).toBe(true);
    expect((await reorgLookup.statusByUnit(t.db)).get(CN)?.currentVersion).toBe(s?.currentVersion);
  });
});

describe('withdrawing a proposal', () => {
  it('is for who proposed it, while it waits', async () => {
    const created = await propose(
      taskforce,
      { basedOn: 0, summary: 'Bozza task force', content: content() },
      SS,
    );
    expect(created.statusCode, created.body).toBe(201);
    const n = (created.json() as ReorgPlanView).pending?.number as number;
    expect((await admin.post(apiUrl(r.reorgPlans.withdraw, { id: SS, number: n }))).statusCode).toBe(403);
    const res = await taskforce.post(apiUrl(r.reorgPlans.withdraw, { id: SS, number: n }));
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as ReorgPlanView;
    expect(v.pending).toBeNull();
    expect(v.events[0]).toMatchObject({ kind: 'withdrawn', version: n });
    // Kept as withdrawn: its number is never given to another version.
    expect(v.versions.find((x) => x.number === n)?.state).toBe('ritirata');
    const again = await propose(taskforce, { basedOn: 0, summary: 'Seconda bozza', content: content() }, SS);
    expect(again.statusCode, again.body).toBe(201);
    expect((again.json() as ReorgPlanView).pending?.number).toBe(n + 1);
    expect((await taskforce.post(apiUrl(r.reorgPlans.withdraw, { id: SS, number: n + 1 }))).statusCode).toBe(
      200,
    );
  });
});

describe('adopting again after a request for an update', () => {
  const OLD_ACT = { type: 'delibera_consiliare', number: '7', date: '2026-03-02' } as const;
  const NEW_ACT = { type: 'delibera_consiliare', number: '19', date: '2026-10-20' } as const;
  const proposeAndValidate = async (over: Partial<PlanContent>, summary: string) => {
    const before = await view(taskforce, SS);
    const res = await propose(
      taskforce,
      { basedOn: before.currentVersion, summary, content: content(over) },
      SS,
    );
    expect(res.statusCode, res.body).toBe(201);
    return decide(taskforce, (res.json() as ReorgPlanView).pending?.number as number, 'validata', '', SS);
  };
  const moveSS = async (to: string) => move(taskforce, to, (await view(taskforce, SS)).revision, SS);

  it('refuses the old act through preparation, and in a newer version that copies it', async () => {
    expect((await proposeAndValidate({ act: OLD_ACT }, 'Primo atto')).statusCode).toBe(200);
    expect((await moveSS('adottato')).statusCode).toBe(200);
    expect((await moveSS('da_aggiornare')).statusCode).toBe(200);
    expect((await moveSS('in_predisposizione')).statusCode).toBe(200);
    const bypass = await moveSS('adottato');
    expect(bypass.statusCode).toBe(422);
    expect(bypass.json().code).toBe('REORG_NEW_ACT_REQUIRED');
    // A newer version with the same act is not a new act.
    expect((await proposeAndValidate({ act: OLD_ACT, notes: 'copia' }, 'Stesso atto')).statusCode).toBe(200);
    const copied = await moveSS('adottato');
    expect(copied.statusCode).toBe(422);
    expect(copied.json().code).toBe('REORG_NEW_ACT_REQUIRED');
    expect((await proposeAndValidate({ act: NEW_ACT }, 'Nuovo atto')).statusCode).toBe(200);
    expect((await moveSS('adottato')).statusCode).toBe(200);
  });

  it('refuses to validate a version without an act on an adopted plan; notes a changed act', async () => {
    const v = await view(taskforce, SS);
    expect(v.status).toBe('adottato');
    const res = await propose(
      taskforce,
      { basedOn: v.currentVersion, summary: 'Senza atto', content: content() },
      SS,
    );
    const n = (res.json() as ReorgPlanView).pending?.number as number;
    const refused = await decide(taskforce, n, 'validata', '', SS);
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'REORG_ADOPTED_ACT_REQUIRED' });
    expect(refused.json().message).toMatch(/atto di adozione/);
    taskforce.lang = 'en';
    const en = await decide(taskforce, n, 'validata', '', SS);
    taskforce.lang = 'it';
    expect(en.json().message).toMatch(/must carry its adoption act/);
    expect((await view(taskforce, SS)).currentVersion).toBe(v.currentVersion);
    expect((await decide(taskforce, n, 'respinta', 'Manca l’atto', SS)).statusCode).toBe(200);
    const other = { ...NEW_ACT, number: '20' };
    const changed = await proposeAndValidate({ act: other }, 'Atto rettificato');
    expect(changed.statusCode, changed.body).toBe(200);
    const after = changed.json() as ReorgPlanView;
    expect(after.status).toBe('adottato');
    expect(after.events[0]?.kind).toBe('validated');
    // Readable words and the app's one date format, never codes or ISO days.
    expect(after.events[0]?.note).toContain(
      'l’atto di adozione cambia da delibera consiliare n. 19 del 20 ott 2026 a delibera consiliare n. 20 del 20 ott 2026.',
    );
  });
});

describe('comparing versions', () => {
  it('shows functions, lines, act and totals before and after', async () => {
    const v = await view(cuneo);
    const numbers = v.versions.filter((x) => x.state === 'validata').map((x) => x.number);
    const [to, from] = [numbers[0] as number, numbers[numbers.length - 1] as number];
    const res = await cuneo.get(apiUrl(r.reorgPlans.compare, { id: CN }, { from, to }));
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as CompareView;
    expect(c.diff.act.changed).toBe(true);
    expect(c.diff.act.after?.number).toBe('60');
    expect(c.diff.totals.after.planned).toBe(12);
    const first = (
      await cuneo.get(apiUrl(r.reorgPlans.compare, { id: CN }, { from: 0, to: from }))
    ).json() as CompareView;
    expect(first.diff.functions.added).toHaveLength(2);
    expect((await cuneo.get(apiUrl(r.reorgPlans.compare, { id: CN }, { from: 0, to: 999 }))).statusCode).toBe(
      404,
    );
    expect((await bergamo.get(apiUrl(r.reorgPlans.compare, { id: CN }, { from: 0, to: 1 }))).statusCode).toBe(
      404,
    );
  });
});

describe('documents', () => {
  let docId = 0;

  it('takes a real PDF, with its SHA-256, and lets it be downloaded as stored', async () => {
    const res = await send(cuneo, 'Decreto 45.pdf', PDF, {
      kind: 'atto_adozione',
      title: 'Decreto di adozione',
    });
    expect(res.statusCode, res.body).toBe(201);
    const doc = (res.json() as ReorgPlanView).documents[0];
    expect(doc).toMatchObject({
      kind: 'atto_adozione',
      title: 'Decreto di adozione',
      mediaType: 'application/pdf',
    });
    expect(doc?.sha256).toMatch(/^[0-9a-f]{64}$/);
    docId = doc?.id as number;
    const dl = await taskforce.get(apiUrl(r.reorgPlans.document, { id: CN, documentId: docId }));
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="Decreto 45.pdf"/);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect((await bergamo.get(apiUrl(r.reorgPlans.document, { id: CN, documentId: docId }))).statusCode).toBe(
      404,
    );
  });

  it('refuses a file named .pdf that is not a PDF, in Italian and English', async () => {
    const res = await send(cuneo, 'finto.pdf', '<html><script>alert(1)</script></html>');
    expect(res.statusCode).toBe(415);
    expect(res.json().message).toMatch(/non è un PDF/);
    cuneo.lang = 'en';
    const en = await send(cuneo, 'finto.pdf', 'MZ\x90\x00');
    cuneo.lang = 'it';
    expect(en.json().message).toMatch(/is not a valid PDF/);
    // A real PDF under another extension is refused too.
    expect((await send(cuneo, 'piano.docx', PDF)).statusCode).toBe(415);
  });

  it('refuses a file over 10 MB', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
    const res = await send(cuneo, 'grande.pdf', big);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/10 MB/);
  });

  it('refuses uploads from other units and other roles', async () => {
    expect((await send(bergamo, 'a.pdf', PDF)).statusCode).toBe(404);
    expect((await send(learner, 'a.pdf', PDF)).statusCode).toBe(403);
  });

  it('refuses them before reading the file', async () => {
    // Too large, or no file at all: the access answer comes first, so the body was never needed.
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 + 10, 0x20)]);
    expect((await send(bergamo, 'grande.pdf', big)).statusCode).toBe(404);
    expect((await send(learner, 'grande.pdf', big)).statusCode).toBe(403);
    const noFile = await bergamo.request('POST', apiUrl(r.reorgPlans.documents, { id: CN }), undefined, {
      payload: 'not multipart at all',
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
    });
    expect(noFile.statusCode).toBe(404);
  });

  it('removes a document softly, with an event', async () => {
    expect(
      (await bergamo.delete(apiUrl(r.reorgPlans.document, { id: CN, documentId: docId }))).statusCode,
    ).toBe(404);
    const res = await cuneo.delete(apiUrl(r.reorgPlans.document, { id: CN, documentId: docId }));
    expect(res.statusCode, res.body).toBe(200);
    const v = res.json() as ReorgPlanView;
    expect(v.documents).toHaveLength(0);
    expect(v.events[0]).toMatchObject({ kind: 'document_removed', note: 'Decreto di adozione' });
    expect((await cuneo.get(apiUrl(r.reorgPlans.document, { id: CN, documentId: docId }))).statusCode).toBe(
      404,
    );
    expect(
      (await cuneo.delete(apiUrl(r.reorgPlans.document, { id: CN, documentId: docId }))).statusCode,
    ).toBe(404);
    const audits = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'reorg_plan.document_removed')));
    expect(audits).toHaveLength(1);
  });
});

describe('Bergamo’s officer on their own plan', () => {
  it('proposes for Bergamo', async () => {
    const res = await propose(bergamo, { basedOn: 0, summary: 'Bergamo', content: content() }, BG);
    expect(res.statusCode, res.body).toBe(201);
  });
});
