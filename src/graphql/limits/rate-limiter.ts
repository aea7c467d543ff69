// Rate limiting, shared by the HTTP layer (a 1-point admission check before the body is read)
// and the limits plugin (the query's cost once it is known): a token bucket per client, kept
// in this process or, when REDIS_URL is set, in Redis so that every instance draws on one budget.
import type { RateLimitConfig, RateLimitPolicy } from '../../config.js';
import type { Logger } from '../../logger.js';
import { GuardedRedis, type GuardedRedisOptions } from './guarded-redis.js';

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

export interface RedisRateLimiterOptions extends GuardedRedisOptions {
  /** Prefix of every bucket's key. */
  prefix?: string;
}

/**
 * Buckets in Redis, shared by every instance. If Redis cannot answer (down, frozen, slow; see
 * GuardedRedis) the request is judged by this process's own buckets instead: an outage of the
 * limiter must not become an outage of the API.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly redis: GuardedRedis;
  /** Whether this limiter opened the connection (and so closes it). */
  private readonly ownsConnection: boolean;
  private readonly fallback: LocalRateLimiter;
  private readonly prefix: string;

  constructor(
    redis: string | GuardedRedis,
    private readonly config: Pick<RateLimitConfig, 'anonymous' | 'key'>,
    logger: Logger,
    { prefix = 'armstrail:ratelimit:', reopenAfterMs }: RedisRateLimiterOptions = {},
  ) {
    this.prefix = prefix;
    this.ownsConnection = typeof redis === 'string';
    this.redis =
      typeof redis === 'string' ? new GuardedRedis(redis, logger, { reopenAfterMs }) : redis;
    this.fallback = new LocalRateLimiter(config);
  }

  async take(client: ClientIdentity, points: number, always = false): Promise<RateLimitDecision> {
    const policy = this.config[client.kind];
    const reply = await this.redis.run(
      (redis) =>
        redis.eval(
          TAKE_SCRIPT,
          1,
          this.prefix + client.id,
          policy.burst,
          policy.perSecond,
          points,
          always ? '1' : '0',
        ) as Promise<[number, string]>,
    );
    if (!reply.ok) return this.fallback.take(client, points, always);
    return decision(policy, reply.value[0] === 1, Number(reply.value[1]), points);
  }

  async close(): Promise<void> {
    if (this.ownsConnection) this.redis.close();
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

/**
 * The limiter the configuration asks for, or null when rate limiting is off; in Redis through
 * `redis` when given (the process's shared connection), else through a connection of its own
 * when REDIS_URL is set.
 */
export function createRateLimiter(
  config: RateLimitConfig,
  logger: Logger,
  redis: GuardedRedis | null = null,
): RateLimiter | null {
  if (!config.enabled) return null;
  const connection = redis ?? config.redisUrl;
  return connection
    ? new RedisRateLimiter(connection, config, logger)
    : new LocalRateLimiter(config);
}
