import { formatRomeDate, romeDate, romeInstant, romeTime } from '../../../../common/rome-time.js';
import { AppError, errors, type Lang } from '../../../kernel/errors.js';
import type { EditionRow } from './repository.js';

export const ENROLMENT = { it: 'Iscrizione', en: 'Enrolment' };
export const EDITION = { it: 'Edizione', en: 'Edition' };

/** Learners may cancel until the edition's deadline, or until it starts when none is set. */
export function cancellationDeadline(e: Pick<EditionRow, 'startsOn' | 'cancellationClosesAt'>): Date {
  return e.cancellationClosesAt ?? romeInstant(e.startsOn);
}

const when = (d: Date, lang: Lang) =>
  lang === 'en'
    ? `${formatRomeDate(romeDate(d), 'en')} at ${romeTime(d)}`
    : `${formatRomeDate(romeDate(d))} alle ${romeTime(d)}`;

/** An edition takes enrolments when published and inside its window (admins may skip the window). */
export function checkEnrollable(e: EditionRow, now: Date, opts: { bypassWindow: boolean }) {
  // National decisions may still place people in an edition whose enrolment is closed.
  const open = opts.bypassWindow ? ['published', 'closed'] : ['published'];
  if (!open.includes(e.status))
    throw errors.conflict('EDITION_NOT_OPEN', {
      it: 'Questa edizione non accetta iscrizioni (non è pubblicata, è chiusa, conclusa o annullata).',
      en: 'This edition does not take enrolments (it is not published, or it is closed, completed or cancelled).',
    });
  if (opts.bypassWindow) return;
  if (now < e.enrolmentOpensAt)
    throw errors.conflict('ENROLMENT_NOT_OPEN_YET', {
      it: `Le iscrizioni si aprono il ${when(e.enrolmentOpensAt, 'it')}.`,
      en: `Enrolment opens on ${when(e.enrolmentOpensAt, 'en')}.`,
    });
  if (now >= e.enrolmentClosesAt)
    throw errors.conflict('ENROLMENT_CLOSED', {
      it: `Le iscrizioni si sono chiuse il ${when(e.enrolmentClosesAt, 'it')}.`,
      en: `Enrolment closed on ${when(e.enrolmentClosesAt, 'en')}.`,
    });
}

/** The refusals of the enrolment workflow, each with a stable code and words for people. */
export const rules = {
  alreadyEnrolled: () =>
    errors.conflict('ALREADY_ENROLLED', {
      it: 'Risulta già un’iscrizione attiva a questa edizione (confermata, in attesa o in lista d’attesa).',
      en: 'There is already an active enrolment in this edition (confirmed, pending or waitlisted).',
    }),
  notEligible: () =>
    new AppError(403, 'NOT_ELIGIBLE', {
      it: 'Questo percorso è riservato ad altre Province: il personale della tua Provincia non può iscriversi.',
      en: 'This path is reserved to other Provinces: your Province’s staff cannot enrol.',
    }),
  notYourStaff: () =>
    new AppError(404, 'PERSON_NOT_IN_SCOPE', {
      it: 'Persona non trovata tra il personale che puoi iscrivere.',
      en: 'Person not found among the staff you may enrol.',
    }),
  inactive: () =>
    errors.conflict('USER_INACTIVE', {
      it: 'L’account della persona è disattivato.',
      en: 'The person’s account is deactivated.',
    }),
  notPending: () =>
    errors.conflict('NOT_PENDING', {
      it: 'L’iscrizione non è più in attesa di approvazione: qualcuno l’ha già decisa o annullata.',
      en: 'The enrolment is no longer awaiting approval: someone has already decided or cancelled it.',
    }),
  notActive: () =>
    errors.conflict('ENROLMENT_NOT_ACTIVE', {
      it: 'L’iscrizione è già annullata o respinta.',
      en: 'The enrolment is already cancelled or rejected.',
    }),
  editionOver: () =>
    errors.conflict('EDITION_OVER', {
      it: 'L’edizione è conclusa o annullata.',
      en: 'The edition is completed or cancelled.',
    }),
  tooLateToCancel: (deadline: Date, _lang: Lang) =>
    errors.conflict('CANCELLATION_CLOSED', {
      it: `Il termine per annullare è scaduto il ${when(deadline, 'it')}: chiedi al referente della tua Provincia.`,
      en: `The deadline to cancel passed on ${when(deadline, 'en')}: ask your Province officer.`,
    }),
  sameEdition: () =>
    errors.badRequest(
      'SAME_EDITION',
      { it: 'L’iscrizione è già in questa edizione.', en: 'The enrolment is already in this edition.' },
      ['toEditionId'],
    ),
  duplicateQuota: () =>
    errors.badRequest(
      'DUPLICATE_QUOTA',
      { it: 'Ogni unità può comparire una sola volta.', en: 'Each unit may appear only once.' },
      ['quotas'],
    ),
  unknownUnit: () =>
    errors.badRequest(
      'UNKNOWN_UNIT',
      { it: 'Unità territoriale sconosciuta.', en: 'Unknown territorial unit.' },
      ['quotas'],
    ),
  quotasOverCapacity: (capacity: number) =>
    errors.badRequest(
      'QUOTAS_OVER_CAPACITY',
      {
        it: `I posti riservati superano i posti dell’edizione (${capacity}).`,
        en: `The reserved seats exceed the edition’s seats (${capacity}).`,
      },
      ['quotas'],
    ),
};
