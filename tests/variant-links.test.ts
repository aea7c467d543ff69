// Variants named in SIPRI's comments ("Mi-171Sh armed version" on a "Mi-17" row): the item keeps
// SIPRI's designation and links to the variant's platform, which then finds the deal — on the
// committed Sahel excerpt and on rows cut from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, queryRows } from '../src/db/client.js';
import { importSipriRegister } from '../src/import/import-sipri-register.js';
import { VARIANT_LINK_STATEMENTS, variantLinkChanges } from '../src/import/platform-variants.js';
import { ids } from '../src/seed/kazan-mali.js';
import { SIPRI_EXCERPT_FILE, seedSipriExcerpt } from '../src/seed/sipri-excerpt.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';
import { sahelLines } from './import/support.js';
import { graphql } from './support/graphql/index.js';

// The deal fields each query below reads.
graphql(`
  fragment VariantLinksDeal on Deal {
    recipient {
      name
    }
    orderDate {
      iso
    }
    items {
      platform {
        designation
      }
      variant {
        designation
      }
      note
    }
  }
`);

describe('variant links from SIPRI comments (Sahel excerpt)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
    await seedSipriExcerpt(api.database.db);
  });
  afterAll(() => api.close());

  const mi171sh = toGlobalId('Platform', ids.mi171sh);
  const mi171 = toGlobalId('Platform', ids.mi171);

  it('finds Mali’s 2020 "Mi-171Sh armed version" Mi-17 deal among the Mi-171Sh’s deals, SIPRI’s designation kept', async () => {
    const data = dataOf(
      await api.query(
        graphql(`
          query VariantLinksPlatformDeals($id: ID!) {
            node(id: $id) {
              ... on Platform {
                deals(first: 100) {
                  totalCount
                  nodes {
                    ...VariantLinksDeal
                  }
                }
              }
            }
          }
        `),
        { id: mi171sh },
      ),
    );
    const mali = data.node!.deals.nodes.find(
      (d) => d.recipient.name === 'Mali' && d.orderDate?.iso === '2020',
    );
    expect(mali?.items).toEqual([
      {
        platform: { designation: 'Mi-17' },
        variant: { designation: 'Mi-171Sh' },
        note: 'Mi-171Sh armed version',
      },
    ]);
    // Mali 2020, Burkina Faso 2017 ("Mi-171Sh armed version"), Niger 2019 ("Armed Mi-171Sh version").
    expect(data.node!.deals.nodes.map((d) => d.recipient.name).sort()).toEqual([
      'Burkina Faso',
      'Mali',
      'Niger',
    ]);
    expect(data.node!.deals.totalCount).toBe(3);
  });

  it('links only a platform below the row’s own, named exactly', async () => {
    const rows = await queryRows<{ note: string; platform: string; variant: string | null }>(
      api.database.db,
      sql`select i.note, p.designation as platform, v.designation as variant
        from deal_items i join platforms p on p.id = i.platform_id
        left join platforms v on v.id = i.variant_platform_id
        where i.note is not null and p.designation like 'Mi-%'`,
    );
    const variantOf = (note: string) => [
      ...new Set(rows.filter((r) => r.note === note).map((r) => r.variant)),
    ];
    expect(variantOf('Armed Mi-171Sh version')).toEqual(['Mi-171Sh']);
    expect(variantOf('Mi-171 armed version')).toEqual(['Mi-171']);
    // Not a platform of this database: no link, the note stays.
    expect(variantOf('Mi-8MT version')).toEqual([null]);
    // The row's own designation is no variant of itself.
    expect(variantOf('Mi-17 version')).toEqual([null]);
    // Every link is below its item's platform (a Mi-17's, here).
    expect(new Set(rows.filter((r) => r.variant).map((r) => r.platform))).toEqual(
      new Set(['Mi-17']),
    );
  });

  it('filters by family through the variant too: the Mi-171 family holds the Mi-171Sh deals', async () => {
    const data = dataOf(
      await api.query(
        graphql(`
          query VariantLinksFamilyDeals($p: [ID!]) {
            deals(filter: { platform: $p }, first: 100) {
              nodes {
                ...VariantLinksDeal
              }
            }
          }
        `),
        { p: [mi171] },
      ),
    );
    const names = data.deals.nodes.map(
      (d) =>
        `${d.recipient.name} ${d.orderDate?.iso ?? ''} ${d.items[0]?.variant?.designation ?? '-'}`,
    );
    // Chad's "Mi-171 armed version" (2005?) and the three Mi-171Sh, beside the Kazan record's Mi-171.
    expect(names.sort()).toEqual([
      'Burkina Faso 2017 Mi-171Sh',
      'Chad 2005? Mi-171',
      'Mali  -',
      'Mali 2020 Mi-171Sh',
      'Niger 2019? Mi-171Sh',
    ]);
  });

  it('counts the variant’s deals in transferVolumes filtered by the variant', async () => {
    const data = dataOf(
      await api.query(
        graphql(`
          query VariantLinksTransferVolumes($p: [ID!]) {
            transferVolumes(filter: { platform: $p }, groupBy: [STAGE]) {
              nodes {
                dealCount
                unitsOrdered
              }
            }
          }
        `),
        { p: [mi171sh] },
      ),
    );
    // Mali 4, Burkina Faso 2, Niger 2 helicopters.
    expect(data.transferVolumes.nodes).toEqual([{ dealCount: 3, unitsOrdered: 8 }]);
  });

  it('keeps the link in the release’s rows, and an import leaves nothing to change', async () => {
    const [release] = await queryRows<{ id: string }>(
      api.database.db,
      sql`select id from sipri_releases`,
    );
    const data = dataOf(
      await api.query(
        graphql(`
          query VariantLinksReleaseDeals($r: ID!, $p: [ID!]) {
            deals(filter: { release: $r, platform: $p }, first: 100) {
              nodes {
                ...VariantLinksDeal
              }
            }
          }
        `),
        { r: toGlobalId('SipriRelease', release!.id), p: [mi171sh] },
      ),
    );
    expect(data.deals.nodes.map((d) => d.items[0]?.variant?.designation)).toEqual([
      'Mi-171Sh',
      'Mi-171Sh',
      'Mi-171Sh',
    ]);
    expect(await variantLinkChanges(api.database.db)).toEqual({ deal_items: 0, sipri_rows: 0 });
  });
});

describe('variant links follow the platform table', () => {
  let api: TestApi;
  beforeAll(async () => {
    // No seed: the rows' Mi-17 and any Mi-171Sh come from the import alone.
    api = await createTestApi({ seed: false });
  });
  afterAll(() => api.close());

  it('links nothing when the named variant is no platform of the database', async () => {
    // The preamble, the header and the Mali 2020 Mi-17 row of the excerpt, byte for byte.
    const excerpt = readFileSync(SIPRI_EXCERPT_FILE, 'latin1').split('\n');
    const line = excerpt.findIndex((l) => l.startsWith('Mali,Russia,2020,,4,,Mi-17,')) + 1;
    const file = Buffer.concat([sahelLines(1, 12), sahelLines(line, line)]);
    await importSipriRegister(api.database.db, file, { fileName: 'mali-2020-mi-17.csv' });
    const rows = await queryRows<{ variant_platform_id: string | null; note: string }>(
      api.database.db,
      sql`select variant_platform_id, note from deal_items`,
    );
    expect(rows).toEqual([{ variant_platform_id: null, note: 'Mi-171Sh armed version' }]);
  });
});

describe('migration 0005: variant links for databases imported before', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await createTestApi();
    await seedSipriExcerpt(api.database.db);
    // A database as it was before: no variant columns.
    await api.database.db.execute(sql`alter table deal_items drop column variant_platform_id`);
    await api.database.db.execute(sql`alter table sipri_rows drop column variant_platform_id`);
  });
  afterAll(() => api.close());

  const migration = () => readFileSync(join(MIGRATIONS_FOLDER, '0005_variant_links.sql'), 'utf8');

  it('runs the importer’s own statements, verbatim', () => {
    const statements = migration()
      .split('--> statement-breakpoint')
      .map((s) => s.replace(/^(--[^\n]*\n|\s)+/, '').replace(/;\s*$/, ''));
    for (const statement of VARIANT_LINK_STATEMENTS) expect(statements).toContain(statement);
  });

  it('links what an import links, and leaves an import nothing to change', async () => {
    for (const statement of migration().split('--> statement-breakpoint')) {
      await api.database.db.execute(sql.raw(statement));
    }
    const rows = await queryRows<{ recipient: string; variant: string }>(
      api.database.db,
      sql`select r.name as recipient, v.designation as variant from deal_items i
        join deals d on d.id = i.deal_id join actors r on r.id = d.recipient_id
        join platforms v on v.id = i.variant_platform_id order by 1`,
    );
    expect(rows).toEqual([
      { recipient: 'Burkina Faso', variant: 'Mi-171Sh' },
      { recipient: 'Chad', variant: 'Mi-171' },
      { recipient: 'Mali', variant: 'Mi-171Sh' },
      { recipient: 'Niger', variant: 'Mi-171Sh' },
    ]);
    expect(await variantLinkChanges(api.database.db)).toEqual({ deal_items: 0, sipri_rows: 0 });
    const [linkedRows] = await queryRows<{ n: number }>(
      api.database.db,
      sql`select count(*)::int as n from sipri_rows where variant_platform_id is not null`,
    );
    expect(linkedRows?.n).toBe(4);
  });
});
