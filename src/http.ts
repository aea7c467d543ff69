// HTTP layer: routes /graphql to Apollo with a fresh context per request, the bulk export
// (/export/deals.ndjson, /export/deals.csv; src/modules/export), plus health probes.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { ApolloServer, HTTPGraphQLRequest } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { createContext, type Context } from './context.js';
import type { Database } from './db/client.js';
import { serveGraphiQL } from './graphiql/serve-graphiql.js';
import type { QueryLimits } from './config.js';
import { ApiError } from './errors.js';
import {
  attachRequestMeta,
  clientIdentity,
  DEFAULT_QUERY_LIMITS,
  rateLimited,
  type ClientIdentity,
  type RateLimiter,
  type RequestMeta,
} from './graphql/limits/index.js';
import type { Logger } from './logger.js';
import type { Viewer } from './modules/auth/api-keys.service.js';
import { authenticate } from './modules/auth/authenticate.js';
import {
  errorOf,
  EXPORT_PATHS,
  handleExport,
  type ExportFormat,
} from './modules/export/export-route.js';
import { logRequest } from './request-log.js';

export interface HttpOptions {
  apollo: ApolloServer<Context>;
  database: Database;
  logger: Logger;
  /** Largest accepted request body, in bytes (MAX_BODY_BYTES). */
  maxBodyBytes?: number;
  /** Per-client budgets: each request pays 1 point here, then its cost in the limits plugin. */
  rateLimiter?: RateLimiter | null;
  /** The bulk export's budgets, in deals (src/modules/export); none: exports are not limited. */
  exportRateLimiter?: RateLimiter | null;
  /** Query limits; the export checks its filter against the input-value ones. */
  limits?: QueryLimits;
  /** Deals per cursor FETCH in an export (tests make it small to stop mid-export). */
  exportBatchSize?: number;
}

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
const READY_TIMEOUT_MS = 1_500;
// Points a refused request pays on top of its admission: about what parsing and validating a
// large document costs the server (a page of 100 deals is ~1,300 points, ~35 ms).
export const REFUSED_REQUEST_COST = 50;

/** Rejects when `promise` has not settled within `ms`; the promise itself runs on. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The HTTP server, and a way to wait for the requests it is still handling. */
export interface ApiServer extends http.Server {
  /**
   * Resolves once no request is being handled. A request whose client has left has no
   * connection for `close()` to wait on, yet its resolvers still run: the drain waits here
   * before it closes the database under them.
   */
  requestsSettled(): Promise<void>;
}

export function createHttpServer(options: HttpOptions): ApiServer {
  const { logger } = options;
  let handling = 0;
  const settled: (() => void)[] = [];
  const finished = () => {
    handling -= 1;
    if (handling > 0) return;
    for (const resolve of settled.splice(0)) resolve();
  };
  const server = http.createServer((req, res) => {
    handling += 1;
    void handleAndAnswerFailures(req, res, options, logger).finally(finished);
  }) as ApiServer;
  server.requestsSettled = () =>
    handling === 0 ? Promise.resolve() : new Promise((resolve) => settled.push(resolve));
  return server;
}

function handleAndAnswerFailures(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: HttpOptions,
  logger: Logger,
): Promise<unknown> {
  return handle(req, res, options).catch((error: unknown) => {
    const status = error instanceof HttpError ? error.status : 500;
    if (status === 500) logger.error({ err: error }, 'request failed outside GraphQL');
    const message = error instanceof HttpError ? error.message : 'Internal server error';
    const code = status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT';
    if (!res.headersSent) {
      res.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        // The rest of an oversized body is not read: the connection cannot carry another request.
        ...(status === 413 ? { connection: 'close' } : {}),
      });
    }
    res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
  });
}

async function handle(req: http.IncomingMessage, res: http.ServerResponse, options: HttpOptions) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  // A browser's GET /graphql and /graphiql/assets/… are GraphiQL; everything else is the API.
  if (await serveGraphiQL(req, res, url, options.logger)) return;
  if (url.pathname === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
    // Someone typing the server's address wants GraphiQL (a browser) or the API (anyone else):
    // both are at /graphql. 302, not 301: browsers would keep a permanent one forever.
    res.writeHead(302, { location: '/graphql', 'content-type': 'text/plain; charset=utf-8' });
    return res.end(req.method === 'HEAD' ? undefined : 'The API and GraphiQL are at /graphql\n');
  }
  switch (url.pathname) {
    case '/healthz':
      return sendJson(res, 200, { status: 'ok' });
    case '/readyz':
      // A load balancer's probe wants an answer in time: a database that does not answer
      // within READY_TIMEOUT_MS is as unready as one that refuses.
      return withTimeout(options.database.ping(), READY_TIMEOUT_MS).then(
        () => sendJson(res, 200, { status: 'ready' }),
        () => sendJson(res, 503, { status: 'database unreachable' }),
      );
    case '/graphql':
    case '/graphql/':
      return handleGraphQL(req, res, url, options);
    case '/export/deals.ndjson':
    case '/export/deals.csv':
      return handleExportRoute(req, res, url, EXPORT_PATHS[url.pathname]!, options);
    default:
      return sendJson(res, 404, {
        errors: [{ message: `No route ${url.pathname}; the API is at /graphql` }],
      });
  }
}

interface Admitted {
  requestId: string;
  meta: RequestMeta;
  client: ClientIdentity;
  authentication: { viewer: Viewer; error: null } | { viewer: null; error: Error };
}

/**
 * What every API request goes through first: its ID, its log line, authentication and the
 * 1-point admission charge. Null when refused (the 429 is sent).
 */
async function admit(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  { database, logger, maxBodyBytes = DEFAULT_MAX_BODY_BYTES, rateLimiter }: HttpOptions,
): Promise<Admitted | null> {
  const requestId = headerValue(req.headers['x-request-id']) ?? randomUUID();
  const started = performance.now();
  // Authentication comes first: only a valid key draws on a key's budget. A request with a
  // made-up key is charged to its address like an anonymous one, so that inventing keys buys
  // no fresh budgets; its 401 is sent by the route (Apollo's, for /graphql).
  const authentication = await authenticate(
    database.db,
    headerValueRaw(req.headers.authorization),
  ).then(
    (viewer) => ({ viewer, error: null }) as const,
    (error: unknown) =>
      ({
        viewer: null,
        error: error instanceof Error ? error : new Error(String(error)),
      }) as const,
  );
  const keyId = authentication.viewer?.kind === 'key' ? authentication.viewer.keyId : null;
  const client = clientIdentity(keyId, req.socket.remoteAddress);
  const meta: RequestMeta = { requestId, client };
  res.setHeader('x-request-id', requestId);
  res.once('close', () =>
    logRequest(logger, meta, {
      method: req.method ?? 'GET',
      status: res.statusCode,
      durationMs: performance.now() - started,
      finished: res.writableFinished,
    }),
  );
  // An exhausted client is refused before its body is parsed: floods stay cheap.
  const admission = await rateLimiter?.take(client, 1);
  if (!admission || admission.allowed) return { requestId, meta, client, authentication };
  meta.refusedBy = 'rateLimit';
  const error = rateLimited(
    1,
    admission.available,
    admission.policy.perSecond,
    admission.retryAfterSeconds,
  );
  res.setHeader('retry-after', String(error.extensions.retryAfter));
  // A client that respects Retry-After should not have to reconnect: the body is read (not
  // parsed) and thrown away, so that the connection can carry the next request. Only a body
  // too large to accept, or one cut off, leaves the connection unusable.
  if (!(await discardBody(req, maxBodyBytes))) res.setHeader('connection', 'close');
  const { http: _http, ...extensions } = error.extensions;
  sendJson(res, 429, { errors: [{ message: error.message, extensions }] });
  return null;
}

/** Reads and drops a request's body; false when it is over `limit` bytes or cut off. */
function discardBody(req: http.IncomingMessage, limit: number): Promise<boolean> {
  if (req.readableEnded) return Promise.resolve(true);
  if (Number(req.headers['content-length'] ?? 0) > limit) return Promise.resolve(false);
  return new Promise((resolve) => {
    let size = 0;
    const finish = (complete: boolean) => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onFail);
      req.off('aborted', onFail);
      if (!complete) req.pause();
      resolve(complete);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish(false);
    };
    const onEnd = () => finish(true);
    const onFail = () => finish(false);
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onFail);
    req.once('aborted', onFail);
  });
}

async function handleExportRoute(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  format: ExportFormat,
  options: HttpOptions,
) {
  const admitted = await admit(req, res, options);
  if (!admitted) return;
  const { requestId, client, authentication } = admitted;
  if (!authentication.viewer) {
    // A bad key is UNAUTHENTICATED, as on /graphql; anything else is the server's failure.
    if (!(authentication.error instanceof ApiError)) throw authentication.error;
    return sendJson(res, 401, { errors: [errorOf(authentication.error)] });
  }
  const { rateLimiter } = options;
  return handleExport(
    req,
    res,
    url,
    format,
    { requestId, viewer: authentication.viewer, client },
    {
      database: options.database,
      logger: options.logger,
      limits: options.limits ?? DEFAULT_QUERY_LIMITS,
      exportLimiter: options.exportRateLimiter,
      batchSize: options.exportBatchSize,
      chargeRefusal: () =>
        rateLimiter?.take(client, REFUSED_REQUEST_COST, true) ?? Promise.resolve(),
    },
  );
}

async function handleGraphQL(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  options: HttpOptions,
) {
  const { apollo, database, logger, maxBodyBytes = DEFAULT_MAX_BODY_BYTES, rateLimiter } = options;
  const admitted = await admit(req, res, options);
  if (!admitted) return;
  const { requestId, meta, client, authentication } = admitted;
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const httpGraphQLRequest: HTTPGraphQLRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    headers,
    search: url.search,
    body: await readBody(req, maxBodyBytes),
  };
  attachRequestMeta(httpGraphQLRequest, meta);
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest,
    context: () =>
      authentication.viewer
        ? Promise.resolve(
            createContext(
              database.db,
              logger,
              requestId,
              authentication.viewer,
              database.expensiveDb,
            ),
          )
        : Promise.reject(authentication.error),
  });
  // A refused document (malformed, invalid, over a limit) cost its parsing and validation but
  // no points: charged here, whatever the bucket holds, a flood of refusals runs dry like any.
  if (rateLimiter && response.status === 400) {
    await rateLimiter.take(client, REFUSED_REQUEST_COST, true);
  }
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** The parsed JSON body of a JSON request; undefined for others (Apollo then refuses them). */
async function readBody(req: http.IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, `Request body is larger than ${limit} bytes`);
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  const contentType = req.headers['content-type'] ?? '';
  if (!/^application\/(graphql-response\+)?json\b/i.test(contentType)) return text || undefined;
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, `Request body is not valid JSON: ${(error as Error).message}`);
  }
}

function headerValueRaw(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first && /^[\w.-]{1,128}$/.test(first) ? first : undefined;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}
