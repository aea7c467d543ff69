// Query limits, refusals: the errors a request gets when it is refused before execution. Each
// names the limit, the allowed maximum and the actual value, so a client can fix its query.
import { HeaderMap } from '@apollo/server';
import { ApiError, InvalidInputError } from '../../errors.js';

/** The limits a query can exceed; `extensions.limit` carries one of these. */
export type LimitName =
  | 'tokens'
  | 'stringLength'
  | 'depth'
  | 'aliases'
  | 'directives'
  | 'rootFields'
  | 'cost'
  | 'first'
  | 'ids'
  | 'listLength';

const DESCRIPTIONS: Record<LimitName, string> = {
  tokens: 'Query has too many tokens',
  stringLength: 'A string in the request is too long',
  depth: 'Query is nested too deeply',
  aliases: 'Query has too many aliases',
  directives: 'Query has too many directives',
  rootFields: 'Query has too many root fields',
  cost: 'Query costs too much',
  first: 'Page size is out of range',
  ids: 'Too many IDs',
  listLength: 'A list is too long',
};

/**
 * QUERY_TOO_COMPLEX with HTTP 400: the request is well-formed but asks for more than one
 * request may. `atLeast` says the count stopped early (counting all of a flood costs too).
 */
export function tooComplex(
  limit: LimitName,
  max: number,
  actual: number,
  detail = '',
  atLeast = false,
): ApiError {
  const over = actual - max;
  const actualText = atLeast ? `more than ${max}` : String(actual);
  const overText = atLeast ? 'over the limit' : `${over} over the limit`;
  return new ApiError(
    `${DESCRIPTIONS[limit]}: ${limit} is ${actualText}, the maximum is ${max} (${overText})${detail ? `; ${detail}` : ''}`,
    'QUERY_TOO_COMPLEX',
    { limit, max, actual: atLeast ? null : actual, http: { status: 400 } },
  );
}

/** The longest list any argument may hold, in the variables or written in the query. */
export const MAX_LIST_LENGTH = 1000;

/** BAD_USER_INPUT with HTTP 400: an argument refused before execution, never reaching SQL. */
export function refusedArgument(
  argument: string,
  problem: string,
  extensions: Record<string, unknown> = {},
): ApiError {
  return new InvalidInputError(argument, problem, { ...extensions, http: { status: 400 } });
}

/**
 * An argument out of its allowed range (`first`, `ids`, any list's length), refused before
 * execution so that a huge page or list never reaches the database. `coordinate` says where
 * (`Query.deals`) when known; a variable's name says it by itself.
 */
export function argumentOutOfRange(
  limit: 'first' | 'ids' | 'listLength',
  argument: string,
  coordinate: string | null,
  min: number,
  max: number,
  actual: number,
): ApiError {
  const excess = actual > max ? ` (${actual - max} over the limit)` : '';
  // Worded as the resolvers word it (src/graphql/connection.ts), plus where and by how much.
  const range =
    limit === 'ids'
      ? `must name at most ${max} IDs`
      : limit === 'listLength'
        ? `must hold at most ${max} items`
        : `must be between ${min} and ${max}`;
  const where = coordinate ? `, at \`${coordinate}\`` : '';
  return refusedArgument(argument, `${range}, got ${actual}${excess}${where}`, {
    limit,
    min,
    max,
    actual,
  });
}

/** RATE_LIMITED with HTTP 429: the client already runs as many expensive operations as it may. */
export function tooManyAtOnce(perClient: number): ApiError {
  return new ApiError(
    `Too many expensive requests at once: a client may run ${perClient} aggregate or search ` +
      'requests at a time; retry when one has finished',
    'RATE_LIMITED',
    {
      limit: 'concurrency',
      max: perClient,
      retryAfter: 1,
      http: { status: 429, headers: new HeaderMap([['retry-after', '1']]) },
    },
  );
}

/** RATE_LIMITED with HTTP 429 and Retry-After (whole seconds, at least 1). */
export function rateLimited(
  cost: number,
  available: number,
  perSecond: number,
  retryAfterSeconds: number,
): ApiError {
  const retry = Math.max(1, Math.ceil(retryAfterSeconds));
  return new ApiError(
    `Rate limit exceeded: this request costs ${cost} points and ${Math.floor(available)} are available ` +
      `(the budget refills at ${perSecond} points a second); retry after ${retry} s`,
    'RATE_LIMITED',
    {
      cost,
      available: Math.floor(available),
      retryAfter: retry,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retry)]]) },
    },
  );
}
