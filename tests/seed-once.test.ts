// The seed is applied once: only a new, empty database receives it, and no later start or CLI
// writes to a database (so a researcher's edit of a seeded record stays as they left it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReadyDatabase, prepareDatabase } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import {
  MIGRATIONS_FOLDER,
  openDatabase,
  queryRows,
  type Database,
  type Db,
} from '../src/db/client.js';
import { deals } from '../src/db/schema.js';
import { createLogger } from '../src/logger.js';
import { deleteDeal, updateDeal } from '../src/modules/deals/deals.service.js';
import { ids } from '../src/seed/kazan-mali.js';
import { seedDatabase } from '../src/seed/seed-database.js';
import { seedSipriExcerpt } from '../src/seed/sipri-excerpt.js';
import { count, importedDeals, writes } from './import/support.js';
import { migrateUpTo } from './support/migrations.js';
import { ownDatabaseEnv, runCliProcess } from './support/real-server.js';
import {
  createScratchDatabase,
  createTestDatabase,
  testDatabaseUrl,
  type TestDatabase,
} from './support/test-database.js';

const researcher = { keyId: null, name: 'A researcher' };

/** What a write would change: every deal's state and version, and the history's length. */
async function recordState(db: Db) {
  return {
    deals: await queryRows<Record<string, unknown>>(
      db,
      sql`select id, stage, comments, version, updated_at::text, deleted_at::text
          from deals order by id`,
    ),
    revisions: await count(db, 'revisions'),
  };
}

/** Edits the seeded Mi-17 deal (2020, Russia → Mali) and deletes the Kazan deal; returns the Mi-17's ID. */
async function editSeededRecords(db: Db): Promise<string> {
  const mi17 = (await importedDeals(db)).find(
    (d) => d.recipient === 'Mali' && d.designation === 'Mi-17' && d.order_year === 2020,
  )!;
  const [row] = await db.select().from(deals).where(eq(deals.id, mi17.id));
  await db.transaction((tx) =>
    updateDeal(
      tx,
      {
        dealId: mi17.id,
        expectedVersion: row!.version,
        patch: { stage: 'CANCELLED', comments: 'Cancelled in 2022, says the buyer' },
        items: null,
        citations: [],
        reason: 'Checked with the buyer',
      },
      researcher,
    ),
  );
  await db.transaction((tx) =>
    deleteDeal(tx, ids.kazanDeal, { author: researcher, reason: 'A duplicate' }),
  );
  return mi17.id;
}

/**
 * Runs `fn` on a database migrated to 0000_init with, for its duration only, the structures
 * today's seed and importer write to: platforms.family_source (0003), and the SIPRI release
 * tables, types and deal columns of 0004 (its generated DDL, without the foreign keys, which
 * need nothing here, and without `ADD VALUE 'RETIRE'`, which cannot be undone and a seed never
 * writes), the variant columns of 0005, the producer column of 0006 and the items' copy of
 * their deal's order key of 0008 (without its triggers: the copy goes with the column).
 * Afterwards the database holds only what an older Armstrail would have written.
 */
async function withLaterStructures(db: Db, fn: () => Promise<void>): Promise<void> {
  const releases = readFileSync(join(MIGRATIONS_FOLDER, '0004_sipri_releases.sql'), 'utf8')
    .split('--> statement-breakpoint')
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter((statement) =>
      /^(CREATE TYPE|CREATE TABLE|ALTER TABLE "deals" ADD COLUMN)/.test(statement),
    );
  expect(releases).toHaveLength(7);
  await db.execute(sql`alter table platforms add column family_source text`);
  for (const statement of releases) await db.execute(sql.raw(statement));
  await db.execute(sql`alter table deal_items add column variant_platform_id uuid`);
  await db.execute(sql`alter table sipri_rows add column variant_platform_id uuid`);
  await db.execute(sql`alter table citations add column producer_id uuid`);
  await db.execute(sql`alter table deal_items add column deal_order_sort integer`);
  await fn();
  await db.execute(sql`alter table deal_items drop column deal_order_sort`);
  await db.execute(sql`alter table citations drop column producer_id`);
  await db.execute(sql`alter table deal_items drop column variant_platform_id`);
  await db.execute(sql`alter table platforms drop column family_source`);
  await db.execute(sql`alter table deals drop column sipri_release_id,
    drop column retired_at, drop column retired_by_release_id`);
  await db.execute(sql`drop table sipri_rows, sipri_releases`);
  await db.execute(sql`drop type sipri_match, sipri_release_scope`);
}

async function expectEdited(db: Db, mi17: string) {
  const [edited] = await db.select().from(deals).where(eq(deals.id, mi17));
  expect(edited).toMatchObject({
    stage: 'CANCELLED',
    comments: 'Cancelled in 2022, says the buyer',
  });
  const [kazan] = await db.select().from(deals).where(eq(deals.id, ids.kazanDeal));
  expect(kazan?.deletedAt).not.toBeNull();
}

describe('a ready database opened again', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ seed: false });
    await prepareDatabase(t);
  });
  afterAll(() => t.close());

  it('is seeded, and the seed is recorded', async () => {
    expect(await count(t.db, 'deals')).toBe(403);
    const seeds = await queryRows(t.db, sql`select name, version from applied_seeds`);
    expect(seeds).toEqual([{ name: 'armstrail', version: 1 }]);
  });

  it('writes nothing the second time', async () => {
    const before = await recordState(t.db);
    t.statements.reset();
    const outcome = await prepareDatabase(t);
    expect(outcome).toMatchObject({ applied: false, seed: { name: 'armstrail', version: 1 } });
    expect(writes(t.statements.log)).toEqual([]);
    expect(await recordState(t.db)).toEqual(before);
  });
});

describe('an edited and a deleted seeded record', () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<unknown>;
  let open: () => Promise<Database>;
  let mi17: string;
  let edited: Awaited<ReturnType<typeof recordState>>;

  // Each process opens the database after the previous one closed it (PGlite is single-process).
  async function inDatabase<T>(fn: (db: Db) => Promise<T>): Promise<T> {
    const database = await open();
    try {
      return await fn(database.db);
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    ({ env, cleanup } = await ownDatabaseEnv({ fresh: true }));
    const config = loadConfig({ ...env, LOG_LEVEL: 'silent' });
    open = () => openReadyDatabase(config, createLogger('silent'));
    const seeded = await runCliProcess('seed', [], env);
    expect(seeded.code).toBe(0);
    expect(seeded.output).toMatch(/seed armstrail version 1 applied/);
    mi17 = await inDatabase(editSeededRecords);
    edited = await inDatabase(recordState);
  }, 120_000);
  afterAll(() => cleanup());

  it('stay as the editor left them after another start', async () => {
    await inDatabase(async (db) => {
      await expectEdited(db, mi17);
      expect(await recordState(db)).toEqual(edited);
    });
  });

  it('stay as the editor left them after `keys list` and `seed`, run one after another', async () => {
    expect((await runCliProcess('keys', ['list'], env)).code).toBe(0);
    const again = await runCliProcess('seed', [], env);
    expect(again.code).toBe(0);
    expect(again.output).toMatch(/seed armstrail version 1 was already applied on \d{4}-\d\d-\d\d/);
    expect(again.output).toMatch(/nothing written/);
    await inDatabase(async (db) => {
      await expectEdited(db, mi17);
      expect(await recordState(db)).toEqual(edited);
    });
  }, 120_000);
});

describe('a database seeded before seeds were recorded', () => {
  let t: TestDatabase;
  let mi17: string;
  let edited: Awaited<ReturnType<typeof recordState>>;

  beforeAll(async () => {
    t = await createTestDatabase({ migrate: false });
    await migrateUpTo(t, '0000_init');
    // Today's seed and importer write what migrations 0003 and 0004 add: it is there while
    // they run and gone again before the migrations catch up.
    await withLaterStructures(t.db, async () => {
      // What every start did before: the Kazan record, then the excerpt.
      await seedDatabase(t.db);
      await seedSipriExcerpt(t.db);
      mi17 = await editSeededRecords(t.db);
      edited = await recordState(t.db);
    });
    await prepareDatabase(t);
  });
  afterAll(() => t.close());

  it('is marked seeded by the migration, as of its first deal', async () => {
    const [seed] = await queryRows<{ name: string; version: number; same: boolean }>(
      t.db,
      sql`select name, version, applied_at = (select min(created_at) from deals) as same
          from applied_seeds`,
    );
    expect(seed).toEqual({ name: 'armstrail', version: 1, same: true });
  });

  it('is not seeded again: the edit and the deletion stay', async () => {
    await expectEdited(t.db, mi17);
    expect(await recordState(t.db)).toEqual(edited);
  });

  it('keeps the edit when the excerpt is imported again, now that releases keep rows', async () => {
    // Migration 0004 made the excerpt a release without rows; importing the same file adds
    // them, "matching every row to its deal by key and changing no deal".
    const again = await seedSipriExcerpt(t.db);
    expect(again).toMatchObject({ alreadyImported: false, dealsAdded: 0, retired: [] });
    await expectEdited(t.db, mi17);
    expect(again).toMatchObject({ dealsUpdated: 0, dealsUnchanged: 402 });
  });
});

describe('a database migrated before seeds were recorded but never seeded', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase({ migrate: false });
    await migrateUpTo(t, '0000_init');
  });
  afterAll(() => t.close());

  it('is seeded at its first start', async () => {
    expect(await prepareDatabase(t)).toMatchObject({ applied: true });
    expect(await count(t.db, 'deals')).toBe(403);
  });
});

describe.runIf(testDatabaseUrl)('several instances starting at once on PostgreSQL', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let databases: Database[];
  beforeAll(async () => {
    scratch = await createScratchDatabase(testDatabaseUrl!);
    databases = await Promise.all(
      [1, 2, 3].map(() =>
        openDatabase({
          kind: 'postgres',
          url: scratch.url,
          poolMax: 2,
          connectTimeoutMs: 5000,
          statementTimeoutMs: 60_000,
        }),
      ),
    );
  });
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.close()));
    await scratch.drop();
  });

  it('apply the seed exactly once', async () => {
    const outcomes = await Promise.all(databases.map((d) => prepareDatabase(d)));
    expect(outcomes.filter((o) => o.applied)).toHaveLength(1);
    const db = databases[0]!.db;
    expect(await count(db, 'deals')).toBe(403);
    // One application: every deal (the Kazan record and the excerpt's) has one CREATE revision,
    // and no record of any type has two.
    const [created] = await queryRows<{ deals: number; twice: number }>(
      db,
      sql`select count(*) filter (where record_type = 'Deal')::int as deals,
        (select count(*)::int from (select record_id from revisions where action = 'CREATE'
          group by record_id having count(*) > 1) as repeated) as twice
        from revisions where action = 'CREATE'`,
    );
    expect(created).toEqual({ deals: 403, twice: 0 });
  });
});
