// Platform resolvers: the platform list and the Platform type's family tree and producers.
import { and, gte, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { withTransaction, type Context } from '../../context.js';
import { nameOrAliasContains, platformFamilyIds } from '../../db/fragments.js';
import { platformAliases, platforms } from '../../db/schema.js';
import { NotFoundError } from '../../errors.js';
import type { PlatformFilter, Resolvers } from '../../graphql/generated/resolvers-types.js';
import { parseGlobalIdOf, toGlobalId } from '../../graphql/global-id.js';
import { mergeInput, parseInput } from '../../graphql/input-schema.js';
import { lookupIn } from '../../graphql/references.js';
import { familySource } from '../../graphql/values.js';
import { platformWriteInput } from './platforms.input.js';
import { nameOrderedConnection } from '../../graphql/name-ordered-list.js';
import { requireAuthor } from '../auth/auth.service.js';
import { mergePlatforms, writePlatform } from './platforms.service.js';

async function platformConditions(
  filter: PlatformFilter | null | undefined,
  ctx: Context,
): Promise<SQL | undefined> {
  let familyId: string | undefined;
  if (filter?.family) {
    familyId = parseGlobalIdOf('Platform', filter.family, 'filter.family');
    if (!(await ctx.loaders.platformById.load(familyId))) {
      throw new NotFoundError('filter.family', 'Platform', filter.family);
    }
  }
  return and(
    isNull(platforms.deletedAt),
    filter?.updatedSince ? gte(platforms.updatedAt, filter.updatedSince) : undefined,
    filter?.category ? inArray(platforms.category, filter.category) : undefined,
    familyId ? sql`${platforms.id} in ${platformFamilyIds([familyId])}` : undefined,
    filter?.designation
      ? nameOrAliasContains(
          platforms.designation,
          platforms.id,
          {
            table: platformAliases,
            owner: platformAliases.platformId,
            alias: platformAliases.alias,
          },
          filter.designation,
        )
      : undefined,
  );
}

export const platformResolvers: Resolvers = {
  Mutation: {
    createPlatform: async (_root, { input }, ctx) => {
      const author = requireAuthor(ctx, 'EDITOR');
      const valid = await parseInput(platformWriteInput(lookupIn(ctx), input), input);
      return { platform: await withTransaction(ctx, (tx) => writePlatform(tx, valid, author)) };
    },
    updatePlatform: async (_root, { input }, ctx) => {
      const author = requireAuthor(ctx, 'EDITOR');
      const valid = await parseInput(platformWriteInput(lookupIn(ctx), input), input);
      return { platform: await withTransaction(ctx, (tx) => writePlatform(tx, valid, author)) };
    },
    mergePlatforms: async (_root, { input }, ctx) => {
      const author = requireAuthor(ctx, 'ADMIN');
      const { loserId, winnerId, reason } = await parseInput(mergeInput('Platform'), input);
      const platform = await withTransaction(ctx, (tx) =>
        mergePlatforms(tx, { loserId, winnerId }, { author, reason }),
      );
      return { platform };
    },
  },
  Query: {
    platforms: async (_root, args, ctx) =>
      nameOrderedConnection(ctx.db, platforms, {
        list: 'platforms',
        sortKey: sql`lower(${platforms.designation})`,
        idColumn: platforms.id,
        where: await platformConditions(args.filter, ctx),
        filterShape: JSON.stringify(args.filter ?? null),
        first: args.first,
        after: args.after,
      }),
  },
  Platform: {
    id: (platform) => toGlobalId('Platform', platform.id),
    aliases: async (platform, _args, ctx) =>
      (await ctx.loaders.aliasesByPlatformId.load(platform.id)).map((a) => ({
        name: a.alias,
        language: a.language,
      })),
    // With the columns its selection reads, as an item's platform (deal-relations.ts): a family
    // that was read as an item's platform, with those columns or more, costs no statement.
    family: (platform, _args, ctx, info) =>
      platform.parentId
        ? ctx.loaders.platformsFor(info.fieldNodes, info.fragments).load(platform.parentId)
        : null,
    familySource: (platform) => familySource(platform.familySource),
    variants: (platform, _args, ctx) => ctx.loaders.variantsByPlatformId.load(platform.id),
    producers: (platform, _args, ctx) => ctx.loaders.producersByPlatformId.load(platform.id),
  },
};
