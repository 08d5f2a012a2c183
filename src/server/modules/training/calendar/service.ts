import { apiRoutes, apiUrl } from '../../../../common/api-routes.js';
import type {
  CalendarEntry,
  CalendarPage,
  CalendarQuery,
  PublicPathListQuery,
} from '../../../../common/catalogue.js';
import { addDays, formatRomeDate, romeDate } from '../../../../common/rome-time.js';
import type { Config } from '../../../config.js';
import type { Db } from '../../../db/client.js';
import type { Clock } from '../../../kernel/clock.js';
import { errors, type Lang } from '../../../kernel/errors.js';
import { type RequestContext, requireActor } from '../../../kernel/principal.js';
import { romeDayRange } from '../../../kernel/range.js';
import { newToken } from '../../../kernel/tokens.js';
import type { AuditService } from '../../platform/audit/index.js';
import type { EditionsService, PathsService } from '../catalogue/index.js';
import type { EnrolmentService } from '../enrolment/index.js';
import { sessionsCalendar } from './ical.js';
import { type CalendarRepository, type CalendarRow, PUBLIC_EDITION_STATUSES } from './repository.js';

const EDITION = { it: 'Edizione', en: 'Edition' };
const MAX_RANGE_DAYS = 400;

/** The instants of a calendar query's Rome date range, from's midnight to the midnight after to. */
export function calendarRange(q: Pick<CalendarQuery, 'from' | 'to'>, now: Date) {
  const from = q.from ?? romeDate(now);
  const to = q.to ?? addDays(from, 92);
  return romeDayRange(from, to, MAX_RANGE_DAYS);
}

function toEntry(r: CalendarRow, seatsLeft: number): CalendarEntry {
  return {
    sessionId: r.session.id,
    sessionTitle: r.session.title,
    startsAt: r.session.startsAt.toISOString(),
    endsAt: r.session.endsAt.toISOString(),
    mode: r.session.mode,
    status: r.edition.status === 'cancelled' ? 'cancelled' : r.session.status,
    editionId: r.edition.id,
    editionTitle: r.edition.title,
    editionStatus: r.edition.status,
    pathSlug: r.path.slug,
    pathTitle: r.path.title,
    domainCode: r.path.domainCode,
    serviceModelCode: r.path.serviceModelCode,
    venueName: r.edition.online ? null : r.edition.venueName,
    venueAddress: r.edition.online ? null : r.edition.venueAddress,
    room: r.session.room,
    regionName: r.regionName,
    seatsLeft: Math.max(0, seatsLeft),
  };
}

/** The newest change among the rows, for Last-Modified. */
function lastModified(rows: CalendarRow[]): Date | null {
  let max = 0;
  for (const r of rows)
    max = Math.max(
      max,
      r.session.updatedAt.getTime(),
      r.edition.updatedAt.getTime(),
      r.path.updatedAt.getTime(),
    );
  return max ? new Date(Math.floor(max / 1000) * 1000) : null;
}

export type CalendarService = ReturnType<typeof createCalendarService>;

export function createCalendarService(deps: {
  db: Db;
  repo: CalendarRepository;
  editions: EditionsService;
  paths: PathsService;
  /** Whether the signed-in person may enrol in an edition: the enrolment module's own rule. */
  enrolment: Pick<EnrolmentService, 'standing'>;
  audit: AuditService;
  config: Pick<Config, 'publicUrl' | 'bbb'>;
  clock: Clock;
}) {
  const { db, repo } = deps;
  const feedUrl = (token: string) =>
    `${deps.config.publicUrl}${apiUrl(apiRoutes.calendar.personalFeed, { file: `${token}.ics` })}`;

  const range = (q: CalendarQuery) => calendarRange(q, deps.clock.now());

  return {
    async calendar(q: CalendarQuery): Promise<{ body: CalendarPage; lastModified: Date | null }> {
      const period = range(q);
      const { rows, total } = await repo.sessions(db, q, period);
      // An empty period is a dead end unless the page says where the next matching session is.
      const next = total === 0 ? await repo.nextStart(db, q, period.toInstant) : null;
      const seats = await repo.seatsLeft(
        db,
        rows.map((r) => r.edition.id),
      );
      return {
        body: {
          items: rows.map((r) => toEntry(r, seats.get(r.edition.id) ?? 0)),
          total,
          page: q.page,
          pageSize: q.pageSize,
          nextSessionAt: next ? next.toISOString() : null,
        },
        lastModified: lastModified(rows),
      };
    },

    /** Published paths for the public list, each with how many of its editions are still to come. */
    async publicPaths(q: PublicPathListQuery, lang: Lang) {
      const res = await deps.paths.listPublished(lang, q);
      const upcoming = await repo.upcomingEditionCounts(
        db,
        res.items.map((p) => p.id),
        romeDate(deps.clock.now()),
      );
      return {
        ...res,
        items: res.items.map(({ unitIds: _u, ...p }) => ({
          ...p,
          upcomingEditions: upcoming.get(p.id) ?? 0,
        })),
      };
    },

    async calendarIcs(q: CalendarQuery) {
      const { rows } = await repo.sessions(db, { ...q, page: 1, pageSize: 5000 }, range(q));
      return sessionsCalendar(rows, {
        name: 'Officina — calendario della formazione',
        publicUrl: deps.config.publicUrl,
        includeLinks: false,
      });
    },

    async publicPath(slug: string, lang: Lang) {
      const row = await deps.paths.publishedBySlug(slug);
      const [path] = await deps.paths.toPaths([row], lang);
      if (!path) throw errors.notFound({ it: 'Percorso', en: 'Path' });
      const editions = await deps.editions.toEditions(await repo.publicEditionsOfPath(db, row.id));
      const { unitIds: _u, ...rest } = path;
      return {
        ...rest,
        eligibility: await deps.paths.eligibilityInfo(row, path.serviceModelName, lang),
        editions: editions.map((e) => ({
          id: e.id,
          title: e.title,
          startsOn: e.startsOn,
          endsOn: e.endsOn,
          status: e.status,
          seatsLeft: e.seatsLeft,
          online: e.online,
          venueName: e.venueName,
        })),
      };
    },

    /**
     * A public edition: drafts are not found, online links and trainers' user ids are left out. With a
     * signed-in caller it also says whether they may enrol themselves, or why not.
     */
    async publicEdition(id: number, lang: Lang, ctx?: RequestContext) {
      const row = await deps.editions.findRow(db, id);
      if (!row || !PUBLIC_EDITION_STATUSES.includes(row.status)) throw errors.notFound(EDITION);
      const pathRow = await deps.paths.publishedBySlug(
        (await deps.editions.toEditions([row]))[0]?.pathSlug ?? '',
      );
      const [edition] = await deps.editions.toEditions([row]);
      if (!edition) throw errors.notFound(EDITION);
      const [path] = await deps.paths.toPaths([pathRow], lang);
      const { sessions, trainerIds: _t, trainers, ...rest } = edition;
      return {
        ...rest,
        trainers: trainers.map(({ name }) => ({ name })),
        sessions: sessions.map(({ onlineUrl: _o, trainerId: _tr, ...s }) => s),
        eligibility: await deps.paths.eligibilityInfo(pathRow, path?.serviceModelName ?? null, lang),
        ...(ctx?.actor ? { enrolment: (await deps.enrolment.standing(ctx, id)) ?? undefined } : {}),
      };
    },

    /** Title and description of public pages, for the HTML served to search engines and link previews. */
    async pageMeta(pathname: string): Promise<{ title: string; description: string } | null> {
      const path = /^\/formazione\/percorsi\/([a-z0-9-]+)$/.exec(pathname);
      if (path) {
        const row = await deps.paths.publishedBySlug(path[1] as string);
        return { title: row.title, description: row.summary };
      }
      const edition = /^\/formazione\/edizioni\/(\d+)$/.exec(pathname);
      if (edition) {
        const e = await this.publicEdition(Number(edition[1]), 'it');
        return {
          title: `${e.pathTitle} — ${e.title}`,
          description: `${e.pathTitle}: ${e.title}, dal ${formatRomeDate(e.startsOn)} al ${formatRomeDate(e.endsOn)}. ${e.eligibility.text}`,
        };
      }
      if (pathname === '/formazione/percorsi')
        return {
          title: 'Percorsi formativi',
          description:
            'I percorsi formativi pubblicati del programma per le Province: cerca per ambito, modello di servizio e modalità e trova le prossime edizioni.',
        };
      if (pathname === '/formazione')
        return {
          title: 'Calendario della formazione',
          description: 'Corsi, webinar e seminari del programma di formazione delle Province italiane.',
        };
      return null;
    },

    async feedUrl(ctx: RequestContext) {
      const feed = await repo.feedOf(db, requireActor(ctx).id);
      return { url: feed ? feedUrl(feed.token) : null };
    },

    /** Creates (or replaces) the person's secret feed; the old address stops working at once. */
    async createFeed(ctx: RequestContext) {
      const actor = requireActor(ctx);
      const token = newToken();
      await db.transaction(async (tx) => {
        await repo.replaceFeed(tx, actor.id, token);
        await deps.audit.record(tx, ctx, {
          action: 'calendar_feed.created',
          entityType: 'user',
          entityId: actor.id,
        });
      });
      return { url: feedUrl(token) };
    },

    async deleteFeed(ctx: RequestContext) {
      const actor = requireActor(ctx);
      await db.transaction(async (tx) => {
        await repo.deleteFeed(tx, actor.id);
        await deps.audit.record(tx, ctx, {
          action: 'calendar_feed.revoked',
          entityType: 'user',
          entityId: actor.id,
        });
      });
    },

    async personalIcs(token: string) {
      const userId = await repo.feedOwner(db, token);
      if (!userId) throw errors.notFound({ it: 'Calendario personale', en: 'Personal calendar' });
      const rows = await repo.sessionsOfPerson(db, userId);
      return sessionsCalendar(rows, {
        name: 'Officina — il mio calendario',
        publicUrl: deps.config.publicUrl,
        includeLinks: true,
        platformRooms: deps.config.bbb !== undefined,
      });
    },
  };
}
