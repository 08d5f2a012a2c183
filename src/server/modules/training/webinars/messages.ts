import { formatRomeDate, romeDate, romeTime } from '../../../../common/rome-time.js';
import { AppError, errors } from '../../../kernel/errors.js';

export const SESSION = { it: 'Sessione', en: 'Session' };

const when = (at: Date) => ({
  it: `${formatRomeDate(romeDate(at), 'it')} alle ${romeTime(at)}`,
  en: `${formatRomeDate(romeDate(at), 'en')} at ${romeTime(at)}`,
});

export const notConfirmed = () =>
  new AppError(403, 'NOT_CONFIRMED', {
    it: 'Al webinar entra solo chi ha un’iscrizione confermata all’edizione, oltre ai suoi docenti.',
    en: 'Only people with a confirmed enrolment in the edition, and its trainers, may join the webinar.',
  });

export const notOpenYet = (opensAt: Date) => {
  const w = when(opensAt);
  return errors.conflict('WEBINAR_NOT_OPEN', {
    it: `Il webinar non è ancora aperto: si apre il ${w.it} (ora di Roma).`,
    en: `The webinar is not open yet: it opens on ${w.en} (Rome time).`,
  });
};

export const alreadyClosed = (closedAt: Date) => {
  const w = when(closedAt);
  return errors.conflict('WEBINAR_CLOSED', {
    it: `Il webinar è terminato il ${w.it} (ora di Roma).`,
    en: `The webinar ended on ${w.en} (Rome time).`,
  });
};

export const notAWebinar = () =>
  errors.conflict('NOT_A_WEBINAR', {
    it: 'Questa sessione non è un webinar.',
    en: 'This session is not a webinar.',
  });

export const sessionCancelled = () =>
  errors.conflict('SESSION_CANCELLED', {
    it: 'La sessione è stata annullata.',
    en: 'The session was cancelled.',
  });

export const noLink = () =>
  errors.conflict('NO_WEBINAR_LINK', {
    it: 'Il collegamento al webinar non è ancora stato indicato: riprova più tardi.',
    en: 'The webinar link has not been set yet: try again later.',
  });

export const noPlatformRoom = () =>
  errors.conflict('NO_PLATFORM_ROOM', {
    it: 'Questo webinar non si tiene nell’aula virtuale della piattaforma.',
    en: 'This webinar is not held in the platform’s virtual classroom.',
  });

export const notRunning = () =>
  errors.conflict('WEBINAR_NOT_RUNNING', {
    it: 'Il webinar non è in corso.',
    en: 'The webinar is not running.',
  });

export const platformUnavailable = () =>
  new AppError(502, 'WEBINAR_UNAVAILABLE', {
    it: 'L’aula virtuale non risponde: riprova tra qualche istante.',
    en: 'The virtual classroom does not answer: try again in a moment.',
  });

export const invalidToken = () =>
  new AppError(401, 'INVALID_TOKEN', {
    it: 'Firma della richiesta mancante, non valida o scaduta.',
    en: 'The request’s signature is missing, invalid or expired.',
  });

export const unknownMeeting = () => errors.notFound({ it: 'Riunione', en: 'Meeting' });
