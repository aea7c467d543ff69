// WEB_CONCURRENCY: several worker processes behind one port, on a PostgreSQL server (a PGlite
// folder serves one process; the configuration refuses more, see config.test.ts).
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whileDealsLocked } from '../support/pg-client.js';
import {
  ownDatabaseEnv,
  postGraphQL,
  startRealServer,
  type HttpAnswer,
  type RealServer,
} from '../support/real-server.js';
import { testDatabaseUrl } from '../support/test-database.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One GraphQL request on a connection of its own, so the primary may hand it to any worker. */
function postOnNewConnection(url: string, query: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ query }));
  });
}

describe.skipIf(!testDatabaseUrl)('several workers behind one port', () => {
  let server: RealServer;
  let database: Awaited<ReturnType<typeof ownDatabaseEnv>>;
  beforeAll(async () => {
    database = await ownDatabaseEnv();
    server = await startRealServer({ ...database.env, WEB_CONCURRENCY: '2' });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await database?.cleanup();
  });

  const workerLines = (message: string) => server.logs().filter((l) => l.msg === message);

  it('starts every worker before announcing the service, and shares connections among them', async () => {
    // The primary hears that a worker listens over IPC, which can beat the worker's own log line
    // to the shared output: wait (boundedly) for both lines.
    for (let i = 0; i < 50 && workerLines('worker ready').length < 2; i++) await sleep(100);
    expect(workerLines('worker ready').map((l) => l.worker)).toEqual(
      expect.arrayContaining([1, 2]),
    );
    for (let i = 0; i < 8; i++) {
      expect(await postOnNewConnection(server.url, '{ deals(first: 1) { totalCount } }')).toBe(200);
    }
    await sleep(200);
    const answeredBy = new Set(workerLines('graphql request').map((l) => l.worker));
    expect([...answeredBy].sort()).toEqual([1, 2]);
  });

  it('replaces a worker that dies, and keeps answering', async () => {
    const victim = workerLines('worker ready').find((l) => l.worker === 1)!;
    process.kill(victim.pid as number, 'SIGKILL');
    for (let i = 0; i < 100 && !workerLines('worker ready').some((l) => l.worker === 3); i++) {
      await sleep(100);
    }
    expect(workerLines('worker died; starting a new one')).toHaveLength(1);
    expect(workerLines('worker ready').map((l) => l.worker)).toContain(3);
    expect(await postOnNewConnection(server.url, '{ deals(first: 1) { totalCount } }')).toBe(200);
  }, 30_000);

  it('drains every worker on SIGTERM: an in-flight request finishes, then the process exits 0', async () => {
    let inFlight: Promise<HttpAnswer> | undefined;
    await whileDealsLocked(database.env.DATABASE_URL!, async () => {
      inFlight = postGraphQL(server.url, { query: '{ deals(first: 1) { nodes { id } } }' });
      await sleep(500);
      server.signal('SIGTERM');
      await sleep(500);
      expect(server.running()).toBe(true);
    });
    const answer = await inFlight!;
    expect(answer.status).toBe(200);
    const deals = answer.body.data?.deals as { nodes: { id: string }[] } | undefined;
    expect(deals?.nodes).toHaveLength(1);
    await server.exited;
    // Every worker drained, then the primary: it logs "stopped" only when all exited with 0.
    const stopped = workerLines('stopped').map((l) => l.worker ?? 'primary');
    expect(stopped.sort()).toEqual([2, 3, 'primary']);
  }, 60_000);
});
