import type { FastifyBaseLogger } from 'fastify';
import type { EnrolmentStatus } from '../../../../common/enrolment.js';
import { addDays, romeDate, romeInstant } from '../../../../common/rome-time.js';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import type { Lang } from '../../../kernel/errors.js';
import { periodicJob } from '../../../kernel/periodic.js';
import type { MailService } from '../../platform/mail/index.js';
import { changeLine, changesMail, reminderMail } from './notices.js';
import type { NotifierRepository } from './notifier-repository.js';

/** Whom a notice reaches: everyone holding or waiting for a seat. */
const TOLD: EnrolmentStatus[] = ['confirmed', 'waitlisted', 'pending'];
const BATCH = 200;

/**
 * Periodic job of every process: the day-before reminder of each session (claimed in the database,
 * so one process sends it) and the notices of changed or cancelled editions (rows locked with SKIP
 * LOCKED, so two processes never send the same change).
 */
export function createNotifier(deps: {
  db: Db;
  repo: NotifierRepository;
  mail: MailService;
  config: Pick<Config, 'publicUrl' | 'outboxIntervalMs'>;
  log: FastifyBaseLogger;
  clock: Clock;
}) {
  const { db, repo } = deps;
  const link = `${deps.config.publicUrl}/formazione/iscrizioni`;
  const langOf = (locale: string): Lang => (locale === 'en' ? 'en' : 'it');

  /** Reminders for the sessions of tomorrow (Rome calendar day). */
  async function remind(now: Date) {
    const tomorrow = addDays(romeDate(now), 1);
    const due = await repo.sessionsToRemind(db, romeInstant(tomorrow), romeInstant(addDays(tomorrow, 1)));
    let sent = 0;
    for (const d of due) {
      await db.transaction(async (tx) => {
        if (!(await repo.claimReminder(tx, d.session.id))) return;
        const venue = d.edition.online
          ? null
          : [d.edition.venueName, d.edition.venueAddress].filter(Boolean).join(', ');
        for (const p of await repo.peopleOf(tx, d.edition.id, ['confirmed'])) {
          const facts = { name: p.name, pathTitle: d.pathTitle, editionTitle: d.edition.title, venue, link };
          await deps.mail.enqueue(tx, p.email, reminderMail(langOf(p.locale), facts, d.session));
          sent++;
        }
      });
    }
    return sent;
  }

  /** One notice per person and edition, listing every pending change of that edition. */
  async function notifyChanges(now: Date) {
    return db.transaction(async (tx) => {
      const claimed = await repo.claimChanges(tx, BATCH);
      const byEdition = new Map<number, typeof claimed>();
      for (const c of claimed) byEdition.set(c.edition.id, [...(byEdition.get(c.edition.id) ?? []), c]);
      let sent = 0;
      for (const [editionId, changes] of byEdition) {
        const first = changes[0];
        if (!first) continue;
        const cancelled = changes.some((c) => c.change.kind === 'edition.cancelled');
        for (const p of await repo.peopleOf(tx, editionId, TOLD)) {
          const lang = langOf(p.locale);
          const lines = changes
            .map((c) =>
              changeLine(
                { kind: c.change.kind, changes: c.change.changes, session: c.session, edition: c.edition },
                lang,
              ),
            )
            .filter((l): l is string => l !== null);
          if (!lines.length) continue;
          const facts = {
            name: p.name,
            pathTitle: first.pathTitle,
            editionTitle: first.edition.title,
            cancelled,
            link,
          };
          await deps.mail.enqueue(tx, p.email, changesMail(lang, facts, lines));
          sent++;
        }
      }
      await repo.markNotified(
        tx,
        claimed.map((c) => c.change.id),
        now,
      );
      return sent;
    });
  }

  async function pass(now: Date) {
    const reminders = await remind(now);
    const notices = await notifyChanges(now);
    if (reminders + notices) deps.mail.kick();
    return { reminders, notices };
  }

  return periodicJob({
    name: 'notifier',
    pass: (now = deps.clock.now()) => pass(now),
    intervalMs: Math.max(deps.config.outboxIntervalMs, 60_000),
    log: deps.log,
  });
}

export type Notifier = ReturnType<typeof createNotifier>;
