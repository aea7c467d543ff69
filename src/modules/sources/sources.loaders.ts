// Source and citation loaders: one statement per batch of IDs or cited records.
import { and, asc, inArray, isNull } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { loaderMany, loaderOne } from '../../db/batch.js';
import { citations, sources, type CitationRow } from '../../db/schema.js';

export function createSourceLoaders(db: Db) {
  // Citations of one kind of record; each uses its partial index on the target column.
  const citationsBy = (column: PgColumn, keyOf: (row: CitationRow) => string | null) =>
    loaderMany(
      (ids) =>
        db
          .select()
          .from(citations)
          .where(and(inArray(column, ids), isNull(citations.deletedAt)))
          .orderBy(asc(citations.createdAt), asc(citations.id)),
      (row) => keyOf(row) ?? '',
    );
  return {
    sourceById: loaderOne(
      (ids) => db.select().from(sources).where(inArray(sources.id, ids)),
      (row) => row.id,
    ),
    citationById: loaderOne(
      (ids) => db.select().from(citations).where(inArray(citations.id, ids)),
      (row) => row.id,
    ),
    citationsByDealId: citationsBy(citations.dealId, (row) => row.dealId),
    citationsByEventId: citationsBy(citations.eventId, (row) => row.eventId),
    citationsByPlatformId: citationsBy(citations.platformId, (row) => row.platformId),
    citationsByActorId: citationsBy(citations.actorId, (row) => row.actorId),
  };
}
