// Citation resolvers: Deal.howToCite, read through the per-request loaders so that a list of
// deals asking for it costs the same few batched statements whatever its length.
import type { Context } from '../../context.js';
import type { DealRow } from '../../db/schema.js';
import type { Resolvers } from '../../graphql/generated/resolvers-types.js';
import { required } from '../../graphql/rows.js';
import { formatCitation } from './how-to-cite.js';

export const DEFAULT_PUBLIC_URL = 'http://localhost:4000';

// Where this API is reached from outside (PUBLIC_URL), for the links in citations. Set once at
// start from the validated config; a process serves one public address.
let publicUrl = DEFAULT_PUBLIC_URL;

/** Sets the public base URL that Deal.howToCite links to (main.ts, from PUBLIC_URL). */
export function setCitationPublicUrl(url: string): void {
  publicUrl = url;
}

/** The public base URL links are made from (also the bulk export's, and Query.exportUrl's). */
export function citationPublicUrl(): string {
  return publicUrl;
}

async function howToCite(deal: DealRow, ctx: Context): Promise<string> {
  const { loaders } = ctx;
  // Two waves of loads, each batched across every deal of the request.
  const [supplier, recipient, items, citations] = await Promise.all([
    loaders.actorById.load(deal.supplierId),
    loaders.actorById.load(deal.recipientId),
    loaders.itemsByDealId.load(deal.id),
    loaders.citationsByDealId.load(deal.id),
  ]);
  const [platforms, sources] = await Promise.all([
    Promise.all(
      items.map(async (item) => required(await loaders.platformById.load(item.platformId))),
    ),
    Promise.all(citations.map(async (c) => required(await loaders.sourceById.load(c.sourceId)))),
  ]);
  return formatCitation(
    {
      deal,
      supplier: required(supplier),
      recipient: required(recipient),
      items: items.map((item, i) => ({ item, platform: platforms[i]! })),
      citations: citations.map((citation, i) => ({ citation, source: sources[i]! })),
    },
    publicUrl,
  );
}

export const citationResolvers: Resolvers = {
  Deal: {
    howToCite: (deal, _args, ctx) => howToCite(deal, ctx),
  },
  Citation: {
    producer: (citation, _args, ctx) =>
      citation.producerId ? ctx.loaders.actorById.load(citation.producerId) : null,
  },
};
