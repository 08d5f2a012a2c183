import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { MyFad } from '../../../../common/fad.js';
import { questionInput } from '../../../../common/quizzes.js';
import { editions, trainingPaths } from '../../../db/schema/index.js';
import { readPlatformCourse, seedPlatformCourse } from '../../../db/seed/platform-course.js';
import { startTestApp } from '../../../test/app.js';
import { sanitizeRichText } from './rich-text.js';

const t = await startTestApp();
const learner = await t.as('discente.cuneo@officina.demo');

describe('the platform course shipped with every installation', () => {
  it('is written in safe HTML and valid questions, in Italian and English', () => {
    const course = readPlatformCourse();
    expect(course.modules.map((m) => m.role)).toEqual([
      'discente',
      'referente',
      'formatore',
      'taskforce',
      'amministratore',
    ]);
    for (const m of course.modules) {
      for (const p of m.pages) {
        // What the module editor would keep is what is shipped: nothing is lost to sanitising.
        expect(sanitizeRichText(p.bodyIt), p.titleIt).toBe(p.bodyIt);
        expect(sanitizeRichText(p.bodyEn), p.titleEn).toBe(p.bodyEn);
      }
      for (const q of m.questions) {
        const content =
          q.kind === 'single' ? { kind: q.kind, options: q.options } : { kind: q.kind, correct: q.correct };
        const parsed = questionInput.safeParse({
          text: q.text,
          content,
          feedback: q.feedback,
          points: 1,
          tags: [m.role],
        });
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      }
    }
  });

  it('is loaded once, as a published path with a permanent edition anyone may enrol in', async () => {
    const now = new Date();
    expect(await seedPlatformCourse(t.db, now)).toBe(true);
    expect(await seedPlatformCourse(t.db, now)).toBe(false);
    const [path] = await t.db.select().from(trainingPaths).where(eq(trainingPaths.slug, 'usare-officina'));
    expect(path).toMatchObject({ status: 'published', eligibility: 'all' });
    const [edition] = await t.db
      .select()
      .from(editions)
      .where(eq(editions.pathId, path?.id ?? 0));
    expect(edition).toMatchObject({ status: 'published', title: 'Edizione permanente' });

    const enrol = await learner.post('/api/v1/enrolments', { editionId: edition?.id });
    expect(enrol.statusCode, enrol.body).toBe(201);
    expect(enrol.json().status).toBe('confirmed');
    const mine = (await learner.get('/api/v1/me/fad')).json() as MyFad;
    const modules = mine.modules.filter((m) => m.pathId === path?.id);
    expect(modules.map((m) => m.titleIt)).toEqual(readPlatformCourse().modules.map((m) => m.titleIt));
    expect(modules.every((m) => !m.locked && m.pageCount === 2)).toBe(true);

    // Each role's quiz draws that role's three questions.
    const quizzes = (await learner.get('/api/v1/me/quizzes')).json().items as {
      id: number;
      pathId: number;
    }[];
    const course = quizzes.filter((q) => q.pathId === path?.id);
    expect(course).toHaveLength(5);
    const attempt = await learner.post(`/api/v1/quizzes/${course[0]?.id}/attempts`);
    expect(attempt.statusCode, attempt.body).toBe(200);
    expect(attempt.json().questions).toHaveLength(3);
  });
});
