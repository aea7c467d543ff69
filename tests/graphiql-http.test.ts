// GraphiQL over HTTP: a browser's GET /graphql gets the page, API clients still get the API, the
// bundle is served from this server, and nothing in it points the browser at another host.
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGraphiQLManifest } from '../src/graphiql/assets.js';
import { graphiqlExamples } from '../src/graphiql/examples.js';
import { GRAPHIQL_CSP } from '../src/graphiql/serve-graphiql.js';
import { toGlobalId } from '../src/graphql/global-id.js';
import { createHttpServer } from '../src/http.js';
import { recordLink } from '../src/modules/citations/how-to-cite.js';
import { ids } from '../src/seed/kazan-mali.js';
import { createApolloServer } from '../src/server.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

// URLs the bundle may contain as text: XML namespaces, and links in error messages, licences
// and help text. None is fetched; any new one (after a GraphiQL upgrade) must be looked at.
const KNOWN_TEXT_URLS = [
  /^http:\/\/www\.w3\.org\//,
  /^https:\/\/react\.dev\/errors\//,
  /^https:\/\/github\.com\//,
  /^https:\/\/codemirror\.net\//,
  /^https:\/\/commonmark\.org\//,
  /^https:\/\/en\.wikipedia\.org\//,
  /^https:\/\/yarnpkg\.com\//,
  /^https?:\/\/$/,
];

describe('GraphiQL over HTTP', () => {
  let database: TestDatabase;
  let apollo: ReturnType<typeof createApolloServer>;
  let server: http.Server;
  let base: string;

  beforeAll(async () => {
    const logger = pino({ level: 'silent' });
    database = await createTestDatabase();
    apollo = createApolloServer(logger);
    await apollo.start();
    server = createHttpServer({ apollo, database, logger });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await apollo.stop();
    await database.close();
  });

  const browserGet = (path: string) =>
    fetch(`${base}${path}`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });

  it('serves the GraphiQL page to a browser, locked to this origin', async () => {
    const response = await browserGet('/graphql');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(GRAPHIQL_CSP);
    const html = await response.text();
    // Only root-relative references: the page loads nothing from any other host.
    expect(html.match(/(?:src|href)="[^"]*"/g)).toEqual([
      'href="data:,"',
      expect.stringMatching(/^href="\/graphiql\/assets\/graphiql-\w+\.css"$/),
      expect.stringMatching(/^src="\/graphiql\/assets\/graphiql-\w+\.js"$/),
    ]);
    for (const example of graphiqlExamples) expect(html).toContain(JSON.stringify(example.title));
  });

  it('serves the bundle with long-lived caching, gzipped when asked', async () => {
    const manifest = await readGraphiQLManifest();
    const script = await fetch(`${base}/graphiql/assets/${manifest.script}`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(script.headers.get('content-encoding')).toBe('gzip');
    expect((await fetch(`${base}/graphiql/assets/nothing.js`)).status).toBe(404);
    expect((await fetch(`${base}/graphiql/assets/../../package.json`)).status).not.toBe(200);
  });

  it('bundles nothing that would fetch from another host', async () => {
    const manifest = await readGraphiQLManifest();
    const css = await (await fetch(`${base}/graphiql/assets/${manifest.stylesheet}`)).text();
    // In CSS every url() and @import is fetched: all must be inline data.
    expect(css.match(/url\(\s*["']?(?!data:)[^)]*\)/g) ?? []).toEqual([]);
    expect(css).not.toMatch(/@import/);
    const js = await (await fetch(`${base}/graphiql/assets/${manifest.script}`)).text();
    const urls = new Set(js.match(/https?:\/\/[\w.:/?#=%-]*/g) ?? []);
    expect([...urls].filter((url) => !KNOWN_TEXT_URLS.some((known) => known.test(url)))).toEqual(
      [],
    );
  });

  it('redirects / to /graphql, for browsers and API clients alike', async () => {
    for (const accept of ['text/html', 'application/json']) {
      const response = await fetch(`${base}/`, { headers: { accept }, redirect: 'manual' });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/graphql');
    }
    // Only GET and HEAD: a POST to / is no GraphQL request.
    expect((await fetch(`${base}/`, { method: 'POST', redirect: 'manual' })).status).toBe(404);
  });

  it('keeps GET /graphql for API clients and POST for everyone', async () => {
    // Not a browser: Apollo answers (and its CSRF prevention refuses a GET without a header).
    const apiGet = await fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(apiGet.headers.get('content-type')).toMatch(/json/);
    // A browser following a shared link (Deal.howToCite, "Copy link", an example's link) gets
    // GraphiQL, which opens its query: never Apollo's CSRF refusal.
    for (const path of [
      `/graphql?query=${encodeURIComponent('{ __typename }')}`,
      `/graphql?query=${encodeURIComponent('query Q($id: ID!) { node(id: $id) { id } }')}&variables=${encodeURIComponent('{"id":"x"}')}`,
      '/graphql?example=kazan',
    ]) {
      const sharedLink = await browserGet(path);
      expect(sharedLink.status).toBe(200);
      expect(sharedLink.headers.get('content-type')).toMatch(/html/);
    }
    // The same GET from an API client is still refused by the CSRF defence, without the header.
    const apiGetWithVariables = await fetch(
      `${base}/graphql?query=${encodeURIComponent('query Q($id: ID!) { node(id: $id) { id } }')}&variables=${encodeURIComponent('{"id":"x"}')}`,
      { headers: { accept: 'application/json' } },
    );
    expect(apiGetWithVariables.status).toBe(400);
    expect(await apiGetWithVariables.text()).toMatch(/CSRF/i);
    // The same link answers an API client with the deal, given Apollo's preflight header.
    const dealId = toGlobalId('Deal', ids.kazanDeal);
    const json = await fetch(recordLink(base, dealId), {
      headers: { accept: 'application/json', 'apollo-require-preflight': '1' },
    });
    expect(await json.json()).toMatchObject({ data: { deal: { id: dealId } } });
    const post = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/html, */*;q=0.8' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await post.json()).toMatchObject({ data: { __typename: 'Query' } });
  });
});
