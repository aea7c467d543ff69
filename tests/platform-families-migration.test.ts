// Migration 0003: databases from before family rules get the column, their links marked as
// editors', and SIPRI's Mi-8 and Mi-24 variants placed — at migration, not at each start.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, queryRows } from '../src/db/client.js';
import { placePlatformFamilies } from '../src/import/platform-families.js';
import { seedSipriExcerpt } from '../src/seed/sipri-excerpt.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('migration 0003: platform families', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedSipriExcerpt(database.db);
    // A database as it was before: imported designations in no tree, no provenance column.
    await database.db.execute(
      sql`update platforms set parent_id = null where family_source like 'rule:%'`,
    );
    await database.db.execute(sql`alter table platforms drop column family_source`);
  });
  afterAll(() => database.close());

  async function applyMigration() {
    const text = readFileSync(join(MIGRATIONS_FOLDER, '0003_platform_families.sql'), 'utf8');
    for (const statement of text.split('--> statement-breakpoint')) {
      await database.db.execute(sql.raw(statement));
    }
  }

  it('places what the import would place, and keeps the seeded links as editors’', async () => {
    await applyMigration();
    const rows = await queryRows<{ designation: string; parent: string; family_source: string }>(
      database.db,
      sql`select p.designation, parent.designation as parent, p.family_source
        from platforms p join platforms parent on parent.id = p.parent_id`,
    );
    rows.sort((a, b) => (a.designation < b.designation ? -1 : 1));
    expect(rows).toEqual([
      { designation: 'Mi-17', parent: 'Mi-8', family_source: 'editor' },
      { designation: 'Mi-171', parent: 'Mi-17', family_source: 'editor' },
      { designation: 'Mi-171Sh', parent: 'Mi-171', family_source: 'editor' },
      { designation: 'Mi-24D', parent: 'Mi-24', family_source: 'rule:model-variant' },
      { designation: 'Mi-24P', parent: 'Mi-24', family_source: 'rule:model-variant' },
      { designation: 'Mi-24V/Mi-35', parent: 'Mi-24', family_source: 'rule:alternatives-agree' },
      { designation: 'Mi-35', parent: 'Mi-24', family_source: 'editor' },
      { designation: 'Mi-35M', parent: 'Mi-35', family_source: 'editor' },
      { designation: 'Mi-8T', parent: 'Mi-8', family_source: 'rule:model-variant' },
    ]);
    // The migration and the rules agree: an import would change nothing.
    expect((await placePlatformFamilies(database.db, { write: false })).changed).toEqual([]);
  });
});
