import { GAP_STEPS } from '../../../common/gaps';
import { currentLanguage } from '../../i18n';

/** 1.234 → "1,23" in Italian: gaps and priorities are shown with two decimals. */
export function formatGap(x: number, digits = 2): string {
  return new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-GB' : 'it-IT', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(x);
}

export function formatShare(x: number): string {
  return new Intl.NumberFormat(currentLanguage() === 'en' ? 'en-GB' : 'it-IT', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(x);
}

/** The colour step of a mean gap, and its index (0 lowest … 4 highest) for the legend's words. */
export function stepOf(meanGap: number) {
  const index = GAP_STEPS.findIndex((s) => meanGap <= s.upTo);
  const i = index === -1 ? GAP_STEPS.length - 1 : index;
  return { index: i, ...(GAP_STEPS[i] ?? GAP_STEPS[4]) };
}
