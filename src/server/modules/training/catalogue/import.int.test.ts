import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Edition } from '../../../../common/catalogue.js';
import { addDays, romeDate, romeInstant } from '../../../../common/rome-time.js';
import { editions } from '../../../db/schema/index.js';
import { startTestApp } from '../../../test/app.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const trainer = await t.as('formatore@officina.demo');
const officer = await t.as('referente.cuneo@officina.demo');

const HEADER =
  'path_slug,edition_title,starts_on,ends_on,capacity,enrolment_opens,enrolment_closes,venue_name,venue_address,venue_unit_istat,session_title,session_start,session_end,mode,room';

function csvUpload(csv: string) {
  const boundary = '----officinaimport';
  return {
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="calendario.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const upload = (client = admin, csv: string) =>
  client.request('POST', '/api/v1/editions/import', undefined, csvUpload(csv));

const today = romeDate(new Date());
const d = (n: number) => addDays(today, n);
const opens = `${today} 00:00`;

type Row = {
  slug?: string;
  title: string;
  from: number;
  to: number;
  session: string;
  day: number;
  start?: string;
  end?: string;
  mode?: string;
  venue?: [string, string, string];
  room?: string;
};
/** One CSV line; venue: [name, address, ISTAT code], none for an online edition. */
function line(r: Row) {
  const [venue, address, istat] = r.venue ?? ['', '', ''];
  return [
    r.slug ?? 'fondi-europei-progettazione',
    r.title,
    d(r.from),
    d(r.to),
    '40',
    opens,
    `${d(r.from - 1)} 23:59`,
    venue,
    address,
    istat,
    r.session,
    `${d(r.day)} ${r.start ?? '09:00'}`,
    `${d(r.day)} ${r.end ?? '13:00'}`,
    r.mode ?? 'webinar',
    r.room ?? '',
  ].join(',');
}

const editionsTitled = (title: string) => t.db.select().from(editions).where(eq(editions.title, title));

describe('CSV schedule import', () => {
  it('creates the good editions and reports every row of the bad ones', async () => {
    const cuneoVenue: [string, string, string] = ['Sala consiliare', '"Corso Nizza 21, Cuneo"', '4'];
    const csv = [
      HEADER,
      line({
        title: 'Import A',
        from: 40,
        to: 47,
        session: 'A1',
        day: 40,
        venue: cuneoVenue,
        room: 'Sala A',
      }),
      line({ title: 'Import A', from: 40, to: 47, session: 'A2', day: 47, start: '14:30', end: '17:30' }),
      line({ title: 'Import B', from: 50, to: 50, session: 'B1', day: 50, mode: 'online' }),
      line({ title: 'Import C', from: 60, to: 61, session: 'C1', day: 60 }),
      line({ title: 'Import C', from: 60, to: 61, session: 'C2 fuori date', day: 63 }),
      line({ slug: 'percorso-inesistente', title: 'Import D', from: 70, to: 70, session: 'D1', day: 70 }),
    ].join('\n');
    const res = await upload(admin, csv);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ editionsCreated: 2, sessionsCreated: 3, failed: 3 });
    expect(report.errors.map((e: { row: number }) => e.row)).toEqual([5, 6, 7]);
    const byRow = Object.fromEntries(
      report.errors.map((e: { row: number; messages: string[] }) => [e.row, e.messages.join(' | ')]),
    );
    expect(byRow[5]).toContain('un’altra riga della stessa edizione ha errori');
    expect(byRow[6]).toContain('fuori dalle date dell’edizione');
    expect(byRow[7]).toContain('percorso sconosciuto "percorso-inesistente"');

    // Nothing of the bad editions exists; the good ones are drafts with their sessions.
    expect(await editionsTitled('Import C')).toEqual([]);
    expect(await editionsTitled('Import D')).toEqual([]);
    const [a] = await editionsTitled('Import A');
    const [b] = await editionsTitled('Import B');
    if (!a || !b) throw new Error('the good editions were not imported');
    const ea = (await admin.get(`/api/v1/editions/${a.id}`)).json() as Edition;
    expect(ea).toMatchObject({
      status: 'draft',
      pathSlug: 'fondi-europei-progettazione',
      startsOn: d(40),
      endsOn: d(47),
      capacity: 40,
      online: false,
      venueName: 'Sala consiliare',
      venueAddress: 'Corso Nizza 21, Cuneo',
      venueUnitName: 'Cuneo',
      enrolmentOpensAt: romeInstant(today, '00:00').toISOString(),
    });
    // Times are read as Rome wall-clock times.
    expect(ea.sessions.map((s) => [s.title, s.startsAt, s.endsAt, s.room])).toEqual([
      ['A1', romeInstant(d(40), '09:00').toISOString(), romeInstant(d(40), '13:00').toISOString(), 'Sala A'],
      ['A2', romeInstant(d(47), '14:30').toISOString(), romeInstant(d(47), '17:30').toISOString(), null],
    ]);
    const eb = (await admin.get(`/api/v1/editions/${b.id}`)).json() as Edition;
    expect(eb).toMatchObject({ online: true, venueName: null, venueUnitId: null });
    expect(eb.sessions.map((s) => s.mode)).toEqual(['online']);
  });

  it('reports bad values of the edition on its first row, with the field', async () => {
    const csv = [
      HEADER,
      line({ title: 'Import E', from: 80, to: 79, session: 'E1', day: 80 }),
      line({ title: 'Import F', from: 81, to: 81, session: 'F1', day: 81, mode: 'teletrasporto' }),
      line({
        title: 'Import G',
        from: 82,
        to: 82,
        session: 'G1',
        day: 82,
        venue: ['Sala', 'Via Roma', '999'],
      }),
      line({ title: 'Import H', from: 83, to: 83, session: 'H1', day: 83 }).replace(
        `${d(83)} 09:00`,
        'domani',
      ),
    ].join('\r\n');
    const report = (await upload(trainer, csv)).json();
    expect(report).toMatchObject({ editionsCreated: 0, sessionsCreated: 0, failed: 4 });
    const byRow = Object.fromEntries(
      report.errors.map((e: { row: number; messages: string[] }) => [e.row, e.messages.join(' | ')]),
    );
    expect(byRow[2]).toContain('La data di fine precede quella di inizio');
    expect(byRow[3]).toMatch(/^mode: /);
    expect(byRow[4]).toContain('codice ISTAT sconosciuto "999"');
    expect(byRow[5]).toMatch(/^startsAt: /);
    for (const title of ['Import E', 'Import F', 'Import G', 'Import H'])
      expect(await editionsTitled(title)).toEqual([]);
  });

  it('accepts semicolon-separated files with a BOM, as spreadsheets save them', async () => {
    const csv = `\uFEFF${[HEADER, line({ title: 'Import I', from: 90, to: 90, session: 'I1', day: 90 })]
      .map((l) => l.replaceAll(',', ';'))
      .join('\n')}`;
    const report = (await upload(admin, csv)).json();
    expect(report).toMatchObject({ editionsCreated: 1, sessionsCreated: 1, failed: 0, errors: [] });
  });

  it('refuses Province officers (403) and anonymous callers (401)', async () => {
    const csv = [HEADER, line({ title: 'Import J', from: 40, to: 40, session: 'J1', day: 40 })].join('\n');
    const res = await upload(officer, csv);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    expect((await upload(t.client(), csv)).statusCode).toBe(401);
    expect(await editionsTitled('Import J')).toEqual([]);
  });

  it('refuses a file without the expected columns, or without a file (400)', async () => {
    const res = await upload(
      admin,
      'path_slug,edition_title,starts_on\nfondi-europei-progettazione,X,2030-01-01',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'INVALID_CSV',
      message: expect.stringContaining('mancano: ends_on, capacity'),
    });
    const headerOnly = await upload(admin, HEADER);
    expect(headerOnly.statusCode).toBe(400);
    expect(headerOnly.json().code).toBe('INVALID_CSV');
    const none = await admin.request('POST', '/api/v1/editions/import', undefined, {
      payload: '------x--\r\n',
      headers: { 'content-type': 'multipart/form-data; boundary=----x' },
    });
    expect(none.statusCode).toBe(400);
  });
});
