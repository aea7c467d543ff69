import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ownDatabaseEnv,
  postGraphQL,
  startRealServer,
  type RealServer,
} from './support/real-server.js';
import { graphql } from './support/graphql/index.js';

describe('the HTTP server process', () => {
  let env: Record<string, string>;
  let cleanup: () => Promise<unknown>;
  let server: RealServer;

  beforeAll(async () => {
    ({ env, cleanup } = await ownDatabaseEnv());
    server = await startRealServer(env);
  }, 90_000);
  afterAll(async () => {
    await server.stop();
    await cleanup();
  });

  it('serves the Kazan record over HTTP', async () => {
    const { status, body } = await postGraphQL(server.url, {
      query: graphql(`
        query HttpServerKazan {
          deals(filter: { recipientCountry: ["MLI"], stage: [REPORTED_INTEREST] }) {
            totalCount
            nodes {
              citations {
                source {
                  url
                }
              }
            }
          }
        }
      `),
    });
    expect(status).toBe(200);
    expect(body.data?.deals.totalCount).toBe(1);
    expect(body.data?.deals.nodes[0]?.citations).toHaveLength(3);
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
    const count = graphql(`
      query HttpServerCounts {
        deals {
          totalCount
        }
        actors {
          totalCount
        }
        sources {
          totalCount
        }
      }
    `);
    const before = (await postGraphQL(server.url, { query: count })).body.data;
    await server.stop();
    expect(server.output.join('')).toContain('"msg":"stopped"');
    server = await startRealServer(env);
    const after = (await postGraphQL(server.url, { query: count })).body.data;
    expect(before?.deals.totalCount).toBeGreaterThan(0);
    expect(after).toEqual(before);
  }, 90_000);
});
