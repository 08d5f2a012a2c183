/**
 * Euro amounts as people type them in Italy ("1.234.567,89", "1234567,8", "1234567") read into exact
 * integer cents without floating point, and cents written back the same way.
 */

/** Cents from a typed amount; null when it is not a valid non-negative amount with at most 2 decimals. */
export function parseEuroCents(typed: string): number | null {
  const s = typed.replace(/\s|€/g, '');
  if (!s) return null;
  // Thousands separated by dots (groups of three) or none; a comma before the decimals.
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const whole = (m[1] ?? '').replaceAll('.', '');
  const decimals = (m[2] ?? '').padEnd(2, '0');
  if (whole.length > 11) return null;
  const cents = Number(whole) * 100 + Number(decimals);
  return Number.isSafeInteger(cents) ? cents : null;
}

/** "1.234.567,89" from 123456789 cents (no currency sign, for an input's value). */
export function centsToTyped(cents: number): string {
  const whole = Math.floor(cents / 100);
  const rest = String(cents % 100).padStart(2, '0');
  const grouped = String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${grouped},${rest}`;
}

/** "€ 1.234.567,89" to show. */
export const formatEuro = (cents: number) => `€ ${centsToTyped(cents)}`;
