// Signal handling for the server process: the first SIGTERM/SIGINT drains, a later one forces.
import type { Logger } from './logger.js';

/**
 * A signal repeated within this window is the same request arriving twice, not an operator
 * insisting: a signal sent to the process group reaches this process directly and again
 * through `npm`, which forwards it to its child.
 */
const DUPLICATE_SIGNAL_WINDOW_MS = 1_000;

/**
 * Runs `drain` on the first SIGTERM or SIGINT and exits 0 when it is done (1 if it fails).
 * A signal more than a second later exits at once with code 130 (the operator's Ctrl-C
 * twice, or a supervisor's patience running out), without waiting for the drain. A drain
 * still running after `deadlineMs` (a pool or a PGlite folder that never closes) exits 1 with
 * an error line: a process that was told to stop must stop.
 */
export function exitGracefullyOnSignals(
  drain: () => Promise<void>,
  logger: Logger,
  { deadlineMs }: { deadlineMs: number },
): void {
  let firstSignalAt: number | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstSignalAt === null) {
      firstSignalAt = Date.now();
      logger.info({ signal }, 'shutting down: no new connections, finishing in-flight requests');
      setTimeout(() => {
        logger.error(`shutdown did not finish within ${deadlineMs} ms; exiting anyway`);
        process.exit(1);
      }, deadlineMs).unref();
      drain().then(
        () => {
          logger.info('stopped');
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
      return;
    }
    if (Date.now() - firstSignalAt < DUPLICATE_SIGNAL_WINDOW_MS) return;
    logger.warn({ signal }, 'second signal: exiting without waiting for in-flight requests');
    process.exit(130);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
