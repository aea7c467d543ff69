// Response-cache benchmark (`npm run bench:cache`): a dashboard mix — the same 5 queries
// repeated by 20 anonymous clients — with one write a second through the API (an EDITOR key),
// against the server with the response cache on, then with RESPONSE_CACHE=false. Prints
// throughput, latency, errors and the hit rate of each run. PostgreSQL when BENCH_DATABASE_URL
// is set (the whole SIPRI register imported into it first, unless --no-import), else a fresh
// PGlite folder. Rate limiting is off (one address plays 20 clients) and each client may run
// as many aggregates at once as it has connections.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePort } from '../tests/support/throwaway-postgres.js';
import { ROOT, runCli, SERVER_ARGS, SIPRI_FILE } from './bench-server.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '30' },
    connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '20' },
    'no-import': { type: 'boolean', default: false },
  },
});
const DURATION_S = Math.min(Number(values.duration), 300);
const CONNECTIONS = Math.min(Number(values.connections), 200);

let dataDir: string | null = null;
const dbEnv: Record<string, string> = process.env.BENCH_DATABASE_URL
  ? { DATABASE_URL: process.env.BENCH_DATABASE_URL, SEED_DEMO_DATA: 'true' }
  : { PGLITE_DATA_DIR: (dataDir = mkdtempSync(join(tmpdir(), 'armstrail-cache-'))) };
const databaseKind = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

let dataset = 'the seed';
if (!values['no-import'] && existsSync(SIPRI_FILE)) {
  console.log(`importing ${SIPRI_FILE} into ${databaseKind}…`);
  runCli(['src/cli/import-sipri.ts', SIPRI_FILE], dbEnv);
  dataset = 'the whole SIPRI register';
} else if (values['no-import']) {
  dataset = 'the database as it is (--no-import)';
}
const keyOutput = runCli(
  ['src/cli/keys.ts', 'create', '--role', 'editor', '--name', 'bench: cache writer'],
  dbEnv,
);
const editorKey = /Key \(shown once[^)]*\): (\S+)/.exec(keyOutput)?.[1];
if (!editorKey) throw new Error(`no key in:\n${keyOutput}`);

// A dashboard: five panels, refreshed over and over by everyone looking at it.
const VOLUME_KEYS = 'ORDER_YEAR, SUPPLIER';
const DASHBOARD = [
  `query RecipientDeals { deals(first: 100, filter: { recipientCountry: ["IND"] }) {
    totalCount nodes { id stage orderDate { year iso } supplier { name } recipient { name }
      items { platform { designation category } quantityOrdered { value uncertain } tivTotalOrder tivDelivered } } } }`,
  `query DealPage { deals(first: 100) { pageInfo { endCursor hasNextPage }
    nodes { id supplier { name } recipient { name } items { platform { designation } } } } }`,
  `query SupplierTree { suppliers(first: 1, filter: { country: ["RUS"] }) { nodes { name
    dealsAsSupplier(first: 50) { nodes { items { platform { designation
      deals(first: 5) { nodes { recipient { name } } } } } } } } } }`,
  `query MaliRussia { deals(first: 50, filter: { supplierCountry: ["RUS"], recipientCountry: ["MLI"] }) {
    totalCount nodes { stage orderDate { iso uncertain } comments
      items { platform { designation family { designation } } quantityOrdered { value low high uncertain } }
      citations { stance excerpt source { url publisher language } } } } }`,
  `query Volumes { transferVolumes(groupBy: [${VOLUME_KEYS}], filter: { orderYear: { from: 2015 } }, first: 50) {
    totalCount nodes { orderYear supplier { name } dealCount tivOrdered } } }`,
].map((query) => ({
  method: 'POST' as const,
  path: '/graphql',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query }),
}));

interface Run {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  hits: number;
  writes: number;
}

async function measure(responseCache: boolean): Promise<Run> {
  const port = await freePort();
  const server = spawn(process.execPath, SERVER_ARGS, {
    cwd: ROOT,
    env: {
      ...process.env,
      ...dbEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_ENABLED: 'false',
      EXPENSIVE_CONCURRENCY_PER_CLIENT: String(CONNECTIONS),
      RESPONSE_CACHE: String(responseCache),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    let ready = false;
    for (let i = 0; i < 120 && !ready; i++) {
      ready = await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 500));
    }
    if (!ready) throw new Error('the server did not become ready');
    for (const request of DASHBOARD) {
      const body = (await (await fetch(`${base}/graphql`, request)).json()) as { errors?: unknown };
      if (body.errors) throw new Error(`a dashboard query fails: ${JSON.stringify(body)}`);
    }
    // One write a second, each a committed transaction that moves the data version.
    let writes = 0;
    const writer = setInterval(() => {
      writes += 1;
      void fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${editorKey}` },
        body: JSON.stringify({
          query: `mutation($input: CreateActorInput!) { createActor(input: $input) { actor { id } } }`,
          variables: {
            input: {
              kind: 'COMPANY',
              name: `Cache bench ${Date.now()}`,
              reason: 'benchmark write',
            },
          },
        }),
      }).then(async (response) => {
        const body = (await response.json()) as { errors?: unknown };
        if (body.errors) console.error(`a write failed: ${JSON.stringify(body.errors)}`);
      });
    }, 1000);
    let hits = 0;
    const result = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: DURATION_S,
      timeout: 10,
      requests: DASHBOARD.map((request) => ({
        ...request,
        onResponse: (_status: number, body: string) => {
          if (body.includes('"cache":{"hit":true')) hits += 1;
        },
      })),
    });
    clearInterval(writer);
    return {
      requests: result.requests.total,
      perSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts + result.non2xx,
      hits,
      writes,
    };
  } finally {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
  }
}

try {
  console.log(
    `\ndashboard mix: ${DASHBOARD.length} queries, ${CONNECTIONS} anonymous connections × ${DURATION_S} s, ` +
      `one write a second, on ${databaseKind}, over ${dataset}`,
  );
  const runs: [string, Run][] = [];
  for (const on of [true, false]) {
    const run = await measure(on);
    runs.push([on ? 'cache on' : 'RESPONSE_CACHE=false', run]);
    console.log(
      `${on ? 'cache on ' : 'cache off'}: ${Math.round(run.perSecond)} req/s, p50 ${run.p50} ms, ` +
        `p99 ${run.p99} ms, ${run.requests} requests, ${run.errors} errors, ${run.writes} writes, ` +
        `hit rate ${((100 * run.hits) / Math.max(1, run.requests)).toFixed(1)} %`,
    );
  }
  const [on, off] = [runs[0]![1], runs[1]![1]];
  console.log(`cached / uncached throughput: ${(on.perSecond / off.perSecond).toFixed(1)}x`);
} finally {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
