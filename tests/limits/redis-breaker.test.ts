// A Redis that stops answering (frozen, not down) must not slow every request: after a few
// timeouts the limiter stops asking it, uses in-process buckets, and probes again later.
// The Redis here is the test's own, on a free loopback port, so that it can be frozen.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisRateLimiter } from '../../src/graphql/limits/index.js';
import { freePort } from '../support/throwaway-postgres.js';

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
if (!hasRedis) console.warn('Skipping the Redis circuit-breaker test: no redis-server binary');

// Refills too slowly to matter here: Redis's bucket and the in-process one stay apart.
const POLICY = { anonymous: { burst: 1000, perSecond: 1 }, key: { burst: 1000, perSecond: 1 } };

describe.skipIf(!hasRedis)('rate limiter with a frozen Redis', () => {
  let redis: ChildProcess;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    redis = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    // Bounded: at most 50 probes, 100 ms apart.
    for (let i = 0; i < 50; i++) {
      if (
        spawnSync('redis-cli', ['-p', String(port), 'ping'])
          .stdout?.toString()
          .includes('PONG')
      )
        return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('redis-server did not start');
  });
  afterAll(() => {
    redis.kill('SIGCONT');
    redis.kill('SIGKILL');
  });

  it('stops waiting for it after a few timeouts, and uses it again once it answers', async () => {
    const limiter = new RedisRateLimiter(
      `redis://127.0.0.1:${port}`,
      POLICY,
      pino({ level: 'silent' }),
      {
        prefix: `breaker-test:${Date.now()}:`,
        reopenAfterMs: 1_000,
      },
    );
    const client = { kind: 'anonymous' as const, id: 'ip:frozen' };
    try {
      expect(Math.floor((await limiter.take(client, 500)).available)).toBe(500);

      redis.kill('SIGSTOP');
      const timings: number[] = [];
      for (let i = 0; i < 10; i++) {
        const started = performance.now();
        expect((await limiter.take(client, 1)).allowed).toBe(true);
        timings.push(performance.now() - started);
      }
      // The first few wait for the command timeout; once the breaker opens, none waits.
      expect(
        timings.slice(5).every((ms) => ms < 50),
        timings.join(', '),
      ).toBe(true);
      expect(timings.reduce((a, b) => a + b)).toBeLessThan(3_000);

      redis.kill('SIGCONT');
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      // Bounded: a probe goes through within a few requests, then Redis's bucket (500 left
      // before the freeze) is used again, not the in-process one (about 990 left).
      let fromRedis = false;
      for (let i = 0; i < 20 && !fromRedis; i++) {
        const decision = await limiter.take(client, 1);
        fromRedis = decision.available < 600;
        if (!fromRedis) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(fromRedis).toBe(true);
    } finally {
      await limiter.close();
    }
  }, 30_000);
});
