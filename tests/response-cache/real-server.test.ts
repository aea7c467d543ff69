// The response cache in the real server process (`npm start`): on by default, off with
// RESPONSE_CACHE=false, and on PostgreSQL a write made by another process (a CLI) makes the
// next request a miss.
import { afterAll, describe, expect, it } from 'vitest';
import {
  ownDatabaseEnv,
  postGraphQL,
  runCliProcess,
  startRealServer,
  type HttpAnswer,
  type RealServer,
} from '../support/real-server.js';
import { testDatabaseUrl } from '../support/test-database.js';

const QUERY = { query: '{ actors(filter: { name: "Kazan" }) { totalCount nodes { name } } }' };
const cacheOf = (answer: HttpAnswer) =>
  answer.body.extensions?.cache as { hit: boolean; version: string } | undefined;

const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function start(extraEnv: Record<string, string> = {}) {
  const { env, cleanup } = await ownDatabaseEnv();
  cleanups.push(cleanup);
  const server: RealServer = await startRealServer({ ...env, ...extraEnv });
  cleanups.push(() => server.stop());
  return { server, env };
}

describe('the response cache in the server process', () => {
  it('is on by default; another process’s write makes the next request a miss', async () => {
    const { server, env } = await start();
    const miss = await postGraphQL(server.url, QUERY);
    expect(cacheOf(miss)).toMatchObject({ hit: false });
    const hit = await postGraphQL(server.url, QUERY);
    expect(cacheOf(hit)).toEqual({ hit: true, version: cacheOf(miss)!.version });
    expect(hit.body.data).toEqual(miss.body.data);
    // PGlite's folder is held by the server: no other process can write beside it.
    if (!testDatabaseUrl) return;
    const cli = await runCliProcess('keys', ['create', '--role', 'reader', '--name', 'x'], env);
    expect(cli.code).toBe(0);
    const after = await postGraphQL(server.url, QUERY);
    expect(cacheOf(after)?.hit).toBe(false);
    expect(BigInt(cacheOf(after)!.version)).toBeGreaterThan(BigInt(cacheOf(miss)!.version));
  }, 90_000);

  it('is off with RESPONSE_CACHE=false', async () => {
    const { server } = await start({ RESPONSE_CACHE: 'false' });
    for (let i = 0; i < 2; i++) {
      const answer = await postGraphQL(server.url, QUERY);
      expect(answer.status).toBe(200);
      expect(answer.body.extensions?.cost).toBeDefined();
      expect(answer.body.extensions?.cache).toBeUndefined();
    }
  }, 90_000);
});
