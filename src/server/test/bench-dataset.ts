import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Manifest } from '../bench/manifest.js';
import type { Db } from '../db/client.js';
import { calendarFeeds, sessions, trainingPaths, users } from '../db/schema/index.js';
import { hashToken, newToken } from '../kernel/tokens.js';
import { TestClient } from './client.js';
import { makeEdition } from './training.js';

/**
 * The fixtures of a benchmark manifest made from the demo cast, for testing the benchmark's own code
 * (the national dataset is `npm run bench:data`'s): a published path with a public edition, a
 * `seats`-seat edition open for self-enrolment and `burstUsers` people of the learner's unit with a
 * session each, the learner's and the officer's sessions and the learner's personal feed.
 */
export async function demoBenchFixtures(
  app: FastifyInstance,
  db: Db,
  opts: { seats: number; burstUsers: number },
): Promise<Manifest['fixtures']> {
  const admin = new TestClient(app);
  await admin.login('admin@officina.demo', 'Officina-Demo-2026');
  const open = await makeEdition(admin, { capacity: 100, sessions: [{ day: 3 }, { day: 4 }] });
  const burst = await makeEdition(admin, { capacity: opts.seats, sessions: [{ day: 20 }] });
  const [path] = await db
    .select({ slug: trainingPaths.slug })
    .from(trainingPaths)
    .where(eq(trainingPaths.id, open.pathId));
  if (!path) throw new Error('the path of the public edition is missing');
  const learner = await byEmail(db, 'discente.cuneo@officina.demo');
  const officer = await byEmail(db, 'referente.cuneo@officina.demo');
  if (!officer.unitId) throw new Error('the demo officer has no unit');
  const feedToken = newToken();
  await db.insert(calendarFeeds).values({ token: feedToken, userId: learner.id });
  const people = await db
    .insert(users)
    .values(
      Array.from({ length: opts.burstUsers }, (_, i) => ({
        email: `burst.${i}.${feedToken.slice(0, 6)}@officina.demo`,
        name: `Persona ${i}`,
        unitId: learner.unitId,
      })),
    )
    .returning({ id: users.id });
  return {
    publicPathSlug: path.slug,
    publicEditionId: open.id,
    learner: { userId: learner.id, sessionToken: await session(db, learner.id) },
    officer: { userId: officer.id, unitId: officer.unitId, sessionToken: await session(db, officer.id) },
    feedToken,
    burst: {
      editionId: burst.id,
      seats: opts.seats,
      users: await Promise.all(
        people.map(async (p) => ({ userId: p.id, sessionToken: await session(db, p.id) })),
      ),
    },
    calendarSearch: 'prova',
    domainCode: 'gestionale',
  };
}

async function byEmail(db: Db, email: string) {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  if (!row) throw new Error(`${email} is not in the demo cast`);
  return row;
}

/** A live session of a person: the raw token (what the cookie carries, signed). */
async function session(db: Db, userId: string) {
  const token = newToken();
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    userId,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return token;
}
