// Platform loaders: one statement per batch of platform, parent or producer IDs.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
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
          .where(and(inArray(platforms.parentId, ids), isNull(platforms.deletedAt)))
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
            .where(and(inArray(platformProducers.platformId, ids), isNull(actors.deletedAt)))
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
            .where(and(inArray(platformProducers.producerId, ids), isNull(platforms.deletedAt)))
            .orderBy(sql`lower(${platforms.designation})`)
        ).map(({ producerId, platform }) => ({ producerId, ...platform })),
      (row) => row.producerId,
    ),
  };
}
