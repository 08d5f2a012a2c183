import { describe, expect, it } from 'vitest';
import { startTestApp } from '../../test/app.js';

const t = await startTestApp({}, { history: true });
const carlo = await t.as('discente.cuneo@officina.demo');
const anna = await t.as('discente.sassari@officina.demo');
const anon = t.client();

describe('demo history', () => {
  it('gives Carlo a completed edition, its hours and a verifiable attestato', async () => {
    const [cert, ...others] = (await carlo.get('/api/v1/me/certificates')).json();
    expect(others).toHaveLength(0);
    expect(cert).toMatchObject({
      status: 'valid',
      minutesAttended: 240,
      pathTitle: 'Progettare con i fondi europei',
    });
    const check = await anon.get(`/api/v1/public/certificates/${cert.code}`);
    expect(check.json()).toMatchObject({ status: 'valid', holderName: cert.holderName, hours: 4 });
    const pdf = await carlo.get(`/api/v1/certificates/${cert.id}/pdf`);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const transcript = (await carlo.get('/api/v1/me/transcript')).json();
    const minutes = transcript.years.reduce((n: number, y: { minutes: number }) => n + y.minutes, 0);
    // The completed course's 4 hours and the first classroom morning of the edition under way.
    expect(minutes).toBe(480);
  });

  it('leaves Anna short of completion, with no attestato', async () => {
    expect((await anna.get('/api/v1/me/certificates')).json()).toHaveLength(0);
    const [e] = (await anna.get('/api/v1/me/enrolments')).json().items;
    expect(e).toMatchObject({
      status: 'confirmed',
      minutesAttended: 120,
      completedOn: null,
      editionStatus: 'completed',
    });
  });
});
