// Load benchmark (`npm run bench:load [-- --flood]`): starts the server itself on 127.0.0.1 (on
// PostgreSQL when BENCH_DATABASE_URL is set, else a fresh PGlite folder), loads the whole SIPRI
// register when the importer and the file are there, and drives a mix of dashboard and journalist
// queries with autocannon. Prints throughput, p50/p99 latency, errors, the server's CPU time per
// request and its peak RSS.
// --flood: a quiet run, then the same run beside a flood of hostile queries and one of
// expensive ones (aggregates, search, huge lists, made-up keys); compares p99.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { ROOT, runCli, SIPRI_FILE, startBenchServer } from './bench-server.js';

const { values } = parseArgs({
  options: {
    flood: { type: 'boolean', default: false },
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '30' },
    connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '20' },
    'no-import': { type: 'boolean', default: false },
  },
});
const DURATION_S = Math.min(Number(values.duration), 300);
const CONNECTIONS = Math.min(Number(values.connections), 200);
const FLOOD_CONNECTIONS = 10;
const EXPENSIVE_CONNECTIONS = 4;

// The database: PostgreSQL as given, or a PGlite folder of this run's own.
let dataDir: string | null = null;
// PostgreSQL gets the demo data only when asked; the figures have always included it.
const dbEnv: Record<string, string> = process.env.BENCH_DATABASE_URL
  ? { DATABASE_URL: process.env.BENCH_DATABASE_URL, SEED_DEMO_DATA: 'true' }
  : { PGLITE_DATA_DIR: (dataDir = mkdtempSync(join(tmpdir(), 'armstrail-load-'))) };
const databaseKind = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

let dataset = 'the seed (Kazan record and the SIPRI Sahel excerpt)';
const importer = join(ROOT, 'src/cli/import-sipri.ts');
if (!values['no-import'] && existsSync(importer) && existsSync(SIPRI_FILE)) {
  console.log(`importing ${SIPRI_FILE} into ${databaseKind}…`);
  const started = performance.now();
  runCli(['src/cli/import-sipri.ts', SIPRI_FILE], dbEnv);
  dataset = `the whole SIPRI register (${SIPRI_FILE.split('/').pop()}), imported in ${((performance.now() - started) / 1000).toFixed(1)} s`;
} else if (values['no-import']) {
  dataset = 'the database as it is (--no-import)';
} else {
  console.log('no SIPRI importer or register file: running on the seed only');
}

// Normal traffic carries API keys: the question here is the server's capacity, so keyed budgets
// are set beyond reach; the anonymous flood keeps the default limits, as the public would.
const keyOf = (name: string) => {
  const output = runCli(['src/cli/keys.ts', 'create', '--role', 'editor', '--name', name], dbEnv);
  const match = /Key \(shown once[^)]*\): (\S+)/.exec(output);
  if (!match) throw new Error(`no key in:\n${output}`);
  return match[1]!;
};
const dashboardKey = keyOf('load: dashboard');
const journalistKey = keyOf('load: journalist');

const server = await startBenchServer({
  ...dbEnv,
  LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
  RATE_LIMIT_KEY_BURST: '1000000000',
  RATE_LIMIT_KEY_PER_SECOND: '1000000000',
}).catch((error: unknown) => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  throw error;
});
const { base } = server;

try {
  type Request = { method: 'POST'; path: string; headers: Record<string, string>; body: string };
  const gql = (query: string, variables: Record<string, unknown>, key: string): Request => ({
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const mix = [
    // Dashboard: a recipient's 100 newest deals with parties, platform, numbers and TIV.
    gql(
      `query RecipientDeals($c: [String!]) { deals(first: 100, filter: { recipientCountry: $c }, orderBy: { field: ORDER_DATE }) {
        totalCount nodes { id stage orderDate { year iso } supplier { name } recipient { name }
          items { platform { designation category } quantityOrdered { value uncertain } tivPerUnit tivTotalOrder tivDelivered deliveryYears } } } }`,
      { c: ['IND'] },
      dashboardKey,
    ),
    // Dashboard: a page of 100 deals with supplier, recipient and platform.
    gql(
      `query DealPage { deals(first: 100) { pageInfo { endCursor hasNextPage }
        nodes { id supplier { name } recipient { name } items { platform { designation } } } } }`,
      {},
      dashboardKey,
    ),
    // Journalist: a supplier's 50 deals → platform → 5 deals each → recipient.
    gql(
      `query SupplierTree($c: [String!]) { suppliers(first: 1, filter: { country: $c }) { nodes { name
        dealsAsSupplier(first: 50) { nodes { items { platform { designation
          deals(first: 5) { nodes { recipient { name } } } } } } } } } }`,
      { c: ['RUS'] },
      journalistKey,
    ),
    // Journalist: what Mali bought from Russia, and what is only rumoured, with citations.
    gql(
      `query MaliRussia { deals(first: 50, filter: { supplierCountry: ["RUS"], recipientCountry: ["MLI"] }) {
        totalCount nodes { stage orderDate { iso uncertain } comments
          items { platform { designation family { designation } } quantityOrdered { value low high uncertain } }
          citations { stance excerpt source { url publisher language } } } } }`,
      {},
      journalistKey,
    ),
  ];

  // Every query of the mix must answer without errors before it is measured.
  for (const request of mix) {
    const response = await fetch(`${base}${request.path}`, { ...request });
    const body = (await response.json()) as { errors?: unknown; extensions?: { cost?: unknown } };
    if (!response.ok || body.errors) {
      throw new Error(`a query of the mix fails: ${JSON.stringify(body).slice(0, 500)}`);
    }
    console.log(
      `  ${/query (\w+)/.exec(request.body)?.[1]}: cost ${JSON.stringify(body.extensions?.cost)}`,
    );
  }

  const hostile = [
    {
      query: `{ ${'a: deals { totalCount } '.repeat(1)}${Array.from({ length: 200 }, (_, i) => `x${i}: __typename`).join(' ')} }`,
    },
    { query: '{ deals(first: 100000) { nodes { id } } }' },
    { query: 'query Q($n: Int) { deals(first: $n) { nodes { id } } }', variables: { n: 5000 } },
    {
      query: `{ actors(first: 1) { nodes { ${'dealsAsSupplier(first: 1) { nodes { supplier { '.repeat(10)}name${' } } }'.repeat(10)} } } }`,
    },
    {
      query:
        '{ deals { nodes { ...A } } } fragment A on Deal { supplier { dealsAsSupplier { nodes { ...A } } } }',
    },
    { query: `{ actors(filter: { name: "${'x'.repeat(50_000)}" }) { totalCount } }` },
    { query: `{ deals(filter: { stage: [${'ORDERED '.repeat(6000)}] }) { totalCount } }` },
    {
      query:
        '{ deals(first: 100) { nodes { supplier { dealsAsSupplier(first: 100) { nodes { items { platform { designation } } } } } } } }',
    },
  ].map((body): Request => ({
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }));
  hostile.push({
    method: 'POST',
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: '{"query": "{ deals ',
  });

  // Database work a cheap-looking request used to buy (issue 14, point 3): aggregates over the
  // whole register, twenty of them aliased in one document, a 60,000-value list filter, and
  // made-up API keys, each of which once bought a fresh budget.
  const SIX = 'ORDER_YEAR, DELIVERY_YEAR, SUPPLIER, RECIPIENT, CATEGORY, PLATFORM_FAMILY';
  const expensive = [
    { query: `{ transferVolumes(groupBy: [${SIX}], first: 100) { nodes { tivDelivered } } }` },
    {
      query: `{ ${Array.from({ length: 20 }, (_, i) => `v${i}: transferVolumes(groupBy: [${SIX}], first: 1) { nodes { tivDelivered } }`).join(' ')} }`,
    },
    { query: '{ search(query: "helicopter", first: 100) { nodes { __typename } } }' },
    {
      query: 'query S($s: [DealStage!]) { deals(filter: { stage: $s }) { totalCount } }',
      variables: { s: Array.from({ length: 60_000 }, () => 'ORDERED') },
    },
  ].map((body): Request => ({
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }));
  for (let i = 0; i < 4; i++) {
    expensive.push({
      method: 'POST',
      path: '/graphql',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer arm_madeup${i}${'x'.repeat(36)}`,
      },
      body: JSON.stringify({
        query: `{ transferVolumes(groupBy: [${SIX}]) { nodes { tivDelivered } } }`,
      }),
    });
  }

  const run = (requests: Request[], connections: number) =>
    autocannon({
      url: base,
      connections,
      duration: DURATION_S,
      requests,
      timeout: 10,
    });

  const report = (label: string, result: autocannon.Result, cpuMs?: number) => {
    const errors = result.errors + result.timeouts + result.non2xx;
    const cpu =
      cpuMs === undefined ? '' : `, ${(cpuMs / result.requests.total).toFixed(1)} ms CPU/request`;
    console.log(
      `${label}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, ` +
        `p99 ${result.latency.p99} ms, ${result.requests.total} requests, ${errors} errors ` +
        `(${result.non2xx} non-2xx, ${result.errors} socket errors, ${result.timeouts} timeouts)${cpu}`,
    );
    return { p99: result.latency.p99, errors };
  };

  console.log(
    `\nload: ${CONNECTIONS} connections × ${DURATION_S} s on ${databaseKind}, over ${dataset}`,
  );
  const cpuBefore = server.cpuMs();
  const quietRun = await run(mix, CONNECTIONS);
  const quiet = report('quiet', quietRun, server.cpuMs() - cpuBefore);
  console.log(`server peak RSS (quiet): ${server.peakRssMb()} MB`);
  if (values.flood) {
    server.resetPeakRss();
    const [normal, flood, costly] = await Promise.all([
      run(mix, CONNECTIONS),
      run(hostile, FLOOD_CONNECTIONS),
      run(expensive, EXPENSIVE_CONNECTIONS),
    ]);
    const underFlood = report('normal queries under flood', normal);
    console.log(
      `hostile flood (${FLOOD_CONNECTIONS} connections): ${flood.requests.total} requests, ` +
        `${Math.round(flood.requests.average)} req/s; 4xx ${flood['4xx']} (429s included), ` +
        `2xx ${flood['2xx']}, 5xx ${flood['5xx']}, socket errors ${flood.errors}, timeouts ${flood.timeouts}`,
    );
    console.log(
      `expensive flood (${EXPENSIVE_CONNECTIONS} connections): ${costly.requests.total} requests; ` +
        `2xx ${costly['2xx']}, 4xx ${costly['4xx']} (429s included), 5xx ${costly['5xx']}, ` +
        `timeouts ${costly.timeouts}`,
    );
    console.log(
      `p99 quiet ${quiet.p99} ms vs under flood ${underFlood.p99} ms: ` +
        `${(underFlood.p99 / quiet.p99).toFixed(2)}x (target ≤ 2x)`,
    );
  }
  if (values.flood) console.log(`server peak RSS (with the floods): ${server.peakRssMb()} MB`);
} finally {
  await server.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
