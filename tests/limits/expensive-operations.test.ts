// Expensive operations (aggregates, search) against the real server: a client may run only a
// few at once, and refusals say why; everything else is untouched by the cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConcurrencyLimiter } from '../../src/graphql/limits/concurrency.js';
import { whileDealsLocked } from '../support/pg-client.js';
import {
  ownDatabaseEnv,
  postGraphQL,
  startRealServer,
  type RealServer,
} from '../support/real-server.js';
import { testDatabaseKind } from '../support/test-database.js';

const VOLUMES =
  '{ transferVolumes(groupBy: [SUPPLIER, RECIPIENT, ORDER_YEAR, DELIVERY_YEAR, CATEGORY, PLATFORM_FAMILY], first: 100) { nodes { tivDelivered } } }';

describe('the concurrency limiter', () => {
  it('gives each client its own slots, and takes each back once', () => {
    const limiter = new ConcurrencyLimiter(2);
    const a1 = limiter.tryAcquire('a')!;
    const a2 = limiter.tryAcquire('a')!;
    expect(limiter.tryAcquire('a')).toBeNull();
    expect(limiter.tryAcquire('b')).not.toBeNull();
    a1();
    a1();
    const a3 = limiter.tryAcquire('a');
    expect(a3).not.toBeNull();
    expect(limiter.tryAcquire('a')).toBeNull();
    a2();
    a3!();
  });
});

describe(`expensive operations on the real server (${testDatabaseKind})`, () => {
  let server: RealServer;
  let cleanup: () => Promise<unknown>;
  let databaseUrl: string | undefined;
  beforeAll(async () => {
    const own = await ownDatabaseEnv();
    cleanup = own.cleanup;
    databaseUrl = own.env.DATABASE_URL;
    server = await startRealServer({
      ...own.env,
      EXPENSIVE_CONCURRENCY_PER_CLIENT: '1',
      RATE_LIMIT_ENABLED: 'false',
    });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await cleanup?.();
  });

  // Deterministic on PostgreSQL: a lock held here keeps the first aggregate running while the
  // second arrives. PGlite runs one statement at a time inside the server's own thread, so
  // there two requests overlap only by chance; the limiter itself is tested above.
  it.runIf(testDatabaseKind === 'postgres')(
    'refuses a client a second aggregate while its first runs, with 429 and the limit named',
    async () => {
      // The first holds its slot while it waits on the lock; the second arrives meanwhile.
      const { first, refused } = await whileDealsLocked(databaseUrl!, async () => {
        const first = postGraphQL(server.url, { query: VOLUMES });
        await new Promise((resolve) => setTimeout(resolve, 300));
        return { first, refused: await postGraphQL(server.url, { query: VOLUMES }) };
      });
      expect((await first).status).toBe(200);
      expect(refused.status, refused.text).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('1');
      const [error] = refused.body.errors ?? [];
      expect(error?.extensions).toMatchObject({
        code: 'RATE_LIMITED',
        limit: 'concurrency',
        max: 1,
      });
      expect(error?.message).toMatch(/1 aggregate or search requests at a time/);
      // The slot is free again once the first has answered.
      expect((await postGraphQL(server.url, { query: VOLUMES })).status).toBe(200);
    },
  );

  it('leaves ordinary queries alone, however many run at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        postGraphQL(server.url, {
          query: '{ deals(first: 50) { nodes { id supplier { name } } } }',
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
  });
});
