// Migration 0002: databases seeded before states had reference names get them, searchable.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, queryRows } from '../src/db/client.js';
import { searchDocuments } from '../src/modules/search/search-query.js';
import { refreshSearchDocuments } from '../src/modules/search/search.service.js';
import { seedSipriExcerpt } from '../src/seed/sipri-excerpt.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('migration 0002: state aliases', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedSipriExcerpt(database.db);
    // A database as it was before: states carry only the spellings SIPRI used.
    await database.db.execute(sql`delete from actor_aliases x using actors a
      where a.id = x.actor_id and a.kind = 'STATE' and x.alias <> a.name`);
    await refreshSearchDocuments(database.db, { actors: 'all' });
  });
  afterAll(() => database.close());

  const firstActor = async (text: string) => {
    const [hit] = await searchDocuments(database.db, {
      text,
      types: ['Actor'],
      offset: 0,
      limit: 1,
    });
    if (!hit) return null;
    const [row] = await queryRows<{ name: string }>(
      database.db,
      sql`select name from actors where id = ${hit.record_id}`,
    );
    return row?.name ?? null;
  };

  async function applyMigration() {
    const text = readFileSync(join(MIGRATIONS_FOLDER, '0002_state_aliases.sql'), 'utf8');
    for (const statement of text.split('--> statement-breakpoint')) {
      await database.db.execute(sql.raw(statement));
    }
  }

  const aliasCount = async () =>
    (
      await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from actor_aliases`)
    )[0]!.n;

  it('adds the names, rebuilds the search documents, and changes nothing when run again', async () => {
    expect(await firstActor('Tchad')).toBeNull();
    await applyMigration();
    const count = await aliasCount();
    for (const [q, name] of [
      ['Turkey', 'Turkiye'],
      ['Tchad', 'Chad'],
      ['Mauritanie', 'Mauritania'],
      ['Russie', 'Russia'],
      ['USSR', 'Soviet Union'],
      ['Britain', 'United Kingdom'],
    ]) {
      expect(await firstActor(q!)).toBe(name);
    }
    await applyMigration();
    expect(await aliasCount()).toBe(count);
    const [turkiye] = await queryRows<{ aliases: string[] }>(
      database.db,
      sql`select array_agg(x.alias order by x.alias) as aliases from actor_aliases x
        join actors a on a.id = x.actor_id where a.iso_alpha3 = 'TUR'`,
    );
    expect(turkiye!.aliases).toEqual(expect.arrayContaining(['Turkey', 'Turquie', 'Турция']));
  });
});
