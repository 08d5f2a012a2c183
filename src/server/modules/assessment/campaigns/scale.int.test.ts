import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { campaignParticipants, outbox, users } from '../../../db/schema/index.js';
import { startTestApp } from '../../../test/app.js';
import { baseInput, createCampaign, openCampaign, unitId } from '../../../test/campaigns.js';

const t = await startTestApp();
const admin = await t.as('admin@officina.demo');
const sassari = await unitId(t.db, '090');
const PEOPLE = 20_000;

describe('a large campaign', () => {
  it(`invites ${PEOPLE} people and queues their invitations in one opening`, {
    timeout: 180_000,
  }, async () => {
    await t.db.execute(sql`
      insert into ${users} (email, name, unit_id, job_profile_code)
      select 'persona' || g || '@scala.test', 'Persona ' || g, ${sassari}, 'operatore'
      from generate_series(1, ${PEOPLE}) g`);
    const c = await createCampaign(admin, baseInput({ unitIds: [sassari], jobProfileCodes: ['operatore'] }));
    const started = Date.now();
    const opened = await openCampaign(admin, c.id);
    const took = Date.now() - started;
    expect(opened.invited).toBeGreaterThanOrEqual(PEOPLE);
    const [p] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(campaignParticipants)
      .where(eq(campaignParticipants.campaignId, c.id));
    expect(Number(p?.n)).toBe(opened.invited);
    const [m] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(outbox)
      .where(sql`${outbox.toAddress} like '%@scala.test'`);
    expect(Number(m?.n)).toBe(PEOPLE);
    // A generous bound for the embedded database on a busy machine; PostgreSQL is much faster.
    expect(took).toBeLessThan(120_000);
  });
});
