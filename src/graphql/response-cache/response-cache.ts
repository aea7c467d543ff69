// The response cache (issue 12, "Dashboards repeat themselves"): an Apollo plugin answering a
// repeated query from a store when nothing has been committed since the answer was read.
//
// Keyed by the operation (the document's hash and operationName), its variables and the data
// version (src/db/data-version.ts), in a namespace naming the database, the schema and
// PUBLIC_URL. The version is read before the answer is, in one statement per cacheable
// request, and it changes exactly when a write commits — whoever made it, in whatever process —
// so an answer is only ever served for the committed data it was read from (or newer data: a
// write committed while the answer was being read is in the answer, and the version it moved
// to is another key). A client that writes and then reads never sees the old answer.
//
// What is cached is `data` alone: the per-request parts of a response (extensions.cost with the
// client's throttle budget) are added to every answer, hit or miss, by the limits plugin; the
// cost is still computed and charged before a hit is served.
import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { isCacheableOperation } from './cacheable-operation.js';
import type { ResponseStore } from './stores.js';

export interface ResponseCache<TContext extends BaseContext> {
  store: ResponseStore;
  /**
   * The current data version of the database this request reads from (the primary, or the
   * read replica it was routed to): an answer read from a lagging replica must be keyed by the
   * replica's version, never by the primary's newer one.
   */
  readVersion(context: TContext): Promise<string>;
  /** Names the database, the schema and anything else an answer depends on besides data. */
  namespace: string;
  /** Whether this request's viewer may get and fill cached answers (anonymous and READER). */
  servesViewer(context: TContext): boolean;
  /** Answers larger than this (characters of JSON) are not stored. */
  maxEntryBytes: number;
}

/** `extensions.cache` of a cacheable request: whether it was a hit, and the data version. */
export interface CacheExtension {
  hit: boolean;
  version: string;
}

// Deeper than any input type of the schema: such variables are refused by validation anyway,
// and a recursion as deep as the body allows would overflow the stack (a 500; the fuzz test).
const MAX_VARIABLE_DEPTH = 32;

/**
 * JSON with object keys sorted, so that `{a, b}` and `{b, a}` variables are one key; null
 * for values nested deeper than MAX_VARIABLE_DEPTH (not cached).
 */
function canonicalJson(value: unknown, depth = 0): string | null {
  if (depth > MAX_VARIABLE_DEPTH) return null;
  if (Array.isArray(value)) {
    const items = value.map((item) => canonicalJson(item, depth + 1));
    return items.includes(null) ? null : `[${items.join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, canonicalJson(v, depth + 1)] as const);
    if (entries.some(([, v]) => v === null)) return null;
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function cacheKey(parts: {
  namespace: string;
  version: string;
  queryHash: string;
  operationName: string | null;
  variables: unknown;
}): string | null {
  const variables = canonicalJson(parts.variables ?? {});
  if (variables === null) return null;
  // JSON of the parts, so that no choice of names or variables can make two parts run together.
  return createHash('sha256')
    .update(
      JSON.stringify([
        parts.namespace,
        parts.version,
        parts.queryHash,
        parts.operationName,
        variables,
      ]),
    )
    .digest('base64url');
}

export function createResponseCachePlugin<TContext extends BaseContext>(
  cache: ResponseCache<TContext>,
): ApolloServerPlugin<TContext> {
  // Misses being answered in this process, by key. Right after a write every key misses at
  // once; the first request of a key reads the answer and the others wait for it, rather than
  // each reading it (20 clients of one dashboard would otherwise read each panel 20 times).
  // The answer is for the same key, so the same data version: as good as a stored one.
  const inFlight = new Map<string, Promise<string | undefined>>();
  return {
    // eslint-disable-next-line @typescript-eslint/require-await -- Apollo's hooks are async
    async requestDidStart() {
      let key: string | null = null;
      let version: string | null = null;
      let hit = false;
      /** Set when this request is the one reading a missed key: settles its waiters. */
      let settle: ((text: string | undefined) => void) | null = null;
      return {
        async responseForOperation({
          contextValue,
          document,
          operation,
          operationName,
          queryHash,
          request,
        }) {
          if (
            !queryHash ||
            !isCacheableOperation(document, operation) ||
            !cache.servesViewer(contextValue)
          ) {
            return null;
          }
          // Before anything of the answer is read: see the top of this file. A database that
          // cannot answer this will fail the request's own statements with the right error.
          try {
            version = await cache.readVersion(contextValue);
          } catch {
            return null;
          }
          key = cacheKey({
            namespace: cache.namespace,
            version,
            queryHash,
            operationName: operationName ?? null,
            variables: request.variables,
          });
          if (key === null) return null;
          let stored = await cache.store.get(key);
          // No await between looking for a reader of this key and becoming it: one reader.
          const reading = stored === undefined ? inFlight.get(key) : undefined;
          if (reading) {
            stored = await reading;
          } else if (stored === undefined) {
            const readKey = key;
            inFlight.set(
              readKey,
              new Promise<string | undefined>((resolve) => {
                settle = (text) => {
                  inFlight.delete(readKey);
                  resolve(text);
                };
              }),
            );
          }
          // A reader that failed leaves its waiters to read the answer themselves.
          if (stored === undefined) return null;
          hit = true;
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: {
              kind: 'single',
              singleResult: { data: JSON.parse(stored) as Record<string, unknown> },
            },
          };
        },
        async willSendResponse({ response }) {
          if (key === null || version === null) return;
          const result = response.body.kind === 'single' ? response.body.singleResult : null;
          let text: string | undefined;
          // Only whole answers: an error may be passing (a timeout, a lost connection).
          if (!hit && result && !result.errors?.length && result.data) {
            text = JSON.stringify(result.data);
            if (text.length > cache.maxEntryBytes) text = undefined;
            else await cache.store.set(key, text, BigInt(version));
          }
          // Waiters without an answer (an error, too large) read it themselves.
          settle?.(text);
          if (!result) return;
          const report: CacheExtension = { hit, version };
          result.extensions = { ...result.extensions, cache: report };
        },
      };
    },
  };
}
