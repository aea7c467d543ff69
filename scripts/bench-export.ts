// Benchmark: the bulk export of the whole 2026 SIPRI register, NDJSON and CSV, through the real
// HTTP server — time to the first byte and to the end, bytes, lines, and the server process's
// peak memory — and the time to page through the whole change feed from its start, on PGlite (a data folder, as `npm start` uses it) and, with BENCH_DATABASE_URL,
// on a scratch PostgreSQL database (created here, dropped at the end). Each database runs in a
// process of its own, so that its memory figures are its own.
// `npm run bench:export [-- <register.csv>]`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { openDatabase, type Database } from '../src/db/client.js';
import { createHttpServer } from '../src/http.js';
import { importSipriRegister } from '../src/import/import-sipri-register.js';
import { createApiKey } from '../src/modules/auth/api-keys.service.js';
import { seedDatabase } from '../src/seed/seed-database.js';
import { createApolloServer } from '../src/server.js';
import { createScratchDatabase, withClient } from '../tests/support/test-database.js';

const DEFAULT_FILE = fileURLToPath(
  new URL('../../shared/data/sipri-trade-register-all-generated-2026-05-18.csv', import.meta.url),
);
// Issue 13's targets for the whole register.
const TARGETS = { pglite: { seconds: 30 }, postgres: { seconds: 10 } } as const;
const FIRST_BYTE_TARGET_MS = 1000;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { target: { type: 'string' } },
});
const file = positionals[0] ?? DEFAULT_FILE;
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function startRssSampler() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage.rss());
    },
  };
}

// RSS counts garbage the collector has not reclaimed yet; what an export keeps alive is the
// heap right after a collection. Sampled once a second (the child runs with --expose-gc).
const collect = (globalThis as { gc?: () => void }).gc;
function liveHeap(): number {
  collect?.();
  return process.memoryUsage().heapUsed;
}
function startHeapSampler() {
  let peak = liveHeap();
  const timer = setInterval(() => {
    peak = Math.max(peak, liveHeap());
  }, 1000);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}

interface Run {
  status: number;
  deals: number;
  firstByteMs: number;
  seconds: number;
  bytes: number;
  lines: number;
}

/** GETs an export and counts what comes, keeping nothing: the client adds no memory of its own. */
function download(url: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstByteMs = -1;
    let bytes = 0;
    let lines = 0;
    http
      .get(url, (response) => {
        response.on('data', (chunk: Buffer) => {
          if (firstByteMs < 0) firstByteMs = performance.now() - started;
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lines += 1;
        });
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            deals: Number(response.headers['x-export-deals'] ?? 0),
            firstByteMs,
            seconds: (performance.now() - started) / 1000,
            bytes,
            lines,
          }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

const FEED_PAGE = `query($after: String) { changes(first: 100, after: $after) {
  nodes { recordType recordId action changes { field to } } pageInfo { hasNextPage endCursor } } }`;

/**
 * Pages through the whole change feed from its start, as a mirror's first sync without the
 * export would, with a READER key (its own budget); returns revisions, pages, bytes and time.
 */
async function replayFeed(origin: string, key: string) {
  const started = performance.now();
  let after: string | null = null;
  let revisions = 0;
  let pages = 0;
  let bytes = 0;
  for (;;) {
    const response = await fetch(`${origin}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query: FEED_PAGE, variables: { after } }),
    });
    const text = await response.text();
    bytes += text.length;
    if (response.status !== 200) throw new Error(`feed page ${pages}: ${response.status} ${text}`);
    const page = (
      JSON.parse(text) as {
        data: {
          changes: { nodes: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
        };
      }
    ).data.changes;
    pages += 1;
    revisions += page.nodes.length;
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { revisions, pages, bytes, seconds: (performance.now() - started) / 1000 };
}

async function runTarget(target: keyof typeof TARGETS): Promise<boolean> {
  let database: Database;
  let cleanup = async () => {};
  let vacuum = async () => {};
  if (target === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'armstrail-bench-export-'));
    database = await openDatabase({ kind: 'pglite', dataDir: dir });
    cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
    vacuum = async () => {
      await database.db.execute('vacuum analyze');
    };
  } else {
    const scratch = await createScratchDatabase(
      process.env.BENCH_DATABASE_URL!,
      'armstrail_bench_export',
    );
    database = await openDatabase({
      kind: 'postgres',
      url: scratch.url,
      poolMax: 4,
      connectTimeoutMs: 5000,
      statementTimeoutMs: 120_000,
    });
    cleanup = async () => {
      await scratch.drop();
    };
    vacuum = async () => {
      await withClient(scratch.url, (c) => c.query('vacuum analyze'));
    };
  }
  const logger = pino({ level: 'silent' });
  const apollo = createApolloServer(logger);
  const server = createHttpServer({ apollo, database, logger });
  try {
    await database.migrate();
    await seedDatabase(database.db);
    const imported = performance.now();
    const summary = await importSipriRegister(database.db, file);
    // What `npm run import:sipri` does after a bulk load: fresh statistics for the planner.
    await vacuum();
    console.log(
      `${target === 'pglite' ? 'PGlite (data folder)' : 'PostgreSQL'}: imported ` +
        `${summary.rowsRead} rows from ${file} in ${((performance.now() - imported) / 1000).toFixed(1)} s`,
    );
    await apollo.start();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    let ok = true;
    for (const format of ['ndjson', 'csv'] as const) {
      const baseline = process.memoryUsage.rss();
      const heapBaseline = liveHeap();
      const sampler = startRssSampler();
      const heapSampler = startHeapSampler();
      const run = await download(`${origin}/export/deals.${format}`);
      const peak = sampler.stop();
      const heapPeak = heapSampler.stop();
      const met =
        run.status === 200 &&
        run.seconds < TARGETS[target].seconds &&
        run.firstByteMs < FIRST_BYTE_TARGET_MS;
      ok &&= met;
      console.log(
        `  ${format.padEnd(6)} ${run.deals} deals, ${run.lines} lines, ${mb(run.bytes)} MB in ` +
          `${run.seconds.toFixed(2)} s (target < ${TARGETS[target].seconds} s), first byte after ` +
          `${run.firstByteMs.toFixed(0)} ms (target < ${FIRST_BYTE_TARGET_MS} ms); peak RSS ` +
          `${mb(peak)} MB, ${mb(peak - baseline)} MB above the ${mb(baseline)} MB before; live heap ` +
          `at most ${mb(heapPeak - heapBaseline)} MB above the ${mb(heapBaseline)} MB before` +
          (met ? '' : ' — TARGET MISSED'),
      );
    }
    const { key } = await createApiKey(database.db, { name: 'bench:export', role: 'READER' });
    const feed = await replayFeed(origin, key);
    console.log(
      `  feed   ${feed.revisions} revisions in ${feed.pages} pages of 100, ${mb(feed.bytes)} MB, ` +
        `replayed from the start in ${feed.seconds.toFixed(1)} s (READER key)`,
    );
    return ok;
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await apollo.stop();
    await database.close();
    await cleanup();
  }
}

if (values.target) {
  const ok = await runTarget(values.target as keyof typeof TARGETS);
  process.exitCode = ok ? 0 : 1;
} else {
  const targets: (keyof typeof TARGETS)[] = process.env.BENCH_DATABASE_URL
    ? ['postgres', 'pglite']
    : ['pglite'];
  if (!process.env.BENCH_DATABASE_URL) {
    console.log('BENCH_DATABASE_URL not set: PostgreSQL skipped.');
  }
  let failed = false;
  for (const target of targets) {
    const args = [
      ...process.execArgv,
      '--expose-gc',
      fileURLToPath(import.meta.url),
      '--target',
      target,
      file,
    ];
    const child = spawnSync(process.execPath, args, { stdio: 'inherit' });
    failed ||= child.status !== 0;
  }
  process.exitCode = failed ? 1 : 0;
}
