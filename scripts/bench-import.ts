// Benchmark: imports a whole SIPRI register (default: the 2026 export, 29,916 rows) into a fresh
// PGlite and, when BENCH_DATABASE_URL is set, a scratch PostgreSQL database; then imports it
// again. `npm run bench:import [-- <file>] [--pglite-dir]`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase, type Database } from '../src/db/client.js';
import {
  importSipriRegister,
  type SipriImportSummary,
} from '../src/import/import-sipri-register.js';
import { seedDatabase } from '../src/seed/seed-database.js';
import { createScratchDatabase } from '../tests/support/test-database.js';

const DEFAULT_FILE = fileURLToPath(
  new URL('../../shared/data/sipri-trade-register-all-generated-2026-05-18.csv', import.meta.url),
);
const TARGETS = { pglite: { seconds: 20 }, postgres: { seconds: 10 } } as const;
const MEMORY_TARGET_MB = 300;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { target: { type: 'string' }, 'pglite-dir': { type: 'boolean', default: false } },
});
const file = positionals[0] ?? DEFAULT_FILE;

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Peak RSS by sampling; the kernel's max RSS would also count what happened before the import. */
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

async function timedImport(database: Database) {
  const sampler = startRssSampler();
  const started = performance.now();
  const summary = await importSipriRegister(database.db, file);
  const seconds = (performance.now() - started) / 1000;
  return { summary, seconds, peakRss: sampler.stop() };
}

const changes = (s: SipriImportSummary) =>
  s.dealsAdded +
  s.dealsUpdated +
  s.actorsCreated +
  s.platformsCreated +
  s.citationsAdded +
  s.citationsUpdated;

/** Runs one target in this process, so that its memory figures are its own. */
async function runTarget(target: keyof typeof TARGETS): Promise<boolean> {
  let database: Database;
  let cleanup = async () => {};
  if (target === 'pglite') {
    const dir = values['pglite-dir'] ? mkdtempSync(join(tmpdir(), 'armstrail-bench-')) : null;
    database = await openDatabase({ kind: 'pglite', dataDir: dir });
    if (dir) {
      cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
    }
  } else {
    const scratch = await createScratchDatabase(process.env.BENCH_DATABASE_URL!, 'armstrail_bench');
    database = await openDatabase({
      kind: 'postgres',
      url: scratch.url,
      poolMax: 2,
      connectTimeoutMs: 5000,
      statementTimeoutMs: 120_000,
    });
    cleanup = async () => {
      await scratch.drop();
    };
  }
  try {
    await database.migrate();
    await seedDatabase(database.db);
    const baseline = process.memoryUsage.rss();
    const first = await timedImport(database);
    const second = await timedImport(database);
    const rows = first.summary.rowsRead;
    const label =
      target === 'pglite'
        ? `PGlite (${values['pglite-dir'] ? 'temp dir' : 'in memory'})`
        : 'PostgreSQL';
    const ok =
      first.seconds < TARGETS[target].seconds &&
      second.seconds < first.seconds / 2 &&
      changes(second.summary) === 0 &&
      mb(first.peakRss - baseline) < MEMORY_TARGET_MB;
    console.log(
      [
        `${label}: ${rows} rows from ${file}`,
        `  first import:  ${first.seconds.toFixed(2)} s, ${Math.round(rows / first.seconds)} rows/s ` +
          `(target < ${TARGETS[target].seconds} s); ${first.summary.dealsAdded} deals added`,
        `  second import: ${second.seconds.toFixed(2)} s (${Math.round((100 * second.seconds) / first.seconds)} % of the first, target < 50 %); ` +
          `changes: ${changes(second.summary)}, unchanged: ${second.summary.dealsUnchanged}`,
        `  peak RSS: ${mb(Math.max(first.peakRss, second.peakRss))} MB; before the import ${mb(baseline)} MB, ` +
          `so the import added ${mb(first.peakRss - baseline)} MB (target < ${MEMORY_TARGET_MB} MB)`,
        `  ${ok ? 'all targets met' : 'TARGET MISSED'}`,
      ].join('\n'),
    );
    return ok;
  } finally {
    await database.close();
    await cleanup();
  }
}

if (values.target) {
  const ok = await runTarget(values.target as keyof typeof TARGETS);
  process.exitCode = ok ? 0 : 1;
} else {
  // Each database in its own process, so PGlite's memory does not count against PostgreSQL's.
  const targets: (keyof typeof TARGETS)[] = process.env.BENCH_DATABASE_URL
    ? ['pglite', 'postgres']
    : ['pglite'];
  if (!process.env.BENCH_DATABASE_URL)
    console.log('BENCH_DATABASE_URL not set: PostgreSQL skipped.');
  let failed = false;
  for (const target of targets) {
    const args = [...process.execArgv, fileURLToPath(import.meta.url), '--target', target, file];
    if (values['pglite-dir']) args.push('--pglite-dir');
    const child = spawnSync(process.execPath, args, { stdio: 'inherit' });
    failed ||= child.status !== 0;
  }
  process.exitCode = failed ? 1 : 0;
}
