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
  /** Editions: days from today, capacity, where, and sessions (day offset, start, end, mode). */
  editions: {
    title: string;
    inDays: number;
    capacity: number;
    venue: string | null;
    unit: string | null;
    sessions: [number, string, string, DeliveryMode][];
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
        title: 'Edizione Piemonte',
        inDays: 10,
        capacity: 30,
        venue: 'Sala consiliare della Provincia di Cuneo',
        unit: '004',
        sessions: [
          [10, '09:30', '13:30', 'webinar'],
          [17, '09:30', '13:30', 'webinar'],
          [24, '09:00', '13:00', 'aula'],
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
    totalHours: 8,
    deliveryModes: ['webinar', 'online'],
    eligibility: 'all',
    competencies: ['Europrogettazione', 'Rendicontazione'],
    modules: [
      { title: 'Orientarsi tra i programmi europei', hours: 4, mode: 'online' },
      { title: 'Dalla proposta alla rendicontazione', hours: 4, mode: 'webinar' },
    ],
    editions: [
      {
        title: 'Edizione online di primavera',
        inDays: 5,
        capacity: 100,
        venue: null,
        unit: null,
        sessions: [
          [5, '14:30', '16:30', 'webinar'],
          [12, '14:30', '16:30', 'webinar'],
        ],
      },
      {
        title: 'Edizione online d’autunno',
        inDays: 60,
        capacity: 100,
        venue: null,
        unit: null,
        sessions: [[60, '10:00', '12:00', 'webinar']],
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
    editions: [
      {
        title: 'Edizione Lombardia',
        inDays: 20,
        capacity: 20,
        venue: 'Palazzo della Provincia di Bergamo',
        unit: '016',
        sessions: [
          [20, '09:00', '17:00', 'aula'],
          [27, '09:00', '13:00', 'affiancamento'],
        ],
      },
    ],
  },
];

/**
 * Published demo paths with editions and sessions in the coming weeks, and a Convenzione for Cuneo;
 * the paths are linked to the published competency framework by their free-text competencies.
 */
export async function seedDemoCatalogue(db: Db, opts: { framework: boolean } = { framework: true }) {
  const unitRows = await db
    .select({ id: territorialUnits.id, code: territorialUnits.istatCode })
    .from(territorialUnits);
  const unitId = (code: string | null) => (code ? (unitRows.find((u) => u.code === code)?.id ?? null) : null);
  const [trainer] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, 'formatore@officina.demo'));
  const today = romeDate(new Date());
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
        const days = e.sessions.map(([d]) => d);
        const [edition] = await tx
          .insert(editions)
          .values({
            pathId: path.id,
            title: e.title,
            startsOn: addDays(today, Math.min(...days)),
            endsOn: addDays(today, Math.max(...days)),
            capacity: e.capacity,
            enrolmentOpensAt: romeInstant(addDays(today, -7)),
            enrolmentClosesAt: romeInstant(addDays(today, Math.min(...days) - 1), '23:59'),
            online: e.venue === null,
            venueName: e.venue,
            venueAddress: e.venue ? 'Corso Nizza 21' : null,
            venueUnitId: unitId(e.unit),
            status: 'published',
          })
          .returning({ id: editions.id });
        if (!edition) continue;
        if (trainer) await tx.insert(editionTrainers).values({ editionId: edition.id, userId: trainer.id });
        await tx.insert(editionSessions).values(
          e.sessions.map(([d, start, end, mode], i) => ({
            editionId: edition.id,
            title: `Incontro ${i + 1}`,
            startsAt: romeInstant(addDays(today, d), start),
            endsAt: romeInstant(addDays(today, d), end),
            mode,
            room: mode === 'aula' ? 'Sala A' : null,
            onlineUrl:
              mode === 'webinar' ? `https://webinar.example.it/officina/${edition.id}-${i + 1}` : null,
            trainerId: trainer?.id ?? null,
          })),
        );
      }
    }
    if (opts.framework) await createLinksRepository().linkByText(tx, pathIds);
  });
}
