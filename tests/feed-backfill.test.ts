// The feed's backfill: a database written before every write was in the change feed (records
// without revisions, imported deals whose revisions speak the old flat dialect) gets, once,
// the revisions a mirror needs; a second run writes nothing.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import { backfillRevisions, BACKFILL_AUTHOR } from '../src/modules/revisions/backfill.js';
import { ids } from '../src/seed/kazan-mali.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const live = `select id from actors where deleted_at is null
  union all select id from platforms where deleted_at is null
  union all select id from deals where deleted_at is null
  union all select id from deal_events where deleted_at is null
  union all select id from sources where deleted_at is null
  union all select id from citations where deleted_at is null`;

describe('the feed backfill', () => {
  let t: TestDatabase;
  let records: number;

  beforeAll(async () => {
    t = await createTestDatabase();
    // As before this version: the seed wrote no revision, and the import wrote its deal's in
    // its own flat dialect (raw UUIDs, orderYear).
    await t.db.execute(sql`delete from revisions`);
    await t.db
      .execute(sql`insert into revisions (record_type, record_id, action, author_name, changes)
      values ('Deal', ${ids.kazanDeal}, 'CREATE', 'SIPRI import (data generated 18 May 2026)',
        ${JSON.stringify({ supplier: { from: null, to: ids.russia }, orderYear: { from: null, to: 2025 } })}::jsonb)`);
    const [n] = await queryRows<{ n: number }>(
      t.db,
      sql.raw(`select count(*)::int as n from (${live}) r`),
    );
    records = n!.n;
  });
  afterAll(() => t.close());

  it('gives every live record without a revision a CREATE, and restates the flat deal', async () => {
    expect(records).toBeGreaterThan(10);
    // Every record but the deal, which has its flat revision, gets a CREATE; the deal an UPDATE.
    expect(await backfillRevisions(t.db)).toBe(records);
    const missing = await queryRows(
      t.db,
      sql.raw(
        `select id from (${live}) r where not exists (select 1 from revisions v where v.record_id = r.id)`,
      ),
    );
    expect(missing).toEqual([]);
    const [restated] = await queryRows<{ action: string; author: string; changes: unknown }>(
      t.db,
      sql`select action, author_name as author, changes from revisions
        where record_id = ${ids.kazanDeal} order by id desc limit 1`,
    );
    const changes = (
      typeof restated!.changes === 'string' ? JSON.parse(restated!.changes) : restated!.changes
    ) as Record<string, { from: unknown; to: unknown }>;
    expect(restated).toMatchObject({ action: 'UPDATE', author: BACKFILL_AUTHOR.name });
    expect(changes.supplier).toEqual({ from: ids.russia, to: toGlobalId('Actor', ids.russia) });
    expect(changes.orderYear).toEqual({ from: 2025, to: null });
    expect(changes.stage).toEqual({ from: null, to: 'REPORTED_INTEREST' });
  });

  it('writes nothing the second time', async () => {
    const count = async () =>
      (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from revisions`))[0]!.n;
    const before = await count();
    expect(await backfillRevisions(t.db)).toBe(0);
    expect(await count()).toBe(before);
  });
});
