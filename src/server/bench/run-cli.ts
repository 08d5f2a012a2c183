// npm run bench [-- --quick] [-- --data=<dir>] [-- --out=<file>]: see docs/benchmarks.md.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildIfMissing, root } from '../../../scripts/built.mjs';
import { ManifestProblem, readManifest } from './manifest.js';
import { formatReport, quickCheckFailures } from './report.js';
import { runBench, writeResults } from './run.js';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    data: { type: 'string', default: 'bench-data' },
    out: { type: 'string', default: 'bench-results.json' },
    seconds: { type: 'string' },
    connections: { type: 'string', default: '50' },
  },
});

async function main() {
  const manifest = readManifest(path.resolve(values.data));
  buildIfMissing(['server', 'web'], { rebuildStale: true });
  const quick = values.quick;
  const seconds = Number(values.seconds ?? (quick ? 1 : 10));
  const connections = Number(values.connections);
  if (!(seconds > 0) || !(connections > 0))
    throw new Error('--seconds and --connections take positive numbers');
  const { input, results } = await runBench({
    root,
    manifest,
    quick,
    seconds,
    connections,
    log: (line) => console.log(`· ${line}`),
  });
  const out = path.resolve(values.out);
  writeResults(out, results);
  console.log(`\n${formatReport(input)}\n\nresults written to ${path.relative(process.cwd(), out) || out}`);
  if (quick) {
    const failures = quickCheckFailures(input);
    if (failures.length) {
      console.error(`\nquick check failed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
      process.exitCode = 1;
    }
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ManifestProblem ? err.message : err);
  process.exitCode = 1;
});
