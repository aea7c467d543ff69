// Revisions: every write records who changed what, when and why, in the write's own transaction;
// and tombstones, the one way a record is deleted or merged away.
import { eq, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import type { RevisionRow } from '../../db/schema.js';
import { bumpVersion, lockVersioned } from '../../db/versioned.js';
import { ApiError } from '../../errors.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { RECORD_TYPES, type DeletableType, type FeedType } from '../../graphql/record-types.js';
import {
  IDS_PER_STATEMENT,
  inChunks,
  writeRows,
  type TableWrite,
} from '../../import/sipri-batch-writer.js';
import { refreshSearchDocuments, type SearchScope } from '../search/search.service.js';
import { loadSnapshots, snapshotOf, type Snapshot } from './snapshots.js';

export { loadSnapshots, snapshotOf, type Snapshot } from './snapshots.js';

/** Who a change is attributed to: an API key's holder, or an importer. */
export interface Author {
  keyId: string | null;
  name: string;
}

/** Who makes a change and why, as a revision records it. */
export interface Change {
  author: Author;
  reason: string;
}

export interface RevisionEntry {
  recordType: FeedType;
  recordId: string;
  action: RevisionRow['action'];
  author: Author;
  reason: string | null;
  before: Snapshot | null;
  after: Snapshot;
  sourceIds?: string[];
  mergedIntoId?: string;
}

/** The fields whose values differ between two snapshots, with both values. */
export function diffSnapshots(
  before: Snapshot | null,
  after: Snapshot,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of new Set([...Object.keys(before ?? {}), ...Object.keys(after)])) {
    const from = before?.[field] ?? null;
    const to = after[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}

/** Writes one revision; call it inside the transaction that makes the change. */
export async function recordRevision(tx: Db, entry: RevisionEntry): Promise<void> {
  await recordRevisions(tx, [entry]);
}

/** How revisions are laid out for writeRows: one statement per 5,000, whatever their number. */
const REVISIONS: TableWrite<RevisionEntry & { changes: string }> = {
  table: 'revisions',
  columns: [
    { name: 'record_type', type: 'text', value: (r) => r.recordType },
    { name: 'record_id', type: 'uuid', value: (r) => r.recordId },
    { name: 'action', type: 'revision_action', value: (r) => r.action },
    { name: 'author_key_id', type: 'uuid', value: (r) => r.author.keyId },
    { name: 'author_name', type: 'text', value: (r) => r.author.name },
    { name: 'reason', type: 'text', value: (r) => r.reason },
    { name: 'changes', type: 'jsonb', value: (r) => r.changes },
    {
      name: 'source_ids',
      type: 'uuid[]',
      value: (r) => [...new Set(r.sourceIds ?? [])],
      castFrom: 'text',
    },
    { name: 'merged_into_id', type: 'uuid', value: (r) => r.mergedIntoId },
  ],
};

/**
 * Writes revisions in order, in as few statements as their number allows (imports write tens
 * of thousands). An UPDATE that changes no field of the snapshot is not written: nothing a
 * reader of the feed sees changed.
 */
export async function recordRevisions(tx: Db, entries: readonly RevisionEntry[]): Promise<void> {
  const rows = entries.flatMap((entry) => {
    const changes = diffSnapshots(entry.before, entry.after);
    if (entry.action === 'UPDATE' && Object.keys(changes).length === 0) return [];
    return [{ ...entry, changes: JSON.stringify(changes) }];
  });
  await writeRows(tx, REVISIONS, rows);
}

/** Who writes a batch of revisions, on which sources. */
export interface BatchAuthor {
  author: Author;
  sourceIds?: string[];
}

/** A revision of a record already written, whose new values are read back from the database. */
export interface WrittenRecord {
  recordId: string;
  action: RevisionEntry['action'];
  reason: string | null;
  /** The record before the change; null for a CREATE. */
  before: Snapshot | null;
}

/**
 * Writes the revisions of records of one type that a bulk write has just written (an import,
 * the seed, the backfill, a merge's moved references), their new values read back with the
 * type's snapshot a batch of 5,000 at a time: a few statements per batch, bounded memory.
 */
export async function recordWritten(
  tx: Db,
  type: FeedType,
  records: readonly WrittenRecord[],
  { author, sourceIds }: BatchAuthor,
): Promise<void> {
  await inChunks(records, IDS_PER_STATEMENT, async (chunk) => {
    const after = await loadSnapshots(
      tx,
      type,
      chunk.map((r) => r.recordId),
    );
    await recordRevisions(
      tx,
      chunk.map((r) => ({
        ...r,
        recordType: type,
        author,
        sourceIds,
        // A deletion's revision empties every field, as a tombstone's does.
        after: r.action === 'DELETE' ? {} : after.get(r.recordId)!,
      })),
    );
  });
}

/**
 * Runs `work`, then writes an UPDATE revision for each of these records whose snapshot it
 * changed: for writes that move references in bulk (a merge repointing deals and citations),
 * so that the feed shows every record's new values.
 */
export async function trackChanges<R>(
  tx: Db,
  records: readonly { type: FeedType; ids: readonly string[] }[],
  change: Change,
  work: () => Promise<R>,
): Promise<R> {
  // One after another: a transaction's connection runs one statement at a time.
  const before: Map<string, Snapshot>[] = [];
  for (const r of records) before.push(await loadSnapshots(tx, r.type, r.ids));
  const result = await work();
  for (const [i, { type }] of records.entries()) {
    await recordWritten(
      tx,
      type,
      [...before[i]!].map(([recordId, snapshot]) => ({
        recordId,
        action: 'UPDATE' as const,
        reason: change.reason,
        before: snapshot,
      })),
      { author: change.author },
    );
  }
  return result;
}

/** A stored row of a deletable type. */
export type RowOf<T extends DeletableType> = (typeof RECORD_TYPES)[T]['table']['$inferSelect'];

/** What a record type adds to the common way of leaving a record as a tombstone. */
export interface TombstoneSpec<T extends DeletableType> {
  /** Why the record cannot go (something live still refers to it), or null: CONFLICT. */
  stillUsed?: (tx: Db, id: string) => Promise<string | null>;
  /** Columns the tombstone gives up (an actor's unique ISO codes, for another record to take). */
  released?: Record<string, null>;
  /** The search documents to rebuild; by default the record's own, which then goes. */
  searchScope?: (row: RowOf<T>) => SearchScope;
}

/**
 * Leaves a record as a tombstone: locked, checked that nothing still needs it, marked deleted
 * (merged into `mergedIntoId`, when given) with a new version, its DELETE (or MERGE) revision
 * written and its search document dropped. Lists and relations leave tombstones out; history
 * and the change feed keep them. Returns the row as it was.
 */
export async function tombstone<T extends DeletableType>(
  tx: Db,
  type: T,
  id: string,
  change: Change & { mergedIntoId?: string },
  spec: TombstoneSpec<T> = {},
): Promise<RowOf<T>> {
  const { table, noun } = RECORD_TYPES[type];
  const { searchScope } = RECORD_TYPES[type] as { searchScope?: keyof SearchScope };
  const row = (await lockVersioned(tx, table, id, null, noun)) as RowOf<T>;
  const conflict = await spec.stillUsed?.(tx, id);
  if (conflict) throw new ApiError(conflict, 'CONFLICT');
  const before = await snapshotOf(tx, type, id);
  const { mergedIntoId } = change;
  await tx
    .update(table)
    .set({
      ...spec.released,
      ...(mergedIntoId ? { mergedIntoId } : {}),
      deletedAt: sql`now()`,
      // Citations have no version: only the time moves.
      ...('version' in table ? bumpVersion(table) : { updatedAt: sql`now()` }),
    })
    .where(eq((table as { id: PgColumn }).id, id));
  await recordRevision(tx, {
    recordType: type,
    recordId: id,
    action: mergedIntoId ? 'MERGE' : 'DELETE',
    author: change.author,
    reason: change.reason,
    before,
    after: mergedIntoId ? { mergedInto: toGlobalId(type, mergedIntoId) } : {},
    ...(mergedIntoId ? { mergedIntoId } : {}),
  });
  await refreshSearchDocuments(
    tx,
    spec.searchScope?.(row) ?? (searchScope ? { [searchScope]: [id] } : {}),
  );
  return row;
}
