import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { composeModules } from './compose.js';
import { loadConfig } from './config.js';
import type { Database, Db } from './db/client.js';
import { defineModule } from './kernel/module.js';
import type { RequestContext } from './kernel/principal.js';

const database = { db: {} as Db, driver: 'pglite' } as Database;
const config = loadConfig({ LOG_LEVEL: 'silent' });
const log = { error: () => undefined } as unknown as FastifyBaseLogger;
const ctx: RequestContext = { actor: null, ip: null, requestId: null, lang: 'it' };

declare module './kernel/events.js' {
  interface DomainEvents {
    'test.happened': { n: number };
  }
}

describe('the composition root', () => {
  it('builds every module of the list, each service under its own name', () => {
    const { services } = composeModules(database, config, log);
    for (const name of ['audit', 'mail', 'worker', 'units', 'unitLookup', 'users', 'accounts', 'auth'])
      expect(services).toHaveProperty(name);
    for (const name of [
      'paths',
      'editions',
      'calendar',
      'enrolment',
      'notifier',
      'attendance',
      'certificates',
    ])
      expect(services).toHaveProperty(name);
  });

  it('gives every /me flag from exactly one module', () => {
    const { kernel } = composeModules(database, config, log);
    const admin = { id: 'a', email: 'a@x.it', name: 'A', unitId: null, grants: [] };
    const can = kernel.capabilities({
      ...admin,
      grants: [{ id: 1, role: 'national_admin', unitId: null, unitName: null }],
    });
    expect(can.manageUsers).toBe(true);
    expect(can.manageCatalogue).toBe(true);
    expect(Object.values(kernel.capabilities(admin)).every((v) => v === false)).toBe(true);
  });

  it('refuses a module that uses a service no earlier module provides', () => {
    const early = defineModule({
      name: 'early',
      create: (_k, deps: { late: { ok: true } }) => ({ early: deps.late }),
    });
    const late = defineModule({ name: 'late', create: () => ({ late: { ok: true as const } }) });
    expect(() => composeModules(database, config, log, { modules: [early, late] })).toThrow(
      'module early uses "late", which no module before it provides',
    );
    expect(() => composeModules(database, config, log, { modules: [late, early] })).not.toThrow();
  });

  it('refuses two modules giving the same service name', () => {
    const a = defineModule({ name: 'a', create: () => ({ shared: 1 }) });
    const b = defineModule({ name: 'b', create: () => ({ shared: 2 }) });
    expect(() => composeModules(database, config, log, { modules: [a, b] })).toThrow(
      'module b redefines the service "shared"',
    );
  });

  it('runs the handlers of an event one after the other, in the order of the module list', async () => {
    const seen: string[] = [];
    const emitter = defineModule({ name: 'emitter', create: () => ({}) });
    const handler = (name: string, delay: number) =>
      defineModule({
        name,
        create: () => ({}),
        handles: () => ({
          'test.happened': async (_tx, _ctx, { n }) => {
            await new Promise((r) => setTimeout(r, delay));
            seen.push(`${name}:${n}`);
          },
        }),
      });
    const { kernel } = composeModules(database, config, log, {
      modules: [emitter, handler('first', 20), handler('second', 0)],
    });
    await kernel.events.emit(database.db, ctx, 'test.happened', { n: 7 });
    expect(seen).toEqual(['first:7', 'second:7']);
    expect(kernel.events.handlersOf('test.happened')).toEqual(['first', 'second']);
  });
});
