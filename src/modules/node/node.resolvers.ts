// Node resolvers: any record by global ID, and the type of rows returned for Node and CitationTarget.
import { withTransaction, type Context } from '../../context.js';
import { NotFoundError, InvalidInputError } from '../../errors.js';
import { MAX_PAGE_SIZE } from '../../graphql/connection.js';
import type { Resolvers } from '../../graphql/generated/resolvers-types.js';
import { parseGlobalId } from '../../graphql/global-id.js';
import { followMerges } from '../../graphql/references.js';
import { parseInput } from '../../graphql/input-schema.js';
import type { CitableType, DeletableType } from '../../graphql/record-types.js';
import { tagged, typenameOf } from '../../graphql/rows.js';
import type { Db } from '../../db/client.js';
import { deleteActor } from '../actors/actors.service.js';
import { requireAuthor } from '../auth/auth.service.js';
import { deleteDeal, deleteDealEvent } from '../deals/deals.service.js';
import { deletePlatform } from '../platforms/platforms.service.js';
import type { Change } from '../revisions/revisions.service.js';
import { deleteCitation, deleteSource } from '../sources/sources.service.js';
import { deleteRecordInput } from './node.input.js';

/** A record by global ID; a merged record leads to the one it was merged into. */
async function loadNode(id: string, argument: string, ctx: Context) {
  const { type, uuid } = parseGlobalId(id, argument);
  const row = await followMerges(ctx, type, uuid);
  if (!row || ('deletedAt' in row && row.deletedAt)) throw new NotFoundError(argument, type, id);
  return tagged(type, row);
}

// One deleter for each type the registry marks deletable (it fails to compile otherwise).
const DELETERS = {
  Deal: deleteDeal,
  DealEvent: deleteDealEvent,
  Citation: deleteCitation,
  Source: deleteSource,
  Actor: deleteActor,
  Platform: deletePlatform,
} as const satisfies Record<DeletableType, (tx: Db, id: string, change: Change) => Promise<void>>;

export const nodeResolvers: Resolvers = {
  Mutation: {
    deleteRecord: async (_root, { input }, ctx) => {
      const author = requireAuthor(ctx, 'ADMIN');
      const { id, reason } = await parseInput(deleteRecordInput(), input);
      await withTransaction(ctx, (tx) => DELETERS[id.type](tx, id.uuid, { author, reason }));
      return { deletedId: input.id };
    },
  },
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
    __resolveType: (row) => typenameOf<CitableType>(row),
  },
};
