import { eq, inArray, sql } from 'drizzle-orm';
import { addDays, romeDate } from '../../../common/rome-time.js';
import type { Db } from '../client.js';
import {
  campaignParticipants,
  campaignQuestions,
  campaigns,
  campaignUnits,
  competencyFrameworks,
  territorialUnits,
  users,
} from '../schema/index.js';

/**
 * An open, named survey for Cuneo and Bergamo (the legal and administrative domain, with the
 * manager's assessment and two questions of its own), closing 30 days after the seed, so that the
 * demo learners (discente.cuneo@, discente.bergamo@) have a questionnaire to answer. Its people are
 * invited with the same statement the campaigns module uses when a campaign is opened (every active
 * person of the two units, with their unit and job profile); no invitation e-mail is queued.
 */
export async function seedDemoCampaigns(db: Db, now = new Date()) {
  await db.transaction(async (tx) => {
    const [framework] = await tx
      .select({ id: competencyFrameworks.id })
      .from(competencyFrameworks)
      .where(eq(competencyFrameworks.status, 'published'));
    if (!framework) return;
    const units = await tx
      .select({ id: territorialUnits.id })
      .from(territorialUnits)
      .where(inArray(territorialUnits.istatCode, ['004', '016']));
    const today = romeDate(now);
    const [campaign] = await tx
      .insert(campaigns)
      .values({
        titleIt: 'Rilevazione dei fabbisogni 2027',
        titleEn: '2027 needs survey',
        descriptionIt:
          'Autovalutazione delle competenze giuridico-amministrative del personale di Cuneo e Bergamo, con la valutazione del referente.',
        descriptionEn:
          'Self-assessment of the legal and administrative competencies of the staff of Cuneo and Bergamo, with the officer’s assessment.',
        frameworkId: framework.id,
        status: 'open',
        anonymous: false,
        managerAssessment: true,
        national: false,
        domainCodes: ['giuridico-amministrativo'],
        opensOn: addDays(today, -2),
        closesOn: addDays(today, 30),
        openedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: campaigns.id });
    if (!campaign) throw new Error('demo seed: campaign insert failed');
    await tx.insert(campaignUnits).values(units.map((u) => ({ campaignId: campaign.id, unitId: u.id })));
    await tx.insert(campaignQuestions).values([
      {
        campaignId: campaign.id,
        position: 1,
        kind: 'scale',
        promptIt: 'Quanto ti è utile la formazione a distanza (1 = per nulla, 5 = moltissimo)?',
        promptEn: 'How useful is online training to you (1 = not at all, 5 = very much)?',
        required: true,
      },
      {
        campaignId: campaign.id,
        position: 2,
        kind: 'text',
        promptIt: 'Quali temi vorresti approfondire nel prossimo anno?',
        promptEn: 'Which topics would you like to study next year?',
        required: false,
      },
    ]);
    const unitIds = sql.join(
      units.map((u) => sql`${u.id}`),
      sql`, `,
    );
    await tx.execute(sql`
      insert into ${campaignParticipants} (campaign_id, user_id, unit_id, job_profile_code, invited_at)
      select ${campaign.id}::int, u.id, u.unit_id, u.job_profile_code, ${now.toISOString()}::timestamptz
      from ${users} u
      where u.active and u.unit_id in (${unitIds})
      on conflict do nothing`);
  });
}
