// Deal writes: the data, its citations and revisions, inside the mutation's transaction (`tx`).
import { eq } from 'drizzle-orm';
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
import { bumpVersion, lockVersioned } from '../../db/versioned.js';
import { tombstone, snapshotOf, type Author, type Change } from '../revisions/revisions.service.js';
import { refreshSearchDocuments } from '../search/search.service.js';
import { recordCitedChange } from '../sources/sources.service.js';
import type { ItemValues, ValidAddEvent, ValidCreateDeal, ValidUpdateDeal } from './deals.input.js';

async function insertItems(tx: Db, dealId: string, items: ItemValues[]): Promise<DealItemRow[]> {
  if (items.length === 0) return [];
  return tx
    .insert(dealItems)
    .values(items.map((item, position) => ({ ...item, dealId, position })))
    .returning();
}

export async function createDeal(tx: Db, input: ValidCreateDeal, author: Author): Promise<DealRow> {
  const [deal] = await tx.insert(deals).values(input.deal).returning();
  await insertItems(tx, deal!.id, input.items);
  await recordCitedChange(tx, input.citations, {
    recordType: 'Deal',
    recordId: deal!.id,
    action: 'CREATE',
    author,
    reason: input.reason,
    before: null,
    after: await snapshotOf(tx, 'Deal', deal!.id),
  });
  await refreshSearchDocuments(tx, { deals: [deal!.id] });
  return deal!;
}

/**
 * Applies a patch if the deal is still at the version the client saw. The row lock makes
 * concurrent updates queue: of two based on the same version, exactly one wins.
 */
export async function updateDeal(tx: Db, input: ValidUpdateDeal, author: Author): Promise<DealRow> {
  const current = await lockVersioned(tx, deals, input.dealId, input.expectedVersion, 'deal');
  const before = await snapshotOf(tx, 'Deal', current.id);
  const [updated] = await tx
    .update(deals)
    .set({ ...input.patch, ...bumpVersion(deals) })
    .where(eq(deals.id, current.id))
    .returning();
  if (input.items) {
    await tx.delete(dealItems).where(eq(dealItems.dealId, current.id));
    await insertItems(tx, current.id, input.items);
  }
  await recordCitedChange(tx, input.citations, {
    recordType: 'Deal',
    recordId: current.id,
    action: 'UPDATE',
    author,
    reason: input.reason,
    before,
    after: await snapshotOf(tx, 'Deal', current.id),
  });
  await refreshSearchDocuments(tx, { deals: [current.id] });
  return updated!;
}

/**
 * A deal's timeline changed (an event added or deleted): its version and updatedAt follow, so
 * clients syncing deals "changed since" see it.
 */
async function touchDeal(tx: Db, dealId: string): Promise<void> {
  await tx.update(deals).set(bumpVersion(deals)).where(eq(deals.id, dealId));
  await refreshSearchDocuments(tx, { deals: [dealId] });
}

export async function addDealEvent(
  tx: Db,
  input: ValidAddEvent,
  author: Author,
): Promise<DealEventRow> {
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
    after: await snapshotOf(tx, 'DealEvent', event!.id),
  });
  await touchDeal(tx, event!.dealId);
  return event!;
}

/** Marks a deal deleted; it stays as a tombstone with its history. */
export async function deleteDeal(tx: Db, dealId: string, change: Change): Promise<void> {
  await tombstone(tx, 'Deal', dealId, change);
}

/** Marks an event deleted; the deal's version moves on, as its timeline changed. */
export async function deleteDealEvent(tx: Db, eventId: string, change: Change): Promise<void> {
  const event = await tombstone(tx, 'DealEvent', eventId, change, {
    // The deal's document holds its events' text: touchDeal rebuilds it.
    searchScope: () => ({}),
  });
  await touchDeal(tx, event.dealId);
}
