// Revision resolvers: record history, the change feed, and the Revision type.
import { nodeLoader, type Context } from '../../context.js';
import type { RevisionRow } from '../../db/schema.js';
import { pageSize, type Connection } from '../../graphql/connection.js';
import type { RecordType, Resolvers } from '../../graphql/generated/resolvers-types.js';
import { toGlobalId, type NodeType } from '../../graphql/global-id.js';
import { FEED_TYPE_NAMES, HISTORY_TYPES, type HistoryType } from '../../graphql/record-types.js';
import { tagged } from '../../graphql/rows.js';
import { decodeFeedCursor, encodeFeedCursor, fetchFeedPage } from './change-feed.js';

async function changes(
  args: { after?: string | null; first?: number | null; types?: RecordType[] | null },
  ctx: Context,
): Promise<Connection<RevisionRow>> {
  const first = pageSize(args.first);
  const position = decodeFeedCursor(args.after);
  const types = args.types ? args.types.map((name) => FEED_TYPE_NAMES[name]) : null;
  const rows = await fetchFeedPage(ctx.db, position, first + 1, types);
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeFeedCursor(node), node }));
  return {
    edges,
    nodes,
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: position !== null,
      startCursor: edges[0]?.cursor ?? null,
      // An empty page keeps the reader where it was, so it can simply poll again.
      endCursor: edges.at(-1)?.cursor ?? args.after ?? null,
    },
    totalCount: () => Promise.reject(new Error('The change feed has no totalCount')),
  };
}

const history = (record: { id: string }, _args: unknown, ctx: Context) =>
  ctx.loaders.historyByRecordId.load(record.id);

export const revisionResolvers: Resolvers = {
  Query: {
    changes: (_root, args, ctx) => changes(args, ctx),
  },
  Revision: {
    id: (r) => String(r.id),
    recordId: (r) => toGlobalId(r.recordType as NodeType, r.recordId),
    author: (r) => r.authorName,
    changes: (r) => Object.entries(r.changes).map(([field, { from, to }]) => ({ field, from, to })),
    sources: async (r, _args, ctx) =>
      (await Promise.all(r.sourceIds.map((id) => ctx.loaders.sourceById.load(id)))).filter(
        (source) => source !== null,
      ),
    record: async (r, _args, ctx) => {
      const type = r.recordType as NodeType;
      const row = await nodeLoader(ctx, type).load(r.recordId);
      return row && !('deletedAt' in row && row.deletedAt) ? tagged(type, row) : null;
    },
  },
  // Every record type with a history, as the registry lists them.
  ...(Object.fromEntries(HISTORY_TYPES.map((type) => [type, { history }])) as Record<
    HistoryType,
    { history: typeof history }
  >),
};
