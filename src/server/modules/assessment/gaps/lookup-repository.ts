import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import {
  campaignParticipants,
  campaignResponses,
  campaigns,
  campaignUnits,
  domains,
  frameworkAreas,
  frameworkCompetencies,
  jobProfiles,
  territorialUnits,
} from '../../../db/schema/index.js';
import { rowsOf } from '../../../db/sql.js';
import { expectationsOf } from './expectations.js';

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
      const rows = await rowsOf<{
        user_id: string;
        name: string;
        job_profile: string | null;
        domain: string;
        area: string;
        competency: string;
        expected: number;
        assessed: number;
      }>(
        db,
        sql`with e as materialized ${expectationsOf(campaignId)}
        select u.id as user_id, u.name, r.job_profile_code as job_profile, a.domain_code as domain,
          a.code as area, c.code as competency, coalesce(lo.level, na.level) as expected,
          coalesce(l.manager_level, l.self_level) as assessed
        from campaign_response_levels l
        join campaign_responses r on r.id = l.response_id
        join campaign_participants p on p.id = r.participant_id
        join users u on u.id = p.user_id
        join framework_competencies c on c.id = l.competency_id
        join framework_areas a on a.id = c.area_id
        join campaigns k on k.id = r.campaign_id
        left join e na on na.job_profile_code = r.job_profile_code and na.competency_code = c.code and na.unit_id = 0
        left join e lo on lo.job_profile_code = r.job_profile_code and lo.competency_code = c.code
          and lo.unit_id = r.unit_id
        where r.campaign_id = ${campaignId} and not k.anonymous
          ${who.unitId === undefined ? sql`` : sql`and r.unit_id = ${who.unitId}`}
          ${who.userId === undefined ? sql`` : sql`and u.id = ${who.userId}`}
          and coalesce(lo.level, na.level) is not null
        order by u.name, u.id, a.position, c.id`,
      );
      return rows.map((r) => ({
        userId: r.user_id,
        name: r.name,
        jobProfile: r.job_profile,
        domain: r.domain,
        area: r.area,
        competency: r.competency,
        expected: Number(r.expected),
        assessed: Number(r.assessed),
      }));
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
