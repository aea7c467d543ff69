import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorRow, DealRow, PlatformRow } from '../src/db/schema.js';
import { createActor, createDeal, createPlatform, createState, gid } from './support/factories.js';
import { graphql } from './support/graphql/index.js';
import type { DealFilter } from './support/graphql/graphql.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';

describe('deal filters', () => {
  let api: TestApi;
  let france: ActorRow,
    germany: ActorRow,
    norway: ActorRow,
    sweden: ActorRow,
    frenchCompany: ActorRow;
  let family: PlatformRow, variant: PlatformRow, subVariant: PlatformRow, tank: PlatformRow;
  const made: Record<string, DealRow> = {};

  beforeAll(async () => {
    api = await createTestApi();
    const db = api.database.db;
    france = await createState(db, 'France', 'FRA');
    germany = await createState(db, 'Germany', 'DEU');
    norway = await createState(db, 'Norway', 'NOR');
    sweden = await createState(db, 'Sweden', 'SWE');
    frenchCompany = await createActor(db, {
      kind: 'COMPANY',
      name: 'Test Dassault',
      countryId: france.id,
    });
    family = await createPlatform(db, { designation: 'TestJet', category: 'AIRCRAFT' });
    variant = await createPlatform(db, {
      designation: 'TestJet B',
      parentId: family.id,
      category: 'AIRCRAFT',
    });
    subVariant = await createPlatform(db, {
      designation: 'TestJet B2',
      parentId: variant.id,
      category: 'AIRCRAFT',
    });
    tank = await createPlatform(db, { designation: 'TestTank', category: 'ARMOURED_VEHICLES' });
    made.a = await createDeal(db, {
      supplierId: france.id,
      recipientId: norway.id,
      stage: 'DELIVERED',
      arrangement: 'SALE',
      orderYear: 2010,
      items: [{ platformId: family.id, deliveryYears: [2011, 2012] }],
    });
    made.b = await createDeal(db, {
      supplierId: frenchCompany.id,
      recipientId: sweden.id,
      stage: 'ORDERED',
      arrangement: 'LICENSED_PRODUCTION',
      orderYear: 2015,
      items: [{ platformId: subVariant.id }],
    });
    made.c = await createDeal(db, {
      supplierId: germany.id,
      recipientId: norway.id,
      stage: 'DELIVERING',
      arrangement: 'AID',
      orderYear: 2020,
      items: [{ platformId: tank.id, deliveryYears: [2021] }],
    });
    made.d = await createDeal(db, {
      supplierId: germany.id,
      recipientId: sweden.id,
      stage: 'NEGOTIATING',
      items: [{ platformId: variant.id }, { platformId: tank.id }],
    });
  });
  afterAll(() => api.close());

  /** Letters of the test deals that a filter returns (the seeded Kazan deal is left out). */
  async function matching(filter: string, variables?: DealFilter): Promise<string[]> {
    const data = dataOf(
      await api.query(
        graphql(`
          query DealFiltersMatching($f: DealFilter) {
            deals(filter: $f, first: 100) {
              totalCount
              nodes {
                id
              }
            }
          }
        `),
        { f: variables ?? (JSON.parse(filter) as DealFilter) },
      ),
    );
    const letters = Object.entries(made)
      .filter(([, deal]) => data.deals.nodes.some((n) => n.id === gid.deal(deal)))
      .map(([letter]) => letter)
      .sort();
    expect(data.deals.totalCount).toBe(data.deals.nodes.length);
    return letters;
  }

  it('filters by supplier and recipient ID', async () => {
    expect(await matching('', { supplier: [gid.actor(germany)] })).toEqual(['c', 'd']);
    expect(await matching('', { recipient: [gid.actor(norway), gid.actor(sweden)] })).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(
      await matching('', { supplier: [gid.actor(germany)], recipient: [gid.actor(sweden)] }),
    ).toEqual(['d']);
  });

  it('filters by country code, alpha-2 or alpha-3, including companies based there', async () => {
    expect(await matching('{"supplierCountry":["FRA"]}')).toEqual(['a', 'b']);
    expect(await matching('{"supplierCountry":["fr"]}')).toEqual(['a', 'b']);
    expect(await matching('{"recipientCountry":["SE"]}')).toEqual(['b', 'd']);
  });

  it('takes ISO 3166-3 codes of former states, alpha-2 or alpha-3, for their own actors', async () => {
    const db = api.database.db;
    // Historical states are actors of their own, without ISO 3166-1 codes, as SIPRI imports them.
    const former = async (name: string) => createActor(db, { kind: 'STATE', name });
    const [ussr, gdr, czechoslovakia, yugoslavia, southYemen] = await Promise.all(
      ['Soviet Union', 'East Germany (GDR)', 'Czechoslovakia', 'Yugoslavia', 'South Yemen'].map(
        former,
      ),
    );
    const sovietMaker = await createActor(db, {
      kind: 'COMPANY',
      name: 'Test Soviet plant',
      countryId: ussr!.id,
    });
    const deal = (supplierId: string, recipientId: string) =>
      createDeal(db, {
        supplierId,
        recipientId,
        stage: 'DELIVERED',
        items: [{ platformId: tank.id }],
      });
    const fromUssr = await deal(ussr!.id, gdr!.id);
    const fromMaker = await deal(sovietMaker.id, southYemen!.id);
    const czechToYugoslavia = await deal(czechoslovakia!.id, yugoslavia!.id);
    const ids = async (filter: DealFilter) =>
      dataOf(
        await api.query(
          graphql(`
            query DealFiltersIds($f: DealFilter) {
              deals(filter: $f, first: 100) {
                nodes {
                  id
                }
              }
            }
          `),
          { f: filter },
        ),
      )
        .deals.nodes.map((n) => n.id)
        .sort();
    const sorted = (...deals: DealRow[]) => deals.map(gid.deal).sort();
    for (const code of ['SU', 'SUN', 'su']) {
      expect(await ids({ supplierCountry: [code] })).toEqual(sorted(fromUssr, fromMaker));
    }
    expect(await ids({ recipientCountry: ['DD'] })).toEqual(sorted(fromUssr));
    expect(await ids({ recipientCountry: ['DDR', 'YMD'] })).toEqual(sorted(fromUssr, fromMaker));
    expect(await ids({ supplierCountry: ['CS'], recipientCountry: ['YUG'] })).toEqual(
      sorted(czechToYugoslavia),
    );
    expect(await ids({ supplierCountry: ['CSK', 'FR'] })).toEqual(
      sorted(czechToYugoslavia, made.a!, made.b!),
    );
  });

  it('suggests the nearest codes for a code that is none', async () => {
    const message = async (code: string) =>
      (
        await api.query(
          `query($c: [String!]) { deals(filter: { supplierCountry: $c }) { totalCount } }`,
          { c: [code] },
        )
      ).errors?.[0]?.message;
    expect(await message('Mail')).toMatch(
      /"Mail" is not an ISO 3166-1 alpha-2 or alpha-3 country code.*did you mean ML\/MLI \(Mali\)\?/,
    );
    expect(await message('FRAN')).toMatch(/did you mean .*FR\/FRA \(France\)/);
    expect(await message('USRR')).toMatch(/did you mean .*SU\/SUN \(Soviet Union/);
    expect(await message('Qqqqqq')).not.toMatch(/did you mean/);
  });

  it('filters by platform, matching every variant below it in the family tree', async () => {
    expect(await matching('', { platform: [gid.platform(family)] })).toEqual(['a', 'b', 'd']);
    expect(await matching('', { platform: [gid.platform(variant)] })).toEqual(['b', 'd']);
    expect(await matching('', { platform: [gid.platform(subVariant)] })).toEqual(['b']);
  });

  it('filters by weapon category, stage and arrangement', async () => {
    expect(await matching('{"category":["ARMOURED_VEHICLES"]}')).toEqual(['c', 'd']);
    expect(await matching('{"stage":["ORDERED","DELIVERING"]}')).toEqual(['b', 'c']);
    expect(await matching('{"arrangement":["AID","LICENSED_PRODUCTION"]}')).toEqual(['b', 'c']);
    expect(await matching('{"stage":[]}')).toEqual([]);
  });

  it('filters by order-year and delivery-year ranges, open or closed', async () => {
    expect(await matching('{"orderYear":{"from":2012,"to":2020}}')).toEqual(['b', 'c']);
    expect(await matching('{"orderYear":{"from":2015}}')).toEqual(['b', 'c']);
    expect(await matching('{"orderYear":{"to":2010}}')).toEqual(['a']);
    expect(await matching('{"deliveryYear":{"from":2012,"to":2012}}')).toEqual(['a']);
    expect(await matching('{"deliveryYear":{"from":2011}}')).toEqual(['a', 'c']);
  });

  it('filters by last change', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect(await matching('', { updatedSince: future })).toEqual([]);
    expect(await matching('', { updatedSince: '2000-01-01T00:00:00Z' })).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
  });

  it('combines conditions', async () => {
    expect(
      await matching('', {
        supplierCountry: ['DEU'],
        category: ['ARMOURED_VEHICLES'],
        deliveryYear: { from: 2021, to: 2021 },
      }),
    ).toEqual(['c']);
  });

  it('serves the same filters on nested deal lists', async () => {
    const data = dataOf(
      await api.query(
        graphql(`
          query DealFiltersNested($id: ID!) {
            node(id: $id) {
              ... on Actor {
                dealsAsSupplier(filter: { stage: [NEGOTIATING] }) {
                  totalCount
                  nodes {
                    stage
                  }
                }
              }
            }
          }
        `),
        { id: gid.actor(germany) },
      ),
    );
    expect(data.node?.dealsAsSupplier).toEqual({
      totalCount: 1,
      nodes: [{ stage: 'NEGOTIATING' }],
    });
  });

  it('lists suppliers and recipients only where they take that role', async () => {
    const data = dataOf(
      await api.query(
        graphql(`
          query DealFiltersParties {
            suppliers(first: 100) {
              nodes {
                name
              }
            }
            recipients(first: 100) {
              nodes {
                name
              }
            }
          }
        `),
      ),
    );
    const suppliers = data.suppliers.nodes.map((n) => n.name);
    const recipients = data.recipients.nodes.map((n) => n.name);
    expect(suppliers).toEqual(
      expect.arrayContaining(['France', 'Germany', 'Test Dassault', 'Russia']),
    );
    expect(suppliers).not.toContain('Norway');
    expect(recipients).toEqual(expect.arrayContaining(['Norway', 'Sweden', 'Mali']));
    expect(recipients).not.toContain('Germany');
  });

  it('filters actors by name or alias, kind and country', async () => {
    const data = dataOf(
      await api.query(
        graphql(`
          query DealFiltersActors {
            byAlias: actors(filter: { name: "kvz" }) {
              nodes {
                name
              }
            }
            companiesInRussia: actors(filter: { kind: [COMPANY], country: ["RU"] }) {
              nodes {
                name
              }
            }
            states: actors(filter: { kind: [STATE], name: "rance" }) {
              nodes {
                name
              }
            }
            byStateAlias: actors(filter: { kind: [STATE], name: "russie" }) {
              nodes {
                name
              }
            }
          }
        `),
      ),
    );
    expect(data.byAlias.nodes).toEqual([{ name: 'Kazan Helicopter Plant' }]);
    expect(data.companiesInRussia.nodes.map((n) => n.name)).toEqual([
      'Kazan Helicopter Plant',
      'Rostec',
      'Rostvertol',
      'Russian Helicopters',
      'Ulan-Ude Aviation Plant',
    ]);
    expect(data.states.nodes.map((n) => n.name)).toEqual(['France']);
    expect(data.byStateAlias.nodes).toEqual([{ name: 'Russia' }]);
  });

  it('filters platforms by family and category, and sources by language and kind', async () => {
    const data = dataOf(
      await api.query(
        graphql(`
          query DealFiltersPlatformsAndSources($family: ID!) {
            family: platforms(filter: { family: $family }) {
              nodes {
                designation
              }
            }
            vehicles: platforms(filter: { category: [ARMOURED_VEHICLES] }) {
              nodes {
                designation
              }
            }
            french: sources(filter: { language: ["FR"], kind: [NEWS] }) {
              nodes {
                url
              }
            }
          }
        `),
        { family: gid.platform(family) },
      ),
    );
    expect(data.family.nodes.map((n) => n.designation)).toEqual([
      'TestJet',
      'TestJet B',
      'TestJet B2',
    ]);
    expect(data.vehicles.nodes).toEqual([{ designation: 'TestTank' }]);
    expect(data.french.nodes.map((n) => n.url as string).sort()).toEqual([
      'http://news.abamako.com/h/300967.html',
      'http://news.abamako.com/h/300986.html',
      'https://eurasiafocus.com/9976-2/',
    ]);
  });
});
