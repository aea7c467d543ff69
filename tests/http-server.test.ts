import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase, testDatabaseUrl } from './support/test-database.js';

interface RunningServer {
  child: ChildProcess;
  url: string;
  output: string[];
  exited: Promise<number | null>;
}

/** Starts the server exactly as `npm start` does, on a free port, and waits until it is ready. */
async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const child = spawn('npm', ['start', '--silent'], {
    cwd: process.cwd(),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  // 'close' waits for every process holding the output pipes (npm, tsx, node) to finish.
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => resolve(code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${output.join('')}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /ready at (http:\/\/localhost:(\d+)\/graphql)/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[2]}/graphql`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => reject(new Error(`server exited:\n${output.join('')}`)));
  });
  return { child, url, output, exited };
}

async function stopServer(server: RunningServer): Promise<void> {
  process.kill(-server.child.pid!, 'SIGTERM');
  await server.exited;
}

interface Counts {
  deals: { totalCount: number };
  actors?: { totalCount: number };
  sources?: { totalCount: number };
}

async function post(url: string, query: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as {
    data: Counts & { deals: { nodes?: { citations: unknown[] }[] } };
  };
  return { status: response.status, body };
}

describe('the HTTP server started like `npm start`', () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<unknown>;
  let server: RunningServer;

  beforeAll(async () => {
    if (testDatabaseUrl) {
      const scratch = await createScratchDatabase(testDatabaseUrl);
      env = { DATABASE_URL: scratch.url };
      cleanup = scratch.drop;
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'armstrail-data-'));
      env = { PGLITE_DATA_DIR: dir };
      cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
    }
    server = await startServer(env);
  }, 90_000);
  afterAll(async () => {
    if (server.child.exitCode === null) await stopServer(server);
    await cleanup();
  });

  it('serves the Kazan record over HTTP', async () => {
    const { status, body } = await post(
      server.url,
      '{ deals(filter: { recipientCountry: ["MLI"], stage: [REPORTED_INTEREST] }) { totalCount nodes { citations { source { url } } } } }',
    );
    expect(status).toBe(200);
    expect(body.data.deals.totalCount).toBe(1);
    expect(body.data.deals.nodes?.[0]?.citations).toHaveLength(3);
  });

  it('answers health probes', async () => {
    const base = server.url.replace('/graphql', '');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('refuses malformed JSON with a 400 and a coded error', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a GET without a preflight header (CSRF prevention)', async () => {
    const response = await fetch(
      `${server.url}?query=${encodeURIComponent('{ deals { totalCount } }')}`,
    );
    expect(response.status).toBe(400);
  });

  it('stops cleanly on SIGTERM and starts again on the same data without reseeding', async () => {
    const count = '{ deals { totalCount } actors { totalCount } sources { totalCount } }';
    const before = (await post(server.url, count)).body.data;
    await stopServer(server);
    expect(server.output.join('')).toContain('"msg":"stopped"');
    server = await startServer(env);
    const after = (await post(server.url, count)).body.data;
    expect(after).toEqual(before);
  }, 90_000);
});
