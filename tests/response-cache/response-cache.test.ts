// The response cache over the real HTTP layer and Apollo server, on a real test database: hits
// are served and say so, any committed write (through the API, or raw SQL on another
// connection) makes the next request a miss, answers never cross operations or variables, and
// EDITOR, ADMIN, mutations and the change feed never touch it. In memory, and in Redis (two
// instances sharing it) when a Redis server answers.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { queryRows } from '../../src/db/client.js';
import { GuardedRedis, LocalRateLimiter } from '../../src/graphql/limits/index.js';
import {
  createResponseCache,
  MemoryResponseStore,
} from '../../src/graphql/response-cache/index.js';
import { sharedReads } from '../../src/graphql/response-cache/shared-reads.js';
import { createHttpServer } from '../../src/http.js';
import { createApiKey } from '../../src/modules/auth/api-keys.service.js';
import { createApolloServer } from '../../src/server.js';
import { postGraphQL, type HttpAnswer } from '../support/real-server.js';
import {
  createTestDatabase,
  testDatabaseUrl,
  withClient,
  type TestDatabase,
} from '../support/test-database.js';
import { REDIS_URL, redisReachable } from '../support/redis.js';

const logger = pino({ level: 'silent' });
const CACHE_CONFIG = loadConfig({}).responseCache;

const ACTORS = `query Actors($name: String, $first: Int) {
  actors(filter: { name: $name }, first: $first) { totalCount nodes { name } } }`;
const TWO_OPERATIONS = `query Kazan { actors(filter: { name: "Kazan" }) { nodes { name } } }
  query Mali { actors(filter: { name: "Mali" }) { nodes { name } } }`;
const CREATE_ACTOR = `mutation($input: CreateActorInput!) { createActor(input: $input) { actor { name } } }`;

let database: TestDatabase;
let keys: Record<'reader' | 'editor' | 'admin', string>;
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  keys = {
    reader: (await createApiKey(database.db, { name: 'Dash Board', role: 'READER' })).key,
    editor: (await createApiKey(database.db, { name: 'Ed Itor', role: 'EDITOR' })).key,
    admin: (await createApiKey(database.db, { name: 'Ad Min', role: 'ADMIN' })).key,
  };
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await database.close();
});

/** An instance (Apollo + HTTP) over the test database, with a cache in memory or in `redis`. */
async function listen({ redis = null }: { redis?: GuardedRedis | null } = {}) {
  const responseCache = await createResponseCache(CACHE_CONFIG, database, {
    redis,
    publicUrl: 'http://localhost:4000',
  });
  // Buckets that hardly refill: each answer's budget shows what this request paid.
  const rateLimiter = new LocalRateLimiter({
    anonymous: { burst: 1_000_000, perSecond: 0.001 },
    key: { burst: 1_000_000, perSecond: 0.001 },
  });
  const apollo = createApolloServer(logger, { rateLimiter, responseCache });
  await apollo.start();
  const server: Server = createHttpServer({ apollo, database, logger, rateLimiter });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    await new Promise((resolve) => server.close(resolve));
    await apollo.stop();
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return {
    responseCache,
    ask: (body: unknown, key?: keyof typeof keys): Promise<HttpAnswer> =>
      postGraphQL(url, body, key ? { authorization: `Bearer ${keys[key]}` } : {}),
  };
}

const cacheOf = (answer: HttpAnswer) =>
  answer.body.extensions?.cache as { hit: boolean; version: string } | undefined;
const names = (answer: HttpAnswer) =>
  (answer.body.data as { actors: { nodes: { name: string }[] } }).actors.nodes.map((a) => a.name);

/** Raw SQL on a connection of its own (PostgreSQL), or on the database handle (PGlite). */
async function writeBehindTheApi(statement: string): Promise<void> {
  if (!testDatabaseUrl) {
    await database.db.execute(sql.raw(statement));
    return;
  }
  const [row] = await queryRows<{ db: string }>(database.db, sql`select current_database() as db`);
  const url = new URL(testDatabaseUrl);
  url.pathname = `/${row!.db}`;
  await withClient(url.toString(), (client) => client.query(statement));
}

describe('the response cache in memory', () => {
  it('serves a repeated query from the cache, says so, and runs no statement but the version', async () => {
    const { ask } = await listen();
    const query = { query: ACTORS, variables: { name: 'Kazan', first: 5 } };
    const miss = await ask(query);
    expect(miss.status).toBe(200);
    expect(cacheOf(miss)).toMatchObject({ hit: false });
    database.statements.reset();
    const hit = await ask(query);
    expect(hit.status).toBe(200);
    expect(cacheOf(hit)).toEqual({ hit: true, version: cacheOf(miss)!.version });
    expect(hit.body.data).toEqual(miss.body.data);
    expect(database.statements.log).toEqual([expect.stringMatching(/from data_version/)]);
    // The per-request part stays per request: the budget left is this request's.
    const budget = (a: HttpAnswer) =>
      (a.body.extensions?.cost as { throttle: { available: number } }).throttle.available;
    expect(budget(hit)).toBeLessThan(budget(miss));
  });

  it('treats variables given in another order as the same request', async () => {
    const { ask } = await listen();
    await ask({ query: ACTORS, variables: { name: 'Mali', first: 3 } });
    const again = await ask({ query: ACTORS, variables: { first: 3, name: 'Mali' } });
    expect(cacheOf(again)?.hit).toBe(true);
  });

  it('never gives one set of variables, or one operation, the answer of another', async () => {
    const { ask } = await listen();
    const kazan = await ask({ query: ACTORS, variables: { name: 'Kazan', first: 5 } });
    const mali = await ask({ query: ACTORS, variables: { name: 'Mali', first: 5 } });
    expect(cacheOf(mali)?.hit).toBe(false);
    expect(names(kazan).every((n) => /kazan/i.test(n))).toBe(true);
    expect(names(mali).some((n) => /mali/i.test(n))).toBe(true);
    expect(names(mali)).not.toEqual(names(kazan));

    const first = await ask({ query: TWO_OPERATIONS, operationName: 'Kazan' });
    const second = await ask({ query: TWO_OPERATIONS, operationName: 'Mali' });
    expect(cacheOf(second)?.hit).toBe(false);
    expect(names(second)).not.toEqual(names(first));
    expect(cacheOf(await ask({ query: TWO_OPERATIONS, operationName: 'Mali' }))?.hit).toBe(true);
  });

  it('misses after a write through the API: a client that writes, then reads, sees its write', async () => {
    const { ask } = await listen();
    const query = { query: ACTORS, variables: { name: 'Cachefresh' } };
    await ask(query);
    expect(cacheOf(await ask(query))?.hit).toBe(true);
    const created = await ask(
      {
        query: CREATE_ACTOR,
        variables: { input: { kind: 'COMPANY', name: 'Cachefresh Works', reason: 'test' } },
      },
      'editor',
    );
    expect(created.body.errors).toBeUndefined();
    const after = await ask(query);
    expect(cacheOf(after)?.hit).toBe(false);
    expect(names(after)).toEqual(['Cachefresh Works']);
  });

  it('misses after a write made behind the API (raw SQL, on another connection on PostgreSQL)', async () => {
    const { ask } = await listen();
    const query = { query: ACTORS, variables: { name: 'Rawwrite' } };
    expect(names(await ask(query))).toEqual([]);
    expect(cacheOf(await ask(query))?.hit).toBe(true);
    await writeBehindTheApi(
      `insert into actors (kind, name) values ('COMPANY', 'Rawwrite Industries')`,
    );
    const after = await ask(query);
    expect(cacheOf(after)?.hit).toBe(false);
    expect(names(after)).toEqual(['Rawwrite Industries']);
  });

  it('shares answers between anonymous clients and READER keys', async () => {
    const { ask } = await listen();
    const query = { query: ACTORS, variables: { name: 'Kazan', first: 7 } };
    await ask(query);
    const reader = await ask(query, 'reader');
    expect(cacheOf(reader)?.hit).toBe(true);
  });

  it('stays out of EDITOR and ADMIN requests, mutations and the change feed', async () => {
    const { ask } = await listen();
    const query = { query: ACTORS, variables: { name: 'Kazan', first: 9 } };
    await ask(query);
    expect(cacheOf(await ask(query))?.hit).toBe(true);
    for (const role of ['editor', 'admin'] as const) {
      database.statements.reset();
      const answer = await ask(query, role);
      expect(answer.body.extensions?.cache).toBeUndefined();
      expect(answer.body.data).toBeTruthy();
      // Answered from the database: more than the key lookup and nothing of the version.
      expect(database.statements.log.some((s) => /from "actors"|from actors/i.test(s))).toBe(true);
      expect(database.statements.log.some((s) => /data_version/.test(s))).toBe(false);
    }
    for (let i = 0; i < 2; i++) {
      const mutation = await ask(
        {
          query: CREATE_ACTOR,
          variables: { input: { kind: 'COMPANY', name: 'Mutant Cache', reason: 'test' } },
        },
        'editor',
      );
      expect(mutation.body.errors).toBeUndefined();
      expect(mutation.body.extensions?.cache).toBeUndefined();
    }
    const feed = { query: '{ changes(first: 5) { nodes { action } } }' };
    await ask(feed);
    expect((await ask(feed)).body.extensions?.cache).toBeUndefined();
  });

  it('reads a missed answer once for requests that ask for it at the same time', async () => {
    const { ask } = await listen();
    const query = { query: ACTORS, variables: { name: 'Kazan', first: 11 } };
    const answers = await Promise.all(Array.from({ length: 6 }, () => ask(query)));
    expect(answers.filter((a) => cacheOf(a)?.hit === false)).toHaveLength(1);
    expect(new Set(answers.map((a) => JSON.stringify(a.body.data))).size).toBe(1);
  });

  it('refuses variables nested too deep to key as a bad request, not a 500', async () => {
    const { ask } = await listen();
    // Written as text: JSON.stringify itself would overflow on such a value.
    const deep = '['.repeat(20_000) + ']'.repeat(20_000);
    const answer = await ask(
      `{"query": ${JSON.stringify(ACTORS)}, "variables": {"name": ${deep}}}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('does not keep answers with errors', async () => {
    const { ask } = await listen();
    const bad = {
      query: '{ node(id: "QWN0b3I6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw") { id } }',
    };
    const first = await ask(bad);
    expect(first.body.errors?.length).toBeGreaterThan(0);
    expect(cacheOf(await ask(bad))?.hit).toBe(false);
  });
});

describe('shared version reads', () => {
  it('give a caller a value read after it asked, never one already being read', async () => {
    let reads = 0;
    const releases: (() => void)[] = [];
    const read = sharedReads(
      () =>
        new Promise<number>((resolve) => {
          const value = ++reads;
          releases.push(() => resolve(value));
        }),
    );
    const first = read();
    // Both arrive while read 1 runs: they share read 2, which starts once read 1 is done.
    const second = read();
    const third = read();
    expect(reads).toBe(1);
    releases[0]!();
    expect(await first).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(reads).toBe(2);
    releases[1]!();
    expect([await second, await third]).toEqual([2, 2]);
  });
});

describe('the in-process store', () => {
  it('holds no more than its bounds, least recently used out first', async () => {
    const store = new MemoryResponseStore({ maxBytes: 100, maxEntries: 3 });
    for (const key of ['a', 'b', 'c']) await store.set(key, 'x'.repeat(10), 1n);
    await store.get('a');
    await store.set('d', 'x'.repeat(10), 1n);
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBeDefined();
    await store.set('big', 'x'.repeat(95), 1n);
    expect(store.usage.bytes).toBeLessThanOrEqual(100);
    expect(await store.get('big')).toBeDefined();
    await store.set('huge', 'x'.repeat(200), 1n);
    expect(await store.get('huge')).toBeUndefined();
  });

  it('drops every entry of an older version once a newer one is stored, and refuses older ones', async () => {
    const store = new MemoryResponseStore({ maxBytes: 1000, maxEntries: 100 });
    await store.set('old', 'v1', 1n);
    await store.set('new', 'v2', 2n);
    expect(await store.get('old')).toBeUndefined();
    await store.set('late', 'v1 again', 1n);
    expect(await store.get('late')).toBeUndefined();
    expect(store.usage.entries).toBe(1);
  });
});

const withRedis = await redisReachable();
if (!withRedis) console.warn(`Skipping the Redis response-cache tests: no Redis at ${REDIS_URL}`);

describe.skipIf(!withRedis)('the response cache in Redis', () => {
  it('is shared by two instances, and a write through one is seen at once by the other', async () => {
    const redis = new GuardedRedis(REDIS_URL, logger);
    closers.push(() => Promise.resolve(redis.close()));
    const a = await listen({ redis });
    const b = await listen({ redis: new GuardedRedis(REDIS_URL, logger) });
    const query = { query: ACTORS, variables: { name: 'Sharedcache' } };
    const first = await a.ask(query);
    expect(cacheOf(first)?.hit).toBe(false);
    if (testDatabaseUrl) {
      // Two instances on one PostgreSQL database share keys.
      expect(cacheOf(await b.ask(query))?.hit).toBe(true);
    }
    await b.ask(
      {
        query: CREATE_ACTOR,
        variables: { input: { kind: 'COMPANY', name: 'Sharedcache Ltd', reason: 'test' } },
      },
      'editor',
    );
    const after = await a.ask(query);
    expect(cacheOf(after)?.hit).toBe(false);
    expect(names(after)).toEqual(['Sharedcache Ltd']);
    expect(cacheOf(await a.ask(query))?.hit).toBe(true);
  });
});

describe('the response cache with Redis unreachable', () => {
  it('answers every request from the database, without an error', async () => {
    const redis = new GuardedRedis('redis://127.0.0.1:1', logger);
    closers.push(() => Promise.resolve(redis.close()));
    const { ask } = await listen({ redis });
    const query = { query: ACTORS, variables: { name: 'Kazan', first: 4 } };
    for (let i = 0; i < 3; i++) {
      const answer = await ask(query);
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(cacheOf(answer)?.hit).toBe(false);
    }
  });
});
