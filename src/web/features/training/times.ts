import { formatDateTime, formatTime } from '../../components/format';
import { romeDay } from '../../components/romeTime';

/** "09:30–13:00" in Rome time, with the end day when the session ends on another day. */
export function sessionTimes(s: { startsAt: string; endsAt: string }): string {
  return romeDay(s.endsAt) === romeDay(s.startsAt)
    ? `${formatTime(s.startsAt)}–${formatTime(s.endsAt)}`
    : `${formatTime(s.startsAt)} – ${formatDateTime(s.endsAt)}`;
}
