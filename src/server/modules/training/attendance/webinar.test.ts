import { describe, expect, it } from 'vitest';
import { romeInstant } from '../../../../common/rome-time.js';
import { findColumns, headerKey, parseRows, parseTime } from './webinar.js';

describe('webinar report headers', () => {
  it('normalises case, accents, punctuation and bracketed notes', () => {
    expect(headerKey('Indirizzo E-mail')).toBe('indirizzoemail');
    expect(headerKey('Name (Original Name)')).toBe('name');
    expect(headerKey('  Ora di ingresso ')).toBe('oradiingresso');
  });

  it('finds the columns of Italian and English exports', () => {
    expect(findColumns(['nome', 'indirizzo e-mail', 'ora di ingresso', 'ora di uscita'])).toEqual({
      name: 'nome',
      email: 'indirizzo e-mail',
      join: 'ora di ingresso',
      leave: 'ora di uscita',
    });
    expect(
      findColumns(['name (original name)', 'user email', 'join time', 'leave time', 'duration']),
    ).toEqual({
      name: 'name (original name)',
      email: 'user email',
      join: 'join time',
      leave: 'leave time',
    });
    expect(findColumns(['e-mail', 'ingresso', 'uscita'])).toEqual({
      email: 'e-mail',
      join: 'ingresso',
      leave: 'uscita',
    });
    expect(findColumns(['partecipante', 'durata'])).toEqual({ name: 'partecipante' });
  });
});

describe('parseTime', () => {
  it('reads ISO 8601 instants with their offset', () => {
    expect(parseTime('2026-05-12T09:03:00+02:00')?.toISOString()).toBe('2026-05-12T07:03:00.000Z');
    expect(parseTime('2026-05-12T07:03:10Z')?.toISOString()).toBe('2026-05-12T07:03:10.000Z');
  });

  it('reads wall-clock times as Rome time, in summer and in winter', () => {
    expect(parseTime('2026-05-12 09:03')).toEqual(romeInstant('2026-05-12', '09:03'));
    expect(parseTime('2026-05-12 09:03:30')?.getTime()).toBe(
      romeInstant('2026-05-12', '09:03').getTime() + 30_000,
    );
    expect(parseTime('12/01/2026 09:03:00')).toEqual(romeInstant('2026-01-12', '09:03'));
    expect(parseTime('5/3/2026, 9:03')).toEqual(romeInstant('2026-03-05', '09:03'));
    expect(parseTime('12/01/2026 09:03')?.toISOString()).toBe('2026-01-12T08:03:00.000Z');
  });

  it('refuses what it cannot read, impossible dates and the skipped spring hour', () => {
    for (const v of [
      '',
      'ieri',
      '09:03',
      '2026-13-01 09:00',
      '31/02/2026 09:00',
      '2026-05-12 25:00',
      '2026-03-29 02:30',
    ])
      expect(parseTime(v), v).toBeNull();
  });
});

describe('parseRows', () => {
  const cols = { name: 'name', email: 'email', join: 'join', leave: 'leave' };
  it('groups rows by e-mail whatever the case, and reports bad rows with their line', () => {
    const { people, errors } = parseRows(
      [
        { name: 'Carlo', email: 'Carlo@Example.org', join: '2026-05-12 09:00', leave: '2026-05-12 09:30' },
        {
          name: 'Carlo (telefono)',
          email: 'carlo@example.org',
          join: '2026-05-12 09:20',
          leave: '2026-05-12 10:00',
        },
        { name: 'Senza', email: '', join: '2026-05-12 09:00', leave: 'dopo' },
        { name: 'Rovescio', email: 'r@example.org', join: '2026-05-12 10:00', leave: '2026-05-12 09:00' },
      ],
      cols,
      'it',
    );
    expect([...people.keys()]).toEqual(['carlo@example.org']);
    expect(people.get('carlo@example.org')?.rows).toEqual([
      { row: 2, name: 'Carlo' },
      { row: 3, name: 'Carlo (telefono)' },
    ]);
    expect(people.get('carlo@example.org')?.intervals).toHaveLength(2);
    expect(errors).toEqual([
      { row: 4, messages: ['manca l’indirizzo e-mail', 'ora di uscita illeggibile "dopo"'] },
      { row: 5, messages: ['l’ora di uscita precede quella di ingresso'] },
    ]);
  });
});
