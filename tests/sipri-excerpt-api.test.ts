import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSipriExcerpt } from '../src/seed/sipri-excerpt.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';
import { graphql } from './support/graphql/index.js';

interface Item {
  platform: { designation: string };
  quantityOrdered: { value: number | null; uncertain: boolean } | null;
  quantityDelivered: { value: number | null; uncertain: boolean } | null;
  deliveryYears: number[];
  condition: string | null;
  tivDelivered: string | null;
  note: string | null;
}

interface Deal {
  stage: string;
  orderDate: { iso: string; uncertain: boolean } | null;
  comments: string | null;
  items: Item[];
  citations: { locator: string | null; source: { kind: string; publisher: string | null } }[];
}

describe('the SIPRI excerpt through the API', () => {
  let api: TestApi;
  let deals: Deal[];

  beforeAll(async () => {
    api = await createTestApi();
    await seedSipriExcerpt(api.database.db);
    const data = dataOf(
      await api.query(
        graphql(`
          query SipriExcerptApiDeals {
            deals(filter: { supplierCountry: ["RU"], recipientCountry: ["ML"] }, first: 100) {
              totalCount
              nodes {
                stage
                orderDate {
                  iso
                  uncertain
                }
                comments
                items {
                  platform {
                    designation
                  }
                  quantityOrdered {
                    value
                    uncertain
                  }
                  quantityDelivered {
                    value
                    uncertain
                  }
                  deliveryYears
                  condition
                  tivDelivered
                  note
                }
                citations {
                  locator
                  source {
                    kind
                    publisher
                  }
                }
              }
            }
          }
        `),
      ),
    );
    expect(data.deals.totalCount).toBe(15);
    deals = data.deals.nodes;
  });
  afterAll(() => api.close());

  it('shows Mali’s history from Russia beside the Kazan reported interest', () => {
    expect(deals.filter((d) => d.stage === 'REPORTED_INTEREST')).toHaveLength(1);
    expect(deals.filter((d) => d.citations.some((c) => c.source.kind === 'DATASET'))).toHaveLength(
      14,
    );
  });

  it('returns the 2020 Mi-17 order with its comment and variant note', () => {
    const mi17 = deals.find(
      (d) => d.items[0]?.platform.designation === 'Mi-17' && d.orderDate?.iso === '2020',
    )!;
    expect(mi17.comments).toBe('$61 m deal (incl training and armament); Mi-171Sh armed version');
    expect(mi17.items[0]).toMatchObject({
      quantityOrdered: { value: 4, uncertain: false },
      deliveryYears: [2021],
      condition: 'NEW',
      tivDelivered: '29',
      note: 'Mi-171Sh armed version',
    });
    expect(mi17.stage).toBe('DELIVERED');
  });

  it('returns the Mi-35M delivered in 2017, 2019 and 2020', () => {
    const mi35m = deals.find((d) => d.items[0]?.platform.designation === 'Mi-35M')!;
    expect(mi35m.orderDate).toEqual({ iso: '2016', uncertain: false });
    expect(mi35m.items[0]?.deliveryYears).toEqual([2017, 2019, 2020]);
  });

  it('keeps SIPRI’s question marks as uncertain flags', () => {
    const l39 = deals.find(
      (d) => d.items[0]?.platform.designation === 'L-39C Albatros' && d.orderDate?.iso === '2022?',
    )!;
    expect(l39.orderDate?.uncertain).toBe(true);
    expect(l39.items[0]?.quantityOrdered).toEqual({ value: 5, uncertain: true });
    expect(l39.items[0]?.quantityDelivered).toEqual({ value: 5, uncertain: true });
  });

  it('attributes imported deals to the import in their history and in the change feed', async () => {
    const data = dataOf(
      await api.query(
        graphql(`
          query SipriExcerptApiDeals2 {
            deals(filter: { recipientCountry: ["NER"] }, first: 1) {
              nodes {
                history {
                  action
                  author
                  reason
                  sources {
                    kind
                  }
                }
              }
            }
            changes(first: 100) {
              nodes {
                recordType
                author
              }
            }
          }
        `),
      ),
    );
    const [created] = data.deals.nodes[0]!.history;
    expect(created).toMatchObject({
      action: 'CREATE',
      author: 'SIPRI import (data generated 18 May 2026 2:29:20 PM)',
      sources: [{ kind: 'DATASET' }],
    });
    // The row and the release it came from: which export, by date and file name.
    expect(created!.reason).toMatch(
      /^Imported from row \d+ of the SIPRI release generated 18 May 2026 2:29:20 PM \(sipri-trade-register-sahel-generated-2026-05-18\.csv\)$/,
    );
    expect(data.changes.nodes.some((n) => n.author.startsWith('SIPRI import'))).toBe(true);
  });

  it('finds the Mi-17 deals under the Mi-8 family', async () => {
    const data = dataOf(
      await api.query(
        graphql(`
          query SipriExcerptApiPlatforms {
            platforms(filter: { designation: "Mi-8" }) {
              nodes {
                id
                designation
              }
            }
          }
        `),
      ),
    );
    const mi8 = (data.platforms.nodes as { id: string; designation?: string }[]).find(
      (p) => p.designation === 'Mi-8',
    )!;
    const family = dataOf(
      await api.query(
        graphql(`
          query SipriExcerptApiDeals3($p: [ID!]) {
            deals(filter: { platform: $p, recipientCountry: ["MLI"] }) {
              totalCount
            }
          }
        `),
        { p: [mi8.id] },
      ),
    );
    // The Kazan Mi-171, the two Mi-17 orders and the three Mi-8T rows, which the family rules
    // place under Mi-8.
    expect(family.deals.totalCount).toBe(6);
  });
});
