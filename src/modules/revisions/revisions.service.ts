// Revisions: every write records who changed what, when and why, in the write's own transaction;
// and tombstones, the one way a record is deleted or merged away.
import { eq, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { revisions, type RevisionRow } from '../../db/schema.js';
import { bumpVersion, lockVersioned } from '../../db/versioned.js';
import { ApiError } from '../../errors.js';
import { toGlobalId, type NodeType } from '../../graphql/global-id.js';
import { RECORD_TYPES, type DeletableType } from '../../graphql/record-types.js';
import { refreshSearchDocuments, type SearchScope } from '../search/search.service.js';

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

/** A JSON-able picture of a record in API terms, which history compares field by field. */
export type Snapshot = Record<string, unknown>;

export interface RevisionEntry {
  recordType: NodeType;
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
  await tx.insert(revisions).values({
    recordType: entry.recordType,
    recordId: entry.recordId,
    action: entry.action,
    authorKeyId: entry.author.keyId,
    authorName: entry.author.name,
    reason: entry.reason,
    changes: diffSnapshots(entry.before, entry.after),
    sourceIds: [...new Set(entry.sourceIds ?? [])],
    mergedIntoId: entry.mergedIntoId ?? null,
  });
}

/** A stored row of a deletable type. */
export type RowOf<T extends DeletableType> = (typeof RECORD_TYPES)[T]['table']['$inferSelect'];

/** What a record type adds to the common way of leaving a record as a tombstone. */
export interface TombstoneSpec<T extends DeletableType> {
  /** The record as it was, for its revision. */
  snapshot: (tx: Db, row: RowOf<T>) => Snapshot | Promise<Snapshot>;
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
  spec: TombstoneSpec<T>,
): Promise<RowOf<T>> {
  const { table, noun } = RECORD_TYPES[type];
  const { searchScope } = RECORD_TYPES[type] as { searchScope?: keyof SearchScope };
  const row = (await lockVersioned(tx, table, id, null, noun)) as RowOf<T>;
  const conflict = await spec.stillUsed?.(tx, id);
  if (conflict) throw new ApiError(conflict, 'CONFLICT');
  const before = await spec.snapshot(tx, row);
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
