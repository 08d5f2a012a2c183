import { type LineView, type PlanDiff, totalsOf } from '../../../../common/reorg-plans.js';
import {
  type AdoptionAct,
  type PlanContent,
  type StaffingLine,
  vacant,
} from '../../../../common/restructuring.js';

const EMPTY: PlanContent = { act: null, functions: [], staffing: [], notes: '' };
const lineId = (l: Pick<StaffingLine, 'functionKey' | 'jobProfileCode'>) =>
  `${l.functionKey}/${l.jobProfileCode}`;
const withVacant = (l: StaffingLine): LineView => ({ ...l, vacant: vacant(l) });
/** The same adoption act (type, number and date), or both absent. */
export const sameAct = (a: AdoptionAct | null, b: AdoptionAct | null) =>
  a === b || (!!a && !!b && a.type === b.type && a.number === b.number && a.date === b.date);

/**
 * What changed from one version's content to another's: functions and staffing lines added, removed
 * and changed (matched by function key, and by function key and job profile), with the values before
 * and after; the act; the notes; and the totals. `before` null compares against an empty plan.
 */
export function diffPlans(
  before: PlanContent | null,
  after: PlanContent,
  numbers: { from: number; to: number },
): PlanDiff {
  const b = before ?? EMPTY;
  const oldFunctions = new Map(b.functions.map((f) => [f.key, f]));
  const newFunctions = new Map(after.functions.map((f) => [f.key, f]));
  const functions: PlanDiff['functions'] = { added: [], removed: [], changed: [] };
  for (const f of after.functions) {
    const old = oldFunctions.get(f.key);
    if (!old) functions.added.push(f);
    else {
      const fields = (['name', 'kind', 'description'] as const).filter((k) => old[k] !== f[k]);
      if (fields.length) functions.changed.push({ key: f.key, before: old, after: f, fields });
    }
  }
  for (const f of b.functions) if (!newFunctions.has(f.key)) functions.removed.push(f);

  const oldLines = new Map(b.staffing.map((l) => [lineId(l), l]));
  const newLines = new Map(after.staffing.map((l) => [lineId(l), l]));
  const staffing: PlanDiff['staffing'] = { added: [], removed: [], changed: [] };
  for (const l of after.staffing) {
    const old = oldLines.get(lineId(l));
    if (!old) staffing.added.push(withVacant(l));
    else {
      const [x, y] = [withVacant(old), withVacant(l)];
      const fields = (['planned', 'covered', 'vacant', 'annualCostCents'] as const).filter(
        (k) => x[k] !== y[k],
      );
      if (fields.length)
        staffing.changed.push({
          functionKey: l.functionKey,
          jobProfileCode: l.jobProfileCode,
          before: x,
          after: y,
          fields,
        });
    }
  }
  for (const l of b.staffing) if (!newLines.has(lineId(l))) staffing.removed.push(withVacant(l));

  return {
    ...numbers,
    functions,
    staffing,
    act: { before: b.act, after: after.act, changed: !sameAct(b.act, after.act) },
    notesChanged: b.notes !== after.notes,
    totals: { before: totalsOf(b), after: totalsOf(after) },
  };
}
