import { and, eq } from 'drizzle-orm';
import type { DeliveryMode } from '../../common/catalogue.js';
import { campaignParticipants, campaigns } from '../db/schema/index.js';
import type { TestContext } from '../test/app.js';
import { unitId } from '../test/campaigns.js';
import type { TestClient } from '../test/client.js';
import { createFactories, type Factories } from './factories.js';
import { DEMO_PASSWORD, dayAt, fresh, fromNow, ok, type Person, pathBody, unitBody } from './fixtures.js';

/**
 * The objects the authorisation matrix works on, made once per file through the API as a national
 * admin (see factories.ts for the fresh ones single cases need).
 *
 * Two sides mirror each other: `own` belongs to Cuneo, to its learner (discente.cuneo@) and to
 * editions that the cast's trainer (formatore@) trains; `other` belongs to Bergamo, to its learner
 * (discente.bergamo@) and to editions nobody of the cast trains. A caller tried on both sides shows
 * its scope: a Province officer of Cuneo, the trainer and the learner of Cuneo on their own things
 * and on someone else's.
 */

export type Side = {
  unitId: number;
  /** Who trains the side's editions: the cast's trainer (own), nobody (other). */
  trainerIds: string[];
  learner: Person;
  /** The learner's own client, for what only the person can do (logbook entries, answers). */
  learnerClient: TestClient;
  /**
   * A published edition going on now: an affiancamento two days ago, a webinar yesterday, a
   * session running now and one in ten days. The learner holds a confirmed enrolment.
   */
  edition: { id: number; coaching: number; webinar: number; now: number; later: number };
  enrolment: number;
  /** An unsigned logbook entry of that enrolment. */
  entry: number;
  /** The check-in token of the session running now. */
  checkin: string;
  /** A second published edition in three weeks, same trainers: cancellations and moves land there. */
  spare: number;
  /** A completed edition the learner attended in full: it holds the learner's certificate. */
  done: { edition: number; enrolment: number };
  campaign: {
    /** A draft for the side's unit. */
    draft: number;
    /** Open, named, with the officer's assessment; the learner has submitted. */
    open: number;
    participant: number;
    /** Open, nobody has answered yet. */
    answering: number;
  };
  /** Invited by the admin, not activated yet. */
  invitee: Person;
  /** A draft edition in a month with one session, same trainers: the catalogue's changes. */
  scratch: { id: number; session: number };
};

export type World = {
  own: Side;
  other: Side;
  admin: TestClient;
  /** A published path open to all, and the editions scheduled from it below. */
  path: { id: number; slug: string };
  /** Open for enrolment now, no trainer: self-enrolment and nominations. */
  openEdition: number;
  /** Open for enrolment now, requests wait for the officer's approval. */
  approvalEdition: number;
  /** The seeded anonymous survey, closed, with enough answers in Cuneo and Bergamo: gaps and plans. */
  closedCampaign: number;
  /** The seeded named survey of Cuneo and Bergamo, open. */
  namedCampaign: number;
  profile: string;
  /** A competency of the published framework. */
  competency: string;
  agreement: number;
  scratchUnit: number;
  fx: Factories;
};

async function side(
  t: TestContext,
  admin: TestClient,
  fx: Factories,
  path: number,
  spec: { unit: string; learner: string; trainers: string[] },
): Promise<Side> {
  const unit = await unitId(t.db, spec.unit);
  const learner = await fx.byEmail(spec.learner);
  const learnerClient = await t.as(spec.learner, DEMO_PASSWORD);
  const trainerIds = spec.trainers;

  const e = await fx.edition(
    path,
    [
      { starts: dayAt(-2, '09:00'), ends: dayAt(-2, '17:00'), mode: 'affiancamento' },
      { starts: dayAt(-1, '09:00'), ends: dayAt(-1, '11:00'), mode: 'webinar' },
      { starts: fromNow(-60), ends: fromNow(120) },
      { starts: dayAt(10, '09:00'), ends: dayAt(10, '13:00') },
    ],
    { trainerIds },
  );
  const sessionOf = (mode: DeliveryMode, when: (d: Date) => boolean) => {
    const s = e.sessions.find((x) => x.mode === mode && when(new Date(x.startsAt)));
    if (!s) throw new Error(`fixture: no ${mode} session`);
    return s.id;
  };
  const now = Date.now();
  const edition = {
    id: e.id,
    coaching: sessionOf('affiancamento', () => true),
    webinar: sessionOf('webinar', () => true),
    now: sessionOf('aula', (d) => d.getTime() < now),
    later: sessionOf('aula', (d) => d.getTime() > now),
  };
  const enrolment = await fx.enrol(e.id, learner);
  const entry = await fx.entry({ enrolment, learnerClient });
  const checkin = (await ok(await admin.post(`/api/v1/sessions/${edition.now}/checkin-code`), 'checkin code'))
    .token as string;

  const spare = (
    await fx.edition(path, [{ starts: dayAt(21, '09:00'), ends: dayAt(21, '13:00') }], { trainerIds })
  ).id;

  // A completed edition: the learner attended its only session in full, so completing it certifies.
  const past = await fx.edition(
    path,
    [{ starts: dayAt(-10, '09:00'), ends: dayAt(-10, '11:00'), mode: 'webinar' }],
    {
      trainerIds,
    },
  );
  const doneEnrolment = await fx.enrol(past.id, learner);
  await ok(
    await admin.put(`/api/v1/sessions/${past.sessions[0]?.id}/register`, {
      entries: [{ userId: learner.id, present: true, lateMinutes: 0, leftEarlyMinutes: 0 }],
    }),
    'register',
  );
  await ok(await admin.post(`/api/v1/editions/${past.id}/status`, { status: 'completed' }), 'complete');
  await fx.certificate(doneEnrolment);

  const draft = await fx.campaign(unit);
  const open = await fx.campaign(unit, { open: true, managerAssessment: true });
  await ok(
    await learnerClient.post(`/api/v1/my-campaigns/${open}/submit`, await fx.answers(learnerClient, open)),
    'submit',
  );
  const [participant] = await t.db
    .select({ id: campaignParticipants.id })
    .from(campaignParticipants)
    .where(and(eq(campaignParticipants.campaignId, open), eq(campaignParticipants.userId, learner.id)));
  const answering = await fx.campaign(unit, { open: true });
  const scratch = await fx.edition(
    path,
    [{ starts: dayAt(30, '09:00'), ends: dayAt(30, '13:00') }],
    { trainerIds },
    false,
  );

  const invited = await ok(
    await admin.post('/api/v1/users', {
      email: `${fresh('invitato')}@example.org`,
      name: 'Persona Invitata',
      unitId: unit,
    }),
    'invitation',
  );

  return {
    unitId: unit,
    trainerIds,
    learner,
    learnerClient,
    edition,
    enrolment,
    entry,
    checkin,
    spare,
    done: { edition: past.id, enrolment: doneEnrolment },
    campaign: { draft, open, participant: participant?.id as number, answering },
    scratch: { id: scratch.id, session: scratch.sessions[0]?.id as number },
    invitee: {
      id: String(invited.id),
      email: invited.email as string,
      name: invited.name as string,
      unitId: unit,
    },
  };
}

/** Builds the world once per file, on the demo cast with its history (surveys, a past edition). */
export async function buildWorld(t: TestContext): Promise<World> {
  const admin = await t.as('admin@officina.demo', DEMO_PASSWORD);
  const fx = createFactories(t, admin);
  const p = await ok(await admin.post('/api/v1/training-paths', pathBody()), 'path');
  await ok(
    await admin.post(`/api/v1/training-paths/${p.id}/status`, { status: 'published' }),
    'publish path',
  );
  const path = { id: p.id, slug: p.slug as string };
  const trainer = await fx.byEmail('formatore@officina.demo');

  const own = await side(t, admin, fx, path.id, {
    unit: '004',
    learner: 'discente.cuneo@officina.demo',
    trainers: [trainer.id],
  });
  const other = await side(t, admin, fx, path.id, {
    unit: '016',
    learner: 'discente.bergamo@officina.demo',
    trainers: [],
  });

  const ahead = [{ starts: dayAt(15, '09:00'), ends: dayAt(15, '13:00') }];
  const openEdition = (await fx.edition(path.id, ahead)).id;
  const approvalEdition = (await fx.edition(path.id, ahead, { approvalRequired: true })).id;

  const seeded = await t.db
    .select({ id: campaigns.id, status: campaigns.status, anonymous: campaigns.anonymous })
    .from(campaigns);
  const closedCampaign = seeded.find((c) => c.status === 'closed' && c.anonymous)?.id;
  const namedCampaign = seeded.find((c) => c.status === 'open' && !c.anonymous)?.id;
  if (!closedCampaign || !namedCampaign) throw new Error('fixture: the seeded surveys are missing');

  const profile = 'funzionario-amministrativo';
  const view = await ok(await admin.get(`/api/v1/job-profiles/${profile}/expectations`), 'expectations');
  const competency = (view.domains as { areas: { competencies: { code: string }[] }[] }[])[0]?.areas[0]
    ?.competencies[0]?.code;
  if (!competency) throw new Error('fixture: no competency');

  const agreements = await ok(await admin.get('/api/v1/agreements'), 'agreements');
  const agreement = (agreements.items as { id: number }[])[0]?.id;
  if (!agreement) throw new Error('fixture: no agreement');
  const scratchUnit = (await ok(await admin.post('/api/v1/units', unitBody()), 'unit')).id;

  const world: World = {
    own,
    other,
    admin,
    path,
    openEdition,
    approvalEdition,
    closedCampaign,
    namedCampaign,
    profile,
    competency,
    agreement,
    scratchUnit,
    fx,
  };
  for (const s of [own, other]) await fx.plan(closedCampaign, s.unitId);
  return world;
}
