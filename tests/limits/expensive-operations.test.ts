// Expensive operations (aggregates, search) against the real server: a client may run only a
// few at once, and refusals say why; everything else is untouched by the cap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConcurrencyLimiter } from '../../src/graphql/limits/concurrency.js';
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
  beforeAll(async () => {
    const own = await ownDatabaseEnv();
    cleanup = own.cleanup;
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

  it('refuses a client a second aggregate while its first runs, with 429 and the limit named', async () => {
    // Bounded: a few rounds of 8 at once; one round normally shows the refusal.
    let refused: Awaited<ReturnType<typeof postGraphQL>> | undefined;
    for (let round = 0; round < 5 && !refused; round++) {
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => postGraphQL(server.url, { query: VOLUMES })),
      );
      for (const answer of answers) expect([200, 429], answer.text).toContain(answer.status);
      expect(answers.some((a) => a.status === 200)).toBe(true);
      refused = answers.find((a) => a.status === 429);
    }
    expect(refused, 'no request was refused').toBeDefined();
    expect(refused!.headers.get('retry-after')).toBe('1');
    const [error] = refused!.body.errors ?? [];
    expect(error?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'concurrency', max: 1 });
    expect(error?.message).toMatch(/1 aggregate or search requests at a time/);
  });

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
