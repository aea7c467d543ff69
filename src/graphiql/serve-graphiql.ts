// HTTP layer, GraphiQL part: serves the GraphiQL page for a browser's GET /graphql and its
// bundled assets under /graphiql/assets/. Everything comes from this server; the page's
// Content-Security-Policy makes the browser refuse anything else.
import type http from 'node:http';
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { Logger } from '../logger.js';
import {
  graphiqlAssetsStale,
  readGraphiQLAsset,
  readGraphiQLManifest,
  GraphiQLAssetsUnavailableError,
  type GraphiQLAssetManifest,
} from './assets.js';
import { graphiqlExamples } from './examples.js';

export const GRAPHIQL_ASSETS_PATH = '/graphiql/assets/';

/**
 * Nothing outside this origin: a firewalled newsroom must not find the page broken, and a
 * journalist's browser must not report their use to any third party. Inline styles are
 * allowed because GraphiQL and CodeMirror position elements with style attributes; the page's
 * own JSON is data, not script, so no inline script is needed.
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

interface LoadedAsset {
  body: Buffer;
  gzipped: Buffer;
  contentType: string;
}

interface LoadedAssets {
  manifest: GraphiQLAssetManifest;
  files: Map<string, LoadedAsset>;
}

// Read once per process, on the first GraphiQL request (built beforehand by `npm run build`);
// a failure is not cached, so a build made meanwhile is found by the next request.
let loading: Promise<LoadedAssets> | undefined;

/**
 * Answers the request if it is GraphiQL's: returns false for anything else, which then goes to
 * the API. GET /graphql is GraphiQL for a browser (Accept: text/html), which opens a `query`
 * parameter in a tab of its own (the links of Deal.howToCite): Apollo's CSRF defence would
 * refuse such a GET from a browser anyway. Other GETs remain GraphQL requests.
 */
export async function serveGraphiQL(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  logger: Logger,
): Promise<boolean> {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') return false;
  const isPage =
    (url.pathname === '/graphql' || url.pathname === '/graphql/') &&
    (req.headers.accept ?? '').includes('text/html');
  const isAsset = url.pathname.startsWith(GRAPHIQL_ASSETS_PATH);
  if (!isPage && !isAsset) return false;

  let assets: LoadedAssets;
  try {
    assets = await loadAssets(logger);
  } catch (error) {
    logger.error({ err: error }, 'GraphiQL is unavailable');
    const reason =
      error instanceof GraphiQLAssetsUnavailableError ? error.message : 'see the server log';
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`GraphiQL is unavailable: ${reason}\nThe API itself answers POST requests here.`);
    return true;
  }

  if (isPage) {
    const page = renderPage(assets.manifest, url.pathname);
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': GRAPHIQL_CSP,
      'cache-control': 'no-cache',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      // The same URL answers JSON to API clients: caches must keep the two apart.
      vary: 'accept',
    });
    res.end(method === 'HEAD' ? undefined : page);
    return true;
  }

  const asset = assets.files.get(url.pathname.slice(GRAPHIQL_ASSETS_PATH.length));
  if (!asset) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('No such GraphiQL asset');
    return true;
  }
  const useGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = useGzip ? asset.gzipped : asset.body;
  res.writeHead(200, {
    'content-type': asset.contentType,
    'content-length': body.length,
    // File names carry a content hash: a new bundle has new names.
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
    ...(useGzip ? { 'content-encoding': 'gzip' } : {}),
  });
  res.end(method === 'HEAD' ? undefined : body);
  return true;
}

function loadAssets(logger: Logger): Promise<LoadedAssets> {
  loading ??= readAssets(logger).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

const gzipAsync = promisify(gzip);

async function readAssets(logger: Logger): Promise<LoadedAssets> {
  const manifest = await readGraphiQLManifest();
  // In a checkout, edited browser sources or upgraded packages are not in the bundle until it
  // is rebuilt: say so, and serve what there is (the server never bundles).
  if (await graphiqlAssetsStale(manifest)) {
    logger.warn(
      { built: manifest.inputsHash },
      'GraphiQL assets were built from other sources or packages: run `npm run build:graphiql`',
    );
  }
  const files = new Map<string, LoadedAsset>();
  for (const [name, contentType] of [
    [manifest.script, 'text/javascript; charset=utf-8'],
    [manifest.stylesheet, 'text/css; charset=utf-8'],
  ] as const) {
    const body = await readGraphiQLAsset(name);
    files.set(name, { body, gzipped: await gzipAsync(body), contentType });
  }
  return { manifest, files };
}

/** The HTML page: the bundle, a mount point and the page's data (endpoint and examples). */
export function renderPage(manifest: GraphiQLAssetManifest, endpoint: string): string {
  const config = { endpoint, examples: graphiqlExamples };
  // Inside <script>, "</script>" or "<!--" in an example would end the element early.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Armstrail — GraphiQL</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${GRAPHIQL_ASSETS_PATH}${manifest.stylesheet}" />
    <script type="module" src="${GRAPHIQL_ASSETS_PATH}${manifest.script}"></script>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <noscript>GraphiQL needs JavaScript. The API answers POST requests at this address.</noscript>
    <script type="application/json" id="armstrail-graphiql-config">${json}</script>
  </body>
</html>
`;
}
