// Keyset pagination over a text sort key (names, designations): one indexed range scan a page.
import { and, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';

export interface TextKeysetPage {
  /** The sort key expression, e.g. lower(name); an index on (expr, id) serves it. */
  sortKey: SQL;
  idColumn: PgColumn;
  where: SQL | undefined;
  after: { key: string | null; id: string } | null;
  limit: number;
}

/** Rows in (sortKey, id) order after the cursor, each with the sort key its cursor needs. */
export async function fetchTextKeysetPage<T extends PgTable>(
  db: Db,
  table: T,
  page: TextKeysetPage,
): Promise<{ row: T['$inferSelect']; key: string }[]> {
  const after = page.after
    ? sql`(${page.sortKey}, ${page.idColumn}) > (${page.after.key ?? ''}, ${page.after.id}::uuid)`
    : undefined;
  // Drizzle cannot type a selection from a generic table; widening here and narrowing on
  // return restores the row type.
  const source: PgTable = table;
  const rows: unknown = await db
    .select({ row: source, key: sql<string>`${page.sortKey}` })
    .from(source)
    .where(and(page.where, after))
    .orderBy(page.sortKey, page.idColumn)
    .limit(page.limit);
  return rows as { row: T['$inferSelect']; key: string }[];
}

/** A LIKE pattern that matches `text` anywhere, with its wildcards escaped. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
