// Node resolvers: any record by global ID, and the type of rows returned for Node and CitationTarget.
import { nodeLoader, type Context } from '../../context.js';
import { NotFoundError, InvalidInputError } from '../../errors.js';
import { MAX_PAGE_SIZE } from '../../graphql/connection.js';
import type { Resolvers } from '../../graphql/generated/resolvers-types.js';
import { parseGlobalId } from '../../graphql/global-id.js';
import { tagged, typenameOf } from '../../graphql/rows.js';

async function loadNode(id: string, argument: string, ctx: Context) {
  const { type, uuid } = parseGlobalId(id, argument);
  const row = await nodeLoader(ctx, type).load(uuid);
  if (!row) throw new NotFoundError(argument, type, id);
  return tagged(type, row);
}

export const nodeResolvers: Resolvers = {
  Query: {
    node: (_root, { id }, ctx) => loadNode(id, 'id', ctx),
    nodes: (_root, { ids }, ctx) => {
      if (ids.length > MAX_PAGE_SIZE) {
        throw new InvalidInputError('ids', `at most ${MAX_PAGE_SIZE} IDs, got ${ids.length}`);
      }
      // Each missing ID becomes a null entry with its own error, not a failed list.
      return ids.map((id, i) => loadNode(id, `ids[${i}]`, ctx));
    },
  },
  Node: {
    __resolveType: (row) => typenameOf(row),
  },
  CitationTarget: {
    __resolveType: (row) => typenameOf<'Deal' | 'DealEvent' | 'Platform' | 'Actor'>(row),
  },
};
