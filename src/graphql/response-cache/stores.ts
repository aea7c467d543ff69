// Where cached responses live: in this process (a bounded LRU), or in Redis, shared by every
// instance. A store holds the JSON text of an answer's `data` under an opaque key that already
// names the data version; it never decides what may be cached.
import type { GuardedRedis } from '../limits/guarded-redis.js';

export interface ResponseStore {
  /** The stored text, or undefined (absent, evicted, expired, or the store is unavailable). */
  get(key: string): Promise<string | undefined>;
  /** Stores `value`, read at data version `version`; never throws. */
  set(key: string, value: string, version: bigint): Promise<void>;
  readonly kind: 'memory' | 'redis';
}

export interface MemoryStoreLimits {
  /** Characters of JSON text held at most, keys included (about bytes: answers are mostly ASCII). */
  maxBytes: number;
  maxEntries: number;
}

interface Entry {
  value: string;
  version: bigint;
  size: number;
}

/**
 * Least-recently-used answers, within a size and a count. An answer is only ever asked for at
 * the data version it was read at, so once a newer version is seen every older entry is dead:
 * they are dropped at once rather than left to age out, and an answer read at an older version
 * than the newest seen (a slow request that started before a write) is not stored.
 */
export class MemoryResponseStore implements ResponseStore {
  readonly kind = 'memory';
  // A Map iterates in insertion order: re-inserting on every hit keeps the least recent first.
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  private newest = -1n;

  constructor(private readonly limits: MemoryStoreLimits) {}

  get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return Promise.resolve(entry?.value);
  }

  set(key: string, value: string, version: bigint): Promise<void> {
    const size = key.length + value.length;
    if (version < this.newest || size > this.limits.maxBytes) return Promise.resolve();
    if (version > this.newest) {
      this.newest = version;
      for (const [k, entry] of this.entries) if (entry.version < version) this.remove(k, entry);
    }
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous);
    this.entries.set(key, { value, version, size });
    this.bytes += size;
    for (const [k, entry] of this.entries) {
      if (this.bytes <= this.limits.maxBytes && this.entries.size <= this.limits.maxEntries) break;
      this.remove(k, entry);
    }
    return Promise.resolve();
  }

  /** Entries and characters held (tests and the benchmark report them). */
  get usage(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private remove(key: string, entry: Entry) {
    this.entries.delete(key);
    this.bytes -= entry.size;
  }
}

/**
 * Answers in Redis, shared by every instance on the same database. Entries expire after
 * `ttlSeconds`: a write makes every older entry unreachable (its key names the old version),
 * and the expiry is what reclaims them. When Redis cannot answer, `get` is a miss and `set`
 * does nothing: the request is served from the database, never refused.
 */
export class RedisResponseStore implements ResponseStore {
  readonly kind = 'redis';

  constructor(
    private readonly redis: GuardedRedis,
    private readonly ttlSeconds: number,
    private readonly prefix = 'armstrail:response:',
  ) {}

  async get(key: string): Promise<string | undefined> {
    const reply = await this.redis.run((redis) => redis.get(this.prefix + key));
    return reply.ok ? (reply.value ?? undefined) : undefined;
  }

  async set(key: string, value: string): Promise<void> {
    await this.redis.run((redis) => redis.set(this.prefix + key, value, 'EX', this.ttlSeconds));
  }
}
