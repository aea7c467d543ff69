// SIPRI release loaders: releases by ID, the releases and rows of deals, and release items.
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { loaderFamily, loaderMany, loaderOne } from '../../db/batch.js';
import type { Db } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { uuidArray } from '../../db/fragments.js';
import { columnSelection } from '../../db/raw-rows.js';
import { releaseTables, withClause } from '../../db/release-view.js';
import { dealItems, sipriReleases, sipriRows } from '../../db/schema.js';
import { rowsWhereIn } from '../../db/statements.js';

// The release's items CTE has the table's columns (src/db/release-view.ts).
const itemColumns = columnSelection(dealItems);

const releasesById = rowsWhereIn(sipriReleases, sipriReleases.id);

export function createReleaseLoaders(db: Db) {
  return {
    sipriReleaseById: loaderOne(
      (ids) => releasesById(db, ids),
      (row) => row.id,
    ),
    /** A deal's SIPRI rows, one per release, newest release first. */
    sipriRowsByDealId: loaderMany(
      async (ids) =>
        (
          await db
            .select({ row: sipriRows })
            .from(sipriRows)
            .innerJoin(sipriReleases, eq(sipriReleases.id, sipriRows.releaseId))
            .where(inArray(sipriRows.dealId, ids))
            .orderBy(
              desc(sipriReleases.generatedOn),
              asc(sipriReleases.scope),
              desc(sipriReleases.importedAt),
            )
        ).map((r) => r.row),
      (row) => row.dealId,
    ),
    /** The items of deals as one release published them (one per SIPRI row). */
    releaseItemsByDealId: loaderFamily(
      (releaseId: string) =>
        loaderMany(
          async (ids) =>
            (
              await queryRows<Record<string, unknown>>(
                db,
                sql`${withClause(releaseTables(releaseId))}select ${itemColumns.list} from ${dealItems}
                  where ${dealItems.dealId} = any(${uuidArray(ids)})`,
              )
            ).map((raw) => itemColumns.toRow(raw)),
          (item) => item.dealId,
        ),
      (releaseId) => releaseId,
    ),
  };
}
