// `npm run audit`: the production dependencies against the registry's advisories (npm audit --omit=dev).
// Fails on a high or critical advisory. When the registry in use does not answer audits (a mirror or a
// proxy that only serves packages), says so and exits 0: README, "Operations", tells operators how to run
// the same check against a registry that answers.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(run.stdout, run.stderr);
  process.exit(1);
}

if (!report.metadata) {
  const reason = report.statusCode ? `HTTP ${report.statusCode}` : (report.message ?? 'no answer');
  console.log(
    `audit: the registry does not answer audits (${reason}); run "npm audit --omit=dev" where it does.`,
  );
  process.exit(0);
}

const counts = report.metadata.vulnerabilities;
console.log(`audit: ${JSON.stringify(counts)}`);
for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
  console.log(`  ${v.severity.padEnd(8)} ${name} ${v.range}`);
}
process.exit(counts.high + counts.critical > 0 ? 1 : 0);
