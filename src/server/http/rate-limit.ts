import fastifyRateLimit, {
  type FastifyRateLimitStore,
  type FastifyRateLimitStoreCtor,
  type RateLimitPluginOptions,
} from '@fastify/rate-limit';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { Config } from '../config.js';
import { type Database, pgPoolOf } from '../db/client.js';

export type RateLimitStoreName = 'redis' | 'postgres' | 'memory';

type SharedStore = {
  name: RateLimitStoreName;
  options: Pick<RateLimitPluginOptions, 'redis' | 'nameSpace' | 'store' | 'skipOnError'>;
  close: () => Promise<void>;
};

/**
 * Registers @fastify/rate-limit (limits are declared per route, as `config.rateLimit`) with a store
 * every instance shares, so a per-address limit holds however the load balancer spreads requests:
 * Redis when REDIS_URL is set, otherwise PostgreSQL's `rate_limits` table. PGlite serves one process
 * only, whose memory is enough.
 */
export async function registerRateLimit(
  app: FastifyInstance,
  { config, database }: { config: Pick<Config, 'redisUrl'>; database: Database },
): Promise<RateLimitStoreName> {
  const shared = config.redisUrl
    ? await redisStore(config.redisUrl, app.log)
    : database.driver === 'postgres'
      ? postgresStore(database, app.log)
      : null;
  await app.register(fastifyRateLimit, { global: false, ...shared?.options });
  if (shared) app.addHook('onClose', shared.close);
  const name = shared?.name ?? 'memory';
  app.log.info({ store: name }, 'rate limits counted in %s', name);
  return name;
}

/**
 * The plugin's own Redis store. A REDIS_URL that does not answer stops the start (like DATABASE_URL);
 * once running, an unreachable Redis lets requests through uncounted (the per-account lockout, kept in
 * PostgreSQL, still holds) rather than failing every sign-in, and says so in the log.
 */
async function redisStore(url: string, log: FastifyBaseLogger): Promise<SharedStore> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, {
    lazyConnect: true,
    // Fail a command at once while disconnected instead of holding the request until Redis is back.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
  });
  let down = false;
  redis.on('error', (err) => {
    if (!down) log.warn({ err }, 'Redis unreachable: rate limits are not counted until it is back');
    down = true;
  });
  redis.on('ready', () => {
    if (down) log.info('Redis reachable again: rate limits counted');
    down = false;
  });
  try {
    await redis.connect();
  } catch (err) {
    redis.disconnect();
    throw new Error(`REDIS_URL does not answer: ${(err as Error).message}`);
  }
  return {
    name: 'redis',
    options: { redis, nameSpace: 'officina-rate-limit-', skipOnError: true },
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** How long expired rows stay in `rate_limits` is up to the library: it deletes them every 5 minutes. */
function postgresStore(database: Database, log: FastifyBaseLogger): SharedStore {
  const pool = pgPoolOf(database.db);
  if (!pool) throw new Error('the PostgreSQL driver has no connection pool');
  const limiter = new RateLimiterPostgres({
    storeClient: pool,
    storeType: 'pool',
    tableName: 'rate_limits',
    // The table comes from the migrations (db/schema/rate-limits.ts): the library runs no DDL.
    tableCreated: true,
    clearExpiredByTimeout: true,
    keyPrefix: '',
    // Unused: the route's `max` decides, through @fastify/rate-limit (see PostgresStore.incr).
    points: 1,
    duration: 60,
  });
  return {
    name: 'postgres',
    options: { store: postgresStoreClass(limiter, log), skipOnError: true },
    close: async () => {
      // The library's clean-up timer would otherwise keep querying a closed pool.
      clearTimeout(
        (limiter as unknown as { _clearExpiredTimeoutId?: NodeJS.Timeout })._clearExpiredTimeoutId,
      );
    },
  };
}

/**
 * RateLimiterPostgres as an @fastify/rate-limit store. `penalty` adds one to the address's count in
 * one atomic upsert and never refuses, so the plugin still compares the count with the route's `max`
 * and answers 429 with the app's error body; the route's window is passed as the row's duration.
 */
function postgresStoreClass(limiter: RateLimiterPostgres, log: FastifyBaseLogger): FastifyRateLimitStoreCtor {
  class PostgresStore implements FastifyRateLimitStore {
    private readonly prefix: string;

    constructor(_options: unknown, prefix = '') {
      this.prefix = prefix;
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ) {
      limiter.penalty(`${this.prefix}${key}`, 1, { customDuration: timeWindow / 1000 }).then(
        (res) => callback(null, { current: res.consumedPoints, ttl: Math.max(res.msBeforeNext, 0) }),
        (err: Error) => {
          log.warn({ err }, 'rate-limit store unavailable: request let through uncounted');
          callback(err);
        },
      );
    }

    /** One counter per route, as the plugin's own stores keep: `POST/api/v1/auth/login-<address>`. */
    child(options: Parameters<FastifyRateLimitStore['child']>[0]) {
      // The plugin passes the route's merged settings with the route under `routeInfo`.
      const { method, url } = (options as unknown as { routeInfo: { method: string; url: string } })
        .routeInfo;
      return new PostgresStore(options, `${this.prefix}${method}${url}-`);
    }
  }
  return PostgresStore;
}
