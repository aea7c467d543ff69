// Demo data (the Kazan record and the SIPRI Sahel excerpt) goes into a new embedded database by
// default, and into a PostgreSQL database only when asked: a start never fills a production
// server with records its operators did not put there.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadyDatabase } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { queryRows } from '../src/db/client.js';
import { createLogger } from '../src/logger.js';
import { ownDatabaseEnv } from './support/real-server.js';
import { testDatabaseKind } from './support/test-database.js';

/** Opens the database as a start with `env` would, and counts deals and applied seeds. */
async function startAndCount(env: Record<string, string>) {
  const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
  const database = await openReadyDatabase(config, createLogger('silent'));
  try {
    const [row] = await queryRows<{ deals: number; seeds: number }>(
      database.db,
      sql`select (select count(*)::int from deals) as deals,
                 (select count(*)::int from applied_seeds) as seeds`,
    );
    return row!;
  } finally {
    await database.close();
  }
}

describe(`demo data on a new ${testDatabaseKind} database`, () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<unknown>;
  beforeAll(async () => {
    ({ env, cleanup } = await ownDatabaseEnv({ fresh: true }));
  }, 60_000);
  afterAll(() => cleanup?.());

  // One database, two starts: the first must leave it migrated and empty, the second (asking
  // for the demo data, or on PGlite by default) seeds it, as it was never seeded.
  const unseeded: Record<string, string> =
    testDatabaseKind === 'postgres' ? {} : { SEED_DEMO_DATA: 'false' };
  const seeded: Record<string, string> =
    testDatabaseKind === 'postgres' ? { SEED_DEMO_DATA: 'true' } : {};

  it(`is not seeded with ${JSON.stringify(unseeded)}, only migrated`, async () => {
    expect(await startAndCount({ ...env, ...unseeded })).toEqual({ deals: 0, seeds: 0 });
  }, 60_000);

  it(`is seeded with ${JSON.stringify(seeded)}`, async () => {
    const counts = await startAndCount({ ...env, ...seeded });
    expect(counts.seeds).toBe(1);
    // The Kazan record and the 402-row excerpt.
    expect(counts.deals).toBeGreaterThan(400);
  }, 60_000);
});
