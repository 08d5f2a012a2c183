import { formatRomeDate, romeDate, romeTime } from '../../../../common/rome-time.js';
import { AppError, type Bilingual, errors, type Lang } from '../../../kernel/errors.js';

export const SESSION: Bilingual = { it: 'Sessione', en: 'Session' };
export const EDITION: Bilingual = { it: 'Edizione', en: 'Edition' };
export const ENROLMENT: Bilingual = { it: 'Iscrizione', en: 'Enrolment' };

/** "12 mag 2026" (it), "12 May 2026" (en): the day of an instant in Rome. */
export const romeDay = (d: Date, lang: Lang = 'it') => formatRomeDate(romeDate(d), lang);
/** "09:00" in Rome. */
export const romeClock = romeTime;

/** A span of Rome wall-clock time, in words: "il 12 mag 2026 dalle 08:30 alle 13:00". */
export function romeSpan(from: Date, to: Date, lang: Lang): string {
  if (romeDay(from) === romeDay(to))
    return lang === 'en'
      ? `on ${romeDay(from, 'en')} from ${romeClock(from)} to ${romeClock(to)} (Italian time)`
      : `il ${romeDay(from)} dalle ${romeClock(from)} alle ${romeClock(to)} (ora italiana)`;
  return lang === 'en'
    ? `from ${romeDay(from, 'en')} ${romeClock(from)} to ${romeDay(to, 'en')} ${romeClock(to)} (Italian time)`
    : `dal ${romeDay(from)} ${romeClock(from)} al ${romeDay(to)} ${romeClock(to)} (ora italiana)`;
}

export const tooLong = (length: number, field = 'minutes') =>
  new AppError(
    400,
    'ATTENDANCE_TOO_LONG',
    {
      it: `Le presenze di una sessione vanno da 0 a ${length} minuti, la durata della sessione.`,
      en: `Attendance in a session ranges from 0 to ${length} minutes, the session's length.`,
    },
    [field],
  );

export const notEnrolled = (status = 403, field?: string) =>
  new AppError(
    status,
    'NOT_ENROLLED',
    {
      it: 'La persona non ha un’iscrizione confermata a questa edizione: le presenze si registrano solo per gli iscritti confermati.',
      en: 'The person has no confirmed enrolment in this edition: attendance is recorded only for confirmed enrolments.',
    },
    field ? [field] : undefined,
  );

export const sessionCancelled = () =>
  errors.conflict('SESSION_CANCELLED', {
    it: 'La sessione è annullata: non si registrano presenze.',
    en: 'The session is cancelled: no attendance can be recorded.',
  });

export const editionCancelled = () =>
  errors.conflict('EDITION_CANCELLED', {
    it: 'L’edizione è annullata: non si registrano presenze.',
    en: 'The edition is cancelled: no attendance can be recorded.',
  });

export const notStarted = (startsAt: Date) =>
  errors.badRequest('SESSION_NOT_STARTED', {
    it: `La sessione non è ancora iniziata: le presenze si registrano dal ${romeDay(startsAt)} alle ${romeClock(startsAt)} (ora italiana).`,
    en: `The session has not started yet: attendance can be recorded from ${romeDay(startsAt)} at ${romeClock(startsAt)} (Italian time).`,
  });
