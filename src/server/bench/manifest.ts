import fs from 'node:fs';
import path from 'node:path';
import type { DriverName } from '../db/client.js';
import type { Fixtures } from './dataset.js';

/** What `npm run bench` reads from `<out>/manifest.json` (see docs/benchmarks.md). */
export type Manifest = {
  seed: number;
  scale: number;
  today: string;
  driver: DriverName;
  dataDir?: string;
  databaseUrl?: string;
  /** Pass as SESSION_SECRET to the server, so that cookies signed with it are accepted. */
  sessionSecret: string;
  /** The password of every person of the dataset. */
  password: string;
  counts: Record<string, number>;
  loadSeconds: number;
  /** Set below scale 1, when the enrolment burst has fewer users than the 2,000 of the national scale. */
  burstScaled?: string;
  fixtures: Fixtures;
};

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
