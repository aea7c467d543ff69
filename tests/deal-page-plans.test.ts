// Deal pages are read in the order of the index that serves their ordering, and stop after the
// page: PostgreSQL does that only when the statement's ORDER BY matches the index exactly, nulls
// placement included. A mismatch costs no wrong answer, only a sort of every row of the first
// key's ties (the register has thousands of deals a year), so only the plan can show it. The
// planner is told that sorting and whole-table scans are as costly as they can be, so that on
// these few rows it still picks the index when the index can give the order. A platform's deals
// are read through its items, which hold their deals' order key (migration 0008).
import type { SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorRow, PlatformRow } from '../src/db/schema.js';
import { ALL_DEAL_KEYS } from '../src/modules/deals/deal-columns.js';
import {
  dealCursor,
  dealPageStatement,
  dealPagesByParentStatement,
  fetchDealPage,
  type DealOrdering,
  type DealPageQuery,
} from '../src/modules/deals/deal-pages.js';
import { createDeal, createPlatform, createState } from './support/factories.js';
import { planNodes } from './support/plans.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const ORDER_DATE_DESC: DealOrdering = { field: 'ORDER_DATE', direction: 'DESC' };

function pageQuery(ordering: DealOrdering, more: Partial<DealPageQuery> = {}): DealPageQuery {
  return { filter: {}, ordering, limit: 6, after: null, columns: ALL_DEAL_KEYS, ...more };
}

describe('deal pages read their index in order', () => {
  let database: TestDatabase;
  let supplier: ActorRow;
  let recipient: ActorRow;
  let platform: PlatformRow;

  /** The plan's nodes, with sorting and whole-table scans made as costly as they can be. */
  const planOf = (statement: SQL, analyze = false) =>
    planNodes(database.db, statement, {
      analyze,
      disable: ['enable_seqscan', 'enable_sort', 'enable_incremental_sort'],
    });

  async function expectIndexOrder(statement: SQL, index: string) {
    const nodes = await planOf(statement);
    expect(nodes.map((n) => n['Node Type'])).not.toContain('Sort');
    expect(nodes.map((n) => n['Node Type'])).not.toContain('Incremental Sort');
    expect(nodes.map((n) => n['Index Name'])).toContain(index);
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.db;
    supplier = await createState(db, 'Sweden', 'SWE');
    recipient = await createState(db, 'Norway', 'NOR');
    platform = await createPlatform(db);
    for (let i = 0; i < 12; i++) {
      await createDeal(db, {
        supplierId: supplier.id,
        recipientId: recipient.id,
        orderYear: i % 4 === 0 ? null : 2000 + (i % 3),
        items: [{ platformId: platform.id }],
      });
    }
  });
  afterAll(() => database.close());

  it('a root page by order date, newest first', async () => {
    await expectIndexOrder(dealPageStatement(pageQuery(ORDER_DATE_DESC)), 'deals_order_idx');
  });

  it('a root page by order date after a cursor', async () => {
    const [first] = await fetchDealPage(database.db, pageQuery(ORDER_DATE_DESC));
    const after = dealCursor(first!, ORDER_DATE_DESC);
    await expectIndexOrder(
      dealPageStatement(pageQuery(ORDER_DATE_DESC, { after })),
      'deals_order_idx',
    );
  });

  it.each(['DESC', 'ASC'] as const)('a root page by last update, %s', async (direction) => {
    await expectIndexOrder(
      dealPageStatement(pageQuery({ field: 'UPDATED_AT', direction })),
      'deals_updated_at_idx',
    );
  });

  // No ordered scan of both item indexes (the platform's items and those naming it as their
  // variant): the page sorts the platform's item rows, a few small tuples, and looks up deals
  // only until it is full. It used to look up every deal of the platform, then sort them.
  it("a platform's pages look up only the deals they return", async () => {
    const q = pageQuery(ORDER_DATE_DESC);
    const nodes = await planOf(dealPagesByParentStatement('platform', [platform.id], q), true);
    const lookups = nodes.filter((n) => n['Index Name'] === 'deals_pkey');
    expect(lookups).not.toHaveLength(0);
    const loops = lookups.reduce((sum, n) => sum + (n['Actual Loops'] ?? 0), 0);
    expect(loops).toBeLessThanOrEqual(q.limit);
    expect(nodes.map((n) => n['Index Name'])).toContain('deal_items_platform_order_idx');
  });

  it.each([
    ['supplier', 'deals_supplier_order_idx'],
    ['recipient', 'deals_recipient_order_idx'],
  ] as const)("a %s's pages by order date, newest first", async (parent, index) => {
    const ids = [supplier.id, recipient.id];
    await expectIndexOrder(
      dealPagesByParentStatement(parent, ids, pageQuery(ORDER_DATE_DESC)),
      index,
    );
  });
});
