import { describe, expect, it } from 'vitest';
import type { TeachingSession } from '../../../../common/attendance.js';
import { addDays } from '../../../../common/rome-time.js';
import { startTestApp } from '../../../test/app.js';
import { confirmedEnrolment, makeEdition, today, userByEmail } from '../../../test/training.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const trainer = await t.as('formatore@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');

describe('my teaching', () => {
  it('lists the sessions of the editions I train, with how many are enrolled and recorded', async () => {
    const me = await userByEmail(t, 'formatore@officina.demo');
    const mine = await makeEdition(admin, { trainerIds: [me.id], sessions: [{ day: -2 }, { day: 3 }] });
    const other = await makeEdition(admin, { sessions: [{ day: 4 }] });
    const carlo = await userByEmail(t, 'discente.cuneo@officina.demo');
    await confirmedEnrolment(t, mine.id, carlo.email);
    const held = mine.sessions[0];
    if (!held) throw new Error('no session');
    await admin.put(`/api/v1/sessions/${held.id}/register`, {
      entries: [{ userId: carlo.id, present: true, lateMinutes: 0, leftEarlyMinutes: 0 }],
    });

    const res = await trainer.get('/api/v1/me/teaching');
    expect(res.statusCode, res.body).toBe(200);
    // The demo editions are the trainer's too; this test looks at its own two.
    const all = res.json().items as TeachingSession[];
    expect(all.map((s) => s.editionId)).not.toContain(other.id);
    const items = all.filter((s) => s.editionId === mine.id);
    expect(items).toHaveLength(2);
    expect(all.map((s) => s.startsAt)).toEqual(all.map((s) => s.startsAt).sort());
    expect(items[0]).toMatchObject({ id: held.id, enrolled: 1, recorded: 1, lengthMinutes: 240 });
    expect(items[1]).toMatchObject({ enrolled: 1, recorded: 0 });

    const ahead = await trainer.get(
      `/api/v1/me/teaching?from=${addDays(today(), 1)}&to=${addDays(today(), 3)}`,
    );
    expect((ahead.json().items as TeachingSession[]).map((s) => s.id)).toEqual([mine.sessions[1]?.id]);
    expect((await learner.get('/api/v1/me/teaching')).json().items).toEqual([]);
    const bad = await trainer.get(`/api/v1/me/teaching?from=${today()}&to=${addDays(today(), -1)}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('INVALID_RANGE');
  });
});
