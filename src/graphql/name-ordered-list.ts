// Lists ordered by a text key (names, designations): validation, keyset page and lazy count in one place.
import type { SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import { fetchTextKeysetPage } from '../db/keyset.js';
import { buildConnection, decodeCursor, pageSize, type Connection } from './connection.js';

export interface NameOrderedList {
  /** Names the list in its cursors, so that a cursor from another list is refused. */
  list: string;
  sortKey: SQL;
  idColumn: PgColumn;
  where: SQL | undefined;
  /**
   * What `where` is made of (the list's filter, as JSON), when nothing else goes into it: a
   * first page's statement is then built once (src/db/keyset.ts).
   */
  filterShape?: string;
  first: number | null | undefined;
  after: string | null | undefined;
}

export async function nameOrderedConnection<T extends PgTable>(
  db: Db,
  table: T,
  spec: NameOrderedList,
): Promise<Connection<T['$inferSelect']>> {
  const first = pageSize(spec.first);
  const after = decodeCursor(spec.after, spec.list);
  const shape = spec.filterShape === undefined ? undefined : `${spec.list} ${spec.filterShape}`;
  const rows = await fetchTextKeysetPage(db, table, { ...spec, after, limit: first + 1, shape });
  const page = buildConnection(
    rows,
    first,
    ({ row, key }) => ({ order: spec.list, key, id: (row as { id: string }).id }),
    after !== null,
    () => db.$count(table, spec.where),
  );
  // Getters, as buildConnection's: cursors are encoded only when asked for.
  return {
    nodes: page.nodes.map((n) => n.row),
    get edges() {
      return page.edges.map((e) => ({ cursor: e.cursor, node: e.node.row }));
    },
    get pageInfo() {
      return page.pageInfo;
    },
    totalCount: page.totalCount,
  };
}
