import { and, inArray, isNull, sql } from 'drizzle-orm';
import { addDays, romeDate } from '../../../common/rome-time.js';
import type { Db } from '../client.js';
import {
  interventions,
  milestones,
  roleGrants,
  taskforceAssignments,
  taskforceIssues,
  territorialUnits,
  users,
} from '../schema/index.js';

/**
 * The task force at work: taskforce@officina.demo leads Cuneo, Bergamo, Asti and Brescia, and a
 * second member (Giulia Ferri, who has no password and does not sign in) leads Salerno and also
 * follows Cuneo. Cuneo and Bergamo have interventions, two of them with a follow-up this week (one
 * already overdue), an open high-severity risk, and milestones (one overdue, one done, one ahead).
 * Everything is laid out around the day of the seed, so "this week" always has something.
 */
export async function seedDemoTaskforce(db: Db, now = new Date()) {
  await db.transaction(async (tx) => {
    const [lead] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = 'taskforce@officina.demo'`);
    if (!lead) return;
    const unitRows = await tx
      .select({ id: territorialUnits.id, code: territorialUnits.istatCode })
      .from(territorialUnits)
      .where(
        and(
          inArray(territorialUnits.istatCode, ['004', '016', '005', '017', '065']),
          isNull(territorialUnits.validTo),
        ),
      );
    const unit = (code: string) => unitRows.find((u) => u.code === code)?.id;
    const [cuneo, bergamo, asti, brescia, salerno] = ['004', '016', '005', '017', '065'].map(unit);
    if (!cuneo || !bergamo) return;

    const [second] = await tx
      .insert(users)
      .values({ email: 'giulia.ferri@officina.demo', name: 'Giulia Ferri', passwordHash: null })
      .returning({ id: users.id });
    if (!second) return;
    await tx.insert(roleGrants).values({ userId: second.id, role: 'task_force' });

    const assign = (unitId: number | undefined, userId: string, isLead: boolean) =>
      unitId ? [{ unitId, userId, lead: isLead, assignedBy: lead.id }] : [];
    await tx
      .insert(taskforceAssignments)
      .values([
        ...assign(cuneo, lead.id, true),
        ...assign(cuneo, second.id, false),
        ...assign(bergamo, lead.id, true),
        ...assign(asti, lead.id, true),
        ...assign(brescia, lead.id, true),
        ...assign(salerno, second.id, true),
      ]);

    const today = romeDate(now);
    // Sunday of this week (Rome): the follow-up ahead stays inside the week whatever day it is.
    const weekday = new Date(`${today}T12:00:00Z`).getUTCDay();
    const sunday = addDays(today, (7 - weekday) % 7);
    const by = lead.id;
    await tx.insert(interventions).values([
      {
        unitId: cuneo,
        kind: 'riunione',
        heldOn: addDays(today, -40),
        participants: 'Presidente, Segretario generale, dirigente del personale',
        outcome: 'Avvio del percorso: condivisi il calendario e il gruppo di lavoro interno.',
        nextSteps: 'Raccolta dei dati sulla dotazione organica per funzione.',
        followUpOn: addDays(today, -26),
        followUpDone: true,
        createdBy: by,
      },
      {
        unitId: cuneo,
        kind: 'revisione_documenti',
        heldOn: addDays(today, -12),
        participants: 'Dirigente del personale, ufficio ragioneria',
        outcome: 'Rivista la bozza del piano: mancano i costi per funzione delle funzioni delegate.',
        nextSteps: 'Integrare la tabella dei costi e rinviare la bozza.',
        followUpOn: addDays(today, -2),
        createdBy: by,
      },
      {
        unitId: cuneo,
        kind: 'formazione',
        heldOn: addDays(today, -5),
        participants: 'Referente provinciale e due funzionari',
        outcome: 'Sessione sul calcolo della capacità assunzionale (DM 11 gennaio 2022).',
        nextSteps: '',
        createdBy: by,
      },
      {
        unitId: bergamo,
        kind: 'supporto_remoto',
        heldOn: addDays(today, -3),
        participants: 'Referente provinciale',
        outcome: 'Chiarimenti sul rapporto tra piano di riassetto e PTFP.',
        nextSteps: 'Verificare la coerenza della sezione del PIAO con il piano.',
        followUpOn: sunday,
        createdBy: by,
      },
      {
        unitId: bergamo,
        kind: 'riunione',
        heldOn: addDays(today, -60),
        participants: 'Presidente, Direttore generale',
        outcome: 'Presentazione del programma e delle scadenze.',
        nextSteps: '',
        createdBy: by,
      },
    ]);

    await tx.insert(taskforceIssues).values([
      {
        unitId: cuneo,
        kind: 'rischio',
        title: 'Bilancio di previsione in ritardo',
        description: 'Senza bilancio approvato il piano non può quantificare la spesa di personale.',
        severity: 'alta',
        ownerId: lead.id,
        dueOn: addDays(today, 20),
        createdBy: by,
      },
      {
        unitId: bergamo,
        kind: 'criticita',
        title: 'Dati sulle partecipate incompleti',
        description: 'Mancano i bilanci di due società partecipate.',
        severity: 'media',
        ownerId: lead.id,
        createdBy: by,
      },
      {
        unitId: bergamo,
        kind: 'rischio',
        title: 'Cambio del dirigente del personale',
        severity: 'bassa',
        state: 'chiusa',
        closedAt: now,
        createdBy: by,
      },
    ]);

    await tx.insert(milestones).values([
      {
        unitId: cuneo,
        title: 'Bozza del piano condivisa',
        dueOn: addDays(today, -20),
        doneOn: addDays(today, -18),
        createdBy: by,
      },
      { unitId: cuneo, title: 'Tabella dei costi per funzione', dueOn: addDays(today, -1), createdBy: by },
      { unitId: cuneo, title: 'Adozione del piano con decreto', dueOn: addDays(today, 45), createdBy: by },
      { unitId: bergamo, title: 'Verifica di coerenza con il PIAO', dueOn: sunday, createdBy: by },
      { unitId: bergamo, title: 'Adozione del piano in Consiglio', dueOn: addDays(today, 70), createdBy: by },
    ]);
  });
}
