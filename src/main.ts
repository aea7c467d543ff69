// Process entry: config → database → migrate/seed → HTTP → graceful shutdown.
import cluster from 'node:cluster';
import type { AddressInfo } from 'node:net';
import { openReadyDatabase } from './bootstrap.js';
import { loadConfig, type Config } from './config.js';
import { openReadReplicas } from './db/read-replicas.js';
import { createRateLimiter, GuardedRedis } from './graphql/limits/index.js';
import { createResponseCache } from './graphql/response-cache/index.js';
import { createHttpServer } from './http.js';
import { exitGracefullyOnSignals } from './graceful-shutdown.js';
import { createLogger, type Logger } from './logger.js';
import { setCitationPublicUrl } from './modules/citations/citations.resolvers.js';
import { createExportRateLimiter } from './modules/export/export-route.js';
import { OperatorError } from './operator-error.js';
import { createApolloServer } from './server.js';
import { superviseWorkers } from './workers.js';

// How long closing Apollo, the rate limiter and the database may take after the grace period:
// moments normally; a drain still running past it is stuck, and the process exits anyway.
const SHUTDOWN_CLOSE_MARGIN_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (config.workers > 1 && cluster.isPrimary) {
    await superviseWorkers(config, logger, {
      prepare: async () => (await openReadyDatabase(config, logger)).close(),
      workerDeadlineMs: config.shutdownGraceMs + SHUTDOWN_CLOSE_MARGIN_MS,
    });
    return;
  }
  await serve(config, logger);
}

/** One server process: the only one, or a worker of several. */
async function serve(config: Config, logger: Logger): Promise<void> {
  setCitationPublicUrl(config.publicUrl);
  const database = await openReadyDatabase(config, logger);
  // One Redis connection (and circuit breaker) for the rate limiter and the response cache.
  const redisUrl = config.rateLimit.redisUrl;
  const redis = redisUrl ? new GuardedRedis(redisUrl, logger) : null;
  const rateLimiter = createRateLimiter(config.rateLimit, logger, redis);
  const responseCache = config.responseCache.enabled
    ? await createResponseCache(config.responseCache, database, {
        redis,
        publicUrl: config.publicUrl,
      })
    : null;
  const exportRateLimiter = createExportRateLimiter(
    config.exportRateLimit,
    config.rateLimit,
    logger,
  );
  const readReplicas =
    config.database.kind === 'postgres'
      ? await openReadReplicas(config.database, config.readAfterWriteMs, logger)
      : null;
  const apollo = createApolloServer(logger, {
    limits: config.limits,
    rateLimiter,
    responseCache,
    readReplicas,
    compiledExecution: config.compiledExecution,
  });
  await apollo.start();
  const server = createHttpServer({
    apollo,
    database,
    logger,
    maxBodyBytes: config.limits.maxBodyBytes,
    limits: config.limits,
    rateLimiter,
    exportRateLimiter,
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  // With several workers the primary announces the service once they all listen.
  if (cluster.isWorker) logger.info({ port }, 'worker ready');
  else {
    logger.info(
      { port, host: config.host, database: config.database.kind },
      `Armstrail GraphQL API ready at http://localhost:${port}/graphql`,
    );
  }

  exitGracefullyOnSignals(
    async () => {
      // In-flight requests get the grace period to finish; then their connections are cut.
      const forceClose = setTimeout(() => server.closeAllConnections(), config.shutdownGraceMs);
      forceClose.unref();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      // A request whose client left is no connection, but its resolvers may still be running.
      await server.requestsSettled();
      await apollo.stop();
      await rateLimiter?.close();
      redis?.close();
      await exportRateLimiter?.close();
      await readReplicas?.close();
      await database.close();
      // After the grace period connections are cut; closing the rest takes moments, not this long.
    },
    logger,
    { deadlineMs: config.shutdownGraceMs + SHUTDOWN_CLOSE_MARGIN_MS },
  );
}

main().catch((error: unknown) => {
  // Configuration errors and a locked data folder are the operator's to fix: print the
  // message, not a stack trace.
  console.error(error instanceof OperatorError ? error.message : error);
  process.exit(1);
});
