import type { z } from 'zod';
import type {
  CampaignDetail,
  CampaignSummary,
  campaignInput,
  campaignListQuery,
  questionsInput,
} from '../../../../common/campaigns.js';
import { ANONYMOUS_MIN_GROUP } from '../../../../common/campaigns.js';
import { romeDate } from '../../../../common/rome-time.js';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { errors, type Lang } from '../../../kernel/errors.js';
import type { EventBus } from '../../../kernel/events.js';
import { type RequestContext, requireActor, unitsWithRole } from '../../../kernel/principal.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { MailService } from '../../platform/mail/index.js';
import type { FrameworkService } from '../framework/index.js';
import { invitationMail } from './mails.js';
import './events.js';
import {
  anonymousGroupTooSmall,
  CAMPAIGN,
  frameworkNotUsable,
  nobodyInvited,
  noPublishedFramework,
  notDraft,
  notOpen,
  officerScope,
  periodOver,
  unknownValues,
} from './messages.js';
import { canEditCampaign, canManageCampaigns, canSeeCampaign, reach } from './policy.js';
import type { CampaignRow, CampaignsRepository } from './repository.js';

export type CampaignsDeps = {
  db: Db;
  repo: CampaignsRepository;
  framework: FrameworkService;
  audit: AuditService;
  mail: MailService;
  clock: Clock;
  config: Pick<Config, 'publicUrl'>;
  events: EventBus;
};

type Input = z.infer<typeof campaignInput>;
const PAGE = 2000;
export const langOf = (locale: string): Lang => (locale === 'en' ? 'en' : 'it');
const uniq = <T>(xs: T[]) => [...new Set(xs)];

/**
 * Preparing, opening and closing survey campaigns. National admins act on every campaign; a Province
 * officer prepares, opens and closes campaigns for their own unit only, and sees the open and closed
 * ones that include it.
 */
export function createCampaignsService(deps: CampaignsDeps) {
  const { db, repo, audit, clock, events } = deps;

  /**
   * What every close does in its transaction, for each campaign closed: the drafts of who never
   * submitted are dropped, an anonymous campaign's participant rows are rewritten (so none shares a
   * transaction with a response), and the other modules are told.
   */
  async function afterClose(tx: Db, ctx: RequestContext, closed: { id: number; anonymous: boolean }[]) {
    if (!closed.length) return;
    await repo.dropDrafts(
      tx,
      closed.map((c) => c.id),
    );
    const anonymous = closed.filter((c) => c.anonymous).map((c) => c.id);
    if (anonymous.length) await repo.rewriteAnonymous(tx, anonymous);
    for (const c of closed) await events.emit(tx, ctx, 'campaign.closed', { campaignId: c.id });
  }

  /** The campaign with its units, if the caller may see it; 404 otherwise. */
  async function visible(tx: Db, ctx: RequestContext, id: number, lock?: 'update' | 'share') {
    if (!canManageCampaigns(ctx.actor)) throw errors.forbidden();
    const row = await repo.get(tx, id, lock);
    if (!row) throw errors.notFound(CAMPAIGN);
    const unitIds = (await repo.unitsOf(tx, [id])).map((u) => u.id);
    if (!canSeeCampaign(ctx.actor, { ...row, unitIds })) throw errors.notFound(CAMPAIGN);
    return { row, unitIds };
  }

  /** As `visible`, and the caller may change it (403 for an officer looking at a national campaign). */
  async function editable(tx: Db, ctx: RequestContext, id: number) {
    const c = await visible(tx, ctx, id, 'update');
    if (!canEditCampaign(ctx.actor, { national: c.row.national, unitIds: c.unitIds }))
      throw errors.forbidden();
    return c;
  }

  /** The framework version a new campaign asks about: the one chosen (published or retired) or the published one. */
  async function frameworkFor(ctx: RequestContext, frameworkId: number | undefined) {
    if (frameworkId === undefined) {
      const published = (await deps.framework.list(ctx)).items.find((v) => v.status === 'published');
      if (!published) throw noPublishedFramework();
      frameworkId = published.id;
    }
    const tree = await deps.framework.get(ctx, frameworkId).catch(() => null);
    if (!tree || tree.status === 'draft') throw frameworkNotUsable();
    return tree;
  }

  /** Refuses what the caller may not target and what does not exist. */
  async function checkTarget(
    tx: Db,
    ctx: RequestContext,
    input: Input,
    domainCodes: string[],
    kept: string[] = [],
  ) {
    if (input.anonymous && input.minGroupSize < ANONYMOUS_MIN_GROUP) throw anonymousGroupTooSmall();
    const units = reach(ctx.actor);
    const unitIds = uniq(input.unitIds);
    if (units !== 'all' && (input.national || !unitIds.length || unitIds.some((u) => !units.includes(u))))
      throw officerScope();
    const foundUnits = await repo.existingUnits(tx, unitIds);
    const missingUnits = unitIds.filter((u) => !foundUnits.includes(u));
    if (missingUnits.length) throw unknownValues('unitIds', missingUnits.map(String));
    const profiles = uniq(input.jobProfileCodes);
    const foundProfiles = await repo.existingProfiles(tx, profiles);
    const missingProfiles = profiles.filter((p) => !foundProfiles.includes(p));
    if (missingProfiles.length) throw unknownValues('jobProfileCodes', missingProfiles);
    const userIds = uniq([...input.userIds, ...kept]);
    const people = await repo.existingPeople(tx, userIds);
    const missingPeople = userIds.filter((u) => !people.some((p) => p.id === u));
    if (missingPeople.length) throw unknownValues('userIds', missingPeople);
    if (
      units !== 'all' &&
      people.some((p) => !kept.includes(p.id) && (p.unitId === null || !units.includes(p.unitId)))
    )
      throw officerScope();
    const domains = uniq(input.domainCodes);
    const missingDomains = domains.filter((d) => !domainCodes.includes(d));
    if (missingDomains.length) throw unknownValues('domainCodes', missingDomains);
    return { unitIds, jobProfileCodes: profiles, userIds, domainCodes: domains };
  }

  const fields = (input: Input, domainCodes: string[]) => ({
    titleIt: input.title.it,
    titleEn: input.title.en,
    descriptionIt: input.description.it,
    descriptionEn: input.description.en,
    domainCodes,
    opensOn: input.opensOn,
    closesOn: input.closesOn,
    national: input.national,
    anonymous: input.anonymous,
    managerAssessment: input.managerAssessment,
    minGroupSize: input.minGroupSize,
  });

  async function summaries(tx: Db, ctx: RequestContext, rows: CampaignRow[]): Promise<CampaignSummary[]> {
    const ids = rows.map((r) => r.id);
    const units = await repo.unitsOf(tx, ids);
    const scope = reach(ctx.actor);
    const counts = await repo.counts(tx, ids, scope === 'all' ? null : scope);
    return rows.map((r) => {
      const n = counts.find((c) => c.campaignId === r.id);
      return {
        id: r.id,
        title: { it: r.titleIt, en: r.titleEn },
        status: r.status,
        anonymous: r.anonymous,
        managerAssessment: r.managerAssessment,
        national: r.national,
        opensOn: r.opensOn,
        closesOn: r.closesOn,
        openedAt: r.openedAt?.toISOString() ?? null,
        closedAt: r.closedAt?.toISOString() ?? null,
        units: units.filter((u) => u.campaignId === r.id).map((u) => ({ id: u.id, name: u.name })),
        invited: Number(n?.invited ?? 0),
        submitted: Number(n?.submitted ?? 0),
      };
    });
  }

  async function detail(tx: Db, ctx: RequestContext, row: CampaignRow): Promise<CampaignDetail> {
    const [summary] = await summaries(tx, ctx, [row]);
    if (!summary) throw errors.notFound(CAMPAIGN);
    // One after the other: a transaction holds one connection.
    const profiles = await repo.profilesOf(tx, row.id);
    const people = await repo.peopleOf(tx, row.id);
    // An officer sees only the people chosen in their own units; the others are a count.
    const scope = reach(ctx.actor);
    const shown =
      scope === 'all' ? people : people.filter((p) => p.unitId !== null && scope.includes(p.unitId));
    const questions = await repo.questions(tx, row.id);
    const frameworkVersion = await repo.frameworkVersion(tx, row.frameworkId);
    const unitIds = summary.units.map((u) => u.id);
    const edit = canEditCampaign(ctx.actor, { national: row.national, unitIds });
    // The officers who assess: those of one of the campaign's units (any unit when national).
    const officerOf = unitsWithRole(ctx.actor, 'province_officer');
    const assesses = row.national ? officerOf.length > 0 : unitIds.some((u) => officerOf.includes(u));
    return {
      ...summary,
      description: { it: row.descriptionIt, en: row.descriptionEn },
      frameworkId: row.frameworkId,
      frameworkVersion: frameworkVersion ?? '',
      domainCodes: row.domainCodes,
      jobProfileCodes: profiles,
      people: shown.map((p) => ({ id: p.id, name: p.name, email: p.email })),
      otherPeople: people.length - shown.length,
      minGroupSize: row.minGroupSize,
      questions: questions.map(toQuestion),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      actions: {
        edit: edit && row.status === 'draft',
        delete: edit && row.status === 'draft',
        open: edit && row.status === 'draft',
        close: edit && row.status === 'open',
        remind: row.status === 'open',
        assess: row.managerAssessment && !row.anonymous && row.status !== 'draft' && assesses,
      },
    };
  }

  return {
    visible,

    async list(ctx: RequestContext, q: z.infer<typeof campaignListQuery>) {
      if (!canManageCampaigns(ctx.actor)) throw errors.forbidden();
      const rows = (await repo.list(db)).filter((r) => !q.status || r.status === q.status);
      const units = await repo.unitsOf(
        db,
        rows.map((r) => r.id),
      );
      const seen = rows.filter((r) =>
        canSeeCampaign(ctx.actor, {
          ...r,
          unitIds: units.filter((u) => u.campaignId === r.id).map((u) => u.id),
        }),
      );
      return { items: await summaries(db, ctx, seen) };
    },

    async get(ctx: RequestContext, id: number) {
      const { row } = await visible(db, ctx, id);
      return detail(db, ctx, row);
    },

    async create(ctx: RequestContext, input: Input) {
      if (!canManageCampaigns(ctx.actor)) throw errors.forbidden();
      const framework = await frameworkFor(ctx, input.frameworkId);
      return db.transaction(async (tx) => {
        const target = await checkTarget(
          tx,
          ctx,
          input,
          framework.domains.map((d) => d.code),
        );
        const now = clock.now();
        const row = await repo.insert(tx, {
          ...fields(input, target.domainCodes),
          frameworkId: framework.id,
          status: 'draft',
          createdAt: now,
          updatedAt: now,
          createdBy: requireActor(ctx).id,
        });
        await repo.setTarget(tx, row.id, target);
        await audit.record(tx, ctx, {
          action: 'campaign.created',
          entityType: 'campaign',
          entityId: row.id,
          details: { title: input.title.it, national: input.national, unitIds: target.unitIds },
        });
        return detail(tx, ctx, row);
      });
    },

    /** Changes a draft; its framework version stays the one it was created with. */
    async update(ctx: RequestContext, id: number, input: Input) {
      // The version never changes: read its domains before the transaction (a transaction holds the connection).
      const current = (await visible(db, ctx, id)).row;
      const framework = await deps.framework.get(ctx, current.frameworkId);
      return db.transaction(async (tx) => {
        const { row } = await editable(tx, ctx, id);
        if (row.status !== 'draft') throw notDraft();
        // The people an officer does not see (chosen in other units by an admin) stay chosen.
        const scope = reach(ctx.actor);
        const kept =
          scope === 'all'
            ? []
            : (await repo.peopleOf(tx, id))
                .filter((p) => p.unitId === null || !scope.includes(p.unitId))
                .map((p) => p.id);
        const target = await checkTarget(
          tx,
          ctx,
          input,
          framework.domains.map((d) => d.code),
          kept,
        );
        const updated = await repo.update(tx, id, {
          ...fields(input, target.domainCodes),
          updatedAt: clock.now(),
        });
        await repo.setTarget(tx, id, target);
        await audit.record(tx, ctx, {
          action: 'campaign.updated',
          entityType: 'campaign',
          entityId: id,
          details: { title: input.title.it, national: input.national, unitIds: target.unitIds },
        });
        return detail(tx, ctx, updated ?? row);
      });
    },

    async remove(ctx: RequestContext, id: number) {
      return db.transaction(async (tx) => {
        const { row } = await editable(tx, ctx, id);
        if (row.status !== 'draft') throw notDraft();
        await repo.remove(tx, id);
        await audit.record(tx, ctx, {
          action: 'campaign.deleted',
          entityType: 'campaign',
          entityId: id,
          details: { title: row.titleIt },
        });
        return { ok: true as const };
      });
    },

    async questions(ctx: RequestContext, id: number) {
      await visible(db, ctx, id);
      return { items: (await repo.questions(db, id)).map(toQuestion) };
    },

    /** Replaces the custom questions of a draft, in the order given. */
    async setQuestions(ctx: RequestContext, id: number, input: z.infer<typeof questionsInput>) {
      return db.transaction(async (tx) => {
        const { row } = await editable(tx, ctx, id);
        if (row.status !== 'draft') throw notDraft();
        await repo.setQuestions(
          tx,
          id,
          input.questions.map((q, i) => ({
            position: i + 1,
            kind: q.kind,
            promptIt: q.prompt.it,
            promptEn: q.prompt.en,
            options: q.options,
            required: q.required,
          })),
        );
        await repo.update(tx, id, { updatedAt: clock.now() });
        await audit.record(tx, ctx, {
          action: 'campaign.questions_set',
          entityType: 'campaign',
          entityId: id,
          details: { questions: input.questions.length },
        });
        return { items: (await repo.questions(tx, id)).map(toQuestion) };
      });
    },

    /**
     * Opens a draft: invites the target (one INSERT … SELECT, whatever its size) and queues an
     * invitation to each person, all in one transaction with the status change.
     */
    async open(ctx: RequestContext, id: number) {
      const result = await db.transaction(async (tx) => {
        const { row } = await editable(tx, ctx, id);
        if (row.status !== 'draft') throw notDraft();
        const now = clock.now();
        if (row.closesOn < romeDate(now)) throw periodOver();
        const opened = await repo.update(tx, id, { status: 'open', openedAt: now, updatedAt: now });
        if (!opened) throw errors.notFound(CAMPAIGN);
        const invited = await repo.materialise(tx, opened, now);
        if (!invited) throw nobodyInvited();
        const link = `${deps.config.publicUrl}/le-mie-rilevazioni/${id}`;
        const title = { it: row.titleIt, en: row.titleEn };
        for (let after = 0; ; ) {
          const page = await repo.recipients(tx, id, after, PAGE);
          if (!page.length) break;
          await deps.mail.enqueueMany(
            tx,
            page.map((p) => ({
              to: p.email,
              mail: invitationMail(langOf(p.locale), {
                name: p.name,
                title,
                closesOn: row.closesOn,
                anonymous: row.anonymous,
                link,
              }),
            })),
          );
          after = page[page.length - 1]?.id ?? after;
        }
        await audit.record(tx, ctx, {
          action: 'campaign.opened',
          entityType: 'campaign',
          entityId: id,
          details: { invited },
        });
        return detail(tx, ctx, opened);
      });
      deps.mail.kick();
      return result;
    },

    async close(ctx: RequestContext, id: number) {
      return db.transaction(async (tx) => {
        const { row } = await editable(tx, ctx, id);
        if (row.status !== 'open') throw notOpen();
        const now = clock.now();
        const closed = await repo.update(tx, id, { status: 'closed', closedAt: now, updatedAt: now });
        await audit.record(tx, ctx, { action: 'campaign.closed', entityType: 'campaign', entityId: id });
        await afterClose(tx, ctx, [{ id, anonymous: row.anonymous }]);
        return detail(tx, ctx, closed ?? row);
      });
    },

    /** Closes every open campaign whose last day (Europe/Rome) has ended; the job calls it. */
    async closeDue(now = clock.now()) {
      return db.transaction(async (tx) => {
        const closed = await repo.closeDue(tx, romeDate(now), now);
        const system: RequestContext = { actor: null, ip: null, requestId: null, lang: 'it' };
        for (const c of closed)
          await audit.record(tx, system, {
            action: 'campaign.closed',
            entityType: 'campaign',
            entityId: c.id,
            details: { automatic: true },
          });
        await afterClose(tx, system, closed);
        return closed.length;
      });
    },
  };
}

export function toQuestion(q: {
  id: number;
  position: number;
  kind: 'text' | 'single' | 'multiple' | 'scale';
  promptIt: string;
  promptEn: string;
  options: { it: string; en: string }[];
  required: boolean;
}) {
  return {
    id: q.id,
    position: q.position,
    kind: q.kind,
    prompt: { it: q.promptIt, en: q.promptEn },
    options: q.options,
    required: q.required,
  };
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;
