// transferVolumes through GraphQL on the seeded database plus the committed Sahel excerpt,
// checked against sums computed here from the excerpt's own CSV text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIPRI_EXCERPT_FILE, seedSipriExcerpt } from '../src/seed/sipri-excerpt.js';
import { createDeal, createPlatform, createState, gid } from './support/factories.js';
import { decimalCents, readRegisterRows, type RegisterRow } from './support/sipri-data.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';
import { graphql } from './support/graphql/index.js';
import type {
  DeliveryYearMethod,
  IntRange,
  VolumeDimension,
  VolumesRowFragment,
  VolumesTransferVolumesQuery,
  VolumesTransferVolumesQueryVariables,
} from './support/graphql/graphql.js';

// The group fields every query below reads.
graphql(`
  fragment VolumesRow on VolumeRow {
    year
    orderYear
    deliveryYear
    supplier {
      id
      name
    }
    recipient {
      id
      name
    }
    category
    platformFamily {
      id
      designation
    }
    stage
    deliveryYearMethod
    dealCount
    unitsOrdered
    unitsDelivered
    tivOrdered
    tivDelivered
  }
`);

const VOLUMES = graphql(`
  query VolumesTransferVolumes(
    $filter: DealFilter
    $groupBy: [VolumeDimension!]!
    $orderBy: VolumeOrder
    $first: Int
    $after: String
    $method: DeliveryYearMethod
  ) {
    transferVolumes(
      filter: $filter
      groupBy: $groupBy
      orderBy: $orderBy
      first: $first
      after: $after
      deliveryYears: $method
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        endCursor
      }
      edges {
        cursor
      }
      nodes {
        ...VolumesRow
      }
    }
  }
`);

type Row = VolumesRowFragment;
type Page = VolumesTransferVolumesQuery['transferVolumes'];
type Variables = VolumesTransferVolumesQueryVariables;

const SAHEL = ['Burkina Faso', 'Chad', 'Mali', 'Mauritania', 'Niger'];

function sum(rows: RegisterRow[], pick: (r: RegisterRow) => number | null): number | null {
  const known = rows.map(pick).filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

describe('transferVolumes', () => {
  let api: TestApi;
  let excerpt: RegisterRow[];

  async function page(variables: Variables): Promise<Page> {
    return dataOf(await api.query(VOLUMES, variables)).transferVolumes;
  }

  /** Every group, page after page; fails if the pages and the total disagree. */
  async function volumes(variables: Variables): Promise<Row[]> {
    const rows: Row[] = [];
    let after: string | null = null;
    for (;;) {
      const { nodes, pageInfo, totalCount }: Page = await page({ first: 100, ...variables, after });
      rows.push(...nodes);
      if (!pageInfo.hasNextPage) {
        expect(rows).toHaveLength(totalCount);
        return rows;
      }
      after = pageInfo.endCursor;
    }
  }

  /** Variables meant to be refused, so untyped: the document as its text. */
  async function errorOf(variables: Record<string, unknown>) {
    const result = await api.query(String(VOLUMES), variables);
    expect(result.data ?? null).toBeNull();
    return result.errors?.[0];
  }

  beforeAll(async () => {
    api = await createTestApi();
    await seedSipriExcerpt(api.database.db);
    excerpt = readRegisterRows(SIPRI_EXCERPT_FILE);
  });
  afterAll(() => api.close());

  it('gives each Sahel recipient the sums of its excerpt rows', async () => {
    const rows = await volumes({
      filter: { recipientCountry: ['BF', 'TD', 'ML', 'MR', 'NE'] },
      groupBy: ['RECIPIENT'],
    });
    expect(rows.map((r) => r.recipient?.name)).toEqual(SAHEL);
    for (const row of rows) {
      const mine = excerpt.filter((r) => r.recipient === row.recipient?.name);
      expect(mine.length).toBeGreaterThan(0);
      // The seeded Kazan record (Russia → Mali, reported interest, no quantities) adds a deal only.
      const extra = row.recipient?.name === 'Mali' ? 1 : 0;
      expect({
        recipient: row.recipient?.name,
        dealCount: row.dealCount,
        unitsOrdered: row.unitsOrdered,
        unitsDelivered: row.unitsDelivered === null ? null : Number(row.unitsDelivered),
        tivOrdered: decimalCents(row.tivOrdered),
        tivDelivered: decimalCents(row.tivDelivered),
      }).toEqual({
        recipient: row.recipient?.name,
        dealCount: mine.length + extra,
        unitsOrdered: sum(mine, (r) => r.numberOrdered),
        unitsDelivered: sum(mine, (r) => r.numberDelivered),
        tivOrdered: sum(mine, (r) => r.tivTotalOrderCents),
        tivDelivered: sum(mine, (r) => r.tivDeliveredCents),
      });
      expect(row).toMatchObject({ supplier: null, year: null, deliveryYearMethod: null });
    }
  });

  it('combines a filter with several groupings', async () => {
    const rows = await volumes({
      filter: { supplierCountry: ['RU'], orderYear: { from: 2020, to: 2025 } },
      groupBy: ['RECIPIENT', 'ORDER_YEAR'],
      first: 100,
    });
    const expected = new Map<string, number>();
    for (const r of excerpt) {
      if (r.supplier !== 'Russia' || r.orderYear === null || r.orderYear < 2020) continue;
      const key = `${r.recipient} ${r.orderYear}`;
      expected.set(key, (expected.get(key) ?? 0) + (r.tivDeliveredCents ?? 0));
    }
    expect(
      new Map(
        rows.map((r) => [`${r.recipient?.name} ${r.orderYear}`, decimalCents(r.tivDelivered)]),
      ),
    ).toEqual(expected);
    // Rows follow the keys asked for: recipient A→Z, then order year ascending.
    const keys = rows.map((r) => [r.recipient!.name, r.year!] as const);
    expect(keys).toEqual([...keys].sort(([a, x], [b, y]) => (a === b ? x - y : a < b ? -1 : 1)));
    expect(rows.every((r) => r.year === r.orderYear)).toBe(true);
  });

  it('counts only the items a category filter selects, consistently with grouping by category', async () => {
    const byCategory = await volumes({
      filter: { recipientCountry: ['ML'] },
      groupBy: ['CATEGORY'],
      orderBy: { field: 'TIV_DELIVERED' },
    });
    expect(byCategory.length).toBeGreaterThan(1);
    const tivs = byCategory.map((r) => Number(r.tivDelivered ?? -1));
    expect(tivs).toEqual([...tivs].sort((a, b) => b - a));
    const aircraft = byCategory.find((r) => r.category === 'AIRCRAFT')!;
    const filtered = await volumes({
      filter: { recipientCountry: ['ML'], category: ['AIRCRAFT'] },
      groupBy: ['RECIPIENT'],
    });
    expect(filtered).toHaveLength(1);
    expect(filtered[0]).toMatchObject({
      dealCount: aircraft.dealCount,
      unitsOrdered: aircraft.unitsOrdered,
      tivDelivered: aircraft.tivDelivered,
    });
  });

  it('groups platforms under the root of their family, as the platform filter selects them', async () => {
    const rows = await volumes({
      filter: { supplierCountry: ['RU'], recipientCountry: ['ML'] },
      groupBy: ['PLATFORM_FAMILY', 'STAGE'],
      first: 100,
    });
    const mi8 = rows.filter((r) => r.platformFamily?.designation === 'Mi-8');
    expect(mi8.length).toBeGreaterThan(0);
    const familyId = mi8[0]!.platformFamily!.id;
    const deals = dataOf(
      await api.query(
        graphql(`
          query VolumesDeals($f: DealFilter) {
            deals(filter: $f, first: 100) {
              nodes {
                stage
              }
            }
          }
        `),
        { f: { supplierCountry: ['RU'], recipientCountry: ['ML'], platform: [familyId] } },
      ),
    ).deals.nodes;
    const perStage = new Map<string, number>();
    for (const d of deals) perStage.set(d.stage, (perStage.get(d.stage) ?? 0) + 1);
    expect(new Map(mi8.map((r) => [r.stage!, r.dealCount]))).toEqual(perStage);
    // Mi-17 rows (and the Kazan record's Mi-171) belong to the Mi-8 family, not a family of their own.
    expect(
      rows.some((r) => ['Mi-17', 'Mi-171'].includes(r.platformFamily?.designation ?? '')),
    ).toBe(false);
  });

  it('splits multi-year deliveries evenly by default, and says so on every row', async () => {
    const filter = { supplierCountry: ['RU'], recipientCountry: ['ML'] };
    const rows = await volumes({ filter, groupBy: ['DELIVERY_YEAR'] });
    expect(rows.every((r) => r.deliveryYearMethod === 'EVEN_SPLIT')).toBe(true);
    expect(rows.every((r) => r.tivOrdered === null && r.unitsOrdered === null)).toBe(true);
    // Mi-35M: 4 units, TIV 46, delivered 2017, 2019 and 2020, the only delivery of 2017.
    expect(rows.find((r) => r.deliveryYear === 2017)).toMatchObject({
      year: 2017,
      dealCount: 1,
      unitsDelivered: '1.333333',
      tivDelivered: '15.333333',
    });
    // The years add up to the deals' totals, within the rounding of split values.
    const [total] = await volumes({ filter, groupBy: ['RECIPIENT'] });
    const split = rows.reduce((a, r) => a + Number(r.tivDelivered ?? 0), 0);
    expect(Math.abs(split - Number(total!.tivDelivered))).toBeLessThan(0.0001);
  });

  it('counts only single-year deliveries, exactly, when asked', async () => {
    const rows = await volumes({
      filter: { supplierCountry: ['RU'], recipientCountry: ['ML'] },
      groupBy: ['DELIVERY_YEAR'],
      method: 'SINGLE_YEAR_ONLY',
    });
    expect(rows.every((r) => r.deliveryYearMethod === 'SINGLE_YEAR_ONLY')).toBe(true);
    expect(rows.find((r) => r.deliveryYear === 2017)).toBeUndefined();
    expect(rows.find((r) => r.deliveryYear === 2021)).toMatchObject({
      dealCount: 1,
      unitsDelivered: '4',
      tivDelivered: '29',
    });
  });

  it('keeps only the delivery years of a deliveryYear filter when grouping by delivery year', async () => {
    const rows = await volumes({
      filter: { recipientCountry: ['ML'], deliveryYear: { from: 2019, to: 2020 } },
      groupBy: ['DELIVERY_YEAR', 'SUPPLIER'],
      first: 100,
    });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.deliveryYear === 2019 || r.deliveryYear === 2020)).toBe(true);
  });

  describe('with a delivery-year range', () => {
    const CODES = ['BF', 'TD', 'ML', 'MR', 'NE'];
    const RANGES: { from?: number; to?: number }[] = [
      { from: 2015, to: 2023 },
      { from: 2019, to: 2020 },
      { from: 2022, to: 2022 },
      { from: 2021 },
      { to: 2010 },
    ];
    const CASES = RANGES.flatMap((range) =>
      (['EVEN_SPLIT', 'SINGLE_YEAR_ONLY'] as const).map((method) => [range, method] as const),
    );
    const inRange = (year: number, { from, to }: { from?: number; to?: number }) =>
      (from === undefined || year >= from) && (to === undefined || year <= to);
    const byName = <T>(rows: T[], name: (row: T) => string, value: (row: T) => number) => {
      const totals = new Map<string, number>();
      for (const row of rows) totals.set(name(row), (totals.get(name(row)) ?? 0) + value(row));
      return totals;
    };
    // Split values are rounded to 6 decimals per row: sums of several rows differ by as much.
    const close = (a: Map<string, number>, b: Map<string, number>) => {
      expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
      for (const [key, value] of a) expect(Math.abs(value - b.get(key)!)).toBeLessThan(1e-4);
    };

    it.each(CASES)(
      'counts only the deliveries in %j, as the sum of the yearly rows (%s)',
      async (range, method) => {
        const filter = { recipientCountry: CODES, deliveryYear: range };
        const totals = await volumes({ filter, groupBy: ['RECIPIENT'], method, first: 100 });
        const yearly = await volumes({
          filter,
          groupBy: ['RECIPIENT', 'DELIVERY_YEAR'],
          method,
        });
        expect(totals.length).toBeGreaterThan(0);
        // Every row names the method, and has no orders: orders are not dated by delivery year.
        for (const row of totals) {
          expect(row).toMatchObject({
            deliveryYearMethod: method,
            unitsOrdered: null,
            tivOrdered: null,
          });
        }
        const name = (r: Row) => r.recipient!.name;
        for (const measure of ['tivDelivered', 'unitsDelivered'] as const) {
          const value = (r: Row) => Number(r[measure] ?? 0);
          close(byName(totals, name, value), byName(yearly, name, value));
        }

        // The same, computed here from the excerpt's own rows.
        const share = (r: RegisterRow) => {
          const years = r.deliveryYears.filter((y) => inRange(y, range)).length;
          if (method === 'SINGLE_YEAR_ONLY') return r.deliveryYears.length === 1 ? years : 0;
          return r.deliveryYears.length === 0 ? 0 : years / r.deliveryYears.length;
        };
        const delivered = excerpt.filter((r) => r.deliveryYears.some((y) => inRange(y, range)));
        expect(byName(totals, name, (r) => Number(r.tivDelivered ?? 0))).toSatisfy(
          (api: Map<string, number>) => {
            close(
              api,
              byName(
                delivered,
                (r) => r.recipient,
                (r) => ((r.tivDeliveredCents ?? 0) / 100) * share(r),
              ),
            );
            return true;
          },
        );
        // dealCount: the deals with a delivery in the range, whatever the method.
        expect(byName(totals, name, (r) => r.dealCount)).toEqual(
          byName(
            delivered,
            (r) => r.recipient,
            () => 1,
          ),
        );
      },
    );

    it('clips a small fixture exactly, and leaves order-year filters whole', async () => {
      const db = api.database.db;
      const from = await createState(db, 'Testland', 'ISL');
      const to = await createState(db, 'Fixturia', 'FJI');
      const jet = await createPlatform(db, { designation: 'TestClipJet', category: 'AIRCRAFT' });
      await createDeal(db, {
        supplierId: from.id,
        recipientId: to.id,
        stage: 'DELIVERED',
        orderYear: 2018,
        items: [
          // 3 units over three years, and 1 unit in 2020 alone.
          {
            platformId: jet.id,
            quantityOrdered: 3,
            quantityDelivered: 3,
            tivTotalOrder: '30',
            tivDelivered: '30',
            deliveryYears: [2019, 2020, 2021],
          },
          {
            platformId: jet.id,
            quantityOrdered: 1,
            quantityDelivered: 1,
            tivTotalOrder: '5',
            tivDelivered: '5',
            deliveryYears: [2020],
          },
        ],
      });
      // [dealCount, unitsOrdered, unitsDelivered, tivOrdered, tivDelivered, deliveryYearMethod]
      const pick = (rows: Row[]) =>
        rows.map((r) => [
          r.dealCount,
          r.unitsOrdered,
          r.unitsDelivered,
          r.tivOrdered,
          r.tivDelivered,
          r.deliveryYearMethod,
        ]);
      const recipient = [gid.actor(to)];
      const clipped = async (deliveryYear: IntRange, method: DeliveryYearMethod) =>
        pick(
          await volumes({ filter: { recipient, deliveryYear }, groupBy: ['RECIPIENT'], method }),
        );
      expect(await clipped({ from: 2020, to: 2021 }, 'EVEN_SPLIT')).toEqual([
        [1, null, '3', null, '25', 'EVEN_SPLIT'],
      ]);
      expect(await clipped({ from: 2019, to: 2019 }, 'EVEN_SPLIT')).toEqual([
        [1, null, '1', null, '10', 'EVEN_SPLIT'],
      ]);
      expect(await clipped({ from: 2020, to: 2021 }, 'SINGLE_YEAR_ONLY')).toEqual([
        [1, null, '1', null, '5', 'SINGLE_YEAR_ONLY'],
      ]);
      // A deal with nothing delivered in the range is not selected at all.
      expect(await clipped({ from: 2022 }, 'EVEN_SPLIT')).toEqual([]);
      // An order-year range counts whole deals, orders included, and names no method.
      const ordered = await volumes({
        filter: { recipient, orderYear: { from: 2018, to: 2018 } },
        groupBy: ['RECIPIENT'],
      });
      expect(pick(ordered)).toEqual([[1, 4, '4', '35', '35', null]]);
    });
  });

  it('returns an empty list when nothing matches', async () => {
    expect(
      await volumes({ filter: { orderYear: { from: 1900, to: 1901 } }, groupBy: ['SUPPLIER'] }),
    ).toEqual([]);
  });

  it('pages every group with a visible total, 20 by default, and cuts none silently', async () => {
    // Supplier × recipient × order year over the Sahel: more groups than one page holds.
    const filter = { recipientCountry: ['BF', 'TD', 'ML', 'MR', 'NE'] };
    const groupBy: VolumeDimension[] = ['SUPPLIER', 'RECIPIENT', 'ORDER_YEAR'];
    const first = await page({ filter, groupBy });
    expect(first.nodes).toHaveLength(20);
    expect(first.totalCount).toBeGreaterThan(100);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(first.pageInfo.endCursor).toBe(first.edges.at(-1)!.cursor);

    const all = await volumes({ filter, groupBy });
    expect(all).toHaveLength(first.totalCount);
    expect(all.slice(0, 20)).toEqual(first.nodes);
    const keys = all.map((r) => `${r.supplier?.id} ${r.recipient?.id} ${r.orderYear}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Each deal is in exactly one group: the groups hold every deal (the Kazan record too).
    expect(all.reduce((n, r) => n + r.dealCount, 0)).toBe(excerpt.length + 1);

    // The last page says so, and a page past the end still knows the total.
    const second = await page({ filter, groupBy, first: 7, after: first.edges[6]!.cursor });
    expect(second.nodes).toEqual(all.slice(7, 14));
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    const end = await page({
      filter,
      groupBy,
      first: 100,
      after: (await page({ filter, groupBy, first: 100, after: null })).pageInfo.endCursor,
    });
    expect(end.totalCount).toBe(first.totalCount);
  });

  it('gives a page past the last no groups but the total', async () => {
    const filter = { recipientCountry: ['ML'] };
    const groupBy: VolumeDimension[] = ['SUPPLIER'];
    const all = await page({ filter, groupBy, first: 100 });
    expect(all.pageInfo.hasNextPage).toBe(false);
    const past = await page({ filter, groupBy, first: 5, after: all.pageInfo.endCursor });
    expect(past).toMatchObject({ nodes: [], totalCount: all.totalCount });
    expect(past.pageInfo.hasNextPage).toBe(false);
  });

  it('sorts by a measure before paging', async () => {
    const top = await page({ groupBy: ['SUPPLIER'], orderBy: { field: 'DEAL_COUNT' }, first: 3 });
    expect(top.nodes).toHaveLength(3);
    expect(top.nodes[0]!.dealCount).toBeGreaterThanOrEqual(top.nodes[1]!.dealCount);
    expect(top.totalCount).toBeGreaterThan(3);
  });

  it('refuses a cursor made for other arguments', async () => {
    const { pageInfo } = await page({ groupBy: ['SUPPLIER'], first: 2 });
    const error = await errorOf({ groupBy: ['RECIPIENT'], first: 2, after: pageInfo.endCursor });
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain('after');
    expect((await errorOf({ groupBy: ['SUPPLIER'], after: 'bm9wZQ' }))?.message).toContain('after');
  });

  it.each([
    [{ groupBy: [] }, 'groupBy'],
    [{ groupBy: ['SUPPLIER', 'SUPPLIER'] }, 'groupBy'],
    [{ groupBy: ['SUPPLIER'], first: 0 }, 'first'],
    [{ groupBy: ['SUPPLIER'], first: 101 }, 'first'],
    [{ groupBy: ['SUPPLIER'], orderBy: { field: 'RECIPIENT' } }, 'orderBy.field'],
  ])('refuses %j naming %s', async (variables, argument) => {
    const error = await errorOf(variables);
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain(argument === 'orderBy.field' ? 'RECIPIENT' : argument);
  });

  it('sends the same number of statements for 1 row and for many', async () => {
    const count = async (first: number) => {
      api.database.statements.reset();
      const { nodes: rows } = await page({
        filter: { recipientCountry: ['ML', 'NE', 'BF'] },
        groupBy: ['SUPPLIER', 'RECIPIENT', 'PLATFORM_FAMILY'],
        first,
      });
      return { rows: rows.length, statements: api.database.statements.count };
    };
    const one = await count(1);
    const many = await count(100);
    expect(many.rows).toBeGreaterThan(20);
    // The total comes with the page's own statement: no count query.
    expect(many.statements).toBe(one.statements);
    // The actors of the filter's countries, the aggregate, then actors and platforms in one
    // batch each.
    expect(many.statements).toBeLessThanOrEqual(4);
  });
});
