import type { z } from 'zod';
import type { AuditAction } from '../../../../common/audit.js';
import { daysUntil } from '../../../../common/deadlines.js';
import {
  type DeadlineMoveInput,
  type DeadlineRow,
  type DeadlineRuleInput,
  type DeadlineRulesView,
  type DeadlinesView,
  type deadlinesQuery,
  documentStateOf,
  type ProgrammingDocument,
  type ProgrammingDocumentInput,
  type ProgrammingView,
  SIMPLIFIED_STAFF_LIMIT,
  WITH_PERSONNEL_MONEY,
  WITH_SIMPLIFIED,
} from '../../../../common/programming.js';
import { PROGRAMMING_KINDS, type ProgrammingKind } from '../../../../common/restructuring.js';
import { romeToday } from '../../../../common/rome-time.js';
import type { Db } from '../../../db/client.js';
import { isUniqueViolation } from '../../../db/sql.js';
import type { Clock } from '../../../kernel/clock.js';
import { writeCsv } from '../../../kernel/csv.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import { canEditRules, canProposeFor, canReadUnit, canUseRestructuring, unitScope } from '../reorg/index.js';
import { deadlineOf, defaultYear, followed, followedYears, loadReference } from './calendar.js';
import * as m from './messages.js';
import type { DocumentFields, DocumentRow, ProgrammingRepository } from './repository.js';

const KIND_LABELS: Record<ProgrammingKind, string> = {
  dup: 'DUP',
  nadup: 'Nota di aggiornamento al DUP',
  piao: 'PIAO',
  ptfp: 'PTFP',
};
export const kindLabel = (k: ProgrammingKind) => KIND_LABELS[k];

/**
 * A unit's programming documents with the deadlines the rules give them, the rules and moves as
 * reference data (national admins change them), and the deadlines list. Every change is audited; a
 * document changes only at the revision it was read at (409 otherwise).
 */
export function createProgrammingService(deps: {
  db: Db;
  repo: ProgrammingRepository;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, repo, audit, clock } = deps;
  const today = () => romeToday(clock.now());

  async function unitOr404(tx: Db, ctx: RequestContext, unitId: number) {
    if (!canUseRestructuring(ctx.actor)) throw errors.forbidden();
    const unit = await repo.unit(tx, unitId);
    if (!unit || !canReadUnit(ctx.actor, unit.id)) throw errors.notFound(m.UNIT);
    return unit;
  }

  function documentView(
    ref: Awaited<ReturnType<typeof loadReference>>,
    day: string,
    kind: ProgrammingKind,
    year: number,
    row: { doc: DocumentRow; updatedByName: string | null } | undefined,
  ): ProgrammingDocument {
    const d = deadlineOf(ref, kind, year);
    const doc = row?.doc;
    return {
      kind,
      year,
      deadline: d ? { due: d.due, basis: d.basis, source: d.source, daysLeft: daysUntil(day, d.due) } : null,
      state: documentStateOf(day, d?.due ?? null, doc?.adoptedOn ?? null),
      revision: doc?.revision ?? 0,
      adoptedOn: doc?.adoptedOn ?? null,
      actType: doc?.actType ?? '',
      actNumber: doc?.actNumber ?? '',
      actDate: doc?.actDate ?? null,
      url: doc?.url ?? null,
      simplified: doc?.simplified ?? false,
      personnelMoney: doc?.personnelMoney ?? [],
      notes: doc?.notes ?? '',
      updatedAt: doc?.updatedAt.toISOString() ?? null,
      updatedBy: row?.updatedByName ?? null,
    };
  }

  async function view(ctx: RequestContext, unitId: number, year?: number): Promise<ProgrammingView> {
    const unit = await unitOr404(db, ctx, unitId);
    const day = today();
    const ref = await loadReference(db, repo);
    const fallback = defaultYear(ref, day);
    const y = year ?? fallback;
    const [rows, staffCount] = await Promise.all([
      repo.documents(db, [unit.id], [y]),
      repo.staffCount(db, unit.id),
    ]);
    return {
      unit: { id: unit.id, name: unit.name },
      year: y,
      defaultYear: fallback,
      today: day,
      staffCount,
      simplifiedSuggested: staffCount === null ? null : staffCount <= SIMPLIFIED_STAFF_LIMIT,
      documents: PROGRAMMING_KINDS.map((kind) =>
        documentView(
          ref,
          day,
          kind,
          y,
          rows.find((r) => r.doc.kind === kind),
        ),
      ),
      canEdit: canProposeFor(ctx.actor, unit.id),
    };
  }

  function fieldsOf(kind: ProgrammingKind, year: number, input: ProgrammingDocumentInput): DocumentFields {
    if (input.personnelMoney.length && !WITH_PERSONNEL_MONEY.includes(kind)) throw m.noPersonnelMoney();
    if (input.personnelMoney.some((l) => l.year < year || l.year > year + 2))
      throw m.moneyOutsidePeriod(year, year + 2);
    if (input.simplified && !WITH_SIMPLIFIED.includes(kind)) throw m.notSimplifiable();
    if (input.actNumber && !input.actDate) throw m.actDateMissing();
    return {
      adoptedOn: input.adoptedOn,
      actType: input.actType || null,
      actNumber: input.actNumber || null,
      actDate: input.actDate,
      url: input.url,
      simplified: input.simplified,
      personnelMoney: [...input.personnelMoney].sort((a, b) => a.year - b.year),
      notes: input.notes,
    };
  }

  const recordOf = (d: DocumentRow | null) =>
    d && {
      adoptedOn: d.adoptedOn,
      actType: d.actType,
      actNumber: d.actNumber,
      actDate: d.actDate,
      url: d.url,
      simplified: d.simplified,
      personnelMoney: d.personnelMoney,
      notes: d.notes,
    };

  async function save(
    ctx: RequestContext,
    unitId: number,
    year: number,
    kind: ProgrammingKind,
    input: ProgrammingDocumentInput,
  ) {
    const unit = await unitOr404(db, ctx, unitId);
    if (!canProposeFor(ctx.actor, unit.id)) throw errors.forbidden();
    const fields = fieldsOf(kind, year, input);
    const actor = requireActor(ctx);
    await db.transaction(async (tx) => {
      const before = await repo.document(tx, unit.id, year, kind);
      const now = clock.now();
      const after =
        input.revision === 0
          ? await repo.insertDocument(tx, { unitId: unit.id, year, kind }, fields, actor.id, now)
          : before && (await repo.updateDocument(tx, before.id, input.revision, fields, actor.id, now));
      if (!after) throw m.stale();
      await audit.record(tx, ctx, {
        action: before ? 'programming_document.updated' : 'programming_document.created',
        entityType: 'programming_document',
        entityId: after.id,
        unitId: unit.id,
        details: { year, kind, revision: after.revision, before: recordOf(before), after: recordOf(after) },
      });
    });
    return view(ctx, unit.id, year);
  }

  // ---- Rules and moves ------------------------------------------------------------------------------

  async function rules(ctx: RequestContext): Promise<DeadlineRulesView> {
    if (!canUseRestructuring(ctx.actor)) throw errors.forbidden();
    const [r, mv] = await Promise.all([repo.rules(db), repo.moves(db)]);
    return {
      rules: r.map((x) => ({
        id: x.id,
        kind: x.kind,
        month: x.month,
        day: x.day,
        yearOffset: x.yearOffset,
        afterBudgetDays: x.afterBudgetDays,
        validFromYear: x.validFromYear,
        validToYear: x.validToYear,
        source: x.source,
        updatedAt: x.updatedAt.toISOString(),
      })),
      moves: mv.map((x) => ({
        id: x.id,
        kind: x.kind,
        year: x.year,
        due: x.due,
        source: x.source,
        updatedAt: x.updatedAt.toISOString(),
      })),
      canEdit: canEditRules(ctx.actor),
    };
  }

  function editor(ctx: RequestContext) {
    if (!canUseRestructuring(ctx.actor) || !canEditRules(ctx.actor)) throw errors.forbidden();
    return requireActor(ctx);
  }

  const overlaps = (a: DeadlineRuleInput, b: { validFromYear: number; validToYear: number | null }) =>
    (a.validToYear === null || b.validFromYear <= a.validToYear) &&
    (b.validToYear === null || a.validFromYear <= b.validToYear);

  async function checkOverlap(tx: Db, input: DeadlineRuleInput, except: number | null) {
    await repo.lockRules(tx);
    const clash = (await repo.rules(tx)).some(
      (r) => r.id !== except && r.kind === input.kind && overlaps(input, r),
    );
    if (clash) throw m.rulesOverlap();
  }

  const ruleAudit = (
    tx: Db,
    ctx: RequestContext,
    action: AuditAction,
    id: number,
    details: Record<string, unknown>,
  ) => audit.record(tx, ctx, { action, entityType: 'deadline_rule', entityId: id, details });
  const moveAudit = (
    tx: Db,
    ctx: RequestContext,
    action: AuditAction,
    id: number,
    details: Record<string, unknown>,
  ) => audit.record(tx, ctx, { action, entityType: 'deadline_move', entityId: id, details });

  async function createRule(ctx: RequestContext, input: DeadlineRuleInput) {
    const actor = editor(ctx);
    await db.transaction(async (tx) => {
      await checkOverlap(tx, input, null);
      const row = await repo.insertRule(tx, input, actor.id, clock.now());
      await ruleAudit(tx, ctx, 'deadline_rule.created', row.id, { after: input });
    });
    return rules(ctx);
  }

  async function updateRule(ctx: RequestContext, id: number, input: DeadlineRuleInput) {
    const actor = editor(ctx);
    await db.transaction(async (tx) => {
      const before = await repo.rule(tx, id);
      if (!before) throw errors.notFound(m.RULE);
      await checkOverlap(tx, input, id);
      await repo.updateRule(tx, id, input, actor.id, clock.now());
      const { updatedAt: _, updatedBy: __, ...was } = before;
      await ruleAudit(tx, ctx, 'deadline_rule.updated', id, { before: was, after: input });
    });
    return rules(ctx);
  }

  async function deleteRule(ctx: RequestContext, id: number) {
    editor(ctx);
    await db.transaction(async (tx) => {
      const gone = await repo.deleteRule(tx, id);
      if (!gone) throw errors.notFound(m.RULE);
      const { updatedAt: _, updatedBy: __, ...was } = gone;
      await ruleAudit(tx, ctx, 'deadline_rule.deleted', id, { before: was });
    });
    return rules(ctx);
  }

  async function createMove(ctx: RequestContext, input: DeadlineMoveInput) {
    const actor = editor(ctx);
    await db.transaction(async (tx) => {
      const row = await repo.insertMove(tx, input, actor.id, clock.now());
      if (!row) throw m.moveExists();
      await moveAudit(tx, ctx, 'deadline_move.created', row.id, { after: input });
    });
    return rules(ctx);
  }

  async function updateMove(ctx: RequestContext, id: number, input: DeadlineMoveInput) {
    const actor = editor(ctx);
    await db.transaction(async (tx) => {
      const before = await repo.move(tx, id);
      if (!before) throw errors.notFound(m.MOVE);
      const clash = (await repo.moves(tx)).some(
        (x) => x.id !== id && x.kind === input.kind && x.year === input.year,
      );
      if (clash) throw m.moveExists();
      // Two edits racing to the same kind and year meet the unique index: the second is told, not a 500.
      await repo.updateMove(tx, id, input, actor.id, clock.now()).catch((err: unknown) => {
        throw isUniqueViolation(err) ? m.moveExists() : err;
      });
      await moveAudit(tx, ctx, 'deadline_move.updated', id, {
        before: { kind: before.kind, year: before.year, due: before.due, source: before.source },
        after: input,
      });
    });
    return rules(ctx);
  }

  async function deleteMove(ctx: RequestContext, id: number) {
    editor(ctx);
    await db.transaction(async (tx) => {
      const gone = await repo.deleteMove(tx, id);
      if (!gone) throw errors.notFound(m.MOVE);
      await moveAudit(tx, ctx, 'deadline_move.deleted', id, {
        before: { kind: gone.kind, year: gone.year, due: gone.due, source: gone.source },
      });
    });
    return rules(ctx);
  }

  // ---- Deadlines list -------------------------------------------------------------------------------

  async function deadlines(ctx: RequestContext, q: z.infer<typeof deadlinesQuery>): Promise<DeadlinesView> {
    if (!canUseRestructuring(ctx.actor)) throw errors.forbidden();
    const scope = unitScope(ctx.actor);
    const units = await repo.units(db, scope);
    const day = today();
    const ref = await loadReference(db, repo);
    const docs = await repo.documents(
      db,
      units.map((u) => u.id),
      followedYears(day),
    );
    const done = new Set(
      docs.filter((d) => d.doc.adoptedOn).map((d) => `${d.doc.unitId}/${d.doc.year}/${d.doc.kind}`),
    );
    const byId = new Map(units.map((u) => [u.id, u]));
    const shown = units.filter(
      (u) => (!q.region || u.regionCode === q.region) && (!q.unit || u.id === q.unit),
    );
    const items: DeadlineRow[] = followed(
      ref,
      day,
      shown.map((u) => u.id),
      (u, y, k) => done.has(`${u}/${y}/${k}`),
    )
      .filter((f) => !q.kind || f.kind === q.kind)
      .map((f) => {
        const u = byId.get(f.unitId);
        return {
          unit: {
            id: f.unitId,
            name: u?.name ?? '',
            regionCode: u?.regionCode ?? '',
            regionName: u?.regionName ?? '',
          },
          kind: f.kind,
          year: f.year,
          due: f.due,
          basis: f.basis,
          daysLeft: f.daysLeft,
          state: f.state,
        };
      });
    const order = PROGRAMMING_KINDS as readonly string[];
    const byDue = (a: DeadlineRow, b: DeadlineRow) =>
      a.due.localeCompare(b.due) || a.unit.name.localeCompare(b.unit.name, 'it');
    const sorters: Record<typeof q.sort, (a: DeadlineRow, b: DeadlineRow) => number> = {
      due: byDue,
      unit: (a, b) => a.unit.name.localeCompare(b.unit.name, 'it') || byDue(a, b),
      kind: (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || byDue(a, b),
      region: (a, b) => a.unit.regionName.localeCompare(b.unit.regionName, 'it') || byDue(a, b),
    };
    items.sort(sorters[q.sort]);
    const regions = new Map(units.map((u) => [u.regionCode, u.regionName]));
    return {
      today: day,
      items,
      regions: [...regions]
        .map(([code, name]) => ({ code, name }))
        .sort((a, b) => a.name.localeCompare(b.name, 'it')),
    };
  }

  async function deadlinesCsv(ctx: RequestContext, q: z.infer<typeof deadlinesQuery>) {
    const d = await deadlines(ctx, q);
    const csv = writeCsv(
      ['ente_id', 'ente', 'regione', 'documento', 'anno', 'scadenza', 'giorni', 'stato', 'base'],
      d.items.map((r) => [
        String(r.unit.id),
        r.unit.name,
        r.unit.regionName,
        kindLabel(r.kind),
        String(r.year),
        r.due,
        String(r.daysLeft),
        r.state === 'overdue' ? 'scaduto' : 'in scadenza',
        r.basis === 'rule' ? 'regola' : r.basis === 'moved' ? 'proroga' : 'dopo il bilancio',
      ]),
      { delimiter: ';' },
    );
    return { csv, today: d.today };
  }

  return {
    view,
    save,
    rules,
    createRule,
    updateRule,
    deleteRule,
    createMove,
    updateMove,
    deleteMove,
    deadlines,
    deadlinesCsv,
  };
}

export type ProgrammingService = ReturnType<typeof createProgrammingService>;
