import type { Edition, Session } from '../../../../common/catalogue.js';
import type { EditionRow, EditionsRepository, SessionRow } from './editions-repository.js';

/** Sessions, trainers, path and venue of editions, as the repository reads them in one go. */
export type EditionDetails = Awaited<ReturnType<EditionsRepository['details']>>;

/** How the catalogue shows editions and sessions to those who manage them (online links included). */
export function toSession(s: SessionRow, trainerName: string | null): Session {
  return {
    id: s.id,
    editionId: s.editionId,
    title: s.title,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    mode: s.mode,
    room: s.room,
    onlineUrl: s.onlineUrl,
    trainerId: s.trainerId,
    trainerName,
    status: s.status,
    sequence: s.sequence,
  };
}

export function toEditionViews(rows: EditionRow[], d: EditionDetails): Edition[] {
  return rows.map((e) => {
    const path = d.paths.find((p) => p.editionId === e.id);
    const trainers = d.trainers.filter((t) => t.editionId === e.id);
    return {
      id: e.id,
      pathId: e.pathId,
      pathTitle: path?.title ?? '',
      pathSlug: path?.slug ?? '',
      title: e.title,
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      capacity: e.capacity,
      seatsLeft: Math.max(0, path?.seatsLeft ?? e.capacity),
      enrolmentOpensAt: e.enrolmentOpensAt.toISOString(),
      enrolmentClosesAt: e.enrolmentClosesAt.toISOString(),
      online: e.online,
      venueName: e.venueName,
      venueAddress: e.venueAddress,
      venueUnitId: e.venueUnitId,
      venueUnitName: d.venues.find((v) => v.editionId === e.id)?.name ?? null,
      trainerIds: trainers.map((t) => t.id),
      trainers: trainers.map(({ id, name }) => ({ id, name })),
      status: e.status,
      cancelReason: e.cancelReason,
      approvalRequired: e.approvalRequired,
      minAttendancePct: e.minAttendancePct,
      finalTestRequired: e.finalTestRequired,
      cancellationClosesAt: e.cancellationClosesAt?.toISOString() ?? null,
      sessions: d.sessions
        .filter((s) => s.session.editionId === e.id)
        .map((s) => toSession(s.session, s.trainerName)),
      updatedAt: e.updatedAt.toISOString(),
    };
  });
}
