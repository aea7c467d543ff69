// Deal loaders: deals, items and events by ID or deal, and deal pages for many parents at once.
import DataLoader from 'dataloader';
import { asc, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loaderFamily, loaderMany, loaderOne } from '../../db/batch.js';
import { dealEvents, dealItems, deals, type DealRow } from '../../db/schema.js';
import { rowsWhereIn } from '../../db/statements.js';
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
const itemsOf = rowsWhereIn(dealItems, dealItems.dealId, {
  orderBy: sql`${dealItems.dealId}, ${dealItems.position}`,
});
const eventsOf = rowsWhereIn(dealEvents, dealEvents.dealId, {
  where: isNull(dealEvents.deletedAt),
  orderBy: sql`${dealEvents.dateYear} nulls last, ${dealEvents.dateMonth} nulls first,
    ${dealEvents.dateDay} nulls first, ${asc(dealEvents.createdAt)}`,
});

export function createDealLoaders(db: Db) {
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
    itemsByDealId: loaderMany(
      (ids) => itemsOf(db, ids),
      (row) => row.dealId,
    ),
    eventsByDealId: loaderMany(
      (ids) => eventsOf(db, ids),
      (row) => row.dealId,
    ),
    /** Pages of deals per parent; one loader (and one statement) per distinct page query. */
    dealPagesByParent: loaderFamily(
      ({ parent, query }: { parent: DealParent; query: DealPageQuery }) =>
        new DataLoader<string, DealRow[]>(async (ids) => {
          const pages = await fetchDealPagesByParent(db, parent, ids, query);
          return ids.map((id) => pages.get(id) ?? []);
        }),
    ),
    dealCountsByParent: loaderFamily(
      ({ parent, filter }: { parent: DealParent; filter: ResolvedDealFilter }) =>
        new DataLoader<string, number>(async (ids) => {
          const counts = await countDealsByParent(db, parent, ids, filter);
          return ids.map((id) => counts.get(id) ?? 0);
        }),
    ),
  };
}
