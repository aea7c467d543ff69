// Release diffs: the deals added, retired and changed between two SIPRI releases, by deal ID.
import { and, eq, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import { uuidArray } from '../../db/fragments.js';
import { sipriRows, type SipriReleaseRow, type SipriRowRow } from '../../db/schema.js';
import { toGlobalId } from '../../graphql/global-id.js';

/** A release's match counts as stored (sipri_releases.match_counts). */
export type MatchCounts = Record<string, number>;

export type ReleaseChangeKind = 'ADDED' | 'RETIRED' | 'CHANGED';

export interface ReleaseChangeRow {
  kind: ReleaseChangeKind;
  dealId: string;
  from: SipriRowRow | null;
  to: SipriRowRow | null;
}

export interface ReleaseChangesQuery {
  from: SipriReleaseRow;
  to: SipriReleaseRow;
  kinds: ReleaseChangeKind[] | null;
  /** Deal ID after which the page starts. */
  afterDealId: string | null;
  limit: number;
}

// What a row says, compared column by column; the designation as SIPRI wrote it too, since
// a respelling keeps the platform. Numeric columns compare as numbers (6 = 6.0).
const COMPARED = [
  'supplier_id',
  'recipient_id',
  'stage',
  'arrangement',
  'order_year',
  'order_uncertain',
  'comments',
  'platform_id',
  'quantity_ordered',
  'quantity_ordered_uncertain',
  'quantity_delivered',
  'quantity_delivered_uncertain',
  'delivery_years',
  'condition',
  'tiv_per_unit',
  'tiv_total_order',
  'tiv_delivered',
  'description',
  'fields[7]',
];
const columns = (alias: 'a' | 'b') => sql.raw(COMPARED.map((c) => `${alias}.${c}`).join(', '));

/**
 * The recipients both releases speak for: an excerpt covers its own, a full register all
 * (null). Outside them, "absent" would only mean "not in the excerpt".
 */
function sharedRecipients(a: SipriReleaseRow, b: SipriReleaseRow): string[] | null {
  const ofA = a.scope === 'EXCERPT' ? (a.recipientIds ?? []) : null;
  const ofB = b.scope === 'EXCERPT' ? (b.recipientIds ?? []) : null;
  if (ofA === null) return ofB;
  if (ofB === null) return ofA;
  return ofA.filter((id) => ofB.includes(id));
}

function changesStatement(q: ReleaseChangesQuery, select: SQL, page: boolean): SQL {
  const shared = sharedRecipients(q.from, q.to);
  const scope = shared ? sql` and recipient_id = any(${uuidArray(shared)})` : sql``;
  const kinds = q.kinds ? sql` and kind in ${q.kinds}` : sql``;
  const after = page && q.afterDealId ? sql` and deal_id > ${q.afterDealId}::uuid` : sql``;
  return sql`with a as (select * from ${sipriRows} where release_id = ${q.from.id}::uuid${scope}),
    b as (select * from ${sipriRows} where release_id = ${q.to.id}::uuid${scope}),
    diff as (
      select coalesce(a.deal_id, b.deal_id) as deal_id, a.line as from_line, b.line as to_line,
        case when a.deal_id is null then 'ADDED' when b.deal_id is null then 'RETIRED'
          else 'CHANGED' end as kind
      from a full join b on a.deal_id = b.deal_id
      where a.deal_id is null or b.deal_id is null
        or (${columns('a')}) is distinct from (${columns('b')})
    )
    ${select} from diff where true${kinds}${after}
    ${page ? sql`order by deal_id limit ${q.limit}` : sql``}`;
}

/** One page of changes, in deal-ID order, with both releases' rows. */
export async function fetchReleaseChanges(
  db: Db,
  q: ReleaseChangesQuery,
): Promise<ReleaseChangeRow[]> {
  const page = await queryRows<{
    deal_id: string;
    from_line: number | null;
    to_line: number | null;
    kind: ReleaseChangeKind;
  }>(db, changesStatement(q, sql`select deal_id, from_line, to_line, kind`, true));
  if (page.length === 0) return [];
  const wanted = page.flatMap((c) => [
    ...(c.from_line === null
      ? []
      : [and(eq(sipriRows.releaseId, q.from.id), eq(sipriRows.line, c.from_line))]),
    ...(c.to_line === null
      ? []
      : [and(eq(sipriRows.releaseId, q.to.id), eq(sipriRows.line, c.to_line))]),
  ]);
  const rows = await db
    .select()
    .from(sipriRows)
    .where(or(...wanted));
  const byKey = new Map(rows.map((r) => [`${r.releaseId}:${r.line}`, r]));
  return page.map((c) => ({
    kind: c.kind,
    dealId: c.deal_id,
    from: c.from_line === null ? null : (byKey.get(`${q.from.id}:${c.from_line}`) ?? null),
    to: c.to_line === null ? null : (byKey.get(`${q.to.id}:${c.to_line}`) ?? null),
  }));
}

export async function countReleaseChanges(db: Db, q: ReleaseChangesQuery): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    changesStatement(q, sql`select count(*)::int as n`, false),
  );
  return row?.n ?? 0;
}

/** A row's values in API terms: records by global ID, decimals as published. */
function rowValues(row: SipriRowRow): Record<string, unknown> {
  return {
    supplier: toGlobalId('Actor', row.supplierId),
    recipient: toGlobalId('Actor', row.recipientId),
    stage: row.stage,
    arrangement: row.arrangement,
    orderYear: row.orderYear,
    orderUncertain: row.orderUncertain,
    platform: toGlobalId('Platform', row.platformId),
    designation: row.fields[6] ?? null,
    description: row.description,
    quantityOrdered: row.quantityOrdered,
    quantityOrderedUncertain: row.quantityOrderedUncertain,
    quantityDelivered: row.quantityDelivered,
    quantityDeliveredUncertain: row.quantityDeliveredUncertain,
    deliveryYears: row.deliveryYears,
    condition: row.condition,
    tivPerUnit: row.tivPerUnit,
    tivTotalOrder: row.tivTotalOrder,
    tivDelivered: row.tivDelivered,
    comments: row.comments,
  };
}

/** The fields that differ, in a stable order; every field set for an added or retired deal. */
export function fieldChanges(
  change: ReleaseChangeRow,
): { field: string; from: unknown; to: unknown }[] {
  const from = change.from ? rowValues(change.from) : {};
  const to = change.to ? rowValues(change.to) : {};
  const fields = Object.keys(change.from ? from : to);
  return fields
    .map((field) => ({ field, from: from[field] ?? null, to: to[field] ?? null }))
    .filter((c) => !sameValue(c.from, c.to) || !change.from || !change.to);
}

function sameValue(a: unknown, b: unknown): boolean {
  // Decimals compare as numbers (SIPRI may write 6 or 6.0); everything else as JSON.
  if (
    typeof a === 'string' &&
    typeof b === 'string' &&
    /^\d+(\.\d+)?$/.test(a) &&
    /^\d+(\.\d+)?$/.test(b)
  ) {
    return Number(a) === Number(b);
  }
  return JSON.stringify(a) === JSON.stringify(b);
}
