import { eq, inArray } from 'drizzle-orm';
import { deadlineFor } from '../../../common/deadlines.js';
import { PROGRAMMING_KINDS, type ProgrammingKind } from '../../../common/restructuring.js';
import { addDays, romeDate } from '../../../common/rome-time.js';
import type { Db } from '../client.js';
import { programmingDocuments, territorialUnits, users } from '../schema/index.js';
import { DEADLINE_RULES } from './restructuring-rules.js';

type Doc = typeof programmingDocuments.$inferInsert;

/**
 * Programming documents laid out around the day of the seed, with the year whose documents are due
 * next (Y; 2027 on 29 November 2026): Cuneo has presented every document of Y−1 and the DUP and its
 * Nota of Y, its PIAO and PTFP of Y are pending; Bergamo has presented the documents of Y−1 only, so
 * what of Y is past its deadline shows as overdue; Sassari presented its DUP of Y late.
 */
export async function seedDemoProgramming(db: Db, now = new Date()) {
  const today = romeDate(now);
  const due = (kind: ProgrammingKind, year: number) =>
    deadlineFor(kind, year, DEADLINE_RULES, [])?.due ?? today;
  const thisYear = Number(today.slice(0, 4));
  const y =
    [thisYear, thisYear + 1, thisYear + 2].find((year) =>
      PROGRAMMING_KINDS.some((k) => due(k, year) >= today),
    ) ?? thisYear + 1;
  /** A few days before the deadline, or two days ago when it is still ahead. */
  const onTime = (kind: ProgrammingKind, year: number) => {
    const d = addDays(due(kind, year), -3);
    return d < today ? d : addDays(today, -2);
  };

  await db.transaction(async (tx) => {
    const units = await tx
      .select({ id: territorialUnits.id, istat: territorialUnits.istatCode })
      .from(territorialUnits)
      .where(inArray(territorialUnits.istatCode, ['004', '016', '090']));
    const unit = (istat: string) => units.find((u) => u.istat === istat)?.id;
    const [officer] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'referente.cuneo@officina.demo'));
    const money = (year: number, base: number) =>
      [0, 1, 2].map((i) => ({ year: year + i, cents: (base + i * 250_000) * 100 }));
    const act = (kind: ProgrammingKind, year: number, adoptedOn: string, n: number): Partial<Doc> => ({
      adoptedOn,
      actType: kind === 'piao' || kind === 'ptfp' ? 'Decreto del Presidente' : 'Delibera di Consiglio',
      actNumber: String(n),
      actDate: adoptedOn,
      personnelMoney: kind === 'dup' || kind === 'ptfp' ? money(year, 18_450_000) : [],
    });
    const rows: Doc[] = [];
    const presented = (
      unitId: number | undefined,
      year: number,
      kinds: readonly ProgrammingKind[],
      late = 0,
    ) => {
      if (!unitId) return;
      kinds.forEach((kind, i) => {
        const on = late ? addDays(due(kind, year), late) : onTime(kind, year);
        if (on > today) return;
        rows.push({
          unitId,
          year,
          kind,
          ...act(kind, year, on, 20 + i),
          url: `https://www.provincia.example.it/amministrazione-trasparente/${kind}-${year}`,
          notes: '',
          updatedBy: officer?.id ?? null,
          updatedAt: now,
        });
      });
    };
    presented(unit('004'), y - 1, PROGRAMMING_KINDS);
    presented(unit('004'), y, ['dup', 'nadup']);
    presented(unit('016'), y - 1, PROGRAMMING_KINDS);
    presented(unit('090'), y, ['dup'], 10);
    if (rows.length) await tx.insert(programmingDocuments).values(rows).onConflictDoNothing();
  });
}
