import { addDays } from '../../../../common/rome-time.js';

/**
 * The week (Monday to Sunday) that holds a Rome calendar day: the task force plans by the Italian
 * week, whatever the server's time zone.
 */
export function weekOf(day: string): { weekStart: string; weekEnd: string } {
  // Noon UTC keeps the weekday of the calendar day itself.
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  const fromMonday = (weekday + 6) % 7;
  const weekStart = addDays(day, -fromMonday);
  return { weekStart, weekEnd: addDays(weekStart, 6) };
}
