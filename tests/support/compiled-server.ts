// Test support: the server and its CLIs compiled once per run, so that a test that starts a
// process pays Node's start-up and not tsx's. Under tsx every start compiled ~130 modules again
// (and `npm start` added npm's own start-up): several seconds each on a quiet 2-core machine,
// tens of seconds on a busy one. esbuild transforms the sources file by file (no bundling) into
// a temporary copy of the project, laid out as the checkout is, so that every path the code
// derives from its own location (migrations/, schema.graphql, seed-data/, dist/graphiql-assets,
// src/graphiql/browser) reaches the checkout's files through symbolic links.
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { inject } from 'vitest';

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Type-checked and bundled for the browser by scripts/graphiql-bundle.ts; read, not run, here.
const BROWSER_SOURCES = 'graphiql/browser';
// Sources the server reads as files at run time besides the browser's: the GraphiQL bundle's
// staleness check hashes example.ts, whose shape the page embeds.
const READ_AT_RUN_TIME = [BROWSER_SOURCES, 'graphiql/example.ts'];

/** Compiles src/ into a temporary project; returns its folder and how to remove it. */
export async function buildCompiledServer(): Promise<{ root: string; remove: () => void }> {
  const root = mkdtempSync(join(tmpdir(), 'armstrail-compiled-'));
  for (const entry of readdirSync(PROJECT_ROOT)) {
    if (entry !== 'src') symlinkSync(join(PROJECT_ROOT, entry), join(root, entry));
  }
  const sources = readdirSync(join(PROJECT_ROOT, 'src'), { recursive: true, encoding: 'utf8' });
  await esbuild.build({
    entryPoints: sources
      .filter((file) => file.endsWith('.ts') && !file.startsWith(BROWSER_SOURCES))
      .map((file) => join(PROJECT_ROOT, 'src', file)),
    outbase: join(PROJECT_ROOT, 'src'),
    outdir: join(root, 'src'),
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  for (const path of READ_AT_RUN_TIME) {
    // example.ts is also compiled (the server imports it): its source sits beside the output.
    const target = join(root, 'src', path);
    symlinkSync(join(PROJECT_ROOT, 'src', path), target);
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

declare module 'vitest' {
  export interface ProvidedContext {
    armstrailCompiledRoot: string;
  }
}

/** `node` and the compiled file of `src/<path>.ts`, e.g. `main` or `cli/keys`. */
export function compiledCommand(path: string): string[] {
  return ['node', join(inject('armstrailCompiledRoot'), 'src', `${path}.js`)];
}
