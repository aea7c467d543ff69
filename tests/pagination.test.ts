import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorRow } from '../src/db/schema.js';
import { createDeal, createPlatform, createState, gid } from './support/factories.js';
import { graphql } from './support/graphql/index.js';
import type { DealOrder } from './support/graphql/graphql.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string; orderDate: { iso: string } | null } }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    endCursor: string | null;
    startCursor: string | null;
  };
}

const PAGE_QUERY = graphql(`
  query PaginationDeals($f: DealFilter, $o: DealOrder, $first: Int, $after: String) {
    deals(filter: $f, orderBy: $o, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          orderDate {
            iso
          }
        }
      }
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
    }
  }
`);

describe('cursor pagination', () => {
  let api: TestApi;
  let supplier: ActorRow;
  const DEALS = 23;

  beforeAll(async () => {
    api = await createTestApi();
    const db = api.database.db;
    supplier = await createState(db, 'Sweden', 'SWE');
    const recipient = await createState(db, 'Norway', 'NOR');
    const platform = await createPlatform(db);
    // Repeated years and missing order dates exercise the tie-breaker and the nulls-last rule.
    for (let i = 0; i < DEALS; i++) {
      await createDeal(db, {
        supplierId: supplier.id,
        recipientId: recipient.id,
        orderYear: i % 5 === 0 ? null : 2000 + (i % 4),
        orderMonth: i % 3 === 0 && i % 5 !== 0 ? 6 : null,
        items: [{ platformId: platform.id }],
      });
    }
  });
  afterAll(() => api.close());

  async function walk(order: DealOrder | null, first: number) {
    const seen: Page['edges'] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: Page = dataOf(
        await api.query(PAGE_QUERY, {
          f: { supplier: [gid.actor(supplier)] },
          o: order,
          first,
          after,
        }),
      ).deals;
      pages += 1;
      expect(page.totalCount).toBe(DEALS);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges);
      if (!page.pageInfo.hasNextPage) {
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
        return { seen, pages, lastCursor: page.pageInfo.endCursor };
      }
      after = page.pageInfo.endCursor;
    }
  }

  it('walks every deal exactly once, newest order first, undated deals last', async () => {
    const { seen, pages } = await walk(null, 5);
    expect(pages).toBe(5);
    expect(new Set(seen.map((e) => e.node.id)).size).toBe(DEALS);
    const isos = seen.map((e) => e.node.orderDate?.iso ?? null);
    const dated = isos.filter((iso): iso is string => iso !== null);
    expect(dated).toEqual([...dated].sort().reverse());
    expect(isos.slice(dated.length).every((iso) => iso === null)).toBe(true);
  });

  it('walks the same set in ascending order', async () => {
    const desc = await walk(null, 7);
    const asc = await walk({ field: 'ORDER_DATE', direction: 'ASC' }, 7);
    expect(new Set(asc.seen.map((e) => e.node.id))).toEqual(
      new Set(desc.seen.map((e) => e.node.id)),
    );
    const dated = asc.seen.map((e) => e.node.orderDate?.iso).filter(Boolean);
    expect(dated).toEqual([...dated].sort());
  });

  it('pages by last change as well', async () => {
    const { seen } = await walk({ field: 'UPDATED_AT', direction: 'DESC' }, 10);
    expect(new Set(seen.map((e) => e.node.id)).size).toBe(DEALS);
  });

  it('returns an empty last page past the end, not an error', async () => {
    const { lastCursor } = await walk(null, 100);
    const page = dataOf(
      await api.query(PAGE_QUERY, {
        f: { supplier: [gid.actor(supplier)] },
        after: lastCursor,
      }),
    ).deals;
    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: null,
      endCursor: null,
    });
    expect(page.totalCount).toBe(DEALS);
  });

  it('defaults to 20 per page', async () => {
    const page = dataOf(
      await api.query(PAGE_QUERY, { f: { supplier: [gid.actor(supplier)] } }),
    ).deals;
    expect(page.edges).toHaveLength(20);
    expect(page.pageInfo.hasNextPage).toBe(true);
  });

  it('pages nested deal lists per parent', async () => {
    const nested = async (after: string | null) =>
      dataOf(
        await api.query(
          graphql(`
            query PaginationNested($id: ID!, $after: String) {
              node(id: $id) {
                ... on Actor {
                  dealsAsSupplier(first: 10, after: $after) {
                    totalCount
                    edges {
                      cursor
                      node {
                        id
                        orderDate {
                          iso
                        }
                      }
                    }
                    pageInfo {
                      hasNextPage
                      hasPreviousPage
                      startCursor
                      endCursor
                    }
                  }
                }
              }
            }
          `),
          { id: gid.actor(supplier), after },
        ),
      ).node!.dealsAsSupplier;
    const ids: string[] = [];
    let page = await nested(null);
    ids.push(...page.edges.map((e) => e.node.id));
    while (page.pageInfo.hasNextPage) {
      page = await nested(page.pageInfo.endCursor);
      ids.push(...page.edges.map((e) => e.node.id));
    }
    expect(page.totalCount).toBe(DEALS);
    expect(new Set(ids).size).toBe(DEALS);
    const root = await walk(null, 100);
    expect(ids).toEqual(root.seen.map((e) => e.node.id));
  });

  it('pages actor lists by name', async () => {
    const names: string[] = [];
    let after: string | null = null;
    for (;;) {
      const actors: {
        nodes: { name: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      } = dataOf(
        await api.query(
          graphql(`
            query PaginationActors($after: String) {
              actors(first: 2, after: $after) {
                nodes {
                  name
                }
                pageInfo {
                  hasNextPage
                  endCursor
                }
              }
            }
          `),
          { after },
        ),
      ).actors;
      names.push(...actors.nodes.map((n) => n.name));
      if (!actors.pageInfo.hasNextPage) break;
      after = actors.pageInfo.endCursor;
    }
    expect(names).toEqual(
      [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
    expect(names).toContain('Kazan Helicopter Plant');
    expect(new Set(names).size).toBe(names.length);
  });
});
