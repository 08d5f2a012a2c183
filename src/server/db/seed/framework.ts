import { readFileSync } from 'node:fs';
import { validateFrameworkFile } from '../../modules/assessment/framework/file-format.js';
import { createLinksRepository } from '../../modules/assessment/framework/links-repository.js';
import { createFrameworkRepository } from '../../modules/assessment/framework/repository.js';
import type { Db } from '../client.js';
import { auditLog } from '../schema/index.js';

// Resolved from the project root so it works from src/ and from dist/ alike.
const FILE = new URL('../../../../src/server/db/seed-data/competency-framework.json', import.meta.url);

/** The default framework file, validated (a broken reference file stops the start-up, with its problems). */
export function readDefaultFramework(knownDomains: readonly string[]) {
  const result = validateFrameworkFile(JSON.parse(readFileSync(FILE, 'utf8')), knownDomains);
  if (!result.ok)
    throw new Error(
      `competency-framework.json is not valid:\n${result.problems.map((p) => `- ${p.messages.en}`).join('\n')}`,
    );
  return result.file;
}

/**
 * Loads the default competency framework, published, when the database has no framework at all
 * (never over an admin's versions), and links the catalogue's paths to it by their free-text
 * competencies. That linking runs here rather than in the migration that made the tables: at
 * migration time there is no framework yet to match against.
 */
export async function seedCompetencyFramework(db: Db) {
  const repo = createFrameworkRepository();
  return db.transaction(async (tx) => {
    if (await repo.any(tx)) return null;
    const file = readDefaultFramework((await repo.domains(tx)).map((d) => d.code));
    const now = new Date();
    const row = await repo.insert(tx, {
      version: file.version,
      titleIt: file.title.it,
      titleEn: file.title.en,
      sourceIt: file.source.it,
      sourceEn: file.source.en,
      status: 'published',
      publishedAt: now,
      createdAt: now,
    });
    const counts = await repo.insertContent(tx, row.id, file);
    const links = await createLinksRepository().linkByText(tx);
    await tx.insert(auditLog).values({
      action: 'framework.seeded',
      entityType: 'competency_framework',
      entityId: String(row.id),
      details: { version: file.version, ...counts, pathLinks: links },
    });
    return { version: file.version, ...counts, links };
  });
}
