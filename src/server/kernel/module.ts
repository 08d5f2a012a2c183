import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Me } from '../../common/auth.js';
import type { Config } from '../config.js';
import type { Db, DriverName } from '../db/client.js';
import type { Clock } from './clock.js';
import type { EventBus, EventHandlers } from './events.js';
import type { Principal } from './principal.js';
import type { PublicCache } from './public-cache.js';

/** What the navigation may show: the `can` flags of `GET /api/v1/me`, each contributed by one module. */
export type Capabilities = Me['can'];

/** What every module receives, whatever it does. */
export type Kernel = {
  db: Db;
  driver: DriverName;
  config: Config;
  log: FastifyBaseLogger;
  clock: Clock;
  events: EventBus;
  /** Public, anonymous answers kept for at most their max-age; emptied by every change on this instance. */
  publicCache: PublicCache;
  /** Every module's `can` flags for a principal (for `/me`). */
  capabilities(p: Principal): Capabilities;
};

/** A background task of a module, started when the app is ready and stopped when it closes. */
export type Job = { start(): void; stop(): Promise<void> | void };

/** The data a public page's HTML carries (title, description) so links shared in mail and chat look right. */
export type PageMeta = { title: string; description: string };

/**
 * A feature module, as its `index.ts` declares it. The composition root goes through the module
 * list in order: `create` gets the kernel and the services of the modules before it (named in its
 * `deps` parameter type), then routes, event handlers, `can` flags and jobs are collected.
 */
export type ModuleDefinition<Name extends string, Deps, Services extends object> = {
  name: Name;
  /** The module's services, by name; the names are unique across modules. */
  create(kernel: Kernel, deps: Deps): Services;
  /** Registers the module's routes: private (a session is required) unless `config: { public: true }`. */
  routes?(app: FastifyInstance, services: Services & Deps, kernel: Kernel): void | Promise<void>;
  /** The module's `can` flags for `/me`. */
  can?(p: Principal): Partial<Capabilities>;
  /** Domain events of other modules this one reacts to, inside the emitter's transaction. */
  handles?(services: Services & Deps): EventHandlers;
  /** Background tasks. */
  jobs?(services: Services & Deps, kernel: Kernel): Job[];
  /** Title and description of a public page the module owns (by pathname), or null. */
  pageMeta?(services: Services & Deps): (pathname: string) => Promise<PageMeta | null>;
};

// biome-ignore lint/suspicious/noExplicitAny: the module list holds modules of every shape
export type AnyModule = ModuleDefinition<string, any, object>;

/** Declares a module; the identity function keeps the types of its name, dependencies and services. */
export function defineModule<const Name extends string, Deps, Services extends object>(
  m: ModuleDefinition<Name, Deps, Services>,
): ModuleDefinition<Name, Deps, Services> {
  return m;
}
