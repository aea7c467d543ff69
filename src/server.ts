// Builds the Apollo server: schema, resolvers, plugins and error masking. Does no I/O.
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Context } from './context.js';
import { createErrorFormatter } from './graphql/format-error.js';
import { resolvers } from './graphql/resolvers.js';
import { typeDefs } from './graphql/type-defs.js';
import type { Logger } from './logger.js';

export function createApolloServer(logger: Logger): ApolloServer<Context> {
  return new ApolloServer<Context>({
    typeDefs,
    resolvers,
    // Journalists explore the API in GraphiQL, which needs the schema: introspection stays on.
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(logger),
    logger,
    // Requests with 'GET' or text/plain bodies must carry a preflight header (CSRF defence).
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // GET /graphql from a browser is our self-hosted GraphiQL (src/graphiql), not Apollo's page.
    plugins: [ApolloServerPluginLandingPageDisabled()],
  });
}
