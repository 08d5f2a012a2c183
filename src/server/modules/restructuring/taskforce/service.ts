import type { z } from 'zod';
import type { AuditAction, AuditEntityType } from '../../../../common/audit.js';
import { romeToday } from '../../../../common/rome-time.js';
import type {
  assignInput,
  Intervention,
  Issue,
  interventionInput,
  issueInput,
  MembersView,
  Milestone,
  milestoneInput,
  UnitWork,
  WeekView,
} from '../../../../common/taskforce.js';
import type { Db } from '../../../db/client.js';
import { isUniqueViolation } from '../../../db/sql.js';
import type { Clock } from '../../../kernel/clock.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import type { RoleHolders } from '../../identity/users/index.js';
import type { AuditService } from '../../platform/audit/index.js';
import { canUseRestructuring } from '../reorg/index.js';
import * as m from './messages.js';
import { canSeeIssues, canSeeUnitWork, canWorkAsTaskForce } from './policy.js';
import type { InterventionRow, IssueRow, MilestoneRow, TaskforceRepository } from './repository.js';
import { weekOf } from './week.js';

type Row<T extends z.ZodType> = z.output<T>;

const iso = (d: Date) => d.toISOString();

/** The task force's work: assignments with one lead per unit, interventions, issues, milestones, the week. */
export function createTaskforceService(deps: {
  db: Db;
  repo: TaskforceRepository;
  roleHolders: RoleHolders;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, repo, roleHolders, audit, clock } = deps;
  const today = () => romeToday(clock.now());

  const interventionOut = (r: InterventionRow): Intervention => ({
    id: r.id,
    kind: r.kind,
    heldOn: r.heldOn,
    participants: r.participants,
    outcome: r.outcome,
    nextSteps: r.nextSteps,
    followUpOn: r.followUpOn,
    followUpDone: r.followUpDone,
    createdBy: r.createdBy,
    updatedAt: iso(r.updatedAt),
  });
  const issueOut = ({ issue: r, ownerName }: { issue: IssueRow; ownerName: string | null }): Issue => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    description: r.description,
    severity: r.severity,
    state: r.state,
    owner: r.ownerId ? { id: r.ownerId, name: ownerName ?? '' } : null,
    dueOn: r.dueOn,
    createdAt: iso(r.createdAt),
    closedAt: r.closedAt ? iso(r.closedAt) : null,
  });
  const milestoneOut = (r: MilestoneRow, day: string): Milestone => ({
    id: r.id,
    title: r.title,
    dueOn: r.dueOn,
    doneOn: r.doneOn,
    overdue: r.doneOn === null && r.dueOn < day,
  });

  /**
   * The unit, when the caller may see its task force page: 403 to those outside the restructuring
   * area, 404 to an officer of another unit (as if absent), and 403 when `need` asks for more.
   */
  async function unitFor(tx: Db, ctx: RequestContext, unitId: number, need: 'read' | 'issues' | 'write') {
    if (!canUseRestructuring(ctx.actor)) throw errors.forbidden();
    const unit = await repo.unit(tx, unitId);
    if (!unit || !canSeeUnitWork(ctx.actor, unit.id)) throw errors.notFound(m.UNIT);
    if (need === 'issues' && !canSeeIssues(ctx.actor)) throw errors.forbidden();
    if (need === 'write' && !canWorkAsTaskForce(ctx.actor)) throw errors.forbidden();
    return unit;
  }

  /** The same, reached through one of the unit's records (missing record: 404). */
  async function recordFor<R extends { unitId: number }>(
    tx: Db,
    ctx: RequestContext,
    row: R | null,
    what: { it: string; en: string },
    need: 'issues' | 'write',
  ): Promise<R> {
    if (!canUseRestructuring(ctx.actor)) throw errors.forbidden();
    if (!row || !canSeeUnitWork(ctx.actor, row.unitId)) throw errors.notFound(what);
    await unitFor(tx, ctx, row.unitId, need);
    return row;
  }

  const record = (
    tx: Db,
    ctx: RequestContext,
    action: AuditAction,
    entityType: AuditEntityType,
    entityId: number | string,
    unitId: number,
    details: Record<string, unknown>,
  ) => audit.record(tx, ctx, { action, entityType, entityId, unitId, details });

  async function membersOf(tx: Db) {
    return roleHolders.holdersOf(tx, 'task_force');
  }

  async function requireMember(tx: Db, userId: string) {
    if (!(await membersOf(tx)).some((p) => p.id === userId)) throw m.notAMember();
  }

  /** Makes someone the unit's lead; the unit's row lock orders concurrent changes, the unique index backs it. */
  async function makeLead(tx: Db, unitId: number, userId: string) {
    try {
      await repo.setLead(tx, unitId, userId);
    } catch (err) {
      if (isUniqueViolation(err)) throw m.leadTaken();
      throw err;
    }
  }

  async function unitMembers(tx: Db, unitId: number) {
    return (await repo.assignments(tx, { unitId })).map((a) => ({
      userId: a.userId,
      name: a.name,
      email: a.email,
      lead: a.lead,
    }));
  }

  return {
    /** The task force's members with the units each follows, and every current unit with its members. */
    async members(ctx: RequestContext): Promise<MembersView> {
      if (!canWorkAsTaskForce(ctx.actor)) throw errors.forbidden();
      const [people, assignments, units] = await Promise.all([
        membersOf(db),
        repo.assignments(db),
        repo.currentUnits(db, today()),
      ]);
      const unitsOf = (userId: string) =>
        assignments
          .filter((a) => a.userId === userId)
          .map((a) => ({ id: a.unitId, name: a.unitName, lead: a.lead }))
          .sort((a, b) => a.name.localeCompare(b.name, 'it'));
      return {
        members: people.map((p) => {
          const list = unitsOf(p.id);
          return { id: p.id, name: p.name, email: p.email, units: list, count: list.length };
        }),
        units: units.map((u) => ({
          ...u,
          members: assignments
            .filter((a) => a.unitId === u.id)
            .map((a) => ({ userId: a.userId, name: a.name, email: a.email, lead: a.lead })),
        })),
        canAssign: true,
      };
    },

    /** Adds a member to a unit (as lead too when asked); already there, only the lead flag may change. */
    async assign(ctx: RequestContext, unitId: number, input: Row<typeof assignInput>) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        await unitFor(tx, ctx, unitId, 'write');
        await requireMember(tx, input.userId);
        await repo.lockUnit(tx, unitId);
        const before = await repo.assignment(tx, unitId, input.userId);
        if (!before) await repo.assign(tx, unitId, input.userId, actor.id);
        if (input.lead) await makeLead(tx, unitId, input.userId);
        await record(tx, ctx, 'taskforce.assigned', 'taskforce_assignment', input.userId, unitId, {
          userId: input.userId,
          lead: input.lead,
          already: Boolean(before),
        });
        return { members: await unitMembers(tx, unitId) };
      });
    },

    async unassign(ctx: RequestContext, unitId: number, userId: string) {
      return db.transaction(async (tx) => {
        await unitFor(tx, ctx, unitId, 'write');
        await repo.lockUnit(tx, unitId);
        const gone = await repo.unassign(tx, unitId, userId);
        if (!gone) throw errors.notFound(m.ASSIGNMENT);
        await record(tx, ctx, 'taskforce.unassigned', 'taskforce_assignment', userId, unitId, {
          userId,
          wasLead: gone.lead,
        });
        return { members: await unitMembers(tx, unitId) };
      });
    },

    /** Sets the unit's lead: the old one is cleared in the same transaction (assigning the person if needed). */
    async setLead(ctx: RequestContext, unitId: number, userId: string) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        await unitFor(tx, ctx, unitId, 'write');
        await requireMember(tx, userId);
        await repo.lockUnit(tx, unitId);
        const previous = (await repo.assignments(tx, { unitId })).find((a) => a.lead)?.userId ?? null;
        if (!(await repo.assignment(tx, unitId, userId))) await repo.assign(tx, unitId, userId, actor.id);
        await makeLead(tx, unitId, userId);
        await record(tx, ctx, 'taskforce.lead_set', 'taskforce_assignment', userId, unitId, {
          userId,
          previous,
        });
        return { members: await unitMembers(tx, unitId) };
      });
    },

    /** A unit's page: its members, interventions (newest first) and milestones. */
    async unitWork(ctx: RequestContext, unitId: number): Promise<UnitWork> {
      const unit = await unitFor(db, ctx, unitId, 'read');
      const day = today();
      const [members, log, steps] = await Promise.all([
        unitMembers(db, unit.id),
        repo.interventionsOf(db, unit.id),
        repo.milestonesOf(db, unit.id),
      ]);
      return {
        unit,
        today: day,
        members,
        interventions: log.map(interventionOut),
        milestones: steps.map((s) => milestoneOut(s, day)),
        canWrite: canWorkAsTaskForce(ctx.actor),
      };
    },

    async addIntervention(ctx: RequestContext, unitId: number, input: Row<typeof interventionInput>) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        await unitFor(tx, ctx, unitId, 'write');
        const row = await repo.insertIntervention(tx, {
          ...input,
          unitId,
          createdBy: actor.id,
          createdAt: clock.now(),
          updatedAt: clock.now(),
        });
        await record(tx, ctx, 'taskforce.intervention_added', 'intervention', row.id, unitId, {
          kind: row.kind,
          heldOn: row.heldOn,
          followUpOn: row.followUpOn,
        });
        return interventionOut(row);
      });
    },

    async updateIntervention(ctx: RequestContext, id: number, input: Row<typeof interventionInput>) {
      return db.transaction(async (tx) => {
        const before = await recordFor(tx, ctx, await repo.intervention(tx, id), m.INTERVENTION, 'write');
        const row = await repo.updateIntervention(tx, id, { ...input, updatedAt: clock.now() });
        if (!row) throw errors.notFound(m.INTERVENTION);
        await record(tx, ctx, 'taskforce.intervention_updated', 'intervention', id, row.unitId, {
          before: {
            kind: before.kind,
            heldOn: before.heldOn,
            followUpOn: before.followUpOn,
            followUpDone: before.followUpDone,
          },
          after: {
            kind: row.kind,
            heldOn: row.heldOn,
            followUpOn: row.followUpOn,
            followUpDone: row.followUpDone,
          },
        });
        return interventionOut(row);
      });
    },

    async deleteIntervention(ctx: RequestContext, id: number) {
      await db.transaction(async (tx) => {
        const before = await recordFor(tx, ctx, await repo.intervention(tx, id), m.INTERVENTION, 'write');
        await repo.deleteIntervention(tx, id);
        await record(tx, ctx, 'taskforce.intervention_deleted', 'intervention', id, before.unitId, {
          kind: before.kind,
          heldOn: before.heldOn,
        });
      });
    },

    async issues(ctx: RequestContext, unitId: number) {
      const unit = await unitFor(db, ctx, unitId, 'issues');
      return { items: (await repo.issuesOf(db, unit.id)).map(issueOut) };
    },

    async addIssue(ctx: RequestContext, unitId: number, input: Row<typeof issueInput>) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        await unitFor(tx, ctx, unitId, 'write');
        if (input.ownerId) await requireOwner(tx, input.ownerId);
        const state = input.state ?? 'aperta';
        const row = await repo.insertIssue(tx, {
          unitId,
          kind: input.kind,
          title: input.title,
          description: input.description,
          severity: input.severity,
          ownerId: input.ownerId,
          dueOn: input.dueOn,
          state,
          closedAt: state === 'chiusa' ? clock.now() : null,
          createdBy: actor.id,
          createdAt: clock.now(),
        });
        await record(tx, ctx, 'taskforce.issue_added', 'taskforce_issue', row.id, unitId, {
          kind: row.kind,
          severity: row.severity,
          state: row.state,
        });
        const full = await repo.issue(tx, row.id);
        if (!full) throw errors.notFound(m.ISSUE);
        return issueOut(full);
      });
    },

    /** Edits an issue; a change of state closes it (stamping the instant) or reopens it. */
    async updateIssue(ctx: RequestContext, id: number, input: Row<typeof issueInput>) {
      return db.transaction(async (tx) => {
        const found = await repo.issue(tx, id);
        const before = (await recordFor(tx, ctx, found?.issue ?? null, m.ISSUE, 'write')) as IssueRow;
        if (input.ownerId && input.ownerId !== before.ownerId) await requireOwner(tx, input.ownerId);
        const state = input.state ?? before.state;
        const closedAt = state === before.state ? before.closedAt : state === 'chiusa' ? clock.now() : null;
        const row = await repo.updateIssue(tx, id, {
          kind: input.kind,
          title: input.title,
          description: input.description,
          severity: input.severity,
          ownerId: input.ownerId,
          dueOn: input.dueOn,
          state,
          closedAt,
        });
        if (!row) throw errors.notFound(m.ISSUE);
        const action =
          state === before.state
            ? 'taskforce.issue_updated'
            : state === 'chiusa'
              ? 'taskforce.issue_closed'
              : 'taskforce.issue_reopened';
        await record(tx, ctx, action, 'taskforce_issue', id, row.unitId, {
          before: { severity: before.severity, state: before.state, title: before.title },
          after: { severity: row.severity, state: row.state, title: row.title },
        });
        const full = await repo.issue(tx, id);
        if (!full) throw errors.notFound(m.ISSUE);
        return issueOut(full);
      });
    },

    async addMilestone(ctx: RequestContext, unitId: number, input: Row<typeof milestoneInput>) {
      const actor = requireActor(ctx);
      return db.transaction(async (tx) => {
        await unitFor(tx, ctx, unitId, 'write');
        const row = await repo.insertMilestone(tx, {
          unitId,
          ...input,
          createdBy: actor.id,
          createdAt: clock.now(),
        });
        await record(tx, ctx, 'taskforce.milestone_added', 'milestone', row.id, unitId, {
          title: row.title,
          dueOn: row.dueOn,
        });
        return milestoneOut(row, today());
      });
    },

    /** Edits a milestone; a done day marks it done, null marks it to do again. */
    async updateMilestone(ctx: RequestContext, id: number, input: Row<typeof milestoneInput>) {
      return db.transaction(async (tx) => {
        const before = await recordFor(tx, ctx, await repo.milestone(tx, id), m.MILESTONE, 'write');
        const row = await repo.updateMilestone(tx, id, input);
        if (!row) throw errors.notFound(m.MILESTONE);
        const action =
          before.doneOn === null && row.doneOn !== null
            ? 'taskforce.milestone_done'
            : before.doneOn !== null && row.doneOn === null
              ? 'taskforce.milestone_reopened'
              : 'taskforce.milestone_updated';
        await record(tx, ctx, action, 'milestone', id, row.unitId, {
          before: { title: before.title, dueOn: before.dueOn, doneOn: before.doneOn },
          after: { title: row.title, dueOn: row.dueOn, doneOn: row.doneOn },
        });
        return milestoneOut(row, today());
      });
    },

    /** The caller's units and what falls due this week (Monday to Sunday, Rome time), overdue included. */
    async week(ctx: RequestContext): Promise<WeekView> {
      if (!canWorkAsTaskForce(ctx.actor)) throw errors.forbidden();
      const actor = requireActor(ctx);
      const day = today();
      const { weekStart, weekEnd } = weekOf(day);
      const mine = await repo.assignments(db, { userId: actor.id });
      const units = mine
        .map((a) => ({ id: a.unitId, name: a.unitName, lead: a.lead }))
        .sort((a, b) => a.name.localeCompare(b.name, 'it'));
      const ids = units.map((u) => u.id);
      const [followUps, steps, risks] = await Promise.all([
        repo.followUpsDue(db, ids, weekEnd),
        repo.milestonesDue(db, ids, weekEnd),
        repo.openHighIssues(db, ids),
      ]);
      return {
        today: day,
        weekStart,
        weekEnd,
        units,
        followUps: followUps.map(({ i, unitName }) => ({
          interventionId: i.id,
          unit: { id: i.unitId, name: unitName },
          kind: i.kind,
          heldOn: i.heldOn,
          followUpOn: i.followUpOn as string,
          nextSteps: i.nextSteps,
          overdue: (i.followUpOn as string) < day,
        })),
        milestones: steps.map(({ m: s, unitName }) => ({
          id: s.id,
          unit: { id: s.unitId, name: unitName },
          title: s.title,
          dueOn: s.dueOn,
          overdue: s.dueOn < day,
        })),
        risks: risks.map(({ issue: r, unitName }) => ({
          id: r.id,
          unit: { id: r.unitId, name: unitName },
          kind: r.kind,
          title: r.title,
          dueOn: r.dueOn,
        })),
      };
    },
  };

  /** An issue's owner is a task force member (the work stays inside the task force). */
  async function requireOwner(tx: Db, userId: string) {
    if (!(await membersOf(tx)).some((p) => p.id === userId)) throw m.notAMember('ownerId');
  }
}

export type TaskforceService = ReturnType<typeof createTaskforceService>;
