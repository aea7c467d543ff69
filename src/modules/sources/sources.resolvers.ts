// Source and citation resolvers: the source list, Source and Citation, and every record's citations.
import { and, gte, inArray, isNull, sql } from 'drizzle-orm';
import { nodeLoader, withTransaction, type Context } from '../../context.js';
import { InputProblems, validateText } from '../../graphql/input-validation.js';
import { requireAuthor } from '../auth/auth.service.js';
import {
  attachCitations,
  citationTarget,
  createSource,
  validateCitations,
  validateSourceInput,
  type CitationTarget,
} from './sources.service.js';
import { containsPattern } from '../../db/keyset.js';
import { sources, type CitationRow } from '../../db/schema.js';
import type {
  AddCitationInput,
  Resolvers,
  ResolversUnionTypes,
  SourceFilter,
} from '../../graphql/generated/resolvers-types.js';
import { parseGlobalId, toGlobalId } from '../../graphql/global-id.js';
import { nameOrderedConnection } from '../../graphql/name-ordered-list.js';
import { CITABLE_TYPES, type CitableType } from '../../graphql/record-types.js';
import { resolveReference } from '../../graphql/references.js';
import { required, tagged } from '../../graphql/rows.js';
import { fuzzyDate } from '../../graphql/values.js';

function sourceConditions(filter: SourceFilter | null | undefined) {
  const publisher = filter?.publisher ? containsPattern(filter.publisher) : null;
  const languages = filter?.language?.map((tag) => tag.toLowerCase());
  return and(
    isNull(sources.deletedAt),
    filter?.updatedSince ? gte(sources.updatedAt, filter.updatedSince) : undefined,
    filter?.kind ? inArray(sources.kind, filter.kind) : undefined,
    languages ? inArray(sql`lower(${sources.language})`, languages) : undefined,
    publisher ? sql`${sources.publisher} ilike ${publisher}` : undefined,
  );
}

async function citedRecord(
  c: CitationRow,
  ctx: Context,
): Promise<ResolversUnionTypes<Record<string, unknown>>['CitationTarget']> {
  const { type, id } = citationTarget(c);
  return tagged(type, required(await nodeLoader(ctx, type).load(id)));
}

async function validateAddCitation(input: AddCitationInput, ctx: Context) {
  const problems = new InputProblems();
  const target = problems.attempt('input.target', () =>
    parseGlobalId(input.target, 'input.target'),
  );
  let targetId: string | null = null;
  if (target) {
    if (!(CITABLE_TYPES as readonly string[]).includes(target.type)) {
      problems.add(
        'input.target',
        `a ${target.type} cannot be cited for; cite a deal, event, platform or actor`,
      );
    } else {
      // A merged-away actor or platform leads to its winner; a deleted record is NOT_FOUND.
      targetId = await resolveReference(ctx, problems, {
        path: 'input.target',
        type: target.type,
        uuid: target.uuid,
        id: input.target,
      });
    }
  }
  const [citation] = await validateCitations([input.citation], 'input.citation', problems, ctx, {
    required: true,
  });
  const reason = validateText(input.reason, 'input.reason', problems, { max: 1000 });
  problems.throwIfAny();
  return {
    target: { type: target!.type as CitableType, id: targetId! } satisfies CitationTarget,
    citation: citation!,
    reason,
  };
}

export const sourceResolvers: Resolvers = {
  Mutation: {
    createSource: async (_root, { input }, ctx) => {
      const author = requireAuthor(ctx, 'EDITOR');
      const problems = new InputProblems();
      const values = validateSourceInput(input.source, 'input.source', problems);
      const reason = validateText(input.reason, 'input.reason', problems, { max: 1000 });
      problems.throwIfAny();
      const source = await withTransaction(ctx, (tx) => createSource(tx, values, author, reason));
      return { source };
    },
    addCitation: async (_root, { input }, ctx) => {
      const author = requireAuthor(ctx, 'EDITOR');
      const valid = await validateAddCitation(input, ctx);
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
