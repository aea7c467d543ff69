import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../src/db/client.js';
import { seedDatabase } from '../src/seed/seed-database.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('database', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  it('migrates an empty database to every table of the schema', async () => {
    const rows = await queryRows<{ table_name: string }>(
      t.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
    );
    expect(rows.map((r) => r.table_name)).toEqual([
      'actor_aliases',
      'actors',
      'api_keys',
      'applied_seeds',
      'citations',
      'data_version',
      'deal_event_actors',
      'deal_events',
      'deal_items',
      'deals',
      'platform_aliases',
      'platform_producers',
      'platforms',
      'revisions',
      'search_documents',
      'sipri_releases',
      'sipri_rows',
      'sources',
    ]);
  });

  it('applies migrations and seeds the Kazan record', async () => {
    const rows = await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from deals`);
    expect(rows[0]?.n).toBe(1);
  });

  it('changes nothing when migrated and seeded a second time', async () => {
    const count = sql`select (select count(*) from actors) + (select count(*) from citations) + (select count(*) from deal_items) as n`;
    const before = await queryRows<{ n: string }>(t.db, count);
    await t.migrate();
    await seedDatabase(t.db);
    const after = await queryRows<{ n: string }>(t.db, count);
    expect(after).toEqual(before);
  });
});

describe('stable IDs', () => {
  it('gives the seed records the same IDs in every new database', async () => {
    const [a, b] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    try {
      const idsOf = (db: TestDatabase) =>
        queryRows<{ id: string }>(
          db.db,
          sql`select id from deals union all select id from citations order by 1`,
        );
      const [idsA, idsB] = await Promise.all([idsOf(a), idsOf(b)]);
      expect(idsA.length).toBeGreaterThan(0);
      expect(idsA).toEqual(idsB);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
