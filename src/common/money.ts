import { MAX_CENTS } from './restructuring.js';

/**
 * Money typed and shown in euro, kept in integer cents. Input is Italian: "1.234.567,89" (dots group
 * thousands, a comma before at most two decimals), also "1234567,89" or "1234567"; a "€" and spaces
 * are ignored. Converted on digits with BigInt, so no amount ever passes through a float.
 */
const EURO = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;

/** Cents from an Italian euro amount; null for an empty field; 'invalid' for anything else. */
export function parseEuro(text: string): number | null | 'invalid' {
  const v = text.replace(/[\s\u00a0\u202f€]/g, '');
  if (v === '') return null;
  const m = EURO.exec(v);
  if (!m) return 'invalid';
  const cents = BigInt((m[1] as string).replaceAll('.', '')) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  return cents > BigInt(MAX_CENTS) ? 'invalid' : Number(cents);
}

function grouped(cents: number, thousands: string, decimal: string): string {
  const c = BigInt(cents);
  const abs = c < 0n ? -c : c;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  const dec = (abs % 100n).toString().padStart(2, '0');
  return `${c < 0n ? '−' : ''}${whole}${decimal}${dec}`;
}

/** Cents as the amount typed in the form: "1.234.567,89" ('' for null). */
export function euroInput(cents: number | null): string {
  return cents === null ? '' : grouped(cents, '.', ',');
}

/** Cents shown in a page: "1.234.567,89 €" in Italian, "€1,234,567.89" in English; negatives with a minus. */
export function formatEuro(cents: number | null, lang: string): string {
  if (cents === null) return '—';
  return lang.startsWith('en') ? `€${grouped(cents, ',', '.')}` : `${grouped(cents, '.', ',')} €`;
}

/** A percent with two decimals typed as "20,80" → hundredths of a percent (2080); 0–100,00 only. */
export function parsePercent(text: string): number | 'invalid' {
  const m = /^(\d{1,3})(?:[,.](\d{1,2}))?$/.exec(text.replace(/[\s%]/g, ''));
  if (!m) return 'invalid';
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp > 10_000 ? 'invalid' : bp;
}

/** Hundredths of a percent as "20,80%" (Italian) or "20.80%" (English). */
export function formatPercent(bp: number, lang: string): string {
  const s = `${Math.trunc(bp / 100)}${lang.startsWith('en') ? '.' : ','}${String(bp % 100).padStart(2, '0')}`;
  return `${s}%`;
}

/** A ratio already in percent with two decimals (16.95) as "16,95%". */
export const formatRatio = (percent: number, lang: string) => formatPercent(Math.round(percent * 100), lang);
