// Database faults against the real server (`npm start`) on a PostgreSQL cluster of the test's own:
// a restart under load, a database that is down, and a runaway statement. All traffic stays on
// 127.0.0.1, and every loop is bounded in count and time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  postGraphQL,
  startRealServer,
  type HttpAnswer,
  type RealServer,
} from '../support/real-server.js';
import { whileDealsLocked } from '../support/pg-client.js';
import {
  createThrowawayPostgres,
  postgresBinDir,
  type ThrowawayPostgres,
} from '../support/throwaway-postgres.js';
import { testDatabaseUrl } from '../support/test-database.js';

const bin = postgresBinDir();
if (!bin) {
  console.warn(
    'Skipping the PostgreSQL fault tests: no initdb/pg_ctl under /usr/lib/postgresql/*/bin.',
  );
}

const CONNECT_TIMEOUT_MS = 3_000;
const STATEMENT_TIMEOUT_MS = 1_000;
const EXPENSIVE_STATEMENT_TIMEOUT_MS = 300;
const QUERY = '{ deals(first: 20) { totalCount nodes { id supplier { name } } } }';

let cluster: ThrowawayPostgres;
let server: RealServer;

interface Outcome {
  at: number;
  ms: number;
  kind: 'ok' | 'clean-error' | 'unclean';
  detail: string;
}

/** One request, classified: data, a masked GraphQL error, or anything else (unclean). */
async function attempt(query = QUERY): Promise<Outcome> {
  const started = performance.now();
  let answer: HttpAnswer;
  try {
    answer = await postGraphQL(server.url, { query });
  } catch (error) {
    return { at: started, ms: performance.now() - started, kind: 'unclean', detail: String(error) };
  }
  const ms = performance.now() - started;
  if (answer.status === 200 && !answer.body.errors)
    return { at: started, ms, kind: 'ok', detail: '' };
  const [error] = answer.body.errors ?? [];
  const clean =
    error?.message === 'Internal server error' &&
    error.extensions?.code === 'INTERNAL_SERVER_ERROR' &&
    !/postgres|ECONN|terminat|select/i.test(answer.text);
  return { at: started, ms, kind: clean ? 'clean-error' : 'unclean', detail: answer.text };
}

// Once per run, in the PostgreSQL pass (the cluster is its own either way).
describe.skipIf(!bin || !testDatabaseUrl)('PostgreSQL faults (a throwaway cluster)', () => {
  beforeAll(async () => {
    cluster = await createThrowawayPostgres(bin!);
    server = await startRealServer({
      DATABASE_URL: cluster.url,
      NODE_ENV: 'production',
      // Rows for the queries under test to read (PostgreSQL gets no demo data by default).
      SEED_DEMO_DATA: 'true',
      DB_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      DB_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS),
      DB_EXPENSIVE_STATEMENT_TIMEOUT_MS: String(EXPENSIVE_STATEMENT_TIMEOUT_MS),
      // The load loop below is not what the rate limiter is for.
      RATE_LIMIT_ENABLED: 'false',
      // Every read must reach the database whose faults are under test, not a cached answer
      // (the cache with a frozen database: README, Limits).
      RESPONSE_CACHE: 'false',
    });
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    cluster?.destroy();
  });

  it('survives a database restart under load: only in-flight requests fail, cleanly, and service is back within 2 s', async () => {
    const outcomes: Outcome[] = [];
    let stopLoad = false;
    const deadline = performance.now() + 20_000;
    const worker = async () => {
      // Bounded: at most 2,000 requests a worker, at most 20 s.
      for (let i = 0; i < 2_000 && !stopLoad && performance.now() < deadline; i++) {
        outcomes.push(await attempt());
      }
    };
    const workers = Array.from({ length: 6 }, () => worker());
    await new Promise((resolve) => setTimeout(resolve, 700));
    const stoppedAt = performance.now();
    cluster.stop('fast');
    await new Promise((resolve) => setTimeout(resolve, 300));
    cluster.start();
    const restartedAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    stopLoad = true;
    await Promise.all(workers);

    expect(server.running()).toBe(true);
    expect(outcomes.filter((o) => o.kind === 'unclean').map((o) => o.detail)).toEqual([]);
    expect(outcomes.filter((o) => o.kind === 'ok' && o.at < stoppedAt).length).toBeGreaterThan(0);
    const failures = outcomes.filter((o) => o.kind === 'clean-error');
    expect(failures.length).toBeGreaterThan(0);
    // Failures only around the outage, never long after the database is back.
    for (const failure of failures) expect(failure.at).toBeLessThan(restartedAt + 2_000);
    const firstOkAfter = outcomes
      .filter((o) => o.kind === 'ok' && o.at >= restartedAt)
      .sort((a, b) => a.at - b.at)[0];
    expect(firstOkAfter).toBeDefined();
    expect(firstOkAfter!.at + firstOkAfter!.ms - restartedAt).toBeLessThan(2_000);
    // Every request sent from 1 s after the restart succeeded.
    expect(
      outcomes.filter((o) => o.at > restartedAt + 1_000 && o.kind !== 'ok').map((o) => o.detail),
    ).toEqual([]);
  }, 60_000);

  it('fails fast while the database is down, says so on /readyz, and recovers without a restart', async () => {
    cluster.stop('fast');
    try {
      for (let i = 0; i < 3; i++) {
        const outcome = await attempt();
        expect(outcome.kind, outcome.detail).toBe('clean-error');
        expect(outcome.ms).toBeLessThan(CONNECT_TIMEOUT_MS);
      }
      const started = performance.now();
      const ready = await fetch(`${server.base}/readyz`);
      expect(ready.status).toBe(503);
      expect(performance.now() - started).toBeLessThan(CONNECT_TIMEOUT_MS);
      expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    } finally {
      cluster.start();
    }
    const restartedAt = performance.now();
    let readyStatus = 0;
    // Bounded: at most 40 probes, 50 ms apart.
    for (let i = 0; i < 40 && readyStatus !== 200; i++) {
      readyStatus = (await fetch(`${server.base}/readyz`)).status;
      if (readyStatus !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(readyStatus).toBe(200);
    expect(performance.now() - restartedAt).toBeLessThan(2_000);
    expect((await attempt()).kind).toBe('ok');
  }, 60_000);

  it('answers while the database is frozen: reads fail cleanly within the client timeout, /readyz is 503 within 2 s', async () => {
    // Warm connections first, so that the freeze catches queries on open connections too.
    expect((await attempt()).kind).toBe('ok');
    cluster.freeze();
    try {
      const started = performance.now();
      const ready = await fetch(`${server.base}/readyz`);
      expect(ready.status).toBe(503);
      expect(performance.now() - started).toBeLessThan(2_000);
      const outcomes = await Promise.all([attempt(), attempt(), attempt()]);
      for (const outcome of outcomes) {
        expect(outcome.kind, outcome.detail).toBe('clean-error');
        // statement_timeout cannot fire on a frozen server: the client's own deadline does.
        expect(outcome.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + CONNECT_TIMEOUT_MS + 3_000);
      }
    } finally {
      cluster.thaw();
    }
    let ok = false;
    // Bounded: at most 40 attempts, 100 ms apart.
    for (let i = 0; i < 40 && !ok; i++) {
      ok = (await attempt()).kind === 'ok';
      if (!ok) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(ok).toBe(true);
    expect((await fetch(`${server.base}/readyz`)).status).toBe(200);
  }, 60_000);

  it('stops a runaway statement at statement_timeout and reports a clean error', async () => {
    // A migration holding a lock is the honest way to make a read wait: the API's statement
    // waits on the lock until statement_timeout cancels it.
    const outcome = await whileDealsLocked(cluster.url, () => attempt());
    expect(outcome.kind, outcome.detail).toBe('clean-error');
    expect(outcome.ms).toBeGreaterThanOrEqual(STATEMENT_TIMEOUT_MS * 0.9);
    expect(outcome.ms).toBeLessThan(STATEMENT_TIMEOUT_MS + 4_000);
    // The cause is in the log, for the operator, not in the answer.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.output.join('')).toContain('canceling statement due to statement timeout');
    expect((await attempt()).kind).toBe('ok');
  }, 60_000);

  it('gives expensive operations a shorter statement timeout of their own', async () => {
    const volumes = '{ transferVolumes(groupBy: [RECIPIENT]) { nodes { tivDelivered } } }';
    expect((await attempt(volumes)).kind).toBe('ok');
    const outcome = await whileDealsLocked(cluster.url, () => attempt(volumes));
    expect(outcome.kind, outcome.detail).toBe('clean-error');
    expect(outcome.ms).toBeGreaterThanOrEqual(EXPENSIVE_STATEMENT_TIMEOUT_MS * 0.9);
    expect(outcome.ms).toBeLessThan(STATEMENT_TIMEOUT_MS);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.output.join('')).toContain('canceling statement due to statement timeout');
    expect((await attempt()).kind).toBe('ok');
  }, 60_000);
});
