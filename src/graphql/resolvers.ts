// Resolver registry: every module's resolvers merged into one map, type by type.
import { actorResolvers } from '../modules/actors/actors.resolvers.js';
import { apiKeyResolvers } from '../modules/auth/api-keys.resolvers.js';
import { citationResolvers } from '../modules/citations/citations.resolvers.js';
import { dealResolvers } from '../modules/deals/deals.resolvers.js';
import { nodeResolvers } from '../modules/node/node.resolvers.js';
import { platformResolvers } from '../modules/platforms/platforms.resolvers.js';
import { revisionResolvers } from '../modules/revisions/revisions.resolvers.js';
import { searchResolvers } from '../modules/search/search.resolvers.js';
import { sourceResolvers } from '../modules/sources/sources.resolvers.js';
import { volumeResolvers } from '../modules/volumes/volumes.resolvers.js';
import type { Resolvers } from './generated/resolvers-types.js';
import { scalarResolvers } from './scalars.js';

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

export const resolvers = { ...mergeResolvers(moduleResolvers), ...scalarResolvers };
