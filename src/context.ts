// Per-request context: the database, a logger and a fresh set of DataLoaders for each request.
import type { Logger } from 'pino';
import type { Db } from './db/client.js';
import type { NodeType } from './graphql/global-id.js';
import { createActorLoaders } from './modules/actors/actors.loaders.js';
import { ANONYMOUS, type Viewer } from './modules/auth/api-keys.service.js';
import { createDealLoaders } from './modules/deals/deals.loaders.js';
import { createRevisionLoaders } from './modules/revisions/revisions.loaders.js';
import { createPlatformLoaders } from './modules/platforms/platforms.loaders.js';
import { createSourceLoaders } from './modules/sources/sources.loaders.js';

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  db: Db;
  loaders: Loaders;
  logger: Logger;
  requestId: string;
  /** Who is asking: anonymous readers, or the holder of an API key. */
  viewer: Viewer;
}

// Loaders cache for one request only: a shared cache would serve stale rows across
// requests and instances.
function createLoaders(db: Db) {
  return {
    ...createActorLoaders(db),
    ...createPlatformLoaders(db),
    ...createDealLoaders(db),
    ...createSourceLoaders(db),
    ...createRevisionLoaders(db),
  };
}

export function createContext(
  db: Db,
  logger: Logger,
  requestId: string,
  viewer: Viewer = ANONYMOUS,
): Context {
  return { db, loaders: createLoaders(db), logger: logger.child({ requestId }), requestId, viewer };
}

function nodeLoaders(loaders: Loaders) {
  return {
    Actor: loaders.actorById,
    Platform: loaders.platformById,
    Deal: loaders.dealById,
    DealItem: loaders.dealItemById,
    DealEvent: loaders.dealEventById,
    Source: loaders.sourceById,
    Citation: loaders.citationById,
  } as const;
}

/** The by-ID loader of a node type, for node(id) and for records named in revisions. */
export function nodeLoader<T extends NodeType>(
  ctx: Context,
  type: T,
): ReturnType<typeof nodeLoaders>[T] {
  return nodeLoaders(ctx.loaders)[type];
}
