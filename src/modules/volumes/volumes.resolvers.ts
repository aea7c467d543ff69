// Volume resolvers: GraphQL shape only — validate transferVolumes' arguments, run the one
// aggregate statement, and resolve each row's keys through the per-request loaders.
import type { Context } from '../../context.js';
import { InvalidInputError } from '../../errors.js';
import type {
  DeliveryYearMethod,
  QueryTransferVolumesArgs,
  Resolvers,
  VolumeDimension,
  VolumeOrder,
} from '../../graphql/generated/resolvers-types.js';
import { required } from '../../graphql/rows.js';
import { resolveDealFilter } from '../deals/deals.service.js';
import { fetchVolumes, isMeasure, type VolumeQuery } from './volume-query.js';

// Aggregates are small (a row per group, not per deal), so a page may be larger than a
// connection's 100; 1000 still bounds the work of resolving every row's keys.
const DEFAULT_ROWS = 100;
const MAX_ROWS = 1000;

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

function validateFirst(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_ROWS;
  if (!Number.isInteger(first) || first < 1 || first > MAX_ROWS) {
    throw new InvalidInputError('first', `must be between 1 and ${MAX_ROWS}, got ${first}`);
  }
  return first;
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

async function volumeQuery(args: QueryTransferVolumesArgs, ctx: Context): Promise<VolumeQuery> {
  const groupBy = validateGroupBy(args.groupBy);
  return {
    groupBy,
    ordering: validateOrdering(args.orderBy, groupBy),
    limit: validateFirst(args.first),
    // An explicit null means the default too: the method is always named, never left open.
    deliveryYears: (args.deliveryYears ?? 'EVEN_SPLIT') satisfies DeliveryYearMethod,
    filter: await resolveDealFilter(args.filter, ctx),
  };
}

export const volumeResolvers: Resolvers = {
  Query: {
    transferVolumes: async (_root, args, ctx) => fetchVolumes(ctx.db, await volumeQuery(args, ctx)),
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
