import type { Db } from '../../../db/client.js';
import { defineModule } from '../../../kernel/module.js';
import type { RoleHolders } from '../../identity/users/index.js';
import type { AuditService } from '../../platform/audit/index.js';
import { createTaskforceRepository } from './repository.js';
import { taskforceRoutes } from './routes.js';
import { createTaskforceService, type TaskforceService } from './service.js';

export type { TaskforceService };

/**
 * What the national view and the PDF brief read about the task force's work, inside the caller's
 * transaction: per unit, the lead, members, last intervention, open issues by severity and next
 * milestone; and the interventions per month, for trends.
 */
export type TaskforceLookup = {
  unitSummaries(tx: Db): Promise<
    {
      unitId: number;
      unitName: string;
      leadName: string | null;
      members: number;
      lastInterventionOn: string | null;
      openIssues: { bassa: number; media: number; alta: number };
      nextMilestone: { title: string; dueOn: string } | null;
    }[]
  >;
  activityByMonth(
    tx: Db,
  ): Promise<{ month: string; interventions: number; byKind: Record<string, number> }[]>;
};

/**
 * The national task force's own work: members and the units each follows (one lead per unit), each
 * unit's interventions log, risks and open issues, milestones, and each member's week.
 */
export const taskforceModule = defineModule({
  name: 'taskforce',
  create: ({ db, clock }, deps: { audit: AuditService; roleHolders: RoleHolders }) => {
    const repo = createTaskforceRepository();
    const taskforce: TaskforceLookup = {
      unitSummaries: (tx) => repo.unitSummaries(tx),
      async activityByMonth(tx) {
        const months = new Map<
          string,
          { month: string; interventions: number; byKind: Record<string, number> }
        >();
        for (const r of await repo.activityByMonth(tx)) {
          const m = months.get(r.month) ?? { month: r.month, interventions: 0, byKind: {} };
          m.interventions += Number(r.n);
          m.byKind[r.kind] = Number(r.n);
          months.set(r.month, m);
        }
        return [...months.values()];
      },
    };
    return {
      taskforce,
      taskforceWork: createTaskforceService({
        db,
        repo,
        roleHolders: deps.roleHolders,
        audit: deps.audit,
        clock,
      }),
    };
  },
  routes: (app, services, { config }) => taskforceRoutes(app, { services, config }),
});
