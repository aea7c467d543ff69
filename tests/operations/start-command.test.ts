// The benchmarks start the server as `npm start` does (scripts/bench-server.ts, SERVER_ARGS): a
// figure measured with other V8 flags than the served ones would say nothing about the service.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_ARGS } from '../../scripts/bench-server.js';

describe('the start command', () => {
  it('is the one the benchmarks run', () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.start).toBe(`node ${SERVER_ARGS.join(' ')}`);
  });
});
