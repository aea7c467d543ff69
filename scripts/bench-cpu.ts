// CPU per request (`npm run bench:cpu`): the server's own CPU time (user + system) spent on a
// fixed number of each of the peer benchmark's read queries (../shared/peer-bench/armstrail,
// Q1–Q3), on a PostgreSQL database that holds the register (BENCH_DATABASE_URL, e.g. the one
// `../shared/peer-bench/run.sh` imports). On a machine whose cores are shared, throughput moves
// with the neighbours' load; CPU milliseconds per request move far less, so this is the figure to
// compare between two versions of the read path. The requests run in batches: the fastest batch
// (min) is the least disturbed by neighbours, the median says how typical it is.
//
//   BENCH_DATABASE_URL=postgres://… npm run bench:cpu [-- --requests 600 --batches 6 --only Q2 --cpu-prof /tmp/prof]
//
// --cpu-prof DIR: the server runs under `node --cpu-prof` and writes its profile into DIR on exit
// (summarise it with `npx tsx scripts/profile-summary.ts DIR/*.cpuprofile`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { ROOT, startBenchServer } from './bench-server.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '600' },
    batches: { type: 'string', default: '6' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string', default: 'Q1,Q2,Q3' },
    queries: { type: 'string', default: join(ROOT, '../shared/peer-bench/armstrail') },
    'cpu-prof': { type: 'string' },
  },
});
const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('set BENCH_DATABASE_URL to a PostgreSQL database holding the register');
const BATCHES = Number(values.batches);
const PER_BATCH = Math.ceil(Number(values.requests) / BATCHES);
const REQUESTS = PER_BATCH * BATCHES;
const CONNECTIONS = Number(values.connections);
const WARMUP = 100;

const server = await startBenchServer(
  // The read path itself: no response cache (a repeated query would be a hit) and no rate limit.
  { DATABASE_URL: url, LOG_LEVEL: 'warn', RATE_LIMIT_ENABLED: 'false', RESPONSE_CACHE: 'false' },
  values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : [],
);
try {
  for (const name of values.only.split(',')) {
    const query = readFileSync(join(values.queries, `${name}.graphql`), 'utf8');
    const check = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = await check.text();
    if (!check.ok || !body.startsWith('{"data":') || body.includes('"errors"')) {
      throw new Error(`${name} fails: ${body.slice(0, 400)}`);
    }
    const run = (amount: number) =>
      autocannon({
        url: `${server.base}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
        connections: CONNECTIONS,
        amount,
        timeout: 30,
      });
    await run(WARMUP);
    server.resetPeakRss();
    const cpu: number[] = [];
    const p50: number[] = [];
    let errors = 0;
    const started = performance.now();
    for (let b = 0; b < BATCHES; b++) {
      const before = server.cpuMs();
      const result = await run(PER_BATCH);
      cpu.push((server.cpuMs() - before) / PER_BATCH);
      p50.push(result.latency.p50);
      errors += result.errors + result.timeouts + result.non2xx;
    }
    const seconds = (performance.now() - started) / 1000;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(
      `${name}: CPU/request min ${Math.min(...cpu).toFixed(1)} ms, median ${median(cpu).toFixed(1)} ms; ` +
        `${Math.round(REQUESTS / seconds)} req/s, median p50 ${median(p50)} ms, ${errors} errors, ` +
        `peak RSS ${server.peakRssMb()} MB (${REQUESTS} requests in ${BATCHES} batches, ${CONNECTIONS} connections)`,
    );
  }
} finally {
  await server.stop();
}
