// SIPRI import: how each table the import writes is laid out for writeRows.
import type { InferInsertModel } from 'drizzle-orm';
import type { citations, dealItems, deals, sipriRows } from '../db/schema.js';
import type { TableWrite } from './sipri-batch-writer.js';
import type { SipriLookups } from './sipri-lookups.js';

export type DealInsert = InferInsertModel<typeof deals> & { id: string };
export type ItemInsert = InferInsertModel<typeof dealItems> & { id: string };
export type CitationInsert = InferInsertModel<typeof citations> & { id: string };
export type SipriRowInsert = InferInsertModel<typeof sipriRows>;

/** A revision the import writes for a deal it adds, changes or retires; values come from its snapshot. */
export interface DealRevisionPlan {
  dealId: string;
  action: 'CREATE' | 'UPDATE' | 'RETIRE';
  reason: string;
}

export type Refs = ReturnType<SipriLookups['takePending']>;

export const ACTORS: TableWrite<Refs['actors'][number]> = {
  table: 'actors',
  columns: [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'kind', type: 'actor_kind', value: (r) => r.kind },
    { name: 'name', type: 'text', value: (r) => r.name },
    { name: 'iso_alpha2', type: 'text', value: (r) => r.isoAlpha2 },
    { name: 'iso_alpha3', type: 'text', value: (r) => r.isoAlpha3 },
    { name: 'iso_numeric', type: 'text', value: (r) => r.isoNumeric },
    { name: 'country_id', type: 'uuid', value: (r) => r.countryId },
    { name: 'existed_from', type: 'smallint', value: (r) => r.existedFrom },
    { name: 'existed_until', type: 'smallint', value: (r) => r.existedUntil },
  ],
};

export const ACTOR_ALIASES: TableWrite<Refs['actorAliases'][number]> = {
  table: 'actor_aliases',
  columns: [
    { name: 'actor_id', type: 'uuid', value: (r) => r.actorId },
    { name: 'alias', type: 'text', value: (r) => r.alias },
    { name: 'language', type: 'text', value: (r) => r.language },
  ],
};

export const PLATFORMS: TableWrite<Refs['platforms'][number]> = {
  table: 'platforms',
  columns: [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'designation', type: 'text', value: (r) => r.designation },
    { name: 'category', type: 'weapon_category', value: (r) => r.category },
    { name: 'description', type: 'text', value: (r) => r.description },
  ],
};

export const PLATFORM_ALIASES: TableWrite<Refs['platformAliases'][number]> = {
  table: 'platform_aliases',
  columns: [
    { name: 'platform_id', type: 'uuid', value: (r) => r.platformId },
    { name: 'alias', type: 'text', value: (r) => r.alias },
    { name: 'language', type: 'text', value: (r) => r.language },
  ],
};

export const DEALS: TableWrite<DealInsert> = {
  table: 'deals',
  columns: [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'supplier_id', type: 'uuid', value: (r) => r.supplierId },
    { name: 'recipient_id', type: 'uuid', value: (r) => r.recipientId },
    { name: 'stage', type: 'deal_stage', value: (r) => r.stage },
    { name: 'arrangement', type: 'deal_arrangement', value: (r) => r.arrangement },
    { name: 'order_year', type: 'smallint', value: (r) => r.orderYear },
    { name: 'order_uncertain', type: 'boolean', value: (r) => r.orderUncertain },
    { name: 'comments', type: 'text', value: (r) => r.comments },
    { name: 'import_key', type: 'text', value: (r) => r.importKey },
    { name: 'sipri_release_id', type: 'uuid', value: (r) => r.sipriReleaseId },
    { name: 'retired_at', type: 'timestamptz', value: (r) => r.retiredAt?.toISOString() },
    { name: 'retired_by_release_id', type: 'uuid', value: (r) => r.retiredByReleaseId },
  ],
  update: [
    'supplier_id',
    'recipient_id',
    'stage',
    'arrangement',
    'order_year',
    'order_uncertain',
    'comments',
    'import_key',
    'sipri_release_id',
    'retired_at',
    'retired_by_release_id',
  ],
  touchUpdatedAt: true,
  bumpVersion: true,
};

/** What an item says (quantities, years, TIVs, notes), as a deal item and as a release row keep it. */
type ItemValueRow = Pick<
  ItemInsert,
  | 'quantityOrdered'
  | 'quantityOrderedUncertain'
  | 'quantityDelivered'
  | 'quantityDeliveredUncertain'
  | 'condition'
  | 'tivPerUnit'
  | 'tivTotalOrder'
  | 'tivDelivered'
  | 'note'
  | 'description'
> & { deliveryYears?: number[] };

/** The columns of an item's values: deal_items and sipri_rows lay them out alike. */
function itemValueColumns<R extends ItemValueRow>(): TableWrite<R>['columns'] {
  return [
    { name: 'quantity_ordered', type: 'integer', value: (r) => r.quantityOrdered },
    {
      name: 'quantity_ordered_uncertain',
      type: 'boolean',
      value: (r) => r.quantityOrderedUncertain,
    },
    { name: 'quantity_delivered', type: 'integer', value: (r) => r.quantityDelivered },
    {
      name: 'quantity_delivered_uncertain',
      type: 'boolean',
      value: (r) => r.quantityDeliveredUncertain,
    },
    { name: 'delivery_years', type: 'smallint[]', value: (r) => r.deliveryYears, castFrom: 'text' },
    { name: 'condition', type: 'item_condition', value: (r) => r.condition },
    { name: 'tiv_per_unit', type: 'numeric', value: (r) => r.tivPerUnit },
    { name: 'tiv_total_order', type: 'numeric', value: (r) => r.tivTotalOrder },
    { name: 'tiv_delivered', type: 'numeric', value: (r) => r.tivDelivered },
    { name: 'note', type: 'text', value: (r) => r.note },
    { name: 'description', type: 'text', value: (r) => r.description },
  ];
}

export const DEAL_ITEMS: TableWrite<ItemInsert> = {
  table: 'deal_items',
  columns: [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'deal_id', type: 'uuid', value: (r) => r.dealId },
    { name: 'position', type: 'smallint', value: (r) => r.position },
    { name: 'platform_id', type: 'uuid', value: (r) => r.platformId },
    ...itemValueColumns<ItemInsert>(),
  ],
  update: [
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
    'note',
    'description',
  ],
};

export const CITATIONS: TableWrite<CitationInsert> = {
  table: 'citations',
  columns: [
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'source_id', type: 'uuid', value: (r) => r.sourceId },
    { name: 'deal_id', type: 'uuid', value: (r) => r.dealId },
    { name: 'locator', type: 'text', value: (r) => r.locator },
    { name: 'stance', type: 'citation_stance', value: (r) => r.stance },
  ],
  update: ['locator'],
  touchUpdatedAt: true,
};

export const SIPRI_ROWS: TableWrite<SipriRowInsert> = {
  table: 'sipri_rows',
  columns: [
    { name: 'release_id', type: 'uuid', value: (r) => r.releaseId },
    { name: 'line', type: 'integer', value: (r) => r.line },
    { name: 'fields', type: 'text[]', value: (r) => toArrayText(r.fields), castFrom: 'text' },
    { name: 'deal_id', type: 'uuid', value: (r) => r.dealId },
    { name: 'match', type: 'sipri_match', value: (r) => r.match },
    { name: 'match_note', type: 'text', value: (r) => r.matchNote },
    { name: 'supplier_id', type: 'uuid', value: (r) => r.supplierId },
    { name: 'recipient_id', type: 'uuid', value: (r) => r.recipientId },
    { name: 'stage', type: 'deal_stage', value: (r) => r.stage },
    { name: 'arrangement', type: 'deal_arrangement', value: (r) => r.arrangement },
    { name: 'order_year', type: 'smallint', value: (r) => r.orderYear },
    { name: 'order_uncertain', type: 'boolean', value: (r) => r.orderUncertain },
    { name: 'comments', type: 'text', value: (r) => r.comments },
    { name: 'platform_id', type: 'uuid', value: (r) => r.platformId },
    ...itemValueColumns<SipriRowInsert>(),
  ],
  conflict: ['release_id', 'line'],
};

/**
 * A text[] literal of arbitrary strings (SIPRI's fields hold commas, quotes and line breaks),
 * which travels inside the text array of its column and is cast back per row.
 */
function toArrayText(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/[\\"]/g, '\\$&')}"`).join(',')}}`;
}
