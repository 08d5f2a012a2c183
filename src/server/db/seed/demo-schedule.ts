import type { DeliveryMode } from '../../../common/catalogue.js';
import { nextWorkingDay, previousWorkingDay } from '../../../common/holidays.js';
import { addDays } from '../../../common/rome-time.js';

/**
 * How the demo lays its training out around the day it is loaded: sessions on working days only (no
 * weekend, no national holiday), editions named after where and when they start, so the story reads
 * true whatever the date.
 */

const MONTHS = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
];

/** "marzo 2027" for a day of March 2027. */
export function italianMonth(day: string): string {
  return `${MONTHS[Number(day.slice(5, 7)) - 1]} ${day.slice(0, 4)}`;
}

/**
 * "Edizione 2 – online, dicembre 2026", "Edizione 1 – Cuneo, marzo 2027": the edition's number within
 * its path, where it is held, and the month of its first session.
 */
export function demoEditionTitle(n: number, place: string, firstDay: string): string {
  return `Edizione ${n} – ${place}, ${italianMonth(firstDay)}`;
}

/** A session as the demo describes it: days from today, Rome wall-clock start and end, how it is held. */
export type PlannedSession = { inDays: number; start: string; end: string; mode: DeliveryMode };
export type ScheduledSession = { day: string; start: string; end: string; mode: DeliveryMode };

/**
 * Puts each session on the first working day from `inDays` days after today, never before the session
 * before it (two sessions planned on the same day stay on the same day).
 */
export function scheduleSessions(today: string, plan: readonly PlannedSession[]): ScheduledSession[] {
  const out: ScheduledSession[] = [];
  let last: string | null = null;
  for (const s of plan) {
    let day = nextWorkingDay(addDays(today, s.inDays));
    if (last !== null && day < last) day = last;
    out.push({ day, start: s.start, end: s.end, mode: s.mode });
    last = day;
  }
  return out;
}

/**
 * The day the demo trainer has a register to fill: today when it is a working day, otherwise the last
 * working day before it (no classroom meets on a Sunday or on Christmas Day).
 */
export function demoRegisterDay(today: string): string {
  return previousWorkingDay(today);
}

/** Minutes between two Rome wall-clock times of the same day ("09:00", "13:00" → 240). */
export function minutesBetween(start: string, end: string): number {
  const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
  return m(end) - m(start);
}
