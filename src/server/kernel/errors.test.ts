import { describe, expect, it } from 'vitest';
import { AppError, errors, pickLang } from './errors.js';

describe('pickLang', () => {
  it.each([
    ['en-GB,en;q=0.9', 'en'],
    ['en', 'en'],
    ['EN-us', 'en'],
    ['fr,en', 'en'],
    ['fr-FR, de;q=0.8, en;q=0.5', 'en'],
    ['it-IT,it;q=0.9,en;q=0.8', 'it'],
    ['fr,it;q=0.9,en;q=0.8', 'it'],
    ['de', 'it'],
    ['de-DE,fr;q=0.9', 'it'],
    ['*', 'it'],
    ['it;q=0.4,en;q=0.9', 'en'],
    ['en;q=0,it;q=0.1', 'it'],
    ['', 'it'],
    [undefined, 'it'],
  ] as const)('%j → %s', (header, lang) => {
    expect(pickLang(header)).toBe(lang);
  });
});

describe('AppError helpers', () => {
  it('carry the HTTP status, a stable code and both languages', () => {
    const e = errors.notFound({ it: 'Utente', en: 'User' });
    expect(e).toBeInstanceOf(AppError);
    expect(e.statusCode).toBe(404);
    expect(e.code).toBe('NOT_FOUND');
    expect(e.messages).toEqual({ it: 'Utente: non trovato.', en: 'User not found.' });
    const tooMany = errors.tooMany('SLOW_DOWN', { it: 'Piano.', en: 'Slow.' }, 30);
    expect(tooMany.statusCode).toBe(429);
    expect(tooMany.headers).toEqual({ 'retry-after': '30' });
  });
});
