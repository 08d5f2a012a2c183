import type { FastifyInstance } from 'fastify';

/** The path and methods of every route Fastify registered, read from its route tree. */
export function registeredRoutes(app: FastifyInstance): { path: string; methods: string[] }[] {
  const stack: string[] = [];
  const routes: { path: string; methods: string[] }[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = (m[1] ?? '').length / 4;
    const full = (stack[depth - 1] ?? '') + m[2];
    stack[depth] = full;
    stack.length = depth + 1;
    if (m[3]) routes.push({ path: full, methods: m[3].split(',').map((s) => s.trim()) });
  }
  return routes;
}
