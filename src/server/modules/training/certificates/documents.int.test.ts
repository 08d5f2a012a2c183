import { eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { addDays, formatRomeDate } from '../../../../common/rome-time.js';
import { editions, enrolments } from '../../../db/schema/index.js';
import type { RequestContext } from '../../../kernel/principal.js';
import { startTestApp } from '../../../test/app.js';
import type { TestClient } from '../../../test/client.js';
import { pdfText } from '../../../test/pdf.js';
import { confirmedEnrolment, makeEdition, today } from '../../../test/training.js';

// A 1×1 PNG stands for the issuing body's logo.
const LOGO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const t = await startTestApp({
  publicUrl: 'https://officina.example.it',
  certificate: {
    logo: { data: LOGO, type: 'png' },
    signatoryName: 'Maria Rossi',
    signatoryRole: 'La Dirigente del Servizio formazione',
    place: 'Roma',
  },
});
const admin = await t.as('admin@officina.demo');
const holder = await t.as('discente.cuneo@officina.demo');
const colleague = await t.as('discente2.cuneo@officina.demo');
const officerCuneo = await t.as('referente.cuneo@officina.demo');
const officerBergamo = await t.as('referente.bergamo@officina.demo');
const taskforce = await t.as('taskforce@officina.demo');
const system: RequestContext = { actor: null, ip: null, requestId: null, lang: 'it' };

/** An edition completed by the given people, each with their certificate. */
async function completedEdition(people: { email: string; minutes: number }[]) {
  const edition = await makeEdition(admin, { sessions: [{ day: -6 }, { day: -5 }] });
  const ids: number[] = [];
  for (const p of people) {
    const e = await confirmedEnrolment(t, edition.id, p.email);
    await t.db
      .update(enrolments)
      .set({ completedOn: addDays(today(), -5), minutesAttended: p.minutes })
      .where(eq(enrolments.id, e.id));
    ids.push(e.id);
  }
  await t.db.update(editions).set({ status: 'completed' }).where(eq(editions.id, edition.id));
  await t.db.transaction((tx) => t.services.certificates.issueForEdition(tx, system, edition.id));
  const list = (await admin.get(`/api/v1/editions/${edition.id}/certificates`)).json();
  return { edition, certificates: list.items as { id: number; code: string; holderName: string }[] };
}

const getPdf = (c: TestClient, id: number) => c.get(`/api/v1/certificates/${id}/pdf`);

const { edition, certificates } = await completedEdition([
  { email: 'discente.cuneo@officina.demo', minutes: 750 },
  { email: 'discente.bergamo@officina.demo', minutes: 600 },
  { email: 'discente.sassari@officina.demo', minutes: 480 },
]);
const carlo = certificates.find((c) => c.holderName === 'Carlo Discente') as { id: number; code: string };

describe('the PDF', () => {
  it('is an Italian attestato with the holder, the path, the hours, the dates and the code', async () => {
    const res = await getPdf(holder, carlo.id);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="attestato-carlo-discente-${carlo.code}.pdf"`,
    );
    const text = pdfText(res.rawPayload);
    expect(text).toContain('ATTESTATO DI PARTECIPAZIONE');
    expect(text).toContain(t.config.certIssuer);
    expect(text).toContain('Carlo Discente');
    expect(text).toContain(edition.pathTitle);
    // "Edizione di prova 3, svolta dal …": the title is not quoted after a second "edizione".
    expect(text).toContain(
      `${edition.title}, svolta dal ${formatRomeDate(edition.startsOn)} al ${formatRomeDate(edition.endsOn)},`,
    );
    expect(text).not.toMatch(/edizione «Edizione/i);
    expect(text).toMatch(/ \d{1,2} [a-z]{3} \d{4}/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // 750 minutes in words, not "12,5 ore".
    expect(text).toContain(
      `frequentando 12 ore e 30 minuti e completandolo il ${formatRomeDate(addDays(today(), -5))}.`,
    );
    expect(text).toContain(`Codice di verifica: ${carlo.code}`);
    // The verification address on a line of its own, the one the QR code encodes.
    expect(text.split('\n')).toContain(`https://officina.example.it/verifica/${carlo.code}`);
    // The issuing body's block at the top with its logo, the place and date and the signatory at the foot.
    expect(res.rawPayload.toString('latin1')).toMatch(/\/Subtype \/Image/);
    expect(text).toMatch(/^Roma, \d{1,2} [a-z]{3} \d{4}$/m);
    expect(text).toContain('La Dirigente del Servizio formazione');
    expect(text).toContain('Maria Rossi');
    expect(text).not.toContain('REVOCATO');
  });

  it('goes to the holder, managers, the task force and the officer of the holder’s Province only', async () => {
    for (const c of [holder, admin, taskforce, officerCuneo])
      expect((await getPdf(c, carlo.id)).statusCode).toBe(200);
    for (const c of [officerBergamo, colleague]) {
      const res = await getPdf(c, carlo.id);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    expect((await getPdf(t.client(), carlo.id)).statusCode).toBe(401);
    expect((await getPdf(admin, 999_999)).statusCode).toBe(404);
  });

  it('of a revoked certificate is still given, crossed by REVOCATO with the date and reason', async () => {
    const {
      certificates: [c],
    } = await completedEdition([{ email: 'discente2.cuneo@officina.demo', minutes: 480 }]);
    const id = (c as { id: number }).id;
    await admin.post(`/api/v1/certificates/${id}/revoke`, { reason: 'Presenze registrate per errore' });
    const text = pdfText((await getPdf(colleague, id)).rawPayload);
    expect(text).toContain('REVOCATO');
    expect(text).toContain(`REVOCATO il ${formatRomeDate(today())}: Presenze registrate per errore.`);
  });
});

describe('the edition’s ZIP', () => {
  it('holds one PDF per valid certificate, named after the holder and the code', async () => {
    const bergamo = certificates.find((c) => c.holderName === 'Marco Discente') as {
      id: number;
      code: string;
    };
    await admin.post(`/api/v1/certificates/${bergamo.id}/revoke`, { reason: 'Iscrizione duplicata' });

    const res = await admin.get(`/api/v1/editions/${edition.id}/certificates.zip`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="attestati-edizione-${edition.id}.zip"`,
    );
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const valid = certificates.filter((c) => c.id !== bergamo.id);
    expect(Object.keys(files).sort()).toEqual(
      valid.map((c) => `attestato-${c.holderName.toLowerCase().replace(' ', '-')}-${c.code}.pdf`).sort(),
    );
    for (const c of valid) {
      const name = Object.keys(files).find((n) => n.endsWith(`${c.code}.pdf`)) as string;
      const pdf = Buffer.from(files[name] as Uint8Array);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(pdfText(pdf)).toContain(`Codice di verifica: ${c.code}`);
      expect(pdfText(pdf)).toContain(c.holderName);
    }
  });

  it('is for managers and the task force; an edition without certificates says so', async () => {
    expect((await taskforce.get(`/api/v1/editions/${edition.id}/certificates.zip`)).statusCode).toBe(200);
    for (const c of [holder, officerCuneo])
      expect((await c.get(`/api/v1/editions/${edition.id}/certificates.zip`)).statusCode).toBe(403);
    const empty = await makeEdition(admin, { sessions: [{ day: -3 }] });
    const res = await admin.get(`/api/v1/editions/${empty.id}/certificates.zip`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('NO_CERTIFICATES');
  });
});
