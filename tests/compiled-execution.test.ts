// Compiled execution (graphql-jit, src/graphql/compiled-execution.ts) against graphql-js's own
// executor on the same database: every answer, error, HTTP status and error log line the same.
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/context.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import { createLogger } from '../src/logger.js';
import { ids } from '../src/seed/kazan-mali.js';
import { createApolloServer } from '../src/server.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

interface Request {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** An Apollo server as the application builds it, and the error lines it logs. */
async function serverWith(compiledExecution: boolean, database: TestDatabase) {
  const errorLogs: unknown[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        const { msg, path, level, err } = JSON.parse(line) as Record<string, unknown>;
        if (Number(level) < 50) continue;
        // The stack names the executor that ran; the rest must be the same.
        const { stack: _stack, ...cause } = (err ?? {}) as Record<string, unknown>;
        errorLogs.push({ msg, path, cause });
      }
      done();
    },
  });
  const logger = createLogger('info', sink);
  const apollo = createApolloServer(logger, { compiledExecution });
  await apollo.start();
  return {
    errorLogs,
    apollo,
    async ask(request: Request) {
      const response = await apollo.executeOperation(request, {
        contextValue: createContext(database.db, logger, 'test'),
      });
      if (response.body.kind !== 'single') throw new Error('Expected a single result');
      return { status: response.http.status, body: response.body.singleResult };
    },
  };
}

const mali = toGlobalId('Actor', ids.mali);
const unknownActor = toGlobalId('Actor', '00000000-0000-4000-8000-000000000000');

const DEAL_FIELDS = `id stage orderDate { iso uncertain } supplier { name } recipient { name }
  items { quantityOrdered { value uncertain } deliveryYears tivPerUnit tivTotalOrder
  platform { designation description family { designation } } }
  events { type date { iso } } citations { excerpt source { url language } }`;

const REQUESTS: [string, Request][] = [
  [
    'a page of deals with every kind of field',
    {
      query: `{ deals(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${DEAL_FIELDS} } } } }`,
    },
  ],
  [
    'variables, defaults, aliases, fragments and __typename',
    {
      query: `query Q($country: [String!], $n: Int = 5) {
        mali: deals(filter: { recipientCountry: $country }, first: $n) { nodes { ...D } }
        all: deals(first: 2) { nodes { __typename ...D } }
      }
      fragment D on Deal { id stage supplier { __typename name } }`,
      variables: { country: ['MLI'] },
    },
  ],
  [
    'an interface (node) and a list of them',
    {
      query: `query($id: ID!, $ids: [ID!]!) {
        node(id: $id) { __typename id ... on Actor { name } }
        nodes(ids: $ids) { __typename id }
      }`,
      variables: { id: mali, ids: [mali, mali] },
    },
  ],
  ['the introspection query', { query: getIntrospectionQuery() }],
  [
    'an unknown ID (NOT_FOUND)',
    { query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id: unknownActor } },
  ],
  [
    'an unknown ID in a filter on a non-null field (the answer is nulled)',
    {
      query: 'query($f: DealFilter) { deals(filter: $f) { totalCount } }',
      variables: { f: { supplier: [mali, unknownActor] } },
    },
  ],
  [
    'two unknown IDs (two errors)',
    {
      query:
        'query($id: ID!) { a: node(id: $id) { id } b: actors(first: 1) { nodes { name } } c: node(id: $id) { id } }',
      variables: { id: unknownActor },
    },
  ],
  [
    'an error in a nullable field, then one that nulls the whole answer',
    {
      query: `query($id: ID!) { node(id: $id) { id } deals(after: "garbage") { totalCount } }`,
      variables: { id: unknownActor },
    },
  ],
  [
    'a bad first argument (BAD_USER_INPUT from a resolver)',
    { query: '{ deals(first: 1000) { totalCount } }' },
  ],
  [
    'a variable of the wrong type',
    { query: 'query($n: Int) { deals(first: $n) { totalCount } }', variables: { n: 'ten' } },
  ],
  [
    'a required variable missing',
    { query: 'query($id: ID!) { node(id: $id) { id } }', variables: {} },
  ],
  [
    'a variable with an unknown input field',
    {
      query: 'query($f: DealFilter) { deals(filter: $f) { totalCount } }',
      variables: { f: { nope: 1 } },
    },
  ],
  [
    'a custom scalar variable that does not parse',
    {
      query: 'query($t: DateTime) { changes(updatedSince: $t) { nodes { id } } }',
      variables: { t: 'yesterday' },
    },
  ],
  [
    'more than 50 invalid variable values',
    {
      query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      variables: { ids: Array.from({ length: 60 }, () => null) },
    },
  ],
  [
    'several operations and no name',
    { query: 'query A { deals { totalCount } } query B { deals { totalCount } }' },
  ],
  ['an unknown operation name', { query: 'query A { deals { totalCount } }', operationName: 'B' }],
  [
    'a named operation among several',
    {
      query: 'query A { deals { totalCount } } query B { actors(first: 3) { nodes { name } } }',
      operationName: 'B',
    },
  ],
];

describe('compiled execution', () => {
  let database: TestDatabase;
  let compiled: Awaited<ReturnType<typeof serverWith>>;
  let interpreted: Awaited<ReturnType<typeof serverWith>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    compiled = await serverWith(true, database);
    interpreted = await serverWith(false, database);
  });
  afterAll(async () => {
    await compiled.apollo.stop();
    await interpreted.apollo.stop();
    await database.close();
  });

  it.each(REQUESTS)('answers %s as graphql-js does', async (_name, request) => {
    const expected = await interpreted.ask(request);
    // Twice: the first compiles, the second runs the kept compiled operation.
    expect(await compiled.ask(request)).toEqual(expected);
    expect(await compiled.ask(request)).toEqual(expected);
  });

  it('answers the same queries from the shared cache of compiled operations', async () => {
    const request = { query: `{ deals(first: 3) { nodes { id } } }` };
    const answers = await Promise.all(Array.from({ length: 5 }, () => compiled.ask(request)));
    for (const answer of answers) expect(answer).toEqual(await interpreted.ask(request));
  });

  // Last: it breaks the database. A table gone under the server fails the deal's events, a
  // non-null list, in two places: two errors, each nulling its branch, masked and logged.
  it('lists, masks and logs unexpected errors as graphql-js does', async () => {
    compiled.errorLogs.length = interpreted.errorLogs.length = 0;
    await database.db.execute(sql`alter table deal_events rename to deal_events_gone`);
    const request = {
      query: `query($id: ID!) {
        a: node(id: $id) { ... on Deal { id events { type } } }
        b: node(id: $id) { ... on Deal { stage events { type } } }
      }`,
      variables: { id: toGlobalId('Deal', ids.kazanDeal) },
    };
    const expected = await interpreted.ask(request);
    expect(expected.body.errors).toHaveLength(2);
    expect(await compiled.ask(request)).toEqual(expected);
    expect(compiled.errorLogs).toEqual(interpreted.errorLogs);
    expect(compiled.errorLogs).toHaveLength(2);
  });
});
