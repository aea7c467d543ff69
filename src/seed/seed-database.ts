// Seeding: writes the reference data and the Kazan/Mali record; a second run changes nothing.
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import * as schema from '../db/schema.js';
import type { FeedType } from '../graphql/record-types.js';
import { recordWritten } from '../modules/revisions/revisions.service.js';
import { refreshSearchDocuments } from '../modules/search/search.service.js';
import * as seed from './kazan-mali.js';

/** Who the seed's revisions name. */
export const SEED_AUTHOR = { keyId: null, name: 'Armstrail seed' };

const SEED_REASON =
  'Seeded: the Kazan/Mali record of June 2025 and the reference data it needs (shared/DESIGN.md)';

/**
 * Inserts every seed row that is not there yet, in one transaction. Rows are matched by
 * their stable IDs (or composite keys), so re-running never duplicates or overwrites a
 * record a researcher has since edited.
 */
export async function seedDatabase(db: Db): Promise<void> {
  // Each record type's rows carry the type whose revision they get (a link row, none).
  const batches: [PgTable, Record<string, unknown>[], FeedType | null][] = [
    [schema.actors, seed.seedActors, 'Actor'],
    [schema.actorAliases, seed.seedActorAliases, null],
    [schema.platforms, seed.seedPlatforms, 'Platform'],
    [schema.platformAliases, seed.seedPlatformAliases, null],
    [schema.platformProducers, seed.seedPlatformProducers, null],
    [schema.sources, seed.seedSources, 'Source'],
    [schema.deals, seed.seedDeals, 'Deal'],
    [schema.dealItems, seed.seedDealItems, null],
    [schema.dealEvents, seed.seedDealEvents, 'DealEvent'],
    [schema.dealEventActors, seed.seedDealEventActors, null],
    [schema.citations, seed.seedCitations, 'Citation'],
  ];
  await db.transaction(async (tx) => {
    let inserted = 0;
    const created: [FeedType, string[]][] = [];
    for (const [table, rows, type] of batches) {
      if (rows.length === 0) continue;
      const written = await tx.insert(table).values(rows).onConflictDoNothing().returning();
      inserted += written.length;
      if (type) created.push([type, written.map((r) => (r as { id: string }).id)]);
    }
    // Every record it creates is in the change feed, as every other writer's, once all are
    // written (a record's snapshot shows its aliases, items and links).
    for (const [type, ids] of created) {
      await recordWritten(
        tx,
        type,
        ids.map((recordId) => ({ recordId, action: 'CREATE', reason: SEED_REASON, before: null })),
        { author: SEED_AUTHOR },
      );
    }
    // Only a seed that wrote something needs searching anew; a re-run stays write-free.
    if (inserted > 0) {
      const ids = (rows: { id?: string }[]) => rows.map((r) => r.id!);
      await refreshSearchDocuments(tx, {
        deals: ids(seed.seedDeals),
        actors: ids(seed.seedActors),
        platforms: ids(seed.seedPlatforms),
        sources: ids(seed.seedSources),
      });
    }
  });
}
