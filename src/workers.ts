// Several server processes behind one port (WEB_CONCURRENCY): node:cluster's primary accepts
// connections and hands them to its workers in turn; each worker is the ordinary server. The
// primary serves nothing itself: it prepares the database once, starts the workers, replaces
// one that dies, and on SIGTERM passes the signal on and waits for every worker to drain.
import cluster, { type Worker } from 'node:cluster';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.js';
import { exitGracefullyOnSignals } from './graceful-shutdown.js';
import type { Logger } from './logger.js';

/**
 * Replacements allowed per worker within a minute before the primary gives up: a worker that
 * dies over and over (a database gone for good, a bug at start-up) should stop the service
 * loudly, not spin.
 */
const RESTARTS_PER_WORKER_PER_MINUTE = 3;

/** The worker's number (1, 2, …) in a worker process, for its log lines; null otherwise. */
export function workerNumber(): number | null {
  return cluster.isWorker ? (cluster.worker?.id ?? null) : null;
}

/**
 * Runs in the primary process: `prepare` (migrate and seed, once, so workers never race each
 * other doing it), then `config.workers` workers. Resolves once they all listen; the process
 * then lives until a signal drains the workers.
 */
export async function superviseWorkers(
  config: Config,
  logger: Logger,
  { prepare, workerDeadlineMs }: { prepare: () => Promise<void>; workerDeadlineMs: number },
): Promise<void> {
  await prepare();
  let stopping = false;
  let started = false;
  const restarts: number[] = [];
  const listening = new Set<number>();

  const ready = new Promise<number>((resolve, reject) => {
    cluster.on('listening', (worker: Worker, address: AddressInfo | { port: number }) => {
      listening.add(worker.id);
      if (listening.size === config.workers) resolve(address.port);
    });
    cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
      if (stopping) return;
      listening.delete(worker.id);
      // A worker that dies before the service ever came up will die again: start-up is broken.
      if (!started) {
        reject(new Error(`worker ${worker.id} exited during start-up (code ${code ?? signal})`));
        return;
      }
      const now = Date.now();
      restarts.push(now);
      while (restarts[0]! < now - 60_000) restarts.shift();
      if (restarts.length > RESTARTS_PER_WORKER_PER_MINUTE * config.workers) {
        logger.fatal({ restarts: restarts.length }, 'workers keep dying; stopping');
        process.kill(process.pid, 'SIGTERM');
        return;
      }
      logger.error({ worker: worker.id, code, signal }, 'worker died; starting a new one');
      cluster.fork();
    });
  });

  exitGracefullyOnSignals(
    async () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
      const codes = await Promise.all(
        workers.map(
          (worker) =>
            new Promise<number | null>((resolve) => {
              worker.once('exit', (code: number | null) => resolve(code));
              // A signal from the terminal reached the workers already; they take it once.
              worker.process.kill('SIGTERM');
            }),
        ),
      );
      if (codes.some((code) => code !== 0)) {
        throw new Error(`a worker did not stop cleanly (exit codes ${codes.join(', ')})`);
      }
    },
    logger,
    // The workers have their own deadline; the primary waits a little longer for their exits.
    { deadlineMs: workerDeadlineMs + 5_000 },
  );

  for (let i = 0; i < config.workers; i++) cluster.fork();
  try {
    const port = await ready;
    started = true;
    logger.info(
      { port, host: config.host, database: config.database.kind, workers: config.workers },
      `Armstrail GraphQL API ready at http://localhost:${port}/graphql`,
    );
  } catch (error) {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
    throw error;
  }
}
