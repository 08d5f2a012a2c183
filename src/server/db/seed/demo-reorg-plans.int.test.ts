import { inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { reorgPlanSummaries } from '../../modules/restructuring/reorg/index.js';
import { startTestApp } from '../../test/app.js';
import { territorialUnits } from '../schema/index.js';
import { seedDemoReorgPlans } from './demo-reorg-plans.js';

const t = await startTestApp();

describe('the demo restructuring plans', () => {
  it('gives Cuneo an adopted plan with a pending proposal, Bergamo one in preparation, others with colours', async () => {
    await seedDemoReorgPlans(t.db);
    await seedDemoReorgPlans(t.db); // a second run adds nothing
    const units = new Map(
      (
        await t.db
          .select({ id: territorialUnits.id, code: territorialUnits.istatCode })
          .from(territorialUnits)
          .where(inArray(territorialUnits.istatCode, ['004', '016', '017']))
      ).map((u) => [u.code, u.id]),
    );
    const all = await reorgPlanSummaries.summaries(t.db);
    expect(all).toHaveLength(6);
    const cuneo = all.find((s) => s.unitId === units.get('004'));
    expect(cuneo).toMatchObject({ status: 'adottato', currentVersion: 1, pendingProposal: true });
    expect(cuneo?.act?.number).toBe('45');
    expect(cuneo?.totals?.functions.fondamentale).toBe(3);
    expect(all.find((s) => s.unitId === units.get('016'))).toMatchObject({
      status: 'in_predisposizione',
      currentVersion: 0,
      pendingProposal: true,
      totals: null,
    });
    expect(all.find((s) => s.unitId === units.get('017'))?.status).toBe('verificato');
    const history = await reorgPlanSummaries.statusHistory(t.db);
    expect(history.filter((h) => h.unitId === units.get('017')).map((h) => h.to)).toEqual([
      'in_predisposizione',
      'adottato',
      'trasmesso',
      'verificato',
    ]);
  });
});
