// Deal writes: each mutation is one transaction that writes the data, its citations and revisions.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  dealEventActors,
  dealEvents,
  dealItems,
  deals,
  type DealEventRow,
  type DealItemRow,
  type DealRow,
} from '../../db/schema.js';
import { lockVersioned } from '../../db/versioned.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { fuzzyDate } from '../../graphql/values.js';
import { recordRevision, type Author, type Snapshot } from '../revisions/revisions.service.js';
import { refreshSearchDocuments } from '../search/search.service.js';
import { recordCitedChange } from '../sources/sources.service.js';
import type { ItemValues, ValidAddEvent, ValidCreateDeal, ValidUpdateDeal } from './deal-input.js';

/** A deal's picture in API terms (global IDs, EDTF dates), for its history. */
function dealSnapshot(deal: DealRow, items: DealItemRow[]): Snapshot {
  return {
    supplier: toGlobalId('Actor', deal.supplierId),
    recipient: toGlobalId('Actor', deal.recipientId),
    stage: deal.stage,
    arrangement: deal.arrangement,
    orderDate:
      fuzzyDate(deal.orderYear, deal.orderMonth, deal.orderDay, deal.orderUncertain)?.iso ?? null,
    reportedValue:
      deal.valueAmount === null
        ? null
        : { amount: deal.valueAmount, currency: deal.valueCurrency, covers: deal.valueCovers },
    comments: deal.comments,
    items: items.map((item) => ({
      platform: toGlobalId('Platform', item.platformId),
      quantityOrdered: item.quantityOrdered,
      quantityDelivered: item.quantityDelivered,
      deliveryYears: item.deliveryYears,
      condition: item.condition,
      tivPerUnit: item.tivPerUnit,
      tivTotalOrder: item.tivTotalOrder,
      tivDelivered: item.tivDelivered,
      note: item.note,
    })),
  };
}

async function insertItems(tx: Db, dealId: string, items: ItemValues[]): Promise<DealItemRow[]> {
  if (items.length === 0) return [];
  return tx
    .insert(dealItems)
    .values(items.map((item, position) => ({ ...item, dealId, position })))
    .returning();
}

export async function createDeal(db: Db, input: ValidCreateDeal, author: Author): Promise<DealRow> {
  return db.transaction(async (tx) => {
    const [deal] = await tx.insert(deals).values(input.deal).returning();
    const items = await insertItems(tx, deal!.id, input.items);
    await recordCitedChange(tx, input.citations, {
      recordType: 'Deal',
      recordId: deal!.id,
      action: 'CREATE',
      author,
      reason: input.reason,
      before: null,
      after: dealSnapshot(deal!, items),
    });
    await refreshSearchDocuments(tx, { deals: [deal!.id] });
    return deal!;
  });
}

/**
 * Applies a patch if the deal is still at the version the client saw. The row lock makes
 * concurrent updates queue: of two based on the same version, exactly one wins.
 */
export async function updateDeal(db: Db, input: ValidUpdateDeal, author: Author): Promise<DealRow> {
  return db.transaction(async (tx) => {
    const current = await lockVersioned(tx, deals, input.dealId, input.expectedVersion, 'deal');
    const itemsBefore = await tx
      .select()
      .from(dealItems)
      .where(eq(dealItems.dealId, current.id))
      .orderBy(asc(dealItems.position));
    const [updated] = await tx
      .update(deals)
      .set({ ...input.patch, version: sql`${deals.version} + 1`, updatedAt: sql`now()` })
      .where(eq(deals.id, current.id))
      .returning();
    let itemsAfter = itemsBefore;
    if (input.items) {
      await tx.delete(dealItems).where(eq(dealItems.dealId, current.id));
      itemsAfter = await insertItems(tx, current.id, input.items);
    }
    await recordCitedChange(tx, input.citations, {
      recordType: 'Deal',
      recordId: current.id,
      action: 'UPDATE',
      author,
      reason: input.reason,
      before: dealSnapshot(current, itemsBefore),
      after: dealSnapshot(updated!, itemsAfter),
    });
    await refreshSearchDocuments(tx, { deals: [current.id] });
    return updated!;
  });
}

function eventSnapshot(event: DealEventRow, actorIds: string[]): Snapshot {
  return {
    deal: toGlobalId('Deal', event.dealId),
    type: event.type,
    date:
      fuzzyDate(event.dateYear, event.dateMonth, event.dateDay, event.dateUncertain)?.iso ?? null,
    place: event.place,
    description: event.description,
    actors: actorIds.map((id) => toGlobalId('Actor', id)),
  };
}

export async function addDealEvent(
  db: Db,
  input: ValidAddEvent,
  author: Author,
): Promise<DealEventRow> {
  return db.transaction(async (tx) => {
    const [event] = await tx.insert(dealEvents).values(input.event).returning();
    if (input.actorIds.length > 0) {
      await tx
        .insert(dealEventActors)
        .values(input.actorIds.map((actorId) => ({ eventId: event!.id, actorId })));
    }
    await recordCitedChange(tx, input.citations, {
      recordType: 'DealEvent',
      recordId: event!.id,
      action: 'CREATE',
      author,
      reason: input.reason,
      before: null,
      after: eventSnapshot(event!, input.actorIds),
    });
    // A new event changes the deal's timeline: the deal's updatedAt and version follow, so
    // clients syncing deals "changed since" see it.
    await tx
      .update(deals)
      .set({ version: sql`${deals.version} + 1`, updatedAt: sql`now()` })
      .where(eq(deals.id, event!.dealId));
    await refreshSearchDocuments(tx, { deals: [event!.dealId] });
    return event!;
  });
}

/** Marks a deal deleted; it stays as a tombstone with its history. */
export async function deleteDeal(
  tx: Db,
  dealId: string,
  author: Author,
  reason: string,
): Promise<void> {
  const deal = await lockVersioned(tx, deals, dealId, null, 'deal');
  const items = await tx
    .select()
    .from(dealItems)
    .where(eq(dealItems.dealId, dealId))
    .orderBy(asc(dealItems.position));
  await tx
    .update(deals)
    .set({ deletedAt: sql`now()`, version: sql`${deals.version} + 1`, updatedAt: sql`now()` })
    .where(eq(deals.id, dealId));
  await recordRevision(tx, {
    recordType: 'Deal',
    recordId: dealId,
    action: 'DELETE',
    author,
    reason,
    before: dealSnapshot(deal, items),
    after: {},
  });
  await refreshSearchDocuments(tx, { deals: [dealId] });
}

/** Marks an event deleted; the deal's version moves on, as its timeline changed. */
export async function deleteDealEvent(
  tx: Db,
  eventId: string,
  author: Author,
  reason: string,
): Promise<void> {
  const event = await lockVersioned(tx, dealEvents, eventId, null, 'event');
  const actors = await tx
    .select({ id: dealEventActors.actorId })
    .from(dealEventActors)
    .where(eq(dealEventActors.eventId, eventId));
  await tx
    .update(dealEvents)
    .set({ deletedAt: sql`now()`, version: sql`${dealEvents.version} + 1`, updatedAt: sql`now()` })
    .where(eq(dealEvents.id, eventId));
  await tx
    .update(deals)
    .set({ version: sql`${deals.version} + 1`, updatedAt: sql`now()` })
    .where(eq(deals.id, event.dealId));
  await recordRevision(tx, {
    recordType: 'DealEvent',
    recordId: eventId,
    action: 'DELETE',
    author,
    reason,
    before: eventSnapshot(
      event,
      actors.map((a) => a.id),
    ),
    after: {},
  });
  await refreshSearchDocuments(tx, { deals: [event.dealId] });
}

// Other modules that select deals (transferVolumes) take the same DealFilter with the same
// meaning: they reuse its validation and SQL rather than copy them.
export { dealConditions, resolveDealFilter, type ResolvedDealFilter } from './deal-filter.js';
