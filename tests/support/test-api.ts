// Test support: the real Apollo server over a real test database, queried in-process.
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { createContext } from '../../src/context.js';
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
  ): Promise<GraphQLResult<T>>;
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
  const logger = pino({ level: 'info' }, sink);
  const apollo = createApolloServer(logger);
  await apollo.start();
  return {
    database,
    logs,
    async query<T>(query: string, variables?: Record<string, unknown>) {
      const response = await apollo.executeOperation(
        { query, variables },
        { contextValue: createContext(database.db, logger, 'test') },
      );
      if (response.body.kind !== 'single') throw new Error('Expected a single result');
      return response.body.singleResult as GraphQLResult<T>;
    },
    async close() {
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
