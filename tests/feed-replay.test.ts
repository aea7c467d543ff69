// The change feed covers every write: a mirror that replays `changes` from the start into an
// empty structure — type → ID → field values, deletions and merges removing — equals what
// deals, actors, platforms and sources return, after the seed, two SIPRI imports (adding,
// changing and retiring deals), and mutations of every kind, merges and deletions included.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import { importSipriRegister } from '../src/import/import-sipri-register.js';
import { createApiKey } from '../src/modules/auth/api-keys.service.js';
import { loadSnapshots } from '../src/modules/revisions/snapshots.js';
import { ids } from '../src/seed/kazan-mali.js';
import { BURKINA_FASO, CHAD, MIDDLE, NEWER, release } from './import/support.js';
import { graphql } from './support/graphql/index.js';
import type {
  CitationInput,
  FeedReplayChangesQuery,
  RecordType,
  TypedDocumentString,
} from './support/graphql/graphql.js';
import { createTestApi, dataOf, type TestApi } from './support/test-api.js';

type Values = Record<string, unknown>;
interface Page {
  nodes: Values[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}
type Mirror = Map<string, Map<string, Values>>;

type FeedNode = FeedReplayChangesQuery['changes']['nodes'][number];

const FEED = graphql(`
  query FeedReplayChanges($after: String, $types: [RecordType!]) {
    changes(after: $after, first: 100, types: $types) {
      nodes {
        recordType
        recordId
        action
        author
        changes {
          field
          to
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

// The citation fields every list below spreads; codegen appends the fragment to their documents.
graphql(`
  fragment FeedReplayCitation on Citation {
    id
    source {
      id
    }
    excerpt
    translation
    locator
    stance
    producer {
      id
    }
  }
`);

// A page of each root list the mirror is compared with, aliased `page` for everything().
const LISTS = {
  deals: graphql(`
    query FeedReplayDeals($after: String) {
      page: deals(first: 50, after: $after, filter: { includeRetired: true }) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          stage
          arrangement
          supplier {
            id
          }
          recipient {
            id
          }
          orderDate {
            iso
          }
          reportedValue {
            amount
            currency
            covers
          }
          comments
          items {
            id
            platform {
              id
            }
            variant {
              id
            }
            description
            quantityOrdered {
              value
              low
              high
              uncertain
            }
            quantityDelivered {
              value
              low
              high
              uncertain
            }
            deliveryYears
            condition
            tivPerUnit
            tivTotalOrder
            tivDelivered
            note
          }
          retirement {
            retiredAt
            release {
              id
            }
          }
          events {
            id
            type
            date {
              iso
            }
            place
            description
            actors {
              id
            }
            citations {
              ...FeedReplayCitation
            }
          }
          citations {
            ...FeedReplayCitation
          }
        }
      }
    }
  `),
  actors: graphql(`
    query FeedReplayActors($after: String) {
      page: actors(first: 100, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          kind
          name
          isoAlpha2
          isoAlpha3
          isoNumeric
          aliases {
            name
            language
          }
          parent {
            id
          }
          country {
            id
          }
          existedFrom
          existedUntil
          description
          citations {
            ...FeedReplayCitation
          }
        }
      }
    }
  `),
  platforms: graphql(`
    query FeedReplayPlatforms($after: String) {
      page: platforms(first: 100, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          designation
          category
          unrocaCategory
          description
          family {
            id
          }
          familySource {
            kind
            rule
          }
          aliases {
            name
            language
          }
          producers {
            id
          }
          citations {
            ...FeedReplayCitation
          }
        }
      }
    }
  `),
  sources: graphql(`
    query FeedReplaySources($after: String) {
      page: sources(first: 100, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          id
          kind
          title
          publisher
          url
          archivedUrl
          publicationDate {
            iso
          }
          accessedOn
          language
          note
        }
      }
    }
  `),
};

/** Every node of a root list, page by page. */
async function everything(
  api: TestApi,
  document: TypedDocumentString<{ page: Page }, { after?: string | null }>,
  key: string,
) {
  const nodes: Values[] = [];
  let after: string | null = null;
  for (;;) {
    const page: Page = dataOf(await api.query(document, { after }, { apiKey: key })).page;
    nodes.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return nodes;
    after = page.pageInfo.endCursor;
  }
}

/** Replays the feed from its start: a CREATE or UPDATE sets its fields, DELETE and MERGE remove. */
async function replay(api: TestApi, key: string, types?: RecordType[]) {
  const mirror: Mirror = new Map();
  const feed: FeedNode[] = [];
  let after: string | null = null;
  for (;;) {
    const page: FeedReplayChangesQuery['changes'] = dataOf(
      await api.query(FEED, { after, types }, { apiKey: key }),
    ).changes;
    feed.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  for (const r of feed) {
    const records = mirror.get(r.recordType) ?? new Map<string, Values>();
    mirror.set(r.recordType, records);
    if (r.action === 'DELETE' || r.action === 'MERGE') {
      records.delete(r.recordId);
      continue;
    }
    const values = r.action === 'CREATE' ? {} : { ...records.get(r.recordId) };
    for (const c of r.changes) values[c.field] = c.to;
    records.set(r.recordId, values);
  }
  return { mirror, feed };
}

const id = (x: { id: string } | null | undefined) => x?.id ?? null;
const ids_ = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
const byName = (xs: { name: string; language: string | null }[]) =>
  [...xs].sort((a, b) => (a.name + (a.language ?? '')).localeCompare(b.name + (b.language ?? '')));

/** A record's values without the fields it does not have (a CREATE leaves them out). */
function present(values: Values | undefined): Values | undefined {
  return values && Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null));
}

/** A record's values in the API, as its snapshot names them. */
const expected = {
  citation: (c: Values, target: string): Values => ({
    source: id(c.source as { id: string }),
    target,
    excerpt: c.excerpt,
    translation: c.translation,
    locator: c.locator,
    stance: c.stance,
    producer: id(c.producer as { id: string } | null),
  }),
  deal: (d: Values): Values => {
    const retirement = d.retirement as { retiredAt: string; release: { id: string } } | null;
    return {
      supplier: id(d.supplier as { id: string }),
      recipient: id(d.recipient as { id: string }),
      stage: d.stage,
      arrangement: d.arrangement,
      orderDate: (d.orderDate as { iso: string } | null)?.iso ?? null,
      reportedValue: d.reportedValue,
      comments: d.comments,
      items: (d.items as Values[]).map((i) => ({
        id: i.id,
        platform: id(i.platform as { id: string }),
        variant: id(i.variant as { id: string } | null),
        description: i.description,
        quantityOrdered: i.quantityOrdered,
        quantityDelivered: i.quantityDelivered,
        deliveryYears: i.deliveryYears,
        condition: i.condition,
        tivPerUnit: i.tivPerUnit,
        tivTotalOrder: i.tivTotalOrder,
        tivDelivered: i.tivDelivered,
        note: i.note,
      })),
      retirement: retirement && { retiredAt: retirement.retiredAt, release: retirement.release.id },
    };
  },
  event: (e: Values, deal: string): Values => ({
    deal,
    type: e.type,
    date: (e.date as { iso: string } | null)?.iso ?? null,
    place: e.place,
    description: e.description,
    actors: ids_(e.actors as { id: string }[]),
  }),
  actor: (a: Values): Values => ({
    kind: a.kind,
    name: a.name,
    isoAlpha2: a.isoAlpha2,
    isoAlpha3: a.isoAlpha3,
    isoNumeric: a.isoNumeric,
    parent: id(a.parent as { id: string } | null),
    country: id(a.country as { id: string } | null),
    existedFrom: a.existedFrom,
    existedUntil: a.existedUntil,
    description: a.description,
    aliases: byName(a.aliases as { name: string; language: string | null }[]),
  }),
  platform: (p: Values): Values => ({
    designation: p.designation,
    category: p.category,
    unrocaCategory: p.unrocaCategory,
    description: p.description,
    family: id(p.family as { id: string } | null),
    familySource: p.familySource,
    aliases: byName(p.aliases as { name: string; language: string | null }[]),
    producers: ids_(p.producers as { id: string }[]),
  }),
  source: (s: Values): Values => ({
    kind: s.kind,
    title: s.title,
    publisher: s.publisher,
    url: s.url,
    archivedUrl: s.archivedUrl,
    publicationDate: (s.publicationDate as { iso: string } | null)?.iso ?? null,
    accessedOn: s.accessedOn,
    language: s.language,
    note: s.note,
  }),
};

/** The mirror's record, its lists in the order the API's comparison uses. */
function mirrored(mirror: Mirror, type: string, recordId: string): Values | undefined {
  const values = mirror.get(type)?.get(recordId);
  if (!values) return undefined;
  const sorted = { ...values };
  for (const list of ['aliases'] as const) {
    if (Array.isArray(sorted[list])) {
      sorted[list] = byName(sorted[list] as { name: string; language: string | null }[]);
    }
  }
  return present(sorted);
}

describe('a mirror that replays the change feed', () => {
  let api: TestApi;
  let admin: string;

  async function mutate<T, I>(
    document: TypedDocumentString<T, { input: I }>,
    input: NoInfer<I>,
  ): Promise<T> {
    return dataOf(await api.query(document, { input }, { apiKey: admin }));
  }

  beforeAll(async () => {
    // The seed (the Kazan record) is in the test database; then two SIPRI releases.
    api = await createTestApi();
    admin = (await createApiKey(api.database.db, { name: 'Feed Admin', role: 'ADMIN' })).key;
    const db = api.database.db;
    await importSipriRegister(db, release({ generated: MIDDLE, rows: [BURKINA_FASO, CHAD] }));
    // The newer register drops Burkina Faso's last rows (retired) and changes two rows.
    await importSipriRegister(
      db,
      release({
        generated: NEWER,
        rows: [[BURKINA_FASO[0], 80], CHAD],
        change: { 16: (f) => (f[12] = 'Revised by SIPRI'), 15: (f) => (f[13] = '99.5') },
      }),
    );

    const reason = 'Feed replay test';
    const russia = toGlobalId('Actor', ids.russia);
    const mali = toGlobalId('Actor', ids.mali);
    const cite: CitationInput[] = [
      {
        newSource: { kind: 'NEWS', url: 'https://example.org/feed-replay', title: 'Report' },
        excerpt: 'It was said',
      },
    ];
    const actor = graphql(`
      mutation FeedReplayCreateActor($input: CreateActorInput!) {
        createActor(input: $input) {
          actor {
            id
            version
          }
        }
      }
    `);
    const platform = graphql(`
      mutation FeedReplayCreatePlatform($input: CreatePlatformInput!) {
        createPlatform(input: $input) {
          platform {
            id
            version
          }
        }
      }
    `);
    const deal = graphql(`
      mutation FeedReplayCreateDeal($input: CreateDealInput!) {
        createDeal(input: $input) {
          deal {
            id
            version
            citations {
              source {
                id
              }
            }
          }
        }
      }
    `);
    const updateDeal = graphql(`
      mutation FeedReplayUpdateDeal($input: UpdateDealInput!) {
        updateDeal(input: $input) {
          deal {
            id
          }
        }
      }
    `);
    const addEvent = graphql(`
      mutation FeedReplayAddDealEvent($input: AddDealEventInput!) {
        addDealEvent(input: $input) {
          event {
            id
          }
        }
      }
    `);

    const works = (
      await mutate(actor, {
        kind: 'COMPANY',
        name: 'Feed Works',
        country: russia,
        aliases: [{ name: 'FW' }],
        reason,
      })
    ).createActor.actor;
    const twin = (
      await mutate(actor, {
        kind: 'COMPANY',
        name: 'Feed Works Ltd',
        reason,
      })
    ).createActor.actor;
    await mutate(
      graphql(`
        mutation FeedReplayUpdateActor($input: UpdateActorInput!) {
          updateActor(input: $input) {
            actor {
              id
            }
          }
        }
      `),
      {
        id: works.id,
        expectedVersion: 1,
        description: 'Makes feeds',
        reason,
      },
    );
    const fw1 = (
      await mutate(platform, {
        designation: 'FW-1',
        family: toGlobalId('Platform', ids.mi8),
        category: 'AIRCRAFT',
        aliases: [{ name: 'ФВ-1', language: 'ru' }],
        producers: [works.id],
        reason,
      })
    ).createPlatform.platform;
    const fw1a = (
      await mutate(platform, {
        designation: 'FW-1A',
        category: 'AIRCRAFT',
        reason,
      })
    ).createPlatform.platform;
    await mutate(
      graphql(`
        mutation FeedReplayUpdatePlatform($input: UpdatePlatformInput!) {
          updatePlatform(input: $input) {
            platform {
              id
            }
          }
        }
      `),
      {
        id: fw1.id,
        expectedVersion: 1,
        description: 'transport',
        reason,
      },
    );
    const first = (
      await mutate(deal, {
        supplier: russia,
        recipient: mali,
        stage: 'ORDERED',
        orderDate: { year: 2024, month: 3 },
        reportedValue: { amount: '12.50', currency: 'USD' },
        items: [
          { platform: fw1.id, quantityOrdered: { value: 2, low: 1, high: 3 }, tivPerUnit: '1.50' },
        ],
        citations: cite,
        reason,
      })
    ).createDeal.deal;
    const source = first.citations[0]!.source.id;
    await mutate(updateDeal, {
      id: first.id,
      expectedVersion: 1,
      stage: 'DELIVERING',
      items: [
        {
          platform: fw1a.id,
          quantityDelivered: { value: 1, uncertain: true },
          deliveryYears: [2025],
        },
      ],
      citations: [{ source, locator: 'p. 2' }],
      reason,
    });
    const second = (
      await mutate(deal, {
        supplier: twin.id,
        recipient: mali,
        stage: 'REPORTED_INTEREST',
        items: [{ platform: fw1a.id }],
        citations: [{ source }],
        reason,
      })
    ).createDeal.deal;
    const event = (
      await mutate(addEvent, {
        deal: second.id,
        type: 'VISIT',
        date: { year: 2025 },
        place: 'Bamako',
        actors: [twin.id],
        citations: [{ source }],
        reason,
      })
    ).addDealEvent.event;
    const dropped = (
      await mutate(addEvent, {
        deal: second.id,
        type: 'NEGOTIATION',
        citations: [{ source }],
        reason,
      })
    ).addDealEvent.event;
    const citation = graphql(`
      mutation FeedReplayAddCitation($input: AddCitationInput!) {
        addCitation(input: $input) {
          citation {
            id
          }
        }
      }
    `);
    const onActor = (
      await mutate(citation, {
        target: twin.id,
        citation: { source, excerpt: 'Feed Works Ltd, also' },
        reason,
      })
    ).addCitation.citation;
    await mutate(citation, { target: fw1a.id, citation: { source, stance: 'SPECULATES' }, reason });
    await mutate(citation, { target: event.id, citation: { source }, reason });
    const remove = graphql(`
      mutation FeedReplayDeleteRecord($input: DeleteRecordInput!) {
        deleteRecord(input: $input) {
          deletedId
        }
      }
    `);
    await mutate(remove, { id: dropped.id, reason });
    const spare = (
      await mutate(
        graphql(`
          mutation FeedReplayCreateSource($input: CreateSourceInput!) {
            createSource(input: $input) {
              source {
                id
              }
            }
          }
        `),
        {
          source: {
            kind: 'OTHER',
            title: 'Unused',
            publicationDate: { year: 2020, uncertain: true },
          },
        },
      )
    ).createSource.source;
    await mutate(remove, { id: spare.id, reason });
    // Merges move the deal's supplier, the event's actor, the citation's target and the items.
    await mutate(
      graphql(`
        mutation FeedReplayMergeActors($input: MergeInput!) {
          mergeActors(input: $input) {
            actor {
              id
            }
          }
        }
      `),
      {
        loser: twin.id,
        winner: works.id,
        reason,
      },
    );
    await mutate(
      graphql(`
        mutation FeedReplayMergePlatforms($input: MergeInput!) {
          mergePlatforms(input: $input) {
            platform {
              id
            }
          }
        }
      `),
      {
        loser: fw1a.id,
        winner: fw1.id,
        reason,
      },
    );
    await mutate(remove, { id: onActor.id, reason });
    // An editor's change to an imported deal, and an imported deal deleted.
    const [imported] = await queryRows<{ id: string; version: number }>(
      db,
      sql`select id, version from deals where import_key like 'sipri:%' and retired_at is null order by id limit 2`,
    );
    await mutate(updateDeal, {
      id: toGlobalId('Deal', imported!.id),
      expectedVersion: imported!.version,
      comments: 'Checked',
      reason,
    });
    const [doomed] = await queryRows<{ id: string }>(
      db,
      sql`select id from deals where import_key like 'sipri:%' order by id desc limit 1`,
    );
    await mutate(remove, { id: toGlobalId('Deal', doomed!.id), reason });
  }, 300_000);
  afterAll(() => api.close());

  it('equals deals, actors, platforms and sources, field by field', async () => {
    const { mirror, feed } = await replay(api, admin);
    expect(new Set(feed.map((r) => r.action))).toEqual(
      new Set(['CREATE', 'UPDATE', 'DELETE', 'MERGE', 'RETIRE']),
    );
    const deals = await everything(api, LISTS.deals, admin);
    const actors = await everything(api, LISTS.actors, admin);
    const platforms = await everything(api, LISTS.platforms, admin);
    const sources = await everything(api, LISTS.sources, admin);
    expect(deals.some((d) => d.retirement)).toBe(true);

    const citations = new Map<string, Values>();
    const events = new Map<string, Values>();
    const citedBy = (list: Values[], target: string) => {
      for (const c of list) citations.set(c.id as string, expected.citation(c, target));
    };
    for (const d of deals) {
      expect(mirrored(mirror, 'Deal', d.id as string), `deal ${d.id as string}`).toEqual(
        present(expected.deal(d)),
      );
      citedBy(d.citations as Values[], d.id as string);
      for (const e of d.events as Values[]) {
        events.set(e.id as string, expected.event(e, d.id as string));
        citedBy(e.citations as Values[], e.id as string);
      }
    }
    for (const a of actors) {
      expect(mirrored(mirror, 'Actor', a.id as string), `actor ${a.name as string}`).toEqual(
        present(expected.actor(a)),
      );
      citedBy(a.citations as Values[], a.id as string);
    }
    for (const p of platforms) {
      expect(
        mirrored(mirror, 'Platform', p.id as string),
        `platform ${p.designation as string}`,
      ).toEqual(present(expected.platform(p)));
      citedBy(p.citations as Values[], p.id as string);
    }
    for (const s of sources) {
      expect(mirrored(mirror, 'Source', s.id as string), `source ${s.id as string}`).toEqual(
        present(expected.source(s)),
      );
    }
    // Nothing more in the mirror than the API lists: deleted and merged records are gone.
    const keys = (type: string) => [...(mirror.get(type)?.keys() ?? [])].sort();
    expect(keys('Deal')).toEqual(deals.map((d) => d.id as string).sort());
    expect(keys('Actor')).toEqual(actors.map((a) => a.id as string).sort());
    expect(keys('Platform')).toEqual(platforms.map((p) => p.id as string).sort());
    expect(keys('Source')).toEqual(sources.map((s) => s.id as string).sort());
    // Events and citations, as the deals, actors and platforms show them.
    const liveEvents = keys('DealEvent').filter((e) => !isOfDeletedDeal(mirror, e));
    expect(liveEvents).toEqual([...events.keys()].sort());
    for (const [eventId, values] of events) {
      expect(mirrored(mirror, 'DealEvent', eventId)).toEqual(present(values));
    }
    expect(keys('Citation').filter((c) => !isOfDeletedRecord(mirror, c))).toEqual(
      [...citations.keys()].sort(),
    );
    for (const [citationId, values] of citations) {
      expect(mirrored(mirror, 'Citation', citationId)).toEqual(present(values));
    }
  });

  it('speaks one dialect: an import writes the fields a mutation writes, records by global ID', async () => {
    const { feed } = await replay(api, admin, ['DEAL', 'PLATFORM', 'ACTOR', 'CITATION']);
    const created = (type: string, byImport: boolean) =>
      feed.filter(
        (r) =>
          r.recordType === type &&
          r.action === 'CREATE' &&
          r.author.startsWith('SIPRI import') === byImport,
      );
    const fields = (list: FeedNode[]) =>
      new Set(list.flatMap((r) => r.changes.map((c) => c.field)));
    for (const type of ['Deal', 'Platform', 'Actor', 'Citation'] as const) {
      const imported = created(type, true);
      expect(imported.length, type).toBeGreaterThan(0);
      expect(created(type, false).length, type).toBeGreaterThan(0);
      // The fields of the type's snapshot, which every writer uses: an import writes no other
      // (no orderYear, no flat platform), nor does a mutation.
      const recordId = Buffer.from(imported[0]!.recordId, 'base64url')
        .toString('utf8')
        .split(':')[1]!;
      const snapshot = await loadSnapshots(api.database.db, type, [recordId]);
      const known = new Set(Object.keys(snapshot.get(recordId)!));
      for (const byImport of [true, false]) {
        expect(
          [...fields(created(type, byImport))].filter((f) => !known.has(f)),
          type,
        ).toEqual([]);
      }
    }
    const deal = created('Deal', true)[0]!;
    const value = (field: string) => deal.changes.find((c) => c.field === field)?.to;
    const typeOf = (gid: unknown) =>
      Buffer.from(gid as string, 'base64url')
        .toString('utf8')
        .split(':')[0];
    expect(typeOf(value('supplier'))).toBe('Actor');
    expect(typeOf(value('recipient'))).toBe('Actor');
    expect(value('orderDate')).toMatch(/^\d{4}\??$/);
    const [item] = value('items') as { id: string; platform: string }[];
    expect(typeOf(item!.id)).toBe('DealItem');
    expect(typeOf(item!.platform)).toBe('Platform');
    const citation = created('Citation', true)[0]!;
    expect(typeOf(citation.changes.find((c) => c.field === 'target')?.to)).toBe('Deal');
    expect(typeOf(citation.changes.find((c) => c.field === 'source')?.to)).toBe('Source');
  });

  it('follows only the record types asked for', async () => {
    const { feed } = await replay(api, admin, ['PLATFORM', 'CITATION']);
    expect(feed.length).toBeGreaterThan(0);
    expect(new Set(feed.map((r) => r.recordType))).toEqual(new Set(['Platform', 'Citation']));
  });
});

/** An event of a deal the mirror removed: the API no longer lists it, the feed never deleted it. */
function isOfDeletedDeal(mirror: Mirror, eventId: string): boolean {
  const deal = mirror.get('DealEvent')?.get(eventId)?.deal as string;
  return !mirror.get('Deal')?.has(deal);
}

/** A citation of a record the mirror removed (a deleted deal's, or its events'). */
function isOfDeletedRecord(mirror: Mirror, citationId: string): boolean {
  const target = mirror.get('Citation')?.get(citationId)?.target as string;
  const [type] = Buffer.from(target, 'base64url').toString('utf8').split(':');
  if (type === 'DealEvent') {
    return !mirror.get('DealEvent')?.has(target) || isOfDeletedDeal(mirror, target);
  }
  return !mirror.get(type!)?.has(target);
}
