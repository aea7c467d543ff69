// A deal's parties and an item's platforms are loaded with the columns their selection reads
// (src/modules/actors/actor-columns.ts, src/modules/platforms/platform-columns.ts), not the
// whole row: a page's 100 platforms of 12 columns were a tenth of a list request's CPU (issue
// 12). A field whose columns were left out would answer null or fail: so every field of Actor
// and Platform, asked alone through a relation, must answer what node(id) answers for the same
// record, which reads the whole row.
import { isLeafType, isObjectType, type GraphQLNamedType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorAliases, platformAliases, platformProducers } from '../src/db/schema.js';
import {
  citeDeal,
  createActor,
  createDeal,
  createPlatform,
  createSource,
  createState,
  gid,
} from './support/factories.js';
import { fieldsOf } from './support/schema-fields.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';

/** Below a field: nothing for a leaf, an object by its ID (or its type when it has none). */
const below = (type: GraphQLNamedType) =>
  isLeafType(type)
    ? ''
    : isObjectType(type) && 'id' in type.getFields()
      ? '{ __typename id }'
      : '{ __typename }';

const ACTOR_FIELDS = fieldsOf('Actor', below);
const PLATFORM_FIELDS = fieldsOf('Platform', below);

describe('relations read only the columns their selection needs', () => {
  let api: TestApi;
  let supplierId: string;
  /** Actors and platforms read whole, by global ID. */
  const whole = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    api = await createTestApi();
    const db = api.database.db;
    const country = await createState(db, 'Sweden', 'SWE');
    const group = await createActor(db, { kind: 'COMPANY', name: 'Test group' });
    const supplier = await createActor(db, {
      kind: 'COMPANY',
      name: 'Test maker',
      description: 'a maker of test platforms',
      parentId: group.id,
      countryId: country.id,
      existedFrom: 1937,
      existedUntil: 2030,
    });
    supplierId = supplier.id;
    const recipient = await createState(db, 'Finland', 'FIN');
    await db.insert(actorAliases).values({ actorId: supplier.id, alias: 'TM', language: 'en' });
    const family = await createPlatform(db, { designation: 'TF-family', description: 'family' });
    const platform = await createPlatform(db, {
      designation: 'TF-1',
      parentId: family.id,
      familySource: 'editor',
      category: 'SHIPS',
      unrocaCategory: 'VI_WARSHIPS',
      description: 'a test frigate',
    });
    const variant = await createPlatform(db, { designation: 'TF-1A', parentId: platform.id });
    await db.insert(platformAliases).values({ platformId: platform.id, alias: 'Frigate 1' });
    await db.insert(platformProducers).values({ platformId: platform.id, producerId: supplier.id });
    const source = await createSource(db);
    const deal = await createDeal(db, {
      supplierId: supplier.id,
      recipientId: recipient.id,
      orderYear: 2020,
      items: [{ platformId: platform.id, variantPlatformId: variant.id, quantityOrdered: 2 }],
    });
    await citeDeal(db, deal.id, source.id);
    const nodeAs = async (type: string, id: string, fields: { selection: string }[]) =>
      dataOf(
        await api.query<{ node: Record<string, unknown> }>(
          `query Whole($id: ID!) { node(id: $id) {
            ... on ${type} { ${fields.map((f) => f.selection).join('\n')} } } }`,
          { id },
        ),
      ).node;
    for (const actor of [supplier, recipient]) {
      whole.set(gid.actor(actor), await nodeAs('Actor', gid.actor(actor), ACTOR_FIELDS));
    }
    for (const p of [platform, variant]) {
      whole.set(gid.platform(p), await nodeAs('Platform', gid.platform(p), PLATFORM_FIELDS));
    }
    expect(whole.get(gid.actor(supplier))?.aliases).toHaveLength(1);
    expect(whole.get(gid.platform(platform))?.producers).toHaveLength(1);
  });
  afterAll(() => api.close());

  const dealsOfSupplier = (selection: string) =>
    api.query<{ deals: { nodes: Record<string, unknown>[] } }>(
      `query Alone($s: ID!) { deals(filter: { supplier: [$s] }, first: 5) { nodes { ${selection} } } }`,
      { s: gid.actor({ id: supplierId }) },
    );

  function expectAsWhole(node: Record<string, unknown>, field: string) {
    expect({ [field]: node[field] }).toEqual({ [field]: whole.get(node.id as string)![field] });
  }

  it.each(ACTOR_FIELDS)("$name of a deal's parties", async ({ name, selection }) => {
    const { deals } = dataOf(
      await dealsOfSupplier(`supplier { id ${selection} } recipient { id ${selection} }`),
    );
    expect(deals.nodes).toHaveLength(1);
    for (const party of ['supplier', 'recipient']) {
      expectAsWhole(deals.nodes[0]![party] as Record<string, unknown>, name);
    }
  });

  it.each(PLATFORM_FIELDS)(
    "$name of an item's platform and variant",
    async ({ name, selection }) => {
      const { deals } = dataOf(
        await dealsOfSupplier(`items { platform { id ${selection} } variant { id ${selection} } }`),
      );
      const [item] = deals.nodes[0]!.items as Record<string, Record<string, unknown>>[];
      expectAsWhole(item!.platform!, name);
      expectAsWhole(item!.variant!, name);
    },
  );

  it("selects the columns asked for, in one statement for a page's parties", async () => {
    api.database.statements.reset();
    const { deals } = dataOf(
      await api.query<{ deals: { nodes: Record<string, unknown>[] } }>(
        `{ deals(first: 50) { nodes { supplier { name isoAlpha3 } recipient { name isoAlpha3 } } } }`,
      ),
    );
    expect(deals.nodes.length).toBeGreaterThan(1);
    const actorStatements = api.database.statements.log.filter((s) => /from "actors"/.test(s));
    expect(actorStatements).toHaveLength(1);
    expect(actorStatements[0]).toMatch(/"name".*"iso_alpha3"/s);
    expect(actorStatements[0]).not.toMatch(/"description"|"existed_from"|"created_at"/);
  });

  it("selects an item's platform by the columns asked", async () => {
    api.database.statements.reset();
    dataOf(await dealsOfSupplier('items { platform { designation description } }'));
    const platformStatements = api.database.statements.log.filter((s) =>
      /from "platforms"/.test(s),
    );
    expect(platformStatements).toHaveLength(1);
    expect(platformStatements[0]).toMatch(/"designation"/);
    expect(platformStatements[0]).not.toMatch(/"unroca_category"|"created_at"|"family_source"/);
  });
});
