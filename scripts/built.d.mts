/** Types of built.mjs for the TypeScript callers (the benchmark). */
export const root: string;
export function buildIfMissing(needed?: ('server' | 'web')[], options?: { rebuildStale?: boolean }): void;
