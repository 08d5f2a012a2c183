import type { FastifyBaseLogger } from 'fastify';
import type { ProgrammingKind } from '../../../../common/restructuring.js';
import { formatRomeDate, romeToday } from '../../../../common/rome-time.js';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { periodicJob } from '../../../kernel/periodic.js';
import type { Mail, MailService } from '../../platform/mail/index.js';
import { signature } from '../../platform/mail/index.js';
import { type Followed, followed, followedYears, loadReference } from './calendar.js';
import type { ProgrammingRepository } from './repository.js';

/** The full names of the documents, as the e-mails write them. */
const DOCUMENT_NAMES: Record<ProgrammingKind, string> = {
  dup: 'Documento unico di programmazione (DUP)',
  nadup: 'Nota di aggiornamento al DUP',
  piao: 'Piano integrato di attività e organizzazione (PIAO)',
  ptfp: 'Piano triennale dei fabbisogni di personale (PTFP, sezione del PIAO)',
};

/** The reminder stage of a followed document: 30 or 7 days before, or −1 once overdue. */
export function stageOf(daysLeft: number): 30 | 7 | -1 {
  if (daysLeft < 0) return -1;
  return daysLeft <= 7 ? 7 : 30;
}

export function reminderMail(unitName: string, f: Followed, link: string): Mail {
  const doc = DOCUMENT_NAMES[f.kind];
  const period = `${f.year}–${f.year + 2}`;
  const due = formatRomeDate(f.due);
  const when =
    f.daysLeft < 0
      ? `è scaduto il ${due} (da ${-f.daysLeft} ${-f.daysLeft === 1 ? 'giorno' : 'giorni'})`
      : f.daysLeft === 0
        ? `scade oggi, ${due}`
        : `scade il ${due} (tra ${f.daysLeft} ${f.daysLeft === 1 ? 'giorno' : 'giorni'})`;
  const subject =
    f.daysLeft < 0
      ? `Scaduto: ${doc} ${period} — ${unitName}`
      : `In scadenza il ${due}: ${doc} ${period} — ${unitName}`;
  const text = [
    'Buongiorno,',
    '',
    `per l'ente ${unitName} il documento «${doc}» per il periodo ${period} ${when} e non risulta ancora presentato su Officina.`,
    '',
    `Scadenza: ${due} (${f.source}).`,
    '',
    'Se il documento è già stato presentato o adottato, registra la data e gli estremi dell’atto nella pagina della programmazione:',
    link,
    '',
    signature.it,
  ].join('\n');
  return { subject, text };
}

/**
 * Daily job of every process: for each unit in the programme, the documents not presented that are
 * due within 30 or 7 days, or overdue, get one e-mail each to the unit's Province officers and its
 * task force members. The reminder is claimed in programming_reminders (primary key unit, year, kind,
 * stage) in the transaction that queues the mail, so it is queued once whatever the processes.
 */
export function createProgrammingReminders(deps: {
  db: Db;
  repo: ProgrammingRepository;
  mail: MailService;
  config: Pick<Config, 'publicUrl'>;
  log: FastifyBaseLogger;
  clock: Clock;
  intervalMs?: number;
}) {
  const { db, repo } = deps;

  async function pass(now: Date) {
    const today = romeToday(now);
    const ref = await loadReference(db, repo);
    const units = await repo.units(db, 'all');
    const ids = units.map((u) => u.id);
    const docs = await repo.documents(db, ids, followedYears(today));
    const done = new Set(
      docs.filter((d) => d.doc.adoptedOn).map((d) => `${d.doc.unitId}/${d.doc.year}/${d.doc.kind}`),
    );
    const names = new Map(units.map((u) => [u.id, u.name]));
    const recipients = await repo.recipients(db, ids);
    let queued = 0;
    for (const f of followed(ref, today, ids, (u, y, k) => done.has(`${u}/${y}/${k}`))) {
      const people = recipients.get(f.unitId);
      if (!people?.length) continue;
      await db.transaction(async (tx) => {
        const key = { unitId: f.unitId, year: f.year, kind: f.kind, stage: stageOf(f.daysLeft) };
        if (!(await repo.claimReminder(tx, key, now))) return;
        const link = `${deps.config.publicUrl}/riassetto/unita/${f.unitId}/programmazione?anno=${f.year}`;
        const mail = reminderMail(names.get(f.unitId) ?? '', f, link);
        await deps.mail.enqueueMany(
          tx,
          people.map((to) => ({ to, mail })),
        );
        queued += people.length;
      });
    }
    if (queued) deps.mail.kick();
    return queued;
  }

  return periodicJob({
    name: 'programming reminders',
    pass: (now = deps.clock.now()) => pass(now),
    intervalMs: deps.intervalMs ?? 3_600_000,
    log: deps.log,
  });
}

export type ProgrammingReminders = ReturnType<typeof createProgrammingReminders>;
