import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { WebinarReport } from '../../../../common/attendance.js';
import { addDays } from '../../../../common/rome-time.js';
import { attendance, auditLog } from '../../../db/schema/index.js';
import { startTestApp } from '../../../test/app.js';
import {
  at,
  confirmedEnrolment,
  enrolmentById,
  makeEdition,
  today,
  userByEmail,
} from '../../../test/training.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const carlo = await userByEmail(t, 'discente.cuneo@officina.demo');
const giulia = await userByEmail(t, 'discente2.cuneo@officina.demo');

function csvUpload(csv: string) {
  const boundary = '----officinawebinar';
  return {
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="partecipanti.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const upload = (sessionId: number, csv: string, client = admin) =>
  client.request('POST', `/api/v1/sessions/${sessionId}/webinar-report`, undefined, csvUpload(csv));

/** A file's bytes uploaded as they are, as a browser sends them. */
function uploadBytes(sessionId: number, filename: string, bytes: Buffer) {
  const boundary = '----officinawebinarbytes';
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return admin.request('POST', `/api/v1/sessions/${sessionId}/webinar-report`, undefined, {
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

const ledgerRow = async (sessionId: number, userId: string) =>
  (
    await t.db
      .select()
      .from(attendance)
      .where(and(eq(attendance.sessionId, sessionId), eq(attendance.userId, userId)))
  )[0];

/** Yesterday's webinar, 09:00–11:00 Rome, with Carlo and Giulia confirmed. */
async function webinar() {
  const edition = await makeEdition(admin, {
    sessions: [{ day: -1, mode: 'webinar', start: '09:00', end: '11:00' }],
    minAttendancePct: 75,
  });
  const carloEnrolment = await confirmedEnrolment(t, edition.id, 'discente.cuneo@officina.demo');
  await confirmedEnrolment(t, edition.id, 'discente2.cuneo@officina.demo');
  return { edition, sessionId: edition.sessions[0]?.id as number, carloEnrolment };
}

const day = addDays(today(), -1);
// Italian webinar tools write the day as 09/03/2026.
const it_ = day.split('-').reverse().join('/');
// Teams in US English writes it 3/9/26, Zoom 03/09/2026.
const [yyyy, mm, dd] = day.split('-') as [string, string, string];
const teamsDay = `${Number(mm)}/${Number(dd)}/${yyyy.slice(2)}`;
const zoomDay = `${mm}/${dd}/${yyyy}`;

describe('webinar participants report', () => {
  it('merges each person’s connections within the session, and reports who cannot be matched', async () => {
    const { sessionId, carloEnrolment } = await webinar();
    const csv = [
      'Nome;Indirizzo e-mail;Ora di ingresso;Ora di uscita;Durata (minuti)',
      // Carlo joins early, drops, rejoins on a phone while still connected, then again right after leaving.
      `Carlo Discente;DISCENTE.Cuneo@officina.demo;${day} 08:50;${day} 09:40;50`,
      `Carlo (telefono);discente.cuneo@officina.demo;${day} 09:30:00;${day} 10:10:00;40`,
      `Carlo Discente;discente.cuneo@officina.demo;${it_} 10:10;${it_} 10:30;20`,
      // Giulia's times carry their own offset; she stays past the end.
      `Giulia Discente;discente2.cuneo@officina.demo;${at(day, '09:15')};${at(day, '11:30')};135`,
      `Marco Discente;discente.bergamo@officina.demo;${day} 09:00;${day} 11:00;120`,
      `Ospite;ospite@example.org;${day} 09:00;${day} 10:00;60`,
      `Rossi;rossi@example.org;ieri mattina;${day} 10:00;?`,
      `Bianchi;bianchi@example.org;${day} 10:00;${day} 09:00;-60`,
    ].join('\n');
    const res = await upload(sessionId, csv);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as WebinarReport;
    expect(report.recorded).toBe(2);
    expect(report.unmatched.map((u) => [u.row, u.name, u.email, u.reason])).toEqual([
      [6, 'Marco Discente', 'discente.bergamo@officina.demo', 'not_enrolled'],
      [7, 'Ospite', 'ospite@example.org', 'unknown_email'],
    ]);
    expect(report.unmatched[0]?.message).toContain('Marco Discente non ha un’iscrizione confermata');
    expect(report.errors).toEqual([
      { row: 8, messages: ['ora di ingresso illeggibile "ieri mattina"'] },
      { row: 9, messages: ['l’ora di uscita precede quella di ingresso'] },
    ]);

    expect(await ledgerRow(sessionId, carlo.id)).toMatchObject({
      minutes: 90,
      source: 'webinar',
      detail: { intervals: [{ from: at(day, '09:00'), to: at(day, '10:30') }] },
    });
    expect(await ledgerRow(sessionId, giulia.id)).toMatchObject({ minutes: 105, source: 'webinar' });
    // 90 of 120 minutes: 75%, complete.
    expect(await enrolmentById(t, carloEnrolment.id)).toMatchObject({
      minutesAttended: 90,
      completedOn: day,
    });
  });

  it('reads English exports and corrects an earlier upload, with an audit record', async () => {
    const { sessionId } = await webinar();
    await upload(
      sessionId,
      `Email,Join time,Leave time\ndiscente.cuneo@officina.demo,${day} 09:30,${day} 10:00`,
    );
    expect((await ledgerRow(sessionId, carlo.id))?.minutes).toBe(30);
    admin.lang = 'en';
    const res = await upload(
      sessionId,
      `Name (Original Name),User Email,Join Time,Leave Time\nCarlo,discente.cuneo@officina.demo,${it_} 08:59:30,${it_} 11:00:59\nX,nobody@example.org,${it_} 09:00,${it_} 09:10`,
    );
    admin.lang = 'it';
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().unmatched[0]).toMatchObject({
      reason: 'unknown_email',
      message: 'no account has this e-mail address',
    });
    expect((await ledgerRow(sessionId, carlo.id))?.minutes).toBe(120);
    const corrected = await t.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.action, 'attendance.corrected'), eq(auditLog.entityId, `${sessionId}:${carlo.id}`)),
      );
    expect(corrected.map((c) => c.details)).toEqual([
      expect.objectContaining({ from: 30, to: 120, source: 'webinar' }),
    ]);
  });

  it('refuses files without the needed columns, sessions not started and people who do not run the session', async () => {
    const { sessionId } = await webinar();
    const bad = await upload(sessionId, 'Nome;Durata\nCarlo;60');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('INVALID_CSV');
    expect(bad.json().message).toContain('Ora di ingresso');
    const line = `Email,Join time,Leave time\ndiscente.cuneo@officina.demo,${day} 09:00,${day} 10:00`;
    expect((await upload(sessionId, line, learner)).statusCode).toBe(403);
    expect(await ledgerRow(sessionId, carlo.id)).toBeUndefined();

    const later = await makeEdition(admin, { sessions: [{ day: 2, mode: 'webinar' }] });
    const early = await upload(later.sessions[0]?.id as number, line);
    expect(early.statusCode).toBe(400);
    expect(early.json().code).toBe('SESSION_NOT_STARTED');
    const none = await admin.request('POST', `/api/v1/sessions/${sessionId}/webinar-report`, undefined, {
      payload: `------x\r\nContent-Disposition: form-data; name="other"\r\n\r\nv\r\n------x--\r\n`,
      headers: { 'content-type': 'multipart/form-data; boundary=----x' },
    });
    expect(none.statusCode).toBe(400);
  });

  it('reads a Teams attendance report (UTF-16, tabs, sections) and a Zoom one, matching guests by name', async () => {
    const { edition, sessionId } = await webinar();
    const anna = await userByEmail(t, 'discente.sassari@officina.demo');
    await confirmedEnrolment(t, edition.id, 'discente.sassari@officina.demo');
    // The sample's day moved to yesterday, written back as Teams writes it: UTF-16 LE with a BOM.
    const teamsText = fixture('teams-attendance-en.csv').toString('utf16le').replaceAll('11/27/26', teamsDay);
    const teams = await uploadBytes(
      sessionId,
      'Contabilità - Attendance report 11-27-26.csv',
      Buffer.from(teamsText, 'utf16le'),
    );
    expect(teams.statusCode, teams.body).toBe(200);
    const report = teams.json() as WebinarReport;
    expect(report.errors).toEqual([]);
    expect(report.recorded).toBe(3);
    expect(report.unmatched.map((u) => [u.row, u.name, u.email, u.reason])).toEqual([
      [19, 'Docente Esterno', 'docente.esterno@example.org', 'unknown_email'],
      [24, 'Ospite Sconosciuto (Guest)', '', 'unknown_name'],
    ]);
    // The connections of the activities table, not the first join and last leave.
    expect(await ledgerRow(sessionId, carlo.id)).toMatchObject({
      minutes: 110,
      source: 'webinar',
      detail: {
        intervals: [
          { from: at(day, '09:00'), to: at(day, '09:40') },
          { from: at(day, '09:50'), to: at(day, '11:00') },
        ],
      },
    });
    expect((await ledgerRow(sessionId, giulia.id))?.minutes).toBe(90);
    // "Anna Discente (Guest)" has no e-mail: she is the one confirmed person of that name.
    expect((await ledgerRow(sessionId, anna.id))?.minutes).toBe(60);

    const other = await webinar();
    const zoomText = fixture('zoom-participants.csv').toString('utf8').replaceAll('11/05/2026', zoomDay);
    const zoom = await uploadBytes(other.sessionId, 'participants_81234567890.csv', Buffer.from(zoomText));
    expect(zoom.statusCode, zoom.body).toBe(200);
    const zoomReport = zoom.json() as WebinarReport;
    expect(zoomReport).toMatchObject({ recorded: 2, errors: [] });
    expect(zoomReport.unmatched.map((u) => [u.row, u.reason])).toEqual([
      [5, 'unknown_email'],
      [9, 'unknown_name'],
    ]);
    expect((await ledgerRow(other.sessionId, carlo.id))?.minutes).toBe(90);
    // "Giulia D. (Giulia Discente)": renamed in the meeting, matched by the original name.
    expect(await ledgerRow(other.sessionId, giulia.id)).toMatchObject({
      minutes: 60,
      detail: { intervals: [{ from: at(day, '10:00'), to: at(day, '11:00') }] },
    });
  });
});
