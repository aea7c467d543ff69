// Migration 0004: a database imported before releases were kept gets a release per SIPRI
// source its deals cite, and each deal points at the newest; re-importing the same file then
// adds the rows and changes no deal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, queryRows } from '../src/db/client.js';
import { seedSipriExcerpt } from '../src/seed/sipri-excerpt.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

describe('migration 0004: SIPRI releases', () => {
  let database: TestDatabase;
  const count = async (query: ReturnType<typeof sql>) =>
    (await queryRows<{ n: number }>(database.db, query))[0]!.n;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedSipriExcerpt(database.db);
    // The database as an import before 0004 left it: deals and citations, no releases.
    await database.db.execute(sql`update deals set sipri_release_id = null`);
    await database.db.execute(sql`delete from sipri_rows`);
    await database.db.execute(sql`delete from sipri_releases`);
  });
  afterAll(() => database.close());

  it('backfills a release per cited SIPRI source and points each deal at it', async () => {
    const text = readFileSync(join(MIGRATIONS_FOLDER, '0004_sipri_releases.sql'), 'utf8');
    const handWritten = text.slice(text.indexOf('-- Written by hand.'));
    for (const statement of handWritten.split('--> statement-breakpoint')) {
      await database.db.execute(sql.raw(statement));
    }
    const releases = await queryRows<{
      scope: string;
      row_count: number;
      generated_on: string;
      generated_text: string;
      recipients: number;
    }>(
      database.db,
      sql`select scope, row_count, generated_on::text, generated_text,
        cardinality(recipient_ids) as recipients from sipri_releases`,
    );
    expect(releases).toEqual([
      {
        scope: 'EXCERPT',
        row_count: 402,
        generated_on: '2026-05-18',
        generated_text: '18 May 2026 2:29:20 PM',
        recipients: 5,
      },
    ]);
    expect(
      await count(sql`select count(*)::int as n from deals
        where import_key like 'sipri:%' and sipri_release_id is null`),
    ).toBe(0);
  });

  it('keeps the rows when the same file is imported again, changing no deal', async () => {
    const revisions = await count(sql`select count(*)::int as n from revisions`);
    const summary = await seedSipriExcerpt(database.db);
    expect(summary).toMatchObject({ dealsAdded: 0, dealsUpdated: 0, retired: [] });
    expect(summary.matches.SAME_KEY).toBe(402);
    expect(await count(sql`select count(*)::int as n from sipri_rows`)).toBe(402);
    // The backfilled release took the rows: still one release, now with its content known.
    expect(
      await count(
        sql`select count(*)::int as n from sipri_releases where content_sha256 is not null`,
      ),
    ).toBe(1);
    expect(await count(sql`select count(*)::int as n from sipri_releases`)).toBe(1);
    expect(await count(sql`select count(*)::int as n from revisions`)).toBe(revisions);
  });
});
