import type { EditionInput, SessionInput } from '../../../../common/catalogue.js';
import { formatRomeDate, romeDate, romeInstant } from '../../../../common/rome-time.js';
import { errors } from '../../../kernel/errors.js';
import type { EditionRow } from './editions-repository.js';

/** Rules every edition and session must respect, whatever the way in (form, API, CSV). */

export const bad = (code: string, it: string, en: string, field: string) =>
  errors.badRequest(code, { it, en }, [field]);

export const notATrainer = (field: string) =>
  bad(
    'UNKNOWN_TRAINER',
    'Il formatore indicato non esiste o non ha il ruolo di formatore.',
    'The trainer does not exist or does not hold the trainer role.',
    field,
  );

/** Rules every edition must respect, whatever the way in (form, API, CSV). */
export function checkEdition(
  e: Pick<EditionInput, 'startsOn' | 'endsOn' | 'enrolmentOpensAt' | 'enrolmentClosesAt'>,
) {
  if (e.endsOn < e.startsOn)
    throw bad(
      'INVALID_DATES',
      'La data di fine precede quella di inizio.',
      'The end date is before the start date.',
      'endsOn',
    );
  const opens = new Date(e.enrolmentOpensAt);
  const closes = new Date(e.enrolmentClosesAt);
  if (closes <= opens)
    throw bad(
      'INVALID_ENROLMENT_WINDOW',
      'La chiusura delle iscrizioni deve seguire l’apertura.',
      'Enrolment must close after it opens.',
      'enrolmentClosesAt',
    );
  if (opens >= romeInstant(e.startsOn))
    throw bad(
      'ENROLMENT_AFTER_START',
      'Le iscrizioni devono aprirsi prima dell’inizio dell’edizione.',
      'Enrolment must open before the edition starts.',
      'enrolmentOpensAt',
    );
}

/** A session ends after it starts and falls within its edition's dates (Rome calendar days). */
export function checkSession(
  s: Pick<SessionInput, 'startsAt' | 'endsAt'>,
  edition: Pick<EditionRow, 'startsOn' | 'endsOn'>,
) {
  const start = new Date(s.startsAt);
  const end = new Date(s.endsAt);
  if (end <= start)
    throw bad(
      'INVALID_TIMES',
      'La sessione deve finire dopo l’inizio.',
      'The session must end after it starts.',
      'endsAt',
    );
  if (romeDate(start) < edition.startsOn || romeDate(end) > edition.endsOn)
    throw bad(
      'SESSION_OUTSIDE_EDITION',
      `La sessione è fuori dalle date dell’edizione (${formatRomeDate(edition.startsOn)} – ${formatRomeDate(edition.endsOn)}).`,
      `The session falls outside the edition's dates (${formatRomeDate(edition.startsOn, 'en')} – ${formatRomeDate(edition.endsOn, 'en')}).`,
      'startsAt',
    );
}
