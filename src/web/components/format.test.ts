import { describe, expect, it, vi } from 'vitest';
import { formatDate, formatDateTime } from './format';

// The real i18n module needs a browser; the formatter only asks it for the language.
const language = vi.hoisted(() => ({ current: 'it' as 'it' | 'en' }));
vi.mock('../i18n', () => ({ currentLanguage: () => language.current }));
const setLanguage = (lang: 'it' | 'en') => {
  language.current = lang;
};

describe('dates in the web app', () => {
  it('read "19 dic 2026" and "19 dic 2026, 14:30" in Rome, "19 Dec 2026" in English', () => {
    setLanguage('it');
    expect(formatDate('2026-12-19')).toBe('19 dic 2026');
    expect(formatDate('2026-12-19T23:30:00Z')).toBe('20 dic 2026');
    expect(formatDateTime('2026-12-19T13:30:00Z')).toBe('19 dic 2026, 14:30');
    expect(formatDateTime('2026-07-19T13:30:00Z')).toBe('19 lug 2026, 15:30');
    expect(formatDateTime(null)).toBe('—');
    setLanguage('en');
    expect(formatDate('2026-12-19')).toBe('19 Dec 2026');
    expect(formatDateTime('2026-12-19T13:30:00Z')).toBe('19 Dec 2026, 14:30');
    setLanguage('it');
  });

  it('are formatted by components/format.ts only', () => {
    // Every source file of the web app, as text (Vite's glob, so the test needs no Node API).
    const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    expect(Object.keys(sources).length).toBeGreaterThan(100);
    const strays = Object.entries(sources)
      .filter(([file]) => !/(^|\/)format\.ts$/.test(file))
      .filter(([, text]) => /toLocaleDateString\(|toLocaleTimeString\(|Intl\.DateTimeFormat\(/.test(text))
      .map(([file]) => file);
    expect(strays).toEqual([]);
  });
});
