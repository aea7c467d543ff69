// Test support: the real Apollo server over a real test database, queried in-process.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createContext } from '../../src/context.js';
import { createHttpServer } from '../../src/http.js';
import { createLogger } from '../../src/logger.js';
import { authenticate } from '../../src/modules/auth/authenticate.js';
import { createApolloServer } from '../../src/server.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface GraphQLResult<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface TestApi {
  database: TestDatabase;
  /** Log lines the server wrote, as parsed JSON objects. */
  logs: Record<string, unknown>[];
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
  let server: Server | undefined;
  return {
    database,
    logs,
    async query<T>(
      query: string,
      variables?: Record<string, unknown>,
      options: { apiKey?: string } = {},
    ) {
      const viewer = await authenticate(database.db, options.apiKey && `Bearer ${options.apiKey}`);
      const response = await apollo.executeOperation(
        { query, variables },
        { contextValue: createContext(database.db, logger, 'test', viewer) },
      );
      if (response.body.kind !== 'single') throw new Error('Expected a single result');
      return response.body.singleResult as GraphQLResult<T>;
    },
    async listen() {
      server = createHttpServer({ apollo, database, logger });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    },
    async close() {
      if (server) await new Promise((resolve) => server!.close(resolve));
      await apollo.stop();
      await database.close();
    },
  };
}

/** The data of a result that must have no errors; fails the test with the errors otherwise. */
export function dataOf<T>(result: GraphQLResult<T>): T {
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  if (!result.data) throw new Error('No data in result');
  return result.data;
}
