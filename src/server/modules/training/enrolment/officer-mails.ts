import { formatRomeDate, romeDate } from '../../../../common/rome-time.js';
import type { Lang } from '../../../kernel/errors.js';
import { type Mail, signature } from '../../platform/mail/index.js';

/** E-mails to Province officers about their staff's enrolments, in the officer's language. */

export type RequestFacts = {
  learnerName: string;
  pathTitle: string;
  editionTitle: string;
  startsOn: string;
  endsOn: string;
  requestedAt: Date;
};

export type CancellationFacts = RequestFacts & {
  reason: string | null;
  /** Who cancelled, when not the learner themselves; null for the learner. */
  byName: string | null;
};

const dates = (lang: Lang, f: Pick<RequestFacts, 'startsOn' | 'endsOn'>) =>
  `${formatRomeDate(f.startsOn, lang)} – ${formatRomeDate(f.endsOn, lang)}`;

const course = (lang: Lang, f: RequestFacts) => `${f.pathTitle} – ${f.editionTitle} (${dates(lang, f)})`;

function cancelledLine(lang: Lang, f: CancellationFacts): string {
  const en = lang === 'en';
  const who = f.byName
    ? en
      ? `cancelled by ${f.byName}`
      : `annullata da ${f.byName}`
    : en
      ? 'cancelled by the person'
      : 'annullata dalla persona stessa';
  const reason = f.reason ? (en ? ` Reason: ${f.reason}` : ` Motivo: ${f.reason}`) : '';
  return `${f.learnerName}: ${course(lang, f)} – ${who}.${reason}`;
}

/** A request of the officer's staff now awaits their approval. */
export function approvalRequestMail(lang: Lang, officerName: string, f: RequestFacts, link: string): Mail {
  if (lang === 'en')
    return {
      subject: `Officina: enrolment request to approve – ${f.learnerName}, ${f.pathTitle}`,
      text: `Hello ${officerName},\n\n${f.learnerName}, of your Province, asked to enrol in a course that needs your approval.\n\nCourse: ${f.pathTitle}\nEdition: ${f.editionTitle} (${dates('en', f)})\n\nApprove or reject the request: ${link}\n\n${signature.en}\n`,
    };
  return {
    subject: `Officina: richiesta di iscrizione da approvare – ${f.learnerName}, ${f.pathTitle}`,
    text: `Gentile ${officerName},\n\n${f.learnerName}, della tua Provincia, ha chiesto di iscriversi a un percorso che richiede la tua approvazione.\n\nPercorso: ${f.pathTitle}\nEdizione: ${f.editionTitle} (${dates('it', f)})\n\nApprova o rifiuta la richiesta: ${link}\n\n${signature.it}\n`,
  };
}

/** An enrolment of the officer's staff was cancelled. */
export function staffCancellationMail(
  lang: Lang,
  officerName: string,
  f: CancellationFacts,
  link: string,
): Mail {
  if (lang === 'en')
    return {
      subject: `Officina: enrolment cancelled – ${f.learnerName}, ${f.pathTitle}`,
      text: `Hello ${officerName},\n\nan enrolment of a person of your Province has been cancelled.\n\n${cancelledLine(lang, f)}\n\nYour Province's enrolments: ${link}\n\n${signature.en}\n`,
    };
  return {
    subject: `Officina: iscrizione annullata – ${f.learnerName}, ${f.pathTitle}`,
    text: `Gentile ${officerName},\n\nè stata annullata l’iscrizione di una persona della tua Provincia.\n\n${cancelledLine(lang, f)}\n\nLe iscrizioni della tua Provincia: ${link}\n\n${signature.it}\n`,
  };
}

/** The daily summary: requests still awaiting approval and cancellations since the previous one. */
export function digestMail(
  lang: Lang,
  officerName: string,
  day: string,
  pending: RequestFacts[],
  cancelled: CancellationFacts[],
  link: string,
): Mail {
  const en = lang === 'en';
  const sections: string[] = [];
  if (pending.length)
    sections.push(
      `${en ? 'Requests awaiting your approval' : 'Richieste in attesa della tua approvazione'} (${pending.length}):\n${pending
        .map(
          (p) =>
            `- ${p.learnerName}: ${course(lang, p)}, ${en ? 'requested on' : 'richiesta del'} ${formatRomeDate(romeDate(p.requestedAt), lang)}`,
        )
        .join('\n')}`,
    );
  if (cancelled.length)
    sections.push(
      `${en ? 'Enrolments cancelled since the previous summary' : 'Iscrizioni annullate dal riepilogo precedente'} (${cancelled.length}):\n${cancelled
        .map((c) => `- ${cancelledLine(lang, c)}`)
        .join('\n')}`,
    );
  const body = sections.join('\n\n');
  if (en)
    return {
      subject: `Officina: daily enrolment summary – ${formatRomeDate(day, 'en')}`,
      text: `Hello ${officerName},\n\nhere is today's summary of your Province's enrolments.\n\n${body}\n\nApprove or reject the requests: ${link}\n\n${signature.en}\n`,
    };
  return {
    subject: `Officina: riepilogo giornaliero delle iscrizioni – ${formatRomeDate(day)}`,
    text: `Gentile ${officerName},\n\necco il riepilogo di oggi delle iscrizioni della tua Provincia.\n\n${body}\n\nApprova o rifiuta le richieste: ${link}\n\n${signature.it}\n`,
  };
}
