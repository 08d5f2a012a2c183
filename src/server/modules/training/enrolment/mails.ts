import { formatRomeDate } from '../../../../common/rome-time.js';
import type { Lang } from '../../../kernel/errors.js';
import type { Mail } from '../../platform/mail/index.js';

/** E-mails about a person's enrolment, in their language. */

const sign = {
  it: '— Officina, la piattaforma della formazione delle Province',
  en: '— Officina, the Provinces’ training platform',
};

export type EnrolmentMailFacts = {
  name: string;
  pathTitle: string;
  editionTitle: string;
  startsOn: string;
  endsOn: string;
  /** Link to the person's enrolments. */
  link: string;
};

export type EnrolmentEvent =
  | { kind: 'confirmed' }
  | { kind: 'pending' }
  | { kind: 'waitlisted'; position: number }
  | { kind: 'approved' }
  | { kind: 'approvedWaitlisted'; position: number }
  | { kind: 'rejected'; reason: string }
  | { kind: 'promoted' }
  /** `by`: who cancelled, null when the person cancelled it themselves. */
  | { kind: 'cancelled'; reason: string | null; by: string | null }
  | { kind: 'moved'; to: string; position: number | null };

function lines(lang: Lang, e: EnrolmentEvent): { subject: string; body: string } {
  const it = lang !== 'en';
  switch (e.kind) {
    case 'confirmed':
      return it
        ? { subject: 'iscrizione confermata', body: 'la tua iscrizione è confermata: il posto è tuo.' }
        : { subject: 'enrolment confirmed', body: 'your enrolment is confirmed: the seat is yours.' };
    case 'pending':
      return it
        ? {
            subject: 'iscrizione ricevuta',
            body: 'abbiamo ricevuto la tua richiesta di iscrizione. Il referente della tua Provincia deve approvarla: riceverai un messaggio con l’esito.',
          }
        : {
            subject: 'enrolment received',
            body: 'we have received your enrolment request. Your Province officer must approve it: you will get a message with the outcome.',
          };
    case 'waitlisted':
      return it
        ? {
            subject: 'sei in lista d’attesa',
            body: `i posti sono esauriti: sei in lista d’attesa, in posizione ${e.position}. Se si libera un posto sarai iscritto automaticamente e te lo comunicheremo.`,
          }
        : {
            subject: 'you are on the waitlist',
            body: `the seats are taken: you are on the waitlist, in position ${e.position}. If a seat frees up you will be enrolled automatically and told.`,
          };
    case 'approved':
      return it
        ? {
            subject: 'iscrizione approvata',
            body: 'il referente della tua Provincia ha approvato la tua iscrizione: il posto è confermato.',
          }
        : {
            subject: 'enrolment approved',
            body: 'your Province officer approved your enrolment: your seat is confirmed.',
          };
    case 'approvedWaitlisted':
      return it
        ? {
            subject: 'iscrizione approvata, in lista d’attesa',
            body: `il referente della tua Provincia ha approvato la tua iscrizione, ma i posti sono esauriti: sei in lista d’attesa, in posizione ${e.position}.`,
          }
        : {
            subject: 'enrolment approved, on the waitlist',
            body: `your Province officer approved your enrolment, but the seats are taken: you are on the waitlist, in position ${e.position}.`,
          };
    case 'rejected':
      return it
        ? {
            subject: 'iscrizione non approvata',
            body: `la tua richiesta di iscrizione non è stata approvata. Motivo: ${e.reason}`,
          }
        : {
            subject: 'enrolment not approved',
            body: `your enrolment request was not approved. Reason: ${e.reason}`,
          };
    case 'promoted':
      return it
        ? {
            subject: 'si è liberato un posto: sei iscritto',
            body: 'si è liberato un posto e tu eri il primo in lista d’attesa: la tua iscrizione è confermata.',
          }
        : {
            subject: 'a seat freed up: you are enrolled',
            body: 'a seat freed up and you were first on the waitlist: your enrolment is confirmed.',
          };
    case 'cancelled': {
      const reason = e.reason ? (it ? ` Motivo: ${e.reason}` : ` Reason: ${e.reason}`) : '';
      if (e.by === null)
        return it
          ? {
              subject: 'iscrizione annullata',
              body: `come hai chiesto, la tua iscrizione è stata annullata e il posto è stato liberato.${reason}`,
            }
          : {
              subject: 'enrolment cancelled',
              body: `as you asked, your enrolment has been cancelled and the seat freed.${reason}`,
            };
      return it
        ? {
            subject: 'iscrizione annullata',
            body: `la tua iscrizione è stata annullata da ${e.by}.${reason}`,
          }
        : {
            subject: 'enrolment cancelled',
            body: `your enrolment was cancelled by ${e.by}.${reason}`,
          };
    }
    case 'moved': {
      const seat = e.position
        ? it
          ? ` I posti sono esauriti: sei in lista d’attesa, in posizione ${e.position}.`
          : ` The seats are taken: you are on its waitlist, in position ${e.position}.`
        : it
          ? ' Il posto è confermato.'
          : ' Your seat is confirmed.';
      return it
        ? {
            subject: 'iscrizione spostata',
            body: `la tua iscrizione è stata spostata all’edizione “${e.to}”.${seat}`,
          }
        : { subject: 'enrolment moved', body: `your enrolment was moved to the edition “${e.to}”.${seat}` };
    }
  }
}

export function enrolmentMail(lang: Lang, f: EnrolmentMailFacts, e: EnrolmentEvent): Mail {
  const { subject, body } = lines(lang, e);
  const dates = `${formatRomeDate(f.startsOn, lang)} – ${formatRomeDate(f.endsOn, lang)}`;
  if (lang === 'en')
    return {
      subject: `Officina: ${subject} – ${f.pathTitle}`,
      text: `Hello ${f.name},\n\n${body}\n\nCourse: ${f.pathTitle}\nEdition: ${f.editionTitle} (${dates})\n\nYour enrolments: ${f.link}\n\n${sign.en}\n`,
    };
  return {
    subject: `Officina: ${subject} – ${f.pathTitle}`,
    text: `Gentile ${f.name},\n\n${body}\n\nPercorso: ${f.pathTitle}\nEdizione: ${f.editionTitle} (${dates})\n\nLe tue iscrizioni: ${f.link}\n\n${sign.it}\n`,
  };
}
