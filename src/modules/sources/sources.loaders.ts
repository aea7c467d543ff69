// Source and citation loaders: one statement per batch of IDs or cited records.
import { asc, isNull, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { loaderMany, loaderOne } from '../../db/batch.js';
import { citations, sources, type CitationRow } from '../../db/schema.js';
import { rowsWhereIn } from '../../db/statements.js';

// Citations of one kind of record; each uses its partial index on the target column.
const citationsOf = (column: PgColumn) =>
  rowsWhereIn(citations, column, {
    where: isNull(citations.deletedAt),
    orderBy: sql`${asc(citations.createdAt)}, ${asc(citations.id)}`,
  });
const citationStatements = {
  deal: citationsOf(citations.dealId),
  event: citationsOf(citations.eventId),
  platform: citationsOf(citations.platformId),
  actor: citationsOf(citations.actorId),
};
const sourcesById = rowsWhereIn(sources, sources.id);
const citationsById = rowsWhereIn(citations, citations.id);

export function createSourceLoaders(db: Db) {
  const citationsBy = (
    kind: keyof typeof citationStatements,
    keyOf: (row: CitationRow) => string | null,
  ) =>
    loaderMany(
      (ids) => citationStatements[kind](db, ids),
      (row) => keyOf(row) ?? '',
    );
  return {
    sourceById: loaderOne(
      (ids) => sourcesById(db, ids),
      (row) => row.id,
    ),
    citationById: loaderOne(
      (ids) => citationsById(db, ids),
      (row) => row.id,
    ),
    citationsByDealId: citationsBy('deal', (row) => row.dealId),
    citationsByEventId: citationsBy('event', (row) => row.eventId),
    citationsByPlatformId: citationsBy('platform', (row) => row.platformId),
    citationsByActorId: citationsBy('actor', (row) => row.actorId),
  };
}
