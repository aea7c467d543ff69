// Snapshots: each record type's values as its revisions carry them, in one place per type, so
// that every writer — mutations, merges, deletions, the SIPRI import, the seed, the backfill —
// puts the same fields in the same shape into the change feed. Values are in API terms (EDTF
// dates, Estimates, decimals as text) and name other records by global ID only, so a consumer
// replaying the feed can resolve every reference with node(id).
import { asc, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { uuidArray } from '../../db/fragments.js';
import {
  actorAliases,
  actors,
  citations,
  dealEventActors,
  dealEvents,
  dealItems,
  deals,
  platformAliases,
  platformProducers,
  platforms,
  sources,
  type ActorRow,
  type CitationRow,
  type DealEventRow,
  type DealItemRow,
  type DealRow,
  type PlatformRow,
  type SourceRow,
} from '../../db/schema.js';
import { toGlobalId, type NodeType } from '../../graphql/global-id.js';
import { CITABLE_TYPES, citedByColumn, type FeedType } from '../../graphql/record-types.js';
import { dealItemValues, familySource, fuzzyDate } from '../../graphql/values.js';
import { inChunks, IDS_PER_STATEMENT } from '../../import/sipri-batch-writer.js';

/** A JSON-able picture of a record in API terms, which history compares field by field. */
export type Snapshot = Record<string, unknown>;

const gid = (type: NodeType, id: string | null): string | null => id && toGlobalId(type, id);
const gids = (type: NodeType, ids: string[]): string[] =>
  ids.map((id) => toGlobalId(type, id)).sort();

function actorSnapshot(row: ActorRow, aliases: { alias: string; language: string | null }[]) {
  return {
    kind: row.kind,
    name: row.name,
    isoAlpha2: row.isoAlpha2,
    isoAlpha3: row.isoAlpha3,
    isoNumeric: row.isoNumeric,
    parent: gid('Actor', row.parentId),
    country: gid('Actor', row.countryId),
    existedFrom: row.existedFrom,
    existedUntil: row.existedUntil,
    description: row.description,
    aliases: aliases.map((a) => ({ name: a.alias, language: a.language })),
  };
}

function platformSnapshot(
  row: PlatformRow,
  aliases: { alias: string; language: string | null }[],
  producerIds: string[],
) {
  const provenance = familySource(row.familySource);
  return {
    designation: row.designation,
    category: row.category,
    unrocaCategory: row.unrocaCategory,
    description: row.description,
    family: gid('Platform', row.parentId),
    familySource: provenance && { kind: provenance.kind, rule: provenance.rule },
    aliases: aliases.map((a) => ({ name: a.alias, language: a.language })),
    producers: gids('Actor', producerIds),
  };
}

function dealSnapshot(row: DealRow, items: DealItemRow[]) {
  return {
    supplier: gid('Actor', row.supplierId),
    recipient: gid('Actor', row.recipientId),
    stage: row.stage,
    arrangement: row.arrangement,
    orderDate:
      fuzzyDate(row.orderYear, row.orderMonth, row.orderDay, row.orderUncertain)?.iso ?? null,
    reportedValue:
      row.valueAmount === null
        ? null
        : { amount: row.valueAmount, currency: row.valueCurrency, covers: row.valueCovers },
    comments: row.comments,
    items: items.map((item) => ({
      id: gid('DealItem', item.id),
      platform: gid('Platform', item.platformId),
      variant: gid('Platform', item.variantPlatformId),
      ...dealItemValues(item),
    })),
    // A retirement is a change of the deal (its RETIRE revision): when, and by which release.
    retirement:
      row.retiredAt && row.retiredByReleaseId
        ? {
            retiredAt: row.retiredAt.toISOString(),
            release: gid('SipriRelease', row.retiredByReleaseId),
          }
        : null,
  };
}

function eventSnapshot(row: DealEventRow, actorIds: string[]) {
  return {
    deal: gid('Deal', row.dealId),
    type: row.type,
    date: fuzzyDate(row.dateYear, row.dateMonth, row.dateDay, row.dateUncertain)?.iso ?? null,
    place: row.place,
    description: row.description,
    actors: gids('Actor', actorIds),
  };
}

function sourceSnapshot(row: SourceRow) {
  return {
    kind: row.kind,
    title: row.title,
    publisher: row.publisher,
    url: row.url,
    archivedUrl: row.archivedUrl,
    publicationDate:
      fuzzyDate(row.publishedYear, row.publishedMonth, row.publishedDay, row.publishedUncertain)
        ?.iso ?? null,
    accessedOn: row.accessedOn,
    language: row.language,
    note: row.note,
  };
}

function citationSnapshot(row: CitationRow) {
  const type = CITABLE_TYPES.find((t) => row[citedByColumn(t)] !== null)!;
  return {
    source: gid('Source', row.sourceId),
    target: gid(type, row[citedByColumn(type)]),
    excerpt: row.excerpt,
    translation: row.translation,
    locator: row.locator,
    stance: row.stance,
    producer: gid('Actor', row.producerId),
  };
}

/** `column = any($ids)`: one parameter however many IDs. */
const anyOf = (column: PgColumn, ids: string[]): SQL => sql`${column} = any(${uuidArray(ids)})`;

/** Rows of a link table by owner, in the order given. */
async function byOwner<R>(rows: Promise<R[]>, owner: (row: R) => string) {
  const grouped = new Map<string, R[]>();
  for (const row of await rows) {
    const key = owner(row);
    const list = grouped.get(key);
    if (list) list.push(row);
    else grouped.set(key, [row]);
  }
  return (id: string): R[] => grouped.get(id) ?? [];
}

type SnapshotLoader = (tx: Db, ids: string[]) => Promise<Map<string, Snapshot>>;

/**
 * Each feed type's snapshots for a batch of IDs: a few statements per batch, whatever its
 * size (an import snapshots thousands of records at once). Deleted records are snapshotted
 * too: a tombstone's revision shows what was deleted.
 */
const SNAPSHOTS = {
  Actor: async (tx, ids) => {
    const rows = await tx.select().from(actors).where(anyOf(actors.id, ids));
    const aliases = await byOwner(
      tx
        .select()
        .from(actorAliases)
        .where(anyOf(actorAliases.actorId, ids))
        .orderBy(asc(actorAliases.alias), asc(actorAliases.language)),
      (a) => a.actorId,
    );
    return new Map(rows.map((r) => [r.id, actorSnapshot(r, aliases(r.id))]));
  },
  Platform: async (tx, ids) => {
    const rows = await tx.select().from(platforms).where(anyOf(platforms.id, ids));
    const aliases = await byOwner(
      tx
        .select()
        .from(platformAliases)
        .where(anyOf(platformAliases.platformId, ids))
        .orderBy(asc(platformAliases.alias), asc(platformAliases.language)),
      (a) => a.platformId,
    );
    const producers = await byOwner(
      tx.select().from(platformProducers).where(anyOf(platformProducers.platformId, ids)),
      (p) => p.platformId,
    );
    return new Map(
      rows.map((r) => [
        r.id,
        platformSnapshot(
          r,
          aliases(r.id),
          producers(r.id).map((p) => p.producerId),
        ),
      ]),
    );
  },
  Deal: async (tx, ids) => {
    const rows = await tx.select().from(deals).where(anyOf(deals.id, ids));
    const items = await byOwner(
      tx
        .select()
        .from(dealItems)
        .where(anyOf(dealItems.dealId, ids))
        .orderBy(asc(dealItems.dealId), asc(dealItems.position)),
      (i) => i.dealId,
    );
    return new Map(rows.map((r) => [r.id, dealSnapshot(r, items(r.id))]));
  },
  DealEvent: async (tx, ids) => {
    const rows = await tx.select().from(dealEvents).where(anyOf(dealEvents.id, ids));
    const actorLinks = await byOwner(
      tx.select().from(dealEventActors).where(anyOf(dealEventActors.eventId, ids)),
      (a) => a.eventId,
    );
    return new Map(
      rows.map((r) => [
        r.id,
        eventSnapshot(
          r,
          actorLinks(r.id).map((a) => a.actorId),
        ),
      ]),
    );
  },
  Source: async (tx, ids) => {
    const rows = await tx.select().from(sources).where(anyOf(sources.id, ids));
    return new Map(rows.map((r) => [r.id, sourceSnapshot(r)]));
  },
  Citation: async (tx, ids) => {
    const rows = await tx.select().from(citations).where(anyOf(citations.id, ids));
    return new Map(rows.map((r) => [r.id, citationSnapshot(r)]));
  },
} as const satisfies Record<FeedType, SnapshotLoader>;

/** The snapshots of these records, by ID (IDs of records that do not exist are left out). */
export async function loadSnapshots(
  tx: Db,
  type: FeedType,
  ids: readonly string[],
): Promise<Map<string, Snapshot>> {
  const found = new Map<string, Snapshot>();
  await inChunks([...new Set(ids)], IDS_PER_STATEMENT, async (chunk) => {
    for (const [id, snapshot] of await SNAPSHOTS[type](tx, chunk)) found.set(id, snapshot);
  });
  return found;
}

/** One record's snapshot; the record must exist. */
export async function snapshotOf(tx: Db, type: FeedType, id: string): Promise<Snapshot> {
  const snapshot = (await SNAPSHOTS[type](tx, [id])).get(id);
  if (!snapshot) throw new Error(`No ${type} ${id} to snapshot`);
  return snapshot;
}
