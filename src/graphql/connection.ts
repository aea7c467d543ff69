// Relay connections: page-size rules, opaque keyset cursors, and the connection object resolvers return.
import { InvalidInputError } from '../errors.js';
import { isUuid } from '../db/stable-id.js';
import { textProblem } from './limits/input-values.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  /**
   * Counted only when a client asks for totalCount: it is a second, often costly query. Called
   * by a resolver (src/graphql/resolvers.ts), not by the default one, which graphql-jit replaces.
   */
  totalCount: () => Promise<number>;
}

/** Where a keyset page starts: the sort key and ID of the last row of the previous page. */
export interface KeysetCursor {
  /** The ordering the cursor was made for; a cursor is only valid for the same ordering. */
  order: string;
  key: string | null;
  id: string;
}

export function pageSize(first: number | null | undefined, argument = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new InvalidInputError(argument, `must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return first;
}

export function encodeCursor(cursor: KeysetCursor): string {
  return Buffer.from(JSON.stringify([cursor.order, cursor.key, cursor.id]), 'utf8').toString(
    'base64url',
  );
}

/**
 * Decodes an `after` argument made for `order`; throws BAD_USER_INPUT for anything else. The
 * key and ID go into SQL as typed values, so a forged cursor of the right shape is checked too:
 * the ID must be a UUID, and the key text PostgreSQL can hold that `isKey` accepts (an ordering
 * by a number or a time says which texts its keys are).
 */
export function decodeCursor(
  after: string | null | undefined,
  order: string,
  argument = 'after',
  isKey: (key: string) => boolean = () => true,
): KeysetCursor | null {
  if (after === null || after === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    typeof parsed[0] !== 'string' ||
    !(typeof parsed[1] === 'string' || parsed[1] === null) ||
    typeof parsed[2] !== 'string' ||
    !isUuid(parsed[2]) ||
    (typeof parsed[1] === 'string' && (textProblem(parsed[1]) !== null || !isKey(parsed[1])))
  ) {
    throw new InvalidInputError(argument, 'is not a cursor returned by this API');
  }
  if (parsed[0] !== order) {
    throw new InvalidInputError(argument, 'the cursor was made for a different order or list');
  }
  return { order, key: parsed[1] as string | null, id: parsed[2] };
}

/**
 * Builds a connection from up to first + 1 rows in page order: the extra row only tells
 * that another page exists. Cursors are encoded only when a client reads edges or pageInfo
 * (getters, run by GraphQL's default resolver): most read nodes alone, and a page's cursors
 * cost a JSON text and a base64 string per row (issue 12).
 */
export function buildConnection<T>(
  rows: readonly T[],
  first: number,
  cursorOf: (row: T) => KeysetCursor,
  hadCursor: boolean,
  totalCount: () => Promise<number>,
): Connection<T> {
  const nodes = rows.slice(0, first);
  const cursor = (node: T) => encodeCursor(cursorOf(node));
  let edges: Edge<T>[] | undefined;
  return {
    nodes,
    get edges() {
      return (edges ??= nodes.map((node) => ({ cursor: cursor(node), node })));
    },
    get pageInfo() {
      const last = nodes.at(-1);
      return {
        hasNextPage: rows.length > first,
        hasPreviousPage: hadCursor,
        startCursor: nodes.length > 0 ? cursor(nodes[0]!) : null,
        endCursor: last === undefined ? null : cursor(last),
      };
    },
    totalCount,
  };
}
