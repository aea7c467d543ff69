// The per-request context's cost: every request builds one, whatever it asks.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * Runs `body` in a fresh Node process that can ask V8 about hidden classes (%HaveSameMap), with
 * the source tree loaded as the server loads it; returns what it prints.
 */
function inV8(body: string): string {
  const script = `
    const { createContext } = await import('./src/context.ts');
    const { createLogger } = await import('./src/logger.ts');
    const logger = createLogger('silent');
    const db = {};
    ${body}`;
  return execFileSync(
    process.execPath,
    ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script],
    { encoding: 'utf8' },
  ).trim();
}

describe('request context', () => {
  // A hidden class per request made building the loaders cost ~65 µs (a sixth of a trivial
  // request's CPU) and every read of ctx.loaders.x megamorphic (issue 12).
  it("gives every request's loaders the same hidden class", () => {
    const printed = inV8(`
      const contexts = Array.from({ length: 50 }, (_, i) => createContext(db, logger, 'r' + i));
      const same = contexts.every((ctx) => %HaveSameMap(ctx.loaders, contexts[0].loaders));
      console.log(JSON.stringify({ same, loaders: Object.keys(contexts[0].loaders).length }));
    `);
    const { same, loaders } = JSON.parse(printed) as { same: boolean; loaders: number };
    expect(loaders).toBeGreaterThan(20);
    expect(same).toBe(true);
  });
});
