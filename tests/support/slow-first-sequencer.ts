// Test files in an order that keeps both workers busy to the end. Vitest starts the files it
// has timed longest first, but a clean clone (CI) has no timings, and it then starts the
// largest files first: the whole-register chain is a short file that runs minutes, and it
// started last, alone, while the other worker had finished. The slowest files, by their CI
// times on this 2-core machine, go first here; the rest keep Vitest's own order.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Slowest first (seconds on PGlite in the CI of 2 December 2026, for reordering later). */
const SLOW_FILES = [
  'tests/sipri-registers.test.ts', // ~100 s: the 2024 and 2026 registers
  'tests/operations/shutdown.test.ts', // ~80 s
  'tests/seed-once.test.ts', // ~55 s
  'tests/operations/production-build.test.ts', // ~50 s (PostgreSQL pass)
  'tests/graphiql.browser.test.ts', // ~38 s
  'tests/operations/data-folder-lock.test.ts', // ~37 s
  'tests/graphiql-results.browser.test.ts', // ~36 s
  'tests/limits/fuzz-variables.test.ts', // ~33 s
  'tests/change-feed.test.ts', // ~25 s
  'tests/import/sipri-torture.test.ts', // ~24 s
  'tests/import/sipri-releases.test.ts', // ~22 s
];

function rank(spec: TestSpecification): number {
  const path = spec.moduleId.replace(/\\/g, '/');
  const index = SLOW_FILES.findIndex((file) => path.endsWith(`/${file}`));
  return index === -1 ? SLOW_FILES.length : index;
}

export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const base = await super.sort(files);
    // Array.prototype.sort is stable: files off the list keep the base order among themselves.
    return base.sort((a, b) => rank(a) - rank(b));
  }
}
