import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { formatDate, formatDateTime } from './format';

// The real i18n module needs a browser; the formatter only asks it for the language.
const language = vi.hoisted(() => ({ current: 'it' as 'it' | 'en' }));
vi.mock('../i18n', () => ({ currentLanguage: () => language.current }));
const setLanguage = (lang: 'it' | 'en') => {
  language.current = lang;
};

const WEB = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe('dates in the web app', () => {
  it('read "19 dic 2026" and "19 dic 2026, 14:30" in Rome, "19 Dec 2026" in English', async () => {
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
    const strays = sources(WEB)
      .filter((f) => !f.endsWith(join('components', 'format.ts')))
      .filter((f) =>
        /toLocaleDateString\(|toLocaleTimeString\(|Intl\.DateTimeFormat\(/.test(readFileSync(f, 'utf8')),
      );
    expect(strays).toEqual([]);
  });
});
