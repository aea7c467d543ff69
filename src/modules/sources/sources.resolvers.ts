// Source and citation resolvers: the source list, Source and Citation, and every record's citations.
import { and, gte, inArray, isNull, sql } from 'drizzle-orm';
import { nodeLoader, withTransaction, type Context } from '../../context.js';
import { requireAuthor } from '../auth/auth.service.js';
import { attachCitations, citationTarget, createSource } from './sources.service.js';
import { addCitationInput, createSourceInput } from './sources.input.js';
import { containsText } from '../../db/fragments.js';
import { sources, type CitationRow } from '../../db/schema.js';
import type {
  Resolvers,
  ResolversUnionTypes,
  SourceFilter,
} from '../../graphql/generated/resolvers-types.js';
import { toGlobalId } from '../../graphql/global-id.js';
import { nameOrderedConnection } from '../../graphql/name-ordered-list.js';
import { parseInput } from '../../graphql/input-schema.js';
import { lookupIn } from '../../graphql/references.js';
import { required, tagged } from '../../graphql/rows.js';
import { fuzzyDate } from '../../graphql/values.js';

function sourceConditions(filter: SourceFilter | null | undefined) {
  const languages = filter?.language?.map((tag) => tag.toLowerCase());
  return and(
    isNull(sources.deletedAt),
    filter?.updatedSince ? gte(sources.updatedAt, filter.updatedSince) : undefined,
    filter?.kind ? inArray(sources.kind, filter.kind) : undefined,
    languages ? inArray(sql`lower(${sources.language})`, languages) : undefined,
    filter?.publisher ? containsText(sources.publisher, filter.publisher) : undefined,
  );
}

async function citedRecord(
  c: CitationRow,
  ctx: Context,
): Promise<ResolversUnionTypes<Record<string, unknown>>['CitationTarget']> {
  const { type, id } = citationTarget(c);
  return tagged(type, required(await nodeLoader(ctx, type).load(id)));
}

export const sourceResolvers: Resolvers = {
  Mutation: {
    createSource: async (_root, { input }, ctx) => {
      const author = requireAuthor(ctx, 'EDITOR');
      const valid = await parseInput(createSourceInput(), input);
      const source = await withTransaction(ctx, (tx) =>
        createSource(tx, valid.source, author, valid.reason),
      );
      return { source };
    },
    addCitation: async (_root, { input }, ctx) => {
      const author = requireAuthor(ctx, 'EDITOR');
      const valid = await parseInput(addCitationInput(lookupIn(ctx)), input);
      const { citations } = await withTransaction(ctx, (tx) =>
        attachCitations(tx, valid.target, [valid.citation], author, valid.reason),
      );
      return { citation: citations[0]! };
    },
  },
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
    target: (citation, _args, ctx) => citedRecord(citation, ctx),
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
