import { eq, sql } from 'drizzle-orm';
import type { Role } from '../../../common/roles.js';
import { hashPassword } from '../../kernel/passwords.js';
import type { Db } from '../client.js';
import { auditLog, roleGrants, territorialUnits, users } from '../schema/index.js';
import { seedDemoAssessment } from './demo-assessment.js';
import { seedDemoCampaigns } from './demo-campaigns.js';
import { seedDemoCatalogue } from './demo-catalogue.js';
import { seedDemoProgramming } from './demo-programming.js';
import { seedDemoReorgPlans } from './demo-reorg-plans.js';
import { seedDemoTaskforce } from './demo-taskforce.js';
import { seedDemoTraining } from './demo-training.js';
import { seedDemoUnitProfiles } from './demo-unit-profiles.js';

export const DEMO_PASSWORD = 'Officina-Demo-2026';

type DemoUser = {
  email: string;
  name: string;
  unit: string | null;
  jobProfile: string | null;
  roles: { role: Role; unit?: string }[];
};

/** The demo cast; units by ISTAT code (Cuneo 004, Bergamo 016, Sassari 090). Documented in README. */
export const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin@officina.demo',
    name: 'Alessandra Amministratrice',
    unit: null,
    jobProfile: null,
    roles: [{ role: 'national_admin' }],
  },
  {
    email: 'taskforce@officina.demo',
    name: 'Tommaso Task Force',
    unit: null,
    jobProfile: 'dirigente',
    roles: [{ role: 'task_force' }],
  },
  {
    email: 'referente.cuneo@officina.demo',
    name: 'Chiara Referente',
    unit: '004',
    jobProfile: 'funzionario-amministrativo',
    roles: [
      { role: 'province_officer', unit: '004' },
      { role: 'learner', unit: '004' },
    ],
  },
  {
    email: 'referente.bergamo@officina.demo',
    name: 'Bruno Referente',
    unit: '016',
    jobProfile: 'funzionario-amministrativo',
    roles: [
      { role: 'province_officer', unit: '016' },
      { role: 'learner', unit: '016' },
    ],
  },
  {
    email: 'referente.sassari@officina.demo',
    name: 'Sara Referente',
    unit: '090',
    jobProfile: 'dirigente',
    roles: [{ role: 'province_officer', unit: '090' }],
  },
  {
    email: 'discente.cuneo@officina.demo',
    name: 'Carlo Discente',
    unit: '004',
    jobProfile: 'istruttore-tecnico',
    roles: [{ role: 'learner', unit: '004' }],
  },
  {
    email: 'discente2.cuneo@officina.demo',
    name: 'Giulia Discente',
    unit: '004',
    jobProfile: 'funzionario-contabile',
    roles: [{ role: 'learner', unit: '004' }],
  },
  {
    email: 'discente.bergamo@officina.demo',
    name: 'Marco Discente',
    unit: '016',
    jobProfile: 'funzionario-informatico',
    roles: [{ role: 'learner', unit: '016' }],
  },
  {
    email: 'discente.sassari@officina.demo',
    name: 'Anna Discente',
    unit: '090',
    jobProfile: 'istruttore-amministrativo',
    roles: [{ role: 'learner', unit: '090' }],
  },
  {
    email: 'formatore@officina.demo',
    name: 'Franco Formatore',
    unit: null,
    jobProfile: null,
    roles: [{ role: 'trainer' }],
  },
  {
    email: 'helpdesk@officina.demo',
    name: 'Elena Help Desk',
    unit: null,
    jobProfile: null,
    roles: [{ role: 'helpdesk_agent' }],
  },
  {
    email: 'moderatore@officina.demo',
    name: 'Matteo Moderatore',
    unit: null,
    jobProfile: null,
    roles: [{ role: 'community_moderator' }],
  },
];

/**
 * Loads the demo cast once; a second run changes nothing. `history` adds a past edition with its
 * attendance and an attestato (integration tests leave it out, so their own data stands alone).
 * `framework: false` leaves out the paths' links to the competency framework and the restructuring
 * demo, for a database migrated only to before the framework existed (the migration tests).
 * `now` is the instant the demo is laid out around (the app's clock; tests choose it).
 */
export async function seedDemo(
  db: Db,
  opts: { history?: boolean; issuer?: string; framework?: boolean; now?: Date } = {},
): Promise<boolean> {
  const now = opts.now ?? new Date();
  const [first] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${DEMO_USERS[0]?.email}`);
  if (first) return false;
  const unitRows = await db
    .select({ id: territorialUnits.id, code: territorialUnits.istatCode })
    .from(territorialUnits);
  const unitId = (code: string | null | undefined) => {
    if (!code) return null;
    const found = unitRows.find((u) => u.code === code);
    if (!found) throw new Error(`demo seed: unit ${code} missing`);
    return found.id;
  };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    for (const u of DEMO_USERS) {
      const [row] = await tx
        .insert(users)
        .values({
          email: u.email,
          name: u.name,
          unitId: unitId(u.unit),
          jobProfileCode: u.jobProfile,
          passwordHash,
        })
        .returning({ id: users.id });
      if (!row) throw new Error('demo seed: insert failed');
      for (const g of u.roles)
        await tx.insert(roleGrants).values({ userId: row.id, role: g.role, unitId: unitId(g.unit) });
    }
    await tx
      .insert(auditLog)
      .values({ action: 'system.demo_seeded', entityType: 'system', details: { users: DEMO_USERS.length } });
  });
  await seedDemoCatalogue(db, { framework: opts.framework !== false, now });
  if (opts.history !== false) {
    await seedDemoTraining(db, opts.issuer, now);
    if (opts.framework !== false) {
      await seedDemoAssessment(db);
      await seedDemoCampaigns(db, now);
    }
  }
  // The restructuring tables come after the framework's: a database migrated only that far has none.
  if (opts.framework !== false && opts.history !== false) {
    await seedDemoUnitProfiles(db);
    await seedDemoReorgPlans(db);
    await seedDemoProgramming(db, now);
    await seedDemoTaskforce(db, now);
  }
  return true;
}

/** Creates the first national admin from ADMIN_EMAIL/ADMIN_PASSWORD when there is none. */
export async function ensureAdmin(db: Db, email: string, password: string): Promise<'created' | 'exists'> {
  const [admin] = await db
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(sql`${roleGrants.role} = 'national_admin' and ${roleGrants.unitId} is null and ${users.active}`);
  if (admin) return 'exists';
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [existing] = await tx.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
    const id =
      existing?.id ??
      (
        await tx
          .insert(users)
          .values({ email: email.toLowerCase(), name: 'Amministratore', passwordHash })
          .returning({ id: users.id })
      )[0]?.id;
    if (!id) throw new Error('could not create the admin');
    if (existing) await tx.update(users).set({ passwordHash, active: true }).where(eq(users.id, id));
    await tx
      .insert(roleGrants)
      .values({ userId: id, role: 'national_admin', unitId: null })
      .onConflictDoNothing();
    await tx
      .insert(auditLog)
      .values({ action: 'system.admin_created', entityType: 'user', entityId: id, details: { email } });
  });
  return 'created';
}
