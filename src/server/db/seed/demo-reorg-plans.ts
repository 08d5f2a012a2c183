import { inArray, sql } from 'drizzle-orm';
import type { PlanContent, ReorgStatus } from '../../../common/restructuring.js';
import type { Db } from '../client.js';
import { reorgPlanEvents, reorgPlans, reorgPlanVersions, territorialUnits, users } from '../schema/index.js';

type Line = [fn: string, profile: string, planned: number, covered: number, euro: number];

const content = (
  act: PlanContent['act'],
  functions: [key: string, name: string, kind: PlanContent['functions'][number]['kind']][],
  lines: Line[],
  notes = '',
): PlanContent => ({
  act,
  functions: functions.map(([key, name, kind]) => ({ key, name, kind, description: '' })),
  staffing: lines.map(([functionKey, jobProfileCode, planned, covered, euro]) => ({
    functionKey,
    jobProfileCode,
    planned,
    covered,
    annualCostCents: euro * 100,
  })),
  notes,
});

const FUNCTIONS: [string, string, PlanContent['functions'][number]['kind']][] = [
  ['viabilita', 'Viabilità e strade provinciali', 'fondamentale'],
  ['edilizia-scolastica', 'Edilizia scolastica', 'fondamentale'],
  ['ambiente', 'Tutela e valorizzazione dell’ambiente', 'fondamentale'],
  ['sua', 'Stazione unica appaltante', 'supporto'],
  ['turismo', 'Promozione turistica', 'delegata'],
];
const LINES: Line[] = [
  ['viabilita', 'funzionario-tecnico', 12, 9, 540_000],
  ['viabilita', 'operatore', 30, 26, 990_000],
  ['edilizia-scolastica', 'funzionario-tecnico', 6, 5, 270_000],
  ['ambiente', 'istruttore-tecnico', 8, 6, 288_000],
  ['sua', 'funzionario-amministrativo', 4, 4, 180_000],
  ['turismo', 'istruttore-amministrativo', 3, 1, 105_000],
];

/** One plan of the demo: its versions (the last may be pending) and the statuses it went through. */
type DemoPlan = {
  unit: string;
  status: ReorgStatus;
  proposer: string;
  versions: { content: PlanContent; summary: string; on: string; pending?: true }[];
  statuses: [to: ReorgStatus, on: string][];
};

const act = (type: 'decreto_presidenziale' | 'delibera_consiliare', number: string, date: string) => ({
  type,
  number,
  date,
});

const PLANS: DemoPlan[] = [
  {
    unit: '004',
    status: 'adottato',
    proposer: 'referente.cuneo@officina.demo',
    versions: [
      {
        content: content(act('decreto_presidenziale', '45', '2026-04-15'), FUNCTIONS, LINES),
        summary: 'Prima stesura del piano: funzioni fondamentali, SUA e turismo delegato.',
        on: '2026-03-20T10:00:00Z',
      },
      {
        content: content(
          act('decreto_presidenziale', '45', '2026-04-15'),
          [...FUNCTIONS, ['informatica', 'Sistemi informativi e transizione digitale', 'supporto']],
          [
            ...LINES.map(
              (l): Line =>
                l[0] === 'viabilita' && l[1] === 'funzionario-tecnico' ? [l[0], l[1], 14, 9, 630_000] : l,
            ),
            ['informatica', 'funzionario-informatico', 3, 1, 135_000],
          ],
        ),
        summary:
          'Nuova funzione di supporto per la transizione digitale; due funzionari tecnici in più sulla viabilità.',
        on: '2026-10-05T09:00:00Z',
        pending: true,
      },
    ],
    statuses: [
      ['in_predisposizione', '2026-03-20T10:00:00Z'],
      ['adottato', '2026-04-20T08:30:00Z'],
    ],
  },
  {
    unit: '016',
    status: 'in_predisposizione',
    proposer: 'referente.bergamo@officina.demo',
    versions: [
      {
        content: content(null, FUNCTIONS.slice(0, 3), LINES.slice(0, 4)),
        summary: 'Bozza delle funzioni fondamentali.',
        on: '2026-09-12T14:00:00Z',
        pending: true,
      },
    ],
    statuses: [['in_predisposizione', '2026-09-12T14:00:00Z']],
  },
  ...(
    [
      ['017', 'verificato', 'delibera_consiliare', '2026-02-10'],
      ['028', 'trasmesso', 'decreto_presidenziale', '2026-05-04'],
      ['042', 'adottato', 'decreto_presidenziale', '2026-06-22'],
      ['090', 'da_aggiornare', 'delibera_consiliare', '2025-12-01'],
    ] as const
  ).map(([unit, status, type, date], i): DemoPlan => {
    const path: ReorgStatus[] = ['in_predisposizione', 'adottato', 'trasmesso', 'verificato'];
    const upTo = status === 'da_aggiornare' ? 4 : path.indexOf(status) + 1;
    const statuses = path
      .slice(0, upTo)
      .map((s, k): [ReorgStatus, string] => [
        s,
        new Date(Date.parse(`${date}T09:00:00Z`) + (k - 1) * 20 * 86_400_000).toISOString(),
      ]);
    if (status === 'da_aggiornare') statuses.push(['da_aggiornare', '2026-09-30T09:00:00Z']);
    return {
      unit,
      status,
      proposer: 'taskforce@officina.demo',
      versions: [
        {
          content: content(
            act(type, String(10 + i * 7), date),
            FUNCTIONS.slice(0, 4),
            LINES.slice(0, 5).map((l): Line => [l[0], l[1], l[2] + i, l[3], l[4] + i * 10_000]),
          ),
          summary: 'Piano adottato.',
          on: statuses[0]?.[1] ?? `${date}T09:00:00Z`,
        },
      ],
      statuses,
    };
  }),
];

/**
 * The demo's restructuring plans: Cuneo adopted with a proposal waiting for the task force, Bergamo
 * in preparation, a few others adopted, transmitted, verified or to be updated, so the national map
 * has colours. Skipped when plans exist already.
 */
export async function seedDemoReorgPlans(db: Db) {
  const [any] = await db.select({ n: sql<number>`count(*)` }).from(reorgPlans);
  if (Number(any?.n ?? 0) > 0) return;
  const unitRows = await db
    .select({ id: territorialUnits.id, code: territorialUnits.istatCode })
    .from(territorialUnits)
    .where(
      inArray(
        territorialUnits.istatCode,
        PLANS.map((p) => p.unit),
      ),
    );
  const people = await db
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(inArray(users.email, ['taskforce@officina.demo', ...PLANS.map((p) => p.proposer)]));
  const idOf = (email: string) => people.find((p) => p.email === email)?.id;
  const taskForce = idOf('taskforce@officina.demo');
  if (!taskForce) return;

  await db.transaction(async (tx) => {
    for (const p of PLANS) {
      const unitId = unitRows.find((u) => u.code === p.unit)?.id;
      const proposer = idOf(p.proposer) ?? taskForce;
      if (!unitId) continue;
      const validated = p.versions.filter((v) => !v.pending).length;
      const last = p.statuses[p.statuses.length - 1]?.[1] ?? '2026-01-01T00:00:00Z';
      const [plan] = await tx
        .insert(reorgPlans)
        .values({
          unitId,
          status: p.status,
          currentVersion: validated,
          revision: 1 + p.statuses.length + validated,
          createdAt: new Date(p.versions[0]?.on ?? last),
          updatedAt: new Date(p.versions[p.versions.length - 1]?.on ?? last),
        })
        .returning({ id: reorgPlans.id });
      if (!plan) throw new Error('demo seed: reorg plan insert failed');
      const events: (typeof reorgPlanEvents.$inferInsert)[] = [];
      let number = 0;
      for (const v of p.versions) {
        number += 1;
        const on = new Date(v.on);
        const decidedAt = new Date(on.getTime() + 5 * 86_400_000);
        await tx.insert(reorgPlanVersions).values({
          planId: plan.id,
          number,
          basedOn: number - 1,
          state: v.pending ? 'proposta' : 'validata',
          content: v.content,
          summary: v.summary,
          proposedBy: proposer,
          proposedAt: on,
          ...(v.pending
            ? {}
            : { decidedBy: taskForce, decidedAt, decisionNote: 'Coerente con le funzioni attribuite.' }),
        });
        events.push({
          planId: plan.id,
          kind: 'proposed',
          version: number,
          note: v.summary,
          actorId: proposer,
          at: on,
        });
        if (!v.pending)
          events.push({
            planId: plan.id,
            kind: 'validated',
            version: number,
            actorId: taskForce,
            at: decidedAt,
          });
      }
      let from: ReorgStatus = 'non_avviato';
      for (const [to, on] of p.statuses) {
        const byTaskForce = to === 'verificato' || to === 'da_aggiornare';
        events.push({
          planId: plan.id,
          kind: 'status',
          fromStatus: from,
          toStatus: to,
          version: to === 'in_predisposizione' ? 0 : validated,
          note:
            to === 'da_aggiornare'
              ? 'Nuove funzioni conferite dalla legge regionale: aggiornare il piano.'
              : '',
          actorId: byTaskForce ? taskForce : proposer,
          at: new Date(on),
        });
        from = to;
      }
      await tx.insert(reorgPlanEvents).values(events);
    }
  });
}
