// A SIPRI release's own view of deals and items, for reading "as of" a release.
import { sql, type SQL } from 'drizzle-orm';

/**
 * CTEs named `deals` and `deal_items` holding what one release published. Placed in front of
 * a statement they stand in for the tables (an unqualified name resolves to the CTE first),
 * so the filter, paging and grouping SQL written for the tables reads the release unchanged.
 * Every column of both tables is present; what SIPRI does not publish (month and day of
 * order, reported values) is null. Inside, the tables are named with their schema: under
 * WITH RECURSIVE a bare `deals` would be the CTE itself.
 */
export function releaseTables(releaseId: string): SQL[] {
  return [
    sql`deals as (
      select r.deal_id as id, r.supplier_id, r.recipient_id, r.stage, r.arrangement,
        r.order_year, null::smallint as order_month, null::smallint as order_day,
        r.order_uncertain, r.order_year * 10000 as order_sort,
        null::numeric as value_amount, null::text as value_currency, null::text as value_covers,
        r.comments, d.import_key, r.release_id as sipri_release_id, d.retired_at,
        d.retired_by_release_id, d.created_at, d.updated_at, d.version,
        null::timestamptz as deleted_at
      from public.sipri_rows r join public.deals d on d.id = r.deal_id
      where r.release_id = ${releaseId}::uuid)`,
    sql`deal_items as (
      select coalesce(i.id, r.deal_id) as id, r.deal_id, 0::smallint as position, r.platform_id,
        r.quantity_ordered, null::integer as quantity_ordered_low,
        null::integer as quantity_ordered_high, r.quantity_ordered_uncertain,
        r.quantity_delivered, null::integer as quantity_delivered_low,
        null::integer as quantity_delivered_high, r.quantity_delivered_uncertain,
        r.delivery_years, r.condition, r.tiv_per_unit, r.tiv_total_order, r.tiv_delivered,
        r.note, r.description, r.variant_platform_id,
        r.order_year * 10000 as deal_order_sort
      from public.sipri_rows r
      left join public.deal_items i on i.deal_id = r.deal_id and i.position = 0
      where r.release_id = ${releaseId}::uuid)`,
  ];
}

/** `with …` for these CTEs, or nothing; `recursive` when one of them refers to itself. */
export function withClause(ctes: SQL[], recursive = false): SQL {
  if (ctes.length === 0) return sql``;
  return sql`with ${sql.raw(recursive ? 'recursive ' : '')}${sql.join(ctes, sql`, `)} `;
}
