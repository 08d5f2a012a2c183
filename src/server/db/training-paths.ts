import { and, asc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from './client.js';
import { trainingPaths } from './schema/index.js';
import { escapeLike } from './sql.js';

/**
 * Reads of the catalogue's training paths that other modules need (the competency framework links
 * paths to its competencies), kept here so that no module reaches into the catalogue's repository.
 */

export type PathCompetencyTexts = {
  id: number;
  slug: string;
  title: string;
  status: string;
  /** The catalogue's free-text competencies. */
  competencies: string[];
};

/** Every path (or those whose title or slug contains `q`), by title, with its free-text competencies. */
export function pathCompetencyTexts(db: Db, f: { q?: string | undefined; id?: number } = {}) {
  const where: SQL[] = [];
  if (f.id !== undefined) where.push(eq(trainingPaths.id, f.id));
  if (f.q) {
    const like = `%${escapeLike(f.q.toLowerCase())}%`;
    where.push(
      or(
        sql`lower(${trainingPaths.title}) like ${like}`,
        sql`lower(${trainingPaths.slug}) like ${like}`,
      ) as SQL,
    );
  }
  return db
    .select({
      id: trainingPaths.id,
      slug: trainingPaths.slug,
      title: trainingPaths.title,
      status: trainingPaths.status,
      competencies: trainingPaths.competencies,
    })
    .from(trainingPaths)
    .where(and(...where))
    .orderBy(asc(trainingPaths.title), asc(trainingPaths.id)) as Promise<PathCompetencyTexts[]>;
}
