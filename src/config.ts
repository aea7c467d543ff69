// Process configuration: reads and validates the environment once; nothing else reads process.env.
import { z } from 'zod';
import { DEFAULT_READ_LANES, STALL_MS } from './db/read-lanes.js';
import { OperatorError } from './operator-error.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL')
    .optional(),
  // Streaming replicas for read-only queries, comma-separated (README, Production).
  DATABASE_READ_URL: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((url) => url.trim())
        .filter(Boolean),
    )
    .refine(
      (urls) => urls.every((v) => /^postgres(ql)?:\/\//.test(v)),
      'must be postgres:// or postgresql:// URLs, separated by commas',
    )
    .optional(),
  // After a client's write, how long its reads stay on the primary (replication lag).
  READ_AFTER_WRITE_MS: z.coerce.number().int().min(0).default(5_000),
  PGLITE_DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  // Pipelined connections for the API's reads, in front of the pool (src/db/read-lanes.ts).
  DB_READ_LANES: z.coerce.number().int().min(0).max(16).default(DEFAULT_READ_LANES),
  DB_READ_LANE_WAIT_MS: z.coerce.number().int().min(1).max(10_000).default(STALL_MS),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15000),
  // Expensive operations (aggregates, search) run on a pool of their own: see README.
  DB_EXPENSIVE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(3),
  DB_EXPENSIVE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  EXPENSIVE_CONCURRENCY_PER_CLIENT: z.coerce.number().int().min(1).default(2),
  // Public-API limits (src/graphql/limits): every refusal names the limit and the excess.
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  QUERY_MAX_TOKENS: z.coerce.number().int().min(100).default(5000),
  QUERY_MAX_STRING_LENGTH: z.coerce.number().int().min(16).default(10_000),
  QUERY_MAX_DEPTH: z.coerce.number().int().min(2).default(20),
  QUERY_MAX_ALIASES: z.coerce.number().int().min(0).default(30),
  QUERY_MAX_DIRECTIVES: z.coerce.number().int().min(0).default(20),
  QUERY_MAX_ROOT_FIELDS: z.coerce.number().int().min(1).default(20),
  QUERY_MAX_COST: z.coerce.number().int().min(1).default(25_000),
  RATE_LIMIT_ENABLED: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  // Unset: the default depends on the database (see seedDemoData below).
  SEED_DEMO_DATA: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional(),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(50_000),
  RATE_LIMIT_PER_SECOND: z.coerce.number().min(0.001).default(1_000),
  RATE_LIMIT_KEY_BURST: z.coerce.number().int().min(1).default(250_000),
  RATE_LIMIT_KEY_PER_SECOND: z.coerce.number().min(0.001).default(10_000),
  // The bulk export's own allowance, in deals a day (a bucket of that size refilled over a day):
  // one request exports many rows, so it is not charged GraphQL points (see README, Integrations).
  EXPORT_ROWS_PER_DAY: z.coerce.number().int().min(1).default(50_000),
  EXPORT_KEY_ROWS_PER_DAY: z.coerce.number().int().min(1).default(250_000),
  REDIS_URL: z
    .string()
    .refine((v) => /^rediss?:\/\//.test(v), 'must be a redis:// or rediss:// URL')
    .optional(),
  // The response cache (src/graphql/response-cache): anonymous and READER queries.
  RESPONSE_CACHE: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  RESPONSE_CACHE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(64 * 1024 * 1024),
  RESPONSE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).default(10_000),
  RESPONSE_CACHE_MAX_ENTRY_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(2 * 1024 * 1024),
  RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).default(300),
  // Operations compiled by graphql-jit instead of graphql-js's interpreter (README, Architecture).
  COMPILED_EXECUTION: z
    .enum(['true', 'false', '1', '0'])
    .default('true')
    .transform((v) => v === 'true' || v === '1'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  // Worker processes behind one port (node:cluster), to use a machine's cores: see README.
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  // Where readers reach this API (behind a proxy, not the listening address): citation links.
  PUBLIC_URL: z
    .string()
    .default('http://localhost:4000')
    .refine(
      (v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol),
      'must be an http:// or https:// URL',
    )
    .refine(
      (v) => !URL.canParse(v) || (!new URL(v).search && !new URL(v).hash),
      'must have no ?query or #fragment',
    )
    .transform((v) => v.replace(/\/+$/, '')),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: DatabaseConfig;
  logLevel: (typeof LOG_LEVELS)[number];
  limits: QueryLimits;
  rateLimit: RateLimitConfig;
  /**
   * The bulk export's buckets, in deals rather than points (src/modules/export), kept apart
   * from the GraphQL budget; shared through Redis like it when REDIS_URL is set.
   */
  exportRateLimit: Readonly<{ anonymous: RateLimitPolicy; key: RateLimitPolicy }>;
  responseCache: ResponseCacheConfig;
  /** Whether operations run compiled by graphql-jit (src/graphql/compiled-execution.ts). */
  compiledExecution: boolean;
  /** In-flight requests get this long to finish after SIGTERM before connections are cut. */
  shutdownGraceMs: number;
  /** Server processes sharing the port; more than one needs a PostgreSQL server. */
  workers: number;
  /** After a client's write, how long its reads go to the primary rather than a replica. */
  readAfterWriteMs: number;
  /** The API's public base URL, without a trailing slash (links in citations). */
  publicUrl: string;
  /**
   * Whether starts seed the demo data (the Kazan record and the SIPRI Sahel excerpt) into a
   * database that never had it.
   */
  seedDemoData: boolean;
}>;

/** What one request may ask for; see src/graphql/limits. */
export type QueryLimits = Readonly<{
  maxBodyBytes: number;
  maxTokens: number;
  maxStringLength: number;
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxRootFields: number;
  maxCost: number;
  /** Expensive operations (aggregates, search) one client may have running at once. */
  expensivePerClient: number;
}>;

/** The response cache of anonymous and READER queries (src/graphql/response-cache). */
export type ResponseCacheConfig = Readonly<{
  enabled: boolean;
  /** In-process store (no REDIS_URL): characters of JSON held at most, and entries. */
  maxBytes: number;
  maxEntries: number;
  /** Answers larger than this are not stored. */
  maxEntryBytes: number;
  /** Redis store: how long an entry lives (a write makes it unreachable at once anyway). */
  ttlSeconds: number;
}>;

/** A token bucket: `burst` points at most, refilled at `perSecond` points a second. */
export type RateLimitPolicy = Readonly<{ burst: number; perSecond: number }>;

export type RateLimitConfig = Readonly<{
  enabled: boolean;
  /** Clients without an API key, one bucket per client address. */
  anonymous: RateLimitPolicy;
  /** Clients with an API key, one bucket per key. */
  key: RateLimitPolicy;
  /** Shared buckets for several instances; in-process buckets when unset. */
  redisUrl: string | null;
}>;

/** Where the data lives: an embedded PGlite folder (or memory), or a PostgreSQL server. */
export type DatabaseConfig =
  | Readonly<{ kind: 'pglite'; dataDir: string | null }>
  | Readonly<{
      kind: 'postgres';
      url: string;
      poolMax: number;
      /**
       * Pipelined connections that read the API's named statements while they keep up (0: every
       * read through the pool). Unset: DEFAULT_READ_LANES (src/db/read-lanes.ts).
       */
      readLanes?: number;
      /** How long a lane's oldest statement may wait before reads go elsewhere; STALL_MS if unset. */
      readLaneWaitMs?: number;
      connectTimeoutMs: number;
      statementTimeoutMs: number;
      /** Streaming replicas that serve read-only queries (src/db/read-replicas.ts); none if unset. */
      readUrls?: readonly string[];
      /**
       * The pool for expensive operations: smaller, so they cannot take every connection, and
       * with a shorter statement_timeout, so none holds a connection for long.
       */
      expensive?: Readonly<{ poolMax: number; statementTimeoutMs: number }>;
    }>;

/** A day's allowance as a bucket: the whole of it at once, refilled evenly over 24 hours. */
function rowsPerDay(rows: number): RateLimitPolicy {
  return Object.freeze({ burst: rows, perSecond: rows / 86_400 });
}

export class ConfigError extends OperatorError {
  override name = 'ConfigError';
}

/**
 * Parses the environment into a frozen Config. An invalid environment throws one
 * ConfigError that lists every bad variable, so a start-up failure is fixed in one go.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  // A budget smaller than the largest allowed query would refuse that query forever.
  for (const [name, burst] of [
    ['RATE_LIMIT_BURST', e.RATE_LIMIT_BURST],
    ['RATE_LIMIT_KEY_BURST', e.RATE_LIMIT_KEY_BURST],
  ] as const) {
    if (e.RATE_LIMIT_ENABLED && burst < e.QUERY_MAX_COST) {
      throw new ConfigError(
        `Invalid environment:\n  ${name}: must be at least QUERY_MAX_COST (${e.QUERY_MAX_COST})`,
      );
    }
  }
  // A PGlite folder is opened by one process (the data-folder lock would stop the second).
  if (e.WEB_CONCURRENCY > 1 && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid environment:\n  WEB_CONCURRENCY: more than one worker needs DATABASE_URL ' +
        '(the embedded database is opened by one process)',
    );
  }
  if (e.DATABASE_READ_URL?.length && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid environment:\n  DATABASE_READ_URL: replicas need DATABASE_URL, their primary',
    );
  }
  const database: DatabaseConfig = e.DATABASE_URL
    ? {
        kind: 'postgres',
        url: e.DATABASE_URL,
        poolMax: e.DB_POOL_MAX,
        readLanes: e.DB_READ_LANES,
        readLaneWaitMs: e.DB_READ_LANE_WAIT_MS,
        connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
        statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
        readUrls: Object.freeze(e.DATABASE_READ_URL ?? []),
        expensive: {
          poolMax: e.DB_EXPENSIVE_POOL_MAX,
          statementTimeoutMs: e.DB_EXPENSIVE_STATEMENT_TIMEOUT_MS,
        },
      }
    : { kind: 'pglite', dataDir: e.PGLITE_DATA_DIR === ':memory:' ? null : e.PGLITE_DATA_DIR };
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: Object.freeze(database),
    logLevel: e.LOG_LEVEL,
    limits: Object.freeze({
      maxBodyBytes: e.MAX_BODY_BYTES,
      maxTokens: e.QUERY_MAX_TOKENS,
      maxStringLength: e.QUERY_MAX_STRING_LENGTH,
      maxDepth: e.QUERY_MAX_DEPTH,
      maxAliases: e.QUERY_MAX_ALIASES,
      maxDirectives: e.QUERY_MAX_DIRECTIVES,
      maxRootFields: e.QUERY_MAX_ROOT_FIELDS,
      maxCost: e.QUERY_MAX_COST,
      expensivePerClient: e.EXPENSIVE_CONCURRENCY_PER_CLIENT,
    }),
    rateLimit: Object.freeze({
      enabled: e.RATE_LIMIT_ENABLED,
      anonymous: Object.freeze({ burst: e.RATE_LIMIT_BURST, perSecond: e.RATE_LIMIT_PER_SECOND }),
      key: Object.freeze({ burst: e.RATE_LIMIT_KEY_BURST, perSecond: e.RATE_LIMIT_KEY_PER_SECOND }),
      redisUrl: e.REDIS_URL ?? null,
    }),
    exportRateLimit: Object.freeze({
      anonymous: rowsPerDay(e.EXPORT_ROWS_PER_DAY),
      key: rowsPerDay(e.EXPORT_KEY_ROWS_PER_DAY),
    }),
    responseCache: Object.freeze({
      enabled: e.RESPONSE_CACHE,
      maxBytes: e.RESPONSE_CACHE_MAX_BYTES,
      maxEntries: e.RESPONSE_CACHE_MAX_ENTRIES,
      maxEntryBytes: e.RESPONSE_CACHE_MAX_ENTRY_BYTES,
      ttlSeconds: e.RESPONSE_CACHE_TTL_SECONDS,
    }),
    compiledExecution: e.COMPILED_EXECUTION,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    workers: e.WEB_CONCURRENCY,
    readAfterWriteMs: e.READ_AFTER_WRITE_MS,
    publicUrl: e.PUBLIC_URL,
    // The embedded database is the demo and the newcomer's first look: it comes with the
    // record. A PostgreSQL server is a deployment whose data should hold only what its
    // operators put there, so it gets the demo data only when asked.
    seedDemoData: e.SEED_DEMO_DATA ?? database.kind === 'pglite',
  });
}
