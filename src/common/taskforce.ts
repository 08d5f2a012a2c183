import { z } from 'zod';
import { dbIdParam, isoDate, text } from './primitives.js';
import { INTERVENTION_KINDS, ISSUE_KINDS, ISSUE_SEVERITIES, ISSUE_STATES } from './restructuring.js';

/**
 * The national task force's own work: who follows which unit (one lead per unit), the interventions
 * log, risks and open issues, milestones, and each member's week.
 */

const personId = z.uuid('not a valid person id');
const unitRef = z.object({ id: z.number().int(), name: z.string() });

// ---- Members and assignments -------------------------------------------------------------------------

export const assignInput = z.object({ userId: personId, lead: z.boolean().default(false) });
export type AssignInput = z.input<typeof assignInput>;
export const leadInput = z.object({ userId: personId });
export const memberParams = z.object({ id: dbIdParam, userId: personId });

export const assignedMember = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  lead: z.boolean(),
});
export type AssignedMember = z.infer<typeof assignedMember>;

export const taskforceMember = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  units: z.array(unitRef.extend({ lead: z.boolean() })),
  count: z.number().int(),
});
export type TaskforceMember = z.infer<typeof taskforceMember>;

export const membersView = z.object({
  members: z.array(taskforceMember),
  /** Every current unit with the members following it: what the assignment table shows. */
  units: z.array(unitRef.extend({ members: z.array(assignedMember) })),
  canAssign: z.boolean(),
});
export type MembersView = z.infer<typeof membersView>;

// ---- Interventions -----------------------------------------------------------------------------------

export const interventionInput = z
  .object({
    kind: z.enum(INTERVENTION_KINDS),
    heldOn: isoDate,
    participants: text(2000).default(''),
    outcome: text(4000).default(''),
    nextSteps: text(4000).default(''),
    followUpOn: isoDate.nullable().default(null),
    followUpDone: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if (v.followUpOn !== null && v.followUpOn < v.heldOn)
      ctx.addIssue({
        code: 'custom',
        path: ['followUpOn'],
        message: 'the follow-up must not be before the intervention',
        params: { it: "il seguito non può essere prima dell'intervento" },
      });
  });
export type InterventionInput = z.input<typeof interventionInput>;

export const intervention = z.object({
  id: z.number().int(),
  kind: z.enum(INTERVENTION_KINDS),
  heldOn: z.string(),
  participants: z.string(),
  outcome: z.string(),
  nextSteps: z.string(),
  followUpOn: z.string().nullable(),
  followUpDone: z.boolean(),
  createdBy: z.string(),
  updatedAt: z.string(),
});
export type Intervention = z.infer<typeof intervention>;

// ---- Risks and open issues ---------------------------------------------------------------------------

export const issueInput = z.object({
  kind: z.enum(ISSUE_KINDS),
  title: text(200).min(1, 'a title is needed'),
  description: text(4000).default(''),
  severity: z.enum(ISSUE_SEVERITIES),
  ownerId: personId.nullable().default(null),
  dueOn: isoDate.nullable().default(null),
  /** Closing sets the closing instant; reopening clears it. Absent: unchanged (open for a new one). */
  state: z.enum(ISSUE_STATES).optional(),
});
export type IssueInput = z.input<typeof issueInput>;

export const issue = z.object({
  id: z.number().int(),
  kind: z.enum(ISSUE_KINDS),
  title: z.string(),
  description: z.string(),
  severity: z.enum(ISSUE_SEVERITIES),
  state: z.enum(ISSUE_STATES),
  owner: z.object({ id: z.string(), name: z.string() }).nullable(),
  dueOn: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type Issue = z.infer<typeof issue>;
export const issueList = z.object({ items: z.array(issue) });

// ---- Milestones --------------------------------------------------------------------------------------

export const milestoneInput = z.object({
  title: text(200).min(1, 'a title is needed'),
  dueOn: isoDate,
  doneOn: isoDate.nullable().default(null),
});
export type MilestoneInput = z.input<typeof milestoneInput>;

export const milestone = z.object({
  id: z.number().int(),
  title: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  /** Due before today (Rome) and not done. */
  overdue: z.boolean(),
});
export type Milestone = z.infer<typeof milestone>;

// ---- A unit's page -----------------------------------------------------------------------------------

export const unitWork = z.object({
  unit: unitRef,
  today: z.string(),
  members: z.array(assignedMember),
  interventions: z.array(intervention),
  milestones: z.array(milestone),
  /** The task force and national admins change the page and read the risks; officers only read. */
  canWrite: z.boolean(),
});
export type UnitWork = z.infer<typeof unitWork>;

// ---- My week -----------------------------------------------------------------------------------------

export const weekView = z.object({
  today: z.string(),
  /** Monday and Sunday of the current week, Rome time. */
  weekStart: z.string(),
  weekEnd: z.string(),
  units: z.array(unitRef.extend({ lead: z.boolean() })),
  followUps: z.array(
    z.object({
      interventionId: z.number().int(),
      unit: unitRef,
      kind: z.enum(INTERVENTION_KINDS),
      heldOn: z.string(),
      followUpOn: z.string(),
      nextSteps: z.string(),
      overdue: z.boolean(),
    }),
  ),
  milestones: z.array(
    z.object({
      id: z.number().int(),
      unit: unitRef,
      title: z.string(),
      dueOn: z.string(),
      overdue: z.boolean(),
    }),
  ),
  risks: z.array(
    z.object({
      id: z.number().int(),
      unit: unitRef,
      kind: z.enum(ISSUE_KINDS),
      title: z.string(),
      dueOn: z.string().nullable(),
    }),
  ),
});
export type WeekView = z.infer<typeof weekView>;

export const okAnswer = z.object({ ok: z.literal(true) });
