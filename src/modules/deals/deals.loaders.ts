// Deal loaders: deals, items and events by ID or deal, and deal pages for many parents at once.
import DataLoader from 'dataloader';
import { asc, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { columnsKey, loaderFamily, loaderMany, loaderOne } from '../../db/batch.js';
import { dealEvents, dealItems, deals, type DealRow } from '../../db/schema.js';
import type { FieldNode } from 'graphql';
import type { Fragments } from '../../graphql/selection.js';
import { ALL_DEAL_ITEM_KEYS, itemColumnsSelected, type DealItemKey } from './deal-columns.js';
import { rowsWhereIn, rowsWhereInSelecting } from '../../db/statements.js';
import type { ResolvedDealFilter } from './deal-filter.js';
import {
  countDealsByParent,
  fetchDealPagesByParent,
  type DealPageQuery,
  type DealParent,
} from './deal-pages.js';

const dealsById = rowsWhereIn(deals, deals.id);
const dealItemsById = rowsWhereIn(dealItems, dealItems.id);
const dealEventsById = rowsWhereIn(dealEvents, dealEvents.id);
// A deal's items with the columns a selection reads (deal-columns.ts): a statement per set.
const itemsOf = rowsWhereInSelecting(dealItems, dealItems.dealId, {
  orderBy: sql`${dealItems.dealId}, ${dealItems.position}`,
});
const eventsOf = rowsWhereIn(dealEvents, dealEvents.dealId, {
  where: isNull(dealEvents.deletedAt),
  orderBy: sql`${dealEvents.dateYear} nulls last, ${dealEvents.dateMonth} nulls first,
    ${dealEvents.dateDay} nulls first, ${asc(dealEvents.createdAt)}`,
});

/** A nested deal list as one place in a query asks for it, for every parent it is asked of. */
export interface NestedDealList {
  query: DealPageQuery & { first: number };
  /** Each parent's page: all parents' pages in one statement, then their relations together. */
  pages: DataLoader<string, DealRow[]>;
}

/** The loader of a nested list's pages: `relations` loads what the rows' fields will need. */
export function nestedDealPages(
  db: Db,
  parent: DealParent,
  query: DealPageQuery,
  relations: (rows: DealRow[]) => Promise<void>,
): DataLoader<string, DealRow[]> {
  return new DataLoader<string, DealRow[]>(async (ids) => {
    const pages = await fetchDealPagesByParent(db, parent, ids, query);
    const byParent = ids.map((id) => pages.get(id) ?? []);
    await relations(byParent.flat());
    return byParent;
  });
}

export function createDealLoaders(db: Db) {
  /** Items by deal with these columns: one loader, and one statement, per set of columns. */
  const itemsWith = loaderFamily(
    (columns: readonly DealItemKey[]) =>
      loaderMany(
        (ids) => itemsOf(columns)(db, ids),
        (row) => row.dealId,
      ),
    columnsKey,
  );
  return {
    dealById: loaderOne(
      (ids) => dealsById(db, ids),
      (row) => row.id,
    ),
    dealItemById: loaderOne(
      (ids) => dealItemsById(db, ids),
      (row) => row.id,
    ),
    dealEventById: loaderOne(
      (ids) => dealEventsById(db, ids),
      (row) => row.id,
    ),
    /** Whole items: the member of the family with every column. */
    itemsByDealId: itemsWith(ALL_DEAL_ITEM_KEYS),
    /** Items with the columns that `fields` (an `items` field's nodes) read. */
    itemsFor: (fields: readonly FieldNode[], fragments: Fragments) =>
      itemsWith(itemColumnsSelected(fields, fragments)),
    eventsByDealId: loaderMany(
      (ids) => eventsOf(db, ids),
      (row) => row.dealId,
    ),
    /**
     * Nested deal lists (a supplier's, recipient's or platform's deals) by the field node that
     * asks for them, then by parent kind and arguments: one per place in the query, shared by
     * all of its parents (deals.resolvers.ts, nestedDealList).
     */
    nestedDealLists: new WeakMap<FieldNode, Map<string, Promise<NestedDealList>>>(),
    dealCountsByParent: loaderFamily(
      ({ parent, filter }: { parent: DealParent; filter: ResolvedDealFilter }) =>
        new DataLoader<string, number>(async (ids) => {
          const counts = await countDealsByParent(db, parent, ids, filter);
          return ids.map((id) => counts.get(id) ?? 0);
        }),
    ),
  };
}
