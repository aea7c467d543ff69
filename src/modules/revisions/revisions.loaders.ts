// Revision loaders: a record's history, one statement per batch of records.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loaderMany } from '../../db/batch.js';
import { revisions } from '../../db/schema.js';
import { rowsWhereIn } from '../../db/statements.js';

const historyOf = rowsWhereIn(revisions, revisions.recordId, {
  orderBy: sql`${revisions.recordId}, ${revisions.id}`,
});

export function createRevisionLoaders(db: Db) {
  return {
    historyByRecordId: loaderMany(
      (ids) => historyOf(db, ids),
      (row) => row.recordId,
    ),
  };
}
