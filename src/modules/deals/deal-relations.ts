// A deal's and a deal item's relations (src/graphql/relations.ts): what their fields load, once
// for the resolvers and for loading a page's relations ahead of them.
import type { DealItemRow, DealRow } from '../../db/schema.js';
import type { Relation, RelationKind, Relations } from '../../graphql/relations.js';
import { isReleaseView } from './deal-pages.js';

const relation = <P, V, K extends RelationKind>(r: Relation<P, V, K>) => r;

/** A deal's party, by the column that holds its ID, with the columns its selection reads. */
const party = (key: (deal: DealRow) => string) =>
  relation({
    kind: 'one',
    type: 'Actor',
    key,
    loader: (_deal, ctx, fields, fragments) => ctx.loaders.actorsFor(fields, fragments),
  });

/**
 * A platform an item names, by the column that holds its ID (the variant's may be null), with
 * the columns its selection reads.
 */
const platformOf = <K extends 'one' | 'optional'>(
  kind: K,
  key: Relation<DealItemRow, unknown, K>['key'],
) =>
  relation({
    kind,
    type: 'Platform',
    key,
    loader: (_item, ctx, fields, fragments) => ctx.loaders.platformsFor(fields, fragments),
  });

export const dealRelations = {
  Deal: {
    supplier: party((deal) => deal.supplierId),
    recipient: party((deal) => deal.recipientId),
    // A release's picture of a deal shows that release's items (src/db/release-view.ts).
    items: relation({
      kind: 'many',
      type: 'DealItem',
      key: (deal: DealRow) => deal.id,
      loader: (deal, ctx, fields, fragments) =>
        isReleaseView(deal)
          ? ctx.loaders.releaseItemsByDealId(deal.releaseView)
          : ctx.loaders.itemsFor(fields, fragments),
    }),
  },
  DealItem: {
    platform: platformOf('one', (item) => item.platformId),
    variant: platformOf('optional', (item) => item.variantPlatformId),
  },
} satisfies Relations;
