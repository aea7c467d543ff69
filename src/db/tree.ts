// Trees stored as parent_id columns (actor ownership, platform families): cycle checks.
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Db } from './client.js';

/** True when making `parentId` the parent of `childId` would make `childId` its own ancestor. */
export async function wouldCreateCycle(
  tx: Db,
  table: PgTable,
  childId: string,
  parentId: string,
): Promise<boolean> {
  const [row] = await queryRows<{ cycle: boolean }>(
    tx,
    sql`with recursive chain(id) as (
      select ${parentId}::uuid
      union
      select t.parent_id from ${table} t join chain on t.id = chain.id where t.parent_id is not null
    ) select exists (select 1 from chain where id = ${childId}::uuid) as cycle`,
  );
  return row?.cycle ?? false;
}
