// A CLI beside a running server: on PGlite it is refused (a second process on the folder lost
// every later write); on PostgreSQL it works. Either way no acknowledged write is lost.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_FILE_NAME, type LockHolder } from '../../src/db/data-folder-lock.js';
import {
  createKeyWithCli,
  ownDatabaseEnv,
  postGraphQL,
  runCliProcess,
  startRealServer,
} from '../support/real-server.js';
import { testDatabaseKind } from '../support/test-database.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Runs `npm run keys -- …` as a real process; its exit code and everything it printed. */
const keysCli = (env: Record<string, string>, ...args: string[]) =>
  runCliProcess('keys', args, env);

async function createSource(url: string, endpoint: string, key: string) {
  const answer = await postGraphQL(
    endpoint,
    {
      query:
        'mutation M($input: CreateSourceInput!) { createSource(input: $input) { source { url } } }',
      variables: { input: { source: { kind: 'NEWS', url }, reason: 'lock test' } },
    },
    { authorization: `Bearer ${key}` },
  );
  expect(answer.body.errors, answer.text).toBeUndefined();
}

describe(`a CLI beside a running server (${testDatabaseKind})`, () => {
  it('loses no acknowledged write', async () => {
    const own = await ownDatabaseEnv();
    cleanups.push(own.cleanup);
    const key = await createKeyWithCli(own.env, 'editor', 'Lock test');
    let server = await startRealServer(own.env);
    cleanups.push(() => server.stop());

    const urls = Array.from({ length: 20 }, (_, i) => `https://example.org/lock-test/${i}`);
    for (const url of urls.slice(0, 10)) await createSource(url, server.url, key);
    // Writes and CLI commands at the same time, as an operator would do it.
    const [list, create] = await Promise.all([
      keysCli(own.env, 'list'),
      keysCli(own.env, 'create', '--role', 'reader', '--name', 'Beside the server'),
      (async () => {
        for (const url of urls.slice(10)) await createSource(url, server.url, key);
      })(),
    ]);

    if (testDatabaseKind === 'pglite') {
      const holder = JSON.parse(
        readFileSync(join(own.env.PGLITE_DATA_DIR!, LOCK_FILE_NAME), 'utf8'),
      ) as LockHolder;
      for (const refused of [list, create]) {
        expect(refused.code, refused.output).toBe(1);
        expect(refused.output).toContain(`is in use by process ${holder.pid}`);
        expect(refused.output).toContain('createApiKey');
        // The operator's message, not a stack trace.
        expect(refused.output).not.toMatch(/\n\s+at /);
      }
      expect(holder.command).toBe('the Armstrail server');
    } else {
      expect(list.code, list.output).toBe(0);
      expect(create.code, create.output).toBe(0);
    }

    await server.stop();
    server = await startRealServer(own.env);
    const answer = await postGraphQL(server.url, {
      query: '{ sources(first: 100) { nodes { url } } }',
    });
    const found = (answer.body.data?.sources as { nodes: { url: string }[] }).nodes.map(
      (n) => n.url,
    );
    expect(urls.filter((url) => !found.includes(url))).toEqual([]);
    await server.stop();

    // With the server stopped, the folder is free again for the CLI.
    const after = await keysCli(own.env, 'list');
    expect(after.code, after.output).toBe(0);
    expect(after.output).toContain('Lock test');
  }, 180_000);

  it.runIf(testDatabaseKind === 'pglite')(
    'refuses a second server on the same folder and names the first',
    async () => {
      const own = await ownDatabaseEnv();
      cleanups.push(own.cleanup);
      const first = await startRealServer(own.env);
      cleanups.push(() => first.stop());
      await expect(startRealServer(own.env)).rejects.toThrow(/is in use by process \d+/);
      expect(first.running()).toBe(true);
    },
    120_000,
  );
});
