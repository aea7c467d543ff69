// Scale-out benchmark (`npm run bench:scale`): the same read load against one server process,
// two worker processes (WEB_CONCURRENCY=2), and two workers with a streaming read replica
// (DATABASE_READ_URL). It builds its own throwaway primary (the whole 2026 SIPRI register
// imported) and a standby copied from it with pg_basebackup, on loopback ports, and removes
// them at the end. Prints throughput, p50/p99 and the CPU each process group used.
// Figures and what they mean: docs/scaling.md.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  createThrowawayPostgres,
  freePort,
  postgresBinDir,
  type ThrowawayPostgres,
} from '../tests/support/throwaway-postgres.js';
import { ROOT, SERVER_ARGS, SIPRI_FILE } from './bench-server.js';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '20' },
  },
});
const DURATION_S = Math.min(Number(values.duration), 300);
const CONNECTIONS = Math.min(Number(values.connections), 200);
// The peer benchmark's three read queries (Mali's deals, a page of deals, Russia → deals →
// platform → deals): the read path the replicas are meant to relieve.
const QUERY_DIR = fileURLToPath(new URL('../../shared/peer-bench/armstrail', import.meta.url));
const CLOCK_TICKS_PER_SECOND = 100;

const bin = postgresBinDir();
if (!bin) throw new Error('PostgreSQL binaries not found: bench:scale needs initdb and pg_ctl');
if (!existsSync(SIPRI_FILE)) throw new Error(`no SIPRI register at ${SIPRI_FILE}`);
const queries = ['Q1', 'Q2', 'Q3'].map((name) =>
  JSON.stringify({ query: readFileSync(`${QUERY_DIR}/${name}.graphql`, 'utf8') }),
);

/** CPU seconds used so far by a process and every process below it. */
function treeCpuSeconds(rootPid: number): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Fields after the command's closing parenthesis: state ppid … utime(14) stime(15).
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), {
        ppid: Number(fields[1]),
        ticks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      // The process ended while we read.
    }
  }
  let ticks = 0;
  const pending = [rootPid];
  while (pending.length) {
    const pid = pending.pop()!;
    ticks += stats.get(pid)?.ticks ?? 0;
    for (const [child, stat] of stats) if (stat.ppid === pid) pending.push(child);
  }
  return ticks / CLOCK_TICKS_PER_SECOND;
}

function postmasterPid(cluster: ThrowawayPostgres): number {
  const pidFile = readFileSync(`${cluster.dataDir}/postmaster.pid`, 'utf8');
  return Number(pidFile.split('\n')[0]);
}

async function startServer(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, SERVER_ARGS, {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_ENABLED: 'false',
      // The read path itself: with the response cache, these three repeated queries would be
      // answered from memory after the first, whatever the set-up.
      RESPONSE_CACHE: 'false',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  for (let i = 0; i < 600; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { child, url };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start within 60 s');
}

async function run(
  label: string,
  env: Record<string, string>,
  clusters: Record<string, ThrowawayPostgres>,
): Promise<void> {
  const { child, url } = await startServer(env);
  const load = (duration: number) =>
    autocannon({
      url,
      connections: CONNECTIONS,
      duration,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      requests: queries.map((body) => ({ body })),
    });
  await load(3); // warm-up: JIT, pools, the database's caches
  const cpuBefore = {
    server: treeCpuSeconds(child.pid!),
    ...Object.fromEntries(
      Object.entries(clusters).map(([name, c]) => [name, treeCpuSeconds(postmasterPid(c))]),
    ),
  };
  const result = await load(DURATION_S);
  const cpu = Object.entries(cpuBefore).map(([name, before]) => {
    const pid = name === 'server' ? child.pid! : postmasterPid(clusters[name]!);
    return `${name} ${(((treeCpuSeconds(pid) - before) / DURATION_S) * 100).toFixed(0)} %`;
  });
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  console.log(
    `${label.padEnd(34)} ${result.requests.average.toFixed(1).padStart(7)} req/s  ` +
      `p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  ` +
      `errors ${result.errors + result.non2xx}  CPU (of one core): ${cpu.join(', ')}`,
  );
}

const primary = await createThrowawayPostgres(bin);
let replica: ThrowawayPostgres | undefined;
try {
  console.log(`importing ${SIPRI_FILE.split('/').pop()} into a throwaway primary…`);
  const imported = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/import-sipri.ts', SIPRI_FILE],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: primary.url, SEED_DEMO_DATA: 'true' },
      encoding: 'utf8',
      timeout: 900_000,
    },
  );
  if (imported.status !== 0) throw new Error(`import failed:\n${imported.stderr}`);
  replica = await createThrowawayPostgres(bin, { replicaOf: primary });
  console.log(
    `${CONNECTIONS} connections, ${DURATION_S} s each, Q1–Q3 of ../shared/peer-bench in turn`,
  );
  await run('1 process', { DATABASE_URL: primary.url }, { primary });
  await run('2 workers', { DATABASE_URL: primary.url, WEB_CONCURRENCY: '2' }, { primary });
  await run(
    '2 workers + 1 read replica',
    { DATABASE_URL: primary.url, WEB_CONCURRENCY: '2', DATABASE_READ_URL: replica.url },
    { primary, replica },
  );
} finally {
  replica?.destroy();
  primary.destroy();
}
