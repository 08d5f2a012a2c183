import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../../db/client.js';
import {
  campaignParticipants,
  campaignResponseLevels,
  campaignResponses,
  campaigns,
  campaignUnits,
  domains,
  frameworkAreas,
  frameworkCompetencies,
  jobProfiles,
  profileExpectations,
  territorialUnits,
  users,
} from '../../../db/schema/index.js';

export type CampaignRow = {
  id: number;
  titleIt: string;
  titleEn: string;
  status: 'draft' | 'open' | 'closed';
  anonymous: boolean;
  minGroupSize: number;
  national: boolean;
  frameworkId: number;
  opensOn: string;
  closesOn: string;
};

const campaignColumns = {
  id: campaigns.id,
  titleIt: campaigns.titleIt,
  titleEn: campaigns.titleEn,
  status: campaigns.status,
  anonymous: campaigns.anonymous,
  minGroupSize: campaigns.minGroupSize,
  national: campaigns.national,
  frameworkId: campaigns.frameworkId,
  opensOn: campaigns.opensOn,
  closesOn: campaigns.closesOn,
};

export type Labels = {
  units: Map<string, { name: string; region: string }>;
  regions: Map<string, string>;
  jobProfiles: Map<string, string>;
  domains: Map<string, string>;
  areas: Map<string, { name: string; domain: string; position: number }>;
  competencies: Map<string, { name: string; domain: string; area: string; position: number }>;
};

const national = alias(profileExpectations, 'named_national');
const local = alias(profileExpectations, 'named_local');

/** Campaigns, the names the tables show, and the answers of named campaigns person by person. */
export function createLookupRepository() {
  return {
    async campaign(db: Db, id: number): Promise<CampaignRow | undefined> {
      const [row] = await db.select(campaignColumns).from(campaigns).where(eq(campaigns.id, id));
      return row;
    },

    /** Campaigns open or closed, newest first; for some units only: those they are for. */
    async campaignsWithResults(db: Db, unitIds?: readonly number[]): Promise<CampaignRow[]> {
      const forUnits =
        unitIds === undefined
          ? undefined
          : unitIds.length === 0
            ? sql`false`
            : or(
                eq(campaigns.national, true),
                sql`exists (select 1 from ${campaignUnits} cu where cu.campaign_id = ${campaigns.id}
                  and cu.unit_id in (${sql.join(
                    unitIds.map((u) => sql`${u}`),
                    sql`, `,
                  )}))`,
              );
      return db
        .select(campaignColumns)
        .from(campaigns)
        .where(and(inArray(campaigns.status, ['open', 'closed']), forUnits))
        .orderBy(desc(campaigns.opensOn), desc(campaigns.id));
    },

    /** Which of the campaigns have at least one response. */
    async campaignsWithAnswers(db: Db, ids: readonly number[]): Promise<Set<number>> {
      if (ids.length === 0) return new Set();
      const rows = await db
        .selectDistinct({ id: campaignResponses.campaignId })
        .from(campaignResponses)
        .where(inArray(campaignResponses.campaignId, [...ids]));
      return new Set(rows.map((r) => r.id));
    },

    /** Whether the campaign is for the unit (national, or listed). */
    async campaignIsFor(db: Db, campaign: CampaignRow, unitId: number): Promise<boolean> {
      if (campaign.national) return true;
      const [row] = await db
        .select({ unitId: campaignUnits.unitId })
        .from(campaignUnits)
        .where(and(eq(campaignUnits.campaignId, campaign.id), eq(campaignUnits.unitId, unitId)));
      return !!row;
    },

    async jobProfileExists(db: Db, code: string): Promise<boolean> {
      const [row] = await db
        .select({ code: jobProfiles.code })
        .from(jobProfiles)
        .where(eq(jobProfiles.code, code));
      return !!row;
    },

    /** The names of everything a table of the campaign can show, in the language asked. */
    async labels(db: Db, frameworkId: number, lang: 'it' | 'en'): Promise<Labels> {
      const en = lang === 'en';
      const [unitRows, profileRows, domainRows, areaRows, competencyRows] = await Promise.all([
        db
          .select({
            id: territorialUnits.id,
            name: territorialUnits.name,
            region: territorialUnits.regionCode,
            regionName: territorialUnits.regionName,
          })
          .from(territorialUnits),
        db.select().from(jobProfiles),
        db.select().from(domains),
        db.select().from(frameworkAreas).where(eq(frameworkAreas.frameworkId, frameworkId)),
        db
          .select({
            code: frameworkCompetencies.code,
            nameIt: frameworkCompetencies.nameIt,
            nameEn: frameworkCompetencies.nameEn,
            area: frameworkAreas.code,
            domain: frameworkAreas.domainCode,
            areaPosition: frameworkAreas.position,
            id: frameworkCompetencies.id,
          })
          .from(frameworkCompetencies)
          .innerJoin(frameworkAreas, eq(frameworkAreas.id, frameworkCompetencies.areaId))
          .where(eq(frameworkCompetencies.frameworkId, frameworkId))
          .orderBy(asc(frameworkAreas.position), asc(frameworkCompetencies.id)),
      ]);
      return {
        units: new Map(unitRows.map((u) => [String(u.id), { name: u.name, region: u.region }])),
        regions: new Map(unitRows.map((u) => [u.region, u.regionName])),
        jobProfiles: new Map(profileRows.map((p) => [p.code, en ? p.nameEn : p.nameIt])),
        domains: new Map(domainRows.map((d) => [d.code, en ? d.nameEn : d.nameIt])),
        areas: new Map(
          areaRows.map((a) => [
            a.code,
            { name: en ? a.nameEn : a.nameIt, domain: a.domainCode, position: a.position },
          ]),
        ),
        competencies: new Map(
          competencyRows.map((c, i) => [
            c.code,
            { name: en ? c.nameEn : c.nameIt, domain: c.domain, area: c.area, position: i },
          ]),
        ),
      };
    },

    /**
     * A named campaign's answers person by person (never called for an anonymous one, whose responses
     * lead to nobody): one row per competency answered with an expected level.
     */
    async namedRows(db: Db, campaignId: number, who: { unitId?: number; userId?: string }) {
      const expected = sql<number>`coalesce(${local.level}, ${national.level})`;
      const rows = await db
        .select({
          userId: users.id,
          name: users.name,
          jobProfile: campaignResponses.jobProfileCode,
          domain: frameworkAreas.domainCode,
          area: frameworkAreas.code,
          competency: frameworkCompetencies.code,
          expected,
          assessed: sql<number>`coalesce(${campaignResponseLevels.managerLevel}, ${campaignResponseLevels.selfLevel})`,
        })
        .from(campaignResponseLevels)
        .innerJoin(campaignResponses, eq(campaignResponses.id, campaignResponseLevels.responseId))
        .innerJoin(campaignParticipants, eq(campaignParticipants.id, campaignResponses.participantId))
        .innerJoin(users, eq(users.id, campaignParticipants.userId))
        .innerJoin(frameworkCompetencies, eq(frameworkCompetencies.id, campaignResponseLevels.competencyId))
        .innerJoin(frameworkAreas, eq(frameworkAreas.id, frameworkCompetencies.areaId))
        .leftJoin(
          national,
          and(
            eq(national.jobProfileCode, campaignResponses.jobProfileCode),
            eq(national.competencyCode, frameworkCompetencies.code),
            isNull(national.unitId),
          ),
        )
        .leftJoin(
          local,
          and(
            eq(local.jobProfileCode, campaignResponses.jobProfileCode),
            eq(local.competencyCode, frameworkCompetencies.code),
            eq(local.unitId, campaignResponses.unitId),
          ),
        )
        .innerJoin(campaigns, eq(campaigns.id, campaignResponses.campaignId))
        .where(
          and(
            eq(campaignResponses.campaignId, campaignId),
            eq(campaigns.anonymous, false),
            who.unitId === undefined ? undefined : eq(campaignResponses.unitId, who.unitId),
            who.userId === undefined ? undefined : eq(users.id, who.userId),
            sql`${expected} is not null`,
          ),
        )
        .orderBy(asc(users.name), asc(users.id), asc(frameworkAreas.position), asc(frameworkCompetencies.id));
      return rows.map((r) => ({ ...r, expected: Number(r.expected), assessed: Number(r.assessed) }));
    },

    /** The named campaigns (open or closed) a person has answered, newest first. */
    async answeredNamedCampaigns(db: Db, userId: string) {
      return db
        .select({
          id: campaigns.id,
          titleIt: campaigns.titleIt,
          titleEn: campaigns.titleEn,
          closesOn: campaigns.closesOn,
        })
        .from(campaigns)
        .innerJoin(campaignParticipants, eq(campaignParticipants.campaignId, campaigns.id))
        .innerJoin(campaignResponses, eq(campaignResponses.participantId, campaignParticipants.id))
        .where(
          and(
            eq(campaignParticipants.userId, userId),
            eq(campaigns.anonymous, false),
            inArray(campaigns.status, ['open', 'closed']),
          ),
        )
        .orderBy(desc(campaigns.closesOn), desc(campaigns.id));
    },
  };
}

export type LookupRepository = ReturnType<typeof createLookupRepository>;
