// Hostile requests against the real server process: each is refused with a 4xx and a
// coded GraphQL error that names the limit, quickly, and the server keeps answering afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getAnswer,
  ownDatabaseEnv,
  postGraphQL,
  startRealServer,
  type HttpAnswer,
  type RealServer,
} from '../support/real-server.js';

let server: RealServer;
let cleanup: () => Promise<unknown>;

beforeAll(async () => {
  const own = await ownDatabaseEnv();
  cleanup = own.cleanup;
  server = await startRealServer(own.env);
}, 90_000);

afterAll(async () => {
  await server?.stop();
  await cleanup?.();
});

const NORMAL = '{ deals(first: 5) { totalCount nodes { id supplier { name } } } }';

async function expectStillServing() {
  const answer = await postGraphQL(server.url, { query: NORMAL });
  expect(answer.status).toBe(200);
  expect(answer.body.errors).toBeUndefined();
  expect((answer.body.data?.deals as { totalCount: number }).totalCount).toBeGreaterThan(0);
}

function expectRefused(answer: HttpAnswer, status: number, code: string, message: RegExp) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.body.data ?? null).toBeNull();
  const [error] = answer.body.errors ?? [];
  expect(error?.extensions?.code, answer.text).toBe(code);
  expect(error?.message).toMatch(message);
  // Never an internal detail in a refusal.
  expect(answer.text).not.toMatch(/stacktrace| {4}at /);
}

/** `{ deals { nodes { supplier { dealsAsSupplier { nodes { supplier { … } } } } } } }` */
function deepQuery(levels: number): string {
  let inner = 'name';
  for (let i = 0; i < levels; i++)
    inner = `dealsAsSupplier(first: 1) { nodes { supplier { ${inner} } } }`;
  return `{ actors(first: 1) { nodes { ${inner} } } }`;
}

const timed = async (fn: () => Promise<HttpAnswer>) => {
  const started = performance.now();
  const answer = await fn();
  return { answer, ms: performance.now() - started };
};

describe('hostile queries against the real server', () => {
  const cases: [string, () => Promise<HttpAnswer>, number, string, RegExp][] = [
    [
      'deep nesting',
      () => postGraphQL(server.url, { query: deepQuery(12) }),
      400,
      'QUERY_TOO_COMPLEX',
      /depth is 39, the maximum is 20 \(19 over the limit\)/,
    ],
    [
      'deep introspection',
      () => {
        let inner = 'name';
        for (let i = 0; i < 12; i++) inner = `fields { type { ${inner} } }`;
        return postGraphQL(server.url, { query: `{ __schema { types { ${inner} } } }` });
      },
      400,
      'QUERY_TOO_COMPLEX',
      /depth is 27, the maximum is 20/,
    ],
    [
      'an alias flood',
      () => {
        const fields = Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ');
        return postGraphQL(server.url, { query: `{ ${fields} }` });
      },
      400,
      'QUERY_TOO_COMPLEX',
      /aliases is 1000, the maximum is 30 \(970 over the limit\)/,
    ],
    [
      'a fragment bomb (each fragment spread twice in the next)',
      () => {
        const fragments = Array.from(
          { length: 30 },
          (_, i) => `fragment F${i} on Query { x${i}: __typename ...F${i + 1} ...F${i + 1} }`,
        );
        fragments.push('fragment F30 on Query { __typename }');
        return postGraphQL(server.url, { query: `{ ...F0 } ${fragments.join(' ')}` });
      },
      400,
      'QUERY_TOO_COMPLEX',
      /aliases is \d{10}, the maximum is 30/,
    ],
    [
      'too many root fields',
      () => {
        const fields = Array.from({ length: 25 }, (_, i) => `d${i}: deals { totalCount }`);
        return postGraphQL(server.url, { query: `{ ${fields.join(' ')} }` });
      },
      400,
      'QUERY_TOO_COMPLEX',
      /root fields.*rootFields is 25, the maximum is 20 \(5 over the limit\)/,
    ],
    [
      'a directive flood',
      () => {
        const fields = Array.from({ length: 25 }, () => 'totalCount @include(if: true)');
        return postGraphQL(server.url, { query: `{ deals { ${fields.join(' ')} } }` });
      },
      400,
      'QUERY_TOO_COMPLEX',
      /directives is 25, the maximum is 20/,
    ],
    [
      'a token flood',
      () => {
        const stages = Array.from({ length: 6000 }, () => 'ORDERED').join(' ');
        return postGraphQL(server.url, {
          query: `{ deals(filter: { stage: [${stages}] }) { totalCount } }`,
        });
      },
      400,
      'BAD_USER_INPUT',
      /too many tokens: tokens is 60\d\d, the maximum is 5000 \(10\d\d over the limit\)/,
    ],
    [
      'a huge `first` literal',
      () => postGraphQL(server.url, { query: '{ deals(first: 1000000) { nodes { id } } }' }),
      400,
      'BAD_USER_INPUT',
      /`first`: must be between 1 and 100, got 1000000 \(999900 over the limit\), at `Query.deals`/,
    ],
    [
      'a huge `first` variable in a nested connection',
      () =>
        postGraphQL(server.url, {
          query:
            'query Q($n: Int) { actors(first: 1) { nodes { dealsAsSupplier(first: $n) { nodes { id } } } } }',
          variables: { n: 5000 },
        }),
      400,
      'BAD_USER_INPUT',
      /`first`: must be between 1 and 100, got 5000 \(4900 over the limit\), at `Actor.dealsAsSupplier`/,
    ],
    [
      'a huge `first` as a variable default',
      () =>
        postGraphQL(server.url, {
          query: 'query Q($n: Int = 101) { deals(first: $n) { nodes { id } } }',
        }),
      400,
      'BAD_USER_INPUT',
      /got 101 \(1 over the limit\)/,
    ],
    [
      'a `first` beyond 32 bits',
      () => postGraphQL(server.url, { query: '{ deals(first: 99999999999) { nodes { id } } }' }),
      400,
      'BAD_USER_INPUT',
      /Int cannot represent/,
    ],
    [
      'too many IDs',
      () =>
        postGraphQL(server.url, {
          query: 'query Q($ids: [ID!]!) { nodes(ids: $ids) { id } }',
          variables: { ids: Array.from({ length: 500 }, (_, i) => `id${i}`) },
        }),
      400,
      'BAD_USER_INPUT',
      /must name at most 100 IDs, got 500 \(400 over the limit\)/,
    ],
    [
      'a query over the cost budget',
      () =>
        postGraphQL(server.url, {
          query:
            '{ deals(first: 100) { nodes { supplier { dealsAsSupplier(first: 100) { nodes { items { platform { designation } } } } } } } }',
        }),
      400,
      'QUERY_TOO_COMPLEX',
      /cost is 110301, the maximum is 25000 \(85301 over the limit\)/,
    ],
    [
      'a fragment cycle',
      () =>
        postGraphQL(server.url, {
          query:
            '{ deals { nodes { ...A } } } fragment A on Deal { supplier { dealsAsSupplier { nodes { ...A } } } }',
        }),
      400,
      'BAD_USER_INPUT',
      /Cannot spread fragment "A" within itself/,
    ],
    [
      'a giant string literal',
      () =>
        postGraphQL(server.url, {
          query: `{ actors(filter: { name: "${'x'.repeat(200_000)}" }) { totalCount } }`,
        }),
      400,
      'QUERY_TOO_COMPLEX',
      /stringLength is 200000, the maximum is 10000/,
    ],
    [
      'a giant string variable',
      () =>
        postGraphQL(server.url, {
          query: 'query Q($name: String) { actors(filter: { name: $name }) { totalCount } }',
          variables: { name: 'x'.repeat(300_000) },
        }),
      400,
      'QUERY_TOO_COMPLEX',
      /stringLength is 300000, the maximum is 10000/,
    ],
    [
      'a body over the size limit',
      () => postGraphQL(server.url, { query: `{ __typename } #${'x'.repeat(2 * 1024 * 1024)}` }),
      413,
      'BAD_USER_INPUT',
      /larger than 1048576 bytes/,
    ],
    [
      'malformed JSON',
      () => postGraphQL(server.url, '{"query": "{ deals { totalCount } }"'),
      400,
      'BAD_USER_INPUT',
      /not valid JSON/,
    ],
    [
      'a JSON body that is not an object',
      () => postGraphQL(server.url, '"{ deals { totalCount } }"'),
      400,
      'BAD_USER_INPUT',
      /POST body/,
    ],
    [
      'a batch (JSON array)',
      () =>
        postGraphQL(server.url, [
          { query: '{ deals { totalCount } }' },
          { query: '{ actors { totalCount } }' },
        ]),
      400,
      'BAD_USER_INPUT',
      /batching disabled/,
    ],
    [
      'a text/plain POST (a form a browser can send cross-site)',
      () =>
        postGraphQL(server.url, JSON.stringify({ query: NORMAL }), {
          'content-type': 'text/plain',
        }),
      400,
      'BAD_USER_INPUT',
      /CSRF/,
    ],
    [
      'an XML POST with a preflight header',
      () =>
        postGraphQL(server.url, '<query>{ deals { totalCount } }</query>', {
          'content-type': 'application/xml',
          'apollo-require-preflight': 'true',
        }),
      400,
      'BAD_USER_INPUT',
      /invalid Content-Type/,
    ],
    [
      'a GET mutation without a preflight header',
      () => getAnswer(`${server.url}?query=${encodeURIComponent('mutation { __typename }')}`),
      400,
      'BAD_USER_INPUT',
      /CSRF/,
    ],
    [
      'a GET mutation with a preflight header',
      () =>
        getAnswer(`${server.url}?query=${encodeURIComponent('mutation { __typename }')}`, {
          'apollo-require-preflight': 'true',
        }),
      405,
      'BAD_USER_INPUT',
      /GET requests only support query operations/,
    ],
    [
      'an empty query',
      () => postGraphQL(server.url, { query: '' }),
      400,
      'BAD_USER_INPUT',
      /non-empty `query`/,
    ],
    [
      'a syntax error',
      () => postGraphQL(server.url, { query: '{ deals { ' }),
      400,
      'BAD_USER_INPUT',
      /Syntax Error/,
    ],
  ];

  it.each(cases)(
    'refuses %s with a 4xx, quickly, and then still answers',
    async (_name, send, status, code, message) => {
      const { answer, ms } = await timed(send);
      expectRefused(answer, status, code, message);
      expect(ms).toBeLessThan(5_000);
      await expectStillServing();
    },
  );

  it('says so with Allow: POST when a mutation comes by GET', async () => {
    const answer = await getAnswer(
      `${server.url}?query=${encodeURIComponent('mutation { __typename }')}`,
      { 'apollo-require-preflight': 'true' },
    );
    expect(answer.headers.get('allow')).toBe('POST');
  });

  it('logs every refusal with the limit that refused it, and never a 500', () => {
    const requests = server.logs().filter((line) => line.msg === 'graphql request');
    expect(requests.length).toBeGreaterThanOrEqual(cases.length);
    expect(requests.filter((line) => (line.status as number) >= 500)).toEqual([]);
    const limits = new Set(requests.map((line) => line.limit).filter(Boolean));
    for (const limit of ['depth', 'aliases', 'rootFields', 'directives', 'tokens', 'first']) {
      expect(limits).toContain(limit);
    }
    for (const limit of ['ids', 'cost', 'stringLength']) expect(limits).toContain(limit);
  });
});

/** A cursor of the API's keyset shape (`[order, key, id]`) with the given parts. */
const forgedCursor = (order: string, key: string | null, id: string) =>
  Buffer.from(JSON.stringify([order, key, id]), 'utf8').toString('base64url');
const feedCursor = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const ZERO_UUID = '00000000-0000-0000-0000-000000000000';
const DEALS_AFTER = 'query Q($after: String) { deals(after: $after) { nodes { id } } }';
const FEED_AFTER = 'query Q($after: String) { changes(after: $after) { nodes { id } } }';
const FORGED = /`after`: is not a cursor returned by this API/;
const FORGED_FEED = /`after`: is not a cursor of the change feed/;

/**
 * A coded client error: any 4xx, or a 200 whose errors are all coded (a resolver's refusal
 * of one field), never an INTERNAL_SERVER_ERROR.
 */
function expectClientError(answer: HttpAnswer, code: string, message: RegExp) {
  expect(answer.status, answer.text).toBeLessThan(500);
  const errors = answer.body.errors ?? [];
  expect(errors.length, answer.text).toBeGreaterThan(0);
  for (const error of errors)
    expect(error.extensions?.code, answer.text).not.toBe('INTERNAL_SERVER_ERROR');
  expect(errors[0]?.extensions?.code, answer.text).toBe(code);
  expect(errors[0]?.message).toMatch(message);
}

/** Sends `query` with `$after` set to `after`. */
const sendAfter = (query: string, after: string) =>
  postGraphQL(server.url, { query, variables: { after } });

describe('bad input against the real server: coded errors, never a 500', () => {
  const since =
    'query Q($since: DateTime) { deals(filter: { updatedSince: $since }) { totalCount } }';
  const cases: [string, () => Promise<HttpAnswer>, string, RegExp][] = [
    [
      'a NUL byte in a string literal',
      () =>
        postGraphQL(server.url, {
          query: '{ actors(filter: { name: "a\\u0000b" }) { totalCount } }',
        }),
      'BAD_USER_INPUT',
      /`filter\.name`.*NUL character/,
    ],
    [
      'a NUL byte in a string variable',
      () =>
        postGraphQL(server.url, {
          query: 'query Q($name: String) { actors(filter: { name: $name }) { totalCount } }',
          variables: { name: 'a\u0000b' },
        }),
      'BAD_USER_INPUT',
      /`\$name`.*NUL character/,
    ],
    [
      'a NUL byte deep in a variable (a mutation text)',
      () =>
        postGraphQL(server.url, {
          query:
            'mutation M($input: CreateSourceInput!) { createSource(input: $input) { source { id } } }',
          variables: { input: { source: { kind: 'NEWS', title: 'x\u0000' } } },
        }),
      'BAD_USER_INPUT',
      /`\$input\.source\.title`.*NUL character/,
    ],
    [
      'a lone UTF-16 surrogate in a variable',
      () =>
        postGraphQL(
          server.url,
          '{"query":"query Q($name: String) { actors(filter: { name: $name }) { totalCount } }","variables":{"name":"a\\ud800b"}}',
        ),
      'BAD_USER_INPUT',
      /`\$name`.*lone UTF-16 surrogate/,
    ],
    [
      'a forged deal cursor whose ID is not a UUID',
      () => sendAfter(DEALS_AFTER, forgedCursor('deals:ORDER_DATE:DESC', '2020', '-'.repeat(36))),
      'BAD_USER_INPUT',
      FORGED,
    ],
    [
      'a forged deal cursor whose order-date key is not a number',
      () => sendAfter(DEALS_AFTER, forgedCursor('deals:ORDER_DATE:DESC', 'abc', ZERO_UUID)),
      'BAD_USER_INPUT',
      FORGED,
    ],
    [
      'a forged deal cursor whose order-date key is beyond 32 bits',
      () => sendAfter(DEALS_AFTER, forgedCursor('deals:ORDER_DATE:DESC', '99999999999', ZERO_UUID)),
      'BAD_USER_INPUT',
      FORGED,
    ],
    [
      'a forged deal cursor whose timestamp key is not a time',
      () =>
        sendAfter(
          'query Q($after: String) { deals(orderBy: { field: UPDATED_AT }, after: $after) { nodes { id } } }',
          forgedCursor('deals:UPDATED_AT:DESC', 'yesterday', ZERO_UUID),
        ),
      'BAD_USER_INPUT',
      FORGED,
    ],
    [
      'a forged name cursor with a NUL in its key',
      () =>
        sendAfter(
          'query Q($after: String) { platforms(after: $after) { nodes { id } } }',
          forgedCursor('platforms', 'mi\u0000', ZERO_UUID),
        ),
      'BAD_USER_INPUT',
      FORGED,
    ],
    [
      'a change-feed cursor with a revision number past 2^63',
      () => sendAfter(FEED_AFTER, feedCursor('feed:1:9223372036854775808')),
      'BAD_USER_INPUT',
      FORGED_FEED,
    ],
    [
      'a change-feed cursor with a transaction number past 2^64',
      () => sendAfter(FEED_AFTER, feedCursor('feed:99999999999999999999:1')),
      'BAD_USER_INPUT',
      FORGED_FEED,
    ],
    [
      'updatedSince in year 0 (a literal)',
      () =>
        postGraphQL(server.url, {
          query: '{ deals(filter: { updatedSince: "0000-01-01T00:00:00Z" }) { totalCount } }',
        }),
      'BAD_USER_INPUT',
      /DateTime \(ISO 8601\) cannot represent "0000-01-01T00:00:00Z": years 1 to 9999/,
    ],
    [
      'updatedSince in year 0 (a variable)',
      () => postGraphQL(server.url, { query: since, variables: { since: '0000-01-01T00:00:00Z' } }),
      'BAD_USER_INPUT',
      /\$since.*years 1 to 9999/,
    ],
    [
      'updatedSince pushed past year 9999 by its offset',
      () =>
        postGraphQL(server.url, {
          query: since,
          variables: { since: '9999-12-31T23:00:00-05:00' },
        }),
      'BAD_USER_INPUT',
      /years 1 to 9999/,
    ],
    [
      'a variables array of 200,000 items',
      () =>
        postGraphQL(server.url, {
          query: 'query Q($s: [DealStage!]) { deals(filter: { stage: $s }) { totalCount } }',
          variables: { s: Array.from({ length: 200_000 }, () => 0) },
        }),
      'BAD_USER_INPUT',
      /`\$s`: must hold at most 1000 items, got 200000 \(199000 over the limit\)/,
    ],
    [
      'a list of 70,000 values that would reach SQL as bind parameters',
      () =>
        postGraphQL(server.url, {
          query: 'query Q($s: [DealStage!]) { deals(filter: { stage: $s }) { totalCount } }',
          variables: { s: Array.from({ length: 70_000 }, () => 'ORDERED') },
        }),
      'BAD_USER_INPUT',
      /`\$s`: must hold at most 1000 items, got 70000/,
    ],
    [
      'a list literal of 1,200 values',
      () =>
        postGraphQL(server.url, {
          query: `{ deals(filter: { stage: [${Array.from({ length: 1200 }, () => 'ORDERED').join(' ')}] }) { totalCount } }`,
        }),
      'BAD_USER_INPUT',
      /`filter\.stage`.*must hold at most 1000 items, got 1200/,
    ],
    [
      'an APQ hash that does not match the query',
      () =>
        postGraphQL(server.url, {
          query: '{ deals { totalCount } }',
          extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
        }),
      'BAD_USER_INPUT',
      /sha does not match/,
    ],
    [
      'an APQ of version 2',
      () =>
        postGraphQL(server.url, {
          query: '{ deals { totalCount } }',
          extensions: { persistedQuery: { version: 2, sha256Hash: '0'.repeat(64) } },
        }),
      'BAD_USER_INPUT',
      /Unsupported persisted query version/,
    ],
    [
      'more than 50 variable-coercion errors',
      () =>
        postGraphQL(server.url, {
          query: 'query Q($s: [DealStage!]) { deals(filter: { stage: $s }) { totalCount } }',
          variables: { s: Array.from({ length: 60 }, (_, i) => `NOPE${i}`) },
        }),
      'BAD_USER_INPUT',
      /Variable "\$s" got invalid value/,
    ],
  ];

  it.each(cases)('answers %s with a coded client error', async (_name, send, code, message) => {
    const answer = await send();
    expectClientError(answer, code, message);
    expect(answer.text).not.toMatch(/stacktrace| {4}at /);
    await expectStillServing();
  });

  it('says how many variable errors there were when graphql-js stops counting', async () => {
    const answer = await postGraphQL(server.url, {
      query: 'query Q($s: [DealStage!]) { deals(filter: { stage: $s }) { totalCount } }',
      variables: { s: Array.from({ length: 60 }, (_, i) => `NOPE${i}`) },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.at(-1)?.message).toMatch(/more than 50 invalid values/);
  });

  it('logs no error-level line and no 5xx for any of them', () => {
    const logs = server.logs();
    expect(logs.filter((line) => (line.level as number) >= 50)).toEqual([]);
    const requests = logs.filter((line) => line.msg === 'graphql request');
    expect(requests.filter((line) => (line.status as number) >= 500)).toEqual([]);
  });
});
