// A deal's and a deal item's relations (src/graphql/relations.ts): what their fields load, once
// for the resolvers and for loading a page's relations ahead of them.
import type { DealItemRow, DealRow } from '../../db/schema.js';
import type { Relation, RelationKind, Relations } from '../../graphql/relations.js';
import { itemColumnsSelected } from './deal-columns.js';
import { isReleaseView } from './deal-pages.js';

const relation = <P, V, K extends RelationKind>(r: Relation<P, V, K>) => r;

export const dealRelations = {
  Deal: {
    supplier: relation({
      kind: 'one',
      type: 'Actor',
      key: (deal: DealRow) => deal.supplierId,
      loader: (_deal, ctx) => ctx.loaders.actorById,
    }),
    recipient: relation({
      kind: 'one',
      type: 'Actor',
      key: (deal: DealRow) => deal.recipientId,
      loader: (_deal, ctx) => ctx.loaders.actorById,
    }),
    // A release's picture of a deal shows that release's items (src/db/release-view.ts).
    items: relation({
      kind: 'many',
      type: 'DealItem',
      key: (deal: DealRow) => deal.id,
      loader: (deal, ctx, fields, fragments) =>
        isReleaseView(deal)
          ? ctx.loaders.releaseItemsByDealId(deal.releaseView)
          : ctx.loaders.itemsSelecting(itemColumnsSelected(fields, fragments)),
    }),
  },
  DealItem: {
    platform: relation({
      kind: 'one',
      type: 'Platform',
      key: (item: DealItemRow) => item.platformId,
      loader: (_item, ctx) => ctx.loaders.platformById,
    }),
    variant: relation({
      kind: 'optional',
      type: 'Platform',
      key: (item: DealItemRow) => item.variantPlatformId,
      loader: (_item, ctx) => ctx.loaders.platformById,
    }),
  },
} satisfies Relations;
