// Bulk export over HTTP: GET /export/deals.ndjson and /export/deals.csv. Deals are read through
// a cursor inside one read-only REPEATABLE READ transaction (one consistent picture, constant
// memory: a batch at a time) and written as they come, waiting for the client to take each
// batch. A client that goes away ends the transaction: its connection goes back to the pool.
import type http from 'node:http';
import { sql } from 'drizzle-orm';
import type { QueryLimits, RateLimitPolicy } from '../../config.js';
import { createContext } from '../../context.js';
import { queryRows, type Database, type Db } from '../../db/client.js';
import type { ApiError } from '../../errors.js';
import {
  createRateLimiterWith,
  type ClientIdentity,
  type RateLimiter,
} from '../../graphql/limits/rate-limiter.js';
import { SIPRI_DATABASE_URL } from '../../import/sipri-source.js';
import type { Logger } from '../../logger.js';
import type { Viewer } from '../auth/api-keys.service.js';
import { citationPublicUrl } from '../citations/citations.resolvers.js';
import type { ResolvedDealFilter } from '../deals/deal-filter.js';
import {
  countDeals,
  dealListStatement,
  dealOfList,
  type DealOrdering,
} from '../deals/deal-pages.js';
import { csvBatch, csvHeader } from './deal-csv.js';
import { dealRecords, type DealRecord } from './deal-records.js';
import {
  FilterRefused,
  parseFilterParameter,
  resolveExportFilter,
  type CodedError,
} from './export-filter.js';

export type ExportFormat = 'ndjson' | 'csv';

export const EXPORT_PATHS: Record<string, ExportFormat> = {
  '/export/deals.ndjson': 'ndjson',
  '/export/deals.csv': 'csv',
};

/** SIPRI's credit line, sent with every export (X-Attribution): most records are SIPRI's data. */
export const EXPORT_ATTRIBUTION =
  'Information from the SIPRI Arms Transfers Database, Stockholm International Peace Research ' +
  `Institute, ${SIPRI_DATABASE_URL}. Records from other sources cite them in howToCite.`;

// The order `deals` uses by default: newest order first, deals without an order date last.
const ORDERING: DealOrdering = { field: 'ORDER_DATE', direction: 'DESC' };
// Deals per FETCH: a few hundred keeps each batch's statements short and its memory small. The
// first batch is smaller, so that the first line goes out at once.
const FIRST_BATCH = 100;
export const EXPORT_BATCH = 500;
// A client that takes nothing for this long is cut off: on PGlite its transaction holds the
// one connection, on PostgreSQL a pooled one.
const STALL_MS = 30_000;
// PostgreSQL ends a session idle inside its transaction for longer (a process that hangs
// mid-export): a safety net behind STALL_MS, never reached while this process works.
const IDLE_IN_TRANSACTION_MS = 2 * STALL_MS;
const CURSOR = 'armstrail_export';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

export interface ExportOptions {
  database: Database;
  logger: Logger;
  limits: QueryLimits;
  /** The export's own buckets, in deals (EXPORT_*_ROWS_PER_DAY); none: not limited. */
  exportLimiter?: RateLimiter | null;
  /** Charged for refused filters, as GraphQL charges refused documents. */
  chargeRefusal?: () => Promise<unknown>;
  /** Deals per FETCH after the first (EXPORT_BATCH by default; tests make it small). */
  batchSize?: number;
}

export interface ExportRequest {
  requestId: string;
  viewer: Viewer;
  client: ClientIdentity;
}

/** The export's limiter: buckets in deals, in Redis under a prefix of their own when shared. */
export function createExportRateLimiter(
  policies: Readonly<{ anonymous: RateLimitPolicy; key: RateLimitPolicy }>,
  rateLimit: { enabled: boolean; redisUrl: string | null },
  logger: Logger,
): RateLimiter | null {
  if (!rateLimit.enabled) return null;
  return createRateLimiterWith(policies, rateLimit.redisUrl, logger, 'armstrail:export-rows:');
}

class ClientGone extends Error {
  constructor(readonly stalled: boolean) {
    super(stalled ? 'export client took nothing for too long' : 'export client went away');
  }
}

function sendErrors(res: http.ServerResponse, status: number, errors: CodedError[]) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify({ errors }));
}

/** An ApiError as a response's `errors` entry: its message and extensions, `http` left out. */
export function errorOf(error: ApiError): CodedError {
  const { http: _http, ...extensions } = error.extensions;
  return { message: error.message, extensions: { ...extensions, code: error.code } };
}

/** `armstrail-deals[-filtered|-release]-20260518T142920Z.csv`: what, and when it was read. */
function fileName(format: ExportFormat, filter: ResolvedDealFilter, at: Date): string {
  const filtered = Object.entries(filter).some(
    ([key, v]) => key !== 'releaseId' && v !== undefined,
  );
  const what = [filter.releaseId ? 'release' : null, filtered ? 'filtered' : null]
    .filter(Boolean)
    .join('-');
  const when = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  return `armstrail-deals${what ? `-${what}` : ''}-${when}.${format}`;
}

// Responses whose connection closed before they were finished. `res.destroyed` is not enough:
// a peer's hang-up emits 'close' without always marking the response destroyed, and 'close'
// comes once, so a write after it would wait for a 'drain' that never comes.
const abandoned = new WeakSet<http.ServerResponse>();

function watchForHangUp(res: http.ServerResponse): void {
  res.once('close', () => {
    if (!res.writableFinished) abandoned.add(res);
  });
}

/** Writes `chunk`, waiting while the client's buffer is full; rejects once the client is gone. */
function writeChunk(res: http.ServerResponse, chunk: string): Promise<void> {
  if (res.destroyed || abandoned.has(res)) return Promise.reject(new ClientGone(false));
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (error?: ClientGone) => {
      clearTimeout(timer);
      res.off('drain', onDrain);
      res.off('close', onClose);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new ClientGone(false));
    const timer = setTimeout(() => done(new ClientGone(true)), STALL_MS);
    res.on('drain', onDrain);
    res.on('close', onClose);
  });
}

export async function handleExport(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  format: ExportFormat,
  request: ExportRequest,
  options: ExportOptions,
): Promise<void> {
  if (req.method !== 'GET') {
    res.setHeader('allow', 'GET');
    return sendErrors(res, 405, [
      { message: 'An export is read with GET', extensions: { code: 'BAD_USER_INPUT' } },
    ]);
  }
  const unknown = [...url.searchParams.keys()].filter((key) => key !== 'filter');
  if (unknown.length > 0) {
    // A misspelt `filter` would otherwise export everything.
    return sendErrors(res, 400, [
      {
        message: `Unknown parameter \`${unknown[0]}\`: an export takes only \`filter\` (a DealFilter as JSON)`,
        extensions: { code: 'BAD_USER_INPUT', argument: unknown[0] },
      },
    ]);
  }
  const { database, logger } = options;
  const ctx = createContext(database.db, logger, request.requestId, request.viewer);
  let filter: ResolvedDealFilter;
  try {
    const parsed = parseFilterParameter(url.searchParams.get('filter'), options.limits);
    filter = await resolveExportFilter(parsed, ctx);
  } catch (error) {
    if (!(error instanceof FilterRefused)) throw error;
    await options.chargeRefusal?.();
    return sendErrors(res, 400, error.errors);
  }
  try {
    await streamExport(res, format, filter, request.client, options);
  } catch (error) {
    if (error instanceof ClientGone) {
      ctx.logger.info({ stalled: error.stalled }, 'export ended early: the client went away');
      res.destroy();
      return;
    }
    if (!res.headersSent) throw error;
    // Too late for an error status: cutting the connection tells the client the file is
    // incomplete (no final chunk), where ending it would pass a partial file off as whole.
    ctx.logger.error({ err: error }, 'export failed while streaming');
    res.destroy();
  }
}

async function streamExport(
  res: http.ServerResponse,
  format: ExportFormat,
  filter: ResolvedDealFilter,
  client: ClientIdentity,
  { database, exportLimiter, batchSize = EXPORT_BATCH }: ExportOptions,
): Promise<void> {
  const publicUrl = citationPublicUrl();
  watchForHangUp(res);
  await database.db.transaction(
    async (transaction) => {
      const tx = transaction as unknown as Db;
      if (database.kind === 'postgres') {
        await tx.execute(
          sql.raw(`set local idle_in_transaction_session_timeout = ${IDLE_IN_TRANSACTION_MS}`),
        );
      }
      const snapshotAt = new Date();
      // Counted in the cursor's own snapshot: the number charged is the number sent.
      const total = await countDeals(tx, filter);
      if (exportLimiter && !(await charge(res, exportLimiter, client, total))) return;
      res.writeHead(200, {
        'content-type': CONTENT_TYPES[format],
        'content-disposition': `attachment; filename="${fileName(format, filter, snapshotAt)}"`,
        'x-attribution': EXPORT_ATTRIBUTION,
        'x-export-deals': String(total),
        'cache-control': 'no-store',
      });
      if (format === 'csv') await writeChunk(res, csvHeader());
      else res.flushHeaders();
      await tx.execute(
        sql`declare ${sql.raw(CURSOR)} no scroll cursor for ${dealListStatement(filter, ORDERING)}`,
      );
      for (let size = Math.min(FIRST_BATCH, batchSize); ; size = batchSize) {
        const raw = await queryRows<Record<string, unknown>>(
          tx,
          sql.raw(`fetch forward ${size} from ${CURSOR}`),
        );
        if (raw.length === 0) break;
        const records = await dealRecords(
          tx,
          raw.map((row) => dealOfList(filter, row)),
          publicUrl,
        );
        await writeChunk(res, serialize(format, records));
        // PGlite runs in this thread and answers through promises alone: without a turn of
        // the event loop here, a whole export would run before any socket event — a client's
        // hang-up included — is looked at.
        await new Promise((resolve) => setImmediate(resolve));
      }
      res.end();
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

function serialize(format: ExportFormat, records: DealRecord[]): string {
  if (format === 'csv') return csvBatch(records);
  return records.map((record) => `${JSON.stringify(record)}\n`).join('');
}

/**
 * Takes the export's deals from the client's allowance; answers and returns false when it
 * cannot pay: 429 with Retry-After when the allowance will refill enough, or 400 when the
 * export is larger than the whole allowance (waiting would never help).
 */
async function charge(
  res: http.ServerResponse,
  limiter: RateLimiter,
  client: ClientIdentity,
  total: number,
): Promise<boolean> {
  // An empty export still costs one deal: a request is never free.
  const cost = Math.max(1, total);
  const decision = await limiter.take(client, cost);
  if (decision.allowed) return true;
  const { burst, perSecond } = decision.policy;
  if (cost > burst) {
    sendErrors(res, 400, [
      {
        message:
          `Export is too large: it holds ${total} deals and the allowance is ${burst} deals a ` +
          `day; narrow the filter (orderYear, recipientCountry…) or send an API key`,
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'exportRows', max: burst, actual: total },
      },
    ]);
    return false;
  }
  const retryAfter = Math.max(1, Math.ceil(decision.retryAfterSeconds));
  res.setHeader('retry-after', String(retryAfter));
  sendErrors(res, 429, [
    {
      message:
        `Export allowance exceeded: this export holds ${total} deals and ${Math.floor(decision.available)} ` +
        `are left of ${burst} a day (refilled at ${(perSecond * 3600).toFixed(0)} an hour); ` +
        `retry after ${retryAfter} s`,
      extensions: {
        code: 'RATE_LIMITED',
        limit: 'exportRows',
        cost: total,
        available: Math.floor(decision.available),
        retryAfter,
      },
    },
  ]);
  return false;
}
