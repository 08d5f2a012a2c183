import { and, desc, eq, inArray } from 'drizzle-orm';
import type { CampaignDetail } from '../../common/campaigns.js';
import type { DeliveryMode, Edition } from '../../common/catalogue.js';
import type { FrameworkSummary, FrameworkTree } from '../../common/framework.js';
import type { Role } from '../../common/roles.js';
import { addDays, romeDate, romeInstant } from '../../common/rome-time.js';
import {
  campaignParticipants,
  campaigns,
  certificates,
  competencyFrameworks,
  enrolments,
  outbox,
  roleGrants,
  trainingPlanItems,
  trainingPlans,
  users,
} from '../db/schema/index.js';
import type { TestContext } from '../test/app.js';
import {
  baseInput,
  createCampaign,
  fullAnswers,
  openCampaign,
  questionnaireOf,
  unitId,
} from '../test/campaigns.js';
import type { TestClient } from '../test/client.js';

/**
 * The objects the authorisation matrix works on, made through the API (as a national admin) where it
 * can and written straight into the tables where the API has no way in (a confirmed enrolment outside
 * the window, a person with no role yet).
 *
 * Two sides mirror each other: `own` belongs to Cuneo, to its learner (discente.cuneo@) and to
 * editions that the cast's trainer (formatore@) trains; `other` belongs to Bergamo, to its learner
 * (discente.bergamo@) and to editions nobody of the cast trains. A caller tried on both sides shows
 * its scope: a Province officer of Cuneo, the trainer and the learner of Cuneo on their own things
 * and on someone else's.
 */

export const DEMO_PASSWORD = 'Officina-Demo-2026';

export type Person = { id: string; email: string; name: string; unitId: number | null };

export type Side = {
  unitId: number;
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
  /** A draft edition in a month with one session: the catalogue's changes. */
  scratchEdition: { id: number; session: number };
  /** The seeded anonymous survey, closed, with enough answers in Cuneo and Bergamo: gaps and plans. */
  closedCampaign: number;
  /** The seeded named survey of Cuneo and Bergamo, open. */
  namedCampaign: number;
  profile: string;
  /** A competency of the published framework. */
  competency: string;
  agreement: number;
  scratchUnit: number;
  fx: Fixtures;
};

const ok = async (res: { statusCode: number; body: string; json(): unknown }, what: string) => {
  if (res.statusCode >= 300) throw new Error(`fixture ${what}: ${res.statusCode} ${res.body}`);
  return res.json() as Record<string, unknown> & { id: number };
};

let serial = 0;
/** A value no other fixture of the run uses. */
export const fresh = (prefix: string) => `${prefix}-${process.pid}-${++serial}`;

/** An instant `minutes` from now. */
const fromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);
const today = () => romeDate(new Date());
const dayAt = (days: number, time: string) => romeInstant(addDays(today(), days), time);

type SessionSpec = { starts: Date; ends: Date; mode?: DeliveryMode };

export type Fixtures = ReturnType<typeof fixtures>;

/** Factories of fresh objects, for the cases that change what they touch. */
function fixtures(t: TestContext, admin: TestClient) {
  let demoHash: string | null = null;

  const person = async (
    unit: number | null,
    opts: { grants?: { role: Role; unitId: number | null }[]; password?: boolean; jobProfile?: string } = {},
  ): Promise<Person> => {
    demoHash ??= (
      await t.db
        .select({ hash: users.passwordHash })
        .from(users)
        .where(eq(users.email, 'discente.cuneo@officina.demo'))
    )[0]?.hash as string;
    const email = `${fresh('persona')}@example.org`;
    const [row] = await t.db
      .insert(users)
      .values({
        email,
        name: `Persona ${email.split('@')[0]}`,
        unitId: unit,
        jobProfileCode: opts.jobProfile ?? null,
        passwordHash: opts.password ? demoHash : null,
      })
      .returning();
    if (!row) throw new Error('fixture person: insert failed');
    const grants = opts.grants ?? (unit === null ? [] : [{ role: 'learner' as const, unitId: unit }]);
    for (const g of grants) await t.db.insert(roleGrants).values({ userId: row.id, ...g });
    return { id: row.id, email, name: row.name, unitId: unit };
  };

  const byEmail = async (email: string) => {
    const [u] = await t.db.select().from(users).where(eq(users.email, email));
    if (!u) throw new Error(`fixture: no user ${email}`);
    return { id: u.id, email: u.email, name: u.name, unitId: u.unitId, jobProfile: u.jobProfileCode };
  };

  const enrol = async (
    edition: number,
    p: Pick<Person, 'id' | 'unitId'>,
    status: 'confirmed' | 'pending' = 'confirmed',
  ) => {
    const [row] = await t.db
      .insert(enrolments)
      .values({
        editionId: edition,
        userId: p.id,
        unitId: p.unitId,
        status,
        confirmedAt: status === 'confirmed' ? new Date() : null,
      })
      .returning({ id: enrolments.id });
    if (!row) throw new Error('fixture enrolment: insert failed');
    return row.id;
  };

  const editionBody = (sessions: SessionSpec[], over: Record<string, unknown> = {}) => {
    const first = new Date(Math.min(...sessions.map((s) => s.starts.getTime())));
    const last = new Date(Math.max(...sessions.map((s) => s.ends.getTime())));
    const startsOn = romeDate(first);
    // Enrolment opens before the first day and, for editions still ahead, closes when they start.
    const opens = new Date(Math.min(Date.now(), romeInstant(startsOn).getTime()) - 2 * 86_400_000);
    const closes = first.getTime() > Date.now() + 3_600_000 ? first : fromNow(7 * 24 * 60);
    return {
      title: fresh('Edizione'),
      startsOn,
      endsOn: romeDate(last),
      capacity: 100,
      enrolmentOpensAt: opens.toISOString(),
      enrolmentClosesAt: closes.toISOString(),
      online: false,
      venueName: 'Sede di prova',
      venueAddress: 'Via Roma 1',
      venueUnitId: null,
      trainerIds: [] as string[],
      approvalRequired: false,
      minAttendancePct: 75,
      finalTestRequired: false,
      cancellationClosesAt: null,
      ...over,
    };
  };

  const sessionBody = (s: SessionSpec) => ({
    title: fresh('Sessione'),
    startsAt: s.starts.toISOString(),
    endsAt: s.ends.toISOString(),
    mode: s.mode ?? 'aula',
    room: null,
    onlineUrl: s.mode === 'webinar' ? 'https://meet.example.org/officina' : null,
    trainerId: null,
  });

  /** The framework's draft, made from the version in force when there is none. */
  const draftId = async () => {
    const [row] = await t.db
      .select({ id: competencyFrameworks.id })
      .from(competencyFrameworks)
      .where(eq(competencyFrameworks.status, 'draft'));
    return row?.id ?? (await ok(await admin.post('/api/v1/competency-frameworks', {}), 'draft')).id;
  };

  const kept = new Map<string, Promise<unknown>>();

  return {
    person,
    byEmail,
    draftId,

    /** One object per key, made on first use: what the refused calls of a route share. */
    once<T>(key: string, make: () => Promise<T>): Promise<T> {
      if (!kept.has(key)) kept.set(key, make());
      return kept.get(key) as Promise<T>;
    },
    enrol,
    editionBody,
    sessionBody,

    /** A new person with the same unit and roles as a member of the cast, signed in. */
    async twin(email: string) {
      const model = await byEmail(email);
      const grants = await t.db
        .select({ role: roleGrants.role, unitId: roleGrants.unitId })
        .from(roleGrants)
        .where(eq(roleGrants.userId, model.id));
      const p = await person(model.unitId, {
        grants,
        password: true,
        jobProfile: model.jobProfile ?? undefined,
      });
      return t.as(p.email, DEMO_PASSWORD);
    },

    /** An edition through the API: created, given its sessions, and published unless told otherwise. */
    async edition(
      pathId: number,
      sessions: SessionSpec[],
      over: Record<string, unknown> = {},
      publish = true,
    ): Promise<Edition> {
      const e = await ok(
        await admin.post('/api/v1/editions', { pathId, ...editionBody(sessions, over) }),
        'edition',
      );
      for (const s of sessions)
        await ok(await admin.post(`/api/v1/editions/${e.id}/sessions`, sessionBody(s)), 'session');
      if (publish)
        await ok(await admin.post(`/api/v1/editions/${e.id}/status`, { status: 'published' }), 'publish');
      return (await ok(await admin.get(`/api/v1/editions/${e.id}`), 'edition')) as unknown as Edition;
    },

    /** The person's active enrolment in the edition, made confirmed when there is none. */
    async activeEnrolment(edition: number, p: Person) {
      const [row] = await t.db
        .select({ id: enrolments.id })
        .from(enrolments)
        .where(
          and(
            eq(enrolments.editionId, edition),
            eq(enrolments.userId, p.id),
            inArray(enrolments.status, ['pending', 'confirmed', 'waitlisted']),
          ),
        );
      return row?.id ?? enrol(edition, p);
    },

    /** The enrolment's valid certificate; a revoked one is reissued first. */
    async certificate(enrolment: number): Promise<{ id: number; code: string }> {
      const rows = await t.db
        .select({ id: certificates.id, code: certificates.code, revokedAt: certificates.revokedAt })
        .from(certificates)
        .where(eq(certificates.enrolmentId, enrolment))
        .orderBy(desc(certificates.id));
      const valid = rows.find((r) => r.revokedAt === null);
      if (valid) return valid;
      if (!rows[0]) throw new Error(`fixture: enrolment ${enrolment} has no certificate`);
      const c = await ok(await admin.post(`/api/v1/certificates/${rows[0].id}/reissue`), 'reissue');
      return { id: c.id, code: c.code as string };
    },

    /** A new unsigned logbook entry of the side's enrolment, written by its learner. */
    async entry(side: Pick<Side, 'enrolment' | 'learnerClient'>) {
      const e = await ok(
        await side.learnerClient.post(`/api/v1/enrolments/${side.enrolment}/logbook`, logbookDay()),
        'logbook entry',
      );
      return e.id;
    },

    /** A campaign of the unit, named; opened when asked. */
    async campaign(unit: number, opts: { open?: boolean; managerAssessment?: boolean } = {}) {
      const c = await createCampaign(
        admin,
        baseInput({
          title: { it: fresh('Rilevazione'), en: fresh('Survey') },
          unitIds: [unit],
          opensOn: addDays(today(), -1),
          managerAssessment: opts.managerAssessment ?? false,
        }),
      );
      if (opts.open) await openCampaign(admin, c.id);
      return c.id;
    },

    /** The answers a questionnaire needs, as the invited person sees it. */
    async answers(client: TestClient, campaign: number) {
      return fullAnswers(await questionnaireOf(client, campaign));
    },

    async publishedFramework() {
      const [row] = await t.db
        .select({ id: competencyFrameworks.id })
        .from(competencyFrameworks)
        .where(eq(competencyFrameworks.status, 'published'));
      if (!row) throw new Error('fixture: no published framework');
      return row.id;
    },

    /** The framework's draft as a tree. */
    async draft(): Promise<FrameworkTree> {
      const id = await draftId();
      return (await ok(
        await admin.get(`/api/v1/competency-frameworks/${id}`),
        'draft',
      )) as unknown as FrameworkTree;
    },

    /** No draft of the framework: a new one may be made. */
    async noDraft() {
      const list = (await ok(await admin.get('/api/v1/competency-frameworks'), 'frameworks')) as unknown as {
        items: FrameworkSummary[];
      };
      for (const f of list.items.filter((x) => x.status === 'draft'))
        await ok(await admin.delete(`/api/v1/competency-frameworks/${f.id}`), 'delete draft');
    },

    /** The side's training plan of the closed survey, in the status asked, with its version and lines. */
    async plan(w: World, unit: number, status?: 'draft' | 'approved') {
      const read = async () =>
        (
          await t.db
            .select({ id: trainingPlans.id, status: trainingPlans.status, version: trainingPlans.version })
            .from(trainingPlans)
            .where(and(eq(trainingPlans.campaignId, w.closedCampaign), eq(trainingPlans.unitId, unit)))
        )[0];
      let plan = await read();
      if (!plan) {
        await ok(
          await admin.post('/api/v1/training-plans', { campaignId: w.closedCampaign, unitId: unit }),
          'plan',
        );
        plan = await read();
      }
      if (!plan) throw new Error('fixture: no plan');
      if (status && plan.status !== status) {
        const step = status === 'approved' ? 'approve' : 'reopen';
        await ok(
          await admin.post(`/api/v1/training-plans/${plan.id}/${step}`, { version: plan.version }),
          `plan ${step}`,
        );
        plan = (await read()) ?? plan;
      }
      const items = await t.db
        .select({ id: trainingPlanItems.id, pathId: trainingPlanItems.pathId })
        .from(trainingPlanItems)
        .where(eq(trainingPlanItems.planId, plan.id))
        .orderBy(trainingPlanItems.position);
      return { ...plan, items };
    },

    /** Removes the side's plan, so that it can be drawn again. */
    async dropPlan(w: World, unit: number) {
      const plans = await t.db
        .select({ id: trainingPlans.id })
        .from(trainingPlans)
        .where(and(eq(trainingPlans.campaignId, w.closedCampaign), eq(trainingPlans.unitId, unit)));
      for (const p of plans) {
        await t.db.delete(trainingPlanItems).where(eq(trainingPlanItems.planId, p.id));
        await t.db.delete(trainingPlans).where(eq(trainingPlans.id, p.id));
      }
    },

    /** Removes a path's line from a plan, so that it can be added again. */
    async dropLine(plan: number, path: number) {
      await t.db
        .delete(trainingPlanItems)
        .where(and(eq(trainingPlanItems.planId, plan), eq(trainingPlanItems.pathId, path)));
    },

    /** A password-reset token of a new person, read from the e-mail that carries it. */
    async resetToken() {
      const p = await person(null, { password: true });
      await ok(await t.client().post('/api/v1/auth/password-reset', { email: p.email }), 'password reset');
      const [mail] = await t.db
        .select({ body: outbox.textBody })
        .from(outbox)
        .where(eq(outbox.toAddress, p.email))
        .orderBy(desc(outbox.id))
        .limit(1);
      const token = /token=([\w-]+)/.exec(mail?.body ?? '')?.[1];
      if (!token) throw new Error('fixture: no reset link');
      return token;
    },

    /** A new draft path through the API. */
    async draftPath() {
      return (await ok(await admin.post('/api/v1/training-paths', pathBody()), 'path')).id;
    },
  };
}

/** A training path open to all, with one module. */
export const pathBody = () => ({
  title: fresh('Percorso'),
  summary: 'Un percorso per la matrice delle autorizzazioni.',
  domainCode: 'gestionale',
  serviceModelCode: null,
  level: 'base',
  totalHours: 8,
  deliveryModes: ['aula', 'webinar', 'affiancamento'],
  modules: [{ title: 'Modulo unico', hours: 8, mode: 'aula' }],
});

/** A logbook day within the side editions' affiancamento (two days ago). */
export const logbookDay = () => ({
  day: addDays(today(), -2),
  minutes: 60,
  activities: 'Affiancamento all’ufficio gare',
});

async function side(
  t: TestContext,
  admin: TestClient,
  fx: Fixtures,
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
    learner,
    learnerClient,
    edition,
    enrolment,
    entry,
    checkin,
    spare,
    done: { edition: past.id, enrolment: doneEnrolment },
    campaign: { draft, open, participant: participant?.id as number, answering },
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
  const fx = fixtures(t, admin);
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
  const scratch = await fx.edition(
    path.id,
    [{ starts: dayAt(30, '09:00'), ends: dayAt(30, '13:00') }],
    {},
    false,
  );

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
    scratchEdition: { id: scratch.id, session: scratch.sessions[0]?.id as number },
    closedCampaign,
    namedCampaign,
    profile,
    competency,
    agreement,
    scratchUnit,
    fx,
  };
  for (const s of [own, other]) await fx.plan(world, s.unitId);
  return world;
}

let unitCodes = 800;
/** A territorial unit with ISTAT codes no real one has. */
export const unitBody = () => {
  const code = String(unitCodes++);
  return {
    istatCode: code,
    provinceCode: code,
    name: fresh('Unità di prova'),
    sigla: 'ZZ',
    regionCode: '01',
    regionName: 'Piemonte',
    unitType: 'provincia',
    regionStatute: 'ordinario',
    programmePhase: null,
    validFrom: null,
    validTo: null,
  };
};

export type { CampaignDetail };
