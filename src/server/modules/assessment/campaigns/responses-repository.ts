import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import {
  campaignParticipants,
  campaignResponseAnswers,
  campaignResponseLevels,
  campaignResponses,
  frameworkCompetencies,
  users,
} from '../../../db/schema/index.js';

/**
 * Submitted questionnaires. A response of an anonymous campaign is written with no participant and
 * no time, so nothing here leads back to a person; named responses are read only for the manager's
 * assessment.
 */
export function createResponsesRepository() {
  return {
    async insert(
      db: Db,
      r: {
        campaignId: number;
        unitId: number | null;
        jobProfileCode: string | null;
        participantId: number | null;
        levels: { competencyId: number; selfLevel: number }[];
        answers: { questionId: number; value: string | number | number[] }[];
      },
    ) {
      const [row] = await db
        .insert(campaignResponses)
        .values({
          campaignId: r.campaignId,
          unitId: r.unitId,
          jobProfileCode: r.jobProfileCode,
          participantId: r.participantId,
        })
        .returning({ id: campaignResponses.id });
      if (!row) throw new Error('response insert returned nothing');
      if (r.levels.length)
        await db.insert(campaignResponseLevels).values(r.levels.map((l) => ({ ...l, responseId: row.id })));
      if (r.answers.length)
        await db.insert(campaignResponseAnswers).values(r.answers.map((a) => ({ ...a, responseId: row.id })));
      return row.id;
    },

    /** Submitted respondents of named responses in some units, with how many levels the manager set. */
    async assessed(db: Db, campaignId: number, unitIds: number[]) {
      if (!unitIds.length) return [];
      return db
        .select({
          participantId: campaignParticipants.id,
          name: users.name,
          email: users.email,
          unitId: campaignParticipants.unitId,
          jobProfileCode: campaignParticipants.jobProfileCode,
          competencies: sql<number>`count(${campaignResponseLevels.competencyId})::int`,
          assessed: sql<number>`count(${campaignResponseLevels.managerLevel})::int`,
        })
        .from(campaignResponses)
        .innerJoin(campaignParticipants, eq(campaignParticipants.id, campaignResponses.participantId))
        .innerJoin(users, eq(users.id, campaignParticipants.userId))
        .leftJoin(campaignResponseLevels, eq(campaignResponseLevels.responseId, campaignResponses.id))
        .where(
          and(
            eq(campaignResponses.campaignId, campaignId),
            isNotNull(campaignResponses.participantId),
            inArray(campaignParticipants.unitId, unitIds),
          ),
        )
        .groupBy(
          campaignParticipants.id,
          users.name,
          users.email,
          campaignParticipants.unitId,
          campaignParticipants.jobProfileCode,
        )
        .orderBy(asc(users.name));
    },

    async responseOf(db: Db, participantId: number) {
      const [row] = await db
        .select({ id: campaignResponses.id })
        .from(campaignResponses)
        .where(eq(campaignResponses.participantId, participantId));
      return row?.id;
    },

    async levels(db: Db, responseId: string) {
      return db
        .select({
          competencyId: campaignResponseLevels.competencyId,
          code: frameworkCompetencies.code,
          nameIt: frameworkCompetencies.nameIt,
          nameEn: frameworkCompetencies.nameEn,
          selfLevel: campaignResponseLevels.selfLevel,
          managerLevel: campaignResponseLevels.managerLevel,
        })
        .from(campaignResponseLevels)
        .innerJoin(frameworkCompetencies, eq(frameworkCompetencies.id, campaignResponseLevels.competencyId))
        .where(eq(campaignResponseLevels.responseId, responseId))
        .orderBy(asc(frameworkCompetencies.code));
    },

    async setManagerLevel(db: Db, responseId: string, competencyId: number, level: number | null) {
      await db
        .update(campaignResponseLevels)
        .set({ managerLevel: level })
        .where(
          and(
            eq(campaignResponseLevels.responseId, responseId),
            eq(campaignResponseLevels.competencyId, competencyId),
          ),
        );
    },
  };
}

export type ResponsesRepository = ReturnType<typeof createResponsesRepository>;
