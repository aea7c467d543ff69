// Two server processes on one PostgreSQL database and one Redis: they share the rate-limit
// budgets and the response cache (whose entries a write through either process outdates), and
// nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDIS_URL, redisReachable } from '../support/redis.js';
import {
  createKeyWithCli,
  ownDatabaseEnv,
  postGraphQL,
  startRealServer,
  type RealServer,
} from '../support/real-server.js';
import { testDatabaseUrl } from '../support/test-database.js';

const withRedis = await redisReachable();
const TOTAL = '{ sources(first: 1) { totalCount } }';
const CREATE_SOURCE = `mutation { createSource(input: { source: {
  kind: NEWS, title: "Second instance", url: "https://example.org/multi-instance" } }) { source { id } } }`;
// A page of 40 deals costs about 40 points: one bucket of 100 pays for two of them.
const PRICEY = '{ deals(first: 40) { nodes { id } } }';

describe.skipIf(!testDatabaseUrl || !withRedis)('two instances, one database, one Redis', () => {
  let database: Awaited<ReturnType<typeof ownDatabaseEnv>>;
  let first: RealServer;
  let second: RealServer;
  let editor: string;
  let reader: string;
  beforeAll(async () => {
    database = await ownDatabaseEnv();
    editor = await createKeyWithCli(database.env, 'editor', 'Instance writer');
    reader = await createKeyWithCli(database.env, 'reader', 'Instance reader');
    const env = {
      ...database.env,
      REDIS_URL,
      QUERY_MAX_COST: '100',
      // Keyed budgets of 100 points that barely refill: the reader's is spent in a few requests.
      RATE_LIMIT_KEY_BURST: '100',
      RATE_LIMIT_KEY_PER_SECOND: '0.01',
    };
    [first, second] = await Promise.all([startRealServer(env), startRealServer(env)]);
  }, 120_000);
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await database?.cleanup();
  });

  it('share one budget per key: what one instance charged, the other refuses', async () => {
    const auth = { authorization: `Bearer ${reader}` };
    const statuses: number[] = [];
    for (const server of [first, second, first, second]) {
      statuses.push((await postGraphQL(server.url, { query: PRICEY }, auth)).status);
    }
    // Two pages fit in the one bucket, wherever they were asked; the third and fourth do not.
    expect(statuses).toEqual([200, 200, 429, 429]);
  });

  it('share cached answers, and a write through one outdates them for both', async () => {
    const before = await postGraphQL(first.url, { query: TOTAL });
    const again = await postGraphQL(second.url, { query: TOTAL });
    expect(again.body.extensions?.cache).toMatchObject({ hit: true });
    expect(again.body.data).toEqual(before.body.data);
    const written = await postGraphQL(
      second.url,
      { query: CREATE_SOURCE },
      { authorization: `Bearer ${editor}` },
    );
    expect(written.body.errors).toBeUndefined();
    const after = await postGraphQL(first.url, { query: TOTAL });
    expect(after.body.extensions?.cache).toMatchObject({ hit: false });
    const count = (answer: typeof before) =>
      (answer.body.data?.sources as { totalCount: number }).totalCount;
    expect(count(after)).toBe(count(before) + 1);
  });
});
