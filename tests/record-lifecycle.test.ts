import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/graphql/global-id.js';
import { createApiKey } from '../src/modules/auth/api-keys.service.js';
import { ids } from '../src/seed/kazan-mali.js';
import { readFeedUntil } from './support/feed.js';
import { createTestApi, dataOf, type GraphQLResult, type TestApi } from './support/test-api.js';

const RUSSIA = toGlobalId('Actor', ids.russia);
const MALI = toGlobalId('Actor', ids.mali);
const MI171 = toGlobalId('Platform', ids.mi171);
const ESSOR = toGlobalId('Source', ids.essor);

describe('actors, platforms, deletions and merges', () => {
  let api: TestApi;
  let editor: string;
  let admin: string;

  beforeAll(async () => {
    api = await createTestApi();
    editor = (await createApiKey(api.database.db, { name: 'Editor', role: 'EDITOR' })).key;
    admin = (await createApiKey(api.database.db, { name: 'Admin', role: 'ADMIN' })).key;
  });
  afterAll(() => api.close());

  const as = (key: string) => ({ apiKey: key });
  const codeOf = (r: GraphQLResult) => r.errors?.[0]?.extensions?.code ?? 'OK';

  async function createActor(input: Record<string, unknown>) {
    return dataOf(
      await api.query<{
        createActor: {
          actor: {
            id: string;
            version: number;
            isoAlpha2: string | null;
            aliases: { name: string }[];
          };
        };
      }>(
        `mutation($input: CreateActorInput!) { createActor(input: $input) { actor { id version isoAlpha2 aliases { name } } } }`,
        { input: { reason: 'Test', ...input } },
        as(editor),
      ),
    ).createActor.actor;
  }

  async function createDeal(recipient: string, platform = MI171) {
    return dataOf(
      await api.query<{ createDeal: { deal: { id: string } } }>(
        `mutation($input: CreateDealInput!) { createDeal(input: $input) { deal { id } } }`,
        {
          input: {
            supplier: RUSSIA,
            recipient,
            stage: 'ORDERED',
            items: [{ platform }],
            citations: [{ source: ESSOR }],
            reason: 'Test deal',
          },
        },
        as(editor),
      ),
    ).createDeal.deal;
  }

  it('creates an actor with ISO codes derived from alpha-3, and aliases', async () => {
    const actor = await createActor({
      kind: 'STATE',
      name: 'Burkina Faso',
      isoAlpha3: 'bfa',
      aliases: [{ name: 'Haute-Volta', language: 'fr' }],
    });
    expect(actor).toMatchObject({
      version: 1,
      isoAlpha2: 'BF',
      aliases: [{ name: 'Haute-Volta' }],
    });
  });

  it('refuses a second actor with the same ISO code as CONFLICT', async () => {
    const result = await api.query(
      `mutation($input: CreateActorInput!) { createActor(input: $input) { actor { id } } }`,
      { input: { kind: 'STATE', name: 'Mali again', isoAlpha3: 'MLI', reason: 'dup' } },
      as(editor),
    );
    expect(codeOf(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.message).toContain('ISO 3166-1');
  });

  it('refuses an ownership cycle', async () => {
    const parent = await createActor({ kind: 'COMPANY', name: 'Holding' });
    const child = await createActor({ kind: 'COMPANY', name: 'Subsidiary', parent: parent.id });
    const result = await api.query(
      `mutation($input: UpdateActorInput!) { updateActor(input: $input) { actor { id } } }`,
      { input: { id: parent.id, expectedVersion: 1, parent: child.id, reason: 'cycle' } },
      as(editor),
    );
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
  });

  it('creates and re-parents platforms, refusing a family cycle', async () => {
    const create = async (designation: string, family?: string) =>
      dataOf(
        await api.query<{
          createPlatform: { platform: { id: string; family: { designation: string } | null } };
        }>(
          `mutation($input: CreatePlatformInput!) { createPlatform(input: $input) { platform { id family { designation } } } }`,
          {
            input: {
              designation,
              family,
              category: 'AIRCRAFT',
              aliases: [{ name: `${designation}-alias` }],
              reason: 'Test',
            },
          },
          as(editor),
        ),
      ).createPlatform.platform;
    const root = await create('Test-1');
    const variant = await create('Test-1A', root.id);
    expect(variant.family).toEqual({ designation: 'Test-1' });
    const cycle = await api.query(
      `mutation($input: UpdatePlatformInput!) { updatePlatform(input: $input) { platform { id } } }`,
      { input: { id: root.id, expectedVersion: 1, family: variant.id, reason: 'cycle' } },
      as(editor),
    );
    expect(codeOf(cycle)).toBe('BAD_USER_INPUT');
  });

  it('lets only admins delete and merge', async () => {
    const deal = await createDeal(MALI);
    const del = await api.query(
      `mutation($input: DeleteRecordInput!) { deleteRecord(input: $input) { deletedId } }`,
      { input: { id: deal.id, reason: 'dup' } },
      as(editor),
    );
    expect(codeOf(del)).toBe('FORBIDDEN');
    const merge = await api.query(
      `mutation($input: MergeInput!) { mergeActors(input: $input) { actor { id } } }`,
      { input: { loser: MALI, winner: RUSSIA, reason: 'no' } },
      as(editor),
    );
    expect(codeOf(merge)).toBe('FORBIDDEN');
  });

  it('deletes a deal as a tombstone that the feed reports and lists leave out', async () => {
    const deal = await createDeal(MALI);
    const before = dataOf(
      await api.query<{ deals: { totalCount: number } }>('{ deals { totalCount } }'),
    ).deals.totalCount;
    dataOf(
      await api.query(
        `mutation($input: DeleteRecordInput!) { deleteRecord(input: $input) { deletedId } }`,
        { input: { id: deal.id, reason: 'Duplicate of another record' } },
        as(admin),
      ),
    );
    const after = dataOf(
      await api.query<{ deals: { totalCount: number } }>('{ deals { totalCount } }'),
    ).deals.totalCount;
    expect(after).toBe(before - 1);
    const node = await api.query(`query($id: ID!) { node(id: $id) { id } }`, { id: deal.id });
    expect(codeOf(node)).toBe('NOT_FOUND');
    const feed = (
      await readFeedUntil(api, (entries) =>
        entries.some((n) => n.recordId === deal.id && n.action === 'DELETE'),
      )
    ).filter((n) => n.recordId === deal.id);
    expect(feed.map((n) => n.action)).toEqual(['CREATE', 'DELETE']);
    expect(feed[1]).toMatchObject({ reason: 'Duplicate of another record', record: null });
  });

  it('refuses to delete an actor that deals refer to, and says to merge', async () => {
    const result = await api.query(
      `mutation($input: DeleteRecordInput!) { deleteRecord(input: $input) { deletedId } }`,
      { input: { id: MALI, reason: 'try' } },
      as(admin),
    );
    expect(codeOf(result)).toBe('CONFLICT');
    expect(result.errors?.[0]?.message).toContain('merge');
  });

  it('merges an actor: deals move, the old name becomes an alias, the old ID redirects', async () => {
    const loser = await createActor({ kind: 'STATE', name: 'Republic of Mali (duplicate)' });
    await createDeal(loser.id);
    const maliDeals = async () =>
      dataOf(
        await api.query<{ deals: { totalCount: number } }>(
          'query($m: [ID!]) { deals(filter: { recipient: $m }) { totalCount } }',
          { m: [MALI] },
        ),
      ).deals.totalCount;
    const before = await maliDeals();
    const merged = dataOf(
      await api.query<{ mergeActors: { actor: { name: string; aliases: { name: string }[] } } }>(
        `mutation($input: MergeInput!) { mergeActors(input: $input) { actor { name aliases { name } } } }`,
        { input: { loser: loser.id, winner: MALI, reason: 'Same state' } },
        as(admin),
      ),
    ).mergeActors.actor;
    expect(merged.name).toBe('Mali');
    expect(merged.aliases.map((a) => a.name)).toContain('Republic of Mali (duplicate)');
    expect(await maliDeals()).toBe(before + 1);
    const redirected = dataOf(
      await api.query<{ node: { id: string; name: string } }>(
        'query($id: ID!) { node(id: $id) { id ... on Actor { name } } }',
        { id: loser.id },
      ),
    );
    expect(redirected.node).toEqual({ id: MALI, name: 'Mali' });
    // A filter naming the old ID finds the deals, now under the winner.
    const byOldId = dataOf(
      await api.query<{ deals: { totalCount: number } }>(
        'query($m: [ID!]) { deals(filter: { recipient: $m }) { totalCount } }',
        { m: [loser.id] },
      ),
    );
    expect(byOldId.deals.totalCount).toBe(before + 1);
    const names = dataOf(
      await api.query<{ actors: { nodes: { name: string }[] } }>(
        '{ actors(first: 100) { nodes { name } } }',
      ),
    ).actors.nodes.map((n) => n.name);
    expect(names).not.toContain('Republic of Mali (duplicate)');
    const feed = await readFeedUntil(api, (entries) =>
      entries.some((n) => n.recordId === loser.id && n.action === 'MERGE'),
    );
    expect(feed.filter((n) => n.recordId === loser.id).map((n) => n.action)).toEqual([
      'CREATE',
      'MERGE',
    ]);
  });

  it('merges a platform: items and variants move, the old ID redirects', async () => {
    const dup = dataOf(
      await api.query<{ createPlatform: { platform: { id: string } } }>(
        `mutation($input: CreatePlatformInput!) { createPlatform(input: $input) { platform { id } } }`,
        { input: { designation: 'Mi-8MTV-5', category: 'AIRCRAFT', reason: 'Test' } },
        as(editor),
      ),
    ).createPlatform.platform;
    await createDeal(MALI, dup.id);
    dataOf(
      await api.query(
        `mutation($input: MergeInput!) { mergePlatforms(input: $input) { platform { id } } }`,
        { input: { loser: dup.id, winner: MI171, reason: 'Same helicopter' } },
        as(admin),
      ),
    );
    const node = dataOf(
      await api.query<{ node: { designation: string; aliases: { name: string }[] } }>(
        'query($id: ID!) { node(id: $id) { ... on Platform { designation aliases { name } } } }',
        { id: dup.id },
      ),
    );
    expect(node.node.designation).toBe('Mi-171');
    expect(node.node.aliases.map((a) => a.name)).toContain('Mi-8MTV-5');
  });

  it('filters actors, platforms and sources by last change', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const data = dataOf(
      await api.query<Record<string, { totalCount: number }>>(
        `query($t: DateTime) { actors(filter: { updatedSince: $t }) { totalCount }
          platforms(filter: { updatedSince: $t }) { totalCount } sources(filter: { updatedSince: $t }) { totalCount } }`,
        { t: future },
      ),
    );
    expect(data).toEqual({
      actors: { totalCount: 0 },
      platforms: { totalCount: 0 },
      sources: { totalCount: 0 },
    });
  });
});
