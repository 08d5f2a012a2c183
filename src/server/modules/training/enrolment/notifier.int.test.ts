import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addDays, romeInstant } from '../../../../common/rome-time.js';
import { editionChanges, outbox } from '../../../db/schema/index.js';
import { startTestApp } from '../../../test/app.js';
import { at, makeEdition, today } from '../../../test/training.js';

const t = await startTestApp({ outboxIntervalMs: 3_600_000 });
const admin = await t.as('admin@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const waiting = await t.as('discente2.cuneo@officina.demo');

const mails = (email: string, subject: string) =>
  t.db
    .select()
    .from(outbox)
    .where(and(eq(outbox.toAddress, email), like(outbox.subject, `%${subject}%`)));

describe('day-before reminders', () => {
  it('reminds confirmed people once, the day before, even with two passes at once', async () => {
    const edition = await makeEdition(admin, {
      capacity: 1,
      sessions: [{ day: 1, start: '09:30', end: '12:30', title: 'Avvio lavori' }, { day: 3 }],
    });
    await learner.post('/api/v1/enrolments', { editionId: edition.id });
    await waiting.post('/api/v1/enrolments', { editionId: edition.id });
    // Noon in Rome today: tomorrow's session is due, the one in three days is not.
    const noon = romeInstant(today(), '12:00');
    const [a, b] = await Promise.all([t.services.notifier.runOnce(noon), t.services.notifier.runOnce(noon)]);
    expect(a).toBe(b);
    await t.services.notifier.runOnce(noon);
    const sent = await mails('discente.cuneo@officina.demo', 'domani, Avvio lavori');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.textBody).toContain('09:30–12:30');
    expect(sent[0]?.textBody).toContain('Sede di prova');
    // Waitlisted people are not reminded.
    expect(await mails('discente2.cuneo@officina.demo', 'domani')).toHaveLength(0);
    // Two days later, the second session is tomorrow.
    await t.services.notifier.runOnce(romeInstant(addDays(today(), 2), '08:00'));
    expect(await mails('discente.cuneo@officina.demo', 'domani, Sessione 2')).toHaveLength(1);
  });

  it('sends people to the platform for a webinar, never its link', async () => {
    const edition = await makeEdition(admin, {
      sessions: [{ day: 1, start: '10:00', end: '12:00', title: 'Webinar di avvio', mode: 'webinar' }],
    });
    await learner.post('/api/v1/enrolments', { editionId: edition.id });
    await t.services.notifier.runOnce(romeInstant(today(), '12:00'));
    const [mail] = await mails('discente.cuneo@officina.demo', 'domani, Webinar di avvio');
    expect(mail?.textBody).toContain('Entra nel webinar');
    expect(mail?.textBody).not.toContain('meet.example.org');
  });
});

describe('notices of changes', () => {
  it('tells enrolled people what changed, once, in one message per edition', async () => {
    const edition = await makeEdition(admin, { sessions: [{ day: 20 }, { day: 21 }] });
    await learner.post('/api/v1/enrolments', { editionId: edition.id });
    const s = edition.sessions[0];
    if (!s) throw new Error('no session');
    const day = addDays(today(), 20);
    const moved = await admin.patch(`/api/v1/editions/${edition.id}/sessions/${s.id}`, {
      title: s.title,
      startsAt: at(day, '14:00'),
      endsAt: at(day, '17:00'),
      mode: s.mode,
      room: 'Sala Giunta',
      onlineUrl: null,
      trainerId: null,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const second = edition.sessions[1];
    if (!second) throw new Error('no session');
    await admin.post(`/api/v1/editions/${edition.id}/sessions/${second.id}/cancel`, {
      reason: 'Indisponibilità della sala',
    });
    await t.services.notifier.runOnce();
    await t.services.notifier.runOnce();
    const [notice, ...more] = await mails('discente.cuneo@officina.demo', 'modifiche al tuo percorso');
    expect(more).toHaveLength(0);
    expect(notice?.textBody).toContain('14:00–17:00');
    expect(notice?.textBody).toContain('aula: Sala Giunta');
    expect(notice?.textBody).toContain('Indisponibilità della sala');
    const pending = await t.db.select().from(editionChanges).where(eq(editionChanges.editionId, edition.id));
    expect(pending.every((c) => c.notifiedAt !== null)).toBe(true);
  });

  it('tells them when the edition is cancelled, with the reason', async () => {
    const edition = await makeEdition(admin);
    await learner.post('/api/v1/enrolments', { editionId: edition.id });
    await admin.post(`/api/v1/editions/${edition.id}/status`, {
      status: 'cancelled',
      reason: 'Docente non disponibile',
    });
    await t.services.notifier.runOnce();
    const [notice] = await mails('discente.cuneo@officina.demo', 'edizione annullata');
    expect(notice?.textBody).toContain('Docente non disponibile');
  });
});
