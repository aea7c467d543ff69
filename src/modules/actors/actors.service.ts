// Actor writes: create, update, merge and delete actors, each in one transaction with its revisions.
import { and, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  actorAliases,
  actors,
  citations,
  dealEventActors,
  dealEvents,
  deals,
  platformProducers,
  type ActorRow,
} from '../../db/schema.js';
import { anyRow, bumpVersion, idsOf } from '../../db/versioned.js';
import { referenceAliasesOfState } from '../../reference/state-aliases.js';
import {
  mergeNamed,
  moveLinks,
  writeNamed,
  type NamedKind,
  type NamedWrite,
} from '../records/records.service.js';
import { tombstone, type Author, type Change } from '../revisions/revisions.service.js';
import { refreshSearchForActors } from '../search/search.service.js';

export type ValidActorWrite = NamedWrite<'Actor'>;

const ACTOR: NamedKind<'Actor'> = {
  type: 'Actor',
  aliases: { table: actorAliases, owner: actorAliases.actorId },
  nameOf: (actor) => actor.name,
  cycle: { path: 'input.parent', message: 'that actor is owned by this one' },
  refreshSearch: refreshSearchForActors,
};

/**
 * A new state gets its reference names (English, French, Russian, abbreviations) besides the
 * editor's aliases, as imported and seeded states do; an alias the editor gave keeps its language.
 */
async function addReferenceAliases(tx: Db, state: ActorRow) {
  const aliases = referenceAliasesOfState(state);
  if (aliases.length > 0) {
    await tx
      .insert(actorAliases)
      .values(aliases.map((a) => ({ ...a, actorId: state.id })))
      .onConflictDoNothing();
  }
}

export function writeActor(tx: Db, input: ValidActorWrite, author: Author): Promise<ActorRow> {
  return writeNamed(tx, ACTOR, input, author, async (row, created) => {
    if (created && row.kind === 'STATE') await addReferenceAliases(tx, row);
  });
}

// ISO codes are unique: a tombstone gives them up, for another record to take.
const RELEASED_CODES = { isoAlpha2: null, isoAlpha3: null, isoNumeric: null };

/**
 * Moves everything that refers to `loserId` over to `winnerId`, keeps the loser's names as
 * aliases, and leaves the loser as a tombstone that redirects. Deals that change party get a
 * new version and updatedAt, so "changed since" syncs pick them up.
 */
export function mergeActors(
  tx: Db,
  merge: { loserId: string; winnerId: string },
  change: Change,
): Promise<ActorRow> {
  const { winnerId, loserId } = merge;
  return mergeNamed(tx, ACTOR, merge, change, {
    referrers: async (tx, loserId) => [
      {
        type: 'Deal',
        ids: await idsOf(
          tx
            .select({ id: deals.id })
            .from(deals)
            .where(
              and(
                or(eq(deals.supplierId, loserId), eq(deals.recipientId, loserId)),
                isNull(deals.deletedAt),
              ),
            ),
        ),
      },
      {
        type: 'Actor',
        ids: await idsOf(
          tx
            .select({ id: actors.id })
            .from(actors)
            .where(
              and(
                or(eq(actors.parentId, loserId), eq(actors.countryId, loserId)),
                isNull(actors.deletedAt),
              ),
            ),
        ),
      },
      {
        type: 'DealEvent',
        ids: await idsOf(
          tx
            .select({ id: dealEventActors.eventId })
            .from(dealEventActors)
            .innerJoin(dealEvents, eq(dealEvents.id, dealEventActors.eventId))
            .where(and(eq(dealEventActors.actorId, loserId), isNull(dealEvents.deletedAt))),
        ),
      },
      {
        type: 'Platform',
        ids: await idsOf(
          tx
            .select({ id: platformProducers.platformId })
            .from(platformProducers)
            .where(eq(platformProducers.producerId, loserId)),
        ),
      },
      {
        type: 'Citation',
        ids: await idsOf(
          tx
            .select({ id: citations.id })
            .from(citations)
            .where(and(eq(citations.producerId, loserId), isNull(citations.deletedAt))),
        ),
      },
    ],
    movePointers: async (tx, _loser, winner) => {
      for (const party of ['supplierId', 'recipientId'] as const) {
        await tx
          .update(deals)
          .set({ [party]: winnerId, ...bumpVersion(deals) })
          .where(eq(deals[party], loserId));
      }
      // The loser's subsidiaries and based companies move to the winner; if the winner was one
      // of them, it keeps its own owner or country instead of becoming its own.
      await tx
        .update(actors)
        .set({
          parentId: sql`case when ${actors.id} = ${winnerId}::uuid then ${winner.parentId} else ${winnerId}::uuid end`,
        })
        .where(eq(actors.parentId, loserId));
      await tx
        .update(actors)
        .set({
          countryId: sql`case when ${actors.id} = ${winnerId}::uuid then ${winner.countryId} else ${winnerId}::uuid end`,
        })
        .where(eq(actors.countryId, loserId));
      await moveLinks(tx, dealEventActors, dealEventActors.actorId, loserId, winnerId);
      await moveLinks(tx, platformProducers, platformProducers.producerId, loserId, winnerId);
      // The sources that cite the loser as a producer now speak of the winner.
      await tx
        .update(citations)
        .set({ producerId: winnerId })
        .where(eq(citations.producerId, loserId));
    },
    released: RELEASED_CODES,
    // The winner takes the loser's ISO codes if it has none.
    winnerTakes: (loser, winner) =>
      winner.isoAlpha3 === null && loser.isoAlpha3 !== null
        ? { isoAlpha2: loser.isoAlpha2, isoAlpha3: loser.isoAlpha3, isoNumeric: loser.isoNumeric }
        : {},
  });
}

/** Deletes an actor nothing refers to; one still in use must be merged instead. */
export async function deleteActor(tx: Db, actorId: string, change: Change): Promise<void> {
  await tombstone(tx, 'Actor', actorId, change, {
    released: RELEASED_CODES,
    stillUsed: async (tx, actorId) =>
      (await anyRow(
        tx,
        deals,
        and(
          or(eq(deals.supplierId, actorId), eq(deals.recipientId, actorId)),
          isNull(deals.deletedAt),
        ),
      )) ||
      (await anyRow(tx, dealEventActors, eq(dealEventActors.actorId, actorId))) ||
      (await anyRow(
        tx,
        actors,
        and(
          or(eq(actors.parentId, actorId), eq(actors.countryId, actorId)),
          ne(actors.id, actorId),
          isNull(actors.deletedAt),
        ),
      )) ||
      (await anyRow(tx, platformProducers, eq(platformProducers.producerId, actorId)))
        ? 'The actor is still referred to by deals, events, platforms or other actors: merge it instead'
        : null,
  });
}
