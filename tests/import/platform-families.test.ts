// Family placement at import: the committed excerpt's Mi-8 and Mi-24 variants in their families,
// with the link's provenance, and an editor's choice kept through re-imports.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/client.js';
import { toGlobalId } from '../../src/graphql/global-id.js';
import { createApiKey } from '../../src/modules/auth/api-keys.service.js';
import { seedSipriExcerpt } from '../../src/seed/sipri-excerpt.js';
import { createTestApi, dataOf, type TestApi } from '../support/test-api.js';
import { graphql } from '../support/graphql/index.js';

interface Placed {
  designation: string;
  parent: string | null;
  family_source: string | null;
}

describe('platform families of imported designations', () => {
  let api: TestApi;
  let editor: string;

  beforeAll(async () => {
    api = await createTestApi();
    editor = (await createApiKey(api.database.db, { name: 'Editor', role: 'EDITOR' })).key;
    await seedSipriExcerpt(api.database.db);
  });
  afterAll(() => api.close());

  const placed = async () =>
    new Map(
      (
        await queryRows<Placed>(
          api.database.db,
          sql`select p.designation, parent.designation as parent, p.family_source
            from platforms p left join platforms parent on parent.id = p.parent_id
            where p.designation like 'Mi-%'`,
        )
      ).map((p) => [p.designation, p]),
    );

  it('places the excerpt’s Mi-8 and Mi-24 variants by rule, and leaves the Mi-4A alone', async () => {
    const rows = await placed();
    const expected: [string, string | null, string | null][] = [
      ['Mi-8T', 'Mi-8', 'rule:model-variant'],
      ['Mi-24D', 'Mi-24', 'rule:model-variant'],
      ['Mi-24P', 'Mi-24', 'rule:model-variant'],
      ['Mi-24V/Mi-35', 'Mi-24', 'rule:alternatives-agree'],
      ['Mi-4A', null, null],
      // The seeded families are the editors' (DESIGN.md's), not a rule's.
      ['Mi-171', 'Mi-17', 'editor'],
    ];
    for (const [designation, parent, source] of expected) {
      expect(rows.get(designation)).toEqual({ designation, parent, family_source: source });
    }
  });

  it('groups every Mi-24 variant Mali received under one PLATFORM_FAMILY row', async () => {
    const result = dataOf(
      await api.query(
        graphql(`
          query PlatformFamiliesTransferVolumes {
            transferVolumes(
              filter: { recipientCountry: ["MLI"] }
              groupBy: [PLATFORM_FAMILY]
              first: 100
            ) {
              nodes {
                platformFamily {
                  designation
                }
              }
            }
          }
        `),
      ),
    );
    const families = result.transferVolumes.nodes.map((n) => n.platformFamily?.designation);
    expect(families.filter((f) => f === 'Mi-24')).toHaveLength(1);
    expect(families.filter((f) => f === 'Mi-8')).toHaveLength(1);
    for (const variant of ['Mi-24D', 'Mi-24P', 'Mi-24V/Mi-35', 'Mi-8T', 'Mi-35M']) {
      expect(families).not.toContain(variant);
    }
  });

  it('keeps a family an editor set (or removed) through a re-import', async () => {
    const [mi8t] = await queryRows<{ id: string; version: number }>(
      api.database.db,
      sql`select id, version from platforms where designation = 'Mi-8T'`,
    );
    const update = await api.query(
      graphql(`
        mutation PlatformFamiliesUpdatePlatform($input: UpdatePlatformInput!) {
          updatePlatform(input: $input) {
            platform {
              family {
                designation
              }
            }
          }
        }
      `),
      {
        input: {
          id: toGlobalId('Platform', mi8t!.id),
          expectedVersion: mi8t!.version,
          family: null,
          reason: 'Test: an editor takes the Mi-8T out of the family',
        },
      },
      { apiKey: editor },
    );
    expect(dataOf(update)).toEqual({ updatePlatform: { platform: { family: null } } });
    expect((await placed()).get('Mi-8T')).toMatchObject({ parent: null, family_source: 'editor' });

    // The re-import places every platform a rule may place: not this one.
    await seedSipriExcerpt(api.database.db);
    expect((await placed()).get('Mi-8T')).toMatchObject({ parent: null, family_source: 'editor' });
    expect((await placed()).get('Mi-24D')).toMatchObject({ parent: 'Mi-24' });
  });
});
