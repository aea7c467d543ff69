// Platform loaders: one statement per batch of platform, parent or producer IDs.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loadersByColumns, loaderMany, loaderOne } from '../../db/batch.js';
import { actors, platformAliases, platformProducers, platforms } from '../../db/schema.js';
import { rowsWhereIn, rowsWhereInSelecting } from '../../db/statements.js';
import type { FieldNode } from 'graphql';
import type { Fragments } from '../../graphql/selection.js';
import { platformColumnsSelected, type PlatformKey } from './platform-columns.js';

const platformsById = rowsWhereIn(platforms, platforms.id);
// Platforms with the columns a selection reads (platform-columns.ts): a statement per set.
const platformsByIdSelecting = rowsWhereInSelecting(platforms, platforms.id);
const variantsOf = rowsWhereIn(platforms, platforms.parentId, {
  where: isNull(platforms.deletedAt),
  orderBy: sql`lower(${platforms.designation}), ${platforms.id}`,
});
const aliasesOf = rowsWhereIn(platformAliases, platformAliases.platformId, {
  orderBy: asc(platformAliases.alias),
});

export function createPlatformLoaders(db: Db) {
  const platformById = loaderOne(
    (ids) => platformsById(db, ids),
    (row) => row.id,
  );
  /** Platforms by ID with these columns: one loader, and one statement, per set of columns. */
  const platformsWith = loadersByColumns(
    platformById,
    (columns: readonly PlatformKey[], ids) => platformsByIdSelecting(columns)(db, ids),
    (row) => row.id,
  );
  return {
    /** Whole platforms: what every reader but a relation's selection uses. */
    platformById,
    /**
     * Platforms with the columns that `fields` (an item's `platform` or `variant` nodes) read.
     * Two selections that read the same columns share a loader, and so a statement.
     */
    platformsFor: (fields: readonly FieldNode[], fragments: Fragments) =>
      platformsWith(platformColumnsSelected(fields, fragments)),
    variantsByPlatformId: loaderMany(
      (ids) => variantsOf(db, ids),
      (row) => row.parentId ?? '',
    ),
    aliasesByPlatformId: loaderMany(
      (ids) => aliasesOf(db, ids),
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
