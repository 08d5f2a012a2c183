import type {
  GapCampaign,
  GapColumns,
  GapFigures,
  GapHead,
  Heatmap,
  HeatmapQuery,
  MyGaps,
  PeopleGaps,
  PersonGaps,
  Priorities,
  PrioritiesQuery,
} from '../../../../common/gaps.js';
import type { Db } from '../../../db/client.js';
import { errors } from '../../../kernel/errors.js';
import type { RequestContext } from '../../../kernel/principal.js';
import type { CellKey, Dimension } from './aggregate.js';
import { nestedDifferenceSafe } from './differencing.js';
import { gap, personSummary } from './gap.js';
import type { CampaignRow, Labels, LookupRepository } from './lookup-repository.js';
import { gapErrors } from './messages.js';
import { canViewGaps, type GapScope, gapScope, inScope } from './policy.js';
import type { GroupStats, StatsRepository } from './stats-repository.js';
import {
  lonelyChildren,
  type PublishedTable,
  publish,
  ranked,
  statsAt,
  statsTable,
  TOTAL,
} from './tables.js';

const HIDDEN_PRIMARY: GapFigures = {
  respondents: null,
  meanGap: null,
  affected: null,
  shareAffected: null,
  priority: null,
  suppressed: 'primary',
};
/** Hidden from an officer: with their own unit's figures it would give one other unit's. */
const OTHER_UNIT: GapFigures = { ...HIDDEN_PRIMARY, suppressed: 'otherUnit' };
const NOBODY: GapFigures = {
  respondents: 0,
  meanGap: null,
  affected: 0,
  shareAffected: null,
  priority: null,
  suppressed: null,
};

/** What every gap screen works from: the campaign, the caller's scope and the units' sizes. */
type Setup = {
  campaign: CampaignRow;
  scope: GapScope;
  k: number;
  lang: 'it' | 'en';
  labels: Labels;
  /** Units with at least k respondents: the population of every published figure. */
  published: number[];
  /** Units with 1..k−1 respondents: left out of every figure, shown as "n < k". */
  tooSmall: number[];
  unitSize: Map<number, number>;
  profiles: string[];
  /** The published units having respondents of each job profile. */
  profileUnits: Map<string, number[]>;
  hasAnswers: boolean;
};

export function createGapsService(deps: { db: Db; stats: StatsRepository; lookup: LookupRepository }) {
  const { db, stats, lookup } = deps;

  /**
   * The campaign, the caller's scope and the units' sizes, after one refresh of the summary. With
   * `figures`, an anonymous campaign must be closed: two snapshots of live figures around a single
   * new answer would tell that answer.
   */
  async function setup(ctx: RequestContext, id: number, opts: { figures?: boolean } = {}): Promise<Setup> {
    if (!canViewGaps(ctx.actor)) throw errors.forbidden();
    const campaign = await lookup.campaign(db, id);
    if (!campaign) throw gapErrors.campaignNotFound();
    const scope = gapScope(ctx.actor);
    if (!scope.all) {
      const mine = await Promise.all(scope.unitIds.map((u) => lookup.campaignIsFor(db, campaign, u)));
      if (!mine.some(Boolean)) throw gapErrors.campaignNotFound();
    }
    if (campaign.status === 'draft') throw gapErrors.notStarted();
    if (opts.figures && campaign.anonymous && campaign.status !== 'closed') throw gapErrors.stillOpen();
    await stats.refresh(db, id);
    const k = campaign.minGroupSize;
    const labels = await lookup.labels(db, campaign.frameworkId, ctx.lang);
    const [units = []] = await stats.groups(db, { campaignId: id }, [['unit']]);
    // Profiles of the published units only: listing a small unit's profiles would describe its people.
    const publishedIds = units.filter((u) => u.respondents >= k).map((u) => u.key.unit as number);
    const [profiles = [], unitProfiles = []] = await stats.groups(
      db,
      { campaignId: id, unitIds: publishedIds },
      [['jobProfile'], ['unit', 'jobProfile']],
    );
    const profileUnits = new Map<string, number[]>();
    for (const g of unitProfiles) {
      const code = g.key.jobProfile ?? '';
      profileUnits.set(code, [...(profileUnits.get(code) ?? []), g.key.unit as number]);
    }
    const byName = (a: number, b: number) =>
      (labels.units.get(String(a))?.name ?? '').localeCompare(labels.units.get(String(b))?.name ?? '', 'it');
    const unitSize = new Map(units.map((u) => [u.key.unit as number, u.respondents]));
    return {
      campaign,
      scope,
      k,
      lang: ctx.lang,
      labels,
      published: units
        .filter((u) => u.respondents >= k)
        .map((u) => u.key.unit as number)
        .sort(byName),
      tooSmall: units
        .filter((u) => u.respondents < k)
        .map((u) => u.key.unit as number)
        .sort(byName),
      unitSize,
      profiles: profiles
        .map((p) => p.key.jobProfile ?? '')
        .sort((a, b) => profileName(labels, a).localeCompare(profileName(labels, b), 'it')),
      profileUnits,
      hasAnswers: units.length > 0,
    };
  }

  // ---- the tables, each built on the ones it is linked to ------------------------------------

  function columnOrder(labels: Labels, dim: GapColumns): string[] {
    if (dim === 'competency') return [...labels.competencies.keys()];
    if (dim === 'area') return [...labels.areas.keys()];
    const seen: string[] = [];
    for (const a of labels.areas.values()) if (!seen.includes(a.domain)) seen.push(a.domain);
    return seen;
  }

  const columnCode = (dim: GapColumns) => (s: GroupStats) => String(s.key[dim] ?? '');

  /** Units × columns over the published units: the table every other one is linked to. */
  async function unitTable(s: Setup, dim: GapColumns, jobProfile?: string) {
    const sets = await stats.groups(db, { campaignId: s.campaign.id, unitIds: s.published, jobProfile }, [
      ['unit', dim],
      ['unit'],
      [dim],
      [],
    ]);
    return statsTable(sets, (g) => String(g.key.unit), columnCode(dim), {
      rows: s.published.map(String),
      columns: columnOrder(s.labels, dim),
    });
  }

  /** Job profiles × columns within each unit, their totals shared with the unit's row of `units`. */
  async function profileTables(s: Setup, dim: GapColumns, units: PublishedTable, unitIds: number[]) {
    const sets = await stats.groups(db, { campaignId: s.campaign.id, unitIds }, [
      ['unit', 'jobProfile', dim],
      ['unit', 'jobProfile'],
      ['unit', dim],
      ['unit'],
    ]);
    const out = new Map<number, PublishedTable>();
    for (const u of unitIds) {
      const mine = sets.map((set) => set.filter((g) => g.key.unit === u));
      const t = statsTable(mine, (g) => g.key.jobProfile ?? '', columnCode(dim), {
        rows: s.profiles,
        columns: columnOrder(s.labels, dim),
      });
      out.set(
        u,
        publish(t, s.k, (r, c) => (r === TOTAL && units.hidden(String(u), c) ? 'secondary' : null)),
      );
    }
    return out;
  }

  /** Job profiles × columns over every published unit, linked to each unit's profile table. */
  async function nationalProfileTable(
    s: Setup,
    dim: GapColumns,
    units: PublishedTable,
    byUnit: Map<number, PublishedTable>,
  ) {
    const sets = await stats.groups(db, { campaignId: s.campaign.id, unitIds: s.published }, [
      ['jobProfile', dim],
      ['jobProfile'],
      [dim],
      [],
    ]);
    const t = statsTable(sets, (g) => g.key.jobProfile ?? '', columnCode(dim), {
      rows: s.profiles,
      columns: columnOrder(s.labels, dim),
    });
    const lonely = lonelyChildren([...byUnit.values()], (_, r) => r);
    return publish(t, s.k, (r, c) =>
      r === TOTAL ? (units.hidden(TOTAL, c) ? 'secondary' : null) : lonely(r, c) ? 'secondary' : null,
    );
  }

  /**
   * Regions × columns, linked to a units table (a region's cell is the sum of its units'); with a job
   * profile, a region whose filtered total differs from its whole total by a small group is hidden.
   */
  async function regionTable(
    s: Setup,
    dim: GapColumns,
    units: PublishedTable,
    totalHidden: (column: string) => boolean,
    jobProfile?: string,
  ) {
    const sets = await stats.groups(db, { campaignId: s.campaign.id, unitIds: s.published, jobProfile }, [
      ['region', dim],
      ['region'],
      [dim],
      [],
    ]);
    const regionOf = (u: string) => s.labels.units.get(u)?.region ?? '';
    const regions = [...new Set(s.published.map((u) => regionOf(String(u))))].sort((a, b) =>
      (s.labels.regions.get(a) ?? a).localeCompare(s.labels.regions.get(b) ?? b, 'it'),
    );
    const t = statsTable(sets, (g) => g.key.region ?? '', columnCode(dim), {
      rows: regions,
      columns: columnOrder(s.labels, dim),
    });
    const whole = (r: string) =>
      s.published.filter((u) => regionOf(String(u)) === r).reduce((n, u) => n + (s.unitSize.get(u) ?? 0), 0);
    const lonely = lonelyChildren([units], (_, r) => regionOf(r));
    return publish(t, s.k, (r, c) => {
      if (r === TOTAL) return totalHidden(c) ? 'secondary' : null;
      const part = statsAt(t, r, TOTAL).respondents;
      if (jobProfile !== undefined && !nestedDifferenceSafe(whole(r), part, { minGroupSize: s.k }))
        return 'differencing';
      return lonely(r, c) ? 'secondary' : null;
    });
  }

  /** The tables a request needs, ending with the one it shows; `line` picks the ranking's row. */
  async function build(
    s: Setup,
    q: { rows: HeatmapQuery['rows']; dim: GapColumns; unit?: number; jobProfile?: string },
  ) {
    const unitsStats = await unitTable(s, q.dim);
    const units = publish(unitsStats, s.k);
    if (q.rows === 'unit' && q.jobProfile === undefined) return { table: units, kind: 'unit' as const };
    if (q.rows === 'region' && q.jobProfile === undefined)
      return {
        table: await regionTable(s, q.dim, units, (c) => units.hidden(TOTAL, c)),
        kind: 'region' as const,
      };

    const unitIds = q.rows === 'jobProfile' && q.unit !== undefined ? [q.unit] : s.published;
    const byUnit = await profileTables(s, q.dim, units, unitIds);
    if (q.rows === 'jobProfile' && q.unit !== undefined) {
      const t = byUnit.get(q.unit);
      if (!t) throw new Error('profile table missing');
      return { table: t, kind: 'jobProfile' as const };
    }
    const profiles = await nationalProfileTable(s, q.dim, units, byUnit);
    if (q.rows === 'jobProfile') return { table: profiles, kind: 'jobProfile' as const };

    // One job profile within units or regions: the filtered figures are the profile's cells of the
    // unit tables, and must not differ from the unfiltered ones by a small group.
    const p = q.jobProfile ?? '';
    const filtered = await unitTable(s, q.dim, p);
    const all = units.stats(TOTAL, TOTAL).respondents;
    const mine = statsAt(filtered, TOTAL, TOTAL).respondents;
    if (mine > 0 && mine < s.k) throw gapErrors.tooSmall(s.k);
    if (!nestedDifferenceSafe(all, mine, { minGroupSize: s.k })) throw gapErrors.differencing();
    const unitsOfProfile = publish(filtered, s.k, (r, c) => {
      if (r === TOTAL) return profiles.hidden(p, c) ? 'secondary' : null;
      const whole = s.unitSize.get(Number(r)) ?? 0;
      const part = statsAt(filtered, r, TOTAL).respondents;
      if (!nestedDifferenceSafe(whole, part, { minGroupSize: s.k })) return 'differencing';
      return byUnit.get(Number(r))?.hidden(p, c) ? 'secondary' : null;
    });
    if (q.rows === 'unit') return { table: unitsOfProfile, kind: 'unit' as const };
    const regions = await regionTable(s, q.dim, unitsOfProfile, (c) => profiles.hidden(p, c), p);
    return { table: regions, kind: 'region' as const };
  }

  // ---- what an officer may see of other units -------------------------------------------------
  // An officer knows their own units' figures, so an aggregate whose population outside them is one
  // published unit is that unit's figures (by itself or by difference). Such a row is hidden, and so
  // is any total over a population one of whose parts (a region, a job profile) is hidden that way,
  // since the total minus the visible parts would bring it back.

  /** The published units of the population (one job profile's, or everyone's). */
  function unitsOf(s: Setup, jobProfile?: string): number[] {
    if (jobProfile === undefined) return s.published;
    const have = s.profileUnits.get(jobProfile) ?? [];
    return s.published.filter((u) => have.includes(u));
  }

  /** True when the units, minus the caller's own, are exactly one: never for admins and the task force. */
  function oneOtherUnit(s: Setup, units: readonly number[]): boolean {
    if (s.scope.all) return false;
    return units.filter((u) => !inScope(s.scope, u)).length === 1;
  }

  const regionOf = (s: Setup, u: number) => s.labels.units.get(String(u))?.region ?? '';

  /** Whether an officer must not see a total over `units`, split into regions (and job profiles when `byProfile`). */
  function officerTotalHidden(s: Setup, units: readonly number[], byProfile: boolean): boolean {
    if (s.scope.all) return false;
    if (oneOtherUnit(s, units)) return true;
    const regions = new Set(units.map((u) => regionOf(s, u)));
    for (const r of regions)
      if (
        oneOtherUnit(
          s,
          units.filter((u) => regionOf(s, u) === r),
        )
      )
        return true;
    if (byProfile)
      for (const p of s.profiles) {
        const mine = unitsOf(s, p).filter((u) => units.includes(u));
        if (officerTotalHidden(s, mine, false)) return true;
      }
    return false;
  }

  /** Which rows, and whether the totals, of a table shown to the caller are hidden by the rule above. */
  function officerHides(
    s: Setup,
    kind: 'unit' | 'region' | 'jobProfile',
    q: { unit?: number; jobProfile?: string },
  ): { row: (code: string) => boolean; totals: boolean } {
    const none = { row: () => false, totals: false };
    if (s.scope.all || q.unit !== undefined) return none;
    const population = unitsOf(s, q.jobProfile);
    const totals = officerTotalHidden(s, population, q.jobProfile === undefined);
    if (kind === 'region')
      return {
        row: (r) =>
          oneOtherUnit(
            s,
            population.filter((u) => regionOf(s, u) === r),
          ),
        totals,
      };
    if (kind === 'jobProfile') return { row: (p) => officerTotalHidden(s, unitsOf(s, p), false), totals };
    return { row: () => false, totals };
  }

  function heads(s: Setup, kind: 'unit' | 'region' | 'jobProfile', codes: string[]): GapHead[] {
    return codes.map((code) => ({
      code,
      label: rowLabel(s.labels, kind, code),
      domain: null,
      tooSmall: false,
    }));
  }

  function columnHeads(s: Setup, dim: GapColumns, codes: string[]): GapHead[] {
    return codes.map((code) => ({ code, ...columnLabel(s.labels, dim, code), tooSmall: false }));
  }

  function campaignOut(s: Setup): GapCampaign {
    const c = s.campaign;
    return {
      id: c.id,
      title: s.lang === 'en' ? c.titleEn : c.titleIt,
      status: c.status === 'open' ? 'open' : 'closed',
      anonymous: c.anonymous,
      minGroupSize: c.minGroupSize,
      opensOn: c.opensOn,
      closesOn: c.closesOn,
    };
  }

  async function checkQuery(s: Setup, q: { unit?: number; jobProfile?: string }) {
    if (q.unit !== undefined && (!inScope(s.scope, q.unit) || !s.unitSize.has(q.unit))) {
      // Out of scope or not in the campaign's results: the same answer, so ids cannot be probed.
      if (!inScope(s.scope, q.unit) || !(await lookup.campaignIsFor(db, s.campaign, q.unit)))
        throw gapErrors.unitNotFound();
    }
    if (q.jobProfile !== undefined && !(await lookup.jobProfileExists(db, q.jobProfile)))
      throw gapErrors.unknownJobProfile();
  }

  return {
    /** The campaigns with results the caller may open. */
    async campaigns(ctx: RequestContext) {
      if (!canViewGaps(ctx.actor)) throw errors.forbidden();
      const scope = gapScope(ctx.actor);
      const rows = await lookup.campaignsWithResults(db, scope.all ? undefined : scope.unitIds);
      const answered = await lookup.campaignsWithAnswers(
        db,
        rows.map((c) => c.id),
      );
      const items = rows.map((c) => ({
        id: c.id,
        title: ctx.lang === 'en' ? c.titleEn : c.titleIt,
        status: c.status === 'open' ? ('open' as const) : ('closed' as const),
        anonymous: c.anonymous,
        minGroupSize: c.minGroupSize,
        opensOn: c.opensOn,
        closesOn: c.closesOn,
        hasAnswers: answered.has(c.id),
      }));
      return { items };
    },

    async heatmap(ctx: RequestContext, id: number, q: HeatmapQuery): Promise<Heatmap> {
      const s = await setup(ctx, id, { figures: true });
      if (q.rows === 'region' && q.unit !== undefined)
        throw gapErrors.badCombination(
          'Un solo ente non si divide per regione: scegli righe per ente o per profilo.',
          'One unit is not split by region: choose rows by unit or by job profile.',
          'rows',
        );
      if (q.rows === 'jobProfile' && q.jobProfile !== undefined)
        throw gapErrors.badCombination(
          'Con righe per profilo non si filtra per profilo.',
          'Rows by job profile cannot be filtered by job profile.',
          'jobProfile',
        );
      await checkQuery(s, q);
      const base = {
        campaign: campaignOut(s),
        rows: q.rows,
        columns: q.columns,
        unit: q.unit === undefined ? null : { id: q.unit, name: rowLabel(s.labels, 'unit', String(q.unit)) },
        jobProfile:
          q.jobProfile === undefined
            ? null
            : { code: q.jobProfile, name: profileName(s.labels, q.jobProfile) },
        hasAnswers: s.hasAnswers,
        units: [...s.published, ...s.tooSmall]
          .filter((u) => inScope(s.scope, u))
          .map((u) => ({
            id: u,
            name: rowLabel(s.labels, 'unit', String(u)),
            tooSmall: s.tooSmall.includes(u),
          })),
        jobProfiles: s.profiles.map((code) => ({ code, name: profileName(s.labels, code) })),
      };
      const small = (u: number) => s.tooSmall.includes(u);
      const empty = (rowHeads: GapHead[]): Heatmap => ({
        ...base,
        rowHeads,
        columnHeads: [],
        cells: rowHeads.map(() => []),
        rowTotals: rowHeads.map(() => HIDDEN_PRIMARY),
        columnTotals: [],
        grandTotal: rowHeads.length ? HIDDEN_PRIMARY : NOBODY,
      });
      if (q.unit !== undefined && (small(q.unit) || !s.unitSize.has(q.unit)))
        return empty(
          small(q.unit)
            ? [{ code: String(q.unit), label: base.unit?.name ?? '', domain: null, tooSmall: true }]
            : [],
        );
      if (s.published.length === 0) {
        const visibleSmall = q.rows === 'unit' ? s.tooSmall.filter((u) => inScope(s.scope, u)) : [];
        return empty(
          visibleSmall.map((u) => ({
            code: String(u),
            label: rowLabel(s.labels, 'unit', String(u)),
            domain: null,
            tooSmall: true,
          })),
        );
      }
      const { table, kind } = await build(s, {
        rows: q.rows,
        dim: q.columns,
        unit: q.unit,
        jobProfile: q.jobProfile,
      });
      // Officers see their own units' rows; every other row of a units table is left out.
      let rows = table.rows;
      if (kind === 'unit')
        rows = rows.filter(
          (r) => inScope(s.scope, Number(r)) && (q.unit === undefined || Number(r) === q.unit),
        );
      const smallRows =
        kind === 'unit'
          ? s.tooSmall.filter((u) => inScope(s.scope, u) && (q.unit === undefined || u === q.unit))
          : [];
      const columns = table.columns;
      const rowHeads = [
        ...heads(s, kind, rows),
        ...smallRows.map((u) => ({
          code: String(u),
          label: rowLabel(s.labels, 'unit', String(u)),
          domain: null,
          tooSmall: true,
        })),
      ];
      // One unit's own row: its totals are the row's, not the published units' together.
      const totalsRow = kind === 'unit' && q.unit !== undefined ? String(q.unit) : TOTAL;
      const hides = officerHides(s, kind, q);
      const figures = (r: string, c: string) =>
        (r === TOTAL ? hides.totals : hides.row(r)) ? OTHER_UNIT : table.figures(r, c);
      return {
        ...base,
        rowHeads,
        columnHeads: columnHeads(s, q.columns, columns),
        cells: [
          ...rows.map((r) => columns.map((c) => figures(r, c))),
          ...smallRows.map(() => columns.map(() => HIDDEN_PRIMARY)),
        ],
        rowTotals: [...rows.map((r) => figures(r, TOTAL)), ...smallRows.map(() => HIDDEN_PRIMARY)],
        columnTotals: columns.map((c) => figures(totalsRow, c)),
        grandTotal: figures(totalsRow, TOTAL),
      };
    },

    async priorities(ctx: RequestContext, id: number, q: PrioritiesQuery): Promise<Priorities> {
      const s = await setup(ctx, id, { figures: true });
      await checkQuery(s, q);
      const base = {
        campaign: campaignOut(s),
        by: q.by,
        unit: q.unit === undefined ? null : { id: q.unit, name: rowLabel(s.labels, 'unit', String(q.unit)) },
        jobProfile:
          q.jobProfile === undefined
            ? null
            : { code: q.jobProfile, name: profileName(s.labels, q.jobProfile) },
        hasAnswers: s.hasAnswers,
      };
      if (s.published.length === 0 || (q.unit !== undefined && !s.published.includes(q.unit)))
        return { ...base, items: [], suppressed: 0, hidden: [] };
      let table: PublishedTable;
      let line: string;
      if (q.jobProfile === undefined) {
        table = (await build(s, { rows: 'unit', dim: q.by })).table;
        line = q.unit === undefined ? TOTAL : String(q.unit);
      } else if (q.unit === undefined) {
        const all = (await build(s, { rows: 'unit', dim: q.by })).table;
        table = (await build(s, { rows: 'jobProfile', dim: q.by })).table;
        line = q.jobProfile;
        const n = table.stats(line, TOTAL).respondents;
        if (n > 0 && n < s.k) throw gapErrors.tooSmall(s.k);
        if (!nestedDifferenceSafe(all.stats(TOTAL, TOTAL).respondents, n, { minGroupSize: s.k }))
          throw gapErrors.differencing();
      } else {
        const units = (await build(s, { rows: 'unit', dim: q.by })).table;
        table = (await build(s, { rows: 'jobProfile', dim: q.by, unit: q.unit })).table;
        line = q.jobProfile;
        const n = table.stats(line, TOTAL).respondents;
        if (n > 0 && n < s.k) throw gapErrors.tooSmall(s.k);
        if (!nestedDifferenceSafe(units.stats(String(q.unit), TOTAL).respondents, n, { minGroupSize: s.k }))
          throw gapErrors.differencing();
      }
      const keyOf = (c: string): CellKey => ({ [q.by]: c }) as CellKey;
      // An officer's ranking over other units follows the heatmap's rule: all hidden, with the reason.
      if (q.unit === undefined && officerTotalHidden(s, unitsOf(s, q.jobProfile), q.jobProfile === undefined))
        return {
          ...base,
          items: [],
          suppressed: table.columns.length,
          hidden: table.columns.map((c) => ({
            code: c,
            ...columnLabel(s.labels, q.by, c),
            suppressed: 'otherUnit' as const,
          })),
        };
      const { columns, hidden } = ranked(table, line, keyOf);
      return {
        ...base,
        items: columns.slice(0, q.limit).map((c, i) => ({
          rank: i + 1,
          code: c,
          ...columnLabel(s.labels, q.by, c),
          ...table.figures(line, c),
        })),
        suppressed: hidden.length,
        hidden: hidden.map((c) => ({
          code: c,
          ...columnLabel(s.labels, q.by, c),
          suppressed: table.figures(line, c).suppressed ?? 'secondary',
        })),
      };
    },

    /** The named people of a unit with their gaps (officers of the unit, admins, task force). */
    async people(ctx: RequestContext, id: number, unit: number | undefined): Promise<PeopleGaps> {
      const s = await setup(ctx, id);
      if (s.campaign.anonymous) throw gapErrors.anonymous();
      const unitId = unit ?? (s.scope.all ? undefined : s.scope.unitIds[0]);
      if (unitId === undefined) throw gapErrors.badCombination('Scegli un ente.', 'Choose a unit.', 'unit');
      if (!inScope(s.scope, unitId) || !(await lookup.campaignIsFor(db, s.campaign, unitId)))
        throw gapErrors.unitNotFound();
      const rows = await lookup.namedRows(db, id, { unitId });
      return {
        campaign: campaignOut(s),
        unit: { id: unitId, name: rowLabel(s.labels, 'unit', String(unitId)) },
        people: personGaps(s.labels, rows),
      };
    },

    /** A person's own gaps in the named campaigns they answered. */
    async mine(ctx: RequestContext, campaignId: number | undefined): Promise<MyGaps> {
      const me = ctx.actor;
      if (!me) throw errors.unauthenticated();
      const answered = await lookup.answeredNamedCampaigns(db, me.id);
      const list = answered.map((c) => ({
        id: c.id,
        title: ctx.lang === 'en' ? c.titleEn : c.titleIt,
        closesOn: c.closesOn,
      }));
      if (campaignId !== undefined) {
        const campaign = await lookup.campaign(db, campaignId);
        if (!campaign) throw gapErrors.campaignNotFound();
        if (campaign.anonymous) throw gapErrors.anonymous();
      }
      const chosen = campaignId === undefined ? list[0] : list.find((c) => c.id === campaignId);
      if (campaignId !== undefined && !chosen) throw gapErrors.notAnswered();
      if (!chosen) return { campaigns: list, campaign: null, gaps: null };
      const campaign = await lookup.campaign(db, chosen.id);
      const labels = await lookup.labels(db, campaign?.frameworkId ?? 0, ctx.lang);
      const rows = await lookup.namedRows(db, chosen.id, { userId: me.id });
      return {
        campaigns: list,
        campaign: { id: chosen.id, title: chosen.title },
        gaps: personGaps(labels, rows)[0] ?? null,
      };
    },
  };
}

type NamedRow = Awaited<ReturnType<LookupRepository['namedRows']>>[number];

/** Each person's summary and the competencies where they fall short, in the rows' order. */
function personGaps(labels: Labels, rows: readonly NamedRow[]): PersonGaps[] {
  const byPerson = new Map<string, NamedRow[]>();
  for (const r of rows) byPerson.set(r.userId, [...(byPerson.get(r.userId) ?? []), r]);
  return [...byPerson.values()].map((mine) => {
    const first = mine[0] as NamedRow;
    const summary = personSummary(mine);
    return {
      userId: first.userId,
      name: first.name,
      jobProfile: first.jobProfile === null ? null : profileName(labels, first.jobProfile),
      competencies: summary.competencies,
      totalGap: summary.totalGap,
      meanGap: summary.meanGap,
      belowExpectation: summary.belowExpectation,
      items: mine
        .filter((r) => gap(r.expected, r.assessed) > 0)
        .map((r) => ({
          code: r.competency,
          label: labels.competencies.get(r.competency)?.name ?? r.competency,
          domain: labels.domains.get(r.domain) ?? r.domain,
          area: labels.areas.get(r.area)?.name ?? r.area,
          expected: r.expected,
          assessed: r.assessed,
          gap: gap(r.expected, r.assessed),
        })),
    };
  });
}

export function profileName(labels: Labels, code: string): string {
  return code === '' ? '—' : (labels.jobProfiles.get(code) ?? code);
}

export function rowLabel(labels: Labels, kind: 'unit' | 'region' | 'jobProfile', code: string): string {
  if (kind === 'unit') return labels.units.get(code)?.name ?? code;
  if (kind === 'region') return labels.regions.get(code) ?? code;
  return profileName(labels, code);
}

export function columnLabel(
  labels: Labels,
  dim: GapColumns,
  code: string,
): { label: string; domain: string | null } {
  if (dim === 'domain') return { label: labels.domains.get(code) ?? code, domain: code };
  if (dim === 'area') {
    const a = labels.areas.get(code);
    return { label: a ? `${code} ${a.name}` : code, domain: a?.domain ?? null };
  }
  const c = labels.competencies.get(code);
  return { label: c ? `${code} ${c.name}` : code, domain: c?.domain ?? null };
}

export type GapsService = ReturnType<typeof createGapsService>;
export type { Dimension };
