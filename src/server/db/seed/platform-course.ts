import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { addDays, romeDate, romeInstant } from '../../../common/rome-time.js';
import type { Db } from '../client.js';
import {
  editions,
  fadModules,
  fadPages,
  pathModules,
  quizQuestions,
  quizzes,
  trainingPaths,
} from '../schema/index.js';

// Resolved from the project root so it works from src/ and from dist/ alike.
const FILE = new URL('../../../../src/server/db/seed-data/platform-course.json', import.meta.url);

const local = z.object({ it: z.string().min(1), en: z.string().min(1) });
const question = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('single'),
    text: local,
    options: z.array(z.object({ id: z.string(), text: local, correct: z.boolean() })).min(2),
    feedback: local,
  }),
  z.object({ kind: z.literal('true_false'), text: local, correct: z.boolean(), feedback: local }),
]);
const page = z.object({ titleIt: z.string(), titleEn: z.string(), bodyIt: z.string(), bodyEn: z.string() });
export const platformCourseFile = z.object({
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  objectives: z.string(),
  domainCode: z.string(),
  level: z.enum(['base', 'intermedio', 'avanzato']),
  totalHours: z.number(),
  modules: z.array(
    z.object({
      role: z.string().regex(/^[a-z]+$/),
      titleIt: z.string(),
      titleEn: z.string(),
      summaryIt: z.string(),
      summaryEn: z.string(),
      pages: z.array(page).min(1),
      questions: z.array(question).min(1),
    }),
  ),
});
export type PlatformCourse = z.infer<typeof platformCourseFile>;

export function readPlatformCourse(): PlatformCourse {
  return platformCourseFile.parse(JSON.parse(readFileSync(FILE, 'utf8')));
}

/** How long the course's permanent edition stays open for enrolment and study. */
const OPEN_YEARS = 3;

/**
 * The online course on using Officina itself, in every installation: a path open to all with a module
 * of pages per role and a short quiz per role (its questions tagged with the role), and a permanent
 * edition anyone may enrol in. Its content is kept in the repository (seed-data/platform-course.json,
 * safe HTML checked by the online modules' tests). Loaded once: a database that has the path, even
 * changed or archived by an administrator, is left alone.
 */
export async function seedPlatformCourse(db: Db, now: Date): Promise<boolean> {
  const course = readPlatformCourse();
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: trainingPaths.id })
      .from(trainingPaths)
      .where(eq(trainingPaths.slug, course.slug));
    if (existing) return false;
    const [path] = await tx
      .insert(trainingPaths)
      .values({
        slug: course.slug,
        title: course.title,
        summary: course.summary,
        objectives: course.objectives,
        domainCode: course.domainCode,
        level: course.level,
        totalHours: course.totalHours,
        deliveryModes: ['online'],
        eligibility: 'all',
        status: 'published',
      })
      .returning({ id: trainingPaths.id });
    if (!path) throw new Error('platform course path not inserted');
    const today = romeDate(now);
    const last = addDays(today, 365 * OPEN_YEARS);
    await tx.insert(editions).values({
      pathId: path.id,
      title: 'Edizione permanente',
      startsOn: today,
      endsOn: last,
      capacity: 100_000,
      enrolmentOpensAt: new Date(romeInstant(today).getTime() - 86_400_000),
      enrolmentClosesAt: romeInstant(last, '23:59'),
      online: true,
      status: 'published',
    });
    const perModule = course.totalHours / course.modules.length;
    for (const [i, m] of course.modules.entries()) {
      await tx.insert(pathModules).values({
        pathId: path.id,
        position: i + 1,
        title: m.titleIt,
        description: m.summaryIt,
        hours: perModule,
        mode: 'online',
      });
      const [mod] = await tx
        .insert(fadModules)
        .values({
          pathId: path.id,
          position: i + 1,
          titleIt: m.titleIt,
          titleEn: m.titleEn,
          summaryIt: m.summaryIt,
          summaryEn: m.summaryEn,
          status: 'published',
          requireAllPages: true,
          minMinutes: 0,
        })
        .returning({ id: fadModules.id });
      if (!mod) throw new Error('platform course module not inserted');
      await tx
        .insert(fadPages)
        .values(m.pages.map((p, n) => ({ ...p, moduleId: mod.id, position: n + 1, materials: [] })));
      await tx.insert(quizQuestions).values(
        m.questions.map((q) => ({
          pathId: path.id,
          kind: q.kind,
          text: q.text,
          content:
            q.kind === 'single'
              ? { kind: 'single' as const, options: q.options }
              : { kind: 'true_false' as const, correct: q.correct },
          feedback: q.feedback,
          points: 1,
          tags: [m.role],
        })),
      );
      await tx.insert(quizzes).values({
        pathId: path.id,
        title: `Verifica: ${m.titleIt}`,
        questionCount: m.questions.length,
        tags: [m.role],
        shuffleOptions: true,
        timeLimitMinutes: null,
        passingPct: 60,
        maxAttempts: null,
        feedback: 'full',
        isFinalTest: false,
      });
    }
    return true;
  });
}
