// Revision loaders: a record's history, one statement per batch of records.
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loaderMany } from '../../db/batch.js';
import { revisions } from '../../db/schema.js';

export function createRevisionLoaders(db: Db) {
  return {
    historyByRecordId: loaderMany(
      (ids) =>
        db
          .select()
          .from(revisions)
          .where(inArray(revisions.recordId, ids))
          .orderBy(asc(revisions.recordId), asc(revisions.id)),
      (row) => row.recordId,
    ),
  };
}
