import { z } from 'zod';
import { dbIdParam, text, wholeNumber, wholeParam } from './primitives.js';
import {
  adoptionAct,
  FUNCTION_KINDS,
  type FunctionKind,
  PLAN_DOCUMENT_KINDS,
  type PlanContent,
  planContent,
  planFunction,
  REORG_STATUSES,
  staffingLine,
  VERSION_STATES,
  vacant,
} from './restructuring.js';

/**
 * A unit's Piano di riassetto organizzativo as the API shows and changes it: its workflow status,
 * its versions (proposed by the unit, validated or rejected by the task force), its history, its
 * documents and the comparison of two versions.
 */

/** What a plan version adds up to. */
export const planTotals = z.object({
  functions: z.object(
    Object.fromEntries(FUNCTION_KINDS.map((k) => [k, z.number()])) as Record<FunctionKind, z.ZodNumber>,
  ),
  planned: z.number(),
  covered: z.number(),
  vacant: z.number(),
  annualCostCents: z.number(),
});
export type PlanTotals = z.infer<typeof planTotals>;

/** Functions by kind and the sums of the staffing lines (vacancies never negative per line). */
export function totalsOf(c: Pick<PlanContent, 'functions' | 'staffing'>): PlanTotals {
  const functions = Object.fromEntries(FUNCTION_KINDS.map((k) => [k, 0])) as Record<FunctionKind, number>;
  for (const f of c.functions) functions[f.kind] += 1;
  let planned = 0;
  let covered = 0;
  let vacancies = 0;
  let annualCostCents = 0;
  for (const l of c.staffing) {
    planned += l.planned;
    covered += l.covered;
    vacancies += vacant(l);
    annualCostCents += l.annualCostCents;
  }
  return { functions, planned, covered, vacant: vacancies, annualCostCents };
}

const person = z.object({ id: z.string(), name: z.string() });

export const planVersionSummary = z.object({
  number: z.number(),
  basedOn: z.number(),
  state: z.enum(VERSION_STATES),
  summary: z.string(),
  proposedBy: person,
  proposedAt: z.string(),
  decidedBy: person.nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
});
export type PlanVersionSummary = z.infer<typeof planVersionSummary>;

export const planVersionView = planVersionSummary.extend({
  content: z.object({
    act: adoptionAct.nullable(),
    functions: z.array(planFunction),
    staffing: z.array(staffingLine),
    notes: z.string(),
  }),
  totals: planTotals,
});
export type PlanVersionView = z.infer<typeof planVersionView>;

export const REORG_EVENT_KINDS = [
  'status',
  'proposed',
  'validated',
  'rejected',
  'withdrawn',
  'document_added',
  'document_removed',
] as const;
export type ReorgEventKind = (typeof REORG_EVENT_KINDS)[number];

export const planEventView = z.object({
  id: z.number(),
  kind: z.enum(REORG_EVENT_KINDS),
  fromStatus: z.enum(REORG_STATUSES).nullable(),
  toStatus: z.enum(REORG_STATUSES).nullable(),
  version: z.number().nullable(),
  note: z.string(),
  actor: z.string().nullable(),
  at: z.string(),
});
export type PlanEventView = z.infer<typeof planEventView>;

export const planDocumentView = z.object({
  id: z.number(),
  kind: z.enum(PLAN_DOCUMENT_KINDS),
  title: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  canRemove: z.boolean(),
});
export type PlanDocumentView = z.infer<typeof planDocumentView>;

export const reorgPlanView = z.object({
  unit: z.object({ id: z.number(), name: z.string() }),
  status: z.enum(REORG_STATUSES),
  /** Names the plan row's state: a status change sends it back, and a stale one is refused (409). */
  revision: z.number(),
  currentVersion: z.number(),
  current: planVersionView.nullable(),
  pending: planVersionView.nullable(),
  versions: z.array(planVersionSummary),
  events: z.array(planEventView),
  documents: z.array(planDocumentView),
  /** What the caller may do now. */
  allowed: z.object({
    propose: z.boolean(),
    decide: z.boolean(),
    withdraw: z.boolean(),
    upload: z.boolean(),
    statuses: z.array(z.enum(REORG_STATUSES)),
  }),
  updatedAt: z.string(),
});
export type ReorgPlanView = z.infer<typeof reorgPlanView>;

/** A proposal: the whole content, what it changes, and the current version it starts from. */
export const proposeInput = z.object({
  basedOn: wholeNumber(0, 1_000_000),
  summary: text(2000).min(1),
  content: planContent,
});
export type ProposeInput = z.input<typeof proposeInput>;

export const DECISIONS = ['validata', 'respinta'] as const;
export const decisionInput = z
  .object({ decision: z.enum(DECISIONS), note: text(2000).default('') })
  .refine((d) => d.decision === 'validata' || d.note.length > 0, {
    path: ['note'],
    message: 'a rejection says why',
    params: { it: 'un rifiuto ne spiega il motivo' },
  });
export type DecisionInput = z.input<typeof decisionInput>;

export const statusInput = z.object({
  to: z.enum(REORG_STATUSES),
  revision: wholeNumber(1, 2_147_483_647),
  note: text(2000).default(''),
});
export type StatusInput = z.input<typeof statusInput>;

export const versionParams = z.object({ id: dbIdParam, number: dbIdParam });
export const documentParams = z.object({ id: dbIdParam, documentId: dbIdParam });

export const compareQuery = z.object({
  from: wholeParam(0, 1_000_000),
  to: wholeParam(0, 1_000_000),
});

const lineView = staffingLine.extend({ vacant: z.number() });
export type LineView = z.infer<typeof lineView>;

/** Two versions side by side: what was added, removed and changed, with the values before and after. */
export const planDiff = z.object({
  from: z.number(),
  to: z.number(),
  functions: z.object({
    added: z.array(planFunction),
    removed: z.array(planFunction),
    changed: z.array(
      z.object({
        key: z.string(),
        before: planFunction,
        after: planFunction,
        fields: z.array(z.enum(['name', 'kind', 'description'])),
      }),
    ),
  }),
  staffing: z.object({
    added: z.array(lineView),
    removed: z.array(lineView),
    changed: z.array(
      z.object({
        functionKey: z.string(),
        jobProfileCode: z.string(),
        before: lineView,
        after: lineView,
        fields: z.array(z.enum(['planned', 'covered', 'vacant', 'annualCostCents'])),
      }),
    ),
  }),
  act: z.object({ before: adoptionAct.nullable(), after: adoptionAct.nullable(), changed: z.boolean() }),
  notesChanged: z.boolean(),
  totals: z.object({ before: planTotals, after: planTotals }),
});
export type PlanDiff = z.infer<typeof planDiff>;

export const compareView = z.object({
  unit: z.object({ id: z.number(), name: z.string() }),
  from: planVersionSummary.nullable(),
  to: planVersionSummary,
  diff: planDiff,
});
export type CompareView = z.infer<typeof compareView>;

/** The upload's form fields, sent before the file: by default 'altro', titled with the file's name. */
export const documentFields = z.object({
  kind: z.enum(PLAN_DOCUMENT_KINDS).default('altro'),
  title: text(200).optional(),
});

/** At most 10 MB per document. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Per unit, what the national view and the brief read. */
export type ReorgPlanSummary = {
  unitId: number;
  status: (typeof REORG_STATUSES)[number];
  currentVersion: number;
  act: z.infer<typeof adoptionAct> | null;
  totals: PlanTotals | null;
  pendingProposal: boolean;
  updatedAt: Date;
};
