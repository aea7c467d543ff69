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
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';

// The nested query from the foundation issue: deals → supplier, recipient, items → platform →
// family, citations → source.
const NESTED = `query($f: DealFilter, $n: Int) { deals(filter: $f, first: $n) { edges { node {
  id supplier { name } recipient { name }
  items { platform { designation family { designation } } }
  citations { excerpt source { url } } } } } }`;

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

  async function statementsFor(query: string, variables: Record<string, unknown>) {
    api.database.statements.reset();
    const data = dataOf(await api.query<Record<string, unknown>>(query, variables));
    return { count: api.database.statements.count, data };
  }

  it('issues the same number of statements for 1 deal and for 100', async () => {
    const filter = { supplier: [gid.actor(supplier)] };
    const one = await statementsFor(NESTED, { f: filter, n: 1 });
    const hundred = await statementsFor(NESTED, { f: filter, n: 100 });
    const edges = (hundred.data as { deals: { edges: unknown[] } }).deals.edges;
    expect(edges).toHaveLength(100);
    expect(one.count).toBe(hundred.count);
    // deals page, actors, items, platforms, families, citations, sources.
    expect(hundred.count).toBe(7);
  });

  it('batches nested connections across parents into one statement a level', async () => {
    const query = `query($n: Int) { actors(first: $n) { nodes { name
      dealsAsRecipient(first: 3) { totalCount nodes { items { platform { deals(first: 2) { nodes { id } } } } } } } } }`;
    const few = await statementsFor(query, { n: 2 });
    const many = await statementsFor(query, { n: 100 });
    expect(few.count).toBe(many.count);
  });
});
