import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGlobalId } from '../src/graphql/global-id.js';
import { createApiKey } from '../src/modules/auth/api-keys.service.js';
import { ids } from '../src/seed/kazan-mali.js';
import * as factories from './support/factories.js';
import { readFeedUntil } from './support/feed.js';
import { graphql } from './support/graphql/index.js';
import type { CreateActorInput } from './support/graphql/graphql.js';
import { createTestApi, dataOf, type GraphQLResult, type TestApi } from './support/test-api.js';

const RUSSIA = toGlobalId('Actor', ids.russia);
const MALI = toGlobalId('Actor', ids.mali);
const MI171 = toGlobalId('Platform', ids.mi171);
const ESSOR = toGlobalId('Source', ids.essor);

const RECIPIENT_DEAL_COUNT = graphql(`
  query RecordLifecycleRecipientDealCount($m: [ID!]) {
    deals(filter: { recipient: $m }) {
      totalCount
    }
  }
`);

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

  async function createActor(input: Omit<CreateActorInput, 'reason'>) {
    return dataOf(
      await api.query(
        graphql(`
          mutation RecordLifecycleCreateActor($input: CreateActorInput!) {
            createActor(input: $input) {
              actor {
                id
                version
                isoAlpha2
                aliases {
                  name
                }
              }
            }
          }
        `),
        { input: { reason: 'Test', ...input } },
        as(editor),
      ),
    ).createActor.actor;
  }

  async function createDeal(recipient: string, platform = MI171) {
    return dataOf(
      await api.query(
        graphql(`
          mutation RecordLifecycleCreateDeal($input: CreateDealInput!) {
            createDeal(input: $input) {
              deal {
                id
              }
            }
          }
        `),
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
    expect(actor).toMatchObject({ version: 1, isoAlpha2: 'BF' });
    // The editor's alias, beside the reference names every state gets (Буркина-Фасо…).
    expect(actor.aliases).toEqual(expect.arrayContaining([{ name: 'Haute-Volta' }]));
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
    // The same shape as every other bad input: the field's path and what is wrong with it.
    expect(result.errors?.[0]?.extensions?.problems).toEqual([
      { path: 'input.parent', message: 'that actor is owned by this one' },
    ]);
  });

  it('reports every problem of an actor at once, its years included', async () => {
    const result = await api.query(
      `mutation($input: CreateActorInput!) { createActor(input: $input) { actor { id } } }`,
      {
        input: {
          kind: 'STATE',
          name: ' ',
          isoAlpha3: 'XXQ',
          existedFrom: 2000,
          existedUntil: 1990,
          reason: 'Test',
        },
      },
      as(editor),
    );
    expect(result.errors?.[0]?.extensions?.problems).toEqual([
      { path: 'input.name', message: 'must not be empty' },
      { path: 'input.isoAlpha3', message: '"XXQ" is not an ISO 3166-1 alpha-3 code' },
      { path: 'input', message: 'existedFrom (2000) is after existedUntil (1990)' },
    ]);
  });

  it('creates and re-parents platforms, refusing a family cycle', async () => {
    const create = async (designation: string, family?: string) =>
      dataOf(
        await api.query(
          graphql(`
            mutation RecordLifecycleCreatePlatform($input: CreatePlatformInput!) {
              createPlatform(input: $input) {
                platform {
                  id
                  family {
                    designation
                  }
                }
              }
            }
          `),
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
      await api.query(
        graphql(`
          query RecordLifecycleDealCount {
            deals {
              totalCount
            }
          }
        `),
      ),
    ).deals.totalCount;
    dataOf(
      await api.query(
        `mutation($input: DeleteRecordInput!) { deleteRecord(input: $input) { deletedId } }`,
        { input: { id: deal.id, reason: 'Duplicate of another record' } },
        as(admin),
      ),
    );
    const after = dataOf(
      await api.query(
        graphql(`
          query RecordLifecycleDealCount {
            deals {
              totalCount
            }
          }
        `),
      ),
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
      dataOf(await api.query(RECIPIENT_DEAL_COUNT, { m: [MALI] })).deals.totalCount;
    const before = await maliDeals();
    const merged = dataOf(
      await api.query(
        graphql(`
          mutation RecordLifecycleMergeActors($input: MergeInput!) {
            mergeActors(input: $input) {
              actor {
                name
                aliases {
                  name
                }
              }
            }
          }
        `),
        { input: { loser: loser.id, winner: MALI, reason: 'Same state' } },
        as(admin),
      ),
    ).mergeActors.actor;
    expect(merged.name).toBe('Mali');
    expect(merged.aliases.map((a) => a.name)).toContain('Republic of Mali (duplicate)');
    expect(await maliDeals()).toBe(before + 1);
    const redirected = dataOf(
      await api.query(
        graphql(`
          query RecordLifecycleActorNode($id: ID!) {
            node(id: $id) {
              id
              ... on Actor {
                name
              }
            }
          }
        `),
        { id: loser.id },
      ),
    );
    expect(redirected.node).toEqual({ id: MALI, name: 'Mali' });
    // A filter naming the old ID finds the deals, now under the winner.
    const byOldId = dataOf(await api.query(RECIPIENT_DEAL_COUNT, { m: [loser.id] }));
    expect(byOldId.deals.totalCount).toBe(before + 1);
    const names = dataOf(
      await api.query(
        graphql(`
          query RecordLifecycleActorNames {
            actors(first: 100) {
              nodes {
                name
              }
            }
          }
        `),
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
      await api.query(
        graphql(`
          mutation RecordLifecycleCreatePlatformId($input: CreatePlatformInput!) {
            createPlatform(input: $input) {
              platform {
                id
              }
            }
          }
        `),
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
      await api.query(
        graphql(`
          query RecordLifecyclePlatformNode($id: ID!) {
            node(id: $id) {
              ... on Platform {
                designation
                aliases {
                  name
                }
              }
            }
          }
        `),
        { id: dup.id },
      ),
    );
    expect(node.node?.designation).toBe('Mi-171');
    expect(node.node?.aliases.map((a) => a.name)).toContain('Mi-8MTV-5');
  });

  it('filters actors, platforms and sources by last change', async () => {
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const data = dataOf(
      await api.query(
        graphql(`
          query RecordLifecycleUpdatedSince($t: DateTime) {
            actors(filter: { updatedSince: $t }) {
              totalCount
            }
            platforms(filter: { updatedSince: $t }) {
              totalCount
            }
            sources(filter: { updatedSince: $t }) {
              totalCount
            }
          }
        `),
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

describe('writes that refer to deleted or merged records', () => {
  let api: TestApi;
  let editor: string;
  const as = { apiKey: '' };
  const codeOf = (r: GraphQLResult) => r.errors?.[0]?.extensions?.code ?? 'OK';

  beforeAll(async () => {
    api = await createTestApi();
    editor = (await createApiKey(api.database.db, { name: 'Editor', role: 'EDITOR' })).key;
    as.apiKey = editor;
  });
  afterAll(() => api.close());

  /** An actor merged into `winner`, and one simply deleted: tombstones, as the merges leave them. */
  async function tombstones() {
    const db = api.database.db;
    const winner = await factories.createActor(db, { kind: 'STATE', name: 'Winner state' });
    const loser = await factories.createActor(db, {
      name: 'Merged-away state',
      mergedIntoId: winner.id,
      deletedAt: new Date(),
    });
    const deleted = await factories.createActor(db, { name: 'Deleted', deletedAt: new Date() });
    const family = await factories.createPlatform(db, { designation: 'Family winner' });
    const mergedPlatform = await factories.createPlatform(db, {
      designation: 'Merged platform',
      mergedIntoId: family.id,
      deletedAt: new Date(),
    });
    const deletedPlatform = await factories.createPlatform(db, { deletedAt: new Date() });
    const deletedDeal = await factories.createDeal(db, {
      supplierId: ids.russia,
      recipientId: ids.mali,
      deletedAt: new Date(),
      items: [{ platformId: ids.mi171 }],
    });
    const id = (type: 'Actor' | 'Platform' | 'Deal', uuid: string) => toGlobalId(type, uuid);
    return {
      winner: id('Actor', winner.id),
      loser: id('Actor', loser.id),
      deleted: id('Actor', deleted.id),
      family: id('Platform', family.id),
      mergedPlatform: id('Platform', mergedPlatform.id),
      deletedPlatform: id('Platform', deletedPlatform.id),
      deletedDeal: id('Deal', deletedDeal.id),
    };
  }

  const citation = { source: ESSOR, excerpt: 'cited' };

  it('refuses an event on a deleted deal with NOT_FOUND', async () => {
    const t = await tombstones();
    const result = await api.query(
      `mutation($input: AddDealEventInput!) { addDealEvent(input: $input) { event { id } } }`,
      {
        input: {
          deal: t.deletedDeal,
          type: 'VISIT',
          citations: [citation],
          reason: 'Visit reported',
        },
      },
      as,
    );
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect(result.errors?.[0]?.message).toMatch(/`input\.deal`.*deleted/);
  });

  it('refuses a citation on a deleted deal with NOT_FOUND', async () => {
    const t = await tombstones();
    const result = await api.query(
      `mutation($input: AddCitationInput!) { addCitation(input: $input) { citation { id } } }`,
      { input: { target: t.deletedDeal, citation, reason: 'More sources' } },
      as,
    );
    expect(codeOf(result)).toBe('NOT_FOUND');
    expect(result.errors?.[0]?.message).toMatch(/`input\.target`.*deleted/);
  });

  it('stores the winner when a deal names a merged-away actor or platform', async () => {
    const t = await tombstones();
    const result = await api.query(
      graphql(`
        mutation RecordLifecycleCreateDealParties($input: CreateDealInput!) {
          createDeal(input: $input) {
            deal {
              supplier {
                id
              }
              items {
                platform {
                  id
                }
              }
            }
          }
        }
      `),
      {
        input: {
          supplier: t.loser,
          recipient: MALI,
          stage: 'ORDERED',
          items: [{ platform: t.mergedPlatform }],
          citations: [citation],
          reason: 'Test deal',
        },
      },
      as,
    );
    const { deal } = dataOf(result).createDeal;
    expect(deal.supplier.id).toBe(t.winner);
    expect(deal.items[0]?.platform.id).toBe(t.family);
  });

  it('stores the winner when an update or an event names a merged-away actor', async () => {
    const t = await tombstones();
    const update = await api.query(
      graphql(`
        mutation RecordLifecycleUpdateDealRecipient($input: UpdateDealInput!) {
          updateDeal(input: $input) {
            deal {
              recipient {
                id
              }
            }
          }
        }
      `),
      {
        input: {
          id: toGlobalId('Deal', ids.kazanDeal),
          expectedVersion: await dealVersion(ids.kazanDeal),
          recipient: t.loser,
          citations: [citation],
          reason: 'Recipient merged',
        },
      },
      as,
    );
    expect(dataOf(update).updateDeal.deal.recipient.id).toBe(t.winner);
    const event = await api.query(
      graphql(`
        mutation RecordLifecycleAddDealEventActors($input: AddDealEventInput!) {
          addDealEvent(input: $input) {
            event {
              actors {
                id
              }
            }
          }
        }
      `),
      {
        input: {
          deal: toGlobalId('Deal', ids.kazanDeal),
          type: 'VISIT',
          actors: [t.loser, t.winner],
          citations: [citation],
          reason: 'Visit',
        },
      },
      as,
    );
    expect(dataOf(event).addDealEvent.event.actors).toEqual([{ id: t.winner }]);
  });

  async function dealVersion(uuid: string): Promise<number> {
    const { node } = dataOf(
      await api.query(
        graphql(`
          query RecordLifecycleDealVersion($id: ID!) {
            node(id: $id) {
              ... on Deal {
                version
              }
            }
          }
        `),
        { id: toGlobalId('Deal', uuid) },
      ),
    );
    return node!.version;
  }

  it('refuses a deal naming a deleted actor or platform with NOT_FOUND', async () => {
    const t = await tombstones();
    for (const [supplier, platform, path] of [
      [t.deleted, MI171, /`input\.supplier`/],
      [RUSSIA, t.deletedPlatform, /`input\.items\[0\]\.platform`/],
    ] as const) {
      const result = await api.query(
        `mutation($input: CreateDealInput!) { createDeal(input: $input) { deal { id } } }`,
        {
          input: {
            supplier,
            recipient: MALI,
            stage: 'ORDERED',
            items: [{ platform }],
            citations: [citation],
            reason: 'Test deal',
          },
        },
        as,
      );
      expect(codeOf(result)).toBe('NOT_FOUND');
      expect(result.errors?.[0]?.message).toMatch(path);
    }
  });

  it('follows merges in actor parents and countries, and platform families and producers', async () => {
    const t = await tombstones();
    const actor = await api.query(
      graphql(`
        mutation RecordLifecycleCreateActorOwner($input: CreateActorInput!) {
          createActor(input: $input) {
            actor {
              parent {
                id
              }
              country {
                id
              }
            }
          }
        }
      `),
      {
        input: {
          kind: 'COMPANY',
          name: 'Subsidiary',
          parent: t.loser,
          country: t.loser,
          reason: 'x',
        },
      },
      as,
    );
    expect(dataOf(actor).createActor.actor).toEqual({
      parent: { id: t.winner },
      country: { id: t.winner },
    });
    const platform = await api.query(
      graphql(`
        mutation RecordLifecycleCreatePlatformLinks($input: CreatePlatformInput!) {
          createPlatform(input: $input) {
            platform {
              family {
                id
              }
              producers {
                id
              }
            }
          }
        }
      `),
      {
        input: {
          designation: 'Variant',
          category: 'AIRCRAFT',
          family: t.mergedPlatform,
          producers: [t.loser],
          reason: 'x',
        },
      },
      as,
    );
    expect(dataOf(platform).createPlatform.platform).toEqual({
      family: { id: t.family },
      producers: [{ id: t.winner }],
    });
    const refused = await api.query(
      `mutation($input: CreatePlatformInput!) { createPlatform(input: $input) { platform { id } } }`,
      { input: { designation: 'V2', category: 'AIRCRAFT', producers: [t.deleted], reason: 'x' } },
      as,
    );
    expect(codeOf(refused)).toBe('NOT_FOUND');
    expect(refused.errors?.[0]?.message).toMatch(/`input\.producers\[0\]`/);
  });

  it('stores the winner when a citation targets a merged-away actor', async () => {
    const t = await tombstones();
    const result = await api.query(
      graphql(`
        mutation RecordLifecycleAddCitationTarget($input: AddCitationInput!) {
          addCitation(input: $input) {
            citation {
              target {
                ... on Actor {
                  id
                }
              }
            }
          }
        }
      `),
      { input: { target: t.loser, citation, reason: 'More' } },
      as,
    );
    expect(dataOf(result).addCitation.citation.target.id).toBe(t.winner);
  });

  it('refuses a NUL byte in mutation text with the argument path, before the database', async () => {
    const result = await api.query(
      `mutation($input: CreateSourceInput!) { createSource(input: $input) { source { id } } }`,
      { input: { source: { kind: 'NEWS', title: 'Le\u0000 titre' } } },
      as,
    );
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/`\$input\.source\.title`.*NUL/);
    expect(api.logs.filter((line) => (line.level as number) >= 50)).toEqual([]);
  });

  it('answers two editors making two actors each other’s parent at once without a 500', async () => {
    const db = api.database.db;
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all([
        factories.createActor(db, { name: `A${round}` }),
        factories.createActor(db, { name: `B${round}` }),
      ]);
      const setParent = (child: string, parent: string) =>
        api.query(
          `mutation($input: UpdateActorInput!) { updateActor(input: $input) { actor { id } } }`,
          {
            input: {
              id: toGlobalId('Actor', child),
              expectedVersion: 1,
              parent: toGlobalId('Actor', parent),
              reason: 'ownership',
            },
          },
          as,
        );
      const results = await Promise.all([setParent(a.id, b.id), setParent(b.id, a.id)]);
      const codes = results.map(codeOf).sort();
      // One wins; the other sees the cycle (BAD_USER_INPUT) or, after a retried deadlock, CONFLICT.
      expect(codes[0], JSON.stringify(results)).toMatch(/^(BAD_USER_INPUT|CONFLICT)$/);
      expect(codes[1]).toBe('OK');
    }
    expect(api.logs.filter((line) => (line.level as number) >= 50)).toEqual([]);
  });
});
