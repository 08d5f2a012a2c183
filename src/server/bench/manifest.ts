import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const session = z.object({ userId: z.string().min(1), sessionToken: z.string().min(1) });

/** What `npm run bench:data` leaves in `<out>/manifest.json`: where the dataset is and who to act as. */
export const manifestSchema = z
  .object({
    seed: z.union([z.number(), z.string()]),
    scale: z.number().nonnegative(),
    /** The Rome day the dataset's dates are anchored on. */
    today: z.string().optional(),
    driver: z.enum(['pglite', 'postgres']),
    dataDir: z.string().min(1).optional(),
    databaseUrl: z.string().min(1).optional(),
    /** Pass as SESSION_SECRET to the server, so that cookies signed with it are accepted. */
    sessionSecret: z.string().min(32),
    /** The password of every person of the dataset. */
    password: z.string().optional(),
    counts: z.record(z.string(), z.number()),
    loadSeconds: z.number().nonnegative(),
    /** Set below scale 1, when the enrolment burst has fewer users than the 2,000 of the national scale. */
    burstScaled: z.string().optional(),
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

/** A connection URL without its password. */
export function withoutPassword(url: string): string {
  const u = new URL(url);
  u.password = '';
  return u.toString();
}

export function writeManifest(out: string, manifest: Manifest) {
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, 'manifest.json');
  fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return file;
}
