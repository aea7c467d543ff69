// Actor resolvers: actor lists (all, suppliers, recipients) and the Actor type's relations.
import { sql } from 'drizzle-orm';
import { withTransaction, type Context } from '../../context.js';
import { actors } from '../../db/schema.js';
import type { ActorFilter, Resolvers } from '../../graphql/generated/resolvers-types.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { mergeInput, parseInput } from '../../graphql/input-schema.js';
import { lookupIn } from '../../graphql/references.js';
import { actorConditions, type ActorRole } from './actor-filter.js';
import { actorWriteInput } from './actors.input.js';
import { requireAuthor } from '../auth/auth.service.js';
import { mergeActors, writeActor } from './actors.service.js';
import { nameOrderedConnection } from '../../graphql/name-ordered-list.js';

function actorList(
  role: ActorRole,
  args: { filter?: ActorFilter | null; first?: number | null; after?: string | null },
  ctx: Context,
) {
  return nameOrderedConnection(ctx.db, actors, {
    list: `actors:${role}`,
    sortKey: sql`lower(${actors.name})`,
    idColumn: actors.id,
    where: actorConditions(args.filter, role),
    filterShape: JSON.stringify(args.filter ?? null),
    first: args.first,
    after: args.after,
  });
}

export const actorResolvers: Resolvers = {
  Mutation: {
    createActor: async (_root, { input }, ctx) => {
      const author = requireAuthor(ctx, 'EDITOR');
      const valid = await parseInput(actorWriteInput(lookupIn(ctx), input), input);
      return { actor: await withTransaction(ctx, (tx) => writeActor(tx, valid, author)) };
    },
    updateActor: async (_root, { input }, ctx) => {
      const author = requireAuthor(ctx, 'EDITOR');
      const valid = await parseInput(actorWriteInput(lookupIn(ctx), input), input);
      return { actor: await withTransaction(ctx, (tx) => writeActor(tx, valid, author)) };
    },
    mergeActors: async (_root, { input }, ctx) => {
      const author = requireAuthor(ctx, 'ADMIN');
      const { loserId, winnerId, reason } = await parseInput(mergeInput('Actor'), input);
      const actor = await withTransaction(ctx, (tx) =>
        mergeActors(tx, { loserId, winnerId }, { author, reason }),
      );
      return { actor };
    },
  },
  Query: {
    actors: (_root, args, ctx) => actorList('any', args, ctx),
    suppliers: (_root, args, ctx) => actorList('supplier', args, ctx),
    recipients: (_root, args, ctx) => actorList('recipient', args, ctx),
  },
  Actor: {
    id: (actor) => toGlobalId('Actor', actor.id),
    aliases: async (actor, _args, ctx) =>
      (await ctx.loaders.aliasesByActorId.load(actor.id)).map((a) => ({
        name: a.alias,
        language: a.language,
      })),
    // With the columns their selections read, as a deal's parties (deal-relations.ts).
    parent: (actor, _args, ctx, info) =>
      actor.parentId
        ? ctx.loaders.actorsFor(info.fieldNodes, info.fragments).load(actor.parentId)
        : null,
    subsidiaries: (actor, _args, ctx) => ctx.loaders.subsidiariesByActorId.load(actor.id),
    country: (actor, _args, ctx, info) =>
      actor.countryId
        ? ctx.loaders.actorsFor(info.fieldNodes, info.fragments).load(actor.countryId)
        : null,
    produces: (actor, _args, ctx) => ctx.loaders.platformsByProducerId.load(actor.id),
  },
};
