// Rate limiting, shared by the HTTP layer (a 1-point admission check before the body is read)
// and the limits plugin (the query's cost once it is known): a token bucket per client, kept
// in this process or, when REDIS_URL is set, in Redis so that every instance draws on one budget.
import { Redis } from 'ioredis';
import type { RateLimitConfig, RateLimitPolicy } from '../../config.js';
import type { Logger } from '../../logger.js';

/** Who a budget belongs to. `id` is safe to log: a key is only ever present as a hash. */
export interface ClientIdentity {
  kind: 'anonymous' | 'key';
  id: string;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** Points left after this request (or before it, when refused). */
  available: number;
  /** Seconds until `points` would be available; 0 when allowed. */
  retryAfterSeconds: number;
  policy: RateLimitPolicy;
}

export interface RateLimiter {
  /**
   * Takes `points` from the client's bucket if it holds that many; never waits. `always`
   * takes them whatever the bucket holds, down to empty: for work already done.
   */
  take(client: ClientIdentity, points: number, always?: boolean): Promise<RateLimitDecision>;
  close(): Promise<void>;
}

/**
 * The budget a request draws on: its authenticated API key's (by the key's ID, so the secret is
 * never kept or logged), or else its client address's — also for a key that did not
 * authenticate.
 */
export function clientIdentity(
  keyId: string | null,
  remoteAddress: string | undefined,
): ClientIdentity {
  if (keyId) return { kind: 'key', id: `key:${keyId}` };
  return { kind: 'anonymous', id: `ip:${remoteAddress ?? 'unknown'}` };
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

// Buckets that have refilled completely are dropped past this many, so that a scan of many
// addresses cannot grow memory without bound.
const MAX_IDLE_BUCKETS = 10_000;

/** Token buckets in this process: right for one instance, and the fallback when Redis fails. */
export class LocalRateLimiter implements RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly config: Pick<RateLimitConfig, 'anonymous' | 'key'>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  take(client: ClientIdentity, points: number, always = false): Promise<RateLimitDecision> {
    const policy = this.config[client.kind];
    const now = this.now();
    const bucket = this.buckets.get(client.id) ?? { tokens: policy.burst, updatedAt: now };
    bucket.tokens = Math.min(
      policy.burst,
      bucket.tokens + ((now - bucket.updatedAt) / 1000) * policy.perSecond,
    );
    bucket.updatedAt = now;
    const allowed = always || bucket.tokens >= points;
    if (allowed) bucket.tokens = Math.max(0, bucket.tokens - points);
    this.buckets.set(client.id, bucket);
    if (this.buckets.size > MAX_IDLE_BUCKETS) this.sweep(now);
    return Promise.resolve(decision(policy, allowed, bucket.tokens, points));
  }

  private sweep(now: number) {
    for (const [id, bucket] of this.buckets) {
      const policy = this.config[id.startsWith('key:') ? 'key' : 'anonymous'];
      const full =
        bucket.tokens + ((now - bucket.updatedAt) / 1000) * policy.perSecond >= policy.burst;
      if (full) this.buckets.delete(id);
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

function decision(
  policy: RateLimitPolicy,
  allowed: boolean,
  available: number,
  points: number,
): RateLimitDecision {
  return {
    allowed,
    available,
    retryAfterSeconds: allowed ? 0 : (points - available) / policy.perSecond,
    policy,
  };
}

// One round trip, atomic: refill by the time passed (Redis's clock, the same for every
// instance), take if enough, expire once the bucket would be full again anyway.
const TAKE_SCRIPT = `
local burst = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or burst
local ts = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate / 1000)
local allowed = 0
if tokens >= cost or ARGV[4] == '1' then
  tokens = math.max(0, tokens - cost)
  allowed = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate * 1000) + 1000)
return { allowed, tostring(tokens) }
`;

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

export interface RedisRateLimiterOptions {
  /** Prefix of every bucket's key. */
  prefix?: string;
  /** How long to stop asking Redis after it failed three times in a row. */
  reopenAfterMs?: number;
}

/**
 * Buckets in Redis, shared by every instance. If Redis does not answer within a few hundred
 * milliseconds the request is judged by this process's own buckets instead: an outage of the
 * limiter must not become an outage of the API. A Redis that is frozen rather than down
 * (connections open, no answers) would make every request wait out the command timeout, so
 * after three failures in a row a circuit breaker skips Redis for a while, then probes it.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis;
  private readonly fallback: LocalRateLimiter;
  private readonly breaker: CircuitBreaker;
  private readonly prefix: string;
  /** Settles once the first connection is made or has failed; never rejects. */
  private readonly firstConnection: Promise<void>;
  private lastWarning = 0;

  constructor(
    url: string,
    private readonly config: Pick<RateLimitConfig, 'anonymous' | 'key'>,
    private readonly logger: Logger,
    { prefix = 'armstrail:ratelimit:', reopenAfterMs = 10_000 }: RedisRateLimiterOptions = {},
  ) {
    this.prefix = prefix;
    this.breaker = new CircuitBreaker(3, reopenAfterMs);
    this.fallback = new LocalRateLimiter(config);
    this.redis = new Redis(url, {
      // Fail at once while disconnected (the fallback answers) rather than queue requests.
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

  async take(client: ClientIdentity, points: number, always = false): Promise<RateLimitDecision> {
    const policy = this.config[client.kind];
    // Requests that arrive while the first connection is being made wait for it (at most a
    // second, once); later outages fall back at once, since the offline queue is off.
    if (this.redis.status === 'connecting' || this.redis.status === 'connect') {
      await this.firstConnection;
    }
    if (!this.breaker.allows()) return this.fallback.take(client, points, always);
    try {
      const reply = (await this.redis.eval(
        TAKE_SCRIPT,
        1,
        this.prefix + client.id,
        policy.burst,
        policy.perSecond,
        points,
        always ? '1' : '0',
      )) as [number, string];
      this.breaker.succeeded();
      return decision(policy, reply[0] === 1, Number(reply[1]), points);
    } catch (error) {
      if (this.breaker.failed()) {
        this.logger.warn('rate limiter: Redis keeps failing; not asking it for a while');
      }
      this.warn(error as Error);
      return this.fallback.take(client, points, always);
    }
  }

  private warn(error: Error) {
    const now = Date.now();
    if (now - this.lastWarning < 60_000) return;
    this.lastWarning = now;
    this.logger.warn(
      { err: { message: error.message } },
      'rate limiter: Redis unavailable, using in-process buckets',
    );
  }

  async close(): Promise<void> {
    this.redis.disconnect();
    await this.fallback.close();
  }
}

/**
 * A limiter of other budgets than the GraphQL points (the bulk export's deals): in Redis under
 * `prefix` when `redisUrl` is set, so that its buckets never mix with the points' ones.
 */
export function createRateLimiterWith(
  policies: Pick<RateLimitConfig, 'anonymous' | 'key'>,
  redisUrl: string | null,
  logger: Logger,
  prefix: string,
): RateLimiter {
  return redisUrl
    ? new RedisRateLimiter(redisUrl, policies, logger, { prefix })
    : new LocalRateLimiter(policies);
}

/** The limiter the configuration asks for, or null when rate limiting is off. */
export function createRateLimiter(config: RateLimitConfig, logger: Logger): RateLimiter | null {
  if (!config.enabled) return null;
  return config.redisUrl
    ? new RedisRateLimiter(config.redisUrl, config, logger)
    : new LocalRateLimiter(config);
}
