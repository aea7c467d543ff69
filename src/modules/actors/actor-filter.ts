// The conditions of an actor list (all actors, suppliers, recipients): its filter and its role.
import { and, gte, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { actorIdsInCountries, nameOrAliasContains } from '../../db/fragments.js';
import { actorAliases, actors, deals } from '../../db/schema.js';
import type { ActorFilter } from '../../graphql/generated/resolvers-types.js';
import { resolveCountryCodes } from '../../reference/iso-countries.js';

export type ActorRole = 'any' | 'supplier' | 'recipient';

/** The WHERE of a list of actors in `role` that `filter` selects (a list's name order is the caller's). */
export function actorConditions(
  filter: ActorFilter | null | undefined,
  role: ActorRole,
): SQL | undefined {
  const countries = resolveCountryCodes(filter?.country, 'filter.country');
  return and(
    isNull(actors.deletedAt),
    filter?.updatedSince ? gte(actors.updatedAt, filter.updatedSince) : undefined,
    filter?.kind ? inArray(actors.kind, filter.kind) : undefined,
    // An array worked out once (an InitPlan), not a subquery to join: the planner guessed half
    // the table for the subquery, walked every actor by name and joined each with it.
    countries ? sql`${actors.id} = any(array${actorIdsInCountries(countries)})` : undefined,
    filter?.name
      ? nameOrAliasContains(
          actors.name,
          actors.id,
          { table: actorAliases, owner: actorAliases.actorId, alias: actorAliases.alias },
          filter.name,
        )
      : undefined,
    role === 'supplier'
      ? sql`exists (select 1 from ${deals} where ${deals.supplierId} = ${actors.id})`
      : undefined,
    role === 'recipient'
      ? sql`exists (select 1 from ${deals} where ${deals.recipientId} = ${actors.id})`
      : undefined,
  );
}
