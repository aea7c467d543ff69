// Deal filters: validates a GraphQL DealFilter and turns it into SQL conditions on `deals`.
import { and, gte, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { Context } from '../../context.js';
import { inUuids, platformFamilyIds } from '../../db/fragments.js';
import { dealItems, deals, platforms } from '../../db/schema.js';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { InvalidInputError, NotFoundError } from '../../errors.js';
import type {
  DealArrangement,
  DealFilter,
  DealStage,
  IntRange,
  WeaponCategory,
} from '../../graphql/generated/resolvers-types.js';
import { parseGlobalIdOf, type NodeType } from '../../graphql/global-id.js';
import { resolveCountryCodes } from '../../reference/iso-countries.js';

/** A validated filter: IDs decoded and known to exist, country codes as alpha-3. */
export interface ResolvedDealFilter {
  supplierIds?: string[];
  recipientIds?: string[];
  supplierCountries?: string[];
  recipientCountries?: string[];
  /** The actors in those countries, found when the filter is resolved (see actorIdsInCountries). */
  supplierCountryActorIds?: string[];
  recipientCountryActorIds?: string[];
  platformIds?: string[];
  categories?: WeaponCategory[];
  stages?: DealStage[];
  arrangements?: DealArrangement[];
  orderYear?: YearRange;
  deliveryYear?: YearRange;
  updatedSince?: Date;
  /** Retired deals too (always, when reading a release). */
  includeRetired?: boolean;
  /** Read what this SIPRI release published (src/db/release-view.ts), not the deals now. */
  releaseId?: string;
}

interface YearRange {
  from: number | null;
  to: number | null;
}

// Years outside this span are certainly typing mistakes, and would overflow smallint columns.
const MIN_YEAR = 1000;
const MAX_YEAR = 3000;

/** Validates `filter`, naming the bad argument in any error (e.g. `filter.orderYear`). */
export async function resolveDealFilter(
  filter: DealFilter | null | undefined,
  ctx: Context,
  argument = 'filter',
): Promise<ResolvedDealFilter> {
  if (!filter) return {};
  const [supplierIds, recipientIds, platformIds, releaseId] = await Promise.all([
    resolveIds(filter.supplier, 'Actor', `${argument}.supplier`, ctx),
    resolveIds(filter.recipient, 'Actor', `${argument}.recipient`, ctx),
    resolveIds(filter.platform, 'Platform', `${argument}.platform`, ctx),
    resolveRelease(filter.release, `${argument}.release`, ctx),
  ]);
  const supplierCountries = resolveCountryCodes(
    filter.supplierCountry,
    `${argument}.supplierCountry`,
  );
  const recipientCountries = resolveCountryCodes(
    filter.recipientCountry,
    `${argument}.recipientCountry`,
  );
  const actorsIn = (codes: string[] | undefined) =>
    codes
      ? ctx.loaders.actorIdsInCountries.load([...codes].sort().join(','))
      : Promise.resolve(undefined);
  const [supplierCountryActorIds, recipientCountryActorIds] = await Promise.all([
    actorsIn(supplierCountries),
    actorsIn(recipientCountries),
  ]);
  return {
    supplierIds,
    recipientIds,
    platformIds,
    supplierCountries,
    recipientCountries,
    supplierCountryActorIds,
    recipientCountryActorIds,
    categories: filter.category ?? undefined,
    stages: filter.stage ?? undefined,
    arrangements: filter.arrangement ?? undefined,
    orderYear: resolveYearRange(filter.orderYear, `${argument}.orderYear`),
    deliveryYear: resolveYearRange(filter.deliveryYear, `${argument}.deliveryYear`),
    updatedSince: filter.updatedSince ?? undefined,
    includeRetired: filter.includeRetired ?? undefined,
    releaseId,
  };
}

async function resolveRelease(
  id: string | null | undefined,
  argument: string,
  ctx: Context,
): Promise<string | undefined> {
  if (id === null || id === undefined) return undefined;
  const uuid = parseGlobalIdOf('SipriRelease', id, argument);
  if (!(await ctx.loaders.sipriReleaseById.load(uuid))) {
    throw new NotFoundError(argument, 'SipriRelease', id);
  }
  return uuid;
}

async function resolveIds(
  ids: readonly string[] | null | undefined,
  type: Extract<NodeType, 'Actor' | 'Platform'>,
  argument: string,
  ctx: Context,
): Promise<string[] | undefined> {
  if (!ids) return undefined;
  const uuids = ids.map((id, i) => parseGlobalIdOf(type, id, `${argument}[${i}]`));
  const loader = type === 'Actor' ? ctx.loaders.actorById : ctx.loaders.platformById;
  const rows = await loader.loadMany(uuids);
  return rows.map((row, i) => {
    if (row instanceof Error) throw row;
    if (row === null || (row.deletedAt && !row.mergedIntoId)) {
      throw new NotFoundError(`${argument}[${i}]`, type, ids[i] ?? '');
    }
    // A merged record's deals now belong to the record it was merged into.
    return row.mergedIntoId ?? row.id;
  });
}

function resolveYearRange(
  range: IntRange | null | undefined,
  argument: string,
): YearRange | undefined {
  if (!range) return undefined;
  const from = range.from ?? null;
  const to = range.to ?? null;
  for (const [end, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (value !== null && (value < MIN_YEAR || value > MAX_YEAR)) {
      throw new InvalidInputError(
        `${argument}.${end}`,
        `${value} is not a year between ${MIN_YEAR} and ${MAX_YEAR}`,
      );
    }
  }
  if (from !== null && to !== null && from > to) {
    throw new InvalidInputError(argument, `from (${from}) is after to (${to})`);
  }
  return { from, to };
}

/**
 * The SQL conditions on `deals` for a resolved filter. Country filters compare the parties
 * with the actor IDs found when the filter was resolved, as values: with a subquery (`in`, or
 * `= any(array(…))`) the planner cannot see how few actors match and scans an order index.
 */
export function dealConditions(
  f: ResolvedDealFilter,
  { partiesInText = false }: { partiesInText?: boolean } = {},
): SQL | undefined {
  // In the text for a statement built once per filter (a first page, a count): planned for a
  // parameter, a party's page got a plan of its own at every run (see inUuids).
  const party = (column: PgColumn, ids: string[]) =>
    partiesInText ? inUuids(column, ids) : inArray(column, ids);
  const conditions: (SQL | undefined)[] = [
    isNull(deals.deletedAt),
    f.includeRetired || f.releaseId ? undefined : isNull(deals.retiredAt),
    f.supplierIds && party(deals.supplierId, f.supplierIds),
    f.recipientIds && party(deals.recipientId, f.recipientIds),
    f.supplierCountryActorIds && party(deals.supplierId, f.supplierCountryActorIds),
    f.recipientCountryActorIds && party(deals.recipientId, f.recipientCountryActorIds),
    f.stages && inArray(deals.stage, f.stages),
    f.arrangements && inArray(deals.arrangement, f.arrangements),
    f.orderYear?.from != null ? gte(deals.orderYear, f.orderYear.from) : undefined,
    f.orderYear?.to != null ? lte(deals.orderYear, f.orderYear.to) : undefined,
    f.orderYear ? sql`${deals.orderYear} is not null` : undefined,
    f.updatedSince && gte(deals.updatedAt, f.updatedSince),
    f.categories?.length === 0 ? sql`false` : undefined,
    // An item counts for the family of its platform (SIPRI's designation) or of the variant
    // its comment names (src/import/platform-variants.ts), which lies in the same family.
    f.platformIds &&
      sql`${deals.id} in (select i.deal_id from ${dealItems} i
        where i.platform_id in ${platformFamilyIds(f.platformIds)}
          or i.variant_platform_id in ${platformFamilyIds(f.platformIds)})`,
    f.categories?.length
      ? sql`${deals.id} in (select i.deal_id from ${dealItems} i join ${platforms} p on p.id = i.platform_id
        where p.category in ${f.categories})`
      : undefined,
    f.deliveryYear &&
      sql`${deals.id} in (select i.deal_id from ${dealItems} i
        where i.delivery_years && ${yearsArray(f.deliveryYear)}::smallint[])`,
  ];
  return and(...conditions.filter((c): c is SQL => c !== undefined));
}

/**
 * The years of a range as an array literal, so that `&&` can use the GIN index on
 * delivery_years; an open end stops at the bounds every year must fall within.
 */
function yearsArray({ from, to }: YearRange): string {
  const first = from ?? MIN_YEAR;
  const last = to ?? MAX_YEAR;
  return `{${Array.from({ length: last - first + 1 }, (_, i) => first + i).join(',')}}`;
}
