// CPU per request (`npm run bench:cpu`): the server's own CPU time (user + system) spent on a
// fixed number of each of the peer benchmark's read queries (../shared/peer-bench/armstrail,
// Q1–Q3), on a PostgreSQL database that holds the register (BENCH_DATABASE_URL, e.g. the one
// `../shared/peer-bench/run.sh` imports), and PostgreSQL's (every `postgres` process of this
// machine: run it on an otherwise quiet server). On a machine whose cores are shared, throughput
// moves with the neighbours' load; CPU milliseconds per request move far less, so this is the
// figure to compare between two versions of the read path. The requests run in batches: the
// fastest batch (min) is the least disturbed by neighbours, the median says how typical it is.
//
//   BENCH_DATABASE_URL=postgres://… npm run bench:cpu [-- --requests 600 --batches 6 --only Q2 --cpu-prof /tmp/prof]
//   BENCH_DATABASE_URL=postgres://… npm run bench:cpu -- --against <git ref> [--batches 8]
//
// --cpu-prof DIR: the server runs under `node --cpu-prof` and writes its profile into DIR on exit
// (summarise it with `npx tsx scripts/profile-summary.ts DIR/*.cpuprofile`).
// --against REF: compares this checkout with another version (a commit, a branch). That
// version's server runs from a temporary git worktree (sharing this checkout's node_modules and
// its start command) beside this one; their batches alternate, each of this checkout's batches
// paired with the other's next one, and the figure is the median of the pairs' ratios. Run one
// after the other, two versions differ by the machine's drift over minutes (one version's CPU
// per request moved 5.2 → 7.7 ms here), which hid changes of 5–15 %.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { postgresCpuMs, ROOT, startBenchServer, type BenchServer } from './bench-server.js';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '600' },
    batches: { type: 'string', default: '6' },
    connections: { type: 'string', default: '10' },
    only: { type: 'string', default: 'Q1,Q2,Q3' },
    queries: { type: 'string', default: join(ROOT, '../shared/peer-bench/armstrail') },
    'cpu-prof': { type: 'string' },
    against: { type: 'string' },
  },
});
const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('set BENCH_DATABASE_URL to a PostgreSQL database holding the register');
const BATCHES = Number(values.batches);
const PER_BATCH = Math.ceil(Number(values.requests) / BATCHES);
const REQUESTS = PER_BATCH * BATCHES;
const CONNECTIONS = Number(values.connections);
const WARMUP = 100;

// The read path itself: no response cache (a repeated query would be a hit) and no rate limit.
const ENV = {
  DATABASE_URL: url,
  LOG_LEVEL: 'warn',
  RATE_LIMIT_ENABLED: 'false',
  RESPONSE_CACHE: 'false',
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A worktree of `ref` that runs with this checkout's dependencies; removed by `remove`. */
function worktreeOf(ref: string): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'armstrail-against-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, stdio: 'pipe' });
  git('worktree', 'add', '--detach', root, ref);
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  return {
    root,
    remove: () => {
      git('worktree', 'remove', '--force', root);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** One batch of `query` on `server`: its Node and PostgreSQL CPU per request, and its p50. */
async function batch(server: BenchServer, query: string, amount: number) {
  const node = server.cpuMs();
  const pg = postgresCpuMs();
  const result = await autocannon({
    url: `${server.base}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    connections: CONNECTIONS,
    amount,
    timeout: 30,
  });
  return {
    node: (server.cpuMs() - node) / amount,
    pg: (postgresCpuMs() - pg) / amount,
    p50: result.latency.p50,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function check(server: BenchServer, name: string, query: string) {
  const answer = await fetch(`${server.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = await answer.text();
  if (!answer.ok || !body.startsWith('{"data":') || body.includes('"errors"')) {
    throw new Error(`${name} fails: ${body.slice(0, 400)}`);
  }
}

const other = values.against ? worktreeOf(values.against) : null;
const servers: BenchServer[] = [];
try {
  servers.push(
    await startBenchServer(
      ENV,
      values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', values['cpu-prof']] : [],
    ),
  );
  if (other) servers.push(await startBenchServer(ENV, [], other.root));
  const [server, against] = servers as [BenchServer, BenchServer | undefined];
  for (const name of values.only.split(',')) {
    const query = readFileSync(join(values.queries, `${name}.graphql`), 'utf8');
    for (const s of servers) {
      await check(s, name, query);
      await batch(s, query, WARMUP);
    }
    server.resetPeakRss();
    const ours: Awaited<ReturnType<typeof batch>>[] = [];
    const theirs: typeof ours = [];
    const started = performance.now();
    for (let b = 0; b < BATCHES; b++) {
      ours.push(await batch(server, query, PER_BATCH));
      if (against) theirs.push(await batch(against, query, PER_BATCH));
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = ours.map((r) => r.node);
    const errors = [...ours, ...theirs].reduce((sum, r) => sum + r.errors, 0);
    console.log(
      `${name}: CPU/request min ${Math.min(...cpu).toFixed(1)} ms, median ${median(cpu).toFixed(1)} ms; ` +
        `PostgreSQL median ${median(ours.map((r) => r.pg)).toFixed(2)} ms; ` +
        (against
          ? ''
          : `${Math.round(REQUESTS / seconds)} req/s, median p50 ${median(ours.map((r) => r.p50))} ms, `) +
        `${errors} errors, peak RSS ${server.peakRssMb()} MB ` +
        `(${REQUESTS} requests in ${BATCHES} batches, ${CONNECTIONS} connections)`,
    );
    if (against) {
      const ratios = (of: (r: (typeof ours)[number]) => number) =>
        ours.map((r, i) => of(r) / of(theirs[i]!)).sort((a, b) => a - b);
      const show = (xs: number[]) =>
        `median ${median(xs).toFixed(2)} (pairs ${xs.map((x) => x.toFixed(2)).join(' ')})`;
      console.log(
        `  against ${values.against}: its CPU/request median ${median(theirs.map((r) => r.node)).toFixed(1)} ms, ` +
          `PostgreSQL ${median(theirs.map((r) => r.pg)).toFixed(2)} ms; this / that, Node ` +
          `${show(ratios((r) => r.node))}; PostgreSQL ${show(ratios((r) => r.pg))}`,
      );
    }
  }
} finally {
  for (const s of servers) await s.stop();
  other?.remove();
}
