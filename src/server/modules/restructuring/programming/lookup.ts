import { daysUntil } from '../../../../common/deadlines.js';
import { type DocumentState, documentStateOf } from '../../../../common/programming.js';
import { PROGRAMMING_KINDS, type ProgrammingKind } from '../../../../common/restructuring.js';
import type { Db } from '../../../db/client.js';
import { deadlineOf, followed, followedYears, loadReference } from './calendar.js';
import type { ProgrammingRepository } from './repository.js';

export type UnitDeadline = {
  kind: ProgrammingKind;
  year: number;
  /** Null when no rule covers the year. */
  due: string | null;
  basis: 'rule' | 'moved' | 'budget' | null;
  source: string | null;
  adoptedOn: string | null;
  state: DocumentState;
};

export type UnitOverview = {
  unitId: number;
  /** The earliest deadline not yet passed of a document not presented. */
  next: { kind: ProgrammingKind; year: number; due: string } | null;
  /** Documents past their deadline (within a year) and not presented. */
  overdue: number;
};

/**
 * What the other restructuring modules read of the programming documents (no access checks: the
 * caller has made them): a unit's deadlines for a year, and each unit's next deadline and overdue
 * count for the national view and the brief.
 */
export function createProgrammingLookup(repo: ProgrammingRepository) {
  return {
    async deadlinesOf(tx: Db, unitId: number, year: number, today?: string): Promise<UnitDeadline[]> {
      const ref = await loadReference(tx, repo);
      const docs = await repo.documents(tx, [unitId], [year]);
      return PROGRAMMING_KINDS.map((kind) => {
        const d = deadlineOf(ref, kind, year);
        const adoptedOn = docs.find((x) => x.doc.kind === kind)?.doc.adoptedOn ?? null;
        return {
          kind,
          year,
          due: d?.due ?? null,
          basis: d?.basis ?? null,
          source: d?.source ?? null,
          adoptedOn,
          state: today ? documentStateOf(today, d?.due ?? null, adoptedOn) : adoptedOn ? 'presented' : 'due',
        };
      });
    },

    /** Every unit in the programme, on `today` (YYYY-MM-DD, Rome). */
    async overview(tx: Db, today: string): Promise<UnitOverview[]> {
      const ref = await loadReference(tx, repo);
      const units = await repo.units(tx, 'all');
      const ids = units.map((u) => u.id);
      const docs = await repo.documents(tx, ids, followedYears(today));
      const done = new Set(
        docs.filter((d) => d.doc.adoptedOn).map((d) => `${d.doc.unitId}/${d.doc.year}/${d.doc.kind}`),
      );
      const presented = (u: number, y: number, k: ProgrammingKind) => done.has(`${u}/${y}/${k}`);
      const overdue = followed(ref, today, ids, presented).filter((f) => f.state === 'overdue');
      // The next deadline looks past the 30-day window, up to the documents of two years ahead.
      const upcoming: { kind: ProgrammingKind; year: number; due: string }[] = [];
      for (const year of followedYears(today))
        for (const kind of PROGRAMMING_KINDS) {
          const d = deadlineOf(ref, kind, year);
          if (d && daysUntil(today, d.due) >= 0) upcoming.push({ kind, year, due: d.due });
        }
      upcoming.sort((a, b) => a.due.localeCompare(b.due));
      return units.map((u) => ({
        unitId: u.id,
        next: upcoming.find((x) => !presented(u.id, x.year, x.kind)) ?? null,
        overdue: overdue.filter((f) => f.unitId === u.id).length,
      }));
    },
  };
}

export type ProgrammingLookup = ReturnType<typeof createProgrammingLookup>;
