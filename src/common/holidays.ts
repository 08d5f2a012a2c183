import { addDays, isIsoDate } from './rome-time.js';

/**
 * Italian public holidays (L. 260/1949 and later amendments, up to L. 151/2025 for 4 October) and working days, on calendar days written
 * YYYY-MM-DD. Only the national holidays: a city's patron saint (Cuneo's 29 September, Bergamo's
 * 26 August…) is a local choice and is not known here.
 */

/** Fixed national holidays, as MM-DD. */
const FIXED = new Set([
  '01-01', // Capodanno
  '01-06', // Epifania
  '04-25', // Festa della Liberazione
  '05-01', // Festa del lavoro
  '06-02', // Festa della Repubblica
  '08-15', // Ferragosto
  '11-01', // Ognissanti
  '12-08', // Immacolata Concezione
  '12-25', // Natale
  '12-26', // Santo Stefano
]);

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Easter Sunday of a Gregorian year (the anonymous "Meeus/Jones/Butcher" computus), as YYYY-MM-DD.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

/** Easter Monday (Lunedì dell'Angelo), a national holiday. */
export function easterMonday(year: number): string {
  return addDays(easterSunday(year), 1);
}

function checked(date: string): string {
  if (!isIsoDate(date)) throw new RangeError(`${date} is not a date (YYYY-MM-DD)`);
  return date;
}

/** Whether the day is a national public holiday in Italy (Easter Sunday included: it is a Sunday). */
export function isItalianHoliday(date: string): boolean {
  checked(date);
  if (FIXED.has(date.slice(5))) return true;
  const year = Number(date.slice(0, 4));
  // San Francesco d'Assisi, a national holiday again from 2026 (L. 151/2025).
  if (year >= 2026 && date.slice(5) === '10-04') return true;
  return date === easterSunday(year) || date === easterMonday(year);
}

/** Whether the day falls on a Saturday or a Sunday. */
export function isWeekend(date: string): boolean {
  const weekday = new Date(`${checked(date)}T12:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** A working day: Monday to Friday and not a national holiday. */
export function isWorkingDay(date: string): boolean {
  return !isWeekend(date) && !isItalianHoliday(date);
}

/** The day itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDay(date: string): string {
  let day = checked(date);
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The day itself when it is a working day, otherwise the last working day before it. */
export function previousWorkingDay(date: string): string {
  let day = checked(date);
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}
