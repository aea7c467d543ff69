// Deal pages select only the columns their query's fields read (src/modules/deals/deal-columns.ts).
// A field whose columns were left out would answer null or fail: so every field of Deal, asked
// alone on a page (root and nested, through `nodes` and through `edges` with a fragment), must
// answer what node(id) answers for the same deal, which reads the whole row.
import { sql } from 'drizzle-orm';
import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  isUnionType,
  type GraphQLNamedType,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sipriReleases, type ActorRow, type DealRow } from '../src/db/schema.js';
import {
  citeDeal,
  createDeal,
  createPlatform,
  createSource,
  createState,
  gid,
} from './support/factories.js';
import { askable, fieldsOf } from './support/schema-fields.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';

/**
 * A selection of every field of `type` that needs no argument: leaves, and objects below it as
 * their __typename (which runs their resolver: a DealRetirement's release reads the deal's row).
 */
function selectionOf(type: GraphQLNamedType, depth = 0): string {
  if (isLeafType(type)) return '';
  if (depth > 0 || isInterfaceType(type) || isUnionType(type) || !isObjectType(type)) {
    return '{ __typename }';
  }
  const fields = Object.values(type.getFields())
    .filter(askable)
    .map((f) => `${f.name} ${selectionOf(getNamedType(f.type), depth + 1)}`);
  return `{ __typename ${fields.join(' ')} }`;
}

const DEAL_FIELDS = fieldsOf('Deal', selectionOf);
const ITEM_FIELDS = fieldsOf('DealItem', selectionOf);

describe('deal pages and items read only the columns their fields need', () => {
  let api: TestApi;
  let supplier: ActorRow;
  /** Deals and items read whole, by global ID. */
  const whole = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    api = await createTestApi();
    const db = api.database.db;
    supplier = await createState(db, 'Norway', 'NOR');
    const recipient = await createState(db, 'Finland', 'FIN');
    const source = await createSource(db);
    const made: DealRow[] = [];
    for (let i = 0; i < 3; i++) {
      const deal = await createDeal(db, {
        supplierId: supplier.id,
        recipientId: recipient.id,
        stage: 'DELIVERED',
        arrangement: 'LEASE',
        orderYear: 2001 + i,
        orderMonth: 3,
        orderDay: i === 0 ? null : 9,
        orderUncertain: i === 2,
        valueAmount: '125.50',
        valueCurrency: 'EUR',
        valueCovers: 'incl training',
        comments: `comment ${i}`,
        items: [
          {
            platformId: (await createPlatform(db)).id,
            variantPlatformId: (await createPlatform(db)).id,
            description: `item ${i}`,
            quantityOrdered: 4 + i,
            quantityOrderedLow: 3,
            quantityOrderedHigh: 9,
            quantityDeliveredUncertain: true,
            deliveryYears: [2003, 2004],
            condition: 'NEW',
            tivPerUnit: '1.5',
            tivTotalOrder: '6',
            tivDelivered: '3.25',
            note: `note ${i}`,
          },
          { platformId: (await createPlatform(db)).id, quantityDelivered: 2 },
        ],
      });
      await citeDeal(db, deal.id, source.id);
      made.push(deal);
    }
    // One of them retired by a release, so that `retirement` has something to show (the seed
    // has no SIPRI release: one is made up here, with a test source).
    const [release] = await db
      .insert(sipriReleases)
      .values({
        id: randomUUID(),
        sourceId: source.id,
        scope: 'FULL_REGISTER',
        generatedOn: '2026-05-18',
        generatedText: '18 May 2026 2:29:20 PM',
        fileName: 'register.csv',
        rowCount: 3,
      })
      .returning();
    await db.execute(sql`update deals set retired_at = now(),
      retired_by_release_id = ${release!.id} where id = ${made[0]!.id}`);
    // The references are read by node(id): whole rows, whatever is selected.
    const selectionOfAll = (fields: { selection: string }[]) =>
      fields.map((f) => f.selection).join('\n');
    const nodeAs = async (type: string, id: string, fields: { selection: string }[]) =>
      dataOf(
        await api.query<{ node: Record<string, unknown> }>(
          `query Whole($id: ID!) { node(id: $id) { ... on ${type} { ${selectionOfAll(fields)} } } }`,
          { id },
        ),
      ).node;
    for (const deal of made) {
      const node = await nodeAs('Deal', gid.deal(deal), [
        ...DEAL_FIELDS,
        { selection: 'refs: items { id }' },
      ]);
      whole.set(gid.deal(deal), node);
      for (const item of node.refs as { id: string }[]) {
        whole.set(item.id, await nodeAs('DealItem', item.id, ITEM_FIELDS));
      }
    }
    expect(whole.get(gid.deal(made[0]!))?.retirement).not.toBeNull();
  });
  afterAll(() => api.close());

  function expectAsWhole(nodes: Record<string, unknown>[], field: string) {
    expect(nodes).toHaveLength(3);
    for (const node of nodes) {
      expect({ [field]: node[field] }).toEqual({ [field]: whole.get(node.id as string)![field] });
    }
  }

  it.each(DEAL_FIELDS)('$name on a root page', async ({ name, selection }) => {
    const data = dataOf(
      await api.query<{ deals: { nodes: Record<string, unknown>[] } }>(
        `query Alone($s: ID!) {
          deals(filter: { supplier: [$s], includeRetired: true }, first: 10) { nodes { id ${selection} } }
        }`,
        { s: gid.actor(supplier) },
      ),
    );
    expectAsWhole(data.deals.nodes, name);
  });

  it.each(DEAL_FIELDS)(
    '$name on a nested page, through edges and a fragment',
    async ({ name, selection }) => {
      const data = dataOf(
        await api.query<{
          node: { dealsAsSupplier: { edges: { node: Record<string, unknown> }[] } };
        }>(
          `query Nested($s: ID!) {
          node(id: $s) {
            ... on Actor {
              dealsAsSupplier(first: 10, orderBy: { field: UPDATED_AT }, filter: { includeRetired: true }) {
                edges { node { ...Alone } }
              }
            }
          }
        }
        fragment Alone on Deal { id ${selection} }`,
          { s: gid.actor(supplier) },
        ),
      );
      expectAsWhole(
        data.node.dealsAsSupplier.edges.map((e) => e.node),
        name,
      );
    },
  );

  it.each(ITEM_FIELDS)('$name of the items of a page', async ({ name, selection }) => {
    type Items = { id: string; items: Record<string, unknown>[] }[];
    const data = dataOf(
      await api.query<{ deals: { nodes: Items } }>(
        `query ItemAlone($s: ID!) {
          deals(filter: { supplier: [$s], includeRetired: true }, first: 10) {
            nodes { id items { id ${selection} } }
          }
        }`,
        { s: gid.actor(supplier) },
      ),
    );
    expect(data.deals.nodes).toHaveLength(3);
    for (const item of data.deals.nodes.flatMap((deal) => deal.items)) {
      expect({ [name]: item[name] }).toEqual({ [name]: whole.get(item.id as string)![name] });
    }
  });
});
