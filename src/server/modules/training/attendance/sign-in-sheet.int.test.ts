import { describe, expect, it } from 'vitest';
import { enrolments, users } from '../../../db/schema/index.js';
import { startTestApp } from '../../../test/app.js';
import { pdfText } from '../../../test/pdf.js';
import { confirmedEnrolment, makeEdition, userByEmail } from '../../../test/training.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const trainer = await t.as('formatore@officina.demo');
const learner = await t.as('discente.cuneo@officina.demo');
const franco = await userByEmail(t, 'formatore@officina.demo');

describe('sign-in sheet', () => {
  it('prints the confirmed enrollees by name, with the session’s details and page numbers', async () => {
    const edition = await makeEdition(admin, { sessions: [{ day: -1 }], trainerIds: [franco.id] });
    for (const email of ['discente.bergamo', 'discente2.cuneo', 'discente.cuneo'])
      await confirmedEnrolment(t, edition.id, `${email}@officina.demo`);
    const s1 = edition.sessions[0]?.id as number;
    const res = await trainer.get(`/api/v1/sessions/${s1}/sign-in-sheet.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Foglio firme');
    for (const name of ['Carlo Discente', 'Giulia Discente', 'Marco Discente']) expect(text).toContain(name);
    expect(text).not.toContain('Anna Discente');
    expect(text).toContain('Firma ingresso');
    expect(text).toContain('Sede di prova, Via Roma 1');
    expect(text).toContain('09:00–13:00');
    expect(text).toContain('Formatore: \nFranco Formatore');
    expect(text).toContain('Pagina 1 di 1');
    expect(text.indexOf('Carlo Discente')).toBeLessThan(text.indexOf('Giulia Discente'));
    expect((await learner.get(`/api/v1/sessions/${s1}/sign-in-sheet.pdf`)).statusCode).toBe(403);
  });

  it('repeats the table header on every page of a long list', async () => {
    const edition = await makeEdition(admin, { sessions: [{ day: 2 }] });
    const ref = await userByEmail(t, 'discente.cuneo@officina.demo');
    const many = await t.db
      .insert(users)
      .values(
        Array.from({ length: 40 }, (_, i) => ({
          email: `foglio.${i}@officina.demo`,
          name: `Persona ${String(i).padStart(2, '0')} Foglio`,
          unitId: ref.unitId,
        })),
      )
      .returning();
    await t.db.insert(enrolments).values(
      many.map((u) => ({
        editionId: edition.id,
        userId: u.id,
        unitId: u.unitId,
        status: 'confirmed' as const,
      })),
    );
    const res = await admin.get(`/api/v1/sessions/${edition.sessions[0]?.id}/sign-in-sheet.pdf`);
    const text = pdfText(res.rawPayload);
    const pages = Number(/Pagina 1 di (\d+)/.exec(text)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text.split('Firma ingresso').length - 1).toBe(pages);
    for (const u of many) expect(text).toContain(u.name);
    expect(text).toContain(`Pagina ${pages} di ${pages}`);
  });
});
