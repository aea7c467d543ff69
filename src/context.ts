// Per-request context: the database, a logger and a fresh set of DataLoaders for each request.
import type { Logger } from 'pino';
import type { Db } from './db/client.js';
import { transactionRetryingDeadlock } from './db/deadlock-retry.js';
import type { NodeType } from './graphql/global-id.js';
import { RECORD_TYPES } from './graphql/record-types.js';
import { createActorLoaders } from './modules/actors/actors.loaders.js';
import { ANONYMOUS, type Viewer } from './modules/auth/api-keys.service.js';
import { createDealLoaders } from './modules/deals/deals.loaders.js';
import { createReleaseLoaders } from './modules/releases/releases.loaders.js';
import { createRevisionLoaders } from './modules/revisions/revisions.loaders.js';
import { createPlatformLoaders } from './modules/platforms/platforms.loaders.js';
import { createSourceLoaders } from './modules/sources/sources.loaders.js';

export type Loaders = ReturnType<typeof createActorLoaders> &
  ReturnType<typeof createPlatformLoaders> &
  ReturnType<typeof createDealLoaders> &
  ReturnType<typeof createSourceLoaders> &
  ReturnType<typeof createRevisionLoaders> &
  ReturnType<typeof createReleaseLoaders>;

export interface Context {
  db: Db;
  /** Where this request runs if it turns out to be expensive (see useExpensiveDatabase). */
  expensiveDb: Db;
  loaders: Loaders;
  logger: Logger;
  requestId: string;
  /** Who is asking: anonymous readers, or the holder of an API key. */
  viewer: Viewer;
}

// Loaders cache for one request only: a shared cache would serve stale rows across
// requests and instances.
//
// Object.assign, not an object literal of spreads: V8 gave each request's spread-built object
// a hidden class of its own (65 µs a request, every `ctx.loaders.x` read megamorphic, and the
// classes kept until a full collection). Assigned, every request's object shares one class
// (4 µs): a dictionary-mode one, as V8 keeps this many keyed additions, so a read is one
// monomorphic hash lookup. tests/context.test.ts holds this.
function createLoaders(db: Db): Loaders {
  // Object.assign types no more than three sources; Loaders names all six.
  return Object.assign(
    {},
    createActorLoaders(db),
    createPlatformLoaders(db),
    createDealLoaders(db),
    createSourceLoaders(db),
    createRevisionLoaders(db),
    createReleaseLoaders(db),
  ) as Loaders;
}

export function createContext(
  db: Db,
  logger: Logger,
  requestId: string,
  viewer: Viewer = ANONYMOUS,
  expensiveDb: Db = db,
): Context {
  return {
    db,
    expensiveDb,
    loaders: createLoaders(db),
    logger: logger.child({ requestId }),
    requestId,
    viewer,
  };
}

/**
 * Moves a request that has not run yet onto the expensive operations' database (its own pool
 * and statement timeout), loaders included. Called once the operation is known, before any
 * resolver runs.
 */
export function useExpensiveDatabase(ctx: Context): void {
  if (ctx.db === ctx.expensiveDb) return;
  ctx.db = ctx.expensiveDb;
  refreshLoaders(ctx);
}

/**
 * Moves a read-only request that has not run yet onto a read replica, its expensive pool
 * included (src/graphql/read-routing.ts). Called before useExpensiveDatabase, which then picks
 * the replica's expensive pool.
 */
export function useReadReplica(ctx: Context, replica: { db: Db; expensiveDb: Db }): void {
  ctx.db = replica.db;
  ctx.expensiveDb = replica.expensiveDb;
  refreshLoaders(ctx);
}

/**
 * Runs a mutation's writes in one transaction, and this is where every mutation's transaction
 * starts: the resolver opens it and hands `tx` to the services, which never open one of their
 * own. A transaction PostgreSQL ends to break a deadlock is run once more (see deadlock-retry.ts),
 * so `work` must do nothing but database writes through `tx`.
 */
export function withTransaction<T>(ctx: Context, work: (tx: Db) => Promise<T>): Promise<T> {
  return transactionRetryingDeadlock(ctx.db, work);
}

/**
 * Forgets every row the request has read: after a write, what the rest of the document reads
 * (the payload, the next mutation) must come from the database as it is now. Replacing the
 * loaders whole is the one way to be sure no cache — a record, its items, its citations,
 * its history — is left stale.
 */
export function refreshLoaders(ctx: Context): void {
  ctx.loaders = createLoaders(ctx.db);
}

type NodeLoaders = { [T in NodeType]: Loaders[(typeof RECORD_TYPES)[T]['loader']] };

/** The by-ID loader of a node type, for node(id) and for records named in revisions. */
export function nodeLoader<T extends NodeType>(ctx: Context, type: T): NodeLoaders[T] {
  // The registry names each type's loader; NodeLoaders fails to compile if one is missing.
  return ctx.loaders[RECORD_TYPES[type].loader] as NodeLoaders[T];
}
