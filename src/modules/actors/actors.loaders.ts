// Actor loaders: one statement per batch of actor IDs or parent IDs.
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import DataLoader from 'dataloader';
import type { Db } from '../../db/client.js';
import { loadersByColumns, loaderMany, loaderOne } from '../../db/batch.js';
import { actorIdsInCountries } from '../../db/fragments.js';
import { actorAliases, actors, dealEventActors } from '../../db/schema.js';
import {
  rowsWhereIn,
  rowsWhereInSelecting,
  runPrepared,
  statementsByShape,
} from '../../db/statements.js';
import type { FieldNode } from 'graphql';
import type { Fragments } from '../../graphql/selection.js';
import { actorColumnsSelected, type ActorKey } from './actor-columns.js';

const actorsById = rowsWhereIn(actors, actors.id);
// Actors with the columns a selection reads (actor-columns.ts): a statement per set.
const actorsByIdSelecting = rowsWhereInSelecting(actors, actors.id);
const subsidiariesOf = rowsWhereIn(actors, actors.parentId, {
  where: isNull(actors.deletedAt),
  orderBy: sql`lower(${actors.name}), ${actors.id}`,
});
const aliasesOf = rowsWhereIn(actorAliases, actorAliases.actorId, {
  orderBy: asc(actorAliases.alias),
});

// A set of countries' statement: its codes are its values, so it is built once per set.
const countryActorIds = statementsByShape<Record<string, never>>([]);

export function createActorLoaders(db: Db) {
  const actorById = loaderOne(
    (ids) => actorsById(db, ids),
    (row) => row.id,
  );
  /** Actors by ID with these columns: one loader, and one statement, per set of columns. */
  const actorsWith = loadersByColumns(
    actorById,
    (columns: readonly ActorKey[], ids) => actorsByIdSelecting(columns)(db, ids),
    (row) => row.id,
  );
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
            await runPrepared<Record<string, never>, { id: string }>(
              db,
              countryActorIds(
                key,
                () => sql`select x.id from ${actorIdsInCountries(key.split(','))} as x`,
              ),
              {},
            )
          ).map((r) => r.id),
        ),
      ),
    ),
    /** Whole actors: what every reader but a relation's selection uses. */
    actorById,
    /**
     * Actors with the columns that `fields` (a relation's nodes, such as a deal's `supplier`)
     * read. Two selections that read the same columns share a loader, and so a statement.
     */
    actorsFor: (fields: readonly FieldNode[], fragments: Fragments) =>
      actorsWith(actorColumnsSelected(fields, fragments)),
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
