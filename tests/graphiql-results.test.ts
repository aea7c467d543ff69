// GraphiQL's Table and Chart views, their logic run in Node on real answers of the examples
// (the SIPRI excerpt seeded): tables have one row per deal, CSV is RFC 4180, charts have one
// series per group. The browser test clicks through the same views in Chromium.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chartOf } from '../src/graphiql/browser/results/chart-data.js';
import {
  findLists,
  sortRows,
  tableOf,
  toCsv,
  type Json,
} from '../src/graphiql/browser/results/table-data.js';
import { graphiqlExamples } from '../src/graphiql/examples.js';
import { seedSipriExcerpt } from '../src/seed/sipri-excerpt.js';
import { createTestApi, type TestApi } from './support/test-api.js';

const example = (id: string) => graphiqlExamples.find((e) => e.id === id)!;

interface Deal {
  orderDate: { iso: string } | null;
  stage: string;
  items: { platform: { designation: string } | null }[];
}

describe('GraphiQL result views on real answers', () => {
  let api: TestApi;
  const answer = async (id: string) => {
    const { query, variables } = example(id);
    const result = await api.query(
      query,
      variables ? (JSON.parse(variables) as Record<string, unknown>) : undefined,
    );
    expect(result.errors).toBeUndefined();
    return result.data as Json;
  };

  beforeAll(async () => {
    api = await createTestApi();
    await seedSipriExcerpt(api.database.db);
  });
  afterAll(async () => {
    await api.close();
  });

  it('tables Mali/Russia one row per deal, items joined, nested objects as dotted columns', async () => {
    const data = await answer('mali-received-from-russia');
    const deals = (data as unknown as { deals: { totalCount: number; nodes: Deal[] } }).deals;
    const [list, ...others] = findLists(data);
    expect(others).toEqual([]);
    expect(list!.label).toBe('deals');
    const table = tableOf(list!.items);
    expect(deals.totalCount).toBeGreaterThan(3);
    expect(table.rows).toHaveLength(deals.totalCount);
    const column = (name: string) => table.columns.indexOf(name);
    expect(column('orderDate.iso')).toBeGreaterThanOrEqual(0);
    deals.nodes.forEach((deal, index) => {
      const row = table.rows[index]!;
      expect(row[column('stage')]).toBe(deal.stage);
      expect(row[column('orderDate.iso')]).toBe(deal.orderDate?.iso ?? '');
      expect(row[column('items.platform.designation')]).toBe(
        deal.items
          .map((item) => item.platform?.designation ?? '')
          .filter(Boolean)
          .join('; '),
      );
    });
  });

  it('writes RFC 4180 CSV and sorts numbers as numbers, empty cells last', () => {
    const table = tableOf([
      { name: 'a, "quoted"', tiv: '10' },
      { name: 'b\nline', tiv: '9.5' },
      { name: 'c', tiv: null },
    ]);
    expect(toCsv(table)).toBe('name,tiv\r\n"a, ""quoted""",10\r\n"b\nline",9.5\r\nc,\r\n');
    expect(sortRows(table, 1, 'ascending').map((row) => row[1])).toEqual(['9.5', '10', '']);
    expect(sortRows(table, 1, 'descending').map((row) => row[1])).toEqual(['10', '9.5', '']);
  });

  it('charts the Sahel deliveries year by year, one line per recipient, TIV labelled', async () => {
    const data = await answer('sahel-top-suppliers');
    const lists = findLists(data);
    expect(lists.map((l) => l.label)).toEqual(['topSuppliers', 'byYear']);
    const byYear = lists[1]!.items as { year: number; recipient: { name: string } }[];
    const chart = chartOf(byYear)!;
    expect(chart.kind).toBe('line');
    expect(chart.yLabel).toMatch(/SIPRI trend-indicator value, millions/);
    expect(chart.series.sort()).toEqual([...new Set(byYear.map((r) => r.recipient.name))].sort());
    expect(chart.series.length).toBeGreaterThan(1);
    // Without a year: bars, one per supplier.
    const top = chartOf(lists[0]!.items)!;
    expect(top.kind).toBe('bar');
    expect(top.points).toHaveLength(lists[0]!.items.length);
    // A list that is no transferVolumes answer has no chart.
    expect(chartOf(tableOfDealsItems())).toBeNull();
  });
});

function tableOfDealsItems(): Json[] {
  return [{ stage: 'DELIVERED', supplier: { name: 'Russia' } }];
}
