// A platform's deals (Platform.deals) are read through its items in the deals' order: each item
// holds a copy of its deal's order key, kept by triggers (migration 0008), and the page walks the
// platform's items by it (platformPageByOrderDate in src/modules/deals/deal-pages.ts). The pages
// are held here to what the deals themselves say, read by a statement that ignores the copy, and
// after every kind of write that could leave a copy behind.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.js';
import { dealItems, deals, type DealRow, type PlatformRow } from '../src/db/schema.js';
import { createApiKey } from '../src/modules/auth/api-keys.service.js';
import { createDeal, createPlatform, createSource, createState, gid } from './support/factories.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';

interface PlatformPage {
  deals: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

// Two platforms in one request: on a first page, their pages come from one statement (a LATERAL
// page each).
const PAGES = `
  query PlatformDealPages($p: ID!, $q: ID!, $o: DealOrder, $n: Int, $after: String) {
    p: node(id: $p) {
      ... on Platform {
        deals(first: $n, orderBy: $o, after: $after) {
          nodes { id }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
    q: node(id: $q) { ... on Platform { deals(first: $n, orderBy: $o) { nodes { id } } } }
  }
`;

describe("a platform's deals, in the deals' order", () => {
  let api: TestApi;
  let editor: string;
  let sourceId: string;
  let p: PlatformRow;
  let q: PlatformRow;
  const made: DealRow[] = [];

  /** What the deals say: the platform's live deals in the order, read without the copies. */
  async function expected(platform: PlatformRow, direction: 'ASC' | 'DESC'): Promise<string[]> {
    const dir = sql.raw(direction === 'DESC' ? 'desc' : 'asc');
    const rows = await queryRows<{ id: string }>(
      api.database.db,
      sql`select d.id from deals d
        where d.deleted_at is null and d.retired_at is null and d.id in (
          select deal_id from deal_items where platform_id = ${platform.id}
          union all select deal_id from deal_items where variant_platform_id = ${platform.id})
        order by d.order_sort ${dir} nulls last, d.id ${dir}`,
    );
    return rows.map((r) => gid.deal(r));
  }

  /** Every page of `size` of one platform's deals, as the API gives them. */
  async function pagesOf(
    platform: PlatformRow,
    direction: 'ASC' | 'DESC',
    size: number,
  ): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 20; pages++) {
      const data: { p: PlatformPage; q: PlatformPage } = dataOf(
        await api.query(PAGES, {
          p: gid.platform(platform),
          q: gid.platform(platform === p ? q : p),
          o: { field: 'ORDER_DATE', direction },
          n: size,
          after,
        }),
      );
      ids.push(...data.p.deals.nodes.map((n) => n.id));
      if (!data.p.deals.pageInfo.hasNextPage) return ids;
      after = data.p.deals.pageInfo.endCursor;
    }
    throw new Error('more than 20 pages');
  }

  async function expectPagesAsTheDealsSay() {
    for (const platform of [p, q]) {
      for (const direction of ['DESC', 'ASC'] as const) {
        const deals = await expected(platform, direction);
        // Pages of 3 (each after the last one's cursor), and all of them on one page.
        expect(await pagesOf(platform, direction, 3)).toEqual(deals);
        expect(await pagesOf(platform, direction, 100)).toEqual(deals);
      }
    }
  }

  beforeAll(async () => {
    api = await createTestApi();
    const db = api.database.db;
    editor = (await createApiKey(db, { name: 'Ed Itor', role: 'EDITOR' })).key;
    const supplier = await createState(db, 'Sweden', 'SWE');
    const recipient = await createState(db, 'Norway', 'NOR');
    p = await createPlatform(db);
    q = await createPlatform(db);
    const parties = { supplierId: supplier.id, recipientId: recipient.id };
    // Ties of year, months, missing dates: the ties' order and the nulls-last rule.
    for (let i = 0; i < 9; i++) {
      made.push(
        await createDeal(db, {
          ...parties,
          orderYear: i % 4 === 0 ? null : 2000 + (i % 3),
          orderMonth: i % 4 !== 0 && i % 3 === 1 ? 6 : null,
          items: [{ platformId: p.id }],
        }),
      );
    }
    // Twice on p (one deal), p as the variant of a q item, q alone, and p on a deleted deal.
    made.push(
      await createDeal(db, {
        ...parties,
        orderYear: 2001,
        items: [{ platformId: p.id }, { platformId: p.id }],
      }),
      await createDeal(db, {
        ...parties,
        orderYear: 2002,
        items: [{ platformId: q.id, variantPlatformId: p.id }],
      }),
      await createDeal(db, { ...parties, orderYear: 1999, items: [{ platformId: q.id }] }),
      await createDeal(db, {
        ...parties,
        orderYear: 2003,
        deletedAt: new Date(),
        items: [{ platformId: p.id }],
      }),
    );
    const source = await createSource(db);
    sourceId = toGlobalId('Source', source.id);
  });
  afterAll(() => api.close());

  it('pages through them in both directions, each deal once, as the deals say', async () => {
    expect(await expected(p, 'DESC')).toHaveLength(11);
    await expectPagesAsTheDealsSay();
  });

  it('follows a deal whose order date an editor changes', async () => {
    const last = made[4]!; // year 2001, month 6
    const [{ version }] = (await queryRows<{ version: number }>(
      api.database.db,
      sql`select version from deals where id = ${last.id}`,
    )) as [{ version: number }];
    const result = await api.query(
      `mutation ($input: UpdateDealInput!) { updateDeal(input: $input) { deal { orderDate { iso } } } }`,
      {
        input: {
          id: gid.deal(last),
          expectedVersion: version,
          orderDate: { year: 2030, month: 2 },
          citations: [{ source: sourceId }],
          reason: 'Order date corrected',
        },
      },
      { apiKey: editor },
    );
    expect(result.errors).toBeUndefined();
    expect((await expected(p, 'DESC'))[0]).toBe(gid.deal(last));
    await expectPagesAsTheDealsSay();
  });

  it('follows items added, moved to another deal, or written with a wrong copy', async () => {
    const db = api.database.db;
    const qAlone = made[11]!;
    await db.insert(dealItems).values({ dealId: qAlone.id, platformId: p.id, position: 5 });
    const [moved] = await db
      .update(dealItems)
      .set({ dealId: made[0]!.id, position: 7 })
      .where(eq(dealItems.dealId, made[3]!.id))
      .returning();
    expect(moved).toBeDefined();
    await db.execute(
      sql`update deal_items set deal_order_sort = -1 where deal_id = ${made[1]!.id}`,
    );
    await db.update(deals).set({ orderYear: 1980 }).where(eq(deals.id, made[2]!.id));
    const [{ behind }] = (await queryRows<{ behind: number }>(
      db,
      sql`select count(*)::int as behind from deal_items i join deals d on d.id = i.deal_id
        where i.deal_order_sort is distinct from d.order_sort`,
    )) as [{ behind: number }];
    expect(behind).toBe(0);
    await expectPagesAsTheDealsSay();
  });
});
