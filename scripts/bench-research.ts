// Benchmark: research queries — transferVolumes and search — through the real HTTP server over
// the whole 2026 SIPRI register in a scratch PostgreSQL database (created here, dropped at the
// end), and the plan of a search, to show it uses the search indexes. `npm run bench:research
// [-- <register.csv>] [--requests 300] [--seconds 20] [--keep]`; BENCH_DATABASE_URL names the
// server (default postgres://postgres@127.0.0.1:5432/test).
import { cpus, loadavg } from 'node:os';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '../src/db/client.js';
import { createHttpServer } from '../src/http.js';
import { importSipriRegister } from '../src/import/import-sipri-register.js';
import { searchStatement } from '../src/modules/search/search-query.js';
import { seedDatabase } from '../src/seed/seed-database.js';
import { createScratchDatabase, withClient } from '../tests/support/test-database.js';
import { createApolloServer } from '../src/server.js';

const DEFAULT_FILE = fileURLToPath(
  new URL('../../shared/data/sipri-trade-register-all-generated-2026-05-18.csv', import.meta.url),
);
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/test';
const WARMUP = 10;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    requests: { type: 'string', default: '300' },
    seconds: { type: 'string', default: '20' },
    // Leaves the scratch database in place (and prints its URL), for EXPLAIN.
    keep: { type: 'boolean', default: false },
  },
});
const file = positionals[0] ?? DEFAULT_FILE;
const maxRequests = Number(values.requests);
const maxSeconds = Number(values.seconds);

interface Case {
  name: string;
  /** p50 target in milliseconds (issue 7); none for the baseline. */
  targetP50: number | null;
  query: string;
  variables: Record<string, unknown>;
}

async function post(endpoint: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
  if (!response.ok || body.errors) throw new Error(`Request failed: ${JSON.stringify(body)}`);
  return body.data as Record<string, unknown>;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Sequential requests, so that each latency is one request's alone; bounded by count and time. */
async function measure(endpoint: string, c: Case) {
  for (let i = 0; i < WARMUP; i++) await post(endpoint, c.query, c.variables);
  const latencies: number[] = [];
  let rows = 0;
  const deadline = performance.now() + maxSeconds * 1000;
  while (latencies.length < maxRequests && performance.now() < deadline) {
    const started = performance.now();
    const data = await post(endpoint, c.query, c.variables);
    latencies.push(performance.now() - started);
    const page = (data.transferVolumes ?? data.search) as { nodes?: unknown[] } | undefined;
    rows = page?.nodes?.length ?? 0;
  }
  latencies.sort((a, b) => a - b);
  const p50 = percentile(latencies, 50);
  const p99 = percentile(latencies, 99);
  const met = c.targetP50 === null || p50 < c.targetP50;
  console.log(
    `${c.name}: ${latencies.length} requests, ${rows} rows each — p50 ${p50.toFixed(1)} ms, ` +
      `p99 ${p99.toFixed(1)} ms` +
      (c.targetP50 === null ? '' : ` (target p50 < ${c.targetP50} ms) ${met ? 'met' : 'MISSED'}`),
  );
  return met;
}

/** Prints which indexes a search uses on the full register (EXPLAIN ANALYZE). */
async function explainSearch(database: Database) {
  const statement = searchStatement({
    text: 'mi 171 sh',
    types: ['Deal', 'Platform', 'Actor', 'Source'],
    offset: 0,
    limit: 21,
  });
  const plan = await queryRows<{ 'QUERY PLAN': string }>(
    database.db,
    sql`explain (analyze, costs off) ${statement}`,
  );
  const lines = plan.map((row) => row['QUERY PLAN']);
  const indexes = [...new Set(lines.join('\n').match(/search_documents_\w+_idx/g) ?? [])];
  console.log(
    `EXPLAIN search "mi 171 sh": ${indexes.length > 0 ? `uses ${indexes.join(', ')}` : 'NO INDEX USED'}` +
      `; ${lines.some((l) => /Seq Scan on search_documents/.test(l)) ? 'a sequential scan too' : 'no sequential scan'}`,
  );
}

async function main(): Promise<boolean> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_URL;
  const scratch = await createScratchDatabase(adminUrl, 'armstrail_bench_research');
  const url = new URL(scratch.url);
  let database: Database | undefined;
  let server: Server | undefined;
  const logger = pino({ level: 'silent' });
  const apollo = createApolloServer(logger);
  let apolloStarted = false;
  try {
    database = await openDatabase({
      kind: 'postgres',
      url: url.toString(),
      poolMax: 5,
      connectTimeoutMs: 5000,
      statementTimeoutMs: 120_000,
    });
    await database.migrate();
    await seedDatabase(database.db);
    const started = performance.now();
    const summary = await importSipriRegister(database.db, file);
    console.log(
      `Imported ${summary.rowsRead} rows from ${file} into ${url.pathname.slice(1)} in ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    // What `npm run import:sipri` does after a bulk load (and autovacuum soon after): fresh
    // statistics, and GIN indexes with their pending entries merged, or the planner scans.
    await withClient(url.toString(), (c) => c.query('vacuum analyze'));

    await apollo.start();
    apolloStarted = true;
    server = createHttpServer({ apollo, database, logger });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

    const russia = (await post(
      endpoint,
      `{ suppliers(filter: { name: "Russia" }, first: 5) { nodes { id name } } }`,
      {},
    )) as { suppliers: { nodes: { id: string; name: string }[] } };
    const russiaId = russia.suppliers.nodes.find((a) => a.name === 'Russia')?.id;
    if (!russiaId) throw new Error('No supplier named Russia after the import');

    const cases: Case[] = [
      // What any request costs here (HTTP, Apollo, limits), to read the others against.
      { name: 'baseline { __typename }', targetP50: null, query: '{ __typename }', variables: {} },
      {
        name: 'SUPPLIER × ORDER_YEAR, whole register, by TIV delivered',
        targetP50: 100,
        query: `query { transferVolumes(groupBy: [SUPPLIER, ORDER_YEAR],
          orderBy: { field: TIV_DELIVERED }, first: 100) { totalCount nodes {
            year supplier { id name } dealCount unitsOrdered unitsDelivered tivOrdered tivDelivered } } }`,
        variables: {},
      },
      {
        name: 'RECIPIENT, one supplier (Russia)',
        targetP50: 20,
        query: `query ($s: [ID!]) { transferVolumes(filter: { supplier: $s }, groupBy: [RECIPIENT],
          first: 100) { totalCount nodes {
            recipient { id name } dealCount unitsOrdered unitsDelivered tivOrdered tivDelivered } } }`,
        variables: { s: [russiaId] },
      },
      // Delivery-year ranges apportion each item's deliveries to the years inside the range.
      {
        name: 'RECIPIENT, deliveries 2015–2023, whole register (clipped)',
        targetP50: 100,
        query: `query { transferVolumes(filter: { deliveryYear: { from: 2015, to: 2023 } },
          groupBy: [RECIPIENT], orderBy: { field: TIV_DELIVERED }, first: 100) { totalCount nodes {
            recipient { id name } dealCount unitsDelivered tivDelivered deliveryYearMethod } } }`,
        variables: {},
      },
      {
        name: 'RECIPIENT, India, deliveries 2015–2023 (clipped)',
        targetP50: 20,
        query: `query { transferVolumes(filter: { recipientCountry: ["IND"],
          deliveryYear: { from: 2015, to: 2023 } }, groupBy: [RECIPIENT]) { totalCount nodes {
            recipient { id name } dealCount unitsDelivered tivDelivered deliveryYearMethod } } }`,
        variables: {},
      },
      // Five typical journalist searches: a person, a designation written loosely, a Cyrillic
      // alias, a country with an accent, and words from SIPRI comments.
      ...['Goita', 'mi 171 sh', 'Ми-171', "Côte d'Ivoire", 'licence production'].map((q) => ({
        name: `search "${q}"`,
        targetP50: 30,
        query: `query ($q: String!) { search(query: $q, first: 20) {
          nodes { score snippet record { __typename ... on Deal { id } ... on Platform { id designation }
            ... on Actor { id name } ... on Source { id url } } } } }`,
        variables: { q },
      })),
    ];
    await explainSearch(database);
    // Other work on the machine inflates every figure: say how busy it was.
    console.log(`Load average: ${loadavg()[0]?.toFixed(1)} on ${cpus().length} CPUs`);
    let ok = true;
    for (const c of cases) ok = (await measure(endpoint, c)) && ok;
    return ok;
  } finally {
    if (server) await new Promise((resolve) => server!.close(resolve));
    if (apolloStarted) await apollo.stop();
    await database?.close();
    if (values.keep) console.log(`Kept ${url.toString()}`);
    else await scratch.drop();
  }
}

process.exitCode = (await main()) ? 0 : 1;
