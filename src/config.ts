// Process configuration: reads and validates the environment once; nothing else reads process.env.
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// or postgresql:// URL')
    .optional(),
  PGLITE_DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15000),
});

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  database: DatabaseConfig;
  logLevel: (typeof LOG_LEVELS)[number];
}>;

/** Where the data lives: an embedded PGlite folder (or memory), or a PostgreSQL server. */
export type DatabaseConfig =
  | Readonly<{ kind: 'pglite'; dataDir: string | null }>
  | Readonly<{
      kind: 'postgres';
      url: string;
      poolMax: number;
      connectTimeoutMs: number;
      statementTimeoutMs: number;
    }>;

export class ConfigError extends Error {
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
  const database: DatabaseConfig = e.DATABASE_URL
    ? {
        kind: 'postgres',
        url: e.DATABASE_URL,
        poolMax: e.DB_POOL_MAX,
        connectTimeoutMs: e.DB_CONNECT_TIMEOUT_MS,
        statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS,
      }
    : { kind: 'pglite', dataDir: e.PGLITE_DATA_DIR === ':memory:' ? null : e.PGLITE_DATA_DIR };
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: Object.freeze(database),
    logLevel: e.LOG_LEVEL,
  });
}
