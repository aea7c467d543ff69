// Test support: a real, migrated and seeded database per test file — PGlite in memory, or a
// fresh database on the PostgreSQL server named by TEST_DATABASE_URL.
import { randomBytes } from 'node:crypto';
import { openDatabase, type Database } from '../../src/db/client.js';
import { seedDatabase } from '../../src/seed/seed-database.js';
import { withClient } from './pg-client.js';
import { seededDump, templates } from './templates.js';

export { withClient };

export interface TestDatabase extends Database {
  /** Statements sent since the last reset: the N+1 guard reads it. */
  readonly statements: { count: number; log: string[]; reset(): void };
}

export const testDatabaseUrl = process.env.TEST_DATABASE_URL;
export const testDatabaseKind = testDatabaseUrl ? 'postgres' : 'pglite';

/**
 * `migrate: false` leaves it empty (no migrations, no seed) for tests of migrations themselves;
 * `poolMax` (PostgreSQL) bounds its pool, 1 for a test that must see the app's own connection;
 * `readLanes` and `readLaneWaitMs` (PostgreSQL) set its read lanes (src/db/read-lanes.ts),
 * the defaults otherwise.
 */
export async function createTestDatabase(
  options: {
    seed?: boolean;
    migrate?: boolean;
    poolMax?: number;
    readLanes?: number;
    readLaneWaitMs?: number;
  } = {},
): Promise<TestDatabase> {
  const statements = {
    count: 0,
    log: [] as string[],
    reset() {
      this.count = 0;
      this.log = [];
    },
  };
  const queryLogger = {
    logQuery(query: string) {
      statements.count += 1;
      statements.log.push(query);
    },
  };
  let database: Database;
  let dropDatabase = (): Promise<unknown> => Promise.resolve();
  // The common case (migrated, with the Kazan record) starts from this run's template.
  const fromTemplate = options.migrate !== false && options.seed !== false;
  if (testDatabaseUrl) {
    const scratch = await createScratchDatabase(testDatabaseUrl, 'armstrail_test', {
      template: fromTemplate ? templates().postgresSeeded : undefined,
    });
    database = await openDatabase(
      {
        kind: 'postgres',
        url: scratch.url,
        poolMax: options.poolMax ?? 5,
        readLanes: options.readLanes,
        readLaneWaitMs: options.readLaneWaitMs,
        connectTimeoutMs: 5000,
        statementTimeoutMs: 30_000,
      },
      { queryLogger },
    );
    dropDatabase = scratch.drop;
  } else {
    database = await openDatabase(
      { kind: 'pglite', dataDir: null },
      { queryLogger, loadDataDir: fromTemplate ? seededDump() : undefined },
    );
  }
  // A template was migrated and seeded in this run, by this code: nothing left to do.
  if (!fromTemplate && options.migrate !== false) {
    await database.migrate();
    if (options.seed !== false) await seedDatabase(database.db);
  }
  statements.reset();
  return {
    ...database,
    statements,
    close: async () => {
      await database.close();
      await dropDatabase();
    },
  };
}

/** A new, empty database on the server of `serverUrl`, and a way to drop it (tests, benchmarks). */
export async function createScratchDatabase(
  serverUrl: string,
  prefix = 'armstrail_test',
  { template }: { template?: string } = {},
): Promise<{ url: string; drop: () => Promise<unknown> }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (c) =>
    c.query(`create database ${name}${template ? ` template ${template}` : ''}`),
  );
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () =>
      withClient(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`)),
  };
}
