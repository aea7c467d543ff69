// SIPRI import: writes planned rows with one `insert … select from unnest(…)` per table and batch.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';

/** One column: its name and the PostgreSQL type its array parameter is cast to. */
interface Column<R> {
  name: string;
  type: string;
  value: (row: R) => unknown;
  /** Array columns travel as text literals (unnest would flatten a 2-D array) and are cast back. */
  castFrom?: 'text';
}

export interface TableWrite<R> {
  table: string;
  columns: Column<R>[];
  /** Columns to overwrite when the id exists; omitted: existing rows are left alone. */
  update?: string[];
  /** Whether to set updated_at = now() on update. */
  touchUpdatedAt?: boolean;
  /** Whether to increment the row's version on update (optimistic concurrency for editors). */
  bumpVersion?: boolean;
  /** Conflict target; default "id". Composite keys (aliases) use their primary key. */
  conflict?: string[];
}

// Rows per statement: bounds the size of one message, not the parameter count (one per column).
const ROWS_PER_STATEMENT = 5000;

/**
 * Inserts rows as column arrays: `insert into t (a, b) select * from unnest($1::uuid[],
 * $2::text[])`. One parameter per column instead of one per value keeps statements small,
 * far from PostgreSQL's 65,535-parameter limit whatever the batch size, and skips the ORM's
 * per-value query building, which dominated the import time.
 */
export async function writeRows<R>(db: Db, write: TableWrite<R>, rows: R[]): Promise<void> {
  await inChunks(rows, ROWS_PER_STATEMENT, (chunk) => db.execute(insertStatement(write, chunk)));
}

/** IDs per statement that lists them (`in (…)`): bounds a statement's parameters. */
export const IDS_PER_STATEMENT = 5000;

/** Runs `work` on consecutive slices of `items`, one after another, each at most `size` long. */
export async function inChunks<T>(
  items: readonly T[],
  size: number,
  work: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await work(items.slice(start, start + size));
  }
}

function insertStatement<R>(write: TableWrite<R>, rows: R[]): SQL {
  const quoted = (name: string) => `"${name}"`;
  const names = write.columns.map((c) => quoted(c.name)).join(', ');
  const arrays = write.columns.map((c) => {
    const values = rows.map((r) => {
      const v = c.value(r);
      return c.castFrom === 'text' && Array.isArray(v) ? `{${v.join(',')}}` : v;
    });
    const arrayType = c.castFrom === 'text' ? 'text[]' : `${c.type}[]`;
    return sql`${arrayLiteral(values)}::${sql.raw(arrayType)}`;
  });
  const selectList = write.columns
    .map((c) => (c.castFrom ? `t.${quoted(c.name)}::${c.type}` : `t.${quoted(c.name)}`))
    .join(', ');
  const conflictTarget = (write.conflict ?? ['id']).map(quoted).join(', ');
  const sets = (write.update ?? []).map((n) => `${quoted(n)} = excluded.${quoted(n)}`);
  if (write.touchUpdatedAt) sets.push('"updated_at" = now()');
  if (write.bumpVersion) sets.push(`"version" = ${quoted(write.table)}."version" + 1`);
  const onConflict =
    sets.length > 0
      ? `on conflict (${conflictTarget}) do update set ${sets.join(', ')}`
      : `on conflict do nothing`;
  return sql`insert into ${sql.raw(quoted(write.table))} (${sql.raw(names)})
    select ${sql.raw(selectList)} from unnest(${sql.join(arrays, sql`, `)}) as t(${sql.raw(names)})
    ${sql.raw(onConflict)}`;
}

/**
 * A PostgreSQL array literal (`{"a",NULL,"b"}`), sent as one text parameter. Both drivers
 * pass a string through untouched, whereas their own array serialisation differs (PGlite
 * cannot serialise arrays of enum types), so the import does it once, for every type.
 */
function arrayLiteral(values: unknown[]): string {
  const elements = values.map((v) => {
    if (v === null || v === undefined) return 'NULL';
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      throw new TypeError(`cannot write ${typeof v} as an array element`);
    }
    const text = String(v);
    return `"${text.replace(/[\\"]/g, '\\$&')}"`;
  });
  return `{${elements.join(',')}}`;
}
