import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { romeInstant } from '../../../../common/rome-time.js';
import { attendedMinutes } from './intervals.js';
import { matchName, parseReport } from './webinar.js';
import { decodeReport, findColumns, headerKey } from './webinar-formats.js';
import { dateOrder, parseTime } from './webinar-times.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
/** An instant at a Rome wall-clock time with seconds. */
const rome = (day: string, time: string) =>
  romeInstant(day, time.slice(0, 5)).getTime() + Number(time.slice(6) || 0) * 1000;
const span = (day: string, from: string, to: string) => ({ start: rome(day, from), end: rome(day, to) });
const minutesIn =
  (day: string, from: string, to: string) =>
  (p: { intervals: { start: number; end: number }[] } | undefined) =>
    attendedMinutes(p?.intervals ?? [], span(day, from, to)).minutes;

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
    expect(findColumns(['First name', 'Last name', 'Email', 'Time joined', 'Time exited'])).toEqual({
      name: 'First name',
      surname: 'Last name',
      email: 'Email',
      join: 'Time joined',
      leave: 'Time exited',
    });
    expect(findColumns(['Full Name', 'User Action', 'Timestamp'])).toEqual({
      name: 'Full Name',
      action: 'User Action',
      timestamp: 'Timestamp',
    });
  });
});

describe('parseTime', () => {
  it('reads ISO 8601 instants with their offset', () => {
    expect(parseTime('2026-05-12T09:03:00+02:00')?.toISOString()).toBe('2026-05-12T07:03:00.000Z');
    expect(parseTime('2026-05-12T07:03:10Z')?.toISOString()).toBe('2026-05-12T07:03:10.000Z');
    // A day that does not exist is unreadable, not rolled over into the next month.
    expect(parseTime('2026-02-30T10:00:00Z')).toBeNull();
    expect(parseTime('2026-02-31T10:00+01:00')).toBeNull();
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

  it('reads month-first dates, two-digit years and AM/PM clocks as the file’s order says', () => {
    const us = { order: 'mdy' } as const;
    expect(parseTime('11/29/26, 10:02:13 AM', us)?.getTime()).toBe(rome('2026-11-29', '10:02:13'));
    expect(parseTime('11/29/2026 09:58:12 PM', us)?.getTime()).toBe(rome('2026-11-29', '21:58:12'));
    expect(parseTime('11/5/2026 12:10 AM', us)).toEqual(romeInstant('2026-11-05', '00:10'));
    expect(parseTime('11/5/2026 12:10 PM', us)).toEqual(romeInstant('2026-11-05', '12:10'));
    // The same text, day first.
    expect(parseTime('11/5/2026 12:10 PM')).toEqual(romeInstant('2026-05-11', '12:10'));
    expect(parseTime('29/11/2026, 10:02:13')?.getTime()).toBe(rome('2026-11-29', '10:02:13'));
    // Intl in browsers writes a narrow no-break space before AM/PM.
    expect(parseTime('11/29/2026, 09:58:12\u202fAM', us)?.getTime()).toBe(rome('2026-11-29', '09:58:12'));
  });

  it('puts a time of day alone on the session’s day', () => {
    const day = { order: 'dmy', day: '2026-03-29' } as const;
    expect(parseTime('10:02 AM', day)).toEqual(romeInstant('2026-03-29', '10:02'));
    expect(parseTime('16:45', day)).toEqual(romeInstant('2026-03-29', '16:45'));
    expect(parseTime('02:30', day)).toBeNull();
    expect(parseTime('10:02')).toBeNull();
  });

  it('refuses what it cannot read, impossible dates and the skipped spring hour', () => {
    for (const v of [
      '',
      '-',
      'ieri',
      '09:03',
      '2026-13-01 09:00',
      '31/02/2026 09:00',
      '2026-05-12 25:00',
      '2026-03-29 02:30',
      '29/03/2026, 02:30:00',
      '11/29/2026 13:00 PM',
    ])
      expect(parseTime(v), v).toBeNull();
  });
});

describe('dateOrder', () => {
  it('decides per file: a field above 12 says which is the day, else AM/PM means month first', () => {
    expect(dateOrder(['11/29/26, 10:02:13 AM'])).toBe('mdy');
    expect(dateOrder(['29/11/2026, 10:02:13'])).toBe('dmy');
    expect(dateOrder(['4/13/2026 10:00'])).toBe('mdy');
    expect(dateOrder(['3/4/2026 10:00', '13/4/2026 10:00'])).toBe('dmy');
    expect(dateOrder(['11/05/2026 08:58:30 AM', ''])).toBe('mdy');
    expect(dateOrder(['05/11/2026, 08:59:40', '-'])).toBe('dmy');
    expect(dateOrder(['2026-11-05 09:00', '10:02'])).toBe('dmy');
  });
});

describe('decodeReport', () => {
  it('decodes by the BOM, recognises UTF-16 without one and falls back to Windows-1252', () => {
    const text = 'Nome;Città\nNicolò;Forlì';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(decodeReport(new Uint8Array([0xff, 0xfe, ...le]))).toBe(text);
    expect(decodeReport(new Uint8Array([0xfe, 0xff, ...be]))).toBe(text);
    expect(decodeReport(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]))).toBe(text);
    expect(decodeReport(new Uint8Array(le))).toBe(text);
    expect(decodeReport(new Uint8Array(Buffer.from(text)))).toBe(text);
    expect(decodeReport(new Uint8Array(Buffer.from(text, 'latin1')))).toBe(text);
  });
});

describe('parseReport on the platforms’ exports', () => {
  it('Teams (UTF-16, tabs, US dates): the activities table’s connections, not first join and last leave', () => {
    const day = '2026-11-27';
    const { people, errors } = parseReport(fixture('teams-attendance-en.csv'), 'it', day);
    expect(errors).toEqual([]);
    expect([...people.keys()]).toEqual([
      'docente.esterno@example.org',
      'discente.cuneo@officina.demo',
      'discente2.cuneo@officina.demo',
      'name:anna discente (guest)',
      'name:ospite sconosciuto (guest)',
    ]);
    const carlo = people.get('discente.cuneo@officina.demo');
    expect(carlo?.rows).toEqual([
      { row: 20, name: 'Carlo Discente' },
      { row: 21, name: 'Carlo Discente' },
    ]);
    expect(carlo?.intervals).toEqual([span(day, '08:58:02', '09:40:00'), span(day, '09:50:00', '11:00:30')]);
    expect(minutesIn(day, '09:00', '11:00')(carlo)).toBe(110);
    expect(people.get('name:anna discente (guest)')).toMatchObject({
      email: '',
      name: 'Anna Discente (Guest)',
    });
  });

  it('Teams in Italian on the night summer time starts: the real minutes, the skipped hour refused', () => {
    const day = '2026-03-29';
    const { people, errors } = parseReport(fixture('teams-attendance-it-dst.csv'), 'it', day);
    // 01:50 (winter time) to 03:10 (summer time) is 20 minutes.
    expect(minutesIn(day, '01:00', '04:00')(people.get('discente.cuneo@officina.demo'))).toBe(20);
    expect(people.get('discente.cuneo@officina.demo')?.rows).toEqual([{ row: 15, name: 'Carlo Discente' }]);
    expect(errors).toEqual([{ row: 16, messages: ['ora di uscita illeggibile "29/03/2026, 02:30:00"'] }]);
  });

  it('the older Teams attendance list: each Joined paired with the next Left, by name', () => {
    const day = '2026-11-27';
    const { people, errors } = parseReport(fixture('teams-attendance-list-legacy.csv'), 'en', day);
    expect(people.get('name:carlo discente')?.intervals).toEqual([
      span(day, '08:58:02', '09:40:00'),
      span(day, '09:50:00', '11:00:30'),
    ]);
    expect(people.get('name:giulia discente')?.intervals).toEqual([span(day, '09:15', '10:45')]);
    expect(errors).toEqual([
      { row: 2, messages: ['a join with no leave after it'] },
      { row: 6, messages: ['a leave with no join before it'] },
    ]);
  });

  it('Zoom: past the meeting’s summary, month-first with AM/PM on an ambiguous day', () => {
    const day = '2026-11-05';
    const { people, errors } = parseReport(fixture('zoom-participants.csv'), 'it', day);
    expect(errors).toEqual([]);
    const carlo = people.get('discente.cuneo@officina.demo');
    expect(carlo?.rows.map((r) => r.row)).toEqual([6, 7]);
    expect(minutesIn(day, '09:00', '11:00')(carlo)).toBe(90);
    expect(people.get('name:giulia d. (giulia discente)')?.intervals).toEqual([span(day, '10:00', '11:15')]);
    expect(people.has('name:ospite esterno')).toBe(true);
  });

  it('Google Meet: first and last name, times of day on the session’s day', () => {
    const day = '2026-11-27';
    const { people, errors } = parseReport(fixture('meet-attendance.csv'), 'it', day);
    expect(errors).toEqual([]);
    expect(people.get('discente.cuneo@officina.demo')).toMatchObject({
      name: 'Carlo Discente',
      intervals: [span(day, '08:58', '10:48')],
    });
    expect(people.get('discente2.cuneo@officina.demo')?.intervals).toEqual([span(day, '10:05', '11:00')]);
    expect(parseReport(fixture('meet-attendance.csv'), 'it').errors[0]).toEqual({
      row: 2,
      messages: ['ora di ingresso illeggibile "8:58 AM"', 'ora di uscita illeggibile "10:48 AM"'],
    });
    const italian = parseReport(
      'Nome;Cognome;Email;Durata;Ora di ingresso;Ora di uscita\nGiulia;Discente;discente2.cuneo@officina.demo;1 h;09:30;10:30',
      'it',
      day,
    );
    expect(italian.people.get('discente2.cuneo@officina.demo')?.intervals).toEqual([
      span(day, '09:30', '10:30'),
    ]);
  });

  it('BigBlueButton (Italian dashboard): names only, day first, still-connected rows and the poll line', () => {
    const day = '2026-11-05';
    const { people, errors } = parseReport(fixture('bbb-learning-dashboard.csv'), 'it', day);
    expect([...people.keys()]).toEqual([
      'name:docente esterno',
      'name:carlo discente',
      'name:giulia discente',
    ]);
    expect(people.get('name:carlo discente')?.intervals).toEqual([span(day, '08:59:40', '10:40:00')]);
    expect(people.get('name:giulia discente')?.rows).toEqual([{ row: 4, name: 'GIULIA DISCÈNTE' }]);
    expect(errors).toEqual([{ row: 5, messages: ['ora di uscita illeggibile "-"'] }]);
  });

  it('plain files as before: rows grouped by e-mail whatever the case, bad rows with their line', () => {
    const { people, errors } = parseReport(
      [
        'name,email,join,leave',
        'Carlo,Carlo@Example.org,2026-05-12 09:00,2026-05-12 09:30',
        'Carlo (telefono),carlo@example.org,2026-05-12 09:20,2026-05-12 10:00',
        ',,2026-05-12 09:00,dopo',
        'Rovescio,r@example.org,2026-05-12 10:00,2026-05-12 09:00',
        'Senza,,2026-05-12 09:00,2026-05-12 10:00',
      ].join('\n'),
      'it',
    );
    expect([...people.keys()]).toEqual(['carlo@example.org', 'name:senza']);
    expect(people.get('carlo@example.org')?.rows).toEqual([
      { row: 2, name: 'Carlo' },
      { row: 3, name: 'Carlo (telefono)' },
    ]);
    expect(errors).toEqual([
      { row: 4, messages: ['mancano l’indirizzo e-mail e il nome', 'ora di uscita illeggibile "dopo"'] },
      { row: 5, messages: ['l’ora di uscita precede quella di ingresso'] },
    ]);
  });

  it('refuses a file with no table of join and leave times', () => {
    expect(() => parseReport('Nome;Durata\nCarlo;60', 'it')).toThrow(/join time and leave time/);
    expect(() => parseReport('Email,Join time,Leave time\n', 'it')).toThrow(/at least one row/);
  });
});

describe('matchName', () => {
  const roster = [
    { id: 'a', name: 'Nicolò Bianchi' },
    { id: 'b', name: 'Mario Rossi' },
    { id: 'c', name: 'Mario  Rossi' },
    { id: 'd', name: 'Giulia D’Amico' },
  ];
  it('matches one confirmed person by the exact name, without case or accents', () => {
    expect(matchName('NICOLO BIANCHI', roster)).toEqual({ account: roster[0] });
    expect(matchName("Giulia D'Amico (Guest)", roster)).toEqual({ account: roster[3] });
    expect(matchName('Nico B. (Nicolò Bianchi)', roster)).toEqual({ account: roster[0] });
  });
  it('never guesses: several people or none are reported', () => {
    expect(matchName('mario rossi', roster)).toEqual({ reason: 'ambiguous_name' });
    expect(matchName('Nicolò', roster)).toEqual({ reason: 'unknown_name' });
    expect(matchName('Bianchi Nicolò', roster)).toEqual({ reason: 'unknown_name' });
  });
});
