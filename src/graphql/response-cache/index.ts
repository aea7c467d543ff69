// The response cache as the server uses it: built from the configuration, the database and the
// process's Redis connection (if any). See response-cache.ts for how it stays correct.
import { createHash } from 'node:crypto';
import type { ResponseCacheConfig } from '../../config.js';
import type { Context } from '../../context.js';
import { databaseIdentity, readDataVersion } from '../../db/data-version.js';
import type { Database, Db } from '../../db/client.js';
import type { GuardedRedis } from '../limits/guarded-redis.js';
import { typeDefs } from '../type-defs.js';
import type { ResponseCache } from './response-cache.js';
import { sharedReads } from './shared-reads.js';
import { MemoryResponseStore, RedisResponseStore } from './stores.js';

export {
  createResponseCachePlugin,
  type CacheExtension,
  type ResponseCache,
} from './response-cache.js';
export { MemoryResponseStore, RedisResponseStore, type ResponseStore } from './stores.js';

/**
 * Anonymous and READER requests share answers (no resolver reads differently for them);
 * EDITOR and ADMIN keys, whose holders check what they have just written, never use the cache.
 */
export function servesViewer(context: Context): boolean {
  return context.viewer.kind === 'anonymous' || context.viewer.role === 'READER';
}

export async function createResponseCache(
  config: ResponseCacheConfig,
  database: Database,
  { redis = null, publicUrl }: { redis?: GuardedRedis | null; publicUrl: string },
): Promise<ResponseCache<Context>> {
  // One shared reader per database handle a request may read from (primary, replicas).
  const readers = new WeakMap<Db, () => Promise<string>>();
  const versionReader = (db: Db) => {
    let read = readers.get(db);
    if (!read) readers.set(db, (read = sharedReads(() => readDataVersion(db))));
    return read;
  };
  const schemaHash = createHash('sha256').update(typeDefs).digest('hex').slice(0, 16);
  return {
    store: redis
      ? new RedisResponseStore(redis, config.ttlSeconds)
      : new MemoryResponseStore({ maxBytes: config.maxBytes, maxEntries: config.maxEntries }),
    readVersion: (context) => versionReader(context.db)(),
    // PUBLIC_URL is in answers (Deal.howToCite, exportUrl); instances behind different public
    // names, or running different schemas, must not share them.
    namespace: JSON.stringify([await databaseIdentity(database), schemaHash, publicUrl]),
    servesViewer,
    maxEntryBytes: config.maxEntryBytes,
  };
}
