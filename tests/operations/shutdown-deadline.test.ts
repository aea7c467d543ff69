// A drain that cannot finish (a database that never closes) must not keep the process alive:
// past its deadline the process logs why and exits 1.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('the shutdown deadline', () => {
  it('exits 1 with an error line when the drain outlives its deadline', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/operations/fixtures/hanging-drain.ts', '300'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Bounded: at most 30 s for tsx to start the fixture.
    for (let i = 0; i < 300 && !output.includes('ready'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const signalled = Date.now();
    child.kill('SIGTERM');
    const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
    const code = await exited;
    clearTimeout(timeout);
    expect(code, output).toBe(1);
    expect(Date.now() - signalled).toBeLessThan(5_000);
    expect(output).toContain('shutdown did not finish within 300 ms');
  }, 60_000);
});
