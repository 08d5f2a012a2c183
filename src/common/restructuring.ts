import { z } from 'zod';
import { isoDate, text, wholeNumber } from './primitives.js';

/**
 * The vocabularies of the task force's work with each Province (its restructuring plan, hiring
 * capacity, programming documents and support) and the structured content of a plan version.
 */

/** The plan's workflow, in its usual order. */
export const REORG_STATUSES = [
  'non_avviato',
  'in_predisposizione',
  'adottato',
  'trasmesso',
  'verificato',
  'da_aggiornare',
] as const;
export type ReorgStatus = (typeof REORG_STATUSES)[number];

/** States in which the unit has an adopted plan (L. 205/2017 c.844–845: the condition to hire). */
export const ADOPTED_STATUSES: readonly ReorgStatus[] = [
  'adottato',
  'trasmesso',
  'verificato',
  'da_aggiornare',
];

/** The adoption act: decreto del Presidente della Provincia or delibera del Consiglio provinciale. */
export const ACT_TYPES = ['decreto_presidenziale', 'delibera_consiliare'] as const;
export type ActType = (typeof ACT_TYPES)[number];

/** Functions as L. 56/2014 and the regional laws distribute them. */
export const FUNCTION_KINDS = ['fondamentale', 'delegata', 'supporto', 'non_competenza'] as const;
export type FunctionKind = (typeof FUNCTION_KINDS)[number];

/** A proposed version awaits the task force; it is then validated or rejected. */
/** A version awaits the task force (proposta), was accepted or refused by it, or was withdrawn by who proposed it (kept, so its number is never reused). */
export const VERSION_STATES = ['proposta', 'validata', 'respinta', 'ritirata'] as const;
export type VersionState = (typeof VERSION_STATES)[number];

export const PLAN_DOCUMENT_KINDS = ['atto_adozione', 'piano', 'allegato', 'relazione', 'altro'] as const;

/** Programming documents: DUP, its Nota di aggiornamento, the PIAO and the PIAO's staff-needs plan. */
export const PROGRAMMING_KINDS = ['dup', 'nadup', 'piao', 'ptfp'] as const;
export type ProgrammingKind = (typeof PROGRAMMING_KINDS)[number];

/** The deadlines a rule may state: the four documents and the budget (bilancio di previsione). */
export const DEADLINE_KINDS = [...PROGRAMMING_KINDS, 'bilancio'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const INTERVENTION_KINDS = [
  'riunione',
  'revisione_documenti',
  'formazione',
  'supporto_remoto',
] as const;
export type InterventionKind = (typeof INTERVENTION_KINDS)[number];

export const ISSUE_KINDS = ['rischio', 'criticita'] as const;
export const ISSUE_SEVERITIES = ['bassa', 'media', 'alta'] as const;
export const ISSUE_STATES = ['aperta', 'chiusa'] as const;

/** Money in euro cents: exact, up to one hundred billion euro. */
export const MAX_CENTS = 10_000_000_000_000;
export const cents = z.number().int().min(0).max(MAX_CENTS);

/** A function of the plan; `key` ties staffing lines to it across versions. */
export const planFunction = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,40}$/, 'lowercase letters, digits and dashes'),
  name: text(200).min(1),
  kind: z.enum(FUNCTION_KINDS),
  description: text(2000).default(''),
});
export type PlanFunction = z.infer<typeof planFunction>;

/** Staffing of one function with one job profile: positions planned and covered, annual cost. */
export const staffingLine = z.object({
  functionKey: planFunction.shape.key,
  jobProfileCode: z.string().trim().min(1).max(40),
  planned: wholeNumber(0, 100_000),
  covered: wholeNumber(0, 100_000),
  annualCostCents: cents,
});
export type StaffingLine = z.infer<typeof staffingLine>;

export const adoptionAct = z.object({
  type: z.enum(ACT_TYPES),
  number: text(40).min(1),
  date: isoDate,
});
export type AdoptionAct = z.infer<typeof adoptionAct>;

/** What a plan version holds. */
export const planContent = z
  .object({
    act: adoptionAct.nullable().default(null),
    functions: z.array(planFunction).max(200).default([]),
    staffing: z.array(staffingLine).max(2000).default([]),
    notes: text(5000).default(''),
  })
  .superRefine((c, ctx) => {
    const keys = new Set<string>();
    c.functions.forEach((f, i) => {
      if (keys.has(f.key))
        ctx.addIssue({ code: 'custom', path: ['functions', i, 'key'], message: 'duplicate key' });
      keys.add(f.key);
    });
    const lines = new Set<string>();
    c.staffing.forEach((l, i) => {
      if (!keys.has(l.functionKey))
        ctx.addIssue({ code: 'custom', path: ['staffing', i, 'functionKey'], message: 'no such function' });
      const id = `${l.functionKey}/${l.jobProfileCode}`;
      if (lines.has(id))
        ctx.addIssue({ code: 'custom', path: ['staffing', i, 'jobProfileCode'], message: 'duplicate line' });
      lines.add(id);
    });
    // Totals are plain numbers: a sum past MAX_CENTS could lose cents (beyond 2^53) in totals and exports.
    const total = c.staffing.reduce((sum, l) => sum + l.annualCostCents, 0);
    if (total > MAX_CENTS)
      ctx.addIssue({ code: 'custom', path: ['staffing'], message: 'total annual cost too large' });
  });
export type PlanContent = z.infer<typeof planContent>;

/** Positions still to fill on a line (never negative: covered beyond planned is an excess, not a vacancy). */
export const vacant = (l: Pick<StaffingLine, 'planned' | 'covered'>) => Math.max(0, l.planned - l.covered);
