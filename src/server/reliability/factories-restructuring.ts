import { eq } from 'drizzle-orm';
import { apiRoutes, apiUrl } from '../../common/api-routes.js';
import type { ReorgPlanView } from '../../common/reorg-plans.js';
import type { ReorgStatus } from '../../common/restructuring.js';
import { reorgPlans } from '../db/schema/index.js';
import type { TestContext } from '../test/app.js';
import type { TestClient } from '../test/client.js';
import { ok } from './fixtures.js';

/** A small plan content: one function, one staffing line. */
export const reorgContent = () => ({
  act: null,
  functions: [{ key: 'viabilita', name: 'Viabilità', kind: 'fondamentale', description: '' }],
  staffing: [
    {
      functionKey: 'viabilita',
      jobProfileCode: 'funzionario-tecnico',
      planned: 3,
      covered: 2,
      annualCostCents: 12_345_678,
    },
  ],
  notes: '',
});

/** The smallest file the plan's documents take as a PDF. */
export const REORG_PDF = '%PDF-1.4\n%%EOF\n';

/** Restructuring plans in the state a case needs, made as a national admin (`admin`). */
export function restructuringFactories(t: TestContext, admin: TestClient) {
  const plan = async (unitId: number) =>
    (await ok(
      await admin.get(apiUrl(apiRoutes.reorgPlans.plan, { id: unitId })),
      'reorg plan',
    )) as unknown as ReorgPlanView;

  /** The plan with no proposal waiting (a waiting one is rejected). */
  const clearPending = async (unitId: number) => {
    const p = await plan(unitId);
    if (!p.pending) return p;
    await ok(
      await admin.post(apiUrl(apiRoutes.reorgPlans.decision, { id: unitId, number: p.pending.number }), {
        decision: 'respinta',
        note: 'Respinta per la prova',
      }),
      'reject pending',
    );
    return plan(unitId);
  };

  return {
    reorgPlan: plan,
    reorgClearPending: clearPending,

    /** The number of a proposal waiting for the task force, made by `by` (the admin by default). */
    async reorgPending(unitId: number, by: TestClient = admin) {
      const p = await plan(unitId);
      if (p.pending && p.pending.proposedBy.id === (await whoIs(by))) return p.pending.number;
      const base = await clearPending(unitId);
      const made = (await ok(
        await by.post(apiUrl(apiRoutes.reorgPlans.versions, { id: unitId }), {
          basedOn: base.currentVersion,
          summary: 'Proposta di prova',
          content: reorgContent(),
        }),
        'propose',
      )) as unknown as ReorgPlanView;
      return made.pending?.number as number;
    },

    /** A new PDF document of the plan, uploaded by the admin; its id. */
    async reorgDocument(unitId: number) {
      const boundary = '----officinariassetto';
      const res = await admin.request(
        'POST',
        apiUrl(apiRoutes.reorgPlans.documents, { id: unitId }),
        undefined,
        {
          payload: Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="piano.pdf"\r\nContent-Type: application/pdf\r\n\r\n${REORG_PDF}\r\n--${boundary}--\r\n`,
          ),
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        },
      );
      const made = (await ok(res, 'reorg document')) as unknown as ReorgPlanView;
      return made.documents[0]?.id as number;
    },

    /** Puts the plan in a status directly (the workflow's own rules are tested elsewhere); its revision. */
    async reorgAt(unitId: number, status: ReorgStatus) {
      await plan(unitId);
      const [row] = await t.db
        .update(reorgPlans)
        .set({ status })
        .where(eq(reorgPlans.unitId, unitId))
        .returning({ revision: reorgPlans.revision });
      return row?.revision as number;
    },
  };
}

async function whoIs(c: TestClient) {
  const me = await c.get(apiUrl(apiRoutes.auth.me));
  return (me.json() as { id?: string }).id ?? null;
}
