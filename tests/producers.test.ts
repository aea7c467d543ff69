// Producers with their sources (DESIGN.md): Kazan builds the Mi-8/17 family, Ulan-Ude the Mi-171
// and Mi-171Sh, Rostvertol the Mi-24/35 — each link cited on its platform; and who placed a
// platform in its family tree, through the API. Migration 0006 gives seeded databases the same.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, queryRows, type Db } from '../src/db/client.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import { ids } from '../src/seed/kazan-mali.js';
import { seedSipriExcerpt } from '../src/seed/sipri-excerpt.js';
import { graphql } from './support/graphql/index.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';

interface Produced {
  designation: string;
  citations: { producer: { name: string } | null; source: { url: string | null } }[];
}

async function produces(api: TestApi, actorId: string): Promise<Produced[]> {
  const data = dataOf(
    await api.query(
      graphql(`
        query ProducersProduces($id: ID!) {
          node(id: $id) {
            ... on Actor {
              produces {
                designation
                citations {
                  producer {
                    name
                  }
                  source {
                    url
                  }
                }
              }
            }
          }
        }
      `),
      { id: toGlobalId('Actor', actorId) },
    ),
  );
  return data.node!.produces;
}

/** Each platform, with the source the link of this producer cites (none: undefined). */
function citedLinks(list: Produced[], producer: string) {
  return list.map((p) => ({
    designation: p.designation,
    source: p.citations.find((c) => c.producer?.name === producer)?.source.url,
  }));
}

const KAZAN =
  'https://defaiya.com/news/International%20News/Russia/2014/05/28/kazan-helicopters-produces-7-500th-mi-8-17-helicopter';
const UPI =
  'https://www.upi.com/Defense-News/2013/08/22/750th-Mi-8AMT-helicopter-produced/90551377229214/';
const FLIGHT =
  'https://flightglobal.com/mil-expects-revenue-boost-from-upgrade-order/43124.article';

describe('producers, cited', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
  });
  afterAll(() => api.close());

  it('Kazan Helicopter Plant produces the Mi-8/17 family, each link with its source', async () => {
    expect(
      citedLinks(await produces(api, ids.kazanHelicopterPlant), 'Kazan Helicopter Plant'),
    ).toEqual([
      { designation: 'Mi-17', source: KAZAN },
      { designation: 'Mi-8', source: KAZAN },
    ]);
  });

  it('Ulan-Ude builds the Mi-171 and Mi-171Sh, Rostvertol the Mi-24/35, each cited', async () => {
    expect(citedLinks(await produces(api, ids.ulanUde), 'Ulan-Ude Aviation Plant')).toEqual([
      { designation: 'Mi-171', source: UPI },
      { designation: 'Mi-171Sh', source: UPI },
    ]);
    expect(citedLinks(await produces(api, ids.rostvertol), 'Rostvertol')).toEqual([
      { designation: 'Mi-24', source: FLIGHT },
      { designation: 'Mi-35', source: FLIGHT },
      { designation: 'Mi-35M', source: FLIGHT },
    ]);
  });

  it('does not hand a family’s producer to its variants', async () => {
    const data = dataOf(
      await api.query(
        graphql(`
          query ProducersOfPlatform($id: ID!) {
            node(id: $id) {
              ... on Platform {
                producers {
                  name
                }
              }
            }
          }
        `),
        { id: toGlobalId('Platform', ids.mi171) },
      ),
    );
    expect(data.node?.producers).toEqual([{ name: 'Ulan-Ude Aviation Plant' }]);
  });

  it('says who placed a platform in its family: an editor, a named rule, or nobody', async () => {
    await seedSipriExcerpt(api.database.db);
    const data = dataOf(
      await api.query(
        graphql(`
          query ProducersFamilySources {
            platforms(filter: { designation: "Mi-" }, first: 100) {
              nodes {
                designation
                familySource {
                  kind
                  rule
                  description
                }
              }
            }
          }
        `),
      ),
    );
    const of = (d: string) => data.platforms.nodes.find((p) => p.designation === d)?.familySource;
    expect(of('Mi-17')).toEqual({ kind: 'EDITOR', rule: null, description: null });
    expect(of('Mi-8T')).toEqual({
      kind: 'RULE',
      rule: 'model-variant',
      description: 'a family model with a variant suffix (Mi-8T, Mi-24D)',
    });
    expect(of('Mi-24V/Mi-35')).toMatchObject({ kind: 'RULE', rule: 'alternatives-agree' });
    expect(of('Mi-8')).toBeNull();
  });
});

/** What producer links and their citations a database holds, comparably. */
const producerState = (db: Db) =>
  Promise.all([
    queryRows(
      db,
      sql`select p.designation, a.name from platform_producers l
        join platforms p on p.id = l.platform_id join actors a on a.id = l.producer_id order by 1, 2`,
    ),
    queryRows(
      db,
      sql`select c.id, c.platform_id, c.producer_id, s.id as source_id, s.kind, s.publisher,
          s.url, s.published_year, s.note, c.stance, c.excerpt
        from citations c join sources s on s.id = c.source_id
        where c.producer_id is not null order by c.id`,
    ),
    queryRows(
      db,
      sql`select id, kind, name, country_id, parent_id, description from actors
        where name = 'Ulan-Ude Aviation Plant'`,
    ),
  ]);

describe('migration 0006: producers for databases seeded before', () => {
  let api: TestApi;
  let seeded: unknown;
  const migration = readFileSync(join(MIGRATIONS_FOLDER, '0006_producer_citations.sql'), 'utf8');
  const apply = async () => {
    for (const statement of migration.split('--> statement-breakpoint')) {
      await api.database.db.execute(sql.raw(statement));
    }
  };

  beforeAll(async () => {
    api = await createTestApi();
    seeded = await producerState(api.database.db);
    // The seed as it was before: Rostvertol's three links only, uncited; no Ulan-Ude.
    const db = api.database.db;
    await db.execute(sql`delete from citations where producer_id is not null`);
    await db.execute(sql`delete from platform_producers where producer_id <> ${ids.rostvertol}`);
    await db.execute(sql`delete from search_documents where record_id = ${ids.ulanUde}`);
    await db.execute(sql`delete from actors where id = ${ids.ulanUde}`);
    await db.execute(
      sql`delete from sources where id in (${ids.kazan7500}, ${ids.ulanUde750}, ${ids.rostvertolUpgrade})`,
    );
    await db.execute(sql`delete from search_documents where record_id in
      (${ids.kazan7500}, ${ids.ulanUde750}, ${ids.rostvertolUpgrade})`);
    await db.execute(sql`alter table citations drop column producer_id`);
  });
  afterAll(() => api.close());

  it('writes what the seed writes', async () => {
    await apply();
    expect(await producerState(api.database.db)).toEqual(seeded);
  });

  it('changes nothing the second time, or in a database that has it from the seed', async () => {
    const before = await producerState(api.database.db);
    const statements = migration.split('--> statement-breakpoint').slice(3);
    for (const statement of statements) await api.database.db.execute(sql.raw(statement));
    expect(await producerState(api.database.db)).toEqual(before);
  });
});
