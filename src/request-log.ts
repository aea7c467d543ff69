// Request log: one structured JSON line per GraphQL request, written when the response is done.
// Fields are chosen, never copied from the request, so headers (Authorization, API keys) and
// variables cannot leak into the log.
import type { RequestMeta } from './graphql/limits/index.js';
import type { Logger } from './logger.js';

export type RequestOutcome = 'ok' | 'errors' | 'refused' | 'rate_limited' | 'error' | 'aborted';

export function requestOutcome(status: number, finished: boolean, errors: number): RequestOutcome {
  if (!finished) return 'aborted';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'error';
  if (status >= 400) return 'refused';
  return errors > 0 ? 'errors' : 'ok';
}

export function logRequest(
  logger: Logger,
  meta: RequestMeta,
  fields: { method: string; status: number; durationMs: number; finished: boolean },
): void {
  const outcome = requestOutcome(fields.status, fields.finished, meta.errors ?? 0);
  logger[outcome === 'error' ? 'warn' : 'info'](
    {
      requestId: meta.requestId,
      method: fields.method,
      status: fields.status,
      durationMs: Math.round(fields.durationMs * 10) / 10,
      // A name is one token, of any length the body allows: cut, so the line stays short.
      operationName: meta.operationName?.slice(0, 100) ?? null,
      cost: meta.cost ?? null,
      outcome,
      client: meta.client.kind,
      ...(meta.refusedBy ? { limit: meta.refusedBy } : {}),
      ...(meta.errors ? { errors: meta.errors } : {}),
    },
    'graphql request',
  );
}
