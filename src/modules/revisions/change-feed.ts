// The change feed: revisions in commit order, served only up to the oldest running transaction.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { revisions, type RevisionRow } from '../../db/schema.js';
import { InvalidInputError } from '../../errors.js';

/** Where a feed reader stands: after this transaction's revision. */
export interface FeedPosition {
  txId: string;
  id: number;
}

export function encodeFeedCursor(p: FeedPosition): string {
  return Buffer.from(`feed:${p.txId}:${p.id}`, 'utf8').toString('base64url');
}

// Transaction IDs are xid8 (unsigned 64-bit); revision IDs are bigserial, read as JS numbers.
const MAX_TX_ID = 2n ** 64n - 1n;

export function decodeFeedCursor(after: string | null | undefined): FeedPosition | null {
  if (after === null || after === undefined) return null;
  const match = /^feed:(\d{1,20}):(\d{1,20})$/.exec(
    Buffer.from(after, 'base64url').toString('utf8'),
  );
  // A forged cursor of the right shape may still hold numbers no revision can have, which
  // PostgreSQL would refuse as out of range.
  const id = Number(match?.[2]);
  if (!match || BigInt(match[1]!) > MAX_TX_ID || !Number.isSafeInteger(id)) {
    throw new InvalidInputError('after', 'is not a cursor of the change feed');
  }
  return { txId: match[1]!, id };
}

/**
 * Revisions after `position`, in (transaction, revision) order. Transaction IDs are handed
 * out when a transaction first writes, not when it commits, so a reader that took every
 * visible revision could later miss one from an older transaction still running. Serving
 * only transactions older than the snapshot's xmin — all finished — closes that gap: what
 * a cursor has passed can never change.
 */
export async function fetchFeedPage(
  db: Db,
  position: FeedPosition | null,
  limit: number,
): Promise<RevisionRow[]> {
  const after = position
    ? sql`and (${revisions.txId}, ${revisions.id}) > (${position.txId}::xid8, ${position.id})`
    : sql``;
  return db
    .select()
    .from(revisions)
    .where(sql`${revisions.txId} < pg_snapshot_xmin(pg_current_snapshot()) ${after}`)
    .orderBy(revisions.txId, revisions.id)
    .limit(limit);
}
