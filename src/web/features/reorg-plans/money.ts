/**
 * Euro typed the Italian way ("1.234,56", "1234,5", "1234") to exact cents, and back: no floating
 * point on the way, so 0,29 € is 29 cents and never 28.999….
 */
const EURO = /^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;

/** Cents from a euro amount as typed; null when it is not one. */
export function euroToCents(typed: string): number | null {
  const s = typed.replace(/\s|€/g, '');
  const m = EURO.exec(s);
  if (!m) return null;
  const [whole = '0', fraction = ''] = s.split(',');
  const cents = Number(whole.replace(/\./g, '')) * 100 + Number(fraction.padEnd(2, '0') || '0');
  return Number.isSafeInteger(cents) ? cents : null;
}

/** "1.234,56" from 123456 cents. */
export function centsToEuro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}${whole},${String(abs % 100).padStart(2, '0')}`;
}
