import { addDays, isIsoDate, romeInstant } from '../../common/rome-time.js';
import { errors } from './errors.js';

/**
 * The instants of a range of Rome calendar days, from's midnight to the midnight after to; refuses a
 * day that does not exist (2026-02-30), an inverted range or one longer than maxDays with a clear
 * message.
 */
export function romeDayRange(from: string, to: string, maxDays: number) {
  for (const [field, day] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (!isIsoDate(day))
      throw errors.badRequest(
        'INVALID_DATE',
        {
          it: `Data inesistente: ${day} (formato AAAA-MM-GG).`,
          en: `No such day: ${day} (format YYYY-MM-DD).`,
        },
        [field],
      );
  if (to < from)
    throw errors.badRequest(
      'INVALID_RANGE',
      { it: 'La data finale precede quella iniziale.', en: 'The end date is before the start date.' },
      ['to'],
    );
  if (new Date(to).getTime() - new Date(from).getTime() > maxDays * 86400_000)
    throw errors.badRequest(
      'RANGE_TOO_LONG',
      {
        it: `Puoi chiedere al massimo ${maxDays} giorni alla volta.`,
        en: `You can ask for at most ${maxDays} days at a time.`,
      },
      ['to'],
    );
  return { fromInstant: romeInstant(from), toInstant: romeInstant(addDays(to, 1)) };
}
