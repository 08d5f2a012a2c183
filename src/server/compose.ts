import type { FastifyBaseLogger } from 'fastify';
import { me } from '../common/auth.js';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { type Clock, systemClock } from './kernel/clock.js';
import { createEventBus } from './kernel/events.js';
import type { AnyModule, Capabilities, Kernel } from './kernel/module.js';
import { createPublicCache } from './kernel/public-cache.js';
import { modules, type Services } from './modules/index.js';

const CAPABILITY_FLAGS = Object.keys(me.shape.can.shape).sort();

/** Public answers kept at most (each key is a route with its normalised query and language). */
const PUBLIC_CACHE_ENTRIES = 500;

/**
 * The composition root: goes through the module list in order, giving each module the kernel and
 * the services of the modules before it, then subscribes the event handlers in the same order.
 */
export function composeModules(
  database: Database,
  config: Config,
  log: FastifyBaseLogger,
  opts: { clock?: Clock | undefined; modules?: readonly AnyModule[] } = {},
) {
  const list = opts.modules ?? modules;
  const events = createEventBus();
  const clock = opts.clock ?? systemClock;
  const kernel: Kernel = {
    db: database.db,
    driver: database.driver,
    config,
    log,
    clock,
    events,
    publicCache: createPublicCache(clock, {
      maxEntries: PUBLIC_CACHE_ENTRIES,
      maxBytes: config.publicCacheBytes,
    }),
    capabilities: (p) => Object.assign({}, ...list.map((m) => m.can?.(p) ?? {})) as Capabilities,
  };
  const registry: Record<string, unknown> = {};
  for (const m of list) {
    // A module may use only the services of the modules listed before it.
    const deps = new Proxy(registry, {
      get(target, name) {
        if (typeof name === 'string' && !(name in target))
          throw new Error(`module ${m.name} uses "${name}", which no module before it provides`);
        return target[name as string];
      },
    });
    for (const [name, service] of Object.entries(m.create(kernel, deps))) {
      if (name in registry) throw new Error(`module ${m.name} redefines the service "${name}"`);
      registry[name] = service;
    }
  }
  for (const m of list) if (m.handles) events.subscribe(m.name, m.handles(registry));
  assertCapabilities(list);
  return { kernel, services: registry as Services, modules: list };
}

/** Every `can` flag of `/me` comes from exactly one module. */
function assertCapabilities(list: readonly AnyModule[]) {
  if (list !== modules) return;
  const nobody = { id: '', email: '', name: '', unitId: null, grants: [] };
  const owners = new Map<string, string>();
  for (const m of list)
    for (const flag of Object.keys(m.can?.(nobody) ?? {})) {
      const other = owners.get(flag);
      if (other) throw new Error(`the can flag "${flag}" comes from both ${other} and ${m.name}`);
      owners.set(flag, m.name);
    }
  const missing = CAPABILITY_FLAGS.filter((f) => !owners.has(f));
  if (missing.length) throw new Error(`no module gives the can flags: ${missing.join(', ')}`);
}
