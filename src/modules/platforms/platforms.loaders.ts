// Platform loaders: one statement per batch of platform, parent or producer IDs.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loaderMany, loaderOne } from '../../db/batch.js';
import { actors, platformAliases, platformProducers, platforms } from '../../db/schema.js';

export function createPlatformLoaders(db: Db) {
  return {
    platformById: loaderOne(
      (ids) => db.select().from(platforms).where(inArray(platforms.id, ids)),
      (row) => row.id,
    ),
    variantsByPlatformId: loaderMany(
      (ids) =>
        db
          .select()
          .from(platforms)
          .where(inArray(platforms.parentId, ids))
          .orderBy(sql`lower(${platforms.designation})`, platforms.id),
      (row) => row.parentId ?? '',
    ),
    aliasesByPlatformId: loaderMany(
      (ids) =>
        db
          .select()
          .from(platformAliases)
          .where(inArray(platformAliases.platformId, ids))
          .orderBy(asc(platformAliases.alias)),
      (row) => row.platformId,
    ),
    producersByPlatformId: loaderMany(
      async (ids) =>
        (
          await db
            .select({ platformId: platformProducers.platformId, actor: actors })
            .from(platformProducers)
            .innerJoin(actors, eq(actors.id, platformProducers.producerId))
            .where(inArray(platformProducers.platformId, ids))
            .orderBy(sql`lower(${actors.name})`)
        ).map(({ platformId, actor }) => ({ platformId, ...actor })),
      (row) => row.platformId,
    ),
    platformsByProducerId: loaderMany(
      async (ids) =>
        (
          await db
            .select({ producerId: platformProducers.producerId, platform: platforms })
            .from(platformProducers)
            .innerJoin(platforms, eq(platforms.id, platformProducers.platformId))
            .where(inArray(platformProducers.producerId, ids))
            .orderBy(sql`lower(${platforms.designation})`)
        ).map(({ producerId, platform }) => ({ producerId, ...platform })),
      (row) => row.producerId,
    ),
  };
}
