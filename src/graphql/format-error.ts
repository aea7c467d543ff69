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
      // `http` (status, Retry-After) is for the HTTP layer, not for the client's error object.
      const { http: _http, ...extensions } = apiError.extensions;
      return { ...formatted, extensions: { ...extensions, code: apiError.code } };
    }
    const violation = constraintViolation(original);
    if (violation) {
      return {
        message: violation.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: violation.code },
      };
    }
    const clientMessage = clientErrorMessage(formatted, original);
    if (clientMessage !== null) {
      const code: ErrorCode = 'BAD_USER_INPUT';
      return {
        message: clientMessage,
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

// graphql-js stops coercing variables after this many errors (Apollo's default) and adds an
// error of its own, without a code or a variable to name.
const MAX_COERCION_ERRORS = 50;
const COERCION_LIMIT_MESSAGE = /^Too many errors processing variables/;

/**
 * The message of an error the client caused, or null: Apollo's own refusals before execution
 * (by code, or by the 4xx status Apollo gives persisted-query errors, which carry no code), and
 * graphql-js's stop after too many invalid variables.
 */
function clientErrorMessage(formatted: GraphQLFormattedError, original: unknown): string | null {
  const apolloCode = formatted.extensions?.code;
  if (typeof apolloCode === 'string' && CLIENT_ERROR_CODES.has(apolloCode)) {
    return formatted.message;
  }
  const status = (original as { extensions?: { http?: { status?: unknown } } } | null)?.extensions
    ?.http?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return formatted.message;
  }
  if (COERCION_LIMIT_MESSAGE.test(formatted.message)) {
    return `The variables have more than ${MAX_COERCION_ERRORS} invalid values; the first ${MAX_COERCION_ERRORS} are listed`;
  }
  return null;
}

/** The ApiError behind an error: Apollo wraps some (context creation) in errors of its own. */
function findApiError(error: unknown): ApiError | null {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    if (e instanceof ApiError) return e;
    e = (e as { originalError?: unknown }).originalError;
  }
  return null;
}

// What a violated constraint means, in the client's terms; unknown constraints stay internal.
const CONSTRAINTS: Record<string, { code: ErrorCode; message: string }> = {
  actors_iso_alpha2_key: {
    code: 'CONFLICT',
    message: 'Another actor already has this ISO 3166-1 code',
  },
  actors_iso_alpha3_key: {
    code: 'CONFLICT',
    message: 'Another actor already has this ISO 3166-1 code',
  },
  sources_url_key: {
    code: 'CONFLICT',
    message: 'Another source already has this URL: cite it by its ID',
  },
  deals_import_key_key: { code: 'CONFLICT', message: 'Another deal already has this import key' },
};

/** A coded error for a PostgreSQL constraint violation whose meaning is known. */
function constraintViolation(error: unknown): { code: ErrorCode; message: string } | null {
  for (let e = error, depth = 0; e && depth < 5; depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (typeof code === 'string' && /^23\d{3}$/.test(code)) {
      if (typeof constraint === 'string' && CONSTRAINTS[constraint]) return CONSTRAINTS[constraint];
      if (code === '23503') {
        return {
          code: 'BAD_USER_INPUT',
          message: 'The input refers to a record that does not exist',
        };
      }
      return null;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}
