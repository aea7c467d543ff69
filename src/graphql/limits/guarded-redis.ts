// One Redis connection for everything the process keeps in Redis (rate-limit buckets, cached
// responses), guarded so that Redis can never take the API down: commands fail fast while it
// is unreachable, and a circuit breaker stops asking a Redis that keeps failing.
import { Redis } from 'ioredis';
import type { Logger } from '../../logger.js';

/**
 * Stops calling a dependency that keeps failing: after `failuresToOpen` failures in a row it
 * opens, and for `reopenAfterMs` every call is refused at once; then one call is let through as
 * a probe, and its outcome closes the breaker or opens it again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private probing = false;

  constructor(
    private readonly failuresToOpen: number,
    private readonly reopenAfterMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whether a call may be made now; true for at most one probe while half-open. */
  allows(): boolean {
    if (this.failures < this.failuresToOpen) return true;
    if (this.now() < this.openUntil || this.probing) return false;
    this.probing = true;
    return true;
  }

  succeeded(): void {
    this.failures = 0;
    this.probing = false;
  }

  /** Records a failure; true when this one opened the breaker. */
  failed(): boolean {
    this.failures += 1;
    this.probing = false;
    if (this.failures < this.failuresToOpen) return false;
    this.openUntil = this.now() + this.reopenAfterMs;
    return this.failures === this.failuresToOpen;
  }
}

export interface GuardedRedisOptions {
  /** How long to stop asking Redis after it failed three times in a row. */
  reopenAfterMs?: number;
}

/** What a command gave, or that Redis could not answer (the caller falls back). */
export type RedisOutcome<T> = { ok: true; value: T } | { ok: false };

/**
 * A Redis connection whose commands either answer within a few hundred milliseconds or report
 * that Redis is unavailable; never a hang, never an error to the caller. A Redis that is frozen
 * rather than down (connections open, no answers) would make every request wait out the
 * command timeout, so after three failures in a row a circuit breaker skips Redis for a while,
 * then probes it. Shared by every user of Redis in the process, so one breaker judges it.
 */
export class GuardedRedis {
  private readonly redis: Redis;
  private readonly breaker: CircuitBreaker;
  /** Settles once the first connection is made or has failed; never rejects. */
  private readonly firstConnection: Promise<void>;
  private lastWarning = 0;

  constructor(
    url: string,
    private readonly logger: Logger,
    { reopenAfterMs = 10_000 }: GuardedRedisOptions = {},
  ) {
    this.breaker = new CircuitBreaker(3, reopenAfterMs);
    this.redis = new Redis(url, {
      // Fail at once while disconnected (the caller falls back) rather than queue commands.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: 1000,
      commandTimeout: 500,
    });
    // Without a listener ioredis prints every reconnection error; one warning a minute is enough.
    this.redis.on('error', (error: Error) => this.warn(error));
    this.firstConnection = new Promise<void>((resolve) => {
      this.redis.once('ready', resolve);
      this.redis.once('error', () => resolve());
      setTimeout(resolve, 1000).unref();
    });
  }

  /** Runs `command` on Redis; `{ ok: false }` when Redis is unavailable or the command failed. */
  async run<T>(command: (redis: Redis) => Promise<T>): Promise<RedisOutcome<T>> {
    // Commands issued while the first connection is being made wait for it (at most a second,
    // once); later outages fail at once, since the offline queue is off.
    if (this.redis.status === 'connecting' || this.redis.status === 'connect') {
      await this.firstConnection;
    }
    if (!this.breaker.allows()) return { ok: false };
    try {
      const value = await command(this.redis);
      this.breaker.succeeded();
      return { ok: true, value };
    } catch (error) {
      if (this.breaker.failed()) {
        this.logger.warn('Redis keeps failing; not asking it for a while');
      }
      this.warn(error as Error);
      return { ok: false };
    }
  }

  private warn(error: Error) {
    const now = Date.now();
    if (now - this.lastWarning < 60_000) return;
    this.lastWarning = now;
    this.logger.warn(
      { err: { message: error.message } },
      'Redis unavailable: in-process rate-limit buckets, no shared response cache',
    );
  }

  close(): void {
    this.redis.disconnect();
  }
}
