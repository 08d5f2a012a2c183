import { and, eq, inArray, isNull } from 'drizzle-orm';
import { snapshotExpectations } from '../../modules/assessment/gaps/index.js';
import type { Db } from '../client.js';
import {
  auditLog,
  campaignParticipants,
  campaignResponseLevels,
  campaignResponses,
  campaigns,
  campaignUnits,
  competencyFrameworks,
  frameworkCompetencies,
  profileExpectations,
  roleGrants,
  territorialUnits,
  users,
} from '../schema/index.js';

/** Staff per demo unit (ISTAT code): Sassari has fewer than 5, so its figures stay suppressed. */
const STAFF = { '004': 14, '016': 9, '090': 3 } as const;
const PROFILES = [
  'funzionario-amministrativo',
  'istruttore-amministrativo',
  'funzionario-tecnico',
  'istruttore-tecnico',
  'funzionario-contabile',
  'funzionario-informatico',
  'dirigente',
  'operatore',
];
const FIRST = ['Anna', 'Luca', 'Elena', 'Paolo', 'Marta', 'Davide', 'Sofia', 'Andrea', 'Irene', 'Matteo'];
const LAST = [
  'Rossi',
  'Bianchi',
  'Gallo',
  'Costa',
  'Fontana',
  'Conti',
  'Greco',
  'Marino',
  'Lombardi',
  'Ferri',
];

/** A small deterministic generator (mulberry32), so the demo is the same on every installation. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The demo's needs assessment: staff of Cuneo, Bergamo and Sassari (they cannot sign in: no
 * password) and a closed anonymous campaign of spring 2026 that most of them answered, with
 * self-assessed levels drawn around their profile's expected levels. It gives the gap screens and
 * the training plan something real to show.
 */
export async function seedDemoAssessment(db: Db) {
  const rnd = random(2026);
  await db.transaction(async (tx) => {
    const [framework] = await tx
      .select({ id: competencyFrameworks.id })
      .from(competencyFrameworks)
      .where(eq(competencyFrameworks.status, 'published'));
    if (!framework) return;
    const units = await tx
      .select({ id: territorialUnits.id, code: territorialUnits.istatCode, sigla: territorialUnits.sigla })
      .from(territorialUnits)
      .where(inArray(territorialUnits.istatCode, Object.keys(STAFF)));
    const [campaign] = await tx
      .insert(campaigns)
      .values({
        titleIt: 'Rilevazione dei fabbisogni formativi 2026',
        titleEn: '2026 training needs survey',
        descriptionIt: 'Autovalutazione delle competenze del personale, in vista del piano formativo 2027.',
        descriptionEn: 'Staff self-assessment of competencies, towards the 2027 training plan.',
        frameworkId: framework.id,
        status: 'closed',
        anonymous: true,
        national: false,
        opensOn: '2026-03-02',
        closesOn: '2026-04-17',
        openedAt: new Date('2026-03-02T08:00:00Z'),
        closedAt: new Date('2026-04-17T22:00:00Z'),
        createdAt: new Date('2026-02-20T09:00:00Z'),
      })
      .returning({ id: campaigns.id });
    if (!campaign) throw new Error('demo seed: campaign insert failed');
    // Closed from the start: judged against the expected levels of today, frozen like any closed campaign.
    await snapshotExpectations(tx, campaign.id);
    await tx.insert(campaignUnits).values(units.map((u) => ({ campaignId: campaign.id, unitId: u.id })));
    const competencies = await tx
      .select({ id: frameworkCompetencies.id, code: frameworkCompetencies.code })
      .from(frameworkCompetencies)
      .where(eq(frameworkCompetencies.frameworkId, framework.id));
    const expected = await tx
      .select({
        profile: profileExpectations.jobProfileCode,
        code: profileExpectations.competencyCode,
        level: profileExpectations.level,
      })
      .from(profileExpectations)
      .where(isNull(profileExpectations.unitId));
    let person = 0;
    for (const unit of units) {
      const count = STAFF[unit.code as keyof typeof STAFF];
      for (let i = 0; i < count; i++, person++) {
        const profile = PROFILES[person % PROFILES.length] as string;
        const [user] = await tx
          .insert(users)
          .values({
            email: `personale${String(i + 1).padStart(2, '0')}.${unit.sigla.toLowerCase()}@officina.demo`,
            name: `${FIRST[person % FIRST.length]} ${LAST[(person * 3 + 1) % LAST.length]}`,
            unitId: unit.id,
            jobProfileCode: profile,
          })
          .returning({ id: users.id });
        if (!user) throw new Error('demo seed: user insert failed');
        await tx.insert(roleGrants).values({ userId: user.id, role: 'learner', unitId: unit.id });
        // About one in eight did not answer.
        const answered = rnd() > 0.12;
        await tx.insert(campaignParticipants).values({
          campaignId: campaign.id,
          userId: user.id,
          unitId: unit.id,
          jobProfileCode: profile,
          status: answered ? 'submitted' : 'invited',
          // Anonymous: who answered is known, never when (see docs/campaigns.md).
          submittedAt: null,
          invitedAt: new Date('2026-03-02T08:00:00Z'),
          reminders: answered ? 0 : 1,
          lastRemindedAt: answered ? null : new Date('2026-04-10T08:00:00Z'),
        });
        if (!answered) continue;
        const [response] = await tx
          .insert(campaignResponses)
          .values({ campaignId: campaign.id, unitId: unit.id, jobProfileCode: profile })
          .returning({ id: campaignResponses.id });
        if (!response) throw new Error('demo seed: response insert failed');
        const levels = competencies.flatMap((c) => {
          const want = expected.find((e) => e.profile === profile && e.code === c.code)?.level;
          if (want === undefined) return [];
          // Self-assessments fall mostly at or below the expected level; digital ones lower still.
          const drift = [-2, -1, -1, -1, 0, 0, 0, 1][Math.floor(rnd() * 8)] ?? 0;
          const digital = c.code.startsWith('TE-') ? -Math.round(rnd() * 0.7) : 0;
          const selfLevel = Math.max(0, Math.min(3, want + drift + digital));
          return [{ responseId: response.id, competencyId: c.id, selfLevel }];
        });
        if (levels.length) await tx.insert(campaignResponseLevels).values(levels);
      }
    }
    await tx.insert(auditLog).values({
      action: 'campaign.seeded',
      entityType: 'campaign',
      entityId: String(campaign.id),
      details: { people: person },
    });
  });
}

/** The demo campaign's id (the seeded one), for tests. */
export async function demoCampaignId(db: Db) {
  const [row] = await db
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(
      and(eq(campaigns.titleIt, 'Rilevazione dei fabbisogni formativi 2026'), eq(campaigns.anonymous, true)),
    );
  return row?.id ?? null;
}
