// Test support: the real Apollo server over a real test database, queried in-process.
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { ApolloServer } from '@apollo/server';
import { createContext, type Context } from '../../src/context.js';
import { createHttpServer, type HttpOptions } from '../../src/http.js';
import { createLogger } from '../../src/logger.js';
import { authenticate } from '../../src/modules/auth/authenticate.js';
import { createApolloServer } from '../../src/server.js';
import type { TypedDocumentString } from './graphql/graphql.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestApi {
  database: TestDatabase;
  /** Log lines the server wrote, as parsed JSON objects. */
  logs: Record<string, unknown>[];
  /** A typed document (graphql() from ./graphql): the result and variables typed from the schema. */
  query<T, V>(
    document: TypedDocumentString<T, V>,
    variables?: V,
    options?: { apiKey?: string },
  ): Promise<GraphQLResult<T>>;
  /** A plain string, for documents built at run time or meant to be invalid. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { apiKey?: string },
  ): Promise<GraphQLResult<T>>;
  /** Starts the real HTTP layer on a free loopback port; closed with the API. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export async function createTestApi(options: { seed?: boolean } = {}): Promise<TestApi> {
  const database = await createTestDatabase(options);
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  const logger = createLogger('info', sink);
  const apollo = createApolloServer(logger);
  await apollo.start();
  let http: HttpServing | undefined;
  return {
    database,
    logs,
    async query<T>(
      query: string | TypedDocumentString<T, unknown>,
      variables?: object,
      options: { apiKey?: string } = {},
    ) {
      const viewer = await authenticate(database.db, options.apiKey && `Bearer ${options.apiKey}`);
      const response = await apollo.executeOperation(
        { query: String(query), variables: variables as Record<string, unknown> | undefined },
        { contextValue: createContext(database.db, logger, 'test', viewer) },
      );
      if (response.body.kind !== 'single') throw new Error('Expected a single result');
      return response.body.singleResult as GraphQLResult<T>;
    },
    async listen() {
      http = await serveHttp({ apollo, database, logger });
      return http.url;
    },
    async close() {
      await http?.close();
      await apollo.stop();
      await database.close();
    },
  };
}

export interface HttpServing {
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  /** http://127.0.0.1:<port> */
  base: string;
  /** Closes the server, and the Apollo server when serveHttp started it. */
  close(): Promise<void>;
}

/**
 * The real HTTP layer in-process on a free loopback port: over `apollo`, or over an Apollo server
 * of its own that pays into `rateLimiter` (the rate-limit and export tests give small budgets).
 */
export async function serveHttp({
  apollo,
  ...options
}: Omit<HttpOptions, 'apollo'> & { apollo?: ApolloServer<Context> }): Promise<HttpServing> {
  const own = apollo
    ? undefined
    : createApolloServer(options.logger, { rateLimiter: options.rateLimiter ?? null });
  await own?.start();
  const server = createHttpServer({ ...options, apollo: apollo ?? own! });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/graphql`,
    base,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await own?.stop();
    },
  };
}

/** The data of a result that must have no errors; fails the test with the errors otherwise. */
export function dataOf<T>(result: GraphQLResult<T>): T {
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  if (!result.data) throw new Error('No data in result');
  return result.data;
}
