// DATABASE_READ_URL against a real streaming replica: a throwaway primary and a hot standby
// copied from it with pg_basebackup, both on loopback ports, started and stopped here.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createKeyWithCli,
  postGraphQL,
  startRealServer,
  type RealServer,
} from '../support/real-server.js';
import { testDatabaseUrl } from '../support/test-database.js';
import {
  createThrowawayPostgres,
  postgresBinDir,
  type ThrowawayPostgres,
} from '../support/throwaway-postgres.js';

const bin = postgresBinDir();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function onReplica<T>(replica: ThrowawayPostgres, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: replica.url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Scans of the deals table counted by the replica itself (its own statistics). */
async function dealScansOnReplica(replica: ThrowawayPostgres): Promise<number> {
  const [row] = await onReplica<{ scans: string }>(
    replica,
    `select coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0) as scans
     from pg_stat_user_tables where relname = 'deals'`,
  );
  return Number(row!.scans);
}

// A different `first` each time: a cached answer would not reach the database.
let page = 0;
const deals = () => ({
  query: 'query($n: Int) { deals(first: $n) { totalCount nodes { id } } }',
  variables: { n: (page++ % 50) + 1 },
});
const SOURCE = 'query($id: ID!) { node(id: $id) { id } }';
const FEED = '{ changes(first: 100) { nodes { recordId action } } }';
const CREATE_SOURCE = `mutation { createSource(input: { source: {
  kind: NEWS, title: "Replica check", url: "https://example.org/replica" } }) { source { id } } }`;

// PostgreSQL-specific and self-contained: run once, in the PostgreSQL pass of the suite.
describe.skipIf(!bin || !testDatabaseUrl)('read replicas (a throwaway primary and standby)', () => {
  let primary: ThrowawayPostgres;
  let replica: ThrowawayPostgres;
  let server: RealServer;
  let editor: string;
  beforeAll(async () => {
    primary = await createThrowawayPostgres(bin!);
    replica = await createThrowawayPostgres(bin!, { replicaOf: primary });
    server = await startRealServer({
      DATABASE_URL: primary.url,
      DATABASE_READ_URL: replica.url,
      SEED_DEMO_DATA: 'true',
      RATE_LIMIT_ENABLED: 'false',
    });
    editor = await createKeyWithCli({ DATABASE_URL: primary.url }, 'editor', 'Replica Writer');
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    replica?.destroy();
    primary?.destroy();
  });

  it('serves queries from the replica', async () => {
    const before = await dealScansOnReplica(replica);
    for (let i = 0; i < 5; i++) {
      const answer = await postGraphQL(server.url, deals());
      expect(answer.body.data?.deals).toMatchObject({ totalCount: expect.any(Number) as number });
    }
    // A backend reports its statistics within a second or so of finishing a transaction.
    let after = before;
    for (let i = 0; i < 50 && after < before + 5; i++) {
      await sleep(100);
      after = await dealScansOnReplica(replica);
    }
    expect(after).toBeGreaterThanOrEqual(before + 5);
  }, 30_000);

  it('writes on the primary; the writer reads its write at once, others once the replica has it', async () => {
    await onReplica(replica, 'select pg_wal_replay_pause()');
    let id: string;
    try {
      const created = await postGraphQL(
        server.url,
        { query: CREATE_SOURCE },
        { authorization: `Bearer ${editor}` },
      );
      id = (created.body.data?.createSource as { source: { id: string } }).source.id;
      const asWriter = await postGraphQL(
        server.url,
        { query: SOURCE, variables: { id } },
        { authorization: `Bearer ${editor}` },
      );
      expect(asWriter.body.data?.node).toEqual({ id });
      // Another client reads from the paused replica, which has not replayed the write...
      const asOther = await postGraphQL(server.url, { query: SOURCE, variables: { id } });
      expect(asOther.body.data?.node).toBeNull();
      // ...but the change feed, served by the primary, already lists it.
      const feed = await postGraphQL(server.url, { query: FEED });
      const nodes = (feed.body.data?.changes as { nodes: { action: string }[] }).nodes;
      expect(nodes.at(-1)?.action).toBe('CREATE');
    } finally {
      await onReplica(replica, 'select pg_wal_replay_resume()');
    }
    // Once the replica has replayed the write, the other client sees it too: an answer read
    // from the lagging replica was never cached as the answer for the primary's newer data.
    let seen: unknown = null;
    for (let i = 0; i < 50 && seen === null; i++) {
      await sleep(100);
      const answer = await postGraphQL(server.url, { query: SOURCE, variables: { id } });
      seen = answer.body.data?.node ?? null;
    }
    expect(seen).toEqual({ id });
  }, 30_000);

  it('falls back to the primary while the replica is down, and uses it again once it is back', async () => {
    replica.stop('fast');
    const answers = [];
    for (let i = 0; i < 20; i++) {
      answers.push((await postGraphQL(server.url, deals())).status);
      await sleep(150);
    }
    // At most the requests of one health interval (1 s) may fail; all later ones succeed.
    expect(answers.slice(-10)).toEqual(Array(10).fill(200));
    expect(server.running()).toBe(true);
    expect(server.logs().some((l) => l.msg === 'replica down')).toBe(true);
    replica.start();
    for (let i = 0; i < 50 && !server.logs().some((l) => l.msg === 'replica back'); i++) {
      await sleep(100);
    }
    expect(server.logs().some((l) => l.msg === 'replica back')).toBe(true);
    const before = await dealScansOnReplica(replica);
    await postGraphQL(server.url, deals());
    let after = before;
    for (let i = 0; i < 50 && after === before; i++) {
      await sleep(100);
      after = await dealScansOnReplica(replica);
    }
    expect(after).toBeGreaterThan(before);
  }, 60_000);
});
