// Versioned records: lock one and check that it is still at the version a client saw, bump the
// version of what a change touches, and ask whether anything still refers to a record.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { ApiError } from '../errors.js';
import type { Db } from './client.js';

interface Versioned {
  id: string;
  version: number;
  deletedAt: Date | null;
}

/**
 * Locks the row (FOR UPDATE, so concurrent writers queue) and returns it if it is live and
 * at `expectedVersion`; NOT_FOUND or CONFLICT otherwise. `expectedVersion` null skips the
 * version check (merges and deletions act on whatever is current).
 */
export async function lockVersioned<T extends PgTable & { id: PgColumn }>(
  tx: Db,
  table: T,
  id: string,
  expectedVersion: number | null,
  noun: string,
): Promise<T['$inferSelect'] & Versioned> {
  const source: PgTable & { id: PgColumn } = table;
  const [row] = (await tx
    .select()
    .from(source)
    .where(eq(source.id, id))
    .for('update')) as (T['$inferSelect'] & Versioned)[];
  if (!row || row.deletedAt)
    throw new ApiError(`The ${noun} does not exist or was deleted`, 'NOT_FOUND');
  if (expectedVersion !== null && row.version !== expectedVersion) {
    throw new ApiError(
      `The ${noun} has changed since version ${expectedVersion}: it is at version ${row.version}. ` +
        'Reload it and apply your change again.',
      'CONFLICT',
      { currentVersion: row.version },
    );
  }
  return row;
}

/**
 * What every change to a versioned row sets besides its own columns: the next version (so an
 * update based on the old one is refused) and the time (so "updated since" syncs see it).
 */
export function bumpVersion(table: { version: PgColumn }): { version: SQL; updatedAt: SQL } {
  return { version: sql`${table.version} + 1`, updatedAt: sql`now()` };
}

/**
 * Whether any row of `table` matches `where`: how a deletion asks whether something still
 * refers to the record. Asked one table at a time on the transaction's one connection.
 */
export async function anyRow(tx: Db, table: PgTable, where: SQL | undefined): Promise<boolean> {
  const [row] = await tx
    .select({ one: sql`1` })
    .from(table)
    .where(where)
    .limit(1);
  return row !== undefined;
}

/** The IDs a select of `{ id }` returns: which records a bulk change will touch. */
export async function idsOf(select: Promise<{ id: string }[]>): Promise<string[]> {
  return (await select).map((row) => row.id);
}
