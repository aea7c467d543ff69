// Actor loaders: one statement per batch of actor IDs or parent IDs.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { loaderMany, loaderOne } from '../../db/batch.js';
import { actorAliases, actors, dealEventActors } from '../../db/schema.js';

export function createActorLoaders(db: Db) {
  return {
    actorById: loaderOne(
      (ids) => db.select().from(actors).where(inArray(actors.id, ids)),
      (row) => row.id,
    ),
    subsidiariesByActorId: loaderMany(
      (ids) =>
        db
          .select()
          .from(actors)
          .where(and(inArray(actors.parentId, ids), isNull(actors.deletedAt)))
          .orderBy(sql`lower(${actors.name})`, actors.id),
      (row) => row.parentId ?? '',
    ),
    aliasesByActorId: loaderMany(
      (ids) =>
        db
          .select()
          .from(actorAliases)
          .where(inArray(actorAliases.actorId, ids))
          .orderBy(asc(actorAliases.alias)),
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
