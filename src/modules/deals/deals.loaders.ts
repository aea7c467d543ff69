// Deal loaders: deals, items and events by ID or deal, and deal pages for many parents at once.
import DataLoader from 'dataloader';
import { and, asc, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loaderFamily, loaderMany, loaderOne } from '../../db/batch.js';
import { dealEvents, dealItems, deals, type DealRow } from '../../db/schema.js';
import type { ResolvedDealFilter } from './deal-filter.js';
import {
  countDealsByParent,
  fetchDealPagesByParent,
  type DealPageQuery,
  type DealParent,
} from './deal-pages.js';

export function createDealLoaders(db: Db) {
  return {
    dealById: loaderOne(
      (ids) => db.select().from(deals).where(inArray(deals.id, ids)),
      (row) => row.id,
    ),
    dealItemById: loaderOne(
      (ids) => db.select().from(dealItems).where(inArray(dealItems.id, ids)),
      (row) => row.id,
    ),
    dealEventById: loaderOne(
      (ids) => db.select().from(dealEvents).where(inArray(dealEvents.id, ids)),
      (row) => row.id,
    ),
    itemsByDealId: loaderMany(
      (ids) =>
        db
          .select()
          .from(dealItems)
          .where(inArray(dealItems.dealId, ids))
          .orderBy(dealItems.dealId, dealItems.position),
      (row) => row.dealId,
    ),
    eventsByDealId: loaderMany(
      (ids) =>
        db
          .select()
          .from(dealEvents)
          .where(and(inArray(dealEvents.dealId, ids), isNull(dealEvents.deletedAt)))
          .orderBy(
            sql`${dealEvents.dateYear} nulls last`,
            sql`${dealEvents.dateMonth} nulls first`,
            sql`${dealEvents.dateDay} nulls first`,
            asc(dealEvents.createdAt),
          ),
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
