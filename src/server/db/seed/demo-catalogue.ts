import { eq } from 'drizzle-orm';
import type { DeliveryMode, PathInput } from '../../../common/catalogue.js';
import { addDays, romeDate, romeInstant } from '../../../common/rome-time.js';
import { createLinksRepository } from '../../modules/assessment/framework/links-repository.js';
import type { Db } from '../client.js';
import {
  agreements,
  editionSessions,
  editions,
  editionTrainers,
  pathModules,
  territorialUnits,
  trainingPaths,
  users,
} from '../schema/index.js';
import { demoEditionTitle, type PlannedSession, scheduleSessions } from './demo-schedule.js';

/** A classroom: its name, its address and the Province it is in (ISTAT code), which names the edition. */
export type DemoVenue = { name: string; address: string; unit: string; city: string };

export const CUNEO_VENUE: DemoVenue = {
  name: 'Sala consiliare della Provincia di Cuneo',
  address: 'Corso Nizza 21, 12100 Cuneo',
  unit: '004',
  city: 'Cuneo',
};

export const BERGAMO_VENUE: DemoVenue = {
  name: 'Palazzo della Provincia di Bergamo',
  address: 'Via Torquato Tasso 8, 24121 Bergamo',
  unit: '016',
  city: 'Bergamo',
};

type DemoPath = {
  slug: string;
  title: string;
  summary: string;
  objectives: string;
  domainCode: string;
  serviceModelCode: string | null;
  level: PathInput['level'];
  totalHours: number;
  deliveryModes: DeliveryMode[];
  eligibility: PathInput['eligibility'];
  competencies: string[];
  modules: { title: string; hours: number; mode: DeliveryMode }[];
  /**
   * Editions: their number within the path (in date order, the past demo edition included), where they
   * are held, and their sessions in days from today (moved to working days by `scheduleSessions`).
   */
  editions: {
    number: number;
    capacity: number;
    venue: DemoVenue | null;
    approvalRequired?: boolean;
    sessions: PlannedSession[];
  }[];
};

const PATHS: DemoPath[] = [
  {
    slug: 'appalti-pubblici-nuovo-codice',
    title: 'Appalti pubblici: il nuovo codice dei contratti',
    summary:
      'Il D.Lgs. 36/2023 per chi lavora nella Stazione Unica Appaltante: programmazione, affidamenti, digitalizzazione del ciclo di vita dei contratti.',
    objectives:
      'Applicare le nuove regole di affidamento; usare le piattaforme di approvvigionamento digitale certificate; inserire i criteri ambientali minimi negli atti di gara.',
    domainCode: 'giuridico-amministrativo',
    serviceModelCode: 'SUA',
    level: 'intermedio',
    totalHours: 12,
    deliveryModes: ['webinar', 'aula'],
    eligibility: 'agreement',
    competencies: ['Procedure di affidamento', 'E-procurement', 'CAM'],
    modules: [
      { title: 'Principi e programmazione', hours: 4, mode: 'webinar' },
      { title: 'Affidamenti e digitalizzazione', hours: 4, mode: 'webinar' },
      { title: 'Laboratorio sugli atti di gara', hours: 4, mode: 'aula' },
    ],
    editions: [
      {
        // The Cuneo officer approves her staff's requests: the demo seeds two waiting for her.
        number: 1,
        capacity: 30,
        venue: CUNEO_VENUE,
        approvalRequired: true,
        sessions: [
          { inDays: 10, start: '09:30', end: '13:30', mode: 'webinar' },
          { inDays: 17, start: '09:30', end: '13:30', mode: 'webinar' },
          { inDays: 24, start: '09:00', end: '13:00', mode: 'aula' },
        ],
      },
    ],
  },
  {
    slug: 'fondi-europei-progettazione',
    title: 'Progettare con i fondi europei',
    summary:
      'Dalla lettura dei bandi alla rendicontazione: il lavoro del Servizio Associato Politiche Europee per i Comuni del territorio.',
    objectives:
      'Individuare le opportunità di finanziamento; scrivere una proposta; gestire e rendicontare un progetto.',
    domainCode: 'gestionale',
    serviceModelCode: 'SAPE',
    level: 'base',
    totalHours: 4,
    deliveryModes: ['webinar'],
    eligibility: 'all',
    competencies: ['Europrogettazione', 'Rendicontazione'],
    modules: [
      { title: 'Orientarsi tra i programmi europei', hours: 2, mode: 'webinar' },
      { title: 'Dalla proposta alla rendicontazione', hours: 2, mode: 'webinar' },
    ],
    // Edition 1 is the past one of the demo history (demo-training.ts).
    editions: [
      {
        number: 2,
        capacity: 100,
        venue: null,
        sessions: [
          { inDays: 5, start: '14:30', end: '16:30', mode: 'webinar' },
          { inDays: 12, start: '14:30', end: '16:30', mode: 'webinar' },
        ],
      },
      {
        // Both modules in one morning.
        number: 3,
        capacity: 100,
        venue: null,
        sessions: [{ inDays: 60, start: '09:00', end: '13:00', mode: 'webinar' }],
      },
    ],
  },
  {
    slug: 'dati-territoriali-servizi-digitali',
    title: 'Dati territoriali e servizi digitali per i Comuni',
    summary:
      'Servizi Innovativi Territoriali: come la Provincia raccoglie, pubblica e mette a disposizione dei Comuni i dati del territorio.',
    objectives:
      'Organizzare un catalogo di dati aperti; progettare un servizio digitale condiviso con i Comuni.',
    domainCode: 'tecnologico',
    serviceModelCode: 'SIT',
    level: 'avanzato',
    totalHours: 16,
    deliveryModes: ['aula', 'affiancamento'],
    eligibility: 'all',
    competencies: ['Open data', 'Interoperabilità'],
    modules: [
      { title: 'Dati aperti e interoperabilità', hours: 8, mode: 'aula' },
      { title: 'Affiancamento sul progetto della Provincia', hours: 8, mode: 'affiancamento' },
    ],
    // Edition 1 is the one under way in Cuneo in the demo history (demo-training.ts).
    editions: [
      {
        number: 2,
        capacity: 20,
        venue: BERGAMO_VENUE,
        sessions: [
          { inDays: 20, start: '09:00', end: '17:00', mode: 'aula' },
          { inDays: 27, start: '09:00', end: '17:00', mode: 'affiancamento' },
        ],
      },
    ],
  },
];

/** Where an edition is held, as its title says it: the venue's city, or "online". */
export const placeOf = (venue: DemoVenue | null) => venue?.city ?? 'online';

/**
 * Published demo paths with editions and sessions in the coming weeks (on working days, each edition
 * named after its place and month, its sessions adding up to the path's hours), and a Convenzione for
 * Cuneo; the paths are linked to the published competency framework by their free-text competencies.
 */
export async function seedDemoCatalogue(db: Db, opts: { framework?: boolean; now?: Date } = {}) {
  const unitRows = await db
    .select({ id: territorialUnits.id, code: territorialUnits.istatCode })
    .from(territorialUnits);
  const unitId = (code: string | null) => (code ? (unitRows.find((u) => u.code === code)?.id ?? null) : null);
  const [trainer] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'formatore@officina.demo'));
  const today = romeDate(opts.now ?? new Date());
  await db.transaction(async (tx) => {
    const pathIds: number[] = [];
    const cuneo = unitId('004');
    if (cuneo)
      await tx.insert(agreements).values({
        unitId: cuneo,
        serviceModelCode: 'SUA',
        signedOn: addDays(today, -120),
        actReference: 'Decreto del Presidente n. 42',
        validFrom: addDays(today, -120),
        validTo: null,
      });
    for (const p of PATHS) {
      const { editions: eds, modules, ...values } = p;
      const [path] = await tx
        .insert(trainingPaths)
        .values({ ...values, status: 'published' })
        .returning({ id: trainingPaths.id });
      if (!path) continue;
      pathIds.push(path.id);
      await tx
        .insert(pathModules)
        .values(modules.map((m, position) => ({ ...m, position, pathId: path.id, description: '' })));
      for (const e of eds) {
        const sessions = scheduleSessions(today, e.sessions);
        const first = sessions[0]?.day as string;
        const last = sessions[sessions.length - 1]?.day as string;
        const [edition] = await tx
          .insert(editions)
          .values({
            pathId: path.id,
            title: demoEditionTitle(e.number, placeOf(e.venue), first),
            startsOn: first,
            endsOn: last,
            capacity: e.capacity,
            enrolmentOpensAt: romeInstant(addDays(today, -7)),
            enrolmentClosesAt: romeInstant(addDays(first, -1), '23:59'),
            online: e.venue === null,
            venueName: e.venue?.name ?? null,
            venueAddress: e.venue?.address ?? null,
            venueUnitId: unitId(e.venue?.unit ?? null),
            approvalRequired: e.approvalRequired ?? false,
            status: 'published',
          })
          .returning({ id: editions.id });
        if (!edition) continue;
        if (trainer) await tx.insert(editionTrainers).values({ editionId: edition.id, userId: trainer.id });
        await tx.insert(editionSessions).values(
          sessions.map((s, i) => ({
            editionId: edition.id,
            title: `Incontro ${i + 1}`,
            startsAt: romeInstant(s.day, s.start),
            endsAt: romeInstant(s.day, s.end),
            mode: s.mode,
            room: s.mode === 'aula' ? 'Sala A' : null,
            onlineUrl:
              s.mode === 'webinar' ? `https://webinar.example.it/officina/${edition.id}-${i + 1}` : null,
            trainerId: trainer?.id ?? null,
          })),
        );
      }
    }
    if (opts.framework !== false) await createLinksRepository().linkByText(tx, pathIds);
  });
}
