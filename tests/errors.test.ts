import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { toGlobalId } from '../src/graphql/global-id.js';
import { ids } from '../src/seed/kazan-mali.js';
import { graphql } from './support/graphql/index.js';
import { createTestApi, type GraphQLResult, type TestApi } from './support/test-api.js';

describe('bad input', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  const unknownActor = toGlobalId('Actor', '00000000-0000-4000-8000-000000000000');
  const mali = toGlobalId('Actor', ids.mali);

  /** The single error of a result, which must carry `code` and mention `argument`. */
  function expectError(result: GraphQLResult, code: string, argument: string) {
    expect(result.errors, JSON.stringify(result)).toHaveLength(1);
    const [error] = result.errors!;
    expect(error!.extensions?.code).toBe(code);
    expect(error!.message).toContain(argument);
    return error!;
  }

  const cases: [string, string, Record<string, unknown>, string, string][] = [
    [
      'a malformed ID',
      'query($id: ID!) { node(id: $id) { id } }',
      { id: 'not-an-id' },
      'BAD_USER_INPUT',
      '`id`',
    ],
    [
      'an unknown ID',
      'query($id: ID!) { node(id: $id) { id } }',
      { id: unknownActor },
      'NOT_FOUND',
      '`id`',
    ],
    [
      'an unknown supplier ID',
      'query($f: DealFilter) { deals(filter: $f) { totalCount } }',
      { f: { supplier: [mali, unknownActor] } },
      'NOT_FOUND',
      '`filter.supplier[1]`',
    ],
    [
      'an ID of the wrong type',
      'query($f: DealFilter) { deals(filter: $f) { totalCount } }',
      { f: { platform: [mali] } },
      'BAD_USER_INPUT',
      'expected a Platform ID, got an Actor ID',
    ],
    [
      'an unknown country code',
      'query($f: DealFilter) { deals(filter: $f) { totalCount } }',
      { f: { recipientCountry: ['MLI', 'XYZ'] } },
      'BAD_USER_INPUT',
      '`filter.recipientCountry[1]`',
    ],
    [
      'a reversed year range',
      'query($f: DealFilter) { deals(filter: $f) { totalCount } }',
      { f: { orderYear: { from: 2020, to: 2010 } } },
      'BAD_USER_INPUT',
      '`filter.orderYear`: from (2020) is after to (2010)',
    ],
    [
      'a year out of range',
      'query($f: DealFilter) { deals(filter: $f) { totalCount } }',
      { f: { deliveryYear: { from: 99999 } } },
      'BAD_USER_INPUT',
      '`filter.deliveryYear.from`',
    ],
    [
      'first over 100',
      'query($n: Int) { deals(first: $n) { totalCount } }',
      { n: 101 },
      'BAD_USER_INPUT',
      '`first`: must be between 1 and 100, got 101',
    ],
    [
      'a negative first',
      'query($n: Int) { actors(first: $n) { totalCount } }',
      { n: -1 },
      'BAD_USER_INPUT',
      '`first`',
    ],
    [
      'a zero first',
      'query($n: Int) { platforms(first: $n) { totalCount } }',
      { n: 0 },
      'BAD_USER_INPUT',
      '`first`',
    ],
    [
      'a malformed cursor',
      'query($a: String) { deals(after: $a) { totalCount } }',
      { a: 'bm9wZQ' },
      'BAD_USER_INPUT',
      '`after`',
    ],
    [
      'too many IDs for nodes',
      'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids: Array(101).fill(mali) },
      'BAD_USER_INPUT',
      '`ids`',
    ],
  ];

  it.each(cases)(
    'refuses %s with a coded error naming the argument',
    async (_name, query, variables, code, text) => {
      const result = await api.query(query, variables);
      expectError(result, code, text);
    },
  );

  it('refuses a cursor made for another ordering', async () => {
    const first = await api.query(
      graphql(`
        query ErrorsFirstCursor {
          deals(first: 1) {
            pageInfo {
              endCursor
            }
          }
        }
      `),
    );
    const cursor = first.data!.deals.pageInfo.endCursor;
    const result = await api.query(
      'query($a: String) { deals(after: $a, orderBy: { field: UPDATED_AT }) { totalCount } }',
      { a: cursor },
    );
    expectError(result, 'BAD_USER_INPUT', 'different order');
    const other = await api.query('query($a: String) { actors(after: $a) { totalCount } }', {
      a: cursor,
    });
    expectError(other, 'BAD_USER_INPUT', '`after`');
  });

  it('returns null entries with NOT_FOUND errors for unknown IDs in nodes', async () => {
    const result = await api.query(
      graphql(`
        query ErrorsNodes($ids: [ID!]!) {
          nodes(ids: $ids) {
            id
          }
        }
      `),
      { ids: [mali, unknownActor] },
    );
    expect(result.data?.nodes).toEqual([{ id: mali }, null]);
    expectError(result, 'NOT_FOUND', '`ids[1]`');
  });

  it('reports schema violations as BAD_USER_INPUT', async () => {
    const result = await api.query('{ deals(filter: { stage: [NOT_A_STAGE] }) { totalCount } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const syntax = await api.query('{ deals( }');
    expect(syntax.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('unexpected errors', () => {
  it('reach the client as a generic INTERNAL_SERVER_ERROR while the cause goes to the log', async () => {
    const api = await createTestApi();
    try {
      // A table that disappears under the server makes the SQL fail in a way no client caused.
      await api.database.db.execute(sql`alter table deal_events rename to deal_events_gone`);
      const result = await api.query('{ deals { nodes { id events { type } } } }');
      expect(result.errors?.length).toBeGreaterThan(0);
      for (const error of result.errors!) {
        expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
        expect(error.message).toBe('Internal server error');
        expect(JSON.stringify(error)).not.toMatch(/deal_events|select|stack/i);
      }
      const logged = JSON.stringify(api.logs);
      expect(logged).toContain('deal_events');
    } finally {
      await api.close();
    }
  });
});
