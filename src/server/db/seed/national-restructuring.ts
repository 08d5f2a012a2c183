import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import {
  INTERVENTION_KINDS,
  ISSUE_SEVERITIES,
  type PlanContent,
  PROGRAMMING_KINDS,
  REORG_STATUSES,
} from '../../../common/restructuring.js';
import { addDays } from '../../../common/rome-time.js';
import type { Db } from '../client.js';
import {
  hiringCapacity,
  interventions,
  jobProfiles,
  milestones,
  programmingDocuments,
  reorgPlanEvents,
  reorgPlans,
  reorgPlanVersions,
  roleGrants,
  taskforceAssignments,
  taskforceIssues,
  territorialUnits,
  unitPopulations,
  unitProfiles,
  users,
} from '../schema/index.js';

/** A deterministic stream of numbers in [0, 1) from a seed (mulberry32). */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FUNCTIONS: [string, string, PlanContent['functions'][number]['kind']][] = [
  ['pianificazione', 'Pianificazione territoriale e ambiente', 'fondamentale'],
  ['viabilita', 'Trasporti e strade provinciali', 'fondamentale'],
  ['rete-scolastica', 'Programmazione della rete scolastica', 'fondamentale'],
  ['edilizia-scolastica', 'Edilizia scolastica', 'fondamentale'],
  ['assistenza-enti', 'Assistenza tecnico-amministrativa agli enti locali', 'fondamentale'],
  ['pari-opportunita', 'Pari opportunità', 'fondamentale'],
  ['stazione-appaltante', 'Stazione unica appaltante', 'delegata'],
  ['risorse-umane', 'Risorse umane e organizzazione', 'supporto'],
  ['bilancio', 'Bilancio e ragioneria', 'supporto'],
  ['turismo', 'Promozione turistica', 'non_competenza'],
];

/** A version-4 UUID drawn from the seed, so the same seed gives the same people. */
function uuidFrom(...keys: (string | number)[]) {
  const h = createHash('md5').update(keys.join(':')).digest('hex');
  const variant = '89ab'[Number.parseInt(h.charAt(16), 16) % 4] as string;
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

async function insertInBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/**
 * The task force's work at the programme's real size, for the benchmarks and scale tests: for every
 * territorial unit, eight years of population, a restructuring plan with `versions` validated versions
 * (10 functions × the job profiles) and its status history, six years of hiring-capacity figures, five
 * years of the four programming documents, ~40 interventions, risks and milestones, followed by
 * `members` task force members. Deterministic from `seed`.
 */
export async function seedNationalRestructuring(
  db: Db,
  opts: { seed?: number; versions?: number; members?: number; interventionsPerUnit?: number } = {},
) {
  const rnd = random(opts.seed ?? 2026);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const versions = opts.versions ?? 4;
  const perUnit = opts.interventionsPerUnit ?? 40;
  const units = await db
    .select({ id: territorialUnits.id })
    .from(territorialUnits)
    .orderBy(territorialUnits.id);
  const profiles = (
    await db
      .select({ code: jobProfiles.code })
      .from(jobProfiles)
      .where(eq(jobProfiles.active, true))
      .orderBy(jobProfiles.code)
  ).map((p) => p.code);
  return db.transaction(async (tx) => {
    const members = await tx
      .insert(users)
      .values(
        Array.from({ length: opts.members ?? 12 }, (_, i) => ({
          id: uuidFrom(opts.seed ?? 2026, 'taskforce', i + 1),
          email: `taskforce-${i + 1}@bench.officina.invalid`,
          name: `Componente ${i + 1} Task force`,
        })),
      )
      .returning({ id: users.id });
    await tx.insert(roleGrants).values(members.map((m) => ({ userId: m.id, role: 'task_force' as const })));
    const author = (members[0] as { id: string }).id;

    const populations = [];
    const capacity = [];
    const documents = [];
    const assignments: (typeof taskforceAssignments.$inferInsert)[] = [];
    const logs = [];
    const issues = [];
    const steps = [];
    for (const [k, u] of units.entries()) {
      const base = int(80_000, 3_200_000);
      for (let year = 2019; year <= 2026; year++)
        populations.push({
          unitId: u.id,
          year,
          population: Math.round(base * (1 - (2026 - year) * 0.003)),
          source: 'ISTAT',
        });
      const revenue = base * int(180, 320) * 100;
      for (let year = 2022; year <= 2027; year++)
        capacity.push({
          unitId: u.id,
          year,
          personnelSpendingCents: Math.round(revenue * (0.12 + rnd() * 0.12)),
          revenue1Cents: revenue,
          revenue2Cents: Math.round(revenue * 0.98),
          revenue3Cents: Math.round(revenue * 1.03),
          rendicontoYear: year - 2,
          fcdeCents: Math.round(revenue * 0.03),
          plannedHires: int(0, 40),
          actualHires: int(0, 30),
          source: 'Rendiconti',
        });
      for (let year = 2023; year <= 2027; year++)
        for (const kind of PROGRAMMING_KINDS)
          if (year < 2027 || rnd() < 0.6)
            documents.push({
              unitId: u.id,
              year,
              kind,
              adoptedOn:
                kind === 'dup'
                  ? `${year - 1}-07-${String(int(10, 31)).padStart(2, '0')}`
                  : `${year}-01-${String(int(10, 31)).padStart(2, '0')}`,
              actType: 'delibera_consiliare',
              actNumber: String(int(1, 120)),
              personnelMoney: [0, 1, 2].map((i) => ({ year: year + i, cents: Math.round(revenue * 0.15) })),
            });
      const team = [members[k % members.length], members[(k + 5) % members.length]] as { id: string }[];
      team.forEach((m, i) => {
        assignments.push({ unitId: u.id, userId: m.id, lead: i === 0, assignedBy: author });
      });
      for (let i = 0; i < perUnit; i++) {
        const heldOn = addDays('2024-01-08', Math.floor((i * 1050) / perUnit) + int(0, 20));
        logs.push({
          unitId: u.id,
          kind: pick(INTERVENTION_KINDS),
          heldOn,
          participants: 'Segretario generale; dirigente del personale',
          outcome: 'Esaminata la bozza del piano e le tabelle del personale.',
          nextSteps: 'Completare le linee di fabbisogno per funzione.',
          followUpOn: addDays(heldOn, 14),
          followUpDone: heldOn < '2026-10-01',
          createdBy: (team[0] as { id: string }).id,
        });
      }
      for (let i = 0; i < 5; i++)
        issues.push({
          unitId: u.id,
          kind: i % 2 ? ('criticita' as const) : ('rischio' as const),
          title: `Rischio ${i + 1}: ritardo nell'adozione degli atti`,
          severity: pick(ISSUE_SEVERITIES),
          state: i < 3 ? ('chiusa' as const) : ('aperta' as const),
          createdBy: author,
        });
      for (let i = 0; i < 8; i++)
        steps.push({
          unitId: u.id,
          title: `Tappa ${i + 1} del cronoprogramma`,
          dueOn: addDays('2025-01-15', i * 90),
          doneOn: i < 5 ? addDays('2025-01-10', i * 90) : null,
          createdBy: author,
        });
    }
    await insertInBatches(populations, 1000, (b) => tx.insert(unitPopulations).values(b));
    await insertInBatches(capacity, 500, (b) => tx.insert(hiringCapacity).values(b));
    await insertInBatches(documents, 500, (b) => tx.insert(programmingDocuments).values(b));
    await insertInBatches(assignments, 500, (b) => tx.insert(taskforceAssignments).values(b));
    await insertInBatches(logs, 500, (b) => tx.insert(interventions).values(b));
    await insertInBatches(issues, 500, (b) => tx.insert(taskforceIssues).values(b));
    await insertInBatches(steps, 500, (b) => tx.insert(milestones).values(b));
    await tx
      .insert(unitProfiles)
      .values(units.map((u) => ({ unitId: u.id, staffCount: int(30, 900), staffCountYear: 2026 })));

    const plans = await tx
      .insert(reorgPlans)
      .values(
        units.map((u) => ({ unitId: u.id, status: pick(REORG_STATUSES.slice(1)), currentVersion: versions })),
      )
      .returning({ id: reorgPlans.id, status: reorgPlans.status });
    const rows = [];
    const events: (typeof reorgPlanEvents.$inferInsert)[] = [];
    for (const p of plans) {
      for (let n = 1; n <= versions; n++) {
        const functions = FUNCTIONS.map(([key, name, kind]) => ({ key, name, kind, description: '' }));
        const staffing = functions.flatMap((f) =>
          profiles.map((code) => {
            const planned = int(0, 12);
            return {
              functionKey: f.key,
              jobProfileCode: code,
              planned,
              covered: Math.max(0, planned - int(0, 3)),
              annualCostCents: planned * int(32_000, 58_000) * 100,
            };
          }),
        );
        const content: PlanContent = {
          act: { type: 'decreto_presidenziale', number: String(n * 7), date: `${2022 + n}-03-15` },
          functions,
          staffing,
          notes: '',
        };
        rows.push({
          planId: p.id,
          number: n,
          basedOn: n - 1,
          state: 'validata' as const,
          content,
          summary: `Aggiornamento ${n}`,
          proposedBy: author,
          proposedAt: new Date(`${2022 + n}-02-01T09:00:00Z`),
          decidedBy: author,
          decidedAt: new Date(`${2022 + n}-02-10T09:00:00Z`),
        });
      }
      const path = REORG_STATUSES.slice(0, REORG_STATUSES.indexOf(p.status) + 1);
      path.slice(1).forEach((to, i) => {
        events.push({
          planId: p.id,
          kind: 'status',
          fromStatus: path[i] as string,
          toStatus: to,
          actorId: author,
          at: new Date(Date.UTC(2024, i * 5 + int(0, 3), int(1, 28), 10)),
        });
      });
    }
    await insertInBatches(rows, 100, (b) => tx.insert(reorgPlanVersions).values(b));
    await insertInBatches(events, 500, (b) => tx.insert(reorgPlanEvents).values(b));
    return { units: units.length, plans: plans.length, versions: rows.length, interventions: logs.length };
  });
}
