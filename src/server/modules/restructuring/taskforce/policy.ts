import type { Principal } from '../../../kernel/principal.js';
import { canReadUnit, canUseRestructuring, isTaskForce } from '../reorg/index.js';

/**
 * The task force's work is its own: the task force and national admins record it and read all of it;
 * a unit's Province officers read the interventions and milestones of their own unit (transparency),
 * never the risks and issues, which stay internal to the task force.
 */
export const canWorkAsTaskForce = (p: Principal | null) => isTaskForce(p);

/** Opens a unit's task force page: the task force, or the unit's own officers. */
export const canSeeUnitWork = (p: Principal | null, unitId: number) =>
  canUseRestructuring(p) && canReadUnit(p, unitId);

/** Risks and open issues: the task force only. */
export const canSeeIssues = (p: Principal | null) => isTaskForce(p);
