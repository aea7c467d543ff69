// Read lanes: the API's named read statements (src/db/statements.ts) written down a few
// pipelined connections instead of one pooled connection each. On a pipelined connection
// (node-postgres's `pipeline` mode) a statement is written at once, without waiting for the
// answer to the one before it; each has its own Sync, so an error fails that statement alone.
// Under load one backend then answers the statements of many requests back to back, instead of
// being woken, and waking Node, once per statement on one of ten connections: on this 2-core
// machine, 10–25 % more requests a second on the peer benchmark's queries (issue 12, README).
//
// A lane is a connection of the pool, held while it has statements unanswered and handed back
// when it has none: DB_POOL_MAX still bounds the connections, and transactions still get theirs.
// The cost of a pipeline is that a statement waits for those written before it. A lane is
// therefore used only while it keeps up: when its oldest unanswered statement has waited
// STALL_MS, or it has MAX_DEPTH unanswered, the next lane is tried, then the pool, one
// connection per statement, as before. A slow statement (a lock wait, a heavy filter) holds up
// at most what was written behind it in its first STALL_MS, and reads go on meanwhile.
import type pg from 'pg';

/** How long a lane's oldest statement may wait before new statements go elsewhere. */
export const STALL_MS = 10;
/** Unanswered statements a lane takes before new ones go elsewhere. */
export const MAX_DEPTH = 64;

type Rows = pg.QueryResult<Record<string, unknown>>;

export interface ReadLanes {
  query(config: pg.QueryConfig): Promise<Rows>;
}

interface Lane {
  /** The pool's connection the lane holds; null while it holds none. */
  client: pg.PoolClient | null;
  /** The checkout under way, when the lane has statements but no connection yet. */
  checkout: Promise<pg.PoolClient> | null;
  /** When each unanswered statement was written, oldest first (answers come in that order). */
  sent: number[];
}

/**
 * `lanes` pipelined lanes over `pool`, whose clients must be made with `pipeline: true`. With
 * 0 lanes every statement goes through `pool.query`.
 */
export function openReadLanes(lanes: number, pool: pg.Pool): ReadLanes {
  const all: Lane[] = Array.from({ length: lanes }, () => ({
    client: null,
    checkout: null,
    sent: [],
  }));

  /** The first lane that keeps up; null when none does. */
  const pick = (now: number): Lane | null => {
    for (const lane of all) {
      const oldest = lane.sent[0];
      if (oldest === undefined) return lane;
      if (lane.sent.length < MAX_DEPTH && now - oldest < STALL_MS) return lane;
    }
    return null;
  };

  const connectionOf = async (lane: Lane): Promise<pg.PoolClient> => {
    if (lane.client) return lane.client;
    lane.checkout ??= pool.connect().then(
      (client) => {
        lane.checkout = null;
        lane.client = client;
        // A held connection that fails (the server restarting) is let go at once and destroyed:
        // node-postgres fails its unanswered statements, and the lane's next statement checks
        // out another. Without a listener, the error would also end the process.
        const onError = (error: Error) => {
          client.off('error', onError);
          if (lane.client === client) lane.client = null;
          client.release(error);
        };
        client.on('error', onError);
        handBack.set(client, () => client.off('error', onError));
        return client;
      },
      (error: unknown) => {
        lane.checkout = null;
        throw error;
      },
    );
    return lane.checkout;
  };

  // How to let go of a held connection's listener when it is handed back whole.
  const handBack = new WeakMap<pg.PoolClient, () => void>();
  const release = (lane: Lane) => {
    const client = lane.client;
    if (!client || lane.sent.length > 0) return;
    lane.client = null;
    handBack.get(client)?.();
    client.release();
  };

  const run = async (lane: Lane, config: pg.QueryConfig): Promise<Rows> => {
    try {
      const client = await connectionOf(lane);
      return await client.query<Record<string, unknown>>(config);
    } finally {
      lane.sent.shift();
      release(lane);
    }
  };

  return {
    query(config) {
      const lane = pick(performance.now());
      if (!lane) return pool.query<Record<string, unknown>>(config);
      lane.sent.push(performance.now());
      return run(lane, config);
    },
  };
}
