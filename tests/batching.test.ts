import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorRow } from '../src/db/schema.js';
import {
  citeDeal,
  createActor,
  createDeal,
  createPlatform,
  createSource,
  gid,
  createState,
} from './support/factories.js';
import { graphql } from './support/graphql/index.js';
import type { TypedDocumentString } from './support/graphql/graphql.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';

// The nested query from the foundation issue: deals → supplier, recipient, items → platform →
// family, citations → source.
const NESTED = graphql(`
  query BatchingNested($f: DealFilter, $n: Int) {
    deals(filter: $f, first: $n) {
      edges {
        node {
          id
          supplier {
            name
          }
          recipient {
            name
          }
          items {
            platform {
              designation
              family {
                designation
              }
            }
          }
          citations {
            excerpt
            source {
              url
            }
          }
        }
      }
    }
  }
`);

type PeerQuery = TypedDocumentString<unknown, { n?: number | null }>;

describe('DataLoader batching', () => {
  let api: TestApi;
  let supplier: ActorRow;

  beforeAll(async () => {
    api = await createTestApi();
    const db = api.database.db;
    supplier = await createState(db, 'Sweden', 'SWE');
    const source = await createSource(db);
    const family = await createPlatform(db);
    for (let i = 0; i < 100; i++) {
      const recipient = await createActor(db, { kind: 'COMPANY' });
      const variant = await createPlatform(db, { parentId: family.id });
      const deal = await createDeal(db, {
        supplierId: supplier.id,
        recipientId: recipient.id,
        orderYear: 1990 + (i % 30),
        items: [{ platformId: variant.id }, { platformId: family.id }],
      });
      await citeDeal(db, deal.id, source.id);
    }
  });
  afterAll(() => api.close());

  async function statementsFor<T, V>(query: TypedDocumentString<T, V>, variables: V) {
    api.database.statements.reset();
    const data = dataOf(await api.query(query, variables));
    return { count: api.database.statements.count, data };
  }

  it('issues the same number of statements for 1 deal and for 100', async () => {
    const filter = { supplier: [gid.actor(supplier)] };
    const one = await statementsFor(NESTED, { f: filter, n: 1 });
    const hundred = await statementsFor(NESTED, { f: filter, n: 100 });
    const edges = hundred.data.deals.edges;
    expect(edges).toHaveLength(100);
    expect(one.count).toBe(hundred.count);
    // deals page, actors, items, platforms, families, citations, sources.
    expect(hundred.count).toBe(7);
  });

  it('batches nested connections across parents into one statement a level', async () => {
    const query = graphql(`
      query BatchingNestedConnections($n: Int) {
        actors(first: $n) {
          nodes {
            name
            dealsAsRecipient(first: 3) {
              totalCount
              nodes {
                items {
                  platform {
                    deals(first: 2) {
                      nodes {
                        id
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    `);
    const few = await statementsFor(query, { n: 2 });
    const many = await statementsFor(query, { n: 100 });
    expect(few.count).toBe(many.count);
  });
  // The shapes of the peer benchmark's queries (../shared/peer-bench/armstrail, issue 12): the
  // number of statements is bounded by the query's depth, for one deal as for a hundred. (Fewer
  // when a level's rows were all loaded already: Q3's last recipients, for a hundred deals.)
  // The queries differ in shape; the test reads their answers only as text.
  it.each<{ shape: string; statements: number; query: PeerQuery }>([
    {
      shape: "Q1: a country's newest deals with parties, numbers, TIV and platform",
      // countries' actors, deals page, actors, items, platforms
      statements: 5,
      query: graphql(`
        query BatchingPeerQ1($n: Int) {
          deals(
            filter: { supplierCountry: ["SWE"] }
            first: $n
            orderBy: { field: ORDER_DATE, direction: DESC }
          ) {
            nodes {
              id
              orderDate {
                iso
                uncertain
              }
              stage
              supplier {
                name
              }
              recipient {
                name
              }
              items {
                quantityOrdered {
                  value
                  uncertain
                }
                quantityDelivered {
                  value
                  uncertain
                }
                deliveryYears
                tivPerUnit
                tivTotalOrder
                tivDelivered
                platform {
                  designation
                  description
                }
              }
            }
          }
        }
      `),
    },
    {
      shape: 'Q2: a page of deals with parties and platform',
      // deals page, actors, items, platforms
      statements: 4,
      query: graphql(`
        query BatchingPeerQ2($n: Int) {
          deals(first: $n) {
            nodes {
              id
              orderDate {
                iso
              }
              supplier {
                name
              }
              recipient {
                name
              }
              items {
                platform {
                  designation
                  description
                }
              }
            }
          }
        }
      `),
    },
    {
      shape: "Q3: a supplier's deals, their platforms and each platform's deals",
      // actor page, deals page, recipients, items, platforms, platforms' deal pages, recipients
      // not seen yet
      statements: 7,
      query: graphql(`
        query BatchingPeerQ3($n: Int) {
          actors(filter: { name: "Sweden" }, first: 1) {
            nodes {
              name
              dealsAsSupplier(first: $n) {
                nodes {
                  id
                  orderDate {
                    iso
                  }
                  recipient {
                    name
                  }
                  items {
                    quantityOrdered {
                      value
                    }
                    quantityDelivered {
                      value
                    }
                    tivTotalOrder
                    platform {
                      designation
                      description
                      deals(first: 5) {
                        nodes {
                          id
                          orderDate {
                            iso
                          }
                          recipient {
                            name
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      `),
    },
  ])('$shape: at most $statements statements', async ({ query, statements }) => {
    const one = await statementsFor(query, { n: 1 });
    const hundred = await statementsFor(query, { n: 100 });
    expect(JSON.stringify(hundred.data)).toContain('"designation"');
    expect(one.count).toBe(statements);
    expect(hundred.count).toBeLessThanOrEqual(statements);
    expect(hundred.count).toBeGreaterThanOrEqual(statements - 1);
  });
});
