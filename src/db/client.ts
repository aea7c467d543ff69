// Database layer: opens PGlite (embedded default) or a PostgreSQL pool, behind one Drizzle type.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { Logger as DrizzleLogger, SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import { lockDataFolder } from './data-folder-lock.js';
import { DEFAULT_READ_LANES, openReadLanes, type ReadLanes } from './read-lanes.js';
import * as schema from './schema.js';
import { SEARCH_SETUP } from './search-setup.js';

export type Schema = typeof schema;
/** The one Drizzle type the rest of the code sees, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  readonly kind: DatabaseConfig['kind'];
  readonly db: Db;
  /**
   * Where expensive operations (aggregates, search) run: on PostgreSQL a smaller pool with a
   * shorter statement_timeout, so that they can neither take every connection nor hold one
   * for long; on PGlite, which has one connection, the same as `db`.
   */
  readonly expensiveDb: Db;
  /** Applies pending migrations; safe to call from several processes at once. */
  migrate(): Promise<void>;
  /** Throws when the database cannot answer a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole database as a dump that `loadDataDir` starts from. */
  dump?(): Promise<Blob>;
}

export interface OpenOptions {
  /** Sees every statement Drizzle sends (used to count statements in tests). */
  queryLogger?: DrizzleLogger;
  /** Called with errors that idle pool clients raise (server restarts, network drops). */
  onPoolError?: (error: Error) => void;
  /**
   * PGlite only: start from this dump (`dumpDataDir`) of another database instead of an empty
   * one — a fresh PGlite spends seconds on initdb. Tests start from a migrated, seeded template.
   */
  loadDataDir?: Blob;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));
const QUERY_TIMEOUT_MARGIN_MS = 2_000;
// Any constant works; it only has to be the same for every Armstrail process.
const MIGRATION_LOCK_KEY = 0x41524d53;

/** Runs a raw statement and returns its rows, whichever driver is underneath. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

/** Runs a statement's text with its values on a database's own driver, returning raw rows. */
export type RawQuery = (
  /** A named statement is prepared once per connection; undefined runs it unnamed. */
  name: string | undefined,
  text: string,
  values: unknown[],
) => Promise<Record<string, unknown>[]>;

// The driver behind each Db that openDatabase hands out (src/db/statements.ts runs named
// statements through it); a transaction has none and goes through Drizzle.
const rawQueries = new WeakMap<Db, RawQuery>();

export function rawQueryOf(db: Db): RawQuery | undefined {
  return rawQueries.get(db);
}

export async function openDatabase(
  config: DatabaseConfig,
  options: OpenOptions = {},
): Promise<Database> {
  return config.kind === 'pglite'
    ? openPglite(config.dataDir, options)
    : openPostgres(config, options);
}

async function openPglite(dataDir: string | null, options: OpenOptions): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // Before PGlite reads a byte: a second process on the folder would lose the first's writes.
  const lock = dataDir ? lockDataFolder(dataDir) : null;
  const extensions = { pg_trgm, unaccent };
  let client: PGlite;
  try {
    client = await PGlite.create({
      extensions,
      ...(dataDir ? { dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite({ client, schema, logger: options.queryLogger ?? false });
  rawQueries.set(db, async (_name, text, values) => {
    // PGlite has one connection and no statement names to reuse: the text is what it runs.
    options.queryLogger?.logQuery(text, values);
    return (await client.query<Record<string, unknown>>(text, values)).rows;
  });
  return {
    kind: 'pglite',
    db: db as unknown as Db,
    expensiveDb: db as unknown as Db,
    // PGlite is single-connection, and the folder lock keeps it single-process: no lock here.
    migrate: async () => {
      for (const statement of SEARCH_SETUP) await db.execute(statement);
      await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    ping: async () => {
      await client.query('select 1');
    },
    dump: () => client.dumpDataDir('none'),
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

// Dates, times, intervals and numeric arrays as text, as Drizzle's node-postgres driver asks for
// them: the columns' own mapping (src/db/raw-rows.ts) turns them into what Drizzle returns.
const TEXT_TYPE_IDS = new Set([
  pg.types.builtins.TIMESTAMPTZ,
  pg.types.builtins.TIMESTAMP,
  pg.types.builtins.DATE,
  pg.types.builtins.INTERVAL,
  1231, // numeric[]
  1115, // timestamp[]
  1185, // timestamptz[]
  1187, // interval[]
  1182, // date[]
]);
const asText = (value: string): unknown => value;
const DRIZZLE_TYPES = {
  getTypeParser: ((id: number, format?: 'text' | 'binary'): ((value: string) => unknown) =>
    TEXT_TYPE_IDS.has(id)
      ? asText
      : (pg.types.getTypeParser(id, format) as (
          value: string,
        ) => unknown)) as typeof pg.types.getTypeParser,
};

function openPostgres(
  config: Extract<DatabaseConfig, { kind: 'postgres' }>,
  options: OpenOptions,
): Database {
  const createPool = (max: number, statementTimeoutMs: number, name: string) => {
    const created = new pg.Pool({
      connectionString: config.url,
      max,
      connectionTimeoutMillis: config.connectTimeoutMs,
      statement_timeout: statementTimeoutMs,
      // The client's own deadline, for a server that stops answering altogether (frozen, a
      // half-open connection): statement_timeout needs a live server to fire. A little later
      // than statement_timeout, so that a live server's clearer error normally comes first.
      query_timeout: statementTimeoutMs + QUERY_TIMEOUT_MARGIN_MS,
      idleTimeoutMillis: 30_000,
      application_name: name,
      // A connection answers statements written without waiting for the one before: the read
      // lanes' (src/db/read-lanes.ts); a transaction or a pool.query sends one at a time anyway.
      pipeline: true,
    });
    // Without a listener an idle client's error (e.g. the server restarting) kills the process.
    created.on('error', (error) => options.onPoolError?.(error));
    return created;
  };
  const pool = createPool(config.poolMax, config.statementTimeoutMs, 'armstrail');
  const expensivePool = config.expensive
    ? createPool(
        config.expensive.poolMax,
        config.expensive.statementTimeoutMs,
        'armstrail-expensive',
      )
    : null;
  const lanes = openReadLanes(config.readLanes ?? DEFAULT_READ_LANES, pool, config.readLaneWaitMs);
  const logger = options.queryLogger ?? false;
  const withRawQuery = (db: Db, onPool: pg.Pool | ReadLanes): Db => {
    rawQueries.set(db, async (name, text, values) => {
      options.queryLogger?.logQuery(text, values);
      // A named statement is parsed once per connection, then only bound and executed.
      return (
        await onPool.query<Record<string, unknown>>({ name, text, values, types: DRIZZLE_TYPES })
      ).rows;
    });
    return db;
  };
  const db = withRawQuery(drizzlePg({ client: pool, schema, logger }), lanes);
  return {
    kind: 'postgres',
    db,
    expensiveDb: expensivePool
      ? withRawQuery(drizzlePg({ client: expensivePool, schema, logger }), expensivePool)
      : db,
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          const locked = drizzlePg({ client, schema });
          for (const statement of SEARCH_SETUP) await locked.execute(statement);
          await migratePg(locked, { migrationsFolder: MIGRATIONS_FOLDER });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        }
      } finally {
        client.release();
      }
    },
    ping: async () => {
      await pool.query('select 1');
    },
    close: async () => {
      await Promise.all([pool.end(), expensivePool?.end()]);
    },
  };
}
