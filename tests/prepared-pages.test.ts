// List pages run as named statements (src/db/statements.ts, queryPrepared): PostgreSQL parses and
// plans each text once per connection instead of on every request. The names are bounded: a
// text beyond the first PREPARED_TEXTS_KEPT runs unnamed, so that no stream of new shapes can
// pile up prepared statements on every connection.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.js';
import { PgDialect } from 'drizzle-orm/pg-core';
import { fetchTextKeysetPage } from '../src/db/keyset.js';
import { actors, deals } from '../src/db/schema.js';
import { statementNames } from '../src/db/statements.js';
import { ALL_DEAL_KEYS } from '../src/modules/deals/deal-columns.js';
import {
  countDeals,
  dealPageStatement,
  dealPagesByParentStatement,
  fetchDealPage,
  fetchDealPagesByParent,
  type DealPageQuery,
} from '../src/modules/deals/deal-pages.js';
import { createApiKey, revokeApiKey, viewerForKey } from '../src/modules/auth/api-keys.service.js';
import { createCompanies, createDeal, createPlatform, createState } from './support/factories.js';
import {
  createTestDatabase,
  testDatabaseKind,
  type TestDatabase,
} from './support/test-database.js';

const dialect = new PgDialect();

const page = (more: Partial<DealPageQuery> = {}): DealPageQuery => ({
  filter: {},
  ordering: { field: 'ORDER_DATE', direction: 'DESC' },
  limit: 6,
  after: null,
  columns: ALL_DEAL_KEYS,
  ...more,
});

describe('statement names', () => {
  it('names the first texts it sees, each always the same way, and no more than it keeps', () => {
    const nameOf = statementNames(2);
    const a = nameOf('select 1');
    const b = nameOf('select 2');
    expect(a).toMatch(/^armstrail_[0-9a-f]{20}$/);
    expect(b).toMatch(/^armstrail_[0-9a-f]{20}$/);
    expect(b).not.toBe(a);
    expect(nameOf('select 3')).toBeUndefined();
    expect(nameOf('select 1')).toBe(a);
    expect(nameOf('select 2')).toBe(b);
    expect(nameOf('select 3')).toBeUndefined();
  });
});

// PGlite has one connection and no statement names: it runs every text as it comes.
describe.skipIf(testDatabaseKind === 'pglite')('deal pages on PostgreSQL', () => {
  let database: TestDatabase;
  let platformId: string;
  let supplierId: string;
  /** The supplier of a register's worth of deals. */
  let bigSupplierId: string;

  beforeAll(async () => {
    // One connection: the prepared statements the app leaves are the ones this test can see.
    database = await createTestDatabase({ poolMax: 1 });
    const { db } = database;
    const supplier = await createState(db, 'Finland', 'FIN');
    const recipient = await createState(db, 'Estonia', 'EST');
    const platform = await createPlatform(db);
    platformId = platform.id;
    supplierId = supplier.id;
    // A register's worth of other deals: the planner's guesses depend on the table's size.
    const [other, another] = [
      await createState(db, 'Latvia', 'LVA'),
      await createState(db, 'Lithuania', 'LTU'),
    ];
    bigSupplierId = other.id;
    await db.insert(deals).values(
      Array.from({ length: 3000 }, (_, i) => ({
        supplierId: other.id,
        recipientId: another.id,
        stage: 'DELIVERED' as const,
        orderYear: 1950 + (i % 70),
      })),
    );
    await db.execute(sql`analyze deals`);
    for (const year of [2019, 2020, 2021]) {
      await createDeal(db, {
        supplierId: supplier.id,
        recipientId: recipient.id,
        orderYear: year,
        items: [{ platformId: platform.id }],
      });
    }
  });
  afterAll(() => database?.close());

  async function prepared(): Promise<string[]> {
    const rows = await queryRows<{ statement: string }>(
      database.db,
      sql`select statement from pg_prepared_statements`,
    );
    return rows.map((r) => r.statement);
  }

  it('prepares a root page once and reuses it, whatever the values', async () => {
    const first = page();
    const rows = await fetchDealPage(database.db, first);
    expect(rows.length).toBeGreaterThan(0);
    const text = dialect.sqlToQuery(dealPageStatement(first)).sql;
    expect(await prepared()).toContain(text);

    // Another page size is another value, not another text: still one prepared statement.
    await fetchDealPage(database.db, page({ limit: 2 }));
    expect((await prepared()).filter((s) => s === text)).toHaveLength(1);
  });

  it('prepares a count once per filter, and counts as before', async () => {
    const bySupplier = { supplierIds: [supplierId] };
    expect(await countDeals(database.db, bySupplier)).toBe(3);
    expect(await countDeals(database.db, bySupplier)).toBe(3);
    expect(await countDeals(database.db, { supplierIds: [bigSupplierId] })).toBe(3000);
    // A filter's parties are in its text (planned for them): two suppliers, two texts, each
    // prepared once however often it runs.
    const texts = (await prepared()).filter((s) => s.includes('count(*)'));
    expect(texts).toHaveLength(2);
    expect(texts.filter((s) => s.includes(supplierId))).toHaveLength(1);
  });

  it('prepares a list by name, and reads its rows and keys as before', async () => {
    const spec = {
      sortKey: sql`lower(${actors.name})`,
      idColumn: actors.id,
      where: sql`${actors.name} ilike ${'%finla%'}`,
      after: null,
      limit: 5,
    };
    const rows = await fetchTextKeysetPage(database.db, actors, spec);
    expect(rows.map((r) => [r.row.name, r.key])).toEqual([['Finland', 'finland']]);
    // The row is the table's row as the loaders read it: a Date is a Date, no extra key.
    expect(rows[0]!.row.createdAt).toBeInstanceOf(Date);
    expect(Object.keys(rows[0]!.row)).not.toContain('__sort_key');
    const texts = (await prepared()).filter((s) => s.includes('lower("actors"."name")'));
    expect(texts).toHaveLength(1);
  });

  // PostgreSQL plans a named statement anew at every run for as long as its generic plan looks
  // dearer than the custom ones: with the page size a parameter, the generic plan guessed 10 %
  // of the table and was never chosen, and planning cost as much as running.
  it('plans a page once: later runs use the generic plan', async () => {
    const plans = async (text: string) => {
      const [row] = await queryRows<{ generic_plans: string; custom_plans: string }>(
        database.db,
        sql`select generic_plans, custom_plans from pg_prepared_statements where statement = ${text}`,
      );
      return { generic: Number(row!.generic_plans), custom: Number(row!.custom_plans) };
    };
    const root = page({ limit: 4 });
    const q = page({ limit: 3 });
    // Q3's first 50 deals of a supplier.
    const fifty = page({ limit: 51 });
    // A nested list's parents, as Q3 asks a platform's deals of 50 platforms.
    const parents = [platformId, ...Array.from({ length: 49 }, () => randomUUID())];
    for (let i = 0; i < 8; i++) {
      await fetchDealPage(database.db, root);
      await fetchDealPagesByParent(database.db, 'platform', parents, q);
      // One parent, as Q3 asks Russia's deals: a parents' array of unknown length made the
      // generic plan look ten times dearer than the custom one, which was made at every run.
      await fetchDealPagesByParent(database.db, 'supplier', [bigSupplierId], fifty);
    }
    for (const statement of [
      dealPageStatement(root),
      dealPagesByParentStatement('platform', parents, q),
      dealPagesByParentStatement('supplier', [bigSupplierId], fifty),
    ]) {
      const { generic, custom } = await plans(dialect.sqlToQuery(statement).sql);
      expect(custom).toBeLessThanOrEqual(5);
      expect(generic).toBeGreaterThanOrEqual(3);
    }
  });

  // A party's newest deals, as Q1 asks Mali's: planned for the party, the page reads its order
  // index and stops after 101 rows; a generic plan, not knowing the party, guesses an average
  // party's few deals and sorts them all. PostgreSQL kept the custom plan, made at every run.
  it('plans a first page filtered by a party once, for that party', async () => {
    const { db } = database;
    const small = await createCompanies(db, 60, 'Yard');
    await db.insert(deals).values(
      small.flatMap(({ id }) =>
        Array.from({ length: 20 }, (_, i) => ({
          supplierId: id,
          recipientId: supplierId,
          stage: 'DELIVERED' as const,
          orderYear: 1990 + i,
        })),
      ),
    );
    await db.execute(sql`analyze deals`);
    const partys = page({ filter: { supplierIds: [bigSupplierId] }, limit: 101 });
    for (let i = 0; i < 8; i++) await fetchDealPage(db, partys);
    const [row] = await queryRows<{ generic_plans: string; custom_plans: string }>(
      db,
      sql`select generic_plans, custom_plans from pg_prepared_statements
        where statement = ${dialect.sqlToQuery(dealPageStatement(partys)).sql}`,
    );
    expect(Number(row!.custom_plans)).toBeLessThanOrEqual(1);
    expect((await fetchDealPage(db, partys)).every((d) => d.supplierId === bigSupplierId)).toBe(
      true,
    );
  });

  it("prepares the pages of a list's parents, and answers as before", async () => {
    const q = page({ limit: 2 });
    for (const [parent, id] of [
      ['platform', platformId],
      ['supplier', supplierId],
    ] as const) {
      const pages = await fetchDealPagesByParent(database.db, parent, [id], q);
      expect(pages.get(id)!.map((d) => d.orderYear)).toEqual([2021, 2020]);
      const text = dialect.sqlToQuery(dealPagesByParentStatement(parent, [id], q)).sql;
      expect(await prepared()).toContain(text);
    }
  });
});

// Every request with an API key looks its key up before anything else: built by Drizzle at each
// request, that lookup was parsed and planned at each request too (issue 12, bench:load).
describe.skipIf(testDatabaseKind === 'pglite')('API key lookups on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ poolMax: 1 });
  });
  afterAll(() => database?.close());

  it('looks every key up through one prepared statement, revoked and unknown keys included', async () => {
    const { db } = database;
    const reader = await createApiKey(db, { name: 'Reader', role: 'READER' });
    const editor = await createApiKey(db, { name: 'Editor', role: 'EDITOR' });
    expect(await viewerForKey(db, reader.key)).toEqual({
      kind: 'key',
      keyId: reader.row.id,
      name: 'Reader',
      role: 'READER',
    });
    expect(await viewerForKey(db, editor.key)).toMatchObject({
      keyId: editor.row.id,
      role: 'EDITOR',
    });
    await revokeApiKey(db, editor.row.id);
    expect(await viewerForKey(db, editor.key)).toBeNull();
    expect(await viewerForKey(db, 'arm_unknown')).toBeNull();

    const rows = await queryRows<{ statement: string }>(
      db,
      sql`select statement from pg_prepared_statements where statement like '%api_keys%'`,
    );
    expect(rows).toHaveLength(1);
  });
});
