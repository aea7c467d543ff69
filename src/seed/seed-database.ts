// Seeding: writes the reference data and the Kazan/Mali record; a second run changes nothing.
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import * as schema from '../db/schema.js';
import { refreshSearchDocuments } from '../modules/search/search.service.js';
import * as seed from './kazan-mali.js';

/**
 * Inserts every seed row that is not there yet, in one transaction. Rows are matched by
 * their stable IDs (or composite keys), so re-running never duplicates or overwrites a
 * record a researcher has since edited.
 */
export async function seedDatabase(db: Db): Promise<void> {
  const batches: [PgTable, Record<string, unknown>[]][] = [
    [schema.actors, seed.seedActors],
    [schema.actorAliases, seed.seedActorAliases],
    [schema.platforms, seed.seedPlatforms],
    [schema.platformAliases, seed.seedPlatformAliases],
    [schema.platformProducers, seed.seedPlatformProducers],
    [schema.sources, seed.seedSources],
    [schema.deals, seed.seedDeals],
    [schema.dealItems, seed.seedDealItems],
    [schema.dealEvents, seed.seedDealEvents],
    [schema.dealEventActors, seed.seedDealEventActors],
    [schema.citations, seed.seedCitations],
  ];
  await db.transaction(async (tx) => {
    let inserted = 0;
    for (const [table, rows] of batches) {
      if (rows.length === 0) continue;
      inserted += (await tx.insert(table).values(rows).onConflictDoNothing().returning()).length;
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
