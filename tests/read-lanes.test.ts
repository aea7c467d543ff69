// Read lanes (src/db/read-lanes.ts): the API's named reads go down one pipelined connection while
// it keeps up, and through the pool otherwise. Each test reads which backend answered
// (pg_backend_pid) to see which connection a statement took.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, rawQueryOf, type RawQuery } from '../src/db/client.js';
import {
  createTestDatabase,
  testDatabaseKind,
  type TestDatabase,
} from './support/test-database.js';

const PID = 'select pg_backend_pid()::int as pid';

async function pidOf(read: RawQuery): Promise<number> {
  const [row] = await read(undefined, PID, []);
  return row!.pid as number;
}

// PGlite has one connection and no pipeline: there is nothing to choose between.
describe.skipIf(testDatabaseKind === 'pglite')('read lanes on PostgreSQL', () => {
  let database: TestDatabase;
  let read: RawQuery;

  beforeAll(async () => {
    // A lane that never counts as stalled here, so that which connection answers does not
    // depend on how busy the machine is; the test of a stalled lane opens its own.
    database = await createTestDatabase({ poolMax: 4, readLanes: 1, readLaneWaitMs: 60_000 });
    read = rawQueryOf(database.db)!;
  });
  afterAll(() => database?.close());

  it('sends the reads of one moment down one connection, each answered with its own rows', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        read(undefined, `select pg_backend_pid()::int as pid, $1::int as i`, [i]),
      ),
    );
    expect(answers.map(([row]) => row!.i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(new Set(answers.map(([row]) => row!.pid)).size).toBe(1);
  });

  it('fails a statement that fails alone, and answers those written around it', async () => {
    const outcomes = await Promise.allSettled([
      pidOf(read),
      read(undefined, 'select 1 / 0', []),
      pidOf(read),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({
      message: 'division by zero',
    });
    const [first, , last] = outcomes as PromiseFulfilledResult<number>[];
    expect(last!.value).toBe(first!.value);
  });

  it('sends reads elsewhere while a slow statement holds the lane', async () => {
    const waitMs = 50;
    const stalling = await createTestDatabase({ poolMax: 4, readLanes: 1, readLaneWaitMs: waitMs });
    try {
      const stallingRead = rawQueryOf(stalling.db)!;
      const slow = stallingRead(
        undefined,
        `select pg_backend_pid()::int as pid, pg_sleep(0.6)`,
        [],
      );
      await new Promise((resolve) => setTimeout(resolve, waitMs * 4));
      const started = performance.now();
      const other = await pidOf(stallingRead);
      const waited = performance.now() - started;
      const [held] = await slow;
      // Answered at once, by another backend: not queued behind the 0.6 s statement.
      expect(waited).toBeLessThan(300);
      expect(other).not.toBe(held!.pid);
    } finally {
      await stalling.close();
    }
  });

  it('hands its connection back to the pool, which serves transactions and reads alike', async () => {
    const one = await createTestDatabase({ poolMax: 1, readLanes: 1 });
    try {
      const oneRead = rawQueryOf(one.db)!;
      const laneBackend = await pidOf(oneRead);
      // The pool's only connection: held by the lane while it reads, free once it has answered.
      const inTransaction = await one.db.transaction(async (tx) => {
        const [row] = await queryRows<{ pid: number }>(tx, sql.raw(PID));
        return row!.pid;
      });
      expect(inTransaction).toBe(laneBackend);
      expect(await pidOf(oneRead)).toBe(laneBackend);
    } finally {
      await one.close();
    }
  });

  it('hands every connection back once reads are answered, after a failure replaced one', async () => {
    const two = await createTestDatabase({ poolMax: 2, readLanes: 1, readLaneWaitMs: 60_000 });
    try {
      const twoRead = rawQueryOf(two.db)!;
      // Written down one connection: a failure, then a slow read. The failure retires that
      // connection; the next read takes the pool's other one and is answered first.
      const failing = twoRead(undefined, 'select 1 / 0', []).catch(() => 'failed');
      const slow = twoRead(undefined, 'select pg_sleep(0.3)', []);
      expect(await failing).toBe('failed');
      await pidOf(twoRead);
      await slow;
      // Both connections are the pool's again: two transactions at once get one each.
      const inTransaction = () =>
        two.db.transaction(async (tx) => {
          await queryRows(tx, sql`select pg_sleep(0.05)`);
          return 'done';
        });
      expect(await Promise.all([inTransaction(), inTransaction()])).toEqual(['done', 'done']);
    } finally {
      await two.close();
    }
  });

  it('replaces a connection that dies: its unanswered reads fail, the next read succeeds', async () => {
    const held = read(undefined, `select pg_backend_pid()::int as pid, pg_sleep(5)`, []);
    const outcome = held.then(
      () => 'answered',
      () => 'failed',
    );
    // The backend of the lane, found from another connection once it runs the statement
    // (polled: under load the statement may take a while to start), terminated mid-statement.
    let backends: { pid: number }[] = [];
    for (let i = 0; i < 100 && backends.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      backends = await queryRows<{ pid: number }>(
        database.db,
        sql`select pid from pg_stat_activity where datname = current_database()
              and state = 'active' and query like '%pg_sleep(5)%' and pid <> pg_backend_pid()`,
      );
    }
    expect(backends).toHaveLength(1);
    await queryRows(database.db, sql`select pg_terminate_backend(${backends[0]!.pid})`);
    expect(await outcome).toBe('failed');
    expect(await pidOf(read)).toEqual(expect.any(Number));
  });

  it('with no lanes, reads each take a connection of the pool', async () => {
    const pooled = await createTestDatabase({ poolMax: 4, readLanes: 0 });
    try {
      const pooledRead = rawQueryOf(pooled.db)!;
      const pids = await Promise.all(
        Array.from({ length: 4 }, () =>
          pooledRead(undefined, `select pg_backend_pid()::int as pid, pg_sleep(0.05)`, []),
        ),
      );
      expect(new Set(pids.map(([row]) => row!.pid)).size).toBe(4);
    } finally {
      await pooled.close();
    }
  });
});
