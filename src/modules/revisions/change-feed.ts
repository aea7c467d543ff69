// The change feed: revisions in commit order, served only up to the oldest transaction of
// this database still running.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { revisions, type RevisionRow } from '../../db/schema.js';
import { InvalidInputError } from '../../errors.js';
import type { FeedType } from '../../graphql/record-types.js';

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
 * The feed's horizon: the oldest transaction of this database that was still running when
 * the statement's snapshot was taken (or the snapshot's xmax when none was).
 *
 * Transaction IDs are handed out when a transaction first writes, not when it commits, so a
 * reader that took every visible revision could later miss one from an older transaction
 * still running. Serving only transactions below this horizon — all finished — closes that
 * gap: what a cursor has passed can never change.
 *
 * The snapshot's own xmin would do, but transaction IDs are shared by every database of the
 * server, so a long writer in another database (another application, a staging copy) would
 * stall this feed. A transaction belongs to one database for its whole life, so those seen
 * running elsewhere are left out. The activity view is read after the snapshot: a transaction
 * that ended in between is not seen and therefore still counts — conservative, never a gap.
 */
const feedHorizon = sql`(
  select coalesce(
    (
      select min(running) from pg_snapshot_xip(snapshot) as running
      where not exists (
        select 1 from pg_stat_activity as elsewhere
        where elsewhere.backend_xid = xid(running) and elsewhere.datname <> current_database()
      )
    ),
    pg_snapshot_xmax(snapshot)
  )
  from (select pg_current_snapshot() as snapshot) as current_snapshot
)`;

/**
 * Revisions after `position`, in (transaction, revision) order, below the feed's horizon; of
 * these record types only, when given. A position is a place in the whole feed, so a cursor
 * read with one filter resumes at the same place with another.
 */
export async function fetchFeedPage(
  db: Db,
  position: FeedPosition | null,
  limit: number,
  types: readonly FeedType[] | null = null,
): Promise<RevisionRow[]> {
  const after = position
    ? sql`and (${revisions.txId}, ${revisions.id}) > (${position.txId}::xid8, ${position.id})`
    : sql``;
  const ofTypes = types
    ? sql`and ${revisions.recordType} = any(${`{${types.join(',')}}`}::text[])`
    : sql``;
  return db
    .select()
    .from(revisions)
    .where(sql`${revisions.txId} < ${feedHorizon} ${after} ${ofTypes}`)
    .orderBy(revisions.txId, revisions.id)
    .limit(limit);
}
