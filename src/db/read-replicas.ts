// Read replicas (DATABASE_READ_URL): read-only queries go to a streaming replica, everything
// else to the primary. Which request may read from a replica is decided per operation, once
// it is known (src/graphql/read-routing.ts); this module keeps the replicas, their health and
// each client's recent writes.
import type { DatabaseConfig } from '../config.js';
import type { Logger } from '../logger.js';
import { openDatabase, type Database } from './client.js';

/** How often each replica is pinged. */
const HEALTH_INTERVAL_MS = 1_000;

export interface ReadReplicas {
  /** A healthy replica, in turn; null when none is (reads then go to the primary). */
  pick(): Database | null;
  /** Remembers that `clientId` has just written: its reads go to the primary for a while. */
  noteWrite(clientId: string): void;
  /** Whether `clientId` wrote so recently that a replica may not have its write yet. */
  wroteRecently(clientId: string): boolean;
  close(): Promise<void>;
}

interface Replica {
  database: Database;
  healthy: boolean;
}

/**
 * Opens a pool per replica URL (same pool sizes and timeouts as the primary's) and starts
 * pinging them. A replica that fails a ping, or whose pool reports a broken connection, is left
 * out until a ping succeeds again: a stopped replica costs at most the requests of about one
 * health interval, after which reads fall back to the primary.
 */
export async function openReadReplicas(
  primary: Extract<DatabaseConfig, { kind: 'postgres' }>,
  readAfterWriteMs: number,
  logger: Logger,
): Promise<ReadReplicas | null> {
  if (!primary.readUrls?.length) return null;
  const replicas: Replica[] = [];
  // One place notes a change of health, so each change is logged once, with its cause.
  const setHealth = (replica: Replica, healthy: boolean, error?: unknown) => {
    if (healthy === replica.healthy) return;
    replica.healthy = healthy;
    const fields = { replica: replicas.indexOf(replica) + 1, ...(error ? { err: error } : {}) };
    if (healthy) logger.info(fields, 'replica back');
    else logger.warn(fields, 'replica down');
  };
  for (const url of primary.readUrls) {
    const replica: Replica = { database: undefined as unknown as Database, healthy: true };
    replica.database = await openDatabase(
      { ...primary, url, readUrls: [] },
      { onPoolError: (error) => setHealth(replica, false, error) },
    );
    replicas.push(replica);
  }
  const check = (replica: Replica) =>
    replica.database.ping().then(
      () => setHealth(replica, true),
      (error: unknown) => setHealth(replica, false, error),
    );
  await Promise.all(replicas.map(check));
  let checking = false;
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    void Promise.all(replicas.map(check)).finally(() => (checking = false));
  }, HEALTH_INTERVAL_MS);
  timer.unref();

  let next = 0;
  // Per process: a client whose next connection lands on another worker or instance within
  // the window may read from a replica that lacks its write (README, Limits).
  const lastWrite = new Map<string, number>();
  return {
    pick() {
      for (let i = 0; i < replicas.length; i++) {
        const replica = replicas[(next + i) % replicas.length]!;
        if (replica.healthy) {
          next = (next + i + 1) % replicas.length;
          return replica.database;
        }
      }
      return null;
    },
    noteWrite(clientId) {
      const now = Date.now();
      lastWrite.set(clientId, now);
      // Forget expired entries now and then, so the map stays as small as the recent writers.
      if (lastWrite.size > 1_000) {
        for (const [id, at] of lastWrite) if (now - at > readAfterWriteMs) lastWrite.delete(id);
      }
    },
    wroteRecently(clientId) {
      const at = lastWrite.get(clientId);
      return at !== undefined && Date.now() - at < readAfterWriteMs;
    },
    async close() {
      clearInterval(timer);
      await Promise.all(replicas.map((r) => r.database.close()));
    },
  };
}
