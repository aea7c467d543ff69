// Read lanes: the API's named read statements (src/db/statements.ts) written down a few
// pipelined connections instead of one pooled connection each. On a pipelined connection
// (node-postgres's `pipeline` mode) a statement is written at once, without waiting for the
// answer to the one before it; each has its own Sync, so an error fails that statement alone.
// Under load one backend then answers the statements of many requests back to back, instead of
// being woken, and waking Node, once per statement on one of ten connections: on this 2-core
// machine, 10–35 % more requests a second on the peer benchmark and bench:load (README).
//
// A lane is a connection of the pool, held while it has statements unanswered and handed back
// when it has none: DB_POOL_MAX still bounds the connections, and transactions still get theirs.
// The cost of a pipeline is that a statement waits for those written before it. A lane is
// therefore used only while it keeps up: when its oldest unanswered statement has waited
// STALL_MS (DB_READ_LANE_WAIT_MS), or it has MAX_DEPTH unanswered, the next lane is tried,
// then the pool, one connection per statement, as before. A slow statement (a lock wait, a
// heavy filter) holds up at most what was written behind it in its first STALL_MS, and reads
// go on meanwhile. A connection on which a statement fails takes no more, and is destroyed once
// the statements written to it are answered, as the pool destroys a failed statement's.
import type pg from 'pg';

/**
 * How long a lane's oldest statement may wait before new statements go elsewhere, unless
 * DB_READ_LANE_WAIT_MS says otherwise: a few statements' time on a local server. Over a link
 * whose round trip is longer, every lane looks stalled and reads go through the pool.
 */
export const STALL_MS = 10;
/** Lanes unless DB_READ_LANES says otherwise: one measured best here (README, Performance). */
export const DEFAULT_READ_LANES = 1;
/** Unanswered statements a lane takes before new ones go elsewhere. */
export const MAX_DEPTH = 64;

type Rows = pg.QueryResult<Record<string, unknown>>;

export interface ReadLanes {
  query(config: pg.QueryConfig): Promise<Rows>;
}

/** A connection of the pool held by a lane. */
interface Held {
  client: pg.PoolClient;
  /** Its statements written and not yet answered. */
  unanswered: number;
  /**
   * Why it takes no more statements: a statement of it failed, or the connection did. It is
   * then destroyed rather than handed back once its last statement is answered, as the pool
   * destroys the connection of any statement that fails (a backend that was terminated
   * answers its statement with an error before its socket closes).
   */
  failed: Error | null;
  unlisten: () => void;
}

interface Lane {
  /** The connection the lane writes to; null while it has none. */
  held: Held | null;
  /** The checkout under way, when the lane has statements but no connection yet. */
  checkout: Promise<Held> | null;
  /** When each unanswered statement was written, oldest first (answers come in that order). */
  sent: number[];
}

/**
 * `lanes` pipelined lanes over `pool`, whose clients must be made with `pipeline: true`, each
 * taking statements while its oldest has waited less than `stallMs`. With 0 lanes every
 * statement goes through `pool.query`.
 */
export function openReadLanes(lanes: number, pool: pg.Pool, stallMs = STALL_MS): ReadLanes {
  const all: Lane[] = Array.from({ length: lanes }, () => ({
    held: null,
    checkout: null,
    sent: [],
  }));

  /** The first lane that keeps up; null when none does. */
  const pick = (now: number): Lane | null => {
    for (const lane of all) {
      const oldest = lane.sent[0];
      if (oldest === undefined) return lane;
      if (lane.sent.length < MAX_DEPTH && now - oldest < stallMs) return lane;
    }
    return null;
  };

  /** Stops writing to a connection that failed; it goes once its statements are answered. */
  const retire = (lane: Lane, held: Held, error: Error) => {
    held.failed ??= error;
    if (lane.held === held) lane.held = null;
    letGo(lane, held);
  };

  /**
   * Hands a connection back to the pool, or destroys it if it failed, once it has no statement
   * unanswered and the lane no longer writes to it (or has nothing more to write).
   */
  const letGo = (lane: Lane, held: Held) => {
    if (held.unanswered > 0) return;
    if (lane.held === held) {
      if (lane.sent.length > 0) return;
      lane.held = null;
    }
    held.unlisten();
    held.client.release(held.failed ?? undefined);
  };

  const connectionOf = (lane: Lane): Held | Promise<Held> => {
    if (lane.held) return lane.held;
    lane.checkout ??= pool.connect().then(
      (client) => {
        // A connection that fails while held (the server restarting) is retired at once:
        // node-postgres fails its unanswered statements. Without a listener, the error would
        // also end the process.
        const onError = (error: Error) => retire(lane, held, error);
        const held: Held = {
          client,
          unanswered: 0,
          failed: null,
          unlisten: () => client.off('error', onError),
        };
        client.on('error', onError);
        lane.checkout = null;
        lane.held = held;
        return held;
      },
      (error: unknown) => {
        lane.checkout = null;
        throw error;
      },
    );
    return lane.checkout;
  };

  const run = async (lane: Lane, config: pg.QueryConfig): Promise<Rows> => {
    let held: Held | null = null;
    try {
      held = await connectionOf(lane);
      held.unanswered += 1;
      return await held.client.query<Record<string, unknown>>(config);
    } catch (error) {
      if (held) retire(lane, held, error instanceof Error ? error : new Error(String(error)));
      throw error;
    } finally {
      lane.sent.shift();
      if (held) {
        held.unanswered -= 1;
        letGo(lane, held);
      }
      // The lane's connection may be another than this statement's (this one's failed and was
      // replaced): once the lane has nothing unanswered, that one goes back too.
      if (lane.held && lane.held !== held) letGo(lane, lane.held);
    }
  };

  return {
    query(config) {
      const now = performance.now();
      const lane = pick(now);
      if (!lane) return pool.query<Record<string, unknown>>(config);
      lane.sent.push(now);
      return run(lane, config);
    },
  };
}
