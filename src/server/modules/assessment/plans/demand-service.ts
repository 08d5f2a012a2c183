import type { DemandGap, DemandPath, DemandView, SuggestionView } from '../../../../common/plans.js';
import { romeToday } from '../../../../common/rome-time.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { writeCsv } from '../../../kernel/csv.js';
import { errors } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import { type GapsService, gap, isTooSmall } from '../gaps/index.js';
import { planYear } from './lines.js';
import * as m from './messages.js';
import { canViewDemand } from './policy.js';
import type { PlansRepository } from './repository.js';

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** A spreadsheet reads a cell starting with = + - @ as a formula: such text is kept as text. */
const cell = (v: string | number) => {
  const s = String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
};

/**
 * The national demand (for national admins and the task force): what the units' plans of a campaign
 * ask for, per catalogue path and per competency no path covers yet — the signal to plan new editions
 * and new paths. Drafts count too, flagged; a unit under the campaign's minimum group size never
 * contributes (it has no plan, and is skipped even if one were there).
 */
export function createDemandService(deps: {
  db: Db;
  repo: PlansRepository;
  gaps: GapsService;
  clock: Clock;
}) {
  const { db, repo, gaps: gapsService, clock } = deps;

  /**
   * The published priority of each unit × competency (null when hidden, 0 when nobody answered or
   * fell short), from the gap heatmap's
   * units × competencies table: summed figures, never the campaign's rows.
   */
  async function publishedPriorities(ctx: RequestContext, campaignId: number) {
    const map = await gapsService.heatmap(ctx, campaignId, { rows: 'unit', columns: 'competency' });
    const out = new Map<string, number | null>();
    for (const [i, row] of map.rowHeads.entries())
      for (const [j, column] of map.columnHeads.entries()) {
        const cell = map.cells[i]?.[j];
        out.set(`${row.code}|${column.code}`, !cell || cell.suppressed ? null : (cell.priority ?? 0));
      }
    return out;
  }

  async function demand(ctx: RequestContext, campaignId: number): Promise<DemandView> {
    if (!canViewDemand(ctx.actor)) throw errors.forbidden();
    const campaign = await repo.campaign(db, campaignId);
    if (!campaign) throw errors.notFound(m.CAMPAIGN);
    const k = campaign.minGroupSize;
    const respondents = await repo.respondents(db, campaign.id);
    const plans = (await repo.listPlans(db, { campaignId })).filter(
      (p) => !isTooSmall(respondents.get(p.plan.unitId) ?? 0, k),
    );
    const items = await repo.items(
      db,
      plans.map((p) => p.plan.id),
    );
    const planOf = new Map(plans.map((p) => [p.plan.id, p]));
    const names = await repo.competencyNames(db, campaign.frameworkId);

    // The asking units' priorities as the heatmap publishes them (hidden cells left out, counted).
    const needPriorities = items.some(({ item }) => item.pathId === null);
    const priority = needPriorities
      ? await publishedPriorities(ctx, campaign.id)
      : new Map<string, number | null>();

    const paths = new Map<number, DemandPath & { unitIds: Set<number>; drafts: Set<number> }>();
    const gaps = new Map<string, DemandGap & { unitIds: Set<number>; drafts: Set<number> }>();
    for (const { item } of items) {
      const p = planOf.get(item.planId);
      if (!p) continue;
      const draft = p.plan.status === 'draft';
      if (item.pathId !== null) {
        let d = paths.get(item.pathId);
        if (!d) {
          d = {
            pathId: item.pathId,
            title: item.titleIt,
            competencyCodes: [],
            units: 0,
            draftUnits: 0,
            participants: 0,
            hours: 0,
            byQuarter: { T1: 0, T2: 0, T3: 0, T4: 0 },
            unitNames: [],
            unitIds: new Set(),
            drafts: new Set(),
          };
          paths.set(item.pathId, d);
        }
        d.unitIds.add(p.plan.unitId);
        if (draft) d.drafts.add(p.plan.unitId);
        if (!d.unitNames.includes(p.unitName)) d.unitNames.push(p.unitName);
        for (const c of item.competencyCodes) if (!d.competencyCodes.includes(c)) d.competencyCodes.push(c);
        d.participants += item.participants;
        d.hours += item.participants * item.hoursPerParticipant;
        const q = item.quarter.slice(-2) as keyof DemandPath['byQuarter'];
        d.byQuarter[q] += item.participants;
      } else {
        for (const code of item.competencyCodes) {
          let g = gaps.get(code);
          if (!g) {
            g = {
              code,
              name: names.get(code) ?? { it: code, en: code },
              units: 0,
              draftUnits: 0,
              people: 0,
              priority: 0,
              hiddenUnits: 0,
              unitNames: [],
              unitIds: new Set(),
              drafts: new Set(),
            };
            gaps.set(code, g);
          }
          if (!g.unitIds.has(p.plan.unitId)) {
            const key = `${p.plan.unitId}|${code}`;
            const value = priority.has(key) ? (priority.get(key) ?? null) : 0;
            if (value === null) g.hiddenUnits += 1;
            else g.priority += value;
          }
          g.unitIds.add(p.plan.unitId);
          if (draft) g.drafts.add(p.plan.unitId);
          if (!g.unitNames.includes(p.unitName)) g.unitNames.push(p.unitName);
          g.people += item.participants;
        }
      }
    }
    const unitIds = campaign.national ? [...respondents.keys()] : await repo.campaignUnitIds(db, campaign.id);
    return {
      campaign: { id: campaign.id, title: { it: campaign.titleIt, en: campaign.titleEn }, minGroupSize: k },
      year: planYear(campaign.closesOn),
      plans: {
        approved: plans.filter((p) => p.plan.status === 'approved').length,
        draft: plans.filter((p) => p.plan.status === 'draft').length,
      },
      unitsBelowMinimum: unitIds.filter((u) => isTooSmall(respondents.get(u) ?? 0, k)).length,
      paths: [...paths.values()]
        .map(({ unitIds: u, drafts, ...d }) => ({
          ...d,
          units: u.size,
          draftUnits: drafts.size,
          hours: round1(d.hours),
          competencyCodes: d.competencyCodes.sort(),
          unitNames: d.unitNames.sort(),
        }))
        .sort(
          (a, b) => b.units - a.units || b.participants - a.participants || a.title.localeCompare(b.title),
        ),
      gaps: [...gaps.values()]
        .map(({ unitIds: u, drafts, ...g }) => ({
          ...g,
          units: u.size,
          draftUnits: drafts.size,
          priority: round2(g.priority),
          unitNames: g.unitNames.sort(),
        }))
        .sort((a, b) => b.priority - a.priority || a.code.localeCompare(b.code)),
    };
  }

  return {
    demand,

    /** The closed campaigns to choose from on the demand page. */
    async campaigns(ctx: RequestContext) {
      if (!canViewDemand(ctx.actor)) throw errors.forbidden();
      const rows = await repo.closedCampaigns(db);
      return {
        items: rows.map((c) => ({ id: c.id, title: { it: c.titleIt, en: c.titleEn }, closesOn: c.closesOn })),
      };
    },

    /** The demand as CSV: one row per path, then one per competency with no path. */
    async demandCsv(ctx: RequestContext, campaignId: number) {
      const d = await demand(ctx, campaignId);
      const header = [
        'tipo',
        'percorso_id',
        'titolo',
        'competenze',
        'enti',
        'enti_in_bozza',
        'partecipanti',
        'ore_totali',
        'T1',
        'T2',
        'T3',
        'T4',
        'priorita',
        'elenco_enti',
        'enti_priorita_non_pubblicabile',
      ];
      const rows = [
        ...d.paths.map((p) => [
          'percorso',
          String(p.pathId),
          p.title,
          p.competencyCodes.join(' '),
          String(p.units),
          String(p.draftUnits),
          String(p.participants),
          String(p.hours),
          String(p.byQuarter.T1),
          String(p.byQuarter.T2),
          String(p.byQuarter.T3),
          String(p.byQuarter.T4),
          '',
          p.unitNames.join('; '),
          '',
        ]),
        ...d.gaps.map((g) => [
          'senza_percorso',
          '',
          g.name.it,
          g.code,
          String(g.units),
          String(g.draftUnits),
          String(g.people),
          '',
          '',
          '',
          '',
          '',
          String(g.priority),
          g.unitNames.join('; '),
          String(g.hiddenUnits),
        ]),
      ].map((r) => r.map(cell));
      return { csv: writeCsv(header, rows), year: d.year };
    },

    /**
     * A learner's suggested paths: from their latest answered named campaign, the competencies where
     * the expected level exceeds the assessed one by at least 1, and the published paths linked to
     * them with their next editions. Anonymous campaigns cannot be linked back to the person.
     */
    async suggestions(ctx: RequestContext): Promise<SuggestionView> {
      const actor = requireActor(ctx);
      const latest = await repo.latestNamedResponse(db, actor.id);
      if (!latest || latest.unitId === null) return { campaign: null, competencies: [], paths: [] };
      // Their own response's levels only, against the expected levels the campaign is judged by.
      const rows =
        latest.jobProfile === null
          ? []
          : await repo.responseLevels(db, {
              responseId: latest.responseId,
              campaignId: latest.campaignId,
              unitId: latest.unitId,
              jobProfile: latest.jobProfile,
              closed: latest.status === 'closed',
            });
      const names = await repo.competencyNames(db, latest.frameworkId);
      const competencies = rows
        .filter((r) => gap(r.expected, r.assessed) >= 1)
        .map((r) => ({
          code: r.competency,
          name: names.get(r.competency) ?? { it: r.competency, en: r.competency },
          expected: r.expected,
          assessed: r.assessed,
          gap: gap(r.expected, r.assessed),
        }))
        .sort((a, b) => b.gap - a.gap || a.code.localeCompare(b.code));
      const codes = competencies.map((c) => c.code);
      const paths = codes.length ? await repo.pathOffers(db, { codes }) : [];
      const now = clock.now();
      const editions = await repo.nextEditions(
        db,
        paths.map((p) => p.id),
        romeToday(now),
        now,
      );
      const weight = (p: { codes: string[] }) =>
        competencies.filter((c) => p.codes.includes(c.code)).reduce((s, c) => s + c.gap, 0);
      return {
        campaign: {
          id: latest.campaignId,
          title: { it: latest.titleIt, en: latest.titleEn },
          closesOn: latest.closesOn,
        },
        competencies,
        paths: paths
          .sort((a, b) => weight(b) - weight(a) || a.title.localeCompare(b.title))
          .map((p) => ({
            id: p.id,
            slug: p.slug,
            title: p.title,
            hours: p.hours,
            deliveryModes: p.deliveryModes,
            competencyCodes: p.codes.filter((c) => codes.includes(c)),
            editions: editions
              .filter((e) => e.pathId === p.id)
              .slice(0, 3)
              .map((e) => ({
                id: e.id,
                title: e.title,
                startsOn: e.startsOn,
                endsOn: e.endsOn,
                online: e.online,
                enrolmentOpen: Boolean(e.enrolmentOpen),
              })),
          })),
      };
    },
  };
}

export type DemandService = ReturnType<typeof createDemandService>;
