// Volume resolvers: GraphQL shape only — validate transferVolumes' arguments, run the one
// aggregate statement, and resolve each row's keys through the per-request loaders.
import { createHash } from 'node:crypto';
import type { Context } from '../../context.js';
import { InvalidInputError } from '../../errors.js';
import { pageSize, type Connection } from '../../graphql/connection.js';
import type {
  DeliveryYearMethod,
  QueryTransferVolumesArgs,
  Resolvers,
  VolumeDimension,
  VolumeOrder,
} from '../../graphql/generated/resolvers-types.js';
import { required } from '../../graphql/rows.js';
import { resolveDealFilter } from '../deals/deal-filter.js';
import { fetchVolumes, isMeasure, type VolumeQuery, type VolumeRowData } from './volume-query.js';

function validateGroupBy(groupBy: readonly VolumeDimension[]): VolumeDimension[] {
  if (groupBy.length === 0) {
    throw new InvalidInputError('groupBy', 'name at least one dimension to group by');
  }
  const seen = new Set<VolumeDimension>();
  for (const dimension of groupBy) {
    if (seen.has(dimension)) {
      throw new InvalidInputError('groupBy', `${dimension} is listed more than once`);
    }
    seen.add(dimension);
  }
  return [...groupBy];
}

// Groups have no ID, so pages are cut by position: a cursor is the number of groups before it,
// with a fingerprint of the arguments that made it, so that a cursor is refused (rather than
// silently misread) by a request that groups, sorts or filters differently.
function fingerprint(args: QueryTransferVolumesArgs): string {
  const { first: _first, after: _after, ...rest } = args;
  return createHash('sha256').update(JSON.stringify(rest)).digest('base64url').slice(0, 12);
}

function encodeOffset(print: string, offset: number): string {
  return Buffer.from(`volumes:${print}:${offset}`, 'utf8').toString('base64url');
}

function decodeOffset(after: string | null | undefined, print: string): number {
  if (after === null || after === undefined) return 0;
  const match = /^volumes:([\w-]{12}):(\d{1,7})$/.exec(
    Buffer.from(after, 'base64url').toString('utf8'),
  );
  if (!match) throw new InvalidInputError('after', 'is not a cursor of transferVolumes');
  if (match[1] !== print) {
    throw new InvalidInputError(
      'after',
      'was returned for other filter, groupBy, orderBy or deliveryYears arguments',
    );
  }
  return Number(match[2]);
}

function validateOrdering(
  orderBy: VolumeOrder | null | undefined,
  groupBy: readonly VolumeDimension[],
): VolumeQuery['ordering'] {
  // Without an order, rows follow the keys in the order they were asked for.
  const field = orderBy?.field ?? groupBy[0]!;
  const measure = isMeasure(field);
  if (!measure && !groupBy.includes(field as VolumeDimension)) {
    throw new InvalidInputError(
      'orderBy.field',
      `${field} is not grouped by; order by a measure or one of ${groupBy.join(', ')}`,
    );
  }
  return { field, direction: orderBy?.direction ?? (measure ? 'DESC' : 'ASC') };
}

async function volumeQuery(
  args: QueryTransferVolumesArgs,
  ctx: Context,
  first: number,
  offset: number,
): Promise<VolumeQuery> {
  const groupBy = validateGroupBy(args.groupBy);
  return {
    groupBy,
    ordering: validateOrdering(args.orderBy, groupBy),
    offset,
    // One more than the page: the extra row only tells that another page exists.
    limit: first + 1,
    // An explicit null means the default too: the method is always named, never left open.
    deliveryYears: (args.deliveryYears ?? 'EVEN_SPLIT') satisfies DeliveryYearMethod,
    filter: await resolveDealFilter(args.filter, ctx),
  };
}

export const volumeResolvers: Resolvers = {
  Query: {
    transferVolumes: async (_root, args, ctx): Promise<Connection<VolumeRowData>> => {
      const first = pageSize(args.first);
      const print = fingerprint(args);
      const offset = decodeOffset(args.after, print);
      const page = await fetchVolumes(ctx.db, await volumeQuery(args, ctx, first, offset));
      const nodes = page.rows.slice(0, first);
      const edges = nodes.map((node, i) => ({ cursor: encodeOffset(print, offset + i + 1), node }));
      return {
        edges,
        nodes,
        pageInfo: {
          hasNextPage: page.rows.length > first,
          hasPreviousPage: offset > 0,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
        // Counted by the page's own statement (a window over every group): no second query.
        totalCount: () => Promise.resolve(page.totalCount),
      };
    },
  },
  VolumeRow: {
    year: (row) =>
      row.grouped.has('ORDER_YEAR') && row.grouped.has('DELIVERY_YEAR')
        ? null
        : row.grouped.has('ORDER_YEAR')
          ? row.orderYear
          : row.deliveryYear,
    supplier: async (row, _args, ctx) =>
      row.supplierId === null ? null : required(await ctx.loaders.actorById.load(row.supplierId)),
    recipient: async (row, _args, ctx) =>
      row.recipientId === null ? null : required(await ctx.loaders.actorById.load(row.recipientId)),
    platformFamily: async (row, _args, ctx) =>
      row.platformFamilyId === null
        ? null
        : required(await ctx.loaders.platformById.load(row.platformFamilyId)),
  },
};
