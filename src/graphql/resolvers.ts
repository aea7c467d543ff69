// Resolver registry: every module's resolvers merged into one map, type by type.
import { actorResolvers } from '../modules/actors/actors.resolvers.js';
import { apiKeyResolvers } from '../modules/auth/api-keys.resolvers.js';
import { citationResolvers } from '../modules/citations/citations.resolvers.js';
import { dealResolvers } from '../modules/deals/deals.resolvers.js';
import { exportResolvers } from '../modules/export/export.resolvers.js';
import { nodeResolvers } from '../modules/node/node.resolvers.js';
import { platformResolvers } from '../modules/platforms/platforms.resolvers.js';
import { releaseResolvers } from '../modules/releases/releases.resolvers.js';
import { revisionResolvers } from '../modules/revisions/revisions.resolvers.js';
import { searchResolvers } from '../modules/search/search.resolvers.js';
import { sourceResolvers } from '../modules/sources/sources.resolvers.js';
import { volumeResolvers } from '../modules/volumes/volumes.resolvers.js';
import { Kind, parse } from 'graphql';
import { refreshLoaders, type Context } from '../context.js';
import type { Connection } from './connection.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { scalarResolvers } from './scalars.js';
import { typeDefs } from './type-defs.js';

/**
 * Every connection's totalCount is a function, run only when a client asks (a second, often
 * costly query; src/graphql/connection.ts). graphql-js's default resolver calls a function
 * property, graphql-jit's compiled code reads it as a value: so the call is a resolver, for
 * every connection type of the schema.
 */
const connectionResolvers = Object.fromEntries(
  parse(typeDefs).definitions.flatMap((definition) =>
    definition.kind === Kind.OBJECT_TYPE_DEFINITION &&
    definition.name.value.endsWith('Connection') &&
    definition.fields?.some((field) => field.name.value === 'totalCount')
      ? [[definition.name.value, { totalCount: countOf }]]
      : [],
  ),
) as Resolvers;

function countOf(connection: Connection<unknown>): Promise<number> {
  return connection.totalCount();
}

const moduleResolvers: Resolvers[] = [
  nodeResolvers,
  dealResolvers,
  actorResolvers,
  platformResolvers,
  sourceResolvers,
  revisionResolvers,
  searchResolvers,
  volumeResolvers,
  citationResolvers,
  apiKeyResolvers,
  releaseResolvers,
  exportResolvers,
  connectionResolvers,
];

/** Merges module resolver maps; two modules resolving the same field is a start-up error. */
export function mergeResolvers(maps: Resolvers[]): Record<string, Record<string, unknown>> {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(
      map as Record<string, Record<string, unknown>>,
    )) {
      const target = (merged[typeName] ??= {});
      for (const [field, resolver] of Object.entries(fields)) {
        if (field in target) throw new Error(`Two modules resolve ${typeName}.${field}`);
        target[field] = resolver;
      }
    }
  }
  return merged;
}

type FieldResolver = (root: unknown, args: unknown, ctx: Context, info: unknown) => unknown;

/**
 * Every mutation ends by replacing the request's loaders (see refreshLoaders), so that its
 * payload and the mutations after it in the same document read what it wrote. One place,
 * rather than a list of caches to clear in each resolver that a new cache would be missing from.
 */
function refreshingLoadersAfterWrites(
  merged: Record<string, Record<string, unknown>>,
): Record<string, Record<string, unknown>> {
  const mutations = Object.entries(merged.Mutation ?? {}).map(([field, resolve]) => [
    field,
    async (root: unknown, args: unknown, ctx: Context, info: unknown) => {
      try {
        return await (resolve as FieldResolver)(root, args, ctx, info);
      } finally {
        refreshLoaders(ctx);
      }
    },
  ]);
  return { ...merged, Mutation: Object.fromEntries(mutations) as Record<string, unknown> };
}

export const resolvers = {
  ...refreshingLoadersAfterWrites(mergeResolvers(moduleResolvers)),
  ...scalarResolvers,
};
