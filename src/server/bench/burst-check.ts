import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { enrolments } from '../db/schema/index.js';
import type { BurstAnswer } from './burst.js';

export type BurstVerdict = {
  exact: boolean;
  confirmed: number;
  waitlisted: number;
  other: number;
  /** What is wrong, in words; empty when exact. */
  problems: string[];
};

type Row = { userId: string; status: string; queueNo: number; requestedAt: Date };

/**
 * Judges the burst from what the database kept: each user enrolled once, the first `seats` in the
 * queue confirmed and everyone after them waitlisted, the queue numbers (taken one at a time under the
 * edition's lock: the arrival order as the server decided it) in the same order as the request times,
 * and every answer saying what the database says.
 */
export function judgeBurst(rows: Row[], answers: BurstAnswer[], seats: number): BurstVerdict {
  const problems: string[] = [];
  const byQueue = [...rows].sort((a, b) => a.queueNo - b.queueNo);
  const confirmed = rows.filter((r) => r.status === 'confirmed').length;
  const waitlisted = rows.filter((r) => r.status === 'waitlisted').length;
  const other = rows.length - confirmed - waitlisted;
  const expectedConfirmed = Math.min(seats, answers.length);
  if (confirmed !== expectedConfirmed) problems.push(`${confirmed} confirmed, expected ${expectedConfirmed}`);
  if (waitlisted !== answers.length - expectedConfirmed)
    problems.push(`${waitlisted} waitlisted, expected ${answers.length - expectedConfirmed}`);
  if (other) problems.push(`${other} enrolments neither confirmed nor waitlisted`);
  const users = new Set(rows.map((r) => r.userId));
  if (users.size !== rows.length) problems.push('a user holds more than one enrolment');
  const missing = answers.filter((a) => !users.has(a.userId)).length;
  if (missing) problems.push(`${missing} users have no enrolment`);
  const firstWaiting = byQueue.findIndex((r) => r.status !== 'confirmed');
  if (firstWaiting !== -1 && byQueue.slice(firstWaiting).some((r) => r.status === 'confirmed'))
    problems.push('a confirmed enrolment queued after a waitlisted one');
  for (let i = 1; i < byQueue.length; i++) {
    const prev = byQueue[i - 1] as Row;
    const cur = byQueue[i] as Row;
    if (cur.requestedAt.getTime() < prev.requestedAt.getTime()) {
      problems.push(`queue number ${cur.queueNo} was stamped before ${prev.queueNo}`);
      break;
    }
  }
  const errors = answers.filter((a) => a.status !== 201).length;
  if (errors) {
    // Which answers: a status, or 'no answer' (the connection failed or timed out on the client).
    const counts = new Map<string, number>();
    for (const a of answers)
      if (a.status !== 201) {
        const k = a.status ? String(a.status) : 'no answer';
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
    const kinds = [...counts].map(([k, n]) => `${n} × ${k}`).join(', ');
    problems.push(`${errors} requests were not answered 201 (${kinds})`);
  }
  const status = new Map(rows.map((r) => [r.userId, r.status]));
  const disagree = answers.filter(
    (a) => a.status === 201 && a.enrolmentStatus !== status.get(a.userId),
  ).length;
  if (disagree) problems.push(`${disagree} answers disagree with the database`);
  return { exact: problems.length === 0, confirmed, waitlisted, other, problems };
}

/** The burst edition's enrolments, in queue order. */
export async function burstRows(db: Db, editionId: number): Promise<Row[]> {
  return db
    .select({
      userId: enrolments.userId,
      status: enrolments.status,
      queueNo: enrolments.queueNo,
      requestedAt: enrolments.requestedAt,
    })
    .from(enrolments)
    .where(eq(enrolments.editionId, editionId))
    .orderBy(asc(enrolments.queueNo));
}

/**
 * Removes the enrolments a previous run left on the burst edition, so that the run starts from the
 * dataset as loaded (an empty edition); returns how many there were.
 */
export async function clearBurstEdition(db: Db, editionId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(enrolments).where(eq(enrolments.editionId, editionId));
  const n = row?.n ?? 0;
  if (n) await db.delete(enrolments).where(eq(enrolments.editionId, editionId));
  return n;
}
