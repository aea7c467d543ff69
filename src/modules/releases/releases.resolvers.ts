// SIPRI release resolvers: the releases imported, their diffs, and a deal's releases and rows.
import { desc, asc } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { sipriReleases, type SipriReleaseRow } from '../../db/schema.js';
import { NotFoundError } from '../../errors.js';
import { buildConnection, decodeCursor, pageSize } from '../../graphql/connection.js';
import type { Resolvers } from '../../graphql/generated/resolvers-types.js';
import { parseGlobalIdOf, toGlobalId } from '../../graphql/global-id.js';
import { required } from '../../graphql/rows.js';
import { SIPRI_HEADER } from '../../import/sipri-csv-reader.js';
import {
  countReleaseChanges,
  fetchReleaseChanges,
  fieldChanges,
  type ReleaseChangeRow,
} from './release-changes.js';

async function releaseArgument(
  id: string,
  argument: string,
  ctx: Context,
): Promise<SipriReleaseRow> {
  const release = await ctx.loaders.sipriReleaseById.load(
    parseGlobalIdOf('SipriRelease', id, argument),
  );
  if (!release) throw new NotFoundError(argument, 'SipriRelease', id);
  return release;
}

// SIPRI's header names its "?" flag columns with a blank; the API names them after their value.
const FIELD_NAMES = SIPRI_HEADER.map((name, i) =>
  name.trim() === '' ? `${SIPRI_HEADER[i - 1]} uncertain` : name,
);

export const releaseResolvers: Resolvers = {
  Query: {
    sipriReleases: (_root, _args, ctx) =>
      ctx.db
        .select()
        .from(sipriReleases)
        .orderBy(
          desc(sipriReleases.generatedOn),
          asc(sipriReleases.scope),
          desc(sipriReleases.importedAt),
        ),
    releaseChanges: async (_root, args, ctx) => {
      const [from, to] = await Promise.all([
        releaseArgument(args.from, 'from', ctx),
        releaseArgument(args.to, 'to', ctx),
      ]);
      const first = pageSize(args.first);
      const order = `releaseChanges:${from.id}:${to.id}`;
      const after = decodeCursor(args.after, order);
      const query = {
        from,
        to,
        kinds: args.kind ?? null,
        afterDealId: after?.id ?? null,
        limit: first + 1,
      };
      const rows = await fetchReleaseChanges(ctx.db, query);
      return buildConnection(
        rows,
        first,
        (row) => ({ order, key: null, id: row.dealId }),
        after !== null,
        () => countReleaseChanges(ctx.db, query),
      );
    },
  },
  SipriRelease: {
    id: (release) => toGlobalId('SipriRelease', release.id),
    source: async (release, _args, ctx) =>
      required(await ctx.loaders.sourceById.load(release.sourceId)),
    recipients: async (release, _args, ctx) => {
      if (release.scope !== 'EXCERPT') return null;
      const actors = await ctx.loaders.actorById.loadMany(release.recipientIds ?? []);
      return actors.map((a) => {
        if (a instanceof Error) throw a;
        return required(a);
      });
    },
    matchCounts: (release) => release.matchCounts,
  },
  SipriMatchCounts: {
    sameKey: (c) => c.SAME_KEY ?? 0,
    respelled: (c) => c.RESPELLED ?? 0,
    renamed: (c) => c.RENAMED ?? 0,
    corrected: (c) => c.CORRECTED ?? 0,
    newDeals: (c) => c.NEW_DEAL ?? 0,
    ambiguous: (c) => c.ambiguous ?? 0,
    retired: (c) => c.retired ?? 0,
  },
  SipriRecord: {
    release: async (row, _args, ctx) =>
      required(await ctx.loaders.sipriReleaseById.load(row.releaseId)),
    fields: (row) => Object.fromEntries(FIELD_NAMES.map((name, i) => [name, row.fields[i] ?? ''])),
  },
  ReleaseChange: {
    deal: async (change: ReleaseChangeRow, _args, ctx) =>
      required(await ctx.loaders.dealById.load(change.dealId)),
    fromRecord: (change) => change.from,
    toRecord: (change) => change.to,
    changes: (change) => fieldChanges(change),
  },
  Deal: {
    retirement: (deal) => (deal.retiredAt ? deal : null),
    sipriRecords: (deal, _args, ctx) => ctx.loaders.sipriRowsByDealId.load(deal.id),
    sipriReleases: async (deal, _args, ctx) => {
      const rows = await ctx.loaders.sipriRowsByDealId.load(deal.id);
      const releases = await ctx.loaders.sipriReleaseById.loadMany(rows.map((r) => r.releaseId));
      return releases.map((r) => {
        if (r instanceof Error) throw r;
        return required(r);
      });
    },
  },
  DealRetirement: {
    retiredAt: (deal) => deal.retiredAt!,
    release: async (deal, _args, ctx) =>
      required(await ctx.loaders.sipriReleaseById.load(deal.retiredByReleaseId!)),
  },
};
