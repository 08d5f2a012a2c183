import { eq, inArray, like } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { outbox } from '../../../db/schema/index.js';
import { systemClock } from '../../../kernel/clock.js';
import { startTestApp } from '../../../test/app.js';
import { decodeQuotedPrintable, type ReceivedMail, startSmtp } from '../../../test/smtp.js';
import { createOutboxRepository } from './repository.js';
import { createOutboxWorker } from './worker.js';

// Close the SMTP peers after the apps (after-all hooks run last-registered first).
const smtp = await startSmtp();
const flaky = await startSmtp({ failFirst: 1 });
afterAll(async () => {
  await smtp.close();
  await flaky.close();
});
// A long poll interval, so that only the passes the tests trigger deliver anything.
const QUIET = { outboxIntervalMs: 3_600_000 };

const t = await startTestApp({ smtpUrl: smtp.url, ...QUIET });
const tFlaky = await startTestApp({ smtpUrl: flaky.url, ...QUIET });
const tOffline = await startTestApp(QUIET);
const offlineAdmin = await tOffline.as('admin@officina.demo');

type Ctx = typeof t;
const rowsTo = (ctx: Ctx, address: string) =>
  ctx.db.select().from(outbox).where(eq(outbox.toAddress, address));
const mailTo = (received: ReceivedMail[], address: string) => received.filter((m) => m.to.includes(address));
const header = (raw: string, name: string) =>
  new RegExp(`^${name}: (.*)$`, 'mi').exec(raw.split(/\r?\n\r?\n/)[0] ?? '')?.[1];

describe('delivery through SMTP', () => {
  it('delivers a password-reset e-mail exactly once, in Italian, and marks it sent', async () => {
    const email = 'discente.sassari@officina.demo';
    const res = await t.client().post('/api/v1/auth/password-reset', { email });
    expect(res.statusCode).toBe(202);
    await t.services.worker.runOnce();
    await t.services.worker.runOnce();

    const mails = mailTo(smtp.received, email);
    expect(mails).toHaveLength(1);
    const raw = mails[0]?.raw ?? '';
    expect(header(raw, 'Subject')).toBe('Officina: reimposta la password');
    expect(header(raw, 'To')).toContain(email);
    expect(header(raw, 'From')).toContain('noreply@officina.local');
    const body = decodeQuotedPrintable(raw);
    expect(body).toContain('Gentile Anna Discente');
    const link = /http:\/\/localhost:3000\/reimposta-password\?token=([\w-]+)/.exec(body);
    expect(link).not.toBeNull();

    const rows = await rowsTo(t, email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(rows[0]?.sentAt).toBeInstanceOf(Date);

    // The link in the e-mail really lets the user choose a new password.
    const confirm = await t
      .client()
      .post('/api/v1/auth/password-reset/confirm', { token: link?.[1], password: 'Sassari-Nuova-Chiave-7' });
    expect(confirm.statusCode).toBe(200);
    const login = await t.client().post('/api/v1/auth/login', { email, password: 'Sassari-Nuova-Chiave-7' });
    expect(login.statusCode).toBe(200);
  });

  it('sends nothing for an unknown address, with the same answer', async () => {
    const before = smtp.received.length;
    const res = await t.client().post('/api/v1/auth/password-reset', { email: 'nessuno@officina.demo' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ ok: true });
    await t.services.worker.runOnce();
    expect(smtp.received.length).toBe(before);
    expect(await rowsTo(t, 'nessuno@officina.demo')).toHaveLength(0);
  });

  it('keeps a message whose delivery failed pending, and delivers it on a later pass', async () => {
    const email = 'discente.bergamo@officina.demo';
    const res = await tFlaky.client().post('/api/v1/auth/password-reset', { email });
    expect(res.statusCode).toBe(202);
    await tFlaky.services.worker.runOnce();

    expect(mailTo(flaky.received, email)).toHaveLength(0);
    const [failed] = await rowsTo(tFlaky, email);
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
    expect(failed?.lastError).toMatch(/451|temporary failure/);
    // Retried later, not in a tight loop.
    expect(failed?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(await tFlaky.services.worker.runOnce()).toBe(0);
    expect(mailTo(flaky.received, email)).toHaveLength(0);

    await tFlaky.db
      .update(outbox)
      .set({ nextAttemptAt: new Date(Date.now() - 1000) })
      .where(eq(outbox.id, failed?.id ?? -1));
    expect(await tFlaky.services.worker.runOnce()).toBe(1);

    const mails = mailTo(flaky.received, email);
    expect(mails).toHaveLength(1);
    expect(header(mails[0]?.raw ?? '', 'Subject')).toBe('Officina: reimposta la password');
    const [sent] = await rowsTo(tFlaky, email);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
  });

  it('never sends a message twice when two app instances deliver at the same time', async () => {
    const other = createOutboxWorker({
      db: t.db,
      repo: createOutboxRepository(systemClock),
      smtpUrl: smtp.url,
      from: t.config.mailFrom,
      intervalMs: 3_600_000,
      log: t.app.log,
      clock: systemClock,
    });
    try {
      for (let round = 0; round < 3; round++) {
        const addresses = Array.from({ length: 10 }, (_, i) => `gara${round}-${i}@example.org`);
        for (const to of addresses)
          await t.services.mail.enqueue(t.db, to, { subject: `Prova ${to}`, text: `Messaggio per ${to}` });

        const [a, b] = await Promise.all([t.services.worker.runOnce(), other.runOnce()]);
        expect(a + b).toBe(10);

        for (const to of addresses) expect(mailTo(smtp.received, to), to).toHaveLength(1);
        const rows = await t.db.select().from(outbox).where(inArray(outbox.toAddress, addresses));
        expect(rows).toHaveLength(10);
        expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
      }
    } finally {
      await other.stop();
    }
    const race = smtp.received.filter((m) => m.to.some((to) => to.startsWith('gara')));
    expect(race).toHaveLength(30);
  });
});

describe('without an SMTP server', () => {
  const email = 'referente.sassari@officina.demo';
  const admin = offlineAdmin;

  it('keeps messages pending', async () => {
    const res = await tOffline.client().post('/api/v1/auth/password-reset', { email });
    expect(res.statusCode).toBe(202);
    expect(await tOffline.services.worker.runOnce()).toBe(0);
    const rows = await rowsTo(tOffline, email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'pending', attempts: 0, sentAt: null, lastError: null });
  });

  it('shows the outbox, with the link, to a national admin', async () => {
    const res = await admin.get('/api/v1/outbox');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ page: 1, pageSize: 25 });
    const msg = page.items.find((m: { toAddress: string }) => m.toAddress === email);
    expect(msg).toMatchObject({
      subject: 'Officina: reimposta la password',
      status: 'pending',
      attempts: 0,
      lastError: null,
      sentAt: null,
    });
    expect(msg.textBody).toMatch(/http:\/\/localhost:3000\/reimposta-password\?token=[\w-]+/);
    expect(Number.isNaN(Date.parse(msg.createdAt))).toBe(false);
  });

  it('refuses the outbox to a Province officer (403) and to anonymous clients (401)', async () => {
    const officer = await tOffline.as('referente.cuneo@officina.demo');
    const denied = await officer.get('/api/v1/outbox');
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('FORBIDDEN');
    const anonymous = await tOffline.client().get('/api/v1/outbox');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('UNAUTHENTICATED');
  });

  it('filters by status and by recipient', async () => {
    for (const to of ['filtro.uno@example.org', 'filtro.due@example.org', 'altro_x@example.org'])
      await tOffline.services.mail.enqueue(tOffline.db, to, { subject: 'Prova', text: 'Testo' });
    await tOffline.db
      .update(outbox)
      .set({ status: 'sent', sentAt: new Date(), attempts: 1 })
      .where(eq(outbox.toAddress, 'filtro.due@example.org'));
    await tOffline.db
      .update(outbox)
      .set({ status: 'failed', attempts: 6, lastError: '550 mailbox unavailable' })
      .where(like(outbox.toAddress, 'altro%'));

    const addresses = async (query: string) => {
      const res = await admin.get(`/api/v1/outbox?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: { toAddress: string; status: string }[]; total: number };
      expect(body.total).toBe(body.items.length);
      return body.items;
    };

    const pending = await addresses('status=pending');
    expect(pending.every((m) => m.status === 'pending')).toBe(true);
    expect(pending.map((m) => m.toAddress)).toEqual(
      expect.arrayContaining([email, 'filtro.uno@example.org']),
    );
    expect((await addresses('status=sent')).map((m) => m.toAddress)).toEqual(['filtro.due@example.org']);
    expect(await addresses('status=failed')).toMatchObject([
      { toAddress: 'altro_x@example.org', status: 'failed' },
    ]);

    expect((await addresses('to=FILTRO')).map((m) => m.toAddress).sort()).toEqual([
      'filtro.due@example.org',
      'filtro.uno@example.org',
    ]);
    expect((await addresses('to=filtro&status=pending')).map((m) => m.toAddress)).toEqual([
      'filtro.uno@example.org',
    ]);
    // The recipient filter is literal text, not a LIKE pattern.
    expect((await addresses(`to=${encodeURIComponent('o_x')}`)).map((m) => m.toAddress)).toEqual([
      'altro_x@example.org',
    ]);
    expect(await addresses(`to=${encodeURIComponent('%')}`)).toEqual([]);

    const bad = await admin.get('/api/v1/outbox?status=lost');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_ERROR');
  });

  it('lists newest first', async () => {
    const items = (await admin.get('/api/v1/outbox?pageSize=200')).json().items as { createdAt: string }[];
    expect(items.length).toBeGreaterThanOrEqual(4);
    const times = items.map((m) => Date.parse(m.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});
