// Builds the Apollo server: schema, resolvers, plugins and error masking. Does no I/O.
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { useExpensiveDatabase, type Context } from './context.js';
import type { QueryLimits } from './config.js';
import type { ReadReplicas } from './db/read-replicas.js';
import {
  buildSchemaAsApolloDoes,
  createCompiledExecutionGateway,
} from './graphql/compiled-execution.js';
import { createErrorFormatter } from './graphql/format-error.js';
import {
  createLimitsPlugin,
  DEFAULT_QUERY_LIMITS,
  documentLimitsRule,
  type RateLimiter,
} from './graphql/limits/index.js';
import { createReadRoutingPlugin } from './graphql/read-routing.js';
import { resolvers } from './graphql/resolvers.js';
import { createResponseCachePlugin, type ResponseCache } from './graphql/response-cache/index.js';
import { typeDefs } from './graphql/type-defs.js';
import type { Logger } from './logger.js';

export interface ApolloServerOptions {
  /** Query limits (src/graphql/limits); the defaults of src/config.ts when omitted. */
  limits?: QueryLimits;
  /** Charges each HTTP request's cost to its client; no rate limiting when omitted. */
  rateLimiter?: RateLimiter | null;
  /** Streaming replicas for read-only queries; everything on the primary when omitted. */
  readReplicas?: ReadReplicas | null;
  /** Answers repeated anonymous and READER queries from a store; no cache when omitted. */
  responseCache?: ResponseCache<Context> | null;
  /** Operations compiled by graphql-jit (src/graphql/compiled-execution.ts); on when omitted. */
  compiledExecution?: boolean;
}

export function createApolloServer(
  logger: Logger,
  {
    limits = DEFAULT_QUERY_LIMITS,
    rateLimiter = null,
    readReplicas = null,
    responseCache = null,
    compiledExecution = true,
  }: ApolloServerOptions = {},
): ApolloServer<Context> {
  // With a gateway Apollo takes the schema from it, so it is built here the way Apollo would.
  const schema = compiledExecution
    ? { gateway: createCompiledExecutionGateway(buildSchemaAsApolloDoes(typeDefs, resolvers)) }
    : { typeDefs, resolvers };
  return new ApolloServer<Context>({
    ...schema,
    // Journalists explore the API in GraphiQL, which needs the schema: introspection stays on.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(logger),
    logger,
    // The process owns its signals (src/graceful-shutdown.ts). Apollo's own handler (on unless
    // NODE_ENV=test) would stop Apollo under in-flight requests and re-send the signal, which
    // ended the process before the HTTP server had drained.
    stopOnTerminationSignals: false,
    // Requests with 'GET' or text/plain bodies must carry a preflight header (CSRF defence).
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Limits: the parser stops at the token limit, a validation rule checks the document's
    // shape, and the limits plugin its cost and the client's budget (src/graphql/limits).
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [documentLimitsRule(limits)],
    // GET /graphql from a browser is our self-hosted GraphiQL (src/graphiql), not Apollo's page.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // No field carries a cache hint, and the cache-control plugin (on by default) wraps every
      // field resolver to collect them: measurable CPU per field for nothing (issue 12's profile).
      ApolloServerPluginCacheControlDisabled(),
      // Before the limits plugin: an expensive query then moves to the replica's expensive pool.
      ...(readReplicas ? [createReadRoutingPlugin(readReplicas)] : []),
      createLimitsPlugin<Context>({
        limits,
        rateLimiter,
        onExpensiveOperation: useExpensiveDatabase,
      }),
      // After the limits: a cached answer is served only to a request they have let through
      // and charged, and gets the same per-request extensions.cost.
      ...(responseCache ? [createResponseCachePlugin(responseCache)] : []),
    ],
  });
}
