// Benchmark: imports a whole SIPRI register (default: the 2026 export, 29,916 rows) into a fresh
// PGlite and, when BENCH_DATABASE_URL is set, a scratch PostgreSQL database; then imports it
// again; then, into another fresh database, a release update: the older register (default: the
// 2024 export) and the file over it. `npm run bench:import [-- <file>] [--from <older file>]
// [--pglite-dir]`.
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
const DEFAULT_OLDER_FILE = fileURLToPath(
  new URL(
    '../../shared/data/sipri-trade-register-all-1950-2024-generated-2024-10-13.csv',
    import.meta.url,
  ),
);
const TARGETS = { pglite: { seconds: 20 }, postgres: { seconds: 10 } } as const;
const MEMORY_TARGET_MB = 300;
// A yearly update (match every row, retire what is gone) may cost up to twice a first import.
const UPDATE_TARGET_RATIO = 2;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    target: { type: 'string' },
    scenario: { type: 'string' },
    from: { type: 'string' },
    'pglite-dir': { type: 'boolean', default: false },
  },
});
const file = positionals[0] ?? DEFAULT_FILE;
const olderFile = values.from ?? DEFAULT_OLDER_FILE;

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

async function timedImport(database: Database, input = file) {
  const sampler = startRssSampler();
  const started = performance.now();
  const summary = await importSipriRegister(database.db, input);
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

/** A fresh, migrated and seeded database of the target, and how to get rid of it. */
async function freshDatabase(
  target: keyof typeof TARGETS,
): Promise<{ database: Database; cleanup: () => Promise<void> }> {
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
  await database.migrate();
  await seedDatabase(database.db);
  return {
    database,
    cleanup: async () => {
      await database.close();
      await cleanup();
    },
  };
}

/** Runs `fn` on a fresh database of the target, then drops it. */
async function inFreshDatabase<T>(
  target: keyof typeof TARGETS,
  fn: (database: Database) => Promise<T>,
): Promise<T> {
  const { database, cleanup } = await freshDatabase(target);
  try {
    return await fn(database);
  } finally {
    await cleanup();
  }
}

const labelOf = (target: keyof typeof TARGETS) =>
  target === 'pglite'
    ? `PGlite (${values['pglite-dir'] ? 'temp dir' : 'in memory'})`
    : 'PostgreSQL';

/** What a scenario's process reports to the parent, on its last line after RESULT. */
interface ScenarioResult {
  ok: boolean;
  seconds: number;
}
const RESULT = '@@result ';

/** A first import and a re-import of `file`. */
async function importScenario(target: keyof typeof TARGETS): Promise<ScenarioResult> {
  return inFreshDatabase(target, async (database) => {
    const baseline = process.memoryUsage.rss();
    const first = await timedImport(database);
    const second = await timedImport(database);
    const rows = first.summary.rowsRead;
    const ok =
      first.seconds < TARGETS[target].seconds &&
      second.seconds < first.seconds / 2 &&
      changes(second.summary) === 0 &&
      mb(first.peakRss - baseline) < MEMORY_TARGET_MB;
    console.log(
      [
        `${labelOf(target)}: ${rows} rows from ${file}`,
        `  first import:  ${first.seconds.toFixed(2)} s, ${Math.round(rows / first.seconds)} rows/s ` +
          `(target < ${TARGETS[target].seconds} s); ${first.summary.dealsAdded} deals added`,
        `  second import: ${second.seconds.toFixed(2)} s (${Math.round((100 * second.seconds) / first.seconds)} % of the first, target < 50 %); ` +
          `changes: ${changes(second.summary)}, unchanged: ${second.summary.dealsUnchanged}`,
        `  peak RSS: ${mb(Math.max(first.peakRss, second.peakRss))} MB; before the import ${mb(baseline)} MB, ` +
          `so the import added ${mb(first.peakRss - baseline)} MB (target < ${MEMORY_TARGET_MB} MB)`,
      ].join('\n'),
    );
    return { ok, seconds: first.seconds };
  });
}

/** A release update: `olderFile` imported, then `file` over it; timed is the second import. */
async function updateScenario(target: keyof typeof TARGETS): Promise<ScenarioResult> {
  return inFreshDatabase(target, async (database) => {
    const baseline = process.memoryUsage.rss();
    const older = await timedImport(database, olderFile);
    const update = await timedImport(database, file);
    const u = update.summary;
    const peak = Math.max(older.peakRss, update.peakRss);
    console.log(
      [
        `  release update (a fresh database): ${older.summary.rowsRead} rows from ${olderFile} ` +
          `imported in ${older.seconds.toFixed(2)} s, then ${u.rowsRead} rows of this file over them`,
        `    matched ${u.matches.SAME_KEY} by key, ${u.matches.RESPELLED} respelled, ${u.matches.RENAMED} renamed, ` +
          `${u.matches.CORRECTED} corrected; ${u.ambiguousRows} ambiguous; ${u.matches.NEW_DEAL} new deals; ` +
          `${u.dealsUpdated} deals updated, ${u.dealsUnchanged} unchanged, ${u.retired.length} retired`,
        `    peak RSS: ${mb(peak)} MB; before the older import ${mb(baseline)} MB, ` +
          `so the two imports added ${mb(peak - baseline)} MB (target < ${MEMORY_TARGET_MB} MB)`,
      ].join('\n'),
    );
    return { ok: mb(peak - baseline) < MEMORY_TARGET_MB, seconds: update.seconds };
  });
}

/** Runs a scenario of a target in a process of its own, so that its memory figures are its own. */
function runInChild(target: keyof typeof TARGETS, scenario: 'import' | 'update'): ScenarioResult {
  const args = [...process.execArgv, fileURLToPath(import.meta.url), '--target', target];
  args.push('--scenario', scenario, '--from', olderFile, file);
  if (values['pglite-dir']) args.push('--pglite-dir');
  const child = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  const lines = child.stdout.split('\n');
  const result = lines.find((l) => l.startsWith(RESULT));
  process.stdout.write(lines.filter((l) => !l.startsWith(RESULT)).join('\n'));
  if (child.status !== 0 || !result) return { ok: false, seconds: NaN };
  return JSON.parse(result.slice(RESULT.length)) as ScenarioResult;
}

if (values.target) {
  const target = values.target as keyof typeof TARGETS;
  const run = values.scenario === 'update' ? updateScenario : importScenario;
  console.log(`${RESULT}${JSON.stringify(await run(target))}`);
} else {
  // Each database in its own process, so PGlite's memory does not count against PostgreSQL's.
  const targets: (keyof typeof TARGETS)[] = process.env.BENCH_DATABASE_URL
    ? ['pglite', 'postgres']
    : ['pglite'];
  if (!process.env.BENCH_DATABASE_URL)
    console.log('BENCH_DATABASE_URL not set: PostgreSQL skipped.');
  let failed = false;
  for (const target of targets) {
    const first = runInChild(target, 'import');
    const update = runInChild(target, 'update');
    const ratio = update.seconds / first.seconds;
    const ok = first.ok && update.ok && ratio < UPDATE_TARGET_RATIO;
    console.log(
      [
        `  update: ${update.seconds.toFixed(2)} s beside the first import's ${first.seconds.toFixed(2)} s: ` +
          `${ratio.toFixed(2)}× (target < ${UPDATE_TARGET_RATIO}×)`,
        `  ${ok ? 'all targets met' : 'TARGET MISSED'}`,
      ].join('\n'),
    );
    failed ||= !ok;
  }
  process.exitCode = failed ? 1 : 0;
}
