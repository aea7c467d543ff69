// Test support: the real server process — src/main.ts, compiled once per run — on a free loopback
// port, with an environment of the test's choosing; its JSON log lines can be read back.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compiledCommand } from './compiled-server.js';
import { copyReadyFolder, templates } from './templates.js';
import { createScratchDatabase, testDatabaseUrl } from './test-database.js';
import type { TypedDocumentString } from './graphql/graphql.js';

export interface RealServer {
  /** http://127.0.0.1:<port> */
  base: string;
  /** http://127.0.0.1:<port>/graphql */
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output: string[];
  /** The JSON log lines printed so far. */
  logs(): Record<string, unknown>[];
  /** Resolves with the exit code once every process of the group has closed its output. */
  exited: Promise<number | null>;
  running(): boolean;
  /** Sends a signal to the whole process group (with `npm start`: npm and node). */
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

/**
 * Starts the compiled src/main.ts here (see compiled-server.ts), or `command` in `cwd` (the
 * production test runs `node dist/main.js` in a copy of the built artifact; one test runs
 * `npm start` itself).
 */
export async function startRealServer(
  env: Record<string, string>,
  { command = compiledCommand('main'), cwd = process.cwd() } = {},
): Promise<RealServer> {
  const child = spawn(command[0]!, command.slice(1), {
    cwd,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    // Its own process group, so that a signal reaches npm, tsx and node alike.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => resolve(code)),
  );
  let closed = false;
  void exited.then(() => (closed = true));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // Already gone.
    }
  };
  const server = await new Promise<RealServer>((resolve, reject) => {
    const timer = setTimeout(() => {
      signal('SIGKILL');
      reject(new Error(`server did not start:\n${output.join('')}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const match = /ready at http:\/\/localhost:(\d+)\/graphql/.exec(output.join(''));
      if (match) {
        clearTimeout(timer);
        const base = `http://127.0.0.1:${match[1]}`;
        resolve({
          base,
          url: `${base}/graphql`,
          child,
          output,
          logs: () => parseLogs(output),
          exited,
          running: () => !closed,
          signal,
          stop: async () => {
            if (!closed) signal('SIGTERM');
            await exited;
          },
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`server exited:\n${output.join('')}`));
    });
  });
  return server;
}

function parseLogs(output: string[]): Record<string, unknown>[] {
  return output
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

/**
 * A database of the test's own: a PGlite folder, or a scratch database on TEST_DATABASE_URL —
 * migrated and seeded, as the first `npm start` on PGlite leaves it (copied from this run's
 * template), or empty with `fresh`.
 */
export async function ownDatabaseEnv({ fresh = false }: { fresh?: boolean } = {}): Promise<{
  env: Record<string, string>;
  cleanup: () => Promise<unknown>;
}> {
  if (testDatabaseUrl) {
    const scratch = await createScratchDatabase(testDatabaseUrl, 'armstrail_test', {
      template: fresh ? undefined : templates().postgresReady,
    });
    return { env: { DATABASE_URL: scratch.url }, cleanup: scratch.drop };
  }
  const dir = (!fresh && copyReadyFolder()) || mkdtempSync(join(tmpdir(), 'armstrail-data-'));
  return {
    env: { PGLITE_DATA_DIR: dir },
    cleanup: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

export interface HttpAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: {
    data?: T | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
    extensions?: Record<string, unknown>;
  };
  text: string;
}

/** POSTs a typed document (graphql() from ./graphql) and its variables: the answer typed by them. */
export async function postGraphQL<T, V>(
  url: string,
  body: { query: TypedDocumentString<T, V>; variables?: V },
  headers?: Record<string, string>,
): Promise<HttpAnswer<T>>;
/** POSTs any body as JSON (a string as it stands: built at run time, or meant to be malformed). */
export async function postGraphQL(
  url: string,
  body: unknown,
  headers?: Record<string, string>,
): Promise<HttpAnswer>;
/** POSTs a GraphQL request as JSON and reads the answer, JSON or not. */
export async function postGraphQL(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  return readAnswer(
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    }),
  );
}

/** GETs `url` (a GraphQL request in its query string, a health check) and reads the answer. */
export async function getAnswer(
  url: string,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  return readAnswer(await fetch(url, { headers, signal: AbortSignal.timeout(20_000) }));
}

async function readAnswer<T>(response: Response): Promise<HttpAnswer<T>> {
  const text = await response.text();
  let parsed: HttpAnswer<T>['body'] = {};
  try {
    parsed = JSON.parse(text) as HttpAnswer<T>['body'];
  } catch {
    // Not JSON: the test looks at `text`.
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** Runs a CLI (src/cli/<name>.ts, compiled) to its end on the database `env` names. */
export async function runCliProcess(
  name: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const [node, file] = compiledCommand(`cli/${name}`);
  const child = spawn(node!, [file!, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, output };
}

/** Creates an API key with the keys CLI on the database `env` names; returns the secret. */
export async function createKeyWithCli(
  env: Record<string, string>,
  role: 'reader' | 'editor' | 'admin',
  name: string,
): Promise<string> {
  const { output } = await runCliProcess('keys', ['create', '--role', role, '--name', name], env);
  const match = /Key \(shown once[^)]*\): (\S+)/.exec(output);
  if (!match) throw new Error(`the keys CLI printed no key:\n${output}`);
  return match[1]!;
}
