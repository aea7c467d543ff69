// What each Deal and DealItem field reads of its row: a deal page, and a deal's items, select
// those columns only (src/graphql/selected-columns.ts). tests/deal-columns.test.ts checks each
// field, alone, against the same record read whole.
import { getTableColumns } from 'drizzle-orm';
import { dealItems, deals, type DealItemRow, type DealRow } from '../../db/schema.js';
import type { Deal, DealItem } from '../../graphql/generated/resolvers-types.js';
import { columnSelector } from '../../graphql/selected-columns.js';

export type DealKey = keyof DealRow;
export type DealItemKey = keyof DealItemRow;

const ORDER_DATE: DealKey[] = ['orderYear', 'orderMonth', 'orderDay', 'orderUncertain'];

/** Besides `id` (always selected). Typed by the schema's Deal type: every field is listed. */
const DEAL_FIELD_COLUMNS: Record<Exclude<keyof Deal, '__typename'>, readonly DealKey[]> = {
  id: [],
  version: ['version'],
  history: [],
  stage: ['stage'],
  arrangement: ['arrangement'],
  supplier: ['supplierId'],
  recipient: ['recipientId'],
  orderDate: ORDER_DATE,
  reportedValue: ['valueAmount', 'valueCurrency', 'valueCovers'],
  comments: ['comments'],
  items: [],
  events: [],
  citations: [],
  // src/modules/citations: the record line (stage, order date) and both parties.
  howToCite: ['stage', ...ORDER_DATE, 'supplierId', 'recipientId'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  // The row itself is the DealRetirement (src/modules/releases).
  retirement: ['retiredAt', 'retiredByReleaseId'],
  sipriReleases: [],
  sipriRecords: [],
};

const estimate = (prefix: 'quantityOrdered' | 'quantityDelivered'): DealItemKey[] => [
  prefix,
  `${prefix}Low`,
  `${prefix}High`,
  `${prefix}Uncertain`,
];

/** Besides `id` and `dealId` (always selected: the loader groups by it). */
const DEAL_ITEM_FIELD_COLUMNS: Record<
  Exclude<keyof DealItem, '__typename'>,
  readonly DealItemKey[]
> = {
  id: [],
  platform: ['platformId'],
  variant: ['variantPlatformId'],
  description: ['description'],
  quantityOrdered: estimate('quantityOrdered'),
  quantityDelivered: estimate('quantityDelivered'),
  deliveryYears: ['deliveryYears'],
  condition: ['condition'],
  tivPerUnit: ['tivPerUnit'],
  tivTotalOrder: ['tivTotalOrder'],
  tivDelivered: ['tivDelivered'],
  note: ['note'],
};

export const ALL_DEAL_KEYS = Object.keys(getTableColumns(deals)) as DealKey[];
export const ALL_DEAL_ITEM_KEYS = Object.keys(getTableColumns(dealItems)) as DealItemKey[];

/** The deal columns a page's nodes need (the page adds its ordering's key). */
export const dealColumnsSelected = columnSelector(DEAL_FIELD_COLUMNS, ['id'], ALL_DEAL_KEYS);

/** The item columns an `items` field's selection needs. */
export const itemColumnsSelected = columnSelector(
  DEAL_ITEM_FIELD_COLUMNS,
  ['id', 'dealId'],
  ALL_DEAL_ITEM_KEYS,
);
