// Rate limiting by cost: the real HTTP layer and Apollo server over a real test database, with
// small budgets; in-process buckets, and buckets shared by two instances through Redis.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createRateLimiter,
  LocalRateLimiter,
  type RateLimiter,
} from '../../src/graphql/limits/index.js';
import { createApiKey } from '../../src/modules/auth/api-keys.service.js';
import { postGraphQL } from '../support/real-server.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { REDIS_URL, redisReachable } from '../support/redis.js';
import { serveHttp } from '../support/test-api.js';

const logger = pino({ level: 'silent' });
// Buckets that refill too slowly to matter while a test runs: on a loaded machine seconds pass
// between two requests, and a faster refill made exact budgets flaky (a point back, a 200).
const POLICY = {
  anonymous: { burst: 100, perSecond: 0.01 },
  key: { burst: 400, perSecond: 0.01 },
};
// 1 admission point + cost 1 + 10 × (1 + 1) = 22 points.
const QUERY = '{ deals(first: 10) { nodes { supplier { name } } } }';

let database: TestDatabase;
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await database.close();
});

async function listen(rateLimiter: RateLimiter): Promise<string> {
  const serving = await serveHttp({ database, logger, rateLimiter });
  closers.push(async () => {
    await serving.close();
    await rateLimiter.close();
  });
  return serving.url;
}

describe('the token bucket', () => {
  it('refuses what the bucket cannot pay, says when to retry, and refills with time', async () => {
    let now = 0;
    const limiter = new LocalRateLimiter(
      { ...POLICY, anonymous: { burst: 100, perSecond: 10 } },
      () => now,
    );
    const client = { kind: 'anonymous' as const, id: 'ip:test' };
    expect((await limiter.take(client, 80)).allowed).toBe(true);
    const refused = await limiter.take(client, 50);
    expect(refused).toMatchObject({ allowed: false, available: 20 });
    expect(refused.retryAfterSeconds).toBeCloseTo(3);
    now += 3_000;
    expect((await limiter.take(client, 50)).allowed).toBe(true);
    // Another client has a budget of its own.
    expect((await limiter.take({ kind: 'anonymous', id: 'ip:other' }, 100)).allowed).toBe(true);
  });
});

describe('rate limiting over HTTP', () => {
  it('charges each query its cost and answers 429 with Retry-After once the budget is spent', async () => {
    const url = await listen(new LocalRateLimiter(POLICY));
    const first = await postGraphQL(url, { query: QUERY });
    expect(first.status).toBe(200);
    expect(first.body.extensions?.cost).toMatchObject({
      requested: 21,
      throttle: { available: 100 - 22, burst: 100, perSecond: 0.01 },
    });
    const statuses = [first.status];
    let refused = first;
    // Bounded: the budget of 100 points pays for four such queries at most.
    for (let i = 0; i < 6 && refused.status !== 429; i++) {
      refused = await postGraphQL(url, { query: QUERY });
      statuses.push(refused.status);
    }
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const [error] = refused.body.errors ?? [];
    expect(error?.extensions?.code).toBe('RATE_LIMITED');
    expect(error?.message).toMatch(/costs 21 points and \d+ are available.*retry after \d+ s/);
  });

  it("charges each request its own variables' cost when one operation comes again", async () => {
    // The server keeps an operation's cost for its variables: it must never charge one set of
    // variables what another costs, nor let a refused set through the second time.
    const url = await listen(
      new LocalRateLimiter({ ...POLICY, anonymous: { burst: 10_000, perSecond: 0.01 } }),
    );
    const query = 'query Q($n: Int) { deals(first: $n) { nodes { supplier { name } } } }';
    const costs: unknown[] = [];
    for (const n of [10, 20, 10, 500, 20, 500]) {
      const answer = await postGraphQL(url, { query, variables: { n } });
      const cost = answer.body.extensions?.cost as { requested: number } | undefined;
      costs.push(cost?.requested ?? answer.body.errors?.[0]?.extensions?.code);
    }
    expect(costs).toEqual([21, 41, 21, 'BAD_USER_INPUT', 41, 'BAD_USER_INPUT']);
  });

  it('charges a refused document for the work of refusing it, so refusals cannot flood', async () => {
    // With 1 point a refusal, the 100-point budget would pay for 100 of them; each costs
    // REFUSED_REQUEST_COST (parsing and validating a document is real work).
    const url = await listen(
      new LocalRateLimiter({ ...POLICY, anonymous: { burst: 100, perSecond: 1 } }),
    );
    const statuses: number[] = [];
    // Bounded: 10 requests.
    for (let i = 0; i < 10; i++) {
      statuses.push((await postGraphQL(url, { query: '{ deals { noSuchField } }' })).status);
    }
    expect(statuses.slice(0, 2)).toEqual([400, 400]);
    expect(statuses.slice(-5)).toEqual(Array(5).fill(429));
  });

  it('refuses a client whose bucket is empty before reading its request', async () => {
    const limiter = new LocalRateLimiter(POLICY);
    const url = await listen(limiter);
    await limiter.take({ kind: 'anonymous', id: 'ip:127.0.0.1' }, 100);
    const answer = await postGraphQL(url, { query: '{ __typename }' });
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('gives each API key a budget of its own, apart from its address', async () => {
    const limiter = new LocalRateLimiter(POLICY);
    const url = await listen(limiter);
    const { key } = await createApiKey(database.db, { name: 'Own budget', role: 'READER' });
    await limiter.take({ kind: 'anonymous', id: 'ip:127.0.0.1' }, 100);
    await limiter.take({ kind: 'anonymous', id: 'ip:::ffff:127.0.0.1' }, 100);
    const answer = await postGraphQL(url, { query: QUERY }, { authorization: `Bearer ${key}` });
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body.extensions?.cost).toMatchObject({ throttle: { burst: 400 } });
  });

  it('charges requests with made-up keys to their address, not to a fresh budget each', async () => {
    // A refill too slow to matter however slowly this loop runs (a loaded machine took 2.4 s):
    // the address's 50 points pay for about 50 refusals, then every request is refused.
    const url = await listen(
      new LocalRateLimiter({ ...POLICY, anonymous: { burst: 50, perSecond: 0.01 } }),
    );
    const statuses: number[] = [];
    // Bounded: 120 requests.
    for (let i = 0; i < 120; i++) {
      const key = `arm_${randomBytes(32).toString('base64url')}`;
      statuses.push(
        (await postGraphQL(url, { query: QUERY }, { authorization: `Bearer ${key}` })).status,
      );
    }
    expect(statuses.slice(0, 45).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(-10)).toEqual(Array(10).fill(429));
  });
});

const withRedis = await redisReachable();
if (!withRedis) console.warn(`Skipping the shared rate-limit tests: no Redis at ${REDIS_URL}`);

describe.skipIf(!withRedis)('rate limiting shared through Redis', () => {
  it('makes two instances draw on one budget', async () => {
    // A unique address per run: Redis keeps buckets between runs until they refill.
    const config = { ...POLICY, enabled: true, redisUrl: REDIS_URL };
    const a = createRateLimiter(config, logger)!;
    const b = createRateLimiter(config, logger)!;
    closers.push(
      () => a.close(),
      () => b.close(),
    );
    const client = { kind: 'anonymous' as const, id: `ip:test-${Date.now()}-${Math.random()}` };
    expect((await a.take(client, 70)).allowed).toBe(true);
    const fromB = await b.take(client, 70);
    expect(fromB.allowed).toBe(false);
    expect(fromB.available).toBeGreaterThanOrEqual(30);
    expect(fromB.available).toBeLessThan(32);
    expect((await b.take(client, 25)).allowed).toBe(true);
  });

  it('serves two HTTP instances from the same budget', async () => {
    const config = { ...POLICY, enabled: true, redisUrl: REDIS_URL };
    // Each instance of its own, one Redis; the loopback address is the shared client.
    const urlA = await listen(createRateLimiter(config, logger)!);
    const urlB = await listen(createRateLimiter(config, logger)!);
    const cleanup = new Redis(REDIS_URL);
    await cleanup.del(
      'armstrail:ratelimit:ip:127.0.0.1',
      'armstrail:ratelimit:ip:::ffff:127.0.0.1',
    );
    cleanup.disconnect();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await postGraphQL(i % 2 === 0 ? urlA : urlB, { query: QUERY })).status);
    }
    expect(statuses.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(statuses).toContain(429);
  });
});

// No Redis needed: the point is that there is none.
describe('rate limiting with Redis unreachable', () => {
  it('falls back to in-process buckets when Redis is unreachable', async () => {
    const limiter = createRateLimiter(
      { ...POLICY, enabled: true, redisUrl: 'redis://127.0.0.1:1' },
      logger,
    )!;
    closers.push(() => limiter.close());
    const client = { kind: 'anonymous' as const, id: 'ip:fallback' };
    const started = performance.now();
    expect((await limiter.take(client, 60)).allowed).toBe(true);
    expect((await limiter.take(client, 60)).allowed).toBe(false);
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});
