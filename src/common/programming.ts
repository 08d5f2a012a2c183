import { z } from 'zod';
import { daysUntil } from './deadlines.js';
import { dbIdParam, httpUrl, isoDate, text, wholeNumber, wholeParam } from './primitives.js';
import { cents, DEADLINE_KINDS, PROGRAMMING_KINDS, type ProgrammingKind } from './restructuring.js';

/**
 * A unit's programming documents (DUP, its Nota di aggiornamento, PIAO and the PTFP section) with the
 * deadlines the reference rules give them, the rules and moves themselves, and the deadlines list.
 * A document's `year` is the first year of the period it programmes (DUP 2027–2029: year 2027).
 */

export const programmingKind = z.enum(PROGRAMMING_KINDS);
export const deadlineKind = z.enum(DEADLINE_KINDS);
export const programmingYear = wholeNumber(2000, 2999);

/** The documents that state the personnel money per year of their period. */
export const WITH_PERSONNEL_MONEY: readonly ProgrammingKind[] = ['dup', 'ptfp'];
/** The documents that may be drawn up in the simplified form (bodies with 50 staff or fewer). */
export const WITH_SIMPLIFIED: readonly ProgrammingKind[] = ['piao', 'ptfp'];
/** Staff at or under which the simplified PIAO applies (DPR 81/2022, DM 132/2022 art. 6). */
export const SIMPLIFIED_STAFF_LIMIT = 50;
/** Days ahead a deadline enters the deadlines list and the reminders. */
export const DUE_SOON_DAYS = 30;
/** Days after its deadline a missing document is still reported: the next year's replaces it. */
export const OVERDUE_WINDOW_DAYS = 366;

export const deadlineBasis = z.enum(['rule', 'moved', 'budget']);
export const documentState = z.enum(['presented', 'due', 'overdue', 'noRule']);
export type DocumentState = z.infer<typeof documentState>;

/** Where a document stands on `today`. */
export function documentStateOf(today: string, due: string | null, adoptedOn: string | null): DocumentState {
  if (adoptedOn) return 'presented';
  if (!due) return 'noRule';
  return daysUntil(today, due) < 0 ? 'overdue' : 'due';
}

export const personnelMoneyLine = z.object({ year: programmingYear, cents });

export const programmingDocument = z.object({
  kind: programmingKind,
  year: programmingYear,
  deadline: z
    .object({ due: isoDate, basis: deadlineBasis, source: z.string(), daysLeft: z.number().int() })
    .nullable(),
  state: documentState,
  /** 0 while nothing has been recorded. */
  revision: z.number().int(),
  adoptedOn: isoDate.nullable(),
  actType: z.string(),
  actNumber: z.string(),
  actDate: isoDate.nullable(),
  url: z.string().nullable(),
  simplified: z.boolean(),
  personnelMoney: z.array(personnelMoneyLine),
  notes: z.string(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type ProgrammingDocument = z.infer<typeof programmingDocument>;

export const programmingView = z.object({
  unit: z.object({ id: z.number().int(), name: z.string() }),
  year: programmingYear,
  /** The year whose documents are due next: the page opens on it. */
  defaultYear: programmingYear,
  today: isoDate,
  staffCount: z.number().int().nullable(),
  /** Whether the simplified PIAO applies by the staff count, when it is known. */
  simplifiedSuggested: z.boolean().nullable(),
  documents: z.array(programmingDocument),
  canEdit: z.boolean(),
});
export type ProgrammingView = z.infer<typeof programmingView>;

export const programmingQuery = z.object({ year: wholeParam(2000, 2999).optional() });

export const documentParams = z.object({
  id: dbIdParam,
  year: wholeParam(2000, 2999),
  kind: programmingKind,
});

export const programmingDocumentInput = z
  .object({
    /** The revision the change was made on; 0 for a document not recorded yet. */
    revision: wholeNumber(0, 2_147_483_647),
    adoptedOn: isoDate.nullable(),
    actType: text(120),
    actNumber: text(60),
    actDate: isoDate.nullable(),
    url: httpUrl.nullable(),
    simplified: z.boolean(),
    personnelMoney: z.array(personnelMoneyLine).max(3),
    notes: text(4000),
  })
  .refine((d) => new Set(d.personnelMoney.map((l) => l.year)).size === d.personnelMoney.length, {
    message: 'one amount per year',
    params: { it: 'un importo per anno' },
    path: ['personnelMoney'],
  });
export type ProgrammingDocumentInput = z.infer<typeof programmingDocumentInput>;

/** Whether a day of a month exists in some year (29 February does, in leap years). */
export const dayExists = (month: number, day: number) =>
  day <= ([31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0);

export const deadlineRuleInput = z
  .object({
    kind: deadlineKind,
    month: wholeNumber(1, 12),
    day: wholeNumber(1, 31),
    yearOffset: wholeNumber(-2, 2),
    afterBudgetDays: wholeNumber(0, 365).nullable(),
    validFromYear: programmingYear,
    validToYear: programmingYear.nullable(),
    source: text(500).min(1),
  })
  .refine((r) => dayExists(r.month, r.day), {
    message: 'this day does not exist in that month',
    params: { it: 'questo giorno non esiste in quel mese' },
    path: ['day'],
  })
  .refine((r) => r.validToYear === null || r.validToYear >= r.validFromYear, {
    message: 'the last year comes before the first',
    params: { it: "l'ultimo anno precede il primo" },
    path: ['validToYear'],
  });
export type DeadlineRuleInput = z.infer<typeof deadlineRuleInput>;

export const deadlineRuleView = z.object({
  id: z.number().int(),
  kind: deadlineKind,
  month: z.number().int(),
  day: z.number().int(),
  yearOffset: z.number().int(),
  afterBudgetDays: z.number().int().nullable(),
  validFromYear: z.number().int(),
  validToYear: z.number().int().nullable(),
  source: z.string(),
  updatedAt: z.string(),
});

export const deadlineMoveInput = z.object({
  kind: deadlineKind,
  year: programmingYear,
  due: isoDate,
  source: text(500).min(1),
});
export type DeadlineMoveInput = z.infer<typeof deadlineMoveInput>;

export const deadlineMoveView = z.object({
  id: z.number().int(),
  kind: deadlineKind,
  year: z.number().int(),
  due: isoDate,
  source: z.string(),
  updatedAt: z.string(),
});

export const deadlineRulesView = z.object({
  rules: z.array(deadlineRuleView),
  moves: z.array(deadlineMoveView),
  canEdit: z.boolean(),
});
export type DeadlineRulesView = z.infer<typeof deadlineRulesView>;

export const DEADLINE_SORTS = ['due', 'unit', 'kind', 'region'] as const;

export const deadlinesQuery = z.object({
  kind: programmingKind.optional(),
  region: z.string().trim().max(10).optional(),
  unit: dbIdParam.optional(),
  sort: z.enum(DEADLINE_SORTS).default('due'),
});

export const deadlineRow = z.object({
  unit: z.object({ id: z.number().int(), name: z.string(), regionCode: z.string(), regionName: z.string() }),
  kind: programmingKind,
  year: z.number().int(),
  due: isoDate,
  basis: deadlineBasis,
  daysLeft: z.number().int(),
  state: z.enum(['overdue', 'due']),
});
export type DeadlineRow = z.infer<typeof deadlineRow>;

export const deadlinesView = z.object({
  today: isoDate,
  items: z.array(deadlineRow),
  regions: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type DeadlinesView = z.infer<typeof deadlinesView>;
