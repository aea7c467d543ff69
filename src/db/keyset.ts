// Keyset pagination over a text sort key (names, designations): one indexed range scan a page.
import { and, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.js';
import { limitRows } from './fragments.js';
import { columnSelection } from './raw-rows.js';
import { queryPrepared, runPrepared, statementsByShape } from './statements.js';

export interface TextKeysetPage {
  /** The sort key expression, e.g. lower(name); an index on (expr, id) serves it. */
  sortKey: SQL;
  idColumn: PgColumn;
  where: SQL | undefined;
  after: { key: string | null; id: string } | null;
  limit: number;
  /**
   * What the statement's text and values follow from, besides the limit and the cursor: the
   * list (its table, sort key and ID column) and what `where` is made of (a filter). With it,
   * a first page's statement is built once (statementsByShape); without it, every time.
   */
  shape?: string;
}

const firstPages = statementsByShape<Record<string, never>>([]);

/** The sort key's column in a page's rows: no table's column is named so. */
const SORT_KEY = '__sort_key';

/**
 * Rows in (sortKey, id) order after the cursor, each with the sort key its cursor needs. A
 * named statement (src/db/statements.ts): a list filtered by name cost as much to parse and
 * plan as to run (0.46 ms against 0.41 for Q3's actor, issue 12).
 */
export async function fetchTextKeysetPage<T extends PgTable>(
  db: Db,
  table: T,
  page: TextKeysetPage,
): Promise<{ row: T['$inferSelect']; key: string }[]> {
  const after = page.after
    ? sql`(${page.sortKey}, ${page.idColumn}) > (${page.after.key ?? ''}, ${page.after.id}::uuid)`
    : undefined;
  const where = and(page.where, after);
  const { list, toRow } = columnSelection(table);
  // The key comes last, so that removing it from the driver's row leaves the row's shape as
  // the other lists' (V8 undoes the last property added without a slower kind of object).
  const statement = () =>
    sql`select ${list}, ${page.sortKey} as ${sql.identifier(SORT_KEY)} from ${table}
      ${where ? sql`where ${where}` : sql``}
      order by ${page.sortKey}, ${page.idColumn} ${limitRows(page.limit)}`;
  type Raw = Record<string, unknown>;
  const rows =
    page.after === null && page.shape !== undefined
      ? await runPrepared<Record<string, never>, Raw>(
          db,
          firstPages(`${page.shape} ${page.limit}`, statement),
          {},
        )
      : await queryPrepared<Raw>(db, statement());
  return rows.map((raw) => {
    const key = raw[SORT_KEY] as string;
    delete raw[SORT_KEY];
    return { row: toRow(raw), key };
  });
}
