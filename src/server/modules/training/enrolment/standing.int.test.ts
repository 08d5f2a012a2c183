import { describe, expect, it } from 'vitest';
import { startTestApp } from '../../../test/app.js';
import { makeEdition } from '../../../test/training.js';

/**
 * An edition's public page tells a signed-in person whether they may enrol, with the code the
 * enrolment itself would be refused with: the page and the refusal follow one rule.
 */
const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const bergamoLearner = await t.as('discente.bergamo@officina.demo');
const anon = t.client();

const bergamo = (await admin.get('/api/v1/units?q=016')).json().items[0].id as number;
const page = (c: typeof learner, id: number) => c.get(`/api/v1/public/editions/${id}`);
const enrol = (c: typeof learner, editionId: number) => c.post('/api/v1/enrolments', { editionId });

describe('enrolment standing on the public edition', () => {
  it('says nothing to a visitor, and lets a shared cache keep nothing personal', async () => {
    const edition = await makeEdition(admin);
    const res = await page(anon, edition.id);
    expect(res.statusCode).toBe(200);
    expect(res.json().enrolment).toBeUndefined();
    expect(res.headers.vary).toContain('cookie');
    const signed = await page(learner, edition.id);
    expect(signed.headers['cache-control']).toBe('private, no-store');
  });

  it('allows an eligible person, then says they are already enrolled', async () => {
    const edition = await makeEdition(admin);
    expect((await page(learner, edition.id)).json().enrolment).toEqual({ allowed: true, reason: null });
    expect((await enrol(learner, edition.id)).statusCode).toBe(201);
    expect((await page(learner, edition.id)).json().enrolment).toEqual({
      allowed: false,
      reason: 'ALREADY_ENROLLED',
    });
  });

  it('gives the reason of the 403 for an edition reserved to another Province', async () => {
    const edition = await makeEdition(admin, { path: { eligibility: 'units', unitIds: [bergamo] } });
    expect((await page(learner, edition.id)).json().enrolment).toEqual({
      allowed: false,
      reason: 'NOT_ELIGIBLE',
    });
    const refused = await enrol(learner, edition.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('NOT_ELIGIBLE');
    expect((await page(bergamoLearner, edition.id)).json().enrolment).toEqual({
      allowed: true,
      reason: null,
    });
  });

  it('gives the window and status reasons enrolment would give', async () => {
    const notYet = await makeEdition(admin, { opensInDays: 2, sessions: [{ day: 10 }] });
    expect((await page(learner, notYet.id)).json().enrolment.reason).toBe('ENROLMENT_NOT_OPEN_YET');
    expect((await enrol(learner, notYet.id)).json().code).toBe('ENROLMENT_NOT_OPEN_YET');

    const closed = await makeEdition(admin, { opensInDays: -5, closesInDays: -1, sessions: [{ day: 3 }] });
    expect((await page(learner, closed.id)).json().enrolment.reason).toBe('ENROLMENT_CLOSED');

    const shut = await makeEdition(admin);
    expect((await admin.post(`/api/v1/editions/${shut.id}/status`, { status: 'closed' })).statusCode).toBe(
      200,
    );
    expect((await page(learner, shut.id)).json().enrolment.reason).toBe('EDITION_NOT_OPEN');
  });
});
