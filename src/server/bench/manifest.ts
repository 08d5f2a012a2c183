import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const session = z.object({ userId: z.string().min(1), sessionToken: z.string().min(1) });

/** What `npm run bench:data` leaves in `<out>/manifest.json`: where the dataset is and who to act as. */
export const manifestSchema = z
  .object({
    seed: z.union([z.number(), z.string()]),
    scale: z.number().nonnegative(),
    driver: z.enum(['pglite', 'postgres']),
    dataDir: z.string().min(1).optional(),
    databaseUrl: z.string().min(1).optional(),
    sessionSecret: z.string().min(32),
    counts: z.record(z.string(), z.number()),
    loadSeconds: z.number().nonnegative(),
    fixtures: z.object({
      publicPathSlug: z.string().min(1),
      publicEditionId: z.number().int().positive(),
      learner: session,
      officer: session.extend({ unitId: z.number().int().positive() }),
      feedToken: z.string().min(1),
      burst: z.object({
        editionId: z.number().int().positive(),
        seats: z.number().int().positive(),
        users: z.array(session).min(1),
      }),
      calendarSearch: z.string().min(1),
      domainCode: z.string().min(1),
    }),
  })
  .refine((m) => (m.driver === 'postgres' ? !!m.databaseUrl : !!m.dataDir), {
    message: 'a PostgreSQL dataset needs databaseUrl, an embedded one dataDir',
  });

export type Manifest = z.infer<typeof manifestSchema>;

/** A dataset that is missing or unreadable: told to the user as is, without a stack. */
export class ManifestProblem extends Error {}

/**
 * Reads `<dir>/manifest.json`. A relative dataDir is taken from the manifest's folder, so the dataset
 * can be moved as a whole.
 */
export function readManifest(dir: string): Manifest {
  const file = path.resolve(dir, 'manifest.json');
  if (!fs.existsSync(file)) {
    throw new ManifestProblem(
      `No benchmark dataset: ${file} does not exist.\n` +
        'Load one first with `npm run bench:data` (see docs/benchmarks.md), or point to it with --data=<dir>.',
    );
  }
  const parsed = manifestSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new ManifestProblem(
      `${file} is not a benchmark manifest:\n${issues}\nLoad the dataset again with \`npm run bench:data\`.`,
    );
  }
  const manifest = parsed.data;
  if (manifest.dataDir) manifest.dataDir = path.resolve(path.dirname(file), manifest.dataDir);
  return manifest;
}
