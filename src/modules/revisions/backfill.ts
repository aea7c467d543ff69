// The feed's backfill: databases written before every write was in the change feed hold records
// without a revision (the seeded Kazan record, imported platforms, actors, sources and
// citations) and deals whose import revisions speak a flat dialect of their own (raw UUIDs,
// `orderYear`, a flat `platform`). A mirror replaying the feed would miss or misread them, so
// after the migrations each start writes what is missing — from the same snapshots every
// writer uses — and nothing when nothing is (the check only reads).
import { asc, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { uuidArray } from '../../db/fragments.js';
import { revisions } from '../../db/schema.js';
import { FEED_TYPES, RECORD_TYPES, type FeedType } from '../../graphql/record-types.js';
import { IDS_PER_STATEMENT, inChunks } from '../../import/sipri-batch-writer.js';
import { recordWritten, type Author, type WrittenRecord } from './revisions.service.js';
import type { Snapshot } from './snapshots.js';

export const BACKFILL_AUTHOR: Author = { keyId: null, name: 'Armstrail (backfill)' };

const MISSING_REASON =
  'Recorded for the change feed: written before every write was in the feed (by the seed, an ' +
  'import or a migration), the record had no revision';
const RESTATED_REASON =
  "Restated in the feed's shape: the SIPRI import wrote this deal's earlier revisions with raw " +
  'IDs and flat fields (orderYear, platform); these are its values as every revision gives them';

// Two instances starting at once on PostgreSQL backfill one after the other: the second finds
// nothing left to do.
const BACKFILL_LOCK_KEY = 0x61726d66; // "armf"

/** Live records of a type without any revision. */
function missing(db: Db, type: FeedType): Promise<{ id: string }[]> {
  const { table } = RECORD_TYPES[type];
  return queryRows(
    db,
    sql`select t.id from ${table} t where t.deleted_at is null
      and not exists (select 1 from ${revisions} r where r.record_id = t.id) order by t.id`,
  );
}

/** Each feed type's live records without a revision, one type after another. */
async function missingOfEveryType(db: Db) {
  const found: (readonly [FeedType, { id: string }[]])[] = [];
  for (const type of FEED_TYPES) found.push([type, await missing(db, type)] as const);
  return found;
}

/**
 * Live deals whose latest flat import revision (the only ones with an `orderYear` field) has
 * not been restated by the backfill since.
 */
function flatDeals(db: Db): Promise<{ id: string }[]> {
  return queryRows(
    db,
    sql`select r.record_id as id from ${revisions} r
      join deals d on d.id = r.record_id and d.deleted_at is null
      where r.record_type = 'Deal'
      group by r.record_id
      having max(r.id) filter (where r.changes ? 'orderYear')
        > coalesce(max(r.id) filter (where r.author_name = ${BACKFILL_AUTHOR.name}), 0)
      order by r.record_id`,
  );
}

/** What a deal's revisions add up to: each one's new values over the ones before. */
async function replayed(db: Db, ids: string[]): Promise<Map<string, Snapshot>> {
  const values = new Map<string, Snapshot>();
  const rows = await db
    .select({ id: revisions.recordId, changes: revisions.changes })
    .from(revisions)
    .where(sql`${revisions.recordId} = any(${uuidArray(ids)})`)
    .orderBy(asc(revisions.txId), asc(revisions.id));
  for (const row of rows) {
    const snapshot = values.get(row.id) ?? {};
    for (const [field, change] of Object.entries(row.changes)) snapshot[field] = change.to;
    values.set(row.id, snapshot);
  }
  return values;
}

/**
 * Writes a CREATE revision for every live record without one, and restates every deal whose
 * revisions are in the import's old flat dialect. Idempotent: a second run writes nothing.
 * Returns how many revisions it wrote.
 */
export async function backfillRevisions(db: Db): Promise<number> {
  const pending = async (tx: Db) => ({
    missing: await missingOfEveryType(tx),
    flat: await flatDeals(tx),
  });
  const seen = await pending(db);
  if (seen.flat.length === 0 && seen.missing.every(([, ids]) => ids.length === 0)) return 0;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BACKFILL_LOCK_KEY})`);
    const now = await pending(tx);
    let written = 0;
    for (const [type, rows] of now.missing) {
      await recordWritten(
        tx,
        type,
        rows.map((r) => ({
          recordId: r.id,
          action: 'CREATE',
          reason: MISSING_REASON,
          before: null,
        })),
        { author: BACKFILL_AUTHOR },
      );
      written += rows.length;
    }
    await inChunks(
      now.flat.map((r) => r.id),
      IDS_PER_STATEMENT,
      async (chunk) => {
        const before = await replayed(tx, chunk);
        const restated: WrittenRecord[] = chunk.map((recordId) => ({
          recordId,
          action: 'UPDATE',
          reason: RESTATED_REASON,
          before: before.get(recordId) ?? null,
        }));
        await recordWritten(tx, 'Deal', restated, { author: BACKFILL_AUTHOR });
        written += chunk.length;
      },
    );
    return written;
  });
}
