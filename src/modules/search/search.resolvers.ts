// Search resolvers: validate the query, run one ranked statement, resolve records through loaders.
import { nodeLoader } from '../../context.js';
import { InvalidInputError } from '../../errors.js';
import { pageSize } from '../../graphql/connection.js';
import type { Resolvers, SearchType } from '../../graphql/generated/resolvers-types.js';
import { SEARCH_TYPES, type SearchableType } from '../../graphql/record-types.js';
import { required, tagged, typenameOf } from '../../graphql/rows.js';
import { countSearchHits, searchDocuments } from './search-query.js';

const MAX_QUERY_LENGTH = 200;

// Results are ranked by a score computed per query, so pages are cut by position: a cursor
// is the number of results before it. Unlike the keyset lists, a page can shift if the data
// changes between requests.
function encodeOffset(offset: number): string {
  return Buffer.from(`search:${offset}`, 'utf8').toString('base64url');
}

function decodeOffset(after: string | null | undefined): number {
  if (after === null || after === undefined) return 0;
  const match = /^search:(\d{1,6})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!match) throw new InvalidInputError('after', 'is not a cursor of a search');
  return Number(match[1]);
}

export const searchResolvers: Resolvers = {
  Query: {
    search: async (_root, args, ctx) => {
      const text = args.query.trim();
      if (text.length === 0) throw new InvalidInputError('query', 'must not be empty');
      if (text.length > MAX_QUERY_LENGTH) {
        throw new InvalidInputError(
          'query',
          `is ${text.length} characters; at most ${MAX_QUERY_LENGTH}`,
        );
      }
      const first = pageSize(args.first);
      const offset = decodeOffset(args.after);
      const types = [...new Set(args.types?.length ? args.types : Object.keys(SEARCH_TYPES))].map(
        (t) => SEARCH_TYPES[t as SearchType],
      );
      const request = {
        text,
        types,
        offset,
        limit: first + 1,
        includeRetired: args.includeRetired ?? false,
      };
      const rows = await searchDocuments(ctx.db, request);
      const nodes = rows.slice(0, first);
      const edges = nodes.map((node, i) => ({ cursor: encodeOffset(offset + i + 1), node }));
      return {
        edges,
        nodes,
        pageInfo: {
          hasNextPage: rows.length > first,
          hasPreviousPage: offset > 0,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
        totalCount: () => countSearchHits(ctx.db, request),
      };
    },
  },
  SearchHit: {
    record: async (hit, _args, ctx) =>
      tagged(hit.record_type, required(await nodeLoader(ctx, hit.record_type).load(hit.record_id))),
  },
  SearchResult: {
    __resolveType: (row) => typenameOf<SearchableType>(row),
  },
};
