import type { ProgrammingDocument } from '../../../common/programming';

/** The message key and values that say plainly where a document stands ("scaduto da 3 giorni"). */
export function statusMessage(doc: Pick<ProgrammingDocument, 'state' | 'adoptedOn' | 'deadline'>): {
  key: string;
  count?: number;
  date?: string;
} {
  if (doc.state === 'presented') return { key: 'presented', date: doc.adoptedOn ?? '' };
  if (!doc.deadline) return { key: 'noRule' };
  const n = doc.deadline.daysLeft;
  if (n < 0) return { key: 'overdue', count: -n };
  if (n === 0) return { key: 'dueToday' };
  return { key: 'dueIn', count: n };
}

/** The Bootstrap Italia badge colour of a state. */
export function statusTone(doc: Pick<ProgrammingDocument, 'state' | 'deadline'>): string {
  if (doc.state === 'presented') return 'success';
  if (doc.state === 'overdue') return 'danger';
  if (doc.deadline && doc.deadline.daysLeft <= 30) return 'warning';
  return 'secondary';
}
