// Deal pages: one keyset-paginated statement for a root list, or for many parents at once
// (a supplier's, a recipient's or a platform's deals) through a LATERAL join.
import { and, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { limitRows, uuidArray, uuidArrayLiteral } from '../../db/fragments.js';
import { queryPrepared, runPrepared, statementsByShape } from '../../db/statements.js';
import { columnSelection } from '../../db/raw-rows.js';
import { releaseTables, withClause } from '../../db/release-view.js';
import { dealItems, deals, type DealRow } from '../../db/schema.js';
import type { KeysetCursor } from '../../graphql/connection.js';
import type { DealOrderField, OrderDirection } from '../../graphql/generated/resolvers-types.js';
import { ALL_DEAL_KEYS, type DealKey } from './deal-columns.js';
import { dealConditions, type ResolvedDealFilter } from './deal-filter.js';

export interface DealOrdering {
  field: DealOrderField;
  direction: OrderDirection;
}

export interface DealPageQuery {
  filter: ResolvedDealFilter;
  ordering: DealOrdering;
  /** Rows to fetch: the page size plus one, to learn whether another page follows. */
  limit: number;
  after: KeysetCursor | null;
  /**
   * The columns the page's rows hold, in the table's order: those its query's fields read
   * (dealColumnsSelected), and the ordering's key. A row of a page lacks the others.
   */
  columns: readonly DealKey[];
}

/** Which parent a nested deal list hangs from. */
export type DealParent = 'supplier' | 'recipient' | 'platform';

interface SortKey {
  expr: SQL;
  /** The row's field the cursor is made of. */
  column: DealKey;
  /** The SQL type the cursor's text key is cast back to. */
  type: 'integer' | 'timestamptz';
  nullable: boolean;
  of: (row: DealRow) => string | null;
  /** Whether a cursor's key is one `of` can give: anything else would fail its SQL cast. */
  isKey: (key: string) => boolean;
}

const INT4_MAX = 2 ** 31 - 1;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const SORT_KEYS: Record<DealOrderField, SortKey> = {
  ORDER_DATE: {
    expr: sql`${deals.orderSort}`,
    column: 'orderSort',
    type: 'integer',
    nullable: true,
    of: (row) => (row.orderSort === null ? null : String(row.orderSort)),
    isKey: (key) => /^-?\d{1,10}$/.test(key) && Math.abs(Number(key)) <= INT4_MAX,
  },
  UPDATED_AT: {
    expr: sql`${deals.updatedAt}`,
    column: 'updatedAt',
    type: 'timestamptz',
    nullable: false,
    of: (row) => row.updatedAt.toISOString(),
    isKey: (key) => ISO_INSTANT.test(key) && !Number.isNaN(Date.parse(key)),
  },
};

/** What a page of this ordering selects for fields that read `selected`, in the table's order. */
export function pageColumns(o: DealOrdering, selected: readonly DealKey[]): readonly DealKey[] {
  const sortKey = SORT_KEYS[o.field].column;
  if (selected.includes(sortKey)) return selected;
  const wanted = new Set([...selected, sortKey]);
  return ALL_DEAL_KEYS.filter((key) => wanted.has(key));
}

export function orderingKey(o: DealOrdering): string {
  return `deals:${o.field}:${o.direction}`;
}

/** Whether `key` can be a cursor key of this ordering (see decodeCursor). */
export function isDealCursorKey(o: DealOrdering, key: string): boolean {
  return SORT_KEYS[o.field].isKey(key);
}

export function dealCursor(row: DealRow, o: DealOrdering): KeysetCursor {
  return { order: orderingKey(o), key: SORT_KEYS[o.field].of(row), id: row.id };
}

/**
 * Written as the index that serves the ordering is declared, nulls placement included:
 * PostgreSQL reads an index in order only for an ORDER BY that says exactly the same. The order
 * date's indexes are `order_sort DESC NULLS LAST, id DESC NULLS LAST`, so both keys say nulls
 * last (`id` is never null, so this changes no answer); the last update's, `(updated_at, id)`,
 * take the default placement, forwards or backwards. A plain `id desc` (nulls first) once made
 * every newest-first page sort all the rows of its first key's ties. The oldest-first order by
 * date (nulls still last) has no index of its own: it sorts. tests/deal-page-plans.test.ts.
 * `key` and `id` stand in where other columns hold them (a platform's items' copies).
 */
function orderBy(
  o: DealOrdering,
  key: SQL = SORT_KEYS[o.field].expr,
  id: SQL = sql`${deals.id}`,
): SQL {
  const order = sql.raw(
    `${o.direction === 'DESC' ? 'desc' : 'asc'}${SORT_KEYS[o.field].nullable ? ' nulls last' : ''}`,
  );
  return sql`${key} ${order}, ${id} ${order}`;
}

/** Rows strictly after the cursor in this ordering; nulls sort last in both directions. */
function afterCursor(o: DealOrdering, c: KeysetCursor): SQL {
  const { expr, type, nullable } = SORT_KEYS[o.field];
  const op = sql.raw(o.direction === 'DESC' ? '<' : '>');
  const id = sql`${c.id}::uuid`;
  if (c.key === null) return sql`(${expr} is null and ${deals.id} ${op} ${id})`;
  const key = sql`${c.key}::${sql.raw(type)}`;
  const beyond = sql`(${expr}, ${deals.id}) ${op} (${key}, ${id})`;
  return nullable ? sql`(${expr} is null or ${beyond})` : beyond;
}

/** A first page is built once per filter (rootPages): its parties are written into its text. */
function pageConditions(q: DealPageQuery): SQL | undefined {
  return q.after
    ? and(dealConditions(q.filter), afterCursor(q.ordering, q.after))
    : dealConditions(q.filter, { partiesInText: true });
}

/** A deal as a SIPRI release published it: its items come from the same release. */
export type ReleaseDealRow = DealRow & { releaseView: string };

/** Whether a row is a release's picture of a deal rather than the deal as it is now. */
export function isReleaseView(row: DealRow): row is ReleaseDealRow {
  return 'releaseView' in row;
}

/** The CTEs that make `deals` and `deal_items` read the filter's release, if it names one. */
function dealTables(filter: ResolvedDealFilter): SQL {
  return withClause(filter.releaseId ? releaseTables(filter.releaseId) : []);
}

function markedRelease(filter: ResolvedDealFilter, row: DealRow): DealRow {
  return filter.releaseId ? Object.assign(row, { releaseView: filter.releaseId }) : row;
}

// Lists select the columns under the row type's keys and keep the driver's row objects (one
// object per row, not two: src/db/raw-rows.ts), converting only the columns selected.
const allColumns = columnSelection(deals, undefined, 'deals');

/** A row of a list read through dealTables with every column, marked when a release's. */
export function dealOfList(filter: ResolvedDealFilter, raw: Record<string, unknown>): DealRow {
  return markedRelease(filter, allColumns.toRow(raw));
}

/** The statement of one page of a root deal list. */
export function dealPageStatement(q: DealPageQuery): SQL {
  const { list } = columnSelection(deals, q.columns, 'deals');
  return sql`${dealTables(q.filter)}select ${list} from ${deals}
    where ${pageConditions(q)} order by ${orderBy(q.ordering)} ${limitRows(q.limit)}`;
}

// A first page's statement is the same for every request of its query (filter, order, columns,
// size): built once. A later page's holds its cursor, and is built each time.
const rootPages = statementsByShape<Record<string, never>>([]);

export async function fetchDealPage(db: Db, q: DealPageQuery): Promise<DealRow[]> {
  // Raw rows rather than Drizzle's select: a page is up to 101 rows, and Drizzle's per-field
  // mapping (then a copy of every row) was a visible share of a request's CPU and allocations.
  const { toRow } = columnSelection(deals, q.columns, 'deals');
  const rows =
    q.after === null
      ? await runPrepared<Record<string, never>, Record<string, unknown>>(
          db,
          rootPages(JSON.stringify(q), () => dealPageStatement(q)),
          {},
        )
      : await queryPrepared<Record<string, unknown>>(db, dealPageStatement(q));
  return rows.map((raw) => markedRelease(q.filter, toRow(raw)));
}

/**
 * Every deal the filter selects, in the ordering, as one statement without a page: what the
 * bulk export's cursor reads (src/modules/export). Rows go through dealOfList.
 */
export function dealListStatement(filter: ResolvedDealFilter, ordering: DealOrdering): SQL {
  return sql`${dealTables(filter)}select ${allColumns.list} from ${deals}
    where ${dealConditions(filter)} order by ${orderBy(ordering)}`;
}

// A count's statement follows its filter alone: built once per filter, as first pages are.
const counts = statementsByShape<Record<string, never>>([]);

export async function countDeals(db: Db, filter: ResolvedDealFilter): Promise<number> {
  const [row] = await runPrepared<Record<string, never>, { n: number }>(
    db,
    counts(
      JSON.stringify(filter),
      () =>
        sql`${dealTables(filter)}select count(*)::int as n from ${deals} where ${dealConditions(filter, { partiesInText: true })}`,
    ),
    {},
  );
  return row?.n ?? 0;
}

/** The condition tying a deal to its parent, the parent's ID being `parent`. */
function parentCondition(parent: DealParent, key: SQL): SQL {
  switch (parent) {
    case 'supplier':
      return sql`${deals.supplierId} = ${key}`;
    case 'recipient':
      return sql`${deals.recipientId} = ${key}`;
    case 'platform':
      // Its own items, and items of another designation whose comment names it as the variant.
      return sql`${deals.id} in (select i.deal_id from ${dealItems} i where i.platform_id = ${key}
        union all select i.deal_id from ${dealItems} i where i.variant_platform_id = ${key})`;
  }
}

/**
 * One page of deals for each parent, in one statement: each parent's page is a LATERAL
 * subquery that walks the (parent, order) index and stops after `limit` rows. Each row keeps
 * the parent's key beside the deal's columns (no resolver reads it).
 */
export function dealPagesByParentStatement(
  parent: DealParent,
  parentIds: readonly string[],
  q: DealPageQuery,
): SQL {
  const one = parentIds.length === 1;
  return pagesByParent(parent, parentsArray(one, parentsValue(parentIds)), q);
}

/**
 * The parents' IDs as the statement's uuid[]: one ID as a one-element array expression, whose
 * length the planner knows. Given as an array parameter, its length is unknown when PostgreSQL
 * weighs a generic plan (it guesses 10), so for one parent (Q3's supplier, a node's deals) the
 * generic plan looked ten times dearer than the custom one and every run was planned anew
 * (0.25 ms of Q3's; tests/prepared-pages.test.ts).
 */
function parentsArray(one: boolean, value: unknown): SQL {
  return one ? sql`array[${value}::uuid]` : sql`${value}::uuid[]`;
}

/** The parameter parentsArray takes for these IDs: the one ID, or a uuid[] literal. */
function parentsValue(parentIds: readonly string[]): string {
  return parentIds.length === 1 ? parentIds[0]! : uuidArrayLiteral(parentIds);
}

/** dealPagesByParentStatement with the parents' IDs as `parents` (a uuid[] expression). */
function pagesByParent(parent: DealParent, parents: SQL, q: DealPageQuery): SQL {
  const { list } = columnSelection(deals, q.columns, 'deals');
  const page =
    parent === 'platform' && q.ordering.field === 'ORDER_DATE'
      ? platformPageByOrderDate(list, q)
      : sql`select ${list} from ${deals}
        where ${and(parentCondition(parent, sql`k.parent_key`), pageConditions(q))}
        order by ${orderBy(q.ordering)}
        ${limitRows(q.limit)}`;
  return sql`${dealTables(q.filter)}select k.parent_key, page.* from unnest(${parents}) as k(parent_key)
    cross join lateral (${page}) as page`;
}

/**
 * A platform's page (the platform being `k.parent_key`) by order date. Its deals are those of
 * its items (parentCondition), and each item holds its deal's order key (`deal_order_sort`,
 * kept by triggers): so the page reads the platform's items in the deals' order from one index,
 * a deal once however many of its items name the platform, and looks up deals only until the
 * page is full. Reading the deals first meant a lookup of every deal of the platform.
 */
function platformPageByOrderDate(list: SQL, q: DealPageQuery): SQL {
  // The deals' order, on the items' copies of its keys (as the item indexes are declared).
  const orderOf = (from: string) =>
    orderBy(q.ordering, sql.raw(`${from}.deal_order_sort`), sql.raw(`${from}.deal_id`));
  return sql`select ${list} from (
      select distinct on (i.deal_order_sort, i.deal_id) i.deal_id, i.deal_order_sort from (
        select deal_id, deal_order_sort from ${dealItems} where platform_id = k.parent_key
        union all
        select deal_id, deal_order_sort from ${dealItems} where variant_platform_id = k.parent_key
      ) as i
      order by ${orderOf('i')}
    ) as m join ${deals} on ${deals.id} = m.deal_id
    where ${pageConditions(q)}
    order by ${orderOf('m')}
    ${limitRows(q.limit)}`;
}

// As rootPages, with the parents' IDs a value of the statement.
const parentPages = statementsByShape<{ parents: string }>(['parents']);

export async function fetchDealPagesByParent(
  db: Db,
  parent: DealParent,
  parentIds: readonly string[],
  q: DealPageQuery,
): Promise<Map<string, DealRow[]>> {
  const { toRow } = columnSelection(deals, q.columns, 'deals');
  type Raw = Record<string, unknown> & { parent_key: string };
  const one = parentIds.length === 1;
  const rows =
    q.after === null
      ? await runPrepared<{ parents: string }, Raw>(
          db,
          // As parentsArray: one parent's statement is another text.
          parentPages(`${parent} ${one ? 'one' : 'many'} ${JSON.stringify(q)}`, (values) =>
            pagesByParent(parent, parentsArray(one, values.parents), q),
          ),
          { parents: parentsValue(parentIds) },
        )
      : await queryPrepared<Raw>(db, dealPagesByParentStatement(parent, parentIds, q));
  const pages = new Map<string, DealRow[]>(parentIds.map((id) => [id, []]));
  for (const raw of rows) {
    pages.get(raw.parent_key)?.push(markedRelease(q.filter, toRow(raw)));
  }
  return pages;
}

export async function countDealsByParent(
  db: Db,
  parent: DealParent,
  parentIds: readonly string[],
  filter: ResolvedDealFilter,
): Promise<Map<string, number>> {
  const rows = await queryRows<{ parent_key: string; n: number }>(
    db,
    sql`${dealTables(filter)}select k.parent_key, (
        select count(*)::int from ${deals}
        where ${and(parentCondition(parent, sql`k.parent_key`), dealConditions(filter))}
      ) as n
      from unnest(${uuidArray(parentIds)}) as k(parent_key)`,
  );
  return new Map(rows.map((r) => [r.parent_key, r.n]));
}
