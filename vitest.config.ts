// Test runner configuration: every test file gets its own real database.
import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './tests/support/slow-first-sequencer.js';

// One graphql-js, as in production. Node loads `graphql` for @apollo/server (run as Node
// runs it) from its CommonJS entry; Vite would resolve the project's own imports to the
// package's `module` entry, a second copy whose classes fail the first's instanceof checks.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    include: ['tests/**/*.test.ts'],
    // Template databases, migrated and seeded once per run and copied for each file.
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // A worker runs its files one after another in one module graph instead of importing the
    // source tree again for each (~3 s a file, a sixth of the run). What would leak between
    // files: nothing in src/ keeps state at module level that a test changes (PUBLIC_URL is set
    // by main.ts only, which tests run as a process), and no test mocks a module.
    isolate: false,
    // Three files at a time on this 2-core machine (Vitest's default is cores − 1): much of a
    // file's time is spent waiting on a server process, a CLI process or PostgreSQL. Measured
    // on PGlite: 188 s with two workers, 173 s with three; PostgreSQL 123 s with either.
    maxWorkers: 3,
    // The slowest files first, so that no long file runs alone at the end (a clean clone has
    // no timings for Vitest to order by).
    sequence: { sequencer: SlowFirstSequencer },
  },
});
