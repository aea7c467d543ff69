// Platform writes: create, update, merge and delete platforms, each in one transaction with its revisions.
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  dealItems,
  deals,
  platformAliases,
  platformProducers,
  platforms,
  type PlatformRow,
} from '../../db/schema.js';
import { anyRow, bumpVersion, idsOf } from '../../db/versioned.js';
import {
  mergeNamed,
  moveLinks,
  writeNamed,
  type NamedKind,
  type NamedWrite,
} from '../records/records.service.js';
import { tombstone, type Author, type Change } from '../revisions/revisions.service.js';
import { refreshSearchForPlatforms } from '../search/search.service.js';

export interface ValidPlatformWrite extends NamedWrite<'Platform'> {
  /** The full new list of producers, or null to keep them. */
  producerIds: string[] | null;
}

const PLATFORM: NamedKind<'Platform'> = {
  type: 'Platform',
  aliases: { table: platformAliases, owner: platformAliases.platformId },
  nameOf: (platform) => platform.designation,
  cycle: { path: 'input.family', message: 'that platform is a variant of this one' },
  refreshSearch: refreshSearchForPlatforms,
};

export function writePlatform(
  tx: Db,
  input: ValidPlatformWrite,
  author: Author,
): Promise<PlatformRow> {
  return writeNamed(tx, PLATFORM, input, author, async (row) => {
    if (!input.producerIds) return;
    await tx.delete(platformProducers).where(eq(platformProducers.platformId, row.id));
    if (input.producerIds.length > 0) {
      await tx
        .insert(platformProducers)
        .values(input.producerIds.map((producerId) => ({ platformId: row.id, producerId })));
    }
  });
}

/**
 * Moves every item, variant, producer, citation and alias of the loser to the winner, keeps
 * the loser's designation as an alias, and leaves the loser as a tombstone that redirects.
 */
export function mergePlatforms(
  tx: Db,
  merge: { loserId: string; winnerId: string },
  change: Change,
): Promise<PlatformRow> {
  const { winnerId, loserId } = merge;
  return mergeNamed(tx, PLATFORM, merge, change, {
    referrers: async (tx, loserId) => [
      {
        type: 'Deal',
        ids: await idsOf(
          tx
            .selectDistinct({ id: dealItems.dealId })
            .from(dealItems)
            .innerJoin(deals, eq(deals.id, dealItems.dealId))
            .where(
              and(
                or(eq(dealItems.platformId, loserId), eq(dealItems.variantPlatformId, loserId)),
                isNull(deals.deletedAt),
              ),
            ),
        ),
      },
      {
        type: 'Platform',
        ids: await idsOf(
          tx
            .select({ id: platforms.id })
            .from(platforms)
            .where(and(eq(platforms.parentId, loserId), isNull(platforms.deletedAt))),
        ),
      },
    ],
    movePointers: async (tx, loser) => {
      await tx
        .update(dealItems)
        .set({ platformId: winnerId })
        .where(eq(dealItems.platformId, loserId));
      await tx
        .update(dealItems)
        .set({ variantPlatformId: winnerId })
        .where(eq(dealItems.variantPlatformId, loserId));
      // Every deal with an item of the winner, its own included, is bumped: one statement.
      await tx
        .update(deals)
        .set(bumpVersion(deals))
        .where(
          sql`${deals.id} in (select deal_id from ${dealItems} where platform_id = ${winnerId}::uuid)`,
        );
      // The loser's variants join the winner's family; if the winner was one of them, it takes
      // the loser's place in the tree.
      await tx
        .update(platforms)
        .set({
          parentId: sql`case when ${platforms.id} = ${winnerId}::uuid then ${loser.parentId}::uuid else ${winnerId}::uuid end`,
        })
        .where(eq(platforms.parentId, loserId));
      await moveLinks(tx, platformProducers, platformProducers.platformId, loserId, winnerId);
    },
  });
}

/** Deletes a platform nothing refers to; one still in use must be merged instead. */
export async function deletePlatform(tx: Db, platformId: string, change: Change): Promise<void> {
  await tombstone(tx, 'Platform', platformId, change, {
    stillUsed: async (tx, platformId) =>
      (await anyRow(
        tx,
        dealItems,
        or(eq(dealItems.platformId, platformId), eq(dealItems.variantPlatformId, platformId)),
      )) ||
      (await anyRow(
        tx,
        platforms,
        and(eq(platforms.parentId, platformId), isNull(platforms.deletedAt)),
      ))
        ? 'The platform is still referred to by deal items or variants: merge it instead'
        : null,
  });
}
