// Actor loaders: one statement per batch of actor IDs or parent IDs.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { loaderMany, loaderOne } from '../../db/batch.js';
import { actorIdsInCountries } from '../../db/fragments.js';
import { actorAliases, actors, dealEventActors } from '../../db/schema.js';
import { queryPrepared, rowsWhereIn } from '../../db/statements.js';

const actorsById = rowsWhereIn(actors, actors.id);
const subsidiariesOf = rowsWhereIn(actors, actors.parentId, {
  where: isNull(actors.deletedAt),
  orderBy: sql`lower(${actors.name}), ${actors.id}`,
});
const aliasesOf = rowsWhereIn(actorAliases, actorAliases.actorId, {
  orderBy: asc(actorAliases.alias),
});

export function createActorLoaders(db: Db) {
  return {
    /**
     * The actors in a set of countries (key: alpha-3 codes joined by ","), found once per
     * request. Deal filters compare party IDs with these values: given as a subquery, the
     * planner walked the order index and discarded thousands of rows (issue 12: 24 ms against
     * 0.2 ms for Mali's newest deals).
     */
    actorIdsInCountries: new DataLoader<string, string[]>((keys) =>
      Promise.all(
        keys.map(async (key) =>
          (
            await queryPrepared<{ id: string }>(
              db,
              sql`select x.id from ${actorIdsInCountries(key.split(','))} as x`,
            )
          ).map((r) => r.id),
        ),
      ),
    ),
    actorById: loaderOne(
      (ids) => actorsById(db, ids),
      (row) => row.id,
    ),
    subsidiariesByActorId: loaderMany(
      (ids) => subsidiariesOf(db, ids),
      (row) => row.parentId ?? '',
    ),
    aliasesByActorId: loaderMany(
      (ids) => aliasesOf(db, ids),
      (row) => row.actorId,
    ),
    actorsByEventId: loaderMany(
      async (ids) =>
        (
          await db
            .select({ eventId: dealEventActors.eventId, actor: actors })
            .from(dealEventActors)
            .innerJoin(actors, eq(actors.id, dealEventActors.actorId))
            .where(and(inArray(dealEventActors.eventId, ids), isNull(actors.deletedAt)))
            .orderBy(sql`lower(${actors.name})`)
        ).map(({ eventId, actor }) => ({ eventId, ...actor })),
      (row) => row.eventId,
    ),
  };
}
