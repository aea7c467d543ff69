// Revisions: every write records who changed what, when and why, in the write's own transaction.
import type { Db } from '../../db/client.js';
import { revisions, type RevisionRow } from '../../db/schema.js';
import type { NodeType } from '../../graphql/global-id.js';

/** Who a change is attributed to: an API key's holder, or an importer. */
export interface Author {
  keyId: string | null;
  name: string;
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
