// Per-request context: the database, a logger and a fresh set of DataLoaders for each request.
import type { Logger } from 'pino';
import type { Db } from './db/client.js';
import { createActorLoaders } from './modules/actors/actors.loaders.js';
import { createDealLoaders } from './modules/deals/deals.loaders.js';
import { createPlatformLoaders } from './modules/platforms/platforms.loaders.js';
import { createSourceLoaders } from './modules/sources/sources.loaders.js';

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  db: Db;
  loaders: Loaders;
  logger: Logger;
  requestId: string;
}

// Loaders cache for one request only: a shared cache would serve stale rows across
// requests and instances.
function createLoaders(db: Db) {
  return {
    ...createActorLoaders(db),
    ...createPlatformLoaders(db),
    ...createDealLoaders(db),
    ...createSourceLoaders(db),
  };
}

export function createContext(db: Db, logger: Logger, requestId: string): Context {
  return { db, loaders: createLoaders(db), logger: logger.child({ requestId }), requestId };
}
