// Error formatting: the one exit for errors. Coded errors pass; anything unexpected is logged
// with its cause and reaches the client as a generic INTERNAL_SERVER_ERROR.
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { ApiError, type ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';

// Apollo's own codes for requests it refuses before execution: all are the client's doing.
const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const apiError = findApiError(original);
    if (apiError) {
      return { ...formatted, extensions: { ...apiError.extensions, code: apiError.code } };
    }
    const apolloCode = formatted.extensions?.code;
    if (typeof apolloCode === 'string' && CLIENT_ERROR_CODES.has(apolloCode)) {
      const code: ErrorCode = 'BAD_USER_INPUT';
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code },
      };
    }
    logger.error(
      { err: original, path: formatted.path },
      'unexpected error while resolving a request',
    );
    const code: ErrorCode = 'INTERNAL_SERVER_ERROR';
    return {
      message: INTERNAL_ERROR_MESSAGE,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code },
    };
  };
}

/** The ApiError behind an error: Apollo wraps some (context creation) in errors of its own. */
function findApiError(error: unknown): ApiError | null {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof ApiError) return e;
    e = (e as { originalError?: unknown }).originalError;
  }
  return null;
}
