// transferVolumes through GraphQL on the seeded database plus the committed Sahel excerpt,
// checked against sums computed here from the excerpt's own CSV text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIPRI_EXCERPT_FILE, seedSipriExcerpt } from '../src/seed/sipri-excerpt.js';
import { decimalCents, readRegisterRows, type RegisterRow } from './support/sipri-data.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';

interface Row {
  year: number | null;
  orderYear: number | null;
  deliveryYear: number | null;
  supplier: { id: string; name: string } | null;
  recipient: { id: string; name: string } | null;
  category: string | null;
  platformFamily: { id: string; designation: string } | null;
  stage: string | null;
  deliveryYearMethod: string | null;
  dealCount: number;
  unitsOrdered: number | null;
  unitsDelivered: string | null;
  tivOrdered: string | null;
  tivDelivered: string | null;
}

const ROW = `year orderYear deliveryYear supplier { id name } recipient { id name } category
  platformFamily { id designation } stage deliveryYearMethod dealCount unitsOrdered
  unitsDelivered tivOrdered tivDelivered`;

const VOLUMES = `query ($filter: DealFilter, $groupBy: [VolumeDimension!]!, $orderBy: VolumeOrder,
    $first: Int, $method: DeliveryYearMethod) {
  transferVolumes(filter: $filter, groupBy: $groupBy, orderBy: $orderBy, first: $first,
    deliveryYears: $method) { ${ROW} } }`;

const SAHEL = ['Burkina Faso', 'Chad', 'Mali', 'Mauritania', 'Niger'];

function sum(rows: RegisterRow[], pick: (r: RegisterRow) => number | null): number | null {
  const known = rows.map(pick).filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

describe('transferVolumes', () => {
  let api: TestApi;
  let excerpt: RegisterRow[];

  async function volumes(variables: Record<string, unknown>): Promise<Row[]> {
    return dataOf(await api.query<{ transferVolumes: Row[] }>(VOLUMES, variables)).transferVolumes;
  }

  async function errorOf(variables: Record<string, unknown>) {
    const result = await api.query(VOLUMES, variables);
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
      await api.query<{ deals: { nodes: { stage: string }[] } }>(
        `query ($f: DealFilter) { deals(filter: $f, first: 100) { nodes { stage } } }`,
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

  it('returns an empty list when nothing matches', async () => {
    expect(
      await volumes({ filter: { orderYear: { from: 1900, to: 1901 } }, groupBy: ['SUPPLIER'] }),
    ).toEqual([]);
  });

  it('stops at first rows, 100 by default', async () => {
    const groupBy = ['SUPPLIER', 'RECIPIENT', 'ORDER_YEAR'];
    const page = await volumes({ groupBy });
    expect(page).toHaveLength(100);
    expect(await volumes({ groupBy, first: 7 })).toEqual(page.slice(0, 7));
    const top = await volumes({
      groupBy: ['SUPPLIER'],
      orderBy: { field: 'DEAL_COUNT' },
      first: 3,
    });
    expect(top).toHaveLength(3);
    expect(top[0]!.dealCount).toBeGreaterThanOrEqual(top[1]!.dealCount);
  });

  it('accepts up to 1000 rows, aggregates being small', async () => {
    const groupBy = ['SUPPLIER', 'RECIPIENT', 'ORDER_YEAR'];
    const result = await api.query<{ transferVolumes: Row[] }>(VOLUMES, { groupBy, first: 1000 });
    expect(dataOf(result).transferVolumes.length).toBeGreaterThan(100);
  });

  it.each([
    [{ groupBy: [] }, 'groupBy'],
    [{ groupBy: ['SUPPLIER', 'SUPPLIER'] }, 'groupBy'],
    [{ groupBy: ['SUPPLIER'], first: 0 }, 'first'],
    [{ groupBy: ['SUPPLIER'], first: 1001 }, 'first'],
    [{ groupBy: ['SUPPLIER'], orderBy: { field: 'RECIPIENT' } }, 'orderBy.field'],
  ])('refuses %j naming %s', async (variables, argument) => {
    const error = await errorOf(variables);
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toContain(argument === 'orderBy.field' ? 'RECIPIENT' : argument);
  });

  it('sends the same number of statements for 1 row and for many', async () => {
    const count = async (first: number) => {
      api.database.statements.reset();
      const rows = await volumes({
        filter: { recipientCountry: ['ML', 'NE', 'BF'] },
        groupBy: ['SUPPLIER', 'RECIPIENT', 'PLATFORM_FAMILY'],
        first,
      });
      return { rows: rows.length, statements: api.database.statements.count };
    };
    const one = await count(1);
    const many = await count(100);
    expect(many.rows).toBeGreaterThan(20);
    expect(many.statements).toBe(one.statements);
    // The aggregate, then actors and platforms in one batch each.
    expect(many.statements).toBeLessThanOrEqual(3);
  });
});
