// Test support: the real server started as `npm start` does, on a free port, with a database of
// its own (a PGlite folder, or a scratch database on TEST_DATABASE_URL's server).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase, testDatabaseUrl } from './test-database.js';

export interface StartedServer {
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  /** Everything the server printed so far. */
  output: string[];
  /** Stops the server (SIGTERM to its process group) and drops its database. */
  stop(): Promise<void>;
}

export async function startServerWithOwnDatabase(): Promise<StartedServer> {
  let env: Record<string, string>;
  let cleanup: () => Promise<unknown>;
  if (testDatabaseUrl) {
    const scratch = await createScratchDatabase(testDatabaseUrl);
    env = { DATABASE_URL: scratch.url };
    cleanup = scratch.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'armstrail-data-'));
    env = { PGLITE_DATA_DIR: dir };
    cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
  }
  const child = spawn('npm', ['start', '--silent'], {
    cwd: process.cwd(),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    // Its own process group, so that stopping reaches npm, tsx and node alike.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) signalGroup(child, 'SIGTERM');
    await exited;
    await cleanup();
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server did not start:\n${output.join('')}`)),
        60_000,
      );
      const onData = (chunk: Buffer) => {
        output.push(chunk.toString());
        const match = /ready at http:\/\/localhost:(\d+)\/graphql/.exec(output.join(''));
        if (match) {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${match[1]}/graphql`);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      void exited.then(() => reject(new Error(`server exited:\n${output.join('')}`)));
    });
    return { url, output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}
