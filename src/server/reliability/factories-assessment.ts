import { and, eq } from 'drizzle-orm';
import type { FrameworkSummary, FrameworkTree } from '../../common/framework.js';
import { addDays } from '../../common/rome-time.js';
import { competencyFrameworks, trainingPlanItems, trainingPlans } from '../db/schema/index.js';
import type { TestContext } from '../test/app.js';
import { baseInput, createCampaign, fullAnswers, openCampaign, questionnaireOf } from '../test/campaigns.js';
import type { TestClient } from '../test/client.js';
import { fresh, ok, today } from './fixtures.js';

/** Fresh surveys, framework drafts and training plans, made as a national admin (`admin`). */
export function assessmentFactories(t: TestContext, admin: TestClient) {
  /** The framework's draft, made from the version in force when there is none. */
  const draftId = async () => {
    const [row] = await t.db
      .select({ id: competencyFrameworks.id })
      .from(competencyFrameworks)
      .where(eq(competencyFrameworks.status, 'draft'));
    return row?.id ?? (await ok(await admin.post('/api/v1/competency-frameworks', {}), 'draft')).id;
  };

  const planOf = async (campaign: number, unit: number) =>
    (
      await t.db
        .select({ id: trainingPlans.id, status: trainingPlans.status, version: trainingPlans.version })
        .from(trainingPlans)
        .where(and(eq(trainingPlans.campaignId, campaign), eq(trainingPlans.unitId, unit)))
    )[0];

  return {
    draftId,

    /** The framework's draft as a tree. */
    async draft(): Promise<FrameworkTree> {
      const id = await draftId();
      return (await ok(
        await admin.get(`/api/v1/competency-frameworks/${id}`),
        'draft',
      )) as unknown as FrameworkTree;
    },

    async publishedFramework() {
      const [row] = await t.db
        .select({ id: competencyFrameworks.id })
        .from(competencyFrameworks)
        .where(eq(competencyFrameworks.status, 'published'));
      if (!row) throw new Error('fixture: no published framework');
      return row.id;
    },

    /** No draft of the framework: a new one may be made. */
    async noDraft() {
      const list = (await ok(await admin.get('/api/v1/competency-frameworks'), 'frameworks')) as unknown as {
        items: FrameworkSummary[];
      };
      for (const f of list.items.filter((x) => x.status === 'draft'))
        await ok(await admin.delete(`/api/v1/competency-frameworks/${f.id}`), 'delete draft');
    },

    /** A survey of the unit, named; opened when asked. */
    async campaign(unit: number, opts: { open?: boolean; managerAssessment?: boolean } = {}) {
      const c = await createCampaign(
        admin,
        baseInput({
          title: { it: fresh('Rilevazione'), en: fresh('Survey') },
          unitIds: [unit],
          opensOn: addDays(today(), -1),
          managerAssessment: opts.managerAssessment ?? false,
        }),
      );
      if (opts.open) await openCampaign(admin, c.id);
      return c.id;
    },

    /** The answers a questionnaire needs, as the invited person sees it. */
    async answers(client: TestClient, campaign: number) {
      return fullAnswers(await questionnaireOf(client, campaign));
    },

    /** The unit's training plan of a closed survey, in the status asked, with its version and lines. */
    async plan(campaign: number, unit: number, status?: 'draft' | 'approved') {
      let plan = await planOf(campaign, unit);
      if (!plan) {
        await ok(await admin.post('/api/v1/training-plans', { campaignId: campaign, unitId: unit }), 'plan');
        plan = await planOf(campaign, unit);
      }
      if (!plan) throw new Error('fixture: no plan');
      if (status && plan.status !== status) {
        const step = status === 'approved' ? 'approve' : 'reopen';
        await ok(
          await admin.post(`/api/v1/training-plans/${plan.id}/${step}`, { version: plan.version }),
          `plan ${step}`,
        );
        plan = (await planOf(campaign, unit)) ?? plan;
      }
      const items = await t.db
        .select({ id: trainingPlanItems.id, pathId: trainingPlanItems.pathId })
        .from(trainingPlanItems)
        .where(eq(trainingPlanItems.planId, plan.id))
        .orderBy(trainingPlanItems.position);
      return { ...plan, items };
    },

    /** Removes the unit's plan, so that it can be drawn again. */
    async dropPlan(campaign: number, unit: number) {
      const plan = await planOf(campaign, unit);
      if (!plan) return;
      await t.db.delete(trainingPlanItems).where(eq(trainingPlanItems.planId, plan.id));
      await t.db.delete(trainingPlans).where(eq(trainingPlans.id, plan.id));
    },

    /** Removes a path's line from a plan, so that it can be added again. */
    async dropLine(plan: number, path: number) {
      await t.db
        .delete(trainingPlanItems)
        .where(and(eq(trainingPlanItems.planId, plan), eq(trainingPlanItems.pathId, path)));
    },
  };
}
