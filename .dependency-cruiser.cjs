/**
 * The boundaries of the code, checked by `npm run lint:deps` (part of `npm test`):
 * a module uses another only through its entry point (index.ts), the kernel, db/ or common/;
 * the kernel, db/, http/ and common/ depend on no module; no import cycles.
 */
module.exports = {
  forbidden: [
    {
      name: 'module-entry-point-only',
      comment:
        'A module reaches another module only through its index.ts (never its repository, service or policy files).',
      severity: 'error',
      from: { path: '^src/server/modules/([^/]+/[^/]+)/' },
      to: {
        path: '^src/server/modules/[^/]+/[^/]+/',
        pathNot: ['^src/server/modules/$1/', '^src/server/modules/[^/]+/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'kernel-depends-on-no-feature',
      comment: 'The kernel, db/ and http/ serve every module, so they import none.',
      severity: 'error',
      from: { path: '^src/server/(kernel|db|http)/', pathNot: '\\.test\\.ts$|^src/server/db/seed/' },
      to: { path: '^src/server/(modules|compose\\.ts|app\\.ts)' },
    },
    {
      name: 'common-is-shared',
      comment: 'src/common is imported by the server and the web app, and imports neither.',
      severity: 'error',
      from: { path: '^src/common/' },
      to: { path: '^src/(server|web)/' },
    },
    {
      name: 'web-talks-http',
      comment: 'The web app reaches the server through HTTP only.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'no-cycles',
      comment: 'No import cycles: between modules they would tie features together in a loop.',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$|^src/server/test/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
