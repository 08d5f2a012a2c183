import { readFileSync } from 'node:fs';

/** The package version, read once (the file sits two levels above both src/server and dist/server). */
export const VERSION: string = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
).version;
