// Deal resolvers: GraphQL shape only — validate arguments, then read through loaders.
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { withTransaction, type Context } from '../../context.js';
import type { DealRow } from '../../db/schema.js';
import {
  buildConnection,
  decodeCursor,
  pageSize,
  type Connection,
} from '../../graphql/connection.js';
import type { DealFilter, DealOrder, Resolvers } from '../../graphql/generated/resolvers-types.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { parseInput } from '../../graphql/input-schema.js';
import { lookupIn } from '../../graphql/references.js';
import { loadRelations, relationResolver } from '../../graphql/relations.js';
import { required } from '../../graphql/rows.js';
import { connectionNodes, type Fragments } from '../../graphql/selection.js';
import { estimate, fuzzyDate } from '../../graphql/values.js';
import { requireAuthor } from '../auth/auth.service.js';
import { addDealEventInput, createDealInput, updateDealInput } from './deals.input.js';
import { resolveDealFilter } from './deal-filter.js';
import { addDealEvent, createDeal, updateDeal } from './deals.service.js';
import { dealColumnsSelected } from './deal-columns.js';
import { dealRelations } from './deal-relations.js';
import { nestedDealPages, type NestedDealList } from './deals.loaders.js';
import {
  countDeals,
  dealCursor,
  fetchDealPage,
  isDealCursorKey,
  orderingKey,
  pageColumns,
  type DealOrdering,
  type DealPageQuery,
  type DealParent,
} from './deal-pages.js';

interface DealListArgs {
  filter?: DealFilter | null;
  orderBy?: DealOrder | null;
  first?: number | null;
  after?: string | null;
}

const DEFAULT_ORDERING: DealOrdering = { field: 'ORDER_DATE', direction: 'DESC' };

/** What a deal list's nodes select: `nodes` and `edges { node }`, through fragments. */
interface PageSelection {
  nodes: FieldNode[];
  fragments: Fragments;
}

function pageSelection(info: GraphQLResolveInfo): PageSelection {
  return { nodes: connectionNodes(info.fieldNodes, info.fragments), fragments: info.fragments };
}

async function dealPageQuery(
  args: DealListArgs,
  ctx: Context,
  { nodes, fragments }: PageSelection,
): Promise<DealPageQuery & { first: number }> {
  const ordering: DealOrdering = args.orderBy
    ? { field: args.orderBy.field, direction: args.orderBy.direction ?? 'DESC' }
    : DEFAULT_ORDERING;
  const first = pageSize(args.first);
  const after = decodeCursor(args.after, orderingKey(ordering), 'after', (key) =>
    isDealCursorKey(ordering, key),
  );
  const filter = await resolveDealFilter(args.filter, ctx);
  const columns = pageColumns(ordering, dealColumnsSelected(nodes, fragments));
  return { filter, ordering, after, first, limit: first + 1, columns };
}

function dealConnection(
  rows: DealRow[],
  q: DealPageQuery & { first: number },
  totalCount: () => Promise<number>,
): Connection<DealRow> {
  return buildConnection(
    rows,
    q.first,
    (row) => dealCursor(row, q.ordering),
    q.after !== null,
    totalCount,
  );
}

/** Loads what a page's nodes select of their relations before they are resolved. */
function loadPageRelations(rows: DealRow[], ctx: Context, { nodes, fragments }: PageSelection) {
  return loadRelations(dealRelations, ctx, 'Deal', rows, nodes, fragments);
}

/**
 * A deal list hanging from a parent (a supplier, recipient or platform), batched across
 * parents: one statement for all parents' pages, their relations loaded together.
 */
async function nestedDeals(
  parent: DealParent,
  parentId: string,
  args: DealListArgs,
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<Connection<DealRow>> {
  const { query, pages } = await nestedDealList(parent, args, ctx, info);
  const rows = await pages.load(parentId);
  return dealConnection(rows, query, () =>
    ctx.loaders.dealCountsByParent({ parent, filter: query.filter }).load(parentId),
  );
}

/**
 * The same list for every parent its field is asked of (Q3 asks a platform's deals of 50
 * platforms): its page query, the loader of its pages and the loading of its rows' relations
 * are worked out once per request, not once per parent.
 */
function nestedDealList(
  parent: DealParent,
  args: DealListArgs,
  ctx: Context,
  info: GraphQLResolveInfo,
): Promise<NestedDealList> {
  const field = info.fieldNodes[0]!;
  let lists = ctx.loaders.nestedDealLists.get(field);
  if (!lists) {
    lists = new Map();
    ctx.loaders.nestedDealLists.set(field, lists);
  }
  const key = `${parent} ${JSON.stringify(args)}`;
  let list = lists.get(key);
  if (!list) {
    const selection = pageSelection(info);
    list = dealPageQuery(args, ctx, selection).then((query) => {
      const relations = (rows: DealRow[]) => loadPageRelations(rows, ctx, selection);
      return { query, pages: nestedDealPages(ctx.db, parent, query, relations) };
    });
    lists.set(key, list);
  }
  return list;
}

export const dealResolvers: Resolvers = {
  Mutation: {
    createDeal: async (_root, { input }, ctx) => {
      const author = requireAuthor(ctx, 'EDITOR');
      const valid = await parseInput(createDealInput(lookupIn(ctx)), input);
      return { deal: await withTransaction(ctx, (tx) => createDeal(tx, valid, author)) };
    },
    updateDeal: async (_root, { input }, ctx) => {
      const author = requireAuthor(ctx, 'EDITOR');
      const valid = await parseInput(updateDealInput(lookupIn(ctx), input), input);
      return { deal: await withTransaction(ctx, (tx) => updateDeal(tx, valid, author)) };
    },
    addDealEvent: async (_root, { input }, ctx) => {
      const author = requireAuthor(ctx, 'EDITOR');
      const valid = await parseInput(addDealEventInput(lookupIn(ctx)), input);
      return { event: await withTransaction(ctx, (tx) => addDealEvent(tx, valid, author)) };
    },
  },
  Query: {
    deals: async (_root, args, ctx, info) => {
      const selection = pageSelection(info);
      const q = await dealPageQuery(args, ctx, selection);
      const rows = await fetchDealPage(ctx.db, q);
      await loadPageRelations(rows, ctx, selection);
      return dealConnection(rows, q, () => countDeals(ctx.db, q.filter));
    },
  },
  Deal: {
    id: (deal) => toGlobalId('Deal', deal.id),
    supplier: relationResolver(dealRelations.Deal.supplier),
    recipient: relationResolver(dealRelations.Deal.recipient),
    orderDate: (deal) =>
      fuzzyDate(deal.orderYear, deal.orderMonth, deal.orderDay, deal.orderUncertain),
    reportedValue: (deal) =>
      deal.valueAmount === null
        ? null
        : { amount: deal.valueAmount, currency: deal.valueCurrency, covers: deal.valueCovers },
    items: relationResolver(dealRelations.Deal.items),
    events: (deal, _args, ctx) => ctx.loaders.eventsByDealId.load(deal.id),
  },
  DealItem: {
    id: (item) => toGlobalId('DealItem', item.id),
    platform: relationResolver(dealRelations.DealItem.platform),
    variant: relationResolver(dealRelations.DealItem.variant),
    quantityOrdered: (item) =>
      estimate(
        item.quantityOrdered,
        item.quantityOrderedLow,
        item.quantityOrderedHigh,
        item.quantityOrderedUncertain,
      ),
    quantityDelivered: (item) =>
      estimate(
        item.quantityDelivered,
        item.quantityDeliveredLow,
        item.quantityDeliveredHigh,
        item.quantityDeliveredUncertain,
      ),
  },
  DealEvent: {
    id: (event) => toGlobalId('DealEvent', event.id),
    deal: async (event, _args, ctx) => required(await ctx.loaders.dealById.load(event.dealId)),
    date: (event) => fuzzyDate(event.dateYear, event.dateMonth, event.dateDay, event.dateUncertain),
    actors: (event, _args, ctx) => ctx.loaders.actorsByEventId.load(event.id),
  },
  Actor: {
    dealsAsSupplier: (actor, args, ctx, info) => nestedDeals('supplier', actor.id, args, ctx, info),
    dealsAsRecipient: (actor, args, ctx, info) =>
      nestedDeals('recipient', actor.id, args, ctx, info),
  },
  Platform: {
    deals: (platform, args, ctx, info) => nestedDeals('platform', platform.id, args, ctx, info),
  },
};
