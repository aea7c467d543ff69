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
