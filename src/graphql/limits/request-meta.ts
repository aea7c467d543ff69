// HTTP layer ↔ limits plugin: what the HTTP layer knows of a request (its id, its client) and
// what the plugin learns (operation name, cost), for the rate limiter and the request log.
// Kept beside the request object rather than in the GraphQL context, which is per-feature data.
import type { HTTPGraphQLRequest } from '@apollo/server';
import type { ClientIdentity } from './rate-limiter.js';

export interface RequestMeta {
  readonly requestId: string;
  readonly client: ClientIdentity;
  operationName?: string | null;
  /** The operation's cost, once computed (before execution). */
  cost?: number;
  /** The limit that refused the request, if one did. */
  refusedBy?: string;
  /** GraphQL errors in the response. */
  errors?: number;
}

const metaByRequest = new WeakMap<HTTPGraphQLRequest, RequestMeta>();

export function attachRequestMeta(request: HTTPGraphQLRequest, meta: RequestMeta): RequestMeta {
  metaByRequest.set(request, meta);
  return meta;
}

/** The meta of a request that came over HTTP; undefined for in-process executeOperation calls. */
export function requestMetaOf(request: HTTPGraphQLRequest | undefined): RequestMeta | undefined {
  return request ? metaByRequest.get(request) : undefined;
}
