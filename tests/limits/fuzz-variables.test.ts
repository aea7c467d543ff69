// Fuzzing the real server's variables: a few thousand generated bad values (wrong types, huge
// and nested lists, deep objects, NUL bytes and lone surrogates, forged cursors, dates out of
// range) sent to real operations. Each must be answered without a 5xx, without an
// INTERNAL_SERVER_ERROR, and without an error-level log line. A seeded PRNG makes every run the
// same requests, so a failure can be replayed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ownDatabaseEnv,
  postGraphQL,
  startRealServer,
  type RealServer,
} from '../support/real-server.js';

const REQUESTS = 3000;
const CONCURRENCY = 4;
const SEED = 0x5eed14;

/** mulberry32: small, fast and deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

type Random = ReturnType<typeof prng>;

const OPERATIONS: { query: string; variables: string[] }[] = [
  {
    query: `query Q($filter: DealFilter, $first: Int, $after: String, $orderBy: DealOrder) {
      deals(filter: $filter, first: $first, after: $after, orderBy: $orderBy) { totalCount nodes { id } } }`,
    variables: ['filter', 'first', 'after', 'orderBy'],
  },
  {
    query: `query Q($filter: ActorFilter, $after: String) {
      actors(filter: $filter, after: $after) { totalCount nodes { id } } }`,
    variables: ['filter', 'after'],
  },
  {
    query: 'query Q($ids: [ID!]!) { nodes(ids: $ids) { id } }',
    variables: ['ids'],
  },
  {
    query:
      'query Q($after: String, $first: Int) { changes(after: $after, first: $first) { nodes { id } } }',
    variables: ['after', 'first'],
  },
  {
    query: `query Q($query: String!, $after: String) {
      search(query: $query, after: $after) { nodes { score } } }`,
    variables: ['query', 'after'],
  },
  {
    query: `mutation M($input: CreateSourceInput!) { createSource(input: $input) { source { id } } }`,
    variables: ['input'],
  },
];

const FIELDS = [
  'supplier',
  'recipient',
  'supplierCountry',
  'stage',
  'category',
  'orderYear',
  'updatedSince',
  'name',
  'kind',
  'country',
  'source',
  'title',
  'url',
  'field',
  'direction',
];

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

function badString(r: Random): string {
  switch (r.int(10)) {
    case 0:
      return `a\u0000b`;
    case 1:
      return `x\uD800y`;
    case 2:
      return '\uDC00';
    case 3:
      return 'é'.repeat(10_001);
    case 4:
      return '0000-01-01T00:00:00Z';
    case 5:
      return '+275760-09-13T00:00:00Z';
    case 6:
      return base64url(
        JSON.stringify([
          r.pick(['deals:ORDER_DATE:DESC', 'actors:all', 'platforms']),
          r.pick(['abc', '9'.repeat(15), 'mi\u0000', null]),
          r.pick(['-'.repeat(36), '00000000-0000-0000-0000-000000000000']),
        ]),
      );
    case 7:
      return base64url(`feed:${'9'.repeat(r.int(21) + 1)}:${'9'.repeat(r.int(21) + 1)}`);
    case 8:
      return base64url(
        `Actor:${r.pick(['not-a-uuid', '\u0000', '00000000-0000-0000-0000-000000000000'])}`,
      );
    default:
      return String.fromCharCode(...Array.from({ length: r.int(20) }, () => r.int(0x10000)));
  }
}

function badValue(r: Random, depth = 0): unknown {
  switch (r.int(depth > 3 ? 6 : 10)) {
    case 0:
      return badString(r);
    case 1:
      return r.pick([0, -1, 2 ** 31, 2 ** 53 + 1, 1e308, -0.5, Number.MAX_SAFE_INTEGER]);
    case 2:
      return r.pick([true, false, null]);
    case 3:
      return r.pick(['ORDERED', 'ASC', 'UPDATED_AT', 'NEWS', 'STATE', 'MLI', 'RU']);
    case 4:
      return {};
    case 5:
      return [];
    case 6: {
      // A long list: under or over the list limit, of strings or numbers.
      const length = r.pick([999, 1000, 1001, 5000, 20_000]);
      const item = r.pick<unknown>(['ORDERED', 7, 'a\u0000', null]);
      return Array.from({ length }, () => item);
    }
    case 7: {
      // A deep nest of lists or objects.
      let value: unknown = badString(r);
      const levels = r.int(3000);
      for (let i = 0; i < levels; i++)
        value = r.next() < 0.5 ? [value] : { [r.pick(FIELDS)]: value };
      return value;
    }
    case 8:
      return Array.from({ length: r.int(6) }, () => badValue(r, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = r.int(5); i >= 0; i--) object[r.pick(FIELDS)] = badValue(r, depth + 1);
      return object;
    }
  }
}

function request(r: Random) {
  const operation = r.pick(OPERATIONS);
  const variables: Record<string, unknown> = {};
  for (const name of operation.variables) {
    if (r.next() < 0.7) variables[name] = badValue(r);
  }
  return { query: operation.query, variables };
}

let server: RealServer;
let cleanup: () => Promise<unknown>;

beforeAll(async () => {
  const own = await ownDatabaseEnv();
  cleanup = own.cleanup;
  // Rate limiting off: thousands of requests in a few seconds are the point here.
  server = await startRealServer({ ...own.env, RATE_LIMIT_ENABLED: 'false' });
}, 90_000);

afterAll(async () => {
  await server?.stop();
  await cleanup?.();
});

describe('fuzzed variables against the real server', () => {
  it(`answers ${REQUESTS} bad requests without a 500 or an error log line`, async () => {
    const r = prng(SEED);
    const bodies = Array.from({ length: REQUESTS }, () => request(r));
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < bodies.length) {
        const body = bodies[next++]!;
        const answer = await postGraphQL(server.url, body);
        const internal = (answer.body.errors ?? []).some(
          (e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR' || e.extensions?.code === undefined,
        );
        if (answer.status >= 500 || internal) {
          const variables = JSON.stringify(body.variables).slice(0, 300);
          failures.push(`${answer.status} ${answer.text.slice(0, 300)} for ${variables}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(failures.slice(0, 5)).toEqual([]);
    const errorLines = server.logs().filter((line) => (line.level as number) >= 50);
    expect(errorLines.slice(0, 3)).toEqual([]);
  }, 120_000);
});
