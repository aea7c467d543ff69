// Source and citation resolvers: the source list, Source and Citation, and every record's citations.
import { and, inArray, sql } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { containsPattern } from '../../db/keyset.js';
import { sources, type CitationRow } from '../../db/schema.js';
import type {
  Resolvers,
  ResolversUnionTypes,
  SourceFilter,
} from '../../graphql/generated/resolvers-types.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { nameOrderedConnection } from '../../graphql/name-ordered-list.js';
import { required, tagged } from '../../graphql/rows.js';
import { fuzzyDate } from '../../graphql/values.js';

function sourceConditions(filter: SourceFilter | null | undefined) {
  const publisher = filter?.publisher ? containsPattern(filter.publisher) : null;
  const languages = filter?.language?.map((tag) => tag.toLowerCase());
  return and(
    filter?.kind ? inArray(sources.kind, filter.kind) : undefined,
    languages ? inArray(sql`lower(${sources.language})`, languages) : undefined,
    publisher ? sql`${sources.publisher} ilike ${publisher}` : undefined,
  );
}

async function citationTarget(
  c: CitationRow,
  ctx: Context,
): Promise<ResolversUnionTypes<Record<string, unknown>>['CitationTarget']> {
  const { loaders } = ctx;
  if (c.dealId) return tagged('Deal', required(await loaders.dealById.load(c.dealId)));
  if (c.eventId) return tagged('DealEvent', required(await loaders.dealEventById.load(c.eventId)));
  if (c.platformId) {
    return tagged('Platform', required(await loaders.platformById.load(c.platformId)));
  }
  if (c.actorId) return tagged('Actor', required(await loaders.actorById.load(c.actorId)));
  throw new Error(`Citation ${c.id} has no target`);
}

export const sourceResolvers: Resolvers = {
  Query: {
    sources: (_root, args, ctx) =>
      nameOrderedConnection(ctx.db, sources, {
        list: 'sources',
        sortKey: sql`lower(coalesce(${sources.title}, ${sources.publisher}, ${sources.url}, ''))`,
        idColumn: sources.id,
        where: sourceConditions(args.filter),
        first: args.first,
        after: args.after,
      }),
  },
  Source: {
    id: (source) => toGlobalId('Source', source.id),
    publicationDate: (s) =>
      fuzzyDate(s.publishedYear, s.publishedMonth, s.publishedDay, s.publishedUncertain),
  },
  Citation: {
    id: (citation) => toGlobalId('Citation', citation.id),
    source: async (citation, _args, ctx) =>
      required(await ctx.loaders.sourceById.load(citation.sourceId)),
    target: (citation, _args, ctx) => citationTarget(citation, ctx),
  },
  Deal: {
    citations: (deal, _args, ctx) => ctx.loaders.citationsByDealId.load(deal.id),
  },
  DealEvent: {
    citations: (event, _args, ctx) => ctx.loaders.citationsByEventId.load(event.id),
  },
  Platform: {
    citations: (platform, _args, ctx) => ctx.loaders.citationsByPlatformId.load(platform.id),
  },
  Actor: {
    citations: (actor, _args, ctx) => ctx.loaders.citationsByActorId.load(actor.id),
  },
};
