// The data version (migration 0007): it moves once per committed writing transaction, whatever
// wrote, never before the commit and never for a rollback; every table carries its trigger;
// and a long writer does not hold other writers back.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { readDataVersion } from '../../src/db/data-version.js';
import { createActor } from '../support/factories.js';
import {
  createTestDatabase,
  testDatabaseUrl,
  withClient,
  type TestDatabase,
} from '../support/test-database.js';

let database: TestDatabase;
const version = async () => BigInt(await readDataVersion(database.db));

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe('the data version', () => {
  it('is maintained by a trigger on every table but its own', async () => {
    const rows = await queryRows<{ tablename: string; triggered: boolean }>(
      database.db,
      sql`select t.tablename, exists (
            select 1 from pg_trigger g
            where g.tgrelid = format('%I.%I', t.schemaname, t.tablename)::regclass
              and g.tgname = 'data_version_bump'
          ) as triggered
          from pg_tables t where t.schemaname = current_schema() order by t.tablename`,
    );
    expect(rows.length).toBeGreaterThan(10);
    const untriggered = rows.filter((r) => !r.triggered).map((r) => r.tablename);
    // A table added without the trigger would let its writes go unseen by the response cache.
    expect(untriggered).toEqual(['data_version']);
  });

  it('moves once per committed transaction, whatever it writes, and not for a rollback', async () => {
    const before = await version();
    await createActor(database.db);
    expect(await version()).toBe(before + 1n);

    await database.db.transaction(async (tx) => {
      await createActor(tx);
      await createActor(tx);
      await tx.execute(sql`update actors set description = 'x' where false`);
    });
    expect(await version()).toBe(before + 2n);

    await expect(
      database.db.transaction(async (tx) => {
        await createActor(tx);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await version()).toBe(before + 2n);
  });

  it('moves for a write after a savepoint that undid the transaction’s first one', async () => {
    const before = await version();
    await database.db.transaction(async (tx) => {
      await expect(
        tx.transaction(async (inner) => {
          await createActor(inner);
          throw new Error('savepoint rolled back');
        }),
      ).rejects.toThrow('savepoint rolled back');
      await createActor(tx);
    });
    expect(await version()).toBe(before + 1n);
  });

  it('moves for a TRUNCATE too', async () => {
    const before = await version();
    await database.db.execute(sql`truncate search_documents`);
    expect(await version()).toBe(before + 1n);
  });
});

/** This file's database on the TEST_DATABASE_URL server, for connections of the test's own. */
async function ownUrl(): Promise<string> {
  const [row] = await queryRows<{ db: string }>(database.db, sql`select current_database() as db`);
  const url = new URL(testDatabaseUrl!);
  url.pathname = `/${row!.db}`;
  return url.toString();
}

describe.skipIf(!testDatabaseUrl)('the data version on PostgreSQL, across connections', () => {
  it('moves exactly at commit, as seen from another connection', async () => {
    const url = await ownUrl();
    await withClient(url, async (writer) => {
      const before = await version();
      await writer.query('begin');
      await writer.query(`insert into actors (kind, name) values ('COMPANY', 'Uncommitted Works')`);
      expect(await version()).toBe(before);
      await writer.query('commit');
      expect(await version()).toBe(before + 1n);
    });
  });

  it('does not make a writer wait for another one that is still running', async () => {
    const url = await ownUrl();
    await withClient(url, async (longWriter) => {
      await longWriter.query('begin');
      await longWriter.query(`insert into actors (kind, name) values ('COMPANY', 'Long Import')`);
      try {
        // With one counter row this insert would wait for the open transaction's commit.
        await withClient(url, async (other) => {
          await other.query(`set lock_timeout = '2s'`);
          await other.query(`insert into actors (kind, name) values ('COMPANY', 'Quick Edit')`);
        });
      } finally {
        await longWriter.query('rollback');
      }
    });
  });
});
