import { romeDate } from '../../../common/rome-time';
import { formatDateTime, formatTime } from '../../components/format';

/** "09:30–13:00" in Rome time, with the end day when the session ends on another day. */
export function sessionTimes(s: { startsAt: string; endsAt: string }): string {
  return romeDate(s.endsAt) === romeDate(s.startsAt)
    ? `${formatTime(s.startsAt)}–${formatTime(s.endsAt)}`
    : `${formatTime(s.startsAt)} – ${formatDateTime(s.endsAt)}`;
}
